"""Reading actuals: one tidy table plus findings with file, line and column."""

from __future__ import annotations

import hashlib
import math

import pytest

from conftest import indicator, make_plan
from wcplan.base.findings import Severity
from wcplan.model.records import Actual
from wcplan.reading.actuals import ReadOptions, read_actuals
from wcplan.reading.values import parse_number

PLAN = make_plan(
    indicator(1),
    indicator(
        2,
        name="规模工业企业总产值",
        unit="亿元",
        measure="flow",
        baseline=884,
        targets={2021: 1000, 2022: 1300, 2023: 1600},
    ),
    indicator(
        3, unit="%", attribute="ratio", measure="share", baseline=22.2, targets={2021: 23, 2022: 25, 2023: 27}
    ),
)
HEADER = "indicator,year,value,source,note\n"


def write(tmp_path, name: str, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def read(tmp_path, text: str, name: str = "a.csv"):
    return read_actuals([write(tmp_path, name, text)], PLAN)


def only(findings, code: str):
    hits = [f for f in findings if f.code == code]
    assert len(hits) == 1, [(f.code, f.message) for f in findings]
    return hits[0]


def test_a_good_file_becomes_one_tidy_table(in_tmp):
    r = read(in_tmp, HEADER + "1,2021,21,official,\n2,2022,1300.5,illustrative,guess\n")
    assert r.findings == []
    assert r.files == ["a.csv"]
    assert r.actuals == [
        Actual(1, 2021, 21.0, "official", None, False, "a.csv", 2),
        Actual(2, 2022, 1300.5, "illustrative", "guess", True, "a.csv", 3),
    ]


def test_bom_crlf_spaces_and_blank_rows(in_tmp):
    text = "\ufeff Indicator , YEAR ,value,source\r\n\r\n1 ,2021, 21 ,x\r\n,,,\r\n2,2021,1012,x\r\n"
    r = read(in_tmp, text)
    assert r.findings == []
    assert [a.line for a in r.actuals] == [3, 5]


def test_cr_only_line_endings(in_tmp):
    r = read(in_tmp, "indicator,year,value,source\r1,2021,21,x\r2,2021,1012,x\r")
    assert r.findings == [] and [a.line for a in r.actuals] == [2, 3]


def test_line_numbers_stay_right_after_a_quoted_multiline_field(in_tmp):
    text = HEADER + '1,2021,21,x,"first line\nsecond line"\n2,2021,abc,x,\n'
    f = only(read(in_tmp, text).findings, "value-not-number")
    assert (f.line, f.column) == (4, 3)


@pytest.mark.parametrize("value", ["约300", "N/A", "—", "#DIV/0!", "=1+1", "nan", "inf", "1.2.3"])
def test_value_not_a_number_is_quoted(in_tmp, value):
    f = only(read(in_tmp, HEADER + f'1,2021,"{value}",x,\n').findings, "value-not-number")
    assert f.message == f"the value '{value}' is not a number."
    assert (f.file, f.line, f.column, f.severity) == ("a.csv", 2, 3, Severity.ERROR)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1300", 1300), ("1,300.5", 1300.5), ("１３００", 1300), (" 1300 ", 1300), ("0.5", 0.5)],
)
def test_numbers_written_plainly(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("row", "code", "column", "words"),
    [
        ("9,2021,1,x,", "unknown-indicator", 1, "indicator 9 is not in the plan (its ids run 1–3)"),
        ("one,2021,1,x,", "indicator-invalid", 1, "'one' is not an indicator id"),
        (",2021,1,x,", "indicator-missing", 1, "the indicator is empty; give its id or its name"),
        ("1,2024,1,x,", "year-outside-plan", 2, "2024 is outside the plan; give 2020 (the baseline)"),
        ("1,二〇二二,1,x,", "year-invalid", 2, "'二〇二二' is not a year"),
        ("1,,1,x,", "year-missing", 2, "the year is empty"),
        ("1,2021,,x,", "value-missing", 3, "the value is empty"),
        ("1,2021,-3,x,", "negative-value", 3, "the value -3 is negative"),
    ],
)
def test_bad_cells(in_tmp, row, code, column, words):
    r = read(in_tmp, HEADER + row + "\n")
    f = only(r.findings, code)
    assert (f.line, f.column) == (2, column)
    assert words in f.message
    assert r.actuals == []  # a bad row never reaches the table


@pytest.mark.parametrize("value", ["1e16", "-2e15", "1.7e308", "1e999", "1" * 5000, "1" * 400 + ".5"])
def test_a_value_beyond_any_figure_of_the_plan_is_an_error_at_its_cell(in_tmp, value):
    r = read(in_tmp, HEADER + f"2,2021,{value},x,\n")
    f = only(r.findings, "value-out-of-range")
    assert (f.line, f.column) == (2, 3) and r.actuals == []
    assert f.message == (
        f"the value '{value}' is out of range: no figure of the plan is beyond 1,000,000,000,000,000."
    )


def test_the_largest_figure_is_accepted_and_minus_zero_is_zero(in_tmp):
    r = read(in_tmp, HEADER + "2,2021,1e15,x,\n2,2022,-0,x,\n")
    assert [f.code for f in r.findings] == ["implausible-jump", "implausible-jump"]
    assert [a.value for a in r.actuals] == [1e15, 0.0]
    assert math.copysign(1, r.actuals[1].value) == 1


@pytest.mark.parametrize(
    ("row", "code", "column"),
    [("1" * 5000 + ",2021,1,x,", "indicator-invalid", 1), ("1," + "2" * 5000 + ",1,x,", "year-invalid", 2)],
)
def test_thousands_of_digits_in_an_id_or_year_are_a_finding(in_tmp, row, code, column):
    f = only(read(in_tmp, HEADER + row + "\n").findings, code)
    assert (f.line, f.column) == (2, column)


def test_ragged_row(in_tmp):
    f = only(read(in_tmp, HEADER + "1,2021,21,x,,extra\n").findings, "ragged-row")
    assert f.line == 2 and "6 fields but the header has 5" in f.message


def test_missing_column_names_what_was_found(in_tmp):
    f = only(read(in_tmp, "indicator,year,amount\n1,2021,3\n").findings, "missing-column")
    assert f.message == "the header lacks the required column value (found 'indicator', 'year', 'amount')."
    assert f.line == 1


def test_unknown_column_and_missing_source_are_warnings(in_tmp):
    r = read(in_tmp, "indicator,year,value,remark\n1,2021,21,x\n")
    assert {f.code: f.severity for f in r.findings} == {
        "unknown-column": Severity.WARNING,
        "source-missing": Severity.WARNING,
    }
    assert only(r.findings, "unknown-column").column == 4
    assert len(r.actuals) == 1


def test_empty_source_cell_is_a_warning(in_tmp):
    f = only(read(in_tmp, HEADER + "1,2021,21,,\n").findings, "source-missing")
    assert f.severity is Severity.WARNING and (f.line, f.column) == (2, 4)


@pytest.mark.parametrize(
    ("text", "code"), [("", "empty-file"), ("\n\n  \n", "empty-file"), (HEADER, "no-data-rows")]
)
def test_empty_files(in_tmp, text, code):
    assert only(read(in_tmp, text).findings, code).is_error


def test_gbk_is_decoded_and_named_in_a_note(in_tmp):
    text = "序号,年份,实际值,来源\n1,2021,21,区统计局\n"
    r = read_actuals([write(in_tmp, "gbk.csv", text, "gbk")], PLAN)
    assert [(f.code, f.severity) for f in r.findings] == [("encoding-gb18030", Severity.NOTE)]
    assert r.actuals[0].source == "区统计局"


def test_neither_utf8_nor_gbk_says_how_to_resave(in_tmp):
    path = in_tmp / "latin.csv"
    path.write_bytes(HEADER.encode() + "1,2021,21,Caf\xe9 statistics,\n".encode("latin-1") + b"\xff\xfe\xfa")
    f = only(read_actuals([path], PLAN).findings, "encoding")
    assert f.line == 2 and "CSV UTF-8" in f.message and "--encoding" in f.message


def test_duplicate_header_column(in_tmp):
    f = only(read(in_tmp, "indicator,year,value,value\n1,2021,2,3\n").findings, "duplicate-column")
    assert f.column == 4


def test_same_value_twice_is_a_warning_and_kept_once(in_tmp):
    r = read(in_tmp, HEADER + "1,2021,21,x,\n1,2021,21.0,x,\n")
    f = only(r.findings, "duplicate-row")
    assert f.severity is Severity.WARNING and f.line == 3 and "line 2" in f.message
    assert len(r.actuals) == 1


def test_conflicting_values_in_two_files_name_both_places(in_tmp):
    a = write(in_tmp, "a.csv", HEADER + "2,2021,5,x,\n1,2021,21,x,\n")
    b = write(in_tmp, "b.csv", HEADER + "1,2021,22,x,\n")
    r = read_actuals([a, b], PLAN)
    f = only(r.findings, "conflicting-values")
    assert (f.file, f.line) == ("b.csv", 2)
    assert f.message == "indicator 1 for 2021 is 22 here but 21 at a.csv:3; keep one of them."
    assert [a.indicator for a in r.actuals] == [2]  # neither conflicting value is used


def test_folders_are_read_in_name_order_and_files_read_once(in_tmp):
    folder = in_tmp / "actuals"
    folder.mkdir()
    write(folder, "b.csv", HEADER + "2,2021,1012,x,\n")
    write(folder, "a.csv", HEADER + "1,2021,21,x,\n")
    write(folder, "notes.txt", "not read")
    r = read_actuals([folder, folder / "a.csv"], PLAN)
    assert r.files == ["actuals/a.csv", "actuals/b.csv"]
    assert r.findings == []


def test_a_folder_without_csv_files_is_a_warning(in_tmp):
    (in_tmp / "empty").mkdir()
    f = only(read_actuals([in_tmp / "empty"], PLAN).findings, "no-actuals-files")
    assert f.severity is Severity.WARNING


def test_every_problem_is_found_in_one_run(in_tmp):
    text = HEADER + "9,2021,1,x,\n1,2030,1,x,\n1,2021,abc,x,\n1,2021,20,x,,,\n"
    r = read(in_tmp, text)
    assert [(f.code, f.line) for f in r.errors] == [
        ("unknown-indicator", 2),
        ("year-outside-plan", 3),
        ("value-not-number", 4),
        ("ragged-row", 5),
    ]


def test_input_files_are_never_modified(in_tmp):
    path = write(in_tmp, "a.csv", "\ufeff" + HEADER + "1,2021,21,x,\r\n9,2099,bad,,\n")
    before = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    read_actuals([path], PLAN)
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (HEADER + '1,2021,21,x,ok\n1,2022,"22,x,\n2,2021,22,x,\n', 3, "unexpected end of data"),
        (HEADER + '1,2021,"2"1,x,\n', 2, "',' expected after '\"'"),
        (HEADER + "1,2021,21,x," + "n" * 200_000 + "\n", 2, "field larger than field limit"),
    ],
)
def test_malformed_csv_is_one_finding_at_the_record(in_tmp, text, line, problem):
    r = read(in_tmp, text)
    f = only(r.findings, "csv-malformed")
    assert f.line == line and problem in f.message and "The rest of the file was not read." in f.message


@pytest.mark.parametrize(
    ("text", "words"), [("a;b;c\n1;2;3\n", "semicolons"), ("a\tb\tc\n1\t2\t3\n", "tabs")]
)
def test_other_separators_are_named(in_tmp, text, words):
    f = only(read(in_tmp, text).findings, "missing-column")
    assert f"the file seems separated by {words}: save it as CSV with commas" in f.message


# ── fill-in sheets: reference columns, rows not filled in yet ───────────────


def test_the_reference_columns_of_a_fill_in_sheet_are_known_and_not_read(in_tmp):
    text = "序号,指标,目标值,基期值,责任类型,期间,实际值,来源\n1,indicator 1,30,10,牵头,2022,21,x\n"
    r = read(in_tmp, text)
    assert r.findings == []
    assert [(a.indicator, a.value) for a in r.actuals] == [(1, 21.0)]


def test_a_row_not_filled_in_is_a_note_and_not_data(in_tmp):
    text = HEADER + "1,2022,21,x,\n2,2022,,,\n3,2022,,,\n"
    r = read_actuals([write(in_tmp, "a.csv", text)], PLAN, ReadOptions(trace=True))
    assert [(f.code, f.line, f.column, f.severity) for f in r.findings] == [
        ("value-not-filled", 3, 3, Severity.NOTE),
        ("value-not-filled", 4, 3, Severity.NOTE),
    ]
    assert r.findings[0].message == (
        "not filled in yet: this row has no value, source or note, so it is not counted as data."
    )
    assert [a.indicator for a in r.actuals] == [1]
    assert r.unread == {("a.csv", 3): (2, 2022, 12), ("a.csv", 4): (3, 2022, 12)}


def test_an_empty_value_beside_a_source_or_a_note_is_still_an_error(in_tmp):
    r = read(in_tmp, HEADER + "1,2022,,x,\n1,2021,,,why\n")
    assert [(f.code, f.line) for f in r.errors] == [("value-missing", 2), ("value-missing", 3)]


def test_a_file_with_no_value_filled_in_is_an_error(in_tmp):
    r = read(in_tmp, HEADER + "1,2022,,,\n2,2022,,,\n")
    f = only(r.findings, "nothing-filled")
    assert f.is_error and f.line == 1
    assert f.message == (
        "no row of this file has a value: it is a fill-in sheet not filled in yet. Fill in the values "
        "before submitting it."
    )
    assert [f.code for f in r.findings].count("value-not-filled") == 2 and r.actuals == []


def test_rows_that_are_not_data_are_traced_to_their_indicator(in_tmp):
    header = "indicator,period,value,source,note\n"
    a = write(in_tmp, "a.csv", header + "1,2022,abc,x,\n9,2022,1,x,\n2,2022-H1,5,x,\n")
    b = write(in_tmp, "b.csv", header + "2,2022年上半年,6,x,\n")
    r = read_actuals([a, b], PLAN, ReadOptions(trace=True))
    # a bad value, then a conflict; an unknown indicator names nothing to trace
    assert r.unread == {("a.csv", 2): (1, 2022, 12), ("b.csv", 2): (2, 2022, 6)}
    assert r.actuals == []
