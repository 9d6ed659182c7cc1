"""Compile every message catalogue (`<lang>/LC_MESSAGES/*.po`) to the `.mo` file beside it.

Run after editing a .po file: `python -m restday.locales.compile`;
`python -m restday.locales.compile --check` only reports stale .mo files (exit 1 if any).
"""

import argparse
import sys
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from restday.locales import LOCALE_DIR

__all__ = ["compile_all", "compiled", "main", "messages", "po_files", "stale"]


def po_files(root: Path = LOCALE_DIR) -> list[Path]:
    """The .po files under `root`, one per language and domain."""
    return sorted(root.glob("*/LC_MESSAGES/*.po"))


def compiled(po: Path) -> bytes:
    """The .mo bytes of one .po file (fuzzy and empty translations are left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fp:
        catalog = read_po(fp, abort_invalid=True)
    out = BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def messages(mo: bytes) -> dict[str, str]:
    """msgid -> translation of compiled .mo bytes, without the header."""
    from babel.messages.mofile import read_mo

    catalog = read_mo(BytesIO(mo))
    return {str(m.id): str(m.string) for m in catalog if m.id}


def stale(root: Path = LOCALE_DIR) -> list[Path]:
    """The .mo files that are missing or say something else than their .po file."""
    found = []
    for po in po_files(root):
        mo = po.with_suffix(".mo")
        if not mo.is_file() or messages(mo.read_bytes()) != messages(compiled(po)):
            found.append(mo)
    return found


def compile_all(root: Path = LOCALE_DIR) -> list[Path]:
    """Write the .mo file of every .po file under `root`; returns the files written."""
    written = []
    for po in po_files(root):
        mo = po.with_suffix(".mo")
        mo.write_bytes(compiled(po))
        written.append(mo)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Compile the catalogues, or with --check report the stale ones."""
    parser = argparse.ArgumentParser(
        prog="python -m restday.locales.compile", description="Compile the .po files to .mo."
    )
    parser.add_argument("--check", action="store_true", help="only report stale .mo files")
    args = parser.parse_args(argv)
    if args.check:
        old = stale()
        for mo in old:
            print(f"stale: {mo}", file=sys.stderr)
        return 1 if old else 0
    for mo in compile_all():
        print(f"wrote {mo}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
