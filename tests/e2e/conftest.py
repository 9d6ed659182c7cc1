"""Browser tests: Playwright drives Debian's chromium against `restday serve` on a free port.

`make test` installs chromium with apt; `playwright install` (which downloads a browser) is never run.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# As root in a container chromium needs --no-sandbox; the rest keep it off a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if CHROMIUM is None:
        reason = "chromium is not installed (make test installs it with apt-get)"
        for item in items:
            if "tests/e2e/" in str(item.path):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, object]:
    """Debian's chromium instead of a downloaded browser."""
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"restday serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/rules", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"restday serve did not answer on {url} within {seconds} s")


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`restday serve` on a free 127.0.0.1 port over a new SQLite file; its base URL."""
    home = tmp_path_factory.mktemp("e2e")
    port = _free_port()
    env = {
        **os.environ,
        "HOME": str(home),
        "RESTDAY_DATABASE_URL": f"sqlite:///{home / 'restday.db'}",
    }
    command = [sys.executable, "-m", "restday", "serve", "--port", str(port)]
    url = f"http://127.0.0.1:{port}"
    with (home / "server.log").open("wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(url, process)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where the pages' screenshots go (docs/screenshots/, shown in the README)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def base_url(server: str) -> str:
    """Pages open relative to the server: `page.goto("/rules")`."""
    return server
