"""The catalogue package: what it exports and what importing it costs."""

import subprocess
import sys

import restday.catalog

PUBLIC = {
    "Exercise",
    "exercise_candidates",
    "load_activities",
    "load_exercises",
    "resolve_activity",
    "resolve_exercise",
}


def test_package_exports_its_public_names():
    assert set(restday.catalog.__all__) == PUBLIC
    assert all(hasattr(restday.catalog, name) for name in PUBLIC)


def _modules_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(run.stdout.split())


def test_importing_catalog_does_not_import_rapidfuzz():
    assert "rapidfuzz" not in _modules_after("import restday.catalog")


def test_resolving_a_known_name_does_not_import_rapidfuzz():
    code = (
        "from restday.catalog import resolve_exercise\n"
        "resolve_exercise('Squat (Barbell)')\n"
        "resolve_exercise('bench press')"
    )

    assert "rapidfuzz" not in _modules_after(code)
