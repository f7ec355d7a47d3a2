"""Latency of the form page, the queue and the save action: N forms in PostgreSQL, gunicorn on
loopback, U concurrent users (closed loop, think time between requests).

Usage: .venv/bin/python bench/web_load.py [--forms 10000] [--users 50] [--seconds 60] [--think 1.0] [--warmup 10] [--workers 3]

It starts a throw-away PostgreSQL (scripts/postgres) and a fresh database ``jixiao_bench``,
fills it (bench/web_populate.py), starts gunicorn (3 workers by default, production settings) on
127.0.0.1:8100, logs every user in, then measures for the given time. 70 % of the users are
unit clerks (open their draft self-evaluation, save it), 30 % finance reviewers (open the
queue, open a form). The load generator is stdlib threads with http.client, on the same two
cores as the server: the figures include that competition.
"""

import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST, PORT = "127.0.0.1", 8100


def arg(name: str, default: float) -> float:
    return float(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


class Browser:
    """One user's cookies over one keep-alive connection."""

    def __init__(self) -> None:
        self.conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None) -> tuple[int, str, float]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Host": HOST}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
            }
        started = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
            return 599, "", time.perf_counter() - started
        elapsed = time.perf_counter() - started
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, text, elapsed

    def log_in(self, username: str, password: str) -> None:
        self.request("GET", "/accounts/login/")
        status, _, _ = self.request(
            "POST",
            "/accounts/login/",
            {
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
            },
        )
        if status != 302:
            raise SystemExit(f"login failed for {username}: {status}")


def edit_data(page: str) -> dict:
    """The edit page's own form fields, as a browser would post them back."""
    fields: dict[str, list[str]] = {}
    for tag in re.findall(r"<(?:input|select|textarea)[^>]*>", page):
        name = re.search(r'name="([^"]+)"', tag)
        if not name:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        if 'type="checkbox"' in tag and "checked" not in tag:
            continue
        fields.setdefault(name[1], []).append(value[1] if value else "")
    for name, selected in re.findall(
        r'<select name="([^"]+)"[^>]*>.*?<option value="([^"]*)" selected', page, re.S
    ):
        fields[name] = [selected]
    for name, text in re.findall(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        fields[name] = [text.strip()]
    return {
        k: [
            v.replace("&amp;", "&").replace("&gt;", ">").replace("&lt;", "<").replace("&quot;", '"')
            for v in vs
        ]
        for k, vs in fields.items()
    }


class Stats:
    def __init__(self, warmup_until: float) -> None:
        self.warmup_until = warmup_until  # requests before then are not counted (cold workers)
        self.lock = threading.Lock()
        self.samples: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}

    def add(self, name: str, status: int, seconds: float, ok: tuple[int, ...]) -> None:
        if time.time() < self.warmup_until:
            return
        with self.lock:
            self.samples.setdefault(name, []).append(seconds)
            if status not in ok:
                self.errors[name] = self.errors.get(name, 0) + 1


def clerk(user: dict, password: str, stats: Stats, stop: float, think: float) -> None:
    browser = Browser()
    browser.log_in(user["username"], password)
    while time.time() < stop:
        status, _, seconds = browser.request("GET", f"/forms/{user['form']}/")
        stats.add("form page", status, seconds, (200,))
        time.sleep(think)
        status, page, _ = browser.request("GET", f"/forms/{user['form']}/edit/")
        data = edit_data(page) | {"csrfmiddlewaretoken": browser.cookies["csrftoken"]}
        data["total_score"] = [str(round(90 + (time.time() % 10), 2))]
        status, _, seconds = browser.request("POST", f"/forms/{user['form']}/edit/", data)
        stats.add("save", status, seconds, (302,))
        time.sleep(think)


def reviewer(
    user: dict, password: str, forms: list[int], stats: Stats, stop: float, think: float
) -> None:
    browser = Browser()
    browser.log_in(user["username"], password)
    i = 0
    while time.time() < stop:
        sort = ("-errors", "project", "-total", "unit")[i % 4]
        status, _, seconds = browser.request(
            "GET", f"/queue/?status=all&sort={sort}&page={1 + i % 20}"
        )
        stats.add("queue", status, seconds, (200,))
        time.sleep(think)
        status, _, seconds = browser.request("GET", f"/forms/{forms[i % len(forms)]}/")
        stats.add("form page", status, seconds, (200,))
        time.sleep(think)
        i += 1


def prepare(count: int, clerks: int, reviewers: int) -> tuple[dict, dict]:
    base = subprocess.run(
        [str(ROOT / "scripts" / "postgres")], check=True, capture_output=True, text=True
    ).stdout.strip()
    admin = base.replace("jixiao:jixiao@", "postgres@").rsplit("/", 1)[0] + "/postgres"
    subprocess.run(["psql", admin, "-qc", "DROP DATABASE IF EXISTS jixiao_bench"], check=True)
    subprocess.run(["psql", admin, "-qc", "CREATE DATABASE jixiao_bench OWNER jixiao"], check=True)
    env = os.environ | {
        "DATABASE_URL": base.rsplit("/", 1)[0] + "/jixiao_bench",
        "JIXIAO_PRODUCTION": "True",
        "SECRET_KEY": "bench-" + "k" * 40,
        "ALLOWED_HOSTS": HOST,
        "SECURE_COOKIES": "False",
        "DJANGO_SETTINGS_MODULE": "jixiao.web.settings",
        "JIXIAO_DATA_DIR": "/tmp/jixiao-bench",
        "PYTHONPATH": str(ROOT),
        "LOG_LEVEL": "WARNING",
    }
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "-v0"], check=True, env=env, cwd=ROOT)
    subprocess.run(
        [python, "manage.py", "collectstatic", "--no-input", "-v0"], check=True, env=env, cwd=ROOT
    )
    started = time.perf_counter()
    out = subprocess.run(
        [python, "bench/web_populate.py", str(count), str(clerks), str(reviewers)],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    made = json.loads(out)
    print(f"populated {made['forms']} forms in {time.perf_counter() - started:.1f} s")
    return made, env


def main() -> None:
    count, users, seconds, think = (
        int(arg("--forms", 10000)),
        int(arg("--users", 50)),
        arg("--seconds", 60),
        arg("--think", 1.0),
    )
    clerks = round(users * 0.7)
    made, env = prepare(count, clerks, users - clerks)
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "jixiao.web.wsgi",
            "--bind",
            f"{HOST}:{PORT}",
            "--workers",
            str(int(arg("--workers", 3))),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        time.sleep(3)
        warmup = arg("--warmup", 10)
        stats = Stats(time.time() + warmup)
        stop = time.time() + warmup + seconds
        forms = [c["form"] for c in made["clerks"]] + list(range(1, count, max(1, count // 200)))
        threads = [
            threading.Thread(target=clerk, args=(u, made["password"], stats, stop, think))
            for u in made["clerks"]
        ]
        threads += [
            threading.Thread(target=reviewer, args=(u, made["password"], forms, stats, stop, think))
            for u in made["reviewers"]
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        server.terminate()
        server.wait()
    print(
        f"{count} forms, {users} users ({clerks} clerks, {users - clerks} reviewers), {seconds:.0f} s, think {think} s"
    )
    for name, samples in sorted(stats.samples.items()):
        ordered = sorted(samples)
        p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
        print(
            f"  {name:<10} n={len(samples):<6} median={statistics.median(samples) * 1000:7.1f} ms  "
            f"p95={p95 * 1000:7.1f} ms  errors={stats.errors.get(name, 0)}"
        )


if __name__ == "__main__":
    main()
