"""The Python API (wcplan/__init__.py): plain records and DataFrames, pandas only when asked, and
the command line as a thin skin over it (its JSON is the API's records)."""

from __future__ import annotations

import doctest
import json
import re
import subprocess
import sys

import pytest

import wcplan
from conftest import DATA, ROOT
from wcplan.base.errors import UsageError
from wcplan.cli import app

PLAN = DATA / "targets.yaml"


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.fixture
def shipped():
    plan = wcplan.load_plan(PLAN)
    return plan, wcplan.read_actuals([DATA / "actuals", DATA / "progress"], plan)


def cli_json(runner, *args: str) -> dict:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# ── the command line is a thin skin ──────────────────────────────────────────


@pytest.mark.parametrize("when", ["2022", "2021", "2022-H1"])
def test_status_json_is_the_apis_records(runner, shipped, when):
    plan, read = shipped
    assessment = wcplan.assess(plan, read, when)
    document = cli_json(runner, "status", when)
    assert document["indicators"] == assessment.to_records()
    assert document["files"] == assessment.files == ["data/actuals/2021.csv", "data/actuals/2022.csv"]


@pytest.mark.parametrize("by", ["lead", "responsible"])
def test_units_json_is_the_apis_records(runner, shipped, by):
    plan, read = shipped
    cards = wcplan.score_units(wcplan.assess(plan, read, 2022), by)
    document = cli_json(runner, "units", "2022", "--by", by)
    assert document["units"] == cards.to_records() and (document["year"], document["by"]) == (2022, by)


def test_tasks_json_is_the_apis_records(runner, shipped):
    plan, read = shipped
    work = wcplan.assess_tasks(plan, read, 2022)
    document = cli_json(runner, "tasks", "2022")
    assert document["commitments"] == work.to_records()
    assert document["lines"] == work.to_records("lines")
    assert document["units"] == [u.to_record() for u in work.units]


def test_trend_json_is_the_apis_records(runner, shipped):
    plan, read = shipped
    assert cli_json(runner, "trend", "27")["years"] == wcplan.trend(plan, 27, read).to_records()


@pytest.mark.parametrize("by", ["lead", "responsible"])
def test_submissions_json_is_the_apis_records(runner, by):
    collected = ROOT / "examples" / "collection" / "2022-H1"
    plan = wcplan.load_plan(PLAN)
    read = wcplan.read_actuals(collected, plan, trace=True)
    result = wcplan.submissions(plan, read, "2022-H1", by)
    document = cli_json(runner, "submissions", "2022-H1", "--actuals", str(collected), "--by", by)
    assert document["units"] == result.to_records() and (document["period"], document["by"]) == (
        "2022-H1",
        by,
    )
    assert document["files_with_errors"] == [f.to_record() for f in result.files_with_errors] == []
    assert document["complete"] is result.complete is False


# ── records and frames ───────────────────────────────────────────────────────


def test_an_assessment_as_records_and_as_a_frame(shipped):
    plan, read = shipped
    year = wcplan.assess(plan, read, 2022)
    records = year.to_records()
    assert len(records) == 42 and records[0]["id"] == 1 and records[0]["status"] == "behind"
    json.dumps(records)  # plain: nothing but text, numbers, lists, None
    frame = year.to_frame()
    assert frame.shape == (42, len(records[0])) and list(frame.columns) == list(records[0])
    counts = frame.groupby("lead")["status"].value_counts()
    assert counts["区工信局", "met"] == 8 and counts["区工信局", "behind"] == 6


def test_periods_are_years_texts_or_periods(shipped):
    plan, read = shipped
    from wcplan.model.periods import half

    assert wcplan.assess(plan, read, "2022-H1").label == "2022-H1"
    assert (
        wcplan.assess(plan, read, half(2022, 1)).to_records()
        == wcplan.assess(plan, read, "2022年上半年").to_records()
    )
    with pytest.raises(ValueError, match="not a year or a period"):
        wcplan.assess(plan, read, "H1")
    with pytest.raises(ValueError, match="not a plan year"):
        wcplan.assess(plan, read, 2024)
    # any table of Actual records will do
    assert (
        wcplan.assess(plan, read.actuals, 2022).to_records() == wcplan.assess(plan, read, 2022).to_records()
    )


def test_scorecards_as_a_frame(shipped):
    plan, read = shipped
    cards = wcplan.score_units(wcplan.assess(plan, read, 2022))
    frame = cards.to_frame()
    assert list(frame["unit"])[:2] == ["区财政局", "区金融办"] and len(frame) == len(cards) == 7
    assert frame.loc[frame["unit"] == "区工信局", "worst_id"].item() == 20
    assert "indicators" not in frame and "worst" not in frame
    with pytest.raises(ValueError):
        wcplan.score_units(wcplan.assess(plan, read, 2022), by="nobody")


def test_tasks_as_frames(shipped):
    plan, read = shipped
    work = wcplan.assess_tasks(plan, read, 2022)
    assert work.to_frame().shape[0] == 29 and work.to_frame("lines").shape[0] == 17
    assert set(work.to_frame()["state"]) >= {"not_due"}


def test_submissions_as_a_frame_and_only_from_a_traced_read(shipped):
    plan, read = shipped
    with pytest.raises(ValueError, match="trace=True"):
        wcplan.submissions(plan, read, 2022)
    traced = wcplan.read_actuals([DATA / "actuals"], plan, trace=True)
    result = wcplan.submissions(plan, traced, 2022, units=["区科技局", "区金融办"])
    frame = result.to_frame()  # the units in the order given
    assert list(frame["due_from"]) == ["区科技局"] * 4 + ["区金融办"] and list(frame["id"]) == [
        26,
        27,
        28,
        29,
        12,
    ]
    assert list(frame["state"]) == ["reported", "missing", "reported", "reported", "reported"]
    assert frame.loc[frame["id"] == 26, "location"].item() == "data/actuals/2022.csv:26"
    assert result.to_frame().shape[1] == 15 and wcplan.Submissions.__name__ == "Submissions"
    with pytest.raises(ValueError, match="not a plan year"):
        wcplan.submissions(plan, traced, "2024-H1")


def test_what_was_read_with_its_findings(tmp_path):
    read = wcplan.read_actuals(ROOT / "tests" / "data" / "bad_actuals.csv", wcplan.load_plan(PLAN))
    assert [f.code for f in read.errors] == ["value-not-number", "unknown-indicator", "year-outside-plan"]
    findings = read.to_frame("findings")
    assert list(findings["line"]) == [2, 4, 5] and set(findings["severity"]) == {"error"}
    assert not read.validate().valid
    assert read.to_frame().columns.tolist()[:3] == ["indicator", "year", "value"]
    empty = wcplan.read_actuals([], wcplan.load_plan(PLAN))
    assert empty.to_frame().empty and list(empty.to_frame().columns)[:2] == ["indicator", "year"]


def test_defaults_are_the_command_lines(shipped):
    """Without arguments: the plan file found as the CLI finds it, the actuals and progress beside it."""
    plan, read = shipped
    assert wcplan.load_plan() == plan
    default = wcplan.read_actuals()
    assert default.actuals == read.actuals and default.progress == read.progress
    assert wcplan.load_tasks().commitment("C02").name == "园区规模工业产值"


def test_a_missing_file_is_an_exception_with_one_sentence(tmp_path):
    with pytest.raises(UsageError, match="does not exist"):
        wcplan.load_plan(tmp_path / "nothing.yaml")


# ── start-up stays light ─────────────────────────────────────────────────────


def test_import_and_load_plan_do_not_import_pandas():
    code = (
        "import sys, wcplan\n"
        "light = [m for m in ('pandas', 'pydantic', 'yaml', 'rich', 'typer') if m in sys.modules]\n"
        "wcplan.load_plan()\n"
        "read = wcplan.read_actuals()\n"
        "wcplan.assess(wcplan.load_plan(), read, 2022).to_records()\n"
        "print(light, 'pandas' in sys.modules)\n"
    )
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert p.stdout.split() == ["[]", "False"], p.stderr


def test_the_result_types_are_there_when_named():
    assert wcplan.Assessment.__name__ == "Assessment" and wcplan.Status.MET == "met"
    with pytest.raises(AttributeError):
        wcplan.nothing  # noqa: B018


def test_the_examples_of_the_api_docstrings_run():
    failed, tried = doctest.testmod(wcplan, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert tried >= 5 and failed == 0


# ── the README's notebook example ────────────────────────────────────────────


def test_the_readme_notebook_example_is_real_output():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", text, re.S)
    assert blocks, "the README shows the Python API in a ```pycon block"
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for n, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README.md pycon block {n + 1}", "README.md", 0)
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
