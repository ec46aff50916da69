"""Shell completion for bash, zsh and fish: the scripts, and what the shell is offered for
indicators, units, categories, statuses, years and periods; the plan is loaded only then."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT
from wcplan.cli import app, completion


def values(offers):
    return [value for value, _help in offers]


def test_indicators_by_id_and_by_name_in_either_language():
    assert values(completion.indicators(None, "4"))[:4] == ["4", "40", "41", "42"]
    assert dict(completion.indicators(None, "27"))["27"].startswith("R&D expenditure")
    assert values(completion.indicators(None, "工业总")) == ["工业总产值"]
    assert values(completion.indicators(None, "gross")) == [
        "Gross industrial output value",
        "Gross output value of industrial enterprises above designated size",
    ]
    assert "产值百亿级企业" in values(completion.indicators(None, "产值"))  # contains, when none starts so


def test_units_categories_years_and_periods():
    assert values(completion.units(None, "区工")) == ["区工信局"]
    assert "区人社局" in values(completion.units(None, ""))
    assert values(completion.units(None, "district fin")) == [
        "District Finance Bureau",
        "District Financial Affairs Office",
    ]
    assert values(completion.categories(None, "创")) == ["创新驱动"]
    assert values(completion.years(None, "")) == ["2021", "2022", "2023"]
    assert values(completion.periods(None, "2022-Q")) == ["2022-Q1", "2022-Q2", "2022-Q3"]
    assert "2022-06" in values(completion.periods(None, "2022-")) and "2022-H1" in values(
        completion.periods(None, "2022-")
    )
    assert "2022-06" not in values(completion.periods(None, "2022"))


def test_statuses_complete_the_last_of_a_list():
    assert values(completion.statuses("on_track,b")) == ["on_track,behind"]
    assert values(completion.statuses("no")) == ["no_data"]


def test_a_plan_that_cannot_be_read_offers_nothing(tmp_path):
    class Context:
        def __init__(self):
            self.params = {"targets": str(tmp_path / "missing.yaml")}

    assert completion.indicators(Context(), "1") == []
    assert completion.units(Context(), "") == []


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_completion_script_of_each_shell(runner, shell, monkeypatch):
    # the shell by name, not detected (Typer reads this when it builds the command)
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    r = runner.invoke(app, ["--show-completion", shell])
    assert r.exit_code == 0 and "_WCPLAN_COMPLETE" in r.stdout
    assert {"bash": "complete_bash", "zsh": "complete_zsh", "fish": "complete_fish"}[shell] in r.stdout


def test_help_offers_the_completion_options(runner):
    out = runner.invoke(app, ["--help"]).stdout
    assert "--install-completion" in out and "--show-completion" in out
    out = runner.invoke(app, ["--lang", "zh", "--help"]).stdout
    assert "为当前 shell 安装命令补全。" in out


def complete(shell_env: dict) -> str:
    env = {**os.environ, "_WCPLAN_COMPLETE": "", **shell_env}
    r = subprocess.run(
        [sys.executable, "-m", "wcplan"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_the_shell_asks_and_wcplan_answers():
    out = complete({"_WCPLAN_COMPLETE": "complete_bash", "COMP_WORDS": "wcplan trend 4", "COMP_CWORD": "2"})
    assert out.split() == ["4", "40", "41", "42"]
    out = complete(
        {"_WCPLAN_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "wcplan status 2022 --unit 区工"}
    )
    assert '"区工信局":"District Bureau of Industry and Information Technology"' in out
    out = complete(
        {
            "_WCPLAN_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_ARGS": "wcplan units 202",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        }
    )
    assert out.split("\n")[:3] == ["2021\tplan year", "2022\tplan year", "2023\tplan year"]
