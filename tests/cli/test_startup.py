"""`restday --help` and `restday today` stay light: no solver, no web stack, no data science."""

import subprocess
import sys

HEAVY = (
    "ortools",
    "numpy",
    "pandas",
    "fastapi",
    "uvicorn",
    "starlette",
    "jinja2",
    "python_multipart",
    "rapidfuzz",
    "sqlalchemy.orm",
    "alembic",
    "pydantic",
)

PROBE = """
import sys
sys.argv = {argv!r}
from restday.cli.app import main
try:
    main()
except SystemExit:
    pass
print("LOADED:" + ",".join(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def loaded(argv, env):
    code = PROBE.format(argv=argv, heavy=HEAVY)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    ).stdout
    return out.rsplit("LOADED:", 1)[1].strip()


def test_help_and_today_import_no_heavy_library(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "RESTDAY_DATABASE_URL": f"sqlite:///{tmp_path}/r.db",
    }
    assert loaded(["restday", "--help"], env) == ""
    loaded(["restday", "today"], env)  # the first run creates the database with Alembic
    assert loaded(["restday", "today"], env) == ""
