"""Who has reported what (wcplan submissions): a folder where two units reported, one reported
half, one nothing, and one sent a file with an error; read through the one reading path."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest

from conftest import DATA
from wcplan.cli import app
from wcplan.model.periods import parse_period
from wcplan.model.planfile import load_plan
from wcplan.reading.actuals import ReadOptions, read_actuals
from wcplan.reading.files import modification_times
from wcplan.rules.submissions import State, collect

PLAN_FILE = DATA / "targets.yaml"
PLAN = load_plan(PLAN_FILE)
HEADER = "序号,指标,期间,实际值,来源,填报单位\r\n"
#: 区财政局 (1 indicator) and 区金融办 (1) report; 区科技局 (4) reports half, its sheet left empty in
#: the other half; 区市场监管局 (2) sends nothing; 各产业链办公室 (2) sends one figure that is no number.
FILES = {
    "finance.csv": HEADER + "11,税收过亿元企业,2022年上半年,8,区财政局,区财政局\r\n",
    "financial-affairs.csv": HEADER + "12,上市制造业企业数,2022-06,4,区金融办,区金融办\r\n",
    "science.csv": HEADER
    + "26,高新技术企业,2022-H1,251,区统计局,区科技局\r\n"
    + "27,全社会研发经费投入占GDP比重,2022-H1,,,区科技局\r\n"
    + "28,智能制造关键装备、核心部件与工业软件首版次攻关数,2022-H1,1,区统计局,区科技局\r\n"
    + "29,国家技术创新中心,2022-H1,,,区科技局\r\n",
    "chains.csv": HEADER
    + "18,产业链企业引进数,2022-H1,约16,各产业链办公室,各产业链办公室\r\n"
    + "19,500强智能制造项目引进数,2022-H1,1,各产业链办公室,各产业链办公室\r\n",
}
UNITS = ["区财政局", "区金融办", "区科技局", "区市场监管局", "各产业链办公室"]
CHANGED = dt.datetime(2022, 7, 6, 10, 15, tzinfo=dt.UTC)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TZ", "UTC")
    (tmp_path / "in").mkdir()
    for name, content in FILES.items():
        path = tmp_path / "in" / name
        path.write_text(content, encoding="utf-8")
        os.utime(path, (CHANGED.timestamp(), CHANGED.timestamp()))
    return tmp_path / "in"


def submissions(folder, period="2022-H1", by="lead", units=UNITS):
    read = read_actuals([folder], PLAN, ReadOptions(trace=True))
    when, files = parse_period(period), read.files
    return collect(
        PLAN, when, read.actuals, read.findings, read.unread, files, by, units, modification_times(files)
    )


def states(result):
    return {u.unit: {d.indicator.id: str(d.state) for d in u.due} for u in result.units}


def run(runner, *args):
    unit_args = [a for u in UNITS for a in ("--unit", u)]
    return runner.invoke(app, ["submissions", *args, *unit_args, "--targets", str(PLAN_FILE)])


# ── the core ─────────────────────────────────────────────────────────────────


def test_each_unit_has_its_due_indicators_and_where_they_stand(folder):
    result = submissions(folder)
    assert states(result) == {
        "区财政局": {11: "reported"},
        "区金融办": {12: "reported"},  # 2022-06 is the months of 2022-H1
        "区科技局": {26: "reported", 27: "not_filled", 28: "reported", 29: "not_filled"},
        "区市场监管局": {13: "missing", 14: "missing"},
        "各产业链办公室": {18: "invalid", 19: "reported"},
    }
    assert result.counts == {State.REPORTED: 5, State.INVALID: 1, State.NOT_FILLED: 2, State.MISSING: 2}
    assert [u.unit for u in result.outstanding] == ["区科技局", "区市场监管局", "各产业链办公室"]
    assert not result.complete


def test_files_reporters_and_times_are_kept_with_each_unit(folder):
    by_unit = {u.unit: u for u in submissions(folder).units}
    [science] = by_unit["区科技局"].files
    assert (science.file, science.reporters, science.modified) == ("in/science.csv", ("区科技局",), CHANGED)
    assert by_unit["区市场监管局"].files == []
    reported = by_unit["区科技局"].due[0].actual
    assert (reported.file, reported.line, reported.reporter, reported.value) == (
        "in/science.csv",
        2,
        "区科技局",
        251,
    )
    not_filled = by_unit["区科技局"].due[1]
    assert [(r.file, r.line, r.codes) for r in not_filled.rows] == [("in/science.csv", 3, ())]


def test_an_invalid_file_is_reported_as_such_not_as_missing(folder):
    (folder / "broken.csv").write_bytes(b"indicator,year,value\n\xff\xfe\xfa")
    result = submissions(folder)
    chains = next(u for u in result.units if u.unit == "各产业链办公室")
    assert [(r.file, r.line, r.codes) for r in chains.due[0].rows] == [
        ("in/chains.csv", 2, ("value-not-number",))
    ]
    assert [(f.file, f.codes) for f in result.files_with_errors] == [
        ("in/broken.csv", {"encoding": 1}),
        ("in/chains.csv", {"value-not-number": 1}),
    ]


@pytest.mark.parametrize(
    ("period", "expected"),
    [("2022-Q2", "reported"), ("2022-06", "reported"), ("2022", "missing"), ("2022-Q3", "missing")],
)
def test_a_figure_counts_for_exactly_its_months(folder, period, expected):
    assert states(submissions(folder, period))["区金融办"] == {12: expected}


def test_by_responsible_units_owe_what_they_are_responsible_for_too(folder):
    by_lead = submissions(folder, units=None)
    assert [u.unit for u in by_lead.units] == PLAN.lead_units()
    result = submissions(folder, by="responsible", units=None)
    assert [u.unit for u in result.units] == PLAN.all_units()
    zone = next(u for u in result.units if u.unit == "望城经开区招商合作局")
    assert [(d.indicator.id, str(d.role), str(d.state)) for d in zone.due] == [
        (18, "responsible", "invalid"),
        (19, "responsible", "reported"),
    ]
    assert sum(result.counts.values()) == len(PLAN.indicators)  # each indicator counted once


def test_when_every_unit_has_reported_it_is_complete(folder):
    result = submissions(folder, units=["区财政局", "区金融办"])
    assert result.complete is False  # chains.csv still has an error
    (folder / "chains.csv").unlink()
    assert submissions(folder, units=["区财政局", "区金融办"]).complete


# ── the command ──────────────────────────────────────────────────────────────


def test_the_table_ends_with_who_is_still_to_report(runner, folder):
    r = run(runner, "2022-H1", "--actuals", str(folder))
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert " ".join(out.split()).startswith(  # wrapped to the terminal's width
        "Submissions 2022-H1 by lead unit (报送情况) — 10 indicators due: reported 5 · invalid 1 · not "
        "filled in 2 · missing 2 "
    )
    assert "File: in/science.csv (reporter 区科技局; changed 2022-07-06 10:15)" in out
    assert "Files with errors: what they hold counts only once they are corrected" in out
    assert "  in/chains.csv: 1 error (value-not-number); changed 2022-07-06 10:15" in out
    chase = out[out.index("Still to report for 2022-H1 (催报清单):") :].splitlines()
    assert chase[1:4] == [
        "1. District Science and Technology Bureau: 2 indicators: 27 R&D expenditure of the whole society "
        "as a share of GDP (not filled in); 29 National technology innovation centres (not filled in).",
        "2. District Administration for Market Regulation: 2 indicators: 13 China Quality Award winners and "
        "nominees; 14 Hunan Governor's Quality Award winners.",
        "3. Offices of the industrial chains: 1 indicator: 18 Industrial-chain firms attracted (to correct: "
        "in/chains.csv:2).",
    ]


def test_strict_fails_while_anything_is_missing(runner, folder):
    assert run(runner, "2022-H1", "--actuals", str(folder), "--strict").exit_code == 1
    done = runner.invoke(
        app,
        ["submissions", "2022-H1", "--actuals", str(folder), "--unit", "区财政局", "--strict", "-f", "json"],
        env={"WCPLAN_TARGETS": str(PLAN_FILE)},
    )
    assert done.exit_code == 1  # chains.csv has an error, though 区财政局 reported
    (folder / "chains.csv").unlink()
    done = runner.invoke(
        app,
        ["submissions", "2022-H1", "--actuals", str(folder), "--unit", "区财政局", "--strict"],
        env={"WCPLAN_TARGETS": str(PLAN_FILE)},
    )
    assert done.exit_code == 0 and "Every unit has reported for 2022-H1." in done.stdout


def test_the_json_is_the_core_result_and_nothing_more(runner, folder):
    from wcplan.render.json import submissions_document as document

    r = run(runner, "2022-H1", "--actuals", str(folder), "-f", "json")
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc == json.loads(json.dumps(document(submissions(folder))))
    assert doc["counts"] == {"reported": 5, "invalid": 1, "not_filled": 2, "missing": 2}
    assert [u["unit"] for u in doc["still_to_report"]] == ["区科技局", "区市场监管局", "各产业链办公室"]
    science = doc["units"][2]
    assert science["files"] == [
        {"file": "in/science.csv", "modified": "2022-07-06T10:15:00+00:00", "reporters": ["区科技局"]}
    ]
    assert science["indicators"][0]["location"] == "in/science.csv:2"


def test_markdown_in_chinese_is_ready_to_paste(runner, folder):
    r = run(runner, "2022-H1", "--actuals", str(folder), "-f", "markdown", "--lang", "zh")
    assert r.exit_code == 0
    md = r.stdout
    assert md.startswith(
        "## 2022年上半年 报送情况（按牵头单位）\n\n应报 10 项指标：已报 5 · 无效 1 · 未填写 2 · 未报 2\n"
    )
    assert "| 27 | 全社会研发经费投入占GDP比重 | _ 未填写 |  | 3 |" in md
    assert (
        "### 2022年上半年 催报清单\n\n1. 区科技局：尚缺 2 项指标：27 全社会研发经费投入占GDP比重（未填写）；"
        in md
    )
    assert "3. 各产业链办公室：尚缺 1 项指标：18 产业链企业引进数（待更正：in/chains.csv:2）。" in md


def test_a_usage_error_for_a_unit_that_does_not_exist(runner, folder):
    r = runner.invoke(app, ["submissions", "2022", "--unit", "区工信", "--targets", str(PLAN_FILE)])
    assert r.exit_code == 2 and "no unit of the plan is called 区工信" in r.stderr


def test_chinese_output_has_no_english_sentence_left(runner, folder):
    import re

    for fmt in ("table", "markdown"):
        r = run(runner, "2022-H1", "--actuals", str(folder), "-f", fmt, "--lang", "zh", "--by", "responsible")
        assert r.exit_code == 0
        assert not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", r.stdout.replace("wcplan validate", "")), r.stdout
