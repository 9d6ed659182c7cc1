"""What the CSV importers share: dates, durations, encodings, delimiters and line numbers."""

import codecs
from datetime import UTC, datetime, timedelta

import pytest

from restday.errors import ImportFileError
from restday.io import strong
from restday.io.csvfile import detect_encoding, parse_datetime, parse_duration_min, read_csv
from tests.io.conftest import sets_of, table

ROWS = "Date,Workout Name,Exercise Name,Reps\n2022-01-02 08:00:00,A,Squat,5\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-02-10 16:46:13", datetime(2021, 2, 10, 16, 46, 13)),
        ("2021-02-10T16:46", datetime(2021, 2, 10, 16, 46)),
        ("7 Apr 2026, 10:14", datetime(2026, 4, 7, 10, 14)),
        ("13 Jan 2026, 00:05", datetime(2026, 1, 13, 0, 5)),
        ("Jun 11, 2026, 1:01 PM", datetime(2026, 6, 11, 13, 1)),
        ("Jun 10, 2026, 12:29 AM", datetime(2026, 6, 10, 0, 29)),
        ("Jun 10, 2026, 12:29 PM", datetime(2026, 6, 10, 12, 29)),
        ("Jun 10, 2026, 12:29\u202fpm", datetime(2026, 6, 10, 12, 29)),  # narrow no-break space
        ("4 Sept 2025, 19:45", datetime(2025, 9, 4, 19, 45)),  # en-GB on newer phones
        ("September 4, 2025, 7:45:30 PM", datetime(2025, 9, 4, 19, 45, 30)),
        ("Tue, 7 Apr 2026, 10:14", datetime(2026, 4, 7, 10, 14)),
    ],
)
def test_dates_as_the_apps_write_them(text, expected):
    assert parse_datetime(text) == expected


def test_iso_offset_is_kept():
    assert parse_datetime("2026-04-07T10:14:00+02:00").utcoffset() == timedelta(hours=2)
    assert parse_datetime("2026-04-07T10:14:00Z").tzinfo == UTC


@pytest.mark.parametrize(
    "text",
    [
        "",
        "yesterday",
        "32 Apr 2026, 10:14",
        "Apr 2026, 10:14",
        "Jun 11, 2026, 13:01 PM",
        "10/06/2024",
    ],
)
def test_what_is_not_a_date_is_refused(text):
    with pytest.raises(ValueError):
        parse_datetime(text)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("1h 5m", 65), ("38min", 38), ("2h", 120), ("53m", 53), ("45s", 0.75), ("1h 2m 30s", 62.5)],
)
def test_durations_as_strong_writes_them(text, minutes):
    assert parse_duration_min(text) == pytest.approx(minutes)


@pytest.mark.parametrize("text", ["", "soon", "65", "1h and 5m"])
def test_what_is_not_a_duration_is_refused(text):
    with pytest.raises(ValueError):
        parse_duration_min(text)


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (b"Date\n", "utf-8"),
        (b"\xef\xbb\xbfDate\n", "utf-8-sig"),
        ("Date\nÜbung\n".encode("utf-16"), "utf-16"),
        ("Date\nÜbung – gut\n".encode("cp1252"), "cp1252"),
        ("Date\nÜbung\x81\n".encode("latin-1"), "latin-1"),
    ],
)
def test_encoding_is_found_from_the_bytes(write, content, encoding):
    assert detect_encoding(write("f.csv", content), "Strong CSV export") == encoding


def test_utf16_tab_separated_export_is_read(write):
    path = write("strong.csv", ROWS.replace(",", "\t").encode("utf-16"))

    assert table(strong.parse(path).sessions[0].session) == [
        ("Squat", [(5, None, None, None, "normal")])
    ]


def test_leading_blank_lines_count_in_line_numbers(write):
    path = write("strong.csv", "\n\n" + ROWS + "2022-01-02 08:00:00,A,Squat,x\n")

    with pytest.raises(ImportFileError, match=r", line 5, column Reps \"x\": not a number$"):
        strong.parse(path)


def test_blank_lines_between_rows_are_skipped(write):
    path = write("strong.csv", ROWS + "\n\n2022-01-02 08:00:00,A,Squat,6\n")

    assert [s.reps for s in strong.parse(path).sessions[0].session.exercises[0].sets] == [5, 6]


def test_decimal_comma_is_read_only_when_comma_is_not_the_delimiter(write):
    semicolon = write(
        "s.csv", "Date;Workout Name;Exercise Name;Weight;Reps\n2022-01-02;A;Squat;72,5;5\n"
    )
    comma = write(
        "c.csv", 'Date,Workout Name,Exercise Name,Weight,Reps\n2022-01-02,A,Squat,"72,5",5\n'
    )

    assert strong.parse(semicolon).sessions[0].session.exercises[0].sets[0].weight_kg == 72.5
    with pytest.raises(ImportFileError, match='column Weight "72,5": not a number'):
        strong.parse(comma)


def test_field_too_large_for_csv_is_a_clear_error(write):
    path = write("strong.csv", ROWS + '2022-01-02 08:00:00,A,"' + "x" * 200_000 + '",5\n')

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert str(raised.value) == (
        f"{path}, line 3: not a readable Strong CSV export: a field is longer than 131,072"
        " characters (or a quote is never closed)"
    )


def test_field_too_large_is_named_by_the_line_its_row_starts_on(write):
    path = write("strong.csv", ROWS + '2022-01-02 08:00:00,A,"' + "x\n" * 70_000 + '",5\n')

    with pytest.raises(ImportFileError, match=r"strong.csv, line 3: not a readable Strong CSV"):
        strong.parse(path)


def test_quote_never_closed_is_an_error_on_the_line_it_opens(write):
    path = write("strong.csv", ROWS + '2022-01-02 08:00:00,A,"Squat,5\n2022-01-02 08:00:00,A,S,6\n')

    for skip_invalid in (False, True):
        with pytest.raises(ImportFileError) as raised:
            strong.parse(path, skip_invalid=skip_invalid)

        assert str(raised.value) == (
            f"{path}, line 3: not a readable Strong CSV export: a quote opened in this row is"
            " never closed"
        )


def test_text_after_a_closing_quote_is_an_error(write):
    path = write("strong.csv", ROWS.replace(",", ";") + '2022-01-02;A;"Squat"x;5\n')

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert str(raised.value) == (
        f"{path}, line 3: not a readable Strong CSV export: a closing quote must be followed by"
        " a semicolon or the end of the line"
    )


def test_header_with_a_quote_never_closed_is_an_error_on_line_1(write):
    path = write("strong.csv", '"Date,Workout Name,Exercise Name,Reps\n')

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert str(raised.value) == (
        f"{path}, line 1: not a readable Strong CSV export: a quote opened in this row is never"
        " closed"
    )


@pytest.mark.parametrize(
    "content",
    [codecs.BOM_UTF8 * 3, (codecs.BOM_UTF8 + b"\n") * 3, codecs.BOM_UTF16_LE, b"\r\n \n\t\n"],
)
def test_file_of_byte_order_marks_or_blank_lines_is_empty(write, content):
    path = write("strong.csv", content)

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert str(raised.value) == f"{path}: the file is empty: no workouts"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_read(write, encoding):
    path = write("strong.csv", ROWS.encode(encoding))

    assert detect_encoding(path, "Strong CSV export") == encoding
    assert table(strong.parse(path).sessions[0].session) == [
        ("Squat", [(5, None, None, None, "normal")])
    ]


def test_bytes_that_are_not_the_text_a_byte_order_mark_promises_refuse_their_row(write):
    # UTF-8 BOM, then line 3 holds \xff: its row is refused, and with skip_invalid left out.
    body = ROWS.encode() + b"2022-01-02 08:00:00,A,Sq\xffuat,6\n2022-01-02 08:00:00,A,Squat,7\n"
    path = write("strong.csv", codecs.BOM_UTF8 + body)

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)
    result = strong.parse(path, skip_invalid=True)

    assert str(raised.value) == (
        f'{path}, line 3, column Exercise Name "Sq\\xffuat": holds bytes that are not UTF-8 text'
        " (the file's encoding)"
    )
    assert [(r.line, r.column, r.value) for r in result.skipped] == [
        (3, "Exercise Name", "Sq\\xffuat")
    ]
    assert [s.reps for s in result.sessions[0].session.exercises[0].sets] == [5, 7]
    assert result.sessions[0].skipped_rows == 1


def test_utf16_cut_in_the_middle_of_a_character_is_a_clean_error(write):
    path = write("strong.csv", (ROWS + "2022-01-02 08:00:00,A,Squat,6").encode("utf-16")[:-1])

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert str(raised.value) == (
        f'{path}, line 3, column Reps "\\x36": holds bytes that are not UTF-16 text (the'
        " file's encoding)"
    )


def test_header_with_bytes_that_do_not_decode_is_refused(write):
    path = write("strong.csv", codecs.BOM_UTF8 + b"Date,Workout\xc3 Name,Exercise Name\n")

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert str(raised.value) == (
        f"{path}, line 1: not a Strong CSV export: the header holds bytes that are not UTF-8 text"
    )


def test_header_of_100000_columns_is_read(write):
    extra = ",".join(f"c{i}" for i in range(100_000))
    path = write(
        "strong.csv", f"{ROWS.splitlines()[0]},{extra}\n2022-01-02,A,Squat,5{',' * 100_000}\n"
    )

    assert sets_of(strong.parse(path)) == 1


def test_a_long_value_is_cut_short_in_the_error(write):
    path = write("strong.csv", ROWS + "2022-01-02 08:00:00,A,Squat," + "x" * 5000 + "\n")

    with pytest.raises(ImportFileError) as raised:
        strong.parse(path)

    assert raised.value.value == "x" * 100 + "…"
    assert str(raised.value).endswith(f'column Reps "{"x" * 100}…": not a number')


def test_header_is_read_with_its_delimiter(write):
    with read_csv(write("f.csv", "a;b;c\n1;2;3\n"), "test") as f:
        assert (f.delimiter, f.header, list(f.rows)) == (
            ";",
            ["a", "b", "c"],
            [(2, ["1", "2", "3"])],
        )


def test_a_column_named_twice_is_read_from_its_first_place(write):
    path = write(
        "strong.csv", "Date,Workout Name,Exercise Name,Reps,reps\n2022-01-02,A,Squat,5,x\n"
    )

    assert table(strong.parse(path).sessions[0].session) == [
        ("Squat", [(5, None, None, None, "normal")])
    ]
