"""Fill-in sheets (wcplan template): what goes out comes back through `validate` and `status`
unchanged, filled in as a person would, and a sheet left empty is "not filled in yet"."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from conftest import DATA
from wcplan.cli import app
from wcplan.model.periods import parse_period
from wcplan.model.planfile import load_plan
from wcplan.model.template import COLUMNS, HEADERS, build, period_text
from wcplan.reading.headers import COLUMNS as READER_COLUMNS

PLAN_FILE = DATA / "targets.yaml"
PLAN = load_plan(PLAN_FILE)
VALUE = HEADERS.index("实际值") + 1  # column H


def run(runner, *args):
    return runner.invoke(app, [*args, "--targets", str(PLAN_FILE)])


def make(runner, tmp_path, period="2022-H1", unit="区科技局", suffix=".xlsx", *more):
    path = tmp_path / f"sheet{suffix}"
    r = run(runner, "template", period, "--unit", unit, "-o", str(path), *more)
    assert r.exit_code == 0, r.output
    return path


# ── what a sheet holds ───────────────────────────────────────────────────────


def test_every_header_is_one_the_reader_reads():
    for column in COLUMNS:
        assert column.header in READER_COLUMNS[column.key]


@pytest.mark.parametrize("label", ["2022", "2022-06", "2022-Q2", "2022-H1", "2022-Q3", "2022-H2", "2022-12"])
def test_the_period_is_written_in_chinese_and_read_back_as_itself(label):
    period = parse_period(label)
    written = period_text(period)
    assert parse_period(written) == parse_period(label.replace("-H2", "").replace("-12", ""))
    assert written.startswith("2022年") and written.isprintable()


def test_a_unit_gets_what_it_leads_then_what_it_is_responsible_for():
    sheet = build(PLAN, "区工信局", parse_period("2022-H1"))
    roles = [(r.indicator.id, str(r.role)) for r in sheet.rows]
    assert roles[:4] == [(1, "lead"), (2, "lead"), (3, "lead"), (4, "lead")]
    assert [i for i, role in roles if role == "responsible"][:3] == [5, 6, 7]
    assert len(roles) == 19 + 14
    first = sheet.table()[1]
    assert first == [1, "工业总产值", "牵头", "亿元", "2022年上半年", 1000, 1400, *[None] * 3, "区工信局"]


def test_the_xlsx_sheet_is_locked_but_for_the_value_source_and_note(runner, tmp_path):
    book = load_workbook(make(runner, tmp_path, "2022-H1", "区工信局"))
    sheet = book.worksheets[0]
    assert sheet.protection.sheet
    assert [c.value for c in sheet[1]] == HEADERS
    row = sheet[2]
    locked = {HEADERS[c.column - 1]: c.protection.locked for c in row}
    assert locked == {h: h not in ("实际值", "来源", "备注") for h in HEADERS}
    assert row[0].fill.fgColor.rgb.endswith("F2F2F2") and row[VALUE - 1].fill.fill_type is None
    assert sheet.freeze_panes == "C2"


def test_the_xlsx_sheet_checks_each_value_and_names_its_unit(runner, tmp_path):
    sheet = load_workbook(make(runner, tmp_path, "2022-H1", "区工信局")).worksheets[0]
    rules = {}
    for check in sheet.data_validations.dataValidation:
        for cell_range in check.sqref.ranges:
            for row in range(cell_range.min_row, cell_range.max_row + 1):
                assert cell_range.min_col == cell_range.max_col == VALUE
                rules[sheet.cell(row, 4).value, sheet.cell(row, 1).value] = check
    assert len(rules) == sheet.max_row - 1  # every value cell has its rule
    output = rules["亿元", 1]
    assert (output.type, output.operator, output.formula1) == ("decimal", "greaterThanOrEqual", "0")
    assert output.showInputMessage and output.showErrorMessage and output.allow_blank
    # a form for the plan's units: in Chinese, whatever the interface language
    assert output.promptTitle == "实际值（亿元）"
    assert output.prompt == "2022年上半年：不小于 0 的数（单位：亿元）。"
    assert output.error == "数值须为不小于 0 的数（单位：亿元）。"
    share = rules["%", 4]
    assert (share.type, share.operator, share.formula1, share.formula2) == ("decimal", "between", "0", "100")
    assert share.prompt == "2022年上半年：0 至 100 之间的百分数（24.1% 填 24.1）。"
    firms, projects = rules["家", 3], rules["个", 21]
    assert (firms.type, firms.formula1) == (projects.type, projects.formula1) == ("whole", "0")
    assert firms.prompt == "2022年上半年：不小于 0 的整数（单位：家）。"


def test_the_xlsx_sheet_prints_on_a4_landscape_one_page_wide_with_the_header(runner, tmp_path):
    sheet = load_workbook(make(runner, tmp_path)).worksheets[0]
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == int(sheet.PAPERSIZE_A4) == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0)
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.oddHeader.center.text == "区科技局 · 2022年上半年"
    widths = {h: sheet.column_dimensions[chr(64 + i)].width for i, h in enumerate(HEADERS, 1)}
    assert widths["指标"] >= 2 * len("全社会研发经费投入占GDP比重") - 4  # Chinese takes two columns


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_instructions_are_in_chinese_and_in_english_too_with_lang_en(runner, tmp_path, lang):
    book = load_workbook(make(runner, tmp_path, "2022-H1", "区科技局", ".xlsx", "--lang", lang))
    assert [s.title for s in book.worksheets] == ["填报表", "填报说明"]
    assert book.active.title == "填报表" and [c.value for c in book.worksheets[0][1]] == HEADERS
    lines = [row[0].value for row in book.worksheets[1].iter_rows()]
    assert lines[0] == "区科技局 2022年上半年 填报表"
    assert lines[2].startswith("1. 在“实际值”列填写各项指标 2022年上半年 的数值（年初至期末累计）")
    english = lines[lines.index(None) + 1 :] if None in lines else []
    if lang == "zh":
        assert english == []
    else:
        assert english[0] == "Fill-in sheet of District Science and Technology Bureau for 2022年上半年"
        assert english[2].startswith("1. Write in 实际值 each indicator's figure for 2022年上半年")
        assert len(english) == len(lines) - len(english) - 1


def test_the_csv_sheet_is_utf8_with_the_bom_excel_needs(runner, tmp_path):
    raw = make(runner, tmp_path, "2022", "区科技局", ".csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines[0] == ",".join(HEADERS)
    assert lines[1] == "26,高新技术企业,牵头,家,2022年,199,320,,,,区科技局"
    assert lines[2] == "27,全社会研发经费投入占GDP比重,牵头,%,2022年,,3.05,,,,区科技局"  # no baseline: empty


# ── the round trip ───────────────────────────────────────────────────────────

#: What the district science bureau types for 2022-H1, as typed: a full-width figure among them.
TYPED = {26: "４１２", 27: 2.9, 28: 1, 29: 0}


def fill_xlsx(path, typed=TYPED, source="区统计局"):
    book = load_workbook(path)
    sheet = book.worksheets[0]
    for row in range(2, sheet.max_row + 1):
        ident = sheet.cell(row, 1).value
        if ident in typed:
            sheet.cell(row, VALUE).value = typed[ident]
            sheet.cell(row, VALUE + 1).value = source
            sheet.cell(row, 5).value = "2022年上半年"  # the period, as a person would write it
    book.save(path)


def statuses(runner, period, *paths):
    args = ["status", period, "--unit", "区科技局", "-f", "json"]
    for p in paths:
        args += ["--actuals", str(p)]
    r = run(runner, *args)
    assert r.exit_code == 0, r.output
    return {i["id"]: i for i in json.loads(r.stdout)["indicators"]}


def test_a_filled_xlsx_sheet_validates_clean_and_reaches_status_unchanged(runner, tmp_path):
    path = make(runner, tmp_path)
    fill_xlsx(path)
    r = run(runner, "validate", str(path), "--strict")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == ["valid: 0 errors, 0 warnings in 1 file."]
    got = statuses(runner, "2022-H1", path)
    assert {i: (got[i]["actual"], got[i]["period"]) for i in TYPED} == {
        26: (412, "2022-H1"),
        27: (2.9, "2022-H1"),
        28: (1, "2022-H1"),
        29: (0, "2022-H1"),
    }
    assert got[26]["source"] == "区统计局" and got[26]["location"] == f"{path}:2"


def test_a_filled_csv_sheet_validates_clean_and_reaches_status_unchanged(runner, tmp_path):
    path = make(runner, tmp_path, "2022", "区科技局", ".csv")
    lines = path.read_bytes().decode("utf-8-sig").split("\r\n")
    typed = {"26": "４４４", "27": "3.04%", "28": "1", "29": "0"}
    filled = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        if cells[0] in typed:
            cells[7], cells[8], cells[9] = typed[cells[0]], "区统计局", "半年报"
            cells[4] = "2022年"
        filled.append(",".join(cells))
    path.write_bytes(("\ufeff" + "\r\n".join(filled)).encode("utf-8"))
    r = run(runner, "validate", str(path), "--strict")
    assert r.exit_code == 0 and r.stdout == "valid: 0 errors, 0 warnings in 1 file.\n", r.output
    got = statuses(runner, "2022", path)
    assert [got[i]["actual"] for i in (26, 27, 28, 29)] == [444, 3.04, 1, 0]
    assert got[26]["note"] == "半年报"


def test_an_empty_sheet_is_not_filled_in_yet_and_fails_validation(runner, tmp_path):
    path = make(runner, tmp_path)
    r = run(runner, "validate", str(path), "-f", "json")
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert [(p["code"], p["line"]) for p in doc["problems"]] == [("nothing-filled", 1)]
    assert [(n["code"], n["line"], n["column"]) for n in doc["notes"]] == [
        ("value-not-filled", line, VALUE) for line in (2, 3, 4, 5)
    ]
    s = run(runner, "status", "2022-H1", "--actuals", str(path))
    assert s.exit_code == 1 and "nothing-filled" in s.stderr


def test_a_sheet_filled_in_part_is_valid_and_only_its_figures_count(runner, tmp_path):
    path = make(runner, tmp_path)
    fill_xlsx(path, {26: 412, 28: 1})
    r = run(runner, "validate", str(path), "--strict")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == [
        f"{path}:3:8: note value-not-filled: not filled in yet: this row has no value, source or note, so "
        "it is not counted as data.",
        f"{path}:5:8: note value-not-filled: not filled in yet: this row has no value, source or note, so "
        "it is not counted as data.",
        "valid: 0 errors, 0 warnings in 1 file.",
    ]
    got = statuses(runner, "2022-H1", path)
    assert [got[i]["actual"] for i in (26, 27, 28, 29)] == [412, None, 1, None]


# ── the command ──────────────────────────────────────────────────────────────


def test_every_unit_gets_its_file_in_a_folder(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run(runner, "template", "2022-H1")
    assert r.exit_code == 0, r.output
    folder = tmp_path / "wcplan-templates-2022-H1"
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"填报表-2022-H1-{u}.xlsx" for u in PLAN.all_units())
    first = "wcplan: wrote 9 fill-in sheets for 2022-H1 to wcplan-templates-2022-H1:"
    assert r.stderr.splitlines()[0] == first
    assert "  填报表-2022-H1-区工信局.xlsx (19 as lead unit, 14 as responsible unit)" in r.stderr
    one = run(runner, "template", "2022", "--unit", "District Finance Bureau", "-f", "csv")
    assert one.exit_code == 0 and (tmp_path / "填报表-2022-区财政局.csv").is_file()
    assert one.stderr == (
        "wcplan: wrote 填报表-2022-区财政局.csv, the fill-in sheet of District Finance Bureau for 2022 "
        "(1 as lead unit, 0 as responsible unit).\n"
    )
    two = run(runner, "template", "2023", "--unit", "区财政局", "--unit", "区金融办", "-o", "out")
    assert two.exit_code == 0 and len(list((tmp_path / "out").iterdir())) == 2


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["2022", "--unit", "区工信", "-o", "x.xlsx"], "no unit of the plan is called 区工信"),
        (["2022", "--unit", "区金融办", "-o", "x.csv", "-f", "xlsx"], "x.csv ends in .csv, but --format"),
        (["2022", "-o", "all.xlsx"], "all.xlsx is a file, but several sheets go to a folder"),
        (["2024"], "2024 is not a plan year"),
    ],
)
def test_usage_errors(runner, tmp_path, monkeypatch, args, words):
    monkeypatch.chdir(tmp_path)
    r = run(runner, "template", *args)
    assert r.exit_code == 2 and words in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_sheet_never_replaces_an_input_and_a_failed_run_leaves_nothing(runner, tmp_path):
    plan = tmp_path / "targets.yaml"
    plan.write_bytes(PLAN_FILE.read_bytes())
    args = ["template", "2022", "--unit", "区金融办", "-o", str(plan), "--targets", str(plan)]
    r = runner.invoke(app, args)
    assert r.exit_code == 1 and "will not write" in r.stderr
    assert plan.read_bytes() == PLAN_FILE.read_bytes()
    folder = tmp_path / "sheets"
    folder.mkdir()
    locked = folder / "填报表-2022-区金融办.xlsx"
    locked.write_bytes(b"old")
    locked.chmod(0o444)
    r = run(runner, "template", "2022", "-o", str(folder))
    assert r.exit_code == 1 and "read-only" in r.stderr
    assert sorted(p.name for p in folder.iterdir()) == [locked.name]  # none written, no temporary left
    r = run(runner, "template", "2022", "-o", str(folder), "--force")
    assert r.exit_code == 0 and len(list(folder.iterdir())) == 9


def test_the_example_sheets_are_sheets_wcplan_made_then_filled_in():
    """examples/collection/ holds sheets as units send them back: made by `wcplan template`, the
    rows the lead units report deleted, values, sources and notes filled in."""
    import csv
    import io

    from conftest import ROOT

    filled_in = [i for i, c in enumerate(COLUMNS) if c.filled_in]
    folder = ROOT / "examples" / "collection" / "2022-H1"
    files = sorted(folder.iterdir())
    assert len(files) == 6
    for path in files:
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
        unit = rows[1][-1]
        assert path.name == f"填报表-2022-H1-{unit}.csv" and rows[0] == HEADERS
        sheet = build(PLAN, unit, parse_period("2022-H1"))
        made = {r.indicator.id: sheet.cells(r) for r in sheet.rows}
        for row in rows[1:]:
            expected = ["" if v is None else str(v) for v in made[int(row[0])]]
            assert [v for i, v in enumerate(row) if i not in filled_in] == [
                v for i, v in enumerate(expected) if i not in filled_in
            ]
