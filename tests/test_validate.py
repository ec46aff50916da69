"""`wcplan validate` and the submission checks of the one reading path."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from wcplan.base.findings import Finding, Severity
from wcplan.cli import app
from wcplan.model.planfile import load_plan
from wcplan.reading.actuals import ReadOptions, read_actuals
from wcplan.render.github import annotation

PLAN = load_plan(DATA / "targets.yaml")


def write(folder, name, text, encoding="utf-8"):
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def read(tmp_path, text, name="a.csv", **options):
    return read_actuals([write(tmp_path, name, text)], PLAN, ReadOptions(**options))


def codes(result, severity=None):
    return [(f.code, f.line, f.column) for f in result.findings if severity is None or f.severity is severity]


# ── what it reads ───────────────────────────────────────────────────────────


def test_chinese_headers_in_any_order(tmp_path):
    text = " 来源 ,年份,实际值,序号,备注,填报单位,单位\n区统计局,2022,1352,1,初步数,区工信局,亿元\n"
    r = read(tmp_path, text)
    assert r.findings == []
    [a] = r.actuals
    assert (a.indicator, a.year, a.value, a.source, a.note, a.reporter) == (
        1,
        2022,
        1352,
        "区统计局",
        "初步数",
        "区工信局",
    )


def test_indicator_by_name_and_both_must_agree(tmp_path):
    r = read(tmp_path, "主要指标,年份,完成值,来源\n制造业增加值占 GDP 比重,2022,24.1,x\n")
    assert r.findings == [] and r.actuals[0].indicator == 4
    r = read(tmp_path, "指标编号,指标,年份,数值,来源\n3,工业总产值,2022,1,x\n")
    assert codes(r) == [("id-name-mismatch", 2, 2)]
    assert (
        "indicator 3 is '规模工业企业数', but this row names '工业总产值' (indicator 1)"
        in r.findings[0].message
    )
    assert codes(read(tmp_path, "name,year,value,source\n工业产值,2022,1,x\n")) == [
        ("unknown-indicator", 2, 1)
    ]


@pytest.mark.parametrize(
    ("text", "label", "months"),
    [
        ("2022", None, 12),
        ("2022年", None, 12),
        ("2022-06", "2022-06", 6),
        ("2022年6月", "2022-06", 6),
        ("2022-Q2", "2022-Q2", 6),
        ("2022年二季度", "2022-Q2", 6),
        ("2022-H1", "2022-H1", 6),
        ("2022年上半年", "2022-H1", 6),
        ("2022年第三季度", "2022-Q3", 9),
    ],
)
def test_period_forms(tmp_path, text, label, months):
    r = read(tmp_path, f"indicator,period,value,source\n1,{text},700,x\n")
    assert r.findings == []
    assert (r.actuals[0].period, r.actuals[0].months, r.actuals[0].year) == (label, months, 2022)


@pytest.mark.parametrize(
    ("row", "code", "column"),
    [
        ("1,2022,2022-13,700,x", "period-invalid", 3),
        ("1,2022,2021-H1,700,x", "year-period-mismatch", 3),
        ("1,,2024-Q1,700,x", "period-outside-plan", 3),
        ("1,,2020-H1,700,x", "period-outside-plan", 3),
    ],
)
def test_bad_periods(tmp_path, row, code, column):
    assert codes(read(tmp_path, "indicator,year,period,value,source\n" + row + "\n")) == [(code, 2, column)]


@pytest.mark.parametrize(
    ("row", "value"),
    [
        ("4,2022,24.1%,x", 24.1),
        ('1,2022,"1,352.5",x', 1352.5),
        ("1,2022,１３５２,x", 1352),
        ("1,2022, 1352 ,x", 1352),
    ],
)
def test_numbers(tmp_path, row, value):
    r = read(tmp_path, "indicator,year,value,source\n" + row + "\n")
    assert r.findings == [] and r.actuals[0].value == value


@pytest.mark.parametrize(
    ("row", "code", "column", "words"),
    [
        (
            "3,2022,27%,x,",
            "unit-mismatch",
            3,
            "'27%' is a percentage, but indicator 3 is counted in 家 (firms)",
        ),
        ("3,2022,431,x,个", "unit-mismatch", 5, "个 (items) and 家 (firms) are different units"),
        (
            "3,2022,431.5,x,",
            "fraction-for-count",
            3,
            "431.5 is not a whole number, but indicator 3 is a count (家)",
        ),
        ("42,2022,120,x,", "percent-out-of-range", 3, "120 is a percentage above 100"),
        ("1,2022,-5,x,", "negative-value", 3, "-5 is negative"),
        ("1,2022,=1+1,x,", "value-not-number", 3, "the value '=1+1' is not a number."),
        ("1,2022,约300,x,", "value-not-number", 3, "'约300'"),
    ],
)
def test_bad_values(tmp_path, row, code, column, words):
    r = read(tmp_path, "indicator,year,value,source,unit\n" + row + "\n")
    assert codes(r) == [(code, 2, column)]
    assert words in r.findings[0].message


def test_convertible_unit_is_converted_and_named_once_per_file(tmp_path):
    r = read(tmp_path, "indicator,year,value,source,unit\n1,2022,13520000,x,万元\n2,2022,13160000,x,万元\n")
    assert [a.value for a in r.actuals] == [pytest.approx(1352), pytest.approx(1316)]
    [note] = r.notes
    assert (note.code, note.line, note.column, note.severity) == ("unit-converted", 2, 5, Severity.NOTE)
    assert (
        "values in 万元 (10,000 yuan) are converted to 亿元 (100 million yuan)" in note.message
        and "13520000 万元 = 1352 亿元" in note.message
    )
    assert r.errors == [] and r.warnings == []


def test_reporter_may_only_report_its_own_indicators(tmp_path):
    text = (
        "indicator,year,value,source,reporter\n"
        "1,2022,1352,x,区工信局\n1,2021,1085,x,望城经开区产业发展局\n26,2022,444,x,区财政局\n"
    )
    r = read(tmp_path, text)
    assert codes(r) == [("reporter-not-responsible", 4, 5)]
    assert "区财政局 is neither the lead nor a responsible unit of indicator 26" in r.findings[0].message
    assert len(r.actuals) == 2


def test_duplicates_within_a_file(tmp_path):
    r = read(tmp_path, "indicator,year,value,source\n1,2022,1352,x\n1,2022,1352,x\n1,2022,1300,x\n")
    assert [(f.code, f.line, f.severity) for f in r.findings] == [
        ("duplicate-row", 3, Severity.WARNING),
        ("conflicting-values", 4, Severity.ERROR),
    ]
    assert "is 1300 here but 1352 at line 2" in r.findings[1].message
    assert r.actuals == []


def test_implausible_jumps_are_warnings(tmp_path):
    text = "indicator,year,value,source\n1,2021,1085,x\n1,2022,6000,x\n5,2022,60,x\n7,2021,26,x\n"
    r = read(tmp_path, text)
    found = {(f.line): f.message for f in r.findings if f.code == "implausible-jump"}
    assert set(found) == {3, 5}
    assert "indicator 1 is 6000 in 2022, more than 5 times its 2021 actual (1085)" in found[3]
    assert "indicator 7 is 26 in 2021, less than a 5th of its 2020 baseline (143)" in found[5]
    assert all(f.severity is Severity.WARNING for f in r.findings)
    assert len(r.actuals) == 4  # warnings keep the values


def test_xlsx_first_sheet_or_named_sheet(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.title = "说明"
    first.append(["这是说明页"])
    data = book.create_sheet("数据")
    data.append(["序号", "年份", "实际值", "来源"])
    data.append([1, 2022, 1352, "区统计局"])
    data.append([42, 2022, 0.68, "区工信局"])
    data["C3"].number_format = "0%"
    data.append([3, 2022, "=430+1", "x"])
    path = tmp_path / "units.xlsx"
    book.save(path)
    r = read_actuals([path], PLAN, ReadOptions(sheet="数据"))
    assert codes(r) == [("value-not-number", 4, 3)]  # a formula is never evaluated
    assert [(a.indicator, a.value, a.line) for a in r.actuals] == [(1, 1352, 2), (42, 68, 3)]
    r = read_actuals([path], PLAN)
    assert [c[0] for c in codes(r)] == ["unknown-column", "missing-column"]  # the first sheet is notes
    r = read_actuals([path], PLAN, ReadOptions(sheet="Sheet9"))
    assert codes(r) == [("sheet-missing", None, None)] and "it has 说明, 数据" in r.findings[0].message


def test_encoding_option_and_what_cannot_be_read(tmp_path):
    gbk = write(tmp_path, "g.csv", "序号,年份,实际值,来源\n1,2022,1352,区统计局\n", "gbk")
    assert codes(read_actuals([gbk], PLAN, ReadOptions(encoding="gb18030"))) == []  # named: no note
    assert codes(read_actuals([gbk], PLAN, ReadOptions(encoding="utf-8")))[0][0] == "encoding"
    assert "not an encoding" in read_actuals([gbk], PLAN, ReadOptions(encoding="nope")).findings[0].message
    utf16 = tmp_path / "u.csv"
    utf16.write_bytes("indicator\tyear\n".encode("utf-16"))
    assert "UTF-16" in read_actuals([utf16], PLAN).findings[0].message
    book = tmp_path / "b.csv"
    book.write_bytes(b"PK\x03\x04rest")
    assert "Excel workbook" in read_actuals([book], PLAN).findings[0].message


# ── the command ─────────────────────────────────────────────────────────────


GOOD = "indicator,year,value,source\n3,2022,431,x\n"
NOTHING = "this folder holds no .csv or .xlsx files of actuals."


@pytest.fixture
def bad(tmp_path):
    return write(tmp_path, "bad.csv", "indicator,year,value,source\n1,2022,N/A,x\n3,2022,431,\n")


def test_shipped_data_is_valid(runner, monkeypatch):
    monkeypatch.chdir(ROOT)
    r = runner.invoke(app, ["validate"])
    assert r.exit_code == 0
    assert r.stdout.strip() == "valid: 0 errors, 0 warnings in 4 files."  # actuals/ and progress/


def test_text_format_and_exit_codes(runner, bad):
    r = runner.invoke(app, ["validate", str(bad)])
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert lines[0] == f"{bad}:2:3: error value-not-number: the value 'N/A' is not a number."
    assert (
        lines[1]
        == f"{bad}:3:4: warning source-missing: the source is empty: say where this value comes from."
    )
    assert lines[2] == "invalid: 1 error, 1 warning in 1 file."
    assert lines[3:] == ["  source-missing    1", "  value-not-number  1"]


def test_warnings_pass_unless_strict(runner, tmp_path):
    f = write(tmp_path, "w.csv", "indicator,year,value,source\n3,2022,431,\n")
    assert runner.invoke(app, ["validate", str(f)]).exit_code == 0
    r = runner.invoke(app, ["validate", str(f), "--strict"])
    assert r.exit_code == 1 and "invalid (--strict: warnings fail): 0 errors, 1 warning" in r.stdout


def test_json_format(runner, bad):
    r = runner.invoke(app, ["validate", str(bad), "--format", "json"])
    doc = json.loads(r.stdout)
    assert r.exit_code == 1
    assert doc["valid"] is False and doc["files"] == [str(bad)]
    assert doc["problems"][0] == {
        "file": str(bad),
        "line": 2,
        "column": 3,
        "severity": "error",
        "code": "value-not-number",
        "message": "the value 'N/A' is not a number.",
    }
    assert doc["counts"] == {
        "errors": 1,
        "warnings": 1,
        "notes": 0,
        "by_code": {"source-missing": 1, "value-not-number": 1},
    }
    assert doc["omitted"] == 0


def test_github_format_and_step_summary(runner, bad, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    r = runner.invoke(app, ["validate", str(bad), "-f", "github"], env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert (
        lines[0]
        == f"::error file={bad},line=2,col=3,title=wcplan value-not-number::the value 'N/A' is not a number."
    )
    assert lines[1].startswith(f"::warning file={bad},line=3,col=4,title=wcplan source-missing::")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## wcplan validate")
    assert "| `value-not-number` | the value 'N/A' is not a number. |" in text


@pytest.mark.parametrize("where", ["a folder", "a missing folder", "a read-only file"])
def test_an_unwritable_step_summary_is_a_warning_and_the_files_decide(runner, bad, tmp_path, where):
    summary = {
        "a folder": tmp_path,
        "a missing folder": tmp_path / "gone" / "summary.md",
        "a read-only file": tmp_path / "summary.md",
    }[where]
    reason = {
        "a folder": f"cannot write {summary}: Is a directory.",
        "a missing folder": f"cannot write {summary}: the folder {summary.parent} does not exist.",
        "a read-only file": f"cannot write {summary}: the file is read-only.",
    }[where]
    if where == "a read-only file":
        summary.write_text("earlier step\n", encoding="utf-8")
        summary.chmod(0o444)
    good = write(tmp_path, "good.csv", GOOD)
    for checked, exit_code in ((good, 0), (bad, 1)):
        r = runner.invoke(
            app, ["validate", str(checked), "-f", "github"], env={"GITHUB_STEP_SUMMARY": str(summary)}
        )
        assert r.exit_code == exit_code
        assert r.stderr == f"wcplan: warning: no summary in $GITHUB_STEP_SUMMARY: {reason}\n"
    assert r.stdout.startswith(f"::error file={bad},line=2,col=3,")
    if where == "a read-only file":
        assert summary.read_text(encoding="utf-8") == "earlier step\n"


def test_the_step_summary_is_never_written_into_a_file_being_checked(runner, tmp_path):
    good = write(tmp_path, "good.csv", GOOD)
    r = runner.invoke(
        app, ["validate", str(tmp_path), "-f", "github"], env={"GITHUB_STEP_SUMMARY": str(good)}
    )
    assert r.exit_code == 0 and good.read_text(encoding="utf-8") == GOOD
    assert r.stderr == (
        f"wcplan: warning: no summary in $GITHUB_STEP_SUMMARY: will not write {good}: it is the file {good}, "
        "which this run read; input files are never overwritten.\n"
    )


def test_github_annotation_escaping():
    f = Finding("x-y", "100% sure,\nreally: yes", "dir,a/b:c%.csv", 3, 4)
    assert (
        annotation(f)
        == "::error file=dir%2Ca/b%3Ac%25.csv,line=3,col=4,title=wcplan x-y::100%25 sure,%0Areally: yes"
    )


def test_every_problem_is_counted_but_at_most_max_printed(runner, tmp_path):
    rows = "".join(f"1,2022,bad{i},x\n" for i in range(1000))
    f = write(tmp_path, "many.csv", "indicator,year,value,source\n" + rows)
    r = runner.invoke(app, ["validate", str(f)])
    lines = r.stdout.splitlines()
    assert sum(": error value-not-number:" in line for line in lines) == 200
    assert "… and 800 more problems not shown (--max-problems 200; 0 shows all)." in lines
    assert "invalid: 1000 errors, 0 warnings in 1 file." in lines
    doc = json.loads(runner.invoke(app, ["validate", str(f), "-f", "json", "--max-problems", "5"]).stdout)
    assert len(doc["problems"]) == 5 and doc["omitted"] == 995 and doc["counts"]["errors"] == 1000
    r = runner.invoke(app, ["validate", str(f), "--max-problems", "0"])
    assert sum(": error value-not-number:" in line for line in r.stdout.splitlines()) == 1000


def test_inputs_are_never_modified(runner, bad, tmp_path):
    files = [bad, write(tmp_path, "g.csv", "序号,年份,实际值,来源\n1,2022,1352,区统计局\n", "gbk")]
    before = [(hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in files]
    runner.invoke(app, ["validate", *map(str, files), "-f", "json"])
    assert [(hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in files] == before


def test_ids_and_years_of_thousands_of_digits_are_errors_not_crashes(runner, tmp_path):
    # int() refuses more than 4300 digits: such an id or year used to end the run as a crash (exit 3)
    digits = "9" * 5000
    actuals = write(tmp_path, "a.csv", f"indicator,year,value,source\n{digits},2022,1,x\n1,{digits},1,x\n")
    progress = write(tmp_path, "p.csv", f"item,year,value,source\nC02,{digits},1,x\n")
    r = runner.invoke(app, ["validate", str(actuals), str(progress), "-f", "json"])
    assert r.exit_code == 1
    problems = json.loads(r.stdout)["problems"]
    assert [(p["code"], Path(p["file"]).name, p["line"], p["column"]) for p in problems] == [
        ("indicator-invalid", "a.csv", 2, 1),
        ("year-invalid", "a.csv", 3, 2),
        ("year-invalid", "p.csv", 2, 2),
    ]
    assert runner.invoke(app, ["status", "2022", "--actuals", str(actuals)]).exit_code == 1


def test_usage_errors(runner, tmp_path, monkeypatch):
    r = runner.invoke(app, ["validate", str(tmp_path / "missing.csv")])
    assert r.exit_code == 2 and "does not exist" in r.stderr
    plan_only = tmp_path / "p"
    plan_only.mkdir()
    (plan_only / "targets.yaml").write_bytes((DATA / "targets.yaml").read_bytes())
    r = runner.invoke(app, ["validate", "--targets", str(plan_only / "targets.yaml")])
    assert r.exit_code == 2 and "there is nothing to validate" in r.stderr


def test_a_folder_with_nothing_to_check_fails_validation(runner, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    write(empty, "readme.txt", "not actuals")
    r = runner.invoke(app, ["validate", str(empty)])
    assert r.exit_code == 1
    assert r.stdout.splitlines()[:2] == [
        f"{empty}: error no-actuals-files: {NOTHING}",
        "invalid: 1 error, 0 warnings in 0 files.",
    ]
    # Beside a good file too: a CI job that names a folder holding nothing is pointed at the wrong one.
    good = write(tmp_path, "good.csv", GOOD)
    r = runner.invoke(app, ["validate", str(good), str(empty), "-f", "github"])
    assert r.exit_code == 1
    assert f"::error file={empty},title=wcplan no-actuals-files::{NOTHING}" in r.stdout.splitlines()


def test_the_other_commands_say_that_a_folder_holds_nothing(runner, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    r = runner.invoke(app, ["status", "2022", "--actuals", str(empty)])
    assert r.exit_code == 0
    assert r.stderr.splitlines()[0] == f"{empty}: warning no-actuals-files: {NOTHING}"
    assert "Actuals: none found; every indicator has no data." in r.stdout


def test_links_that_loop_or_lead_nowhere_are_errors_not_hangs(runner, tmp_path):
    folder = tmp_path / "actuals"
    folder.mkdir()
    write(folder, "a.csv", GOOD)
    (folder / "self.csv").symlink_to("self.csv")
    (folder / "x.csv").symlink_to("y.csv")
    (folder / "y.csv").symlink_to("x.csv")
    (folder / "gone.csv").symlink_to("missing.csv")
    (folder / "again").symlink_to(folder)  # a loop of folders: only the folder itself is listed
    os.mkfifo(folder / "pipe.csv")  # reading it would wait for a writer forever
    loop = "this symbolic link loops back on itself, so there is no file to read."
    expected = [
        f"{folder / 'gone.csv'}: error file-unreadable: this symbolic link leads to missing.csv, which "
        "does not exist.",
        f"{folder / 'pipe.csv'}: error file-unreadable: this is not a file that can be read (it is a "
        "device, a pipe or a socket).",
        f"{folder / 'self.csv'}: error file-unreadable: {loop}",
        f"{folder / 'x.csv'}: error file-unreadable: {loop}",
        f"{folder / 'y.csv'}: error file-unreadable: {loop}",
        "invalid: 5 errors, 0 warnings in 1 file.",
    ]
    p = subprocess.run(
        [sys.executable, "-m", "wcplan", "validate", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 1 and p.stderr == ""
    assert p.stdout.splitlines()[:6] == expected
    r = runner.invoke(app, ["status", "2022", "--actuals", str(folder)])
    assert r.exit_code == 1 and r.stderr.splitlines()[:5] == expected[:5]


def test_a_folder_that_cannot_be_listed_is_an_error(tmp_path, monkeypatch):
    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    r = read_actuals([tmp_path], PLAN)
    assert [(f.code, f.file, f.message, f.severity) for f in r.findings] == [
        ("folder-unreadable", str(tmp_path), "cannot read this folder: Permission denied.", Severity.ERROR)
    ]


def test_status_refuses_invalid_actuals_with_the_same_findings(runner, bad):
    v = runner.invoke(app, ["validate", str(bad)])
    s = runner.invoke(app, ["status", "2022", "--actuals", str(bad)])
    assert s.exit_code == 1
    assert v.stdout.splitlines()[0] == s.stderr.splitlines()[0]
    assert "`wcplan validate` reports every problem" in s.stderr


def test_values_near_the_float_limit_stop_every_command_at_the_cell(runner, tmp_path):
    """1.7e308 once passed, then crashed `trend` (nan) and printed inf% in `status`."""
    huge = write(
        tmp_path, "huge.csv", "indicator,year,value,source\n1,2021,1.7e308,x\n1,2022,1.7e308,x\n2,2022,-0,x\n"
    )
    for args in (
        ["validate", str(huge)],
        ["status", "2022", "--actuals", str(huge)],
        ["trend", "1", "--actuals", str(huge)],
    ):
        r = runner.invoke(app, args)
        assert r.exit_code == 1, r.output
        problems = (r.stdout if args[0] == "validate" else r.stderr).splitlines()
        assert problems[0] == (
            f"{huge}:2:3: error value-out-of-range: the value '1.7e308' is out of range: no figure of the "
            "plan is beyond 1,000,000,000,000,000."
        )
        assert problems[1].startswith(f"{huge}:3:3: error value-out-of-range")
        assert not re.search(r"\binf\b|\bnan\b|-0\.0", r.output)


def test_thousands_of_digits_are_a_finding_not_a_crash(runner, tmp_path):
    digits = "1" * 5000
    f = write(
        tmp_path,
        "d.csv",
        f"indicator,year,value,source\n{digits},2022,1,x\n1,{digits},1,x\n1,2022,{digits},x\n",
    )
    r = runner.invoke(app, ["validate", str(f), "-f", "json"])
    assert r.exit_code == 1
    found = [(p["code"], p["line"], p["column"]) for p in json.loads(r.stdout)["problems"]]
    assert found == [("indicator-invalid", 2, 1), ("year-invalid", 3, 2), ("value-out-of-range", 4, 3)]


def test_pre_commit_hook_runs_its_command_line_as_pre_commit_would(tmp_path):
    """pre-commit itself would install the hook's environment from the registry; the tests
    stay offline, so they check the hook's definition and run its exact command line."""
    import re
    import shlex
    import subprocess
    import sys
    from pathlib import Path

    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "wcplan-validate" and hook["language"] == "python" and hook["pass_filenames"]
    files = re.compile(hook["files"])
    assert files.search("data/actuals/2022.csv") and files.search("data/actuals/units.xlsx")
    assert files.search("data/progress/2022.csv") and files.search("data/progress/units.xlsx")
    assert not files.search("data/targets.yaml") and not files.search("docs/actuals.csv")

    repo = tmp_path / "repo"
    (repo / "data" / "actuals").mkdir(parents=True)
    (repo / "data" / "targets.yaml").write_bytes((DATA / "targets.yaml").read_bytes())
    good = repo / "data" / "actuals" / "good.csv"
    good.write_text("indicator,year,value,source\n3,2022,431,区统计局\n", encoding="utf-8")
    bad = repo / "data" / "actuals" / "bad.csv"
    bad.write_text("indicator,year,value,source\n3,2022,431.5,区统计局\n", encoding="utf-8")
    exe = Path(sys.executable).with_name("wcplan")
    entry = shlex.split(hook["entry"])
    argv = [str(exe), *entry[1:]] if exe.exists() else [sys.executable, "-m", "wcplan", *entry[1:]]

    def run(*names):
        return subprocess.run([*argv, *names], cwd=repo, capture_output=True, text=True, timeout=120)

    assert run("data/actuals/good.csv").returncode == 0
    p = run("data/actuals/good.csv", "data/actuals/bad.csv")
    assert p.returncode == 1
    assert p.stdout.startswith("data/actuals/bad.csv:2:3: error fraction-for-count:")


def test_notes_print_in_text_for_validate_and_status(runner, tmp_path, monkeypatch):
    """A GBK file with values in 万元: two notes, printed as text by both commands."""
    monkeypatch.chdir(ROOT)
    text = "序号,指标,期间,实际值,单位,来源,填报单位\r\n1,工业总产值,2022,13520000,万元,区统计局,区工信局\r\n"
    f = write(tmp_path, "gbk.csv", text, "gbk")
    r = runner.invoke(app, ["validate", str(f)])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].startswith(f"{f}: note encoding-gb18030: this file is not UTF-8")
    assert lines[1].startswith(
        f"{f}:2:5: note unit-converted: values in 万元 (10,000 yuan) are converted to 亿元"
    )
    assert lines[2] == "valid: 0 errors, 0 warnings in 1 file."
    s = runner.invoke(app, ["status", "2022", "--actuals", str(f)])
    assert s.exit_code == 0 and "note unit-converted" in s.stderr
    assert "1352" in next(line for line in s.stdout.splitlines() if "Gross industrial" in line)


def test_an_empty_indicator_or_year_names_each_files_own_column(tmp_path):
    """The row checks remember each text they parsed; an empty indicator or year once reused the
    column of the first file that had one, and crashed on a file without that column."""
    first = write(tmp_path, "a.csv", "indicator,year,value,source\n,,1,x\n")
    second = write(tmp_path, "b.csv", "name,period,value,source\n,,1,x\n")
    r = read_actuals([first, second], PLAN)
    assert [(f.file.rsplit("/", 1)[-1], f.code, f.column) for f in r.findings] == [
        ("a.csv", "indicator-missing", 1),
        ("a.csv", "year-missing", 2),
        ("b.csv", "indicator-missing", 1),
        ("b.csv", "period-missing", 2),
    ]


def test_the_example_workflow_validates_actuals_and_task_progress(runner, monkeypatch):
    import shlex

    import yaml

    monkeypatch.chdir(ROOT)
    workflow = yaml.safe_load((ROOT / "examples" / "github-actions-validate.yml").read_text(encoding="utf-8"))
    assert {"data/actuals/**", "data/progress/**"} <= set(workflow[True]["pull_request"]["paths"])
    [step] = [s for s in workflow["jobs"]["validate"]["steps"] if s.get("name") == "Validate"]
    args = shlex.split(step["run"])
    assert args[:2] == ["wcplan", "validate"] and {"data/actuals", "data/progress"} <= set(args)
    r = runner.invoke(app, args[1:])
    assert r.exit_code == 0 and r.stdout.endswith("valid: 0 errors, 0 warnings in 4 files.\n")
