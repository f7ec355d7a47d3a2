"""A worker process that runs one call at a time within a time and a memory bound.

Reading a hostile file can take minutes or gigabytes however careful the readers are (a
decompression bomb, text that makes the importer try every split). ``Worker.call`` runs a
module-level function in a child process whose address space is capped
(``resource.setrlimit(RLIMIT_AS)``, counted from the child's size at its start), waits at
most the time bound for the answer, and raises ``Overrun`` when either bound is passed or the
child dies. The child is started once and reused
for every later call, so a batch pays its start-up once; after an overrun it is killed and a
fresh one is started on the next call.

A single-threaded parent (the CLI) forks the child directly: it starts at once with all the
parent has loaded. A threaded parent (a web process) has it forked from a clean server process
(``forkserver``, which has the importers loaded), since a fork of a threaded process may
inherit a lock another thread held; that server costs a second or two to start, once.

Usage::

    with Worker(seconds=60, memory_bytes=1 << 30) as worker:
        try:
            result = worker.call(parse_file, path)
        except Overrun as exc:
            ...  # exc.reason is "time", "memory" or "crash"
"""

import multiprocessing
import resource
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from typing import Any, Literal, TypeVar

T = TypeVar("T")
Reason = Literal["time", "memory", "crash"]

# Loaded once in the fork server, so each worker starts with them.
PRELOAD = [
    "jixiao.io.bounded",
    "jixiao.io.readers.xlsx",
    "jixiao.io.readers.docx",
    "jixiao.io.readers.html",
    "jixiao.io.readers.pdf",
    "jixiao.core.checks.runner",
]


class Overrun(Exception):
    """A call stopped: it ran out of time (``time``) or memory (``memory``), or the child died."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason)
        self.reason: Reason = reason


def _serve(conn: Connection, memory_bytes: int | None) -> None:
    """The child's loop: run each ``(function, args)`` received and send back its outcome."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if memory_bytes is not None:
        _cap_memory(memory_bytes)
    parent = multiprocessing.parent_process()
    while True:
        if parent is not None and conn not in wait([conn, parent.sentinel]):
            return  # the parent is gone (killed, say) and will send nothing more
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        function, args = request
        try:
            reply: tuple[str, Any] = ("ok", function(*args))
        except MemoryError:
            reply = ("memory", None)
        except Exception as exc:  # the caller's to handle, as if the call had run here
            reply = ("error", exc)
        _send(conn, reply)


def _address_space() -> int:
    """This process's address space in bytes now (0 where ``/proc`` does not tell)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _cap_memory(memory_bytes: int) -> None:
    """Let the calls add at most ``memory_bytes`` to the address space the child starts with.

    A child forked from a large process starts large; counting from its start keeps the bound
    the same for every parent. Never above a cap already set on this process (it cannot rise).
    """
    cap = _address_space() + memory_bytes
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _send(conn: Connection, reply: tuple[str, Any]) -> None:
    """Send a reply; what cannot be pickled (or pickled within the memory) is sent as such."""
    try:
        conn.send(reply)
    except MemoryError:
        conn.send(("memory", None))
    except Exception as exc:  # an exception or result that does not pickle
        conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))


class Worker:
    """One reusable child process; ``call`` runs a function in it within the bounds.

    One call at a time: a thread (a web task) that parses uses a worker of its own.

    Args:
        seconds: wall time allowed for each call (``None``: no bound).
        memory_bytes: what a call may add to the child's address space (``None``: no bound).
        method: how the child is started, ``fork`` or ``forkserver`` (``None``: ``fork`` while
            the process has one thread, else ``forkserver``).
    """

    def __init__(
        self, seconds: float | None, memory_bytes: int | None, method: str | None = None
    ) -> None:
        self.seconds = seconds
        self.memory_bytes = memory_bytes
        self.method = method  # "fork" or "forkserver"; None: chosen at each start
        self.starts = 0  # how many children were started (a test reads it)
        self._busy = False  # a call was sent and its answer not received (interrupted)
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def __enter__(self) -> "Worker":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _start(self) -> Connection:
        method = self.method or ("fork" if threading.active_count() == 1 else "forkserver")
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload(PRELOAD)
        parent, child = context.Pipe()
        process = context.Process(
            target=_serve, args=(child, self.memory_bytes), daemon=True, name="jixiao-worker"
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        self.starts += 1
        return parent

    def start(self) -> None:
        """Start the child now unless it runs (before a thread is started, to fork it directly)."""
        self._live()

    def _live(self) -> Connection:
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        self.close()
        return self._start()

    def call(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` run in the child; its exceptions are raised here.

        ``function`` and ``args`` must pickle (a module-level function, plain data).

        Raises:
            Overrun: the call passed a bound or the child died; the child is gone.
        """
        conn = self._live()
        self._busy = True
        try:
            conn.send((function, args))
            ready = conn.poll(self.seconds)
            status, value = conn.recv() if ready else ("time", None)
        except (EOFError, OSError):
            status, value = "crash", None
        self._busy = False
        if status == "ok":
            return value
        if status == "error":
            raise value
        self.kill()
        raise Overrun(status)

    def kill(self) -> None:
        """Stop the child at once (a later call starts a new one)."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
        self._forget()

    def close(self) -> None:
        """Ask the child to finish, and make sure it does (at once if a call was interrupted)."""
        if self._process is not None and self._conn is not None and not self._busy:
            try:
                self._conn.send(None)
            except OSError:
                pass
            self._process.join(timeout=5)
        self.kill()

    def _forget(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._process is not None:
            self._process.close()
        self._process, self._conn, self._busy = None, None, False
