"""Benchmarks of the web app: server time and size of every page and API call over ten years of
history (the history of bench/run.py), in-process, each against a baseline in the same process.

Run with `.venv/bin/python bench/web.py`; record the figures in docs/benchmarks.md.
The baseline is the static stylesheet: what the framework alone costs for one request.
With `--wrk`, also load a real `restday serve` from outside with wrk (Debian's package).
"""

import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from restday import service
from restday.store.db import open_database
from restday.web.app import create_app
from restday.web.config import WebConfig
from restday.web.templating import static_url
from run import NOW, history, timed

AT = quote(NOW.isoformat())
PAGES = [
    "/",
    f"/?at={AT}",
    f"/body?at={AT}",
    "/log",
    "/checkin",
    "/plan",
    "/history",
    f"/load?at={AT}",
    "/load?days=3650",
    "/import",
    "/rules",
    "/settings",
    f"/api/today?at={AT}",
    f"/api/status?at={AT}",
    f"/api/load?at={AT}&days=365",
    "/api/sessions?limit=50",
]


def stored_history(folder: Path) -> str:
    """A SQLite file with ten years of five sessions a week; its URL."""
    url = f"sqlite:///{folder / 'bench.db'}"
    with open_database(url) as db, db.transaction() as tx:
        user = tx.ensure_user(service.LOCAL_USER)
        items = [
            (s, [service.with_muscles(e)[1] for e in s.exercises], "bench", None) for s in history()
        ]
        tx.add_sessions(user, items)
    return url


def in_process(url: str) -> None:
    client = TestClient(create_app(WebConfig(database_url=url)), base_url="http://127.0.0.1:8321")
    baseline = static_url("style.css")
    base_ms = timed(lambda: client.get(baseline), 50)[0]
    print(f"baseline GET {baseline}: median {base_ms:.2f} ms")
    print("| path | status | size | median | best | × baseline |")
    print("|---|---|---|---|---|---|")
    for path in PAGES:
        response = client.get(path)
        median, best = timed(lambda path=path: client.get(path), 20)
        size = len(response.content)
        print(
            f"| `{path.replace(AT, 'AT')}` | {response.status_code} | {size / 1024:.1f} KB "
            f"| {median:.1f} ms | {best:.1f} ms | {median / base_ms:.1f} |"
        )


def with_wrk(url: str) -> None:
    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install wrk): skipped")
        return
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "RESTDAY_DATABASE_URL": url}
    restday = str(Path(sys.executable).with_name("restday"))
    server = subprocess.Popen([restday, "serve", "--port", str(port)], env=env)
    try:
        time.sleep(3)
        for path in (
            "/static/" + static_url("style.css").rsplit("/", 1)[1],
            f"/?at={AT}",
            f"/body?at={AT}",
        ):
            out = subprocess.run(
                ["wrk", "-t1", "-c4", "-d10s", f"http://127.0.0.1:{port}{path}"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            rate = next(line for line in out.splitlines() if "Requests/sec" in line)
            print(f"wrk {path.replace(AT, 'AT')}: {rate.split()[-1]} requests/s")
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    url = stored_history(Path(tempfile.mkdtemp()))
    in_process(url)
    if "--wrk" in sys.argv:
        with_wrk(url)


if __name__ == "__main__":
    main()
