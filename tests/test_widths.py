"""Tables and text that fit the terminal: columns shortened or hidden (and said so) rather than
names cut to a few characters; lines broken between words, never before closing punctuation;
no line ending in spaces."""

from __future__ import annotations

import json
import re

import pytest
from rich.cells import cell_len

from conftest import DATA
from wcplan import load_plan, load_tasks
from wcplan.cli import app

WIDTHS = [80, 100, 120]
CHINESE_CLOSING = set("，。；：、）〕」』】》〉！？”")
COMMANDS = [["status", "2022"], ["targets"], ["units", "2022"], ["tasks", "2022"], ["trend", "1"]]


def run(runner, *args, width=80, lang="en"):
    r = runner.invoke(app, ["--lang", lang, *args], env={"COLUMNS": str(width)})
    assert r.exit_code == 0, r.stderr
    return r.stdout


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_line_fits_and_ends_without_spaces(runner, args, lang, width):
    out = run(runner, *args, width=width, lang=lang)
    assert max(cell_len(line) for line in out.splitlines()) <= width
    assert not [line for line in out.splitlines() if line.endswith(" ")]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_chinese_line_or_cell_starts_with_closing_punctuation(runner, args, width):
    out = run(runner, *args, width=width, lang="zh")
    for line in out.splitlines():
        for cell in re.split(r"\s{2,}", line.strip()):
            assert not cell or cell[0] not in CHINESE_CLOSING, line


@pytest.mark.parametrize("width", WIDTHS)
def test_english_words_are_never_cut(runner, width):
    """Every word of the names shown is whole somewhere in the output (it was not cut in two)."""
    plan = load_plan(DATA / "targets.yaml")
    tasks = load_tasks(DATA / "tasks.yaml", plan)

    def words(names):
        return {w for n in names for w in re.findall(r"[A-Za-z]{4,}", n)}

    status = run(runner, "status", "2022", width=width)
    assert not words(i.name_en for i in plan.indicators) - set(re.findall(r"[A-Za-z]+", status))
    units = run(runner, "units", "2022", width=width)
    doc = json.loads(run(runner, "units", "2022", "-f", "json"))
    shown = {u["unit"] for u in doc["units"]} | {u["unit"] for u in doc["tasks"]["units"]}
    assert not words(plan.units[u] for u in shown) - set(re.findall(r"[A-Za-z]+", units))
    shown = run(runner, "tasks", "2022", width=width)
    lines = [line.content_en for task in tasks.tasks for line in task.lines if line.content_en]
    assert not words(lines) - set(re.findall(r"[A-Za-z]+", shown))


def test_units_at_80_columns_head_the_counts_with_symbols_and_say_so(runner):
    out = run(runner, "units", "2022", lang="zh")
    assert " 单位 " in out and "得分  ✓  ~  !  ✗  -  ?  最滞后的指标" in out
    for name in ("望城经开区产业发展局", "各产业链办公室", "区市场监管局"):
        assert name in out  # a unit's name on one line, not three characters a line
    assert "为适应 80 列宽度，各状态以其符号作列标题：✓ 达标、~ 接近目标" in " ".join(out.split())
    first = out.split("\n\n")[0]
    rows = [line for line in first.splitlines() if re.match(r"^ \S+\s+(\d+%|—)", line)]
    assert len(rows) == 7
    out = run(runner, "units", "2022", width=120, lang="zh")
    assert "达标  接近目标  滞后" in out and "符号" not in out


def test_tasks_at_80_columns_hide_columns_and_say_so(runner):
    out = run(runner, "tasks", "2022", lang="zh")
    assert re.search(r"序号\s+量化目标\s+单位\s+目标值", out)  # the heading whole
    assert "为适应 80 列宽度已隐藏：全程、趋势；请加宽终端或用 --format json 查看。" in " ".join(out.split())
    out = run(runner, "tasks", "2022", width=120, lang="zh")
    assert "全程  趋势" in out and "已隐藏" not in out


def test_targets_at_80_columns_hide_the_responsible_units_and_say_so(runner):
    shown = run(runner, "targets")
    out = " ".join(shown.split())
    assert "Hidden to fit 80 columns: Responsible, Attr.; widen the terminal" in out
    assert not re.search(r"Technologica\s|informa\s|industria\s", shown)


def test_piped_status_has_no_padded_line(runner):
    out = run(runner, "status", "2022")
    assert len(out.splitlines()) > 150 and not any(line.endswith(" ") for line in out.splitlines())
