"""present/ is shared by the CLI and the web app, and stays light: no Rich, Typer, web stack or solver."""

import subprocess
import sys

HEAVY = ("rich", "typer", "fastapi", "starlette", "jinja2", "ortools", "sqlalchemy", "icalendar")


def test_importing_present_loads_no_presenter_or_solver_library():
    probe = f"import sys, restday.present; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip() == "[]"
