"""Finding things by the names people use: indicators by their English or Chinese names (and the
closest candidates otherwise), statuses in either language, units told apart from names the plan
does not know; and a filtered view named in its summary."""

from __future__ import annotations

import json

import pytest

from wcplan.cli import app


def run(runner, *args):
    return runner.invoke(app, list(args))


def said(result) -> str:
    return " ".join(result.stderr.split())


@pytest.mark.parametrize(
    "name", ["Gross industrial output value", "GROSS INDUSTRIAL OUTPUT VALUE", "工业总产值", "工业 总产值"]
)
def test_trend_by_the_english_or_chinese_name_in_any_case(runner, name):
    doc = json.loads(run(runner, "trend", name, "-f", "json").stdout)
    assert doc["indicator"]["id"] == 1


def test_trend_by_a_part_of_one_name_only(runner):
    doc = json.loads(run(runner, "trend", "研发经费", "-f", "json").stdout)
    assert doc["indicator"]["id"] == 27


def test_trend_of_a_part_of_several_names_lists_them(runner):
    r = run(runner, "trend", "产值")
    assert r.exit_code == 2
    assert "'产值' is in the names of 8 indicators: 1 工业总产值; 2 规模工业企业总产值;" in said(r)
    assert "; and 2 more; give the id or the whole name." in said(r)
    r = runner.invoke(app, ["--lang", "zh", "trend", "产值"])
    assert "有 8 项指标的名称含“产值”：1 工业总产值；2 规模工业企业总产值；" in said(r)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("工业总产直", "1 工业总产值"), ("Gross industrial output valeu", "1 Gross industrial output value")],
)
def test_trend_of_a_misspelt_name_says_the_closest(runner, typed, meant):
    r = run(runner, "trend", typed)
    assert r.exit_code == 2 and f"no indicator is '{typed}'; did you mean {meant}?" in said(r)


@pytest.mark.parametrize(
    ("words", "statuses"),
    [
        ("滞后", {"behind"}),
        ("严重滞后,接近目标", {"off_track", "on_track"}),
        ("on track，met", {"on_track", "met"}),
        ("Off-Track", {"off_track"}),
        ("no data", {"no_data"}),
    ],
)
def test_status_words_of_both_languages(runner, words, statuses):
    r = run(runner, "status", "2022", "--status", words, "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert {i["status"] for i in json.loads(r.stdout)["indicators"]} == statuses


def test_an_unknown_status_names_the_words_of_the_language(runner):
    r = runner.invoke(app, ["--lang", "zh", "status", "2022", "--status", "late"])
    assert r.exit_code == 2 and "（或 达标、接近目标、滞后、严重滞后、无数据、无法判断）" in said(r)


@pytest.mark.parametrize("unit", ["区人社局", "区数据资源中心", "District Data Resources Centre"])
def test_a_unit_with_no_indicator_is_not_an_unknown_unit(runner, unit):
    r = run(runner, "status", "2022", "--unit", unit)
    assert r.exit_code == 2
    assert "is a unit of the plan, but it leads no indicator and is responsible for none" in said(r)
    assert "`wcplan tasks` shows its work" in said(r) and "no unit of the plan is called" not in said(r)
    assert run(runner, "tasks", "2022", "--unit", unit).exit_code == 0


def test_a_unit_with_no_task_and_a_misspelt_unit(runner):
    r = run(runner, "tasks", "2022", "--unit", "区财政局")
    assert r.exit_code == 0  # it leads commitments of the tasks file
    r = run(runner, "status", "2022", "--unit", "区工信")
    assert r.exit_code == 2
    assert "no unit of the plan is called 区工信; the units with indicators are:" in said(r)
    assert said(r).endswith("Did you mean 区工信局?")
    r = run(runner, "status", "2022", "--category", "创新")
    assert "no category is called 创新" in said(r) and said(r).endswith("Did you mean 创新驱动?")


def test_a_filtered_view_names_its_filter_in_singular_or_plural(runner):
    out = " ".join(run(runner, "status", "2022", "--unit", "区金融办").stdout.split())
    assert "Unit District Financial Affairs Office (1 of 42 indicators): met 1" in out
    assert "Plan-wide" not in out
    out = " ".join(run(runner, "status", "2022", "--status", "met,behind").stdout.split())
    assert "Statuses met, behind (30 of 42 indicators)" in out
    md = run(runner, "report", "2022", "--unit", "区金融办").stdout
    assert "## Summary: unit District Financial Affairs Office" in md
    assert "**100.0%** of the 1 indicator shown (unit District Financial Affairs Office) is met" in md
    md = run(runner, "report", "2022").stdout
    assert "## Plan-wide summary" in md and "of the 42 indicators are met or on track." in md
    out = " ".join(run(runner, "tasks", "2022", "--unit", "区财政局").stdout.split())
    assert "Unit District Finance Bureau (3 lines of work)" in out
    assert "The text gives no year for C01: it is judged" in out


def test_every_unit_line_gives_every_status(runner):
    out = run(runner, "status", "2022").stdout
    lines = [line for line in out.splitlines() if line.startswith("met ")]
    assert len(lines) == 7 and all(" · no data " in line and " · unknown " in line for line in lines)


def test_trend_without_a_figure_for_the_plan_so_far_says_why(runner):
    out = " ".join(run(runner, "trend", "27").stdout.split())
    assert "Plan so far (2021): unknown (no baseline, and no earlier actual to measure progress from)" in out
    assert ": of the way" not in out
