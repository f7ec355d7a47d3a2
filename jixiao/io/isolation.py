"""A worker process that runs one call at a time within a time and a memory bound.

Reading a hostile file can take minutes or gigabytes however careful the readers are (a
decompression bomb, text that makes the importer try every split). ``Worker.call`` runs a
module-level function in a child whose address space is capped (from its size at its start),
waits at most the time bound, and raises ``Overrun`` when a bound is passed or the child dies;
the child is then killed, else reused. A threaded parent (the web) forks it from a
``forkserver`` with the importers loaded: a fork of a threaded process may inherit a held lock.
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
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError):
        return 0


def _cap_memory(memory_bytes: int) -> None:
    """Cap the address space at the child's size now (it may start large) plus ``memory_bytes``."""
    cap = _address_space() + memory_bytes
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:  # a cap already set cannot rise
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
    """One reusable child process running one call at a time (a thread uses a worker of its own).

    ``seconds`` and ``memory_bytes`` bound each call (``None``: no bound); ``method`` starts the
    child (``fork``, ``forkserver``; ``None``: ``fork`` while this process has one thread).
    """

    def __init__(
        self, seconds: float | None, memory_bytes: int | None, method: str | None = None
    ) -> None:
        self.seconds = seconds
        self.memory_bytes = memory_bytes
        self.method = method
        self.starts = 0  # how many children were started (a test reads it)
        self._busy = False  # a call was sent and its answer not received (interrupted)
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def __enter__(self) -> "Worker":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def start(self) -> Connection:
        """The connection to the child, started now unless it runs."""
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        self.close()
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

    def call(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` (they must pickle) run in the child; its exceptions are raised here.

        Raises:
            Overrun: the call passed a bound or the child died; the child is gone.
        """
        conn = self.start()
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
            self._process.close()
        if self._conn is not None:
            self._conn.close()
        self._process, self._conn, self._busy = None, None, False

    def close(self) -> None:
        """Ask the child to finish, and make sure it does (at once if a call was interrupted)."""
        if self._process is not None and self._conn is not None and not self._busy:
            try:
                self._conn.send(None)
            except OSError:
                pass
            self._process.join(timeout=5)
        self.kill()
