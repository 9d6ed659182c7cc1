"""A file the system cannot read is one clear error naming it, in every format."""

import os
import sys

import pytest

from restday.errors import ImportFileError
from restday.io import fit, gpx, hevy, strong, tcx

PARSERS = {"strong": strong.parse, "hevy": hevy.parse, "fit": fit.parse, "gpx": gpx.parse}
PARSERS["tcx"] = tcx.parse


@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_a_folder_is_an_error_naming_it(tmp_path, fmt):
    with pytest.raises(ImportFileError) as caught:
        PARSERS[fmt](tmp_path)
    assert str(caught.value) == f"{tmp_path}: cannot be read (Is a directory)"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/mem is Linux's")
@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_a_file_that_gives_an_input_output_error_is_an_error_naming_it(tmp_path, fmt):
    path = tmp_path / f"export.{fmt}"
    os.symlink("/proc/self/mem", path)  # a regular file whose reading fails with EIO, even for root
    with pytest.raises(ImportFileError) as caught:
        PARSERS[fmt](path)
    assert str(caught.value) == f"{path}: cannot be read (Input/output error)"
