"""Periods as statistical reports write them, refused where a command takes a year, and echoed
in the language of the output."""

from __future__ import annotations

import json

import pytest

from wcplan.base import i18n
from wcplan.model.periods import parse_period, shown


@pytest.mark.parametrize(
    ("text", "label", "months"),
    [
        ("2022年1-6月", "2022-06", 6),
        ("2022年1—6月", "2022-06", 6),
        ("2022年1至9月", "2022-09", 9),
        ("2022年前三季度", "2022-Q3", 9),
        ("2022年前两季度", "2022-Q2", 6),
        ("2022/06", "2022-06", 6),
        ("2022/6", "2022-06", 6),
        ("2022.06", "2022-06", 6),
        ("2022年全年", "2022", 12),
    ],
)
def test_the_forms_of_statistical_reports(text, label, months):
    period = parse_period(text)
    assert (period.label, period.months) == (label, months)


@pytest.mark.parametrize("text", ["2022.1", "2022年2-6月", "2022/13", "2022年前五季度"])
def test_what_is_not_a_period(text):
    """2022.1 may be a spreadsheet's 2022.10; a range starts in January (periods are year to date)."""
    assert parse_period(text) is None


def test_a_period_in_chinese_reads_as_the_statistics_write_it():
    i18n.activate("zh")
    try:
        assert [shown(x) for x in ("2022-06", "2022-01", "2022-Q1", "2022-Q3", "2022-H1", "2022")] == [
            "2022年1-6月",
            "2022年1月",
            "2022年一季度",
            "2022年前三季度",
            "2022年上半年",
            "2022",
        ]
    finally:
        i18n.activate("en")
    assert shown("2022-H1") == "2022-H1"


def test_status_echoes_a_chinese_period_in_chinese(runner):
    from wcplan.cli import app

    out = runner.invoke(app, ["--lang", "zh", "status", "2022年上半年"]).stdout
    assert "2022年上半年" in out.splitlines()[0] and "2022-H1" not in out
    out = runner.invoke(app, ["--lang", "zh", "report", "2022/06"]).stdout
    assert "2022年1-6月" in out and "2022-06" not in out
    doc = json.loads(runner.invoke(app, ["--lang", "zh", "status", "2022年前三季度", "-f", "json"]).stdout)
    assert doc["period"] == "2022-Q3"


@pytest.mark.parametrize("command", ["units", "tasks"])
def test_units_and_tasks_say_they_take_a_year(runner, command):
    from wcplan.cli import app

    r = runner.invoke(app, [command, "2022-H1"])
    assert r.exit_code == 2 and "not a whole number" not in r.stderr
    said = " ".join(r.stderr.split())
    assert f"wcplan {command} takes a whole plan year such as 2022, not a period" in said
    assert "`wcplan status 2022-H1` judges the year to date" in said
    assert runner.invoke(app, [command, "2022-12", "-f", "json"]).exit_code == 0
    r = runner.invoke(app, [command, "soon"])
    assert r.exit_code == 2 and "'soon' is not a year; give a plan year: 2021, 2022, 2023." in r.stderr
