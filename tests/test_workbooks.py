"""Excel workbooks: every row with data is read or reported, and a damaged or hostile workbook
is one sentence naming the file, within a second or two, never a crash or a hang."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import zipfile

import pytest
from openpyxl import Workbook

from conftest import DATA, ROOT
from wcplan.cli import app
from wcplan.model.planfile import load_plan
from wcplan.reading import workbook
from wcplan.reading.actuals import ReadOptions, read_actuals

PLAN = load_plan(DATA / "targets.yaml")
HEADER = ["indicator", "year", "value", "source"]
SHEET = "xl/worksheets/sheet1.xml"


def book(tmp_path, rows, name="a.xlsx", merge=None):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    if merge:
        wb.active.merge_cells(merge)
    path = tmp_path / name
    wb.save(path)
    return path


def rezip(path, part, edit):
    """The workbook with one part's bytes edited (`edit(bytes) -> bytes`), as a new file."""
    out = path.with_name("edited-" + path.name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, edit(data) if info.filename == part else data)
    return out


def in_sheet(path, old: bytes, new: bytes):
    def edit(data):
        assert old in data
        return data.replace(old, new, 1)

    return rezip(path, SHEET, edit)


def codes(read):
    return [(f.code, f.line, f.column) for f in read.findings]


def good(tmp_path):
    return book(tmp_path, [HEADER, [1, 2021, 1085, "x"], [1, 2022, 1352, "x"]])


# ── every row with data is read or reported ─────────────────────────────────


def test_a_blank_leading_column_and_rows_whose_first_cell_is_empty_are_read(tmp_path):
    shifted = book(tmp_path, [[None, *HEADER], [None, 1, 2021, 1085, "x"], [None, 1, 2022, 1352, "x"]])
    r = read_actuals([shifted], PLAN)
    assert codes(r) == [] and [(a.indicator, a.year, a.line) for a in r.actuals] == [
        (1, 2021, 2),
        (1, 2022, 3),
    ]
    gap = book(tmp_path, [HEADER, [1, 2021, 1085, "x"], [None, 2022, 1352, "x"]], "gap.xlsx")
    r = read_actuals([gap], PLAN)
    assert codes(r) == [("indicator-missing", 3, 1)]


def test_rows_past_a_declared_dimension_too_small_are_read(tmp_path):
    path = in_sheet(good(tmp_path), b'<dimension ref="A1:D3"', b'<dimension ref="A1:B2"')
    r = read_actuals([path], PLAN)
    assert codes(r) == [] and [a.line for a in r.actuals] == [2, 3]


def test_a_huge_declared_dimension_is_not_trusted(tmp_path):
    # openpyxl's read-only rows are padded to the dimension: a million rows of 16,384 cells
    path = in_sheet(good(tmp_path), b'<dimension ref="A1:D3"', b'<dimension ref="A1:XFD1048576"')
    path = rezip(
        path,
        SHEET,
        lambda d: d.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>'),
    )
    start = time.perf_counter()
    r = read_actuals([path], PLAN)
    assert time.perf_counter() - start < 2
    assert codes(r) == [] and len(r.actuals) == 2  # a cell without a value is not data


def test_a_merged_cell_is_reported_where_it_hides_a_value(tmp_path):
    rows = [HEADER, [1, 2021, 1085, "x"], [None, 2022, 1352, "x"], [None, 2023, 1700, "x"]]
    r = read_actuals([book(tmp_path, rows, merge="A2:A4")], PLAN)
    assert codes(r) == [("merged-cell", 3, 1), ("merged-cell", 4, 1)]  # nothing else about rows 3-4
    assert r.findings[0].message == (
        "this cell is one of the merged cells A2:A4: Excel shows '1' here, but the file holds it only in "
        "the first of them; unmerge the cells and fill in each one."
    )
    assert [a.line for a in r.actuals] == [2]
    twice = in_sheet(
        book(tmp_path, rows, "twice.xlsx", merge="A2:A4"),
        b"</mergeCells>",
        b'<mergeCell ref="A2:A4"/></mergeCells>',
    )
    assert codes(read_actuals([twice], PLAN)) == [("merged-cell", 3, 1), ("merged-cell", 4, 1)]


def test_merged_cells_that_hide_nothing_wcplan_reads_are_fine(tmp_path):
    title = [["2021-2022 actuals"], [*HEADER, "remark"], [1, 2021, 1085, "x", "see"], [1, 2022, 1352, "x"]]
    path = book(tmp_path, title, merge="E3:E4")  # a column wcplan ignores
    r = read_actuals([path], PLAN, ReadOptions())
    assert [c for c in codes(r) if c[0] == "merged-cell"] == []
    empty = book(tmp_path, [HEADER, [1, 2021, 1085, None], [1, 2022, 1352, None]], "e.xlsx", merge="D2:D3")
    assert [c[0] for c in codes(read_actuals([empty], PLAN))] == ["source-missing", "source-missing"]


def test_progress_workbooks_are_read_the_same_way(tmp_path):
    from wcplan.model.tasksfile import load_tasks

    rows = [
        [None, "item", "year", "status", "date", "note", "source"],
        [None, "2.2", 2022, "滞后", "2022-12-15", "尚未出台", "x"],
        [None, "2.2", 2022, "推进中", "2022-06-30", "起草中", "x"],
    ]
    path = book(tmp_path, rows, merge="B2:B3")
    r = read_actuals([path], PLAN, tasks=load_tasks(DATA / "tasks.yaml", PLAN))
    assert codes(r) == [("merged-cell", 3, 2)]
    assert [(p.item, p.line) for p in r.progress] == [("2.2", 2)]


# ── damaged and hostile workbooks: one sentence naming the file ─────────────


def corrupt_compression(path):
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 4, start + 24):
        raw[k] ^= 0x5A
    out = path.with_name("corrupt.xlsx")
    out.write_bytes(bytes(raw))
    return out


def not_a_zip(path):
    out = path.with_name("csv.xlsx")
    out.write_bytes(b"indicator,year,value\n1,2021,1085\n")
    return out


DAMAGED = {
    "corrupt compression": corrupt_compression,
    "malformed sheet XML": lambda p: rezip(p, SHEET, lambda d: d[: len(d) // 2]),
    "malformed styles XML": lambda p: rezip(p, "xl/styles.xml", lambda d: b"<styleSheet><<"),
    "no workbook part": lambda p: rezip(p, "xl/workbook.xml", lambda d: b""),
    "a style that does not exist": lambda p: in_sheet(p, b'<c r="C2" t="n">', b'<c r="C2" s="99" t="n">'),
    "a row number below 1": lambda p: in_sheet(p, b'<row r="2"', b'<row r="-2"'),
    "merged cells that overlap": lambda p: in_sheet(
        p,
        b"</sheetData>",
        b'</sheetData><mergeCells><mergeCell ref="A1:D3"/><mergeCell ref="B2:C3"/></mergeCells>',
    ),
    "not a zip file": lambda p: not_a_zip(p),
    "a shared string that does not exist": lambda p: in_sheet(p, b'<c r="C2" t="n">', b'<c r="C2" t="s">'),
    "a sheet cut short within a row": lambda p: rezip(p, SHEET, lambda d: d[: d.index(b'<row r="3"') + 20]),
}


@pytest.mark.parametrize("damage", DAMAGED, ids=list(DAMAGED))
def test_a_damaged_workbook_is_one_finding_naming_the_file(tmp_path, damage):
    path = DAMAGED[damage](good(tmp_path))
    r = read_actuals([path], PLAN)
    assert codes(r) == [("file-unreadable", None, None)] and r.findings[0].file == str(path)
    assert r.findings[0].message.startswith("cannot read this file as an Excel workbook (")
    assert r.findings[0].message.endswith("); if Excel opens it, save it again from Excel.")


def test_a_chart_chosen_with_sheet_is_a_finding(tmp_path):
    from openpyxl.chart import BarChart, Reference

    wb = Workbook()
    data = wb.active
    data.title = "数据"
    for row in [HEADER, [1, 2021, 1085, "x"]]:
        data.append(row)
    chart = BarChart()
    chart.add_data(Reference(data, min_col=3, min_row=1, max_row=2))
    wb.create_chartsheet("图表").add_chart(chart)
    path = tmp_path / "chart.xlsx"
    wb.save(path)
    r = read_actuals([path], PLAN, ReadOptions(sheet="图表"))
    assert codes(r) == [("sheet-missing", None, None)]
    assert r.findings[0].message == (
        "the sheet '图表' is a chart, not a table; name a worksheet with --sheet (数据)."
    )
    assert codes(read_actuals([path], PLAN, ReadOptions(sheet="数据"))) == []


def test_a_workbook_that_lists_no_sheet_says_so(tmp_path):
    # book.worksheets[0] of a workbook whose sheets are gone was an IndexError (exit 3) before the
    # reader was hardened; it said "holds only charts" since
    path = rezip(good(tmp_path), "xl/workbook.xml", lambda d: re.sub(rb"<sheets>.*</sheets>", b"", d))
    r = read_actuals([path], PLAN)
    assert codes(r) == [("sheet-missing", None, None)]
    assert r.findings[0].message == "the workbook has no worksheet to read."


def test_openpyxl_warnings_do_not_reach_the_terminal(tmp_path):
    # Excel writes its data-validation lists (drop-downs) as an extension that openpyxl drops with a
    # UserWarning, which Python would print on stderr with openpyxl's source path
    extension = (
        b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/'
        b'office/spreadsheetml/2009/9/main"><x14:dataValidations count="0"/></ext></extLst></worksheet>'
    )
    path = in_sheet(good(tmp_path), b"</worksheet>", extension)
    for args in (["validate", path], ["status", "2022", "--actuals", path]):
        run = subprocess.run(
            [sys.executable, "-m", "wcplan", *map(str, args)], capture_output=True, text=True, cwd=ROOT
        )
        assert run.returncode == 0 and run.stderr == "", run.stderr


def test_a_workbook_that_inflates_beyond_the_bound_is_never_unpacked(tmp_path):
    path = good(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/media/padding.bin", bytes(64 * 2**20))  # 64 MiB of zeros, 64 KiB packed
    assert path.stat().st_size < 2**20
    start = time.perf_counter()
    r = read_actuals([path], PLAN)
    assert time.perf_counter() - start < 2
    assert codes(r) == [("workbook-too-large", None, None)]
    assert r.findings[0].message == (
        "this workbook unpacks to 65 MiB, more than the 8 MiB wcplan reads; save the table alone in a new "
        "workbook."
    )


def test_a_file_larger_than_the_bound_is_not_opened(tmp_path):
    path = tmp_path / "big.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(workbook.MAX_UNPACKED))
    assert codes(read_actuals([path], PLAN)) == [("workbook-too-large", None, None)]


def test_data_beyond_the_rows_and_columns_read_refuses_the_sheet(tmp_path):
    far_row = in_sheet(
        good(tmp_path), b"</sheetData>", b'<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>'
    )
    r = read_actuals([far_row], PLAN)
    assert codes(r) == [("sheet-too-large", 1048576, None)]
    assert "wcplan reads only the first 20,000 rows of a sheet" in r.findings[0].message
    far_column = in_sheet(
        good(tmp_path), b"</row>", b'<c r="XFD1" t="inlineStr"><is><t>memo</t></is></c></row>'
    )
    r = read_actuals([far_column], PLAN)
    assert codes(r) == [("sheet-too-large", 1, 16384)]
    assert "the first 64 columns of a sheet (A to BL)" in r.findings[0].message


@pytest.mark.parametrize(
    "written",
    ["1" * 5000, "1.7E+308", "1E+999", "-1E+999", "1" * 400 + ".5"],
    ids=["5000 digits", "1.7e308", "1e999", "-1e999", "400 digits"],
)
def test_a_number_cell_out_of_range_is_a_finding_at_its_cell(tmp_path, written):
    path = in_sheet(good(tmp_path), b"<v>1085</v>", b"<v>" + written.encode() + b"</v>")
    r = read_actuals([path], PLAN)
    assert [c for c in codes(r) if c[0] != "implausible-jump"] == [("value-out-of-range", 2, 3)]
    assert [a.line for a in r.actuals] == [3]


# ── as users run it ─────────────────────────────────────────────────────────


def hostile_workbooks(tmp_path):
    """One workbook of each kind that crashed, hung or ate memory, each in its own folder."""
    made = {}
    kinds = {
        **DAMAGED,
        "inflates to 64 MiB": lambda p: rezip(p, "xl/styles.xml", lambda d: d + bytes(64 * 2**20)),
        "huge dimension and far row": lambda p: in_sheet(
            in_sheet(p, b'<dimension ref="A1:D3"', b'<dimension ref="A1:XFD1048576"'),
            b"</sheetData>",
            b'<row r="1048576"><c r="A1048576"><v>7</v></c></row></sheetData>',
        ),
        "5000 digits": lambda p: in_sheet(p, b"<v>1085</v>", b"<v>" + b"1" * 5000 + b"</v>"),
        "1.7e308": lambda p: in_sheet(p, b"<v>1085</v>", b"<v>1.7E+308</v>"),
    }
    for number, (kind, make) in enumerate(kinds.items()):
        folder = tmp_path / str(number)
        folder.mkdir()
        made[kind] = make(good(folder))
    return made


def test_validate_and_status_turn_each_hostile_workbook_into_one_line_and_exit_1(runner, tmp_path):
    for kind, path in hostile_workbooks(tmp_path).items():
        for args in (["validate", str(path)], ["status", "2022", "--actuals", str(path)]):
            start = time.perf_counter()
            r = runner.invoke(app, args)
            assert time.perf_counter() - start < 2, kind
            assert r.exit_code == 1, (kind, r.output)
            first = (r.stdout if args[0] == "validate" else r.stderr).splitlines()[0]
            assert first.startswith(f"{path}:") and " error " in first, (kind, first)
            assert "Traceback" not in r.output and "bug in wcplan" not in r.output


def test_validate_reports_a_merged_cell_at_the_cell(runner, tmp_path):
    rows = [HEADER, [1, 2021, 1085, "x"], [None, 2022, 1352, "x"]]
    merged = book(tmp_path, rows, merge="A2:A3")
    r = runner.invoke(app, ["validate", str(merged)])
    assert r.exit_code == 1
    assert r.stdout.splitlines()[0].startswith(
        f"{merged}:3:1: error merged-cell: this cell is one of the merged"
    )
