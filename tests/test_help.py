"""Help pages and usage errors as a newcomer reads them: whole sentences, no Python types, the
argument named as it is called, and bare `wcplan` showing its help, not an error."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from wcplan.base.linebreak import wrap
from wcplan.cli import app

COMMANDS = ["targets", "status", "validate", "units", "trend", "report", "tasks"]


def run(runner, *args, width=80):
    return runner.invoke(app, list(args), env={"COLUMNS": str(width)})


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_top_help_gives_each_command_its_whole_first_sentence(runner, lang):
    out = run(runner, "--lang", lang, "--help").stdout
    assert "..." not in out.split("Commands:" if lang == "en" else "命令：")[1]
    flat = " ".join(out.split())
    if lang == "en":
        assert "units Score every unit for YEAR: indicators per status, (met + on track) / assessed," in flat
        assert "like an indicator." in flat and "Usage: wcplan [OPTIONS] COMMAND [ARGS]..." in out
    else:
        assert "最滞后的指标；再列出各牵头单位的工作事项和量化目标。" in "".join(out.split())
        assert "用法：wcplan [选项] 命令 [参数]..." in out and "COMMAND" not in out


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_no_python_types_or_bounds(runner, command):
    out = run(runner, command, "--help").stdout
    for leak in ("<str>", "<int>", "<list[", "<Path>", "<path>", "x>=", "[[", "]...]"):
        assert leak not in out, (command, leak)


def test_validate_help_and_its_argument(runner):
    out = run(runner, "validate", "--help").stdout
    assert out.startswith("Usage: wcplan validate [OPTIONS] [PATH]...")
    assert "[default: 200; 0 or more]" in " ".join(out.split())
    r = run(runner, "validate", "missing.csv")
    assert r.exit_code == 2 and "Invalid value for PATH: missing.csv does not exist." in r.stderr
    assert "--actuals" not in r.stderr
    r = run(runner, "validate", "--max-problems", "-1")
    assert r.exit_code == 2 and "Invalid value for '--max-problems': give 0 or more." in r.stderr
    r = run(runner, "--lang", "zh", "validate", "--max-problems", "-1")
    assert "'--max-problems' 的值无效：应不小于 0。" in r.stderr and "Input should" not in r.stderr


def test_report_and_actuals_help_say_what_they_do(runner):
    out = " ".join(run(runner, "report", "--help").stdout.split())
    assert "Default: stdout for Markdown and JSON, else wcplan-report-PERIOD.html, .xlsx or .docx" in out
    out = " ".join(run(runner, "status", "--help").stdout.split())
    assert "A CSV or Excel (.xlsx) file of actuals" in out


def test_bare_wcplan_shows_its_help_not_an_error(runner):
    r = run(runner)
    assert r.exit_code == 2
    assert r.stderr.startswith("Usage: wcplan [OPTIONS] COMMAND [ARGS]...") and "Error" not in r.stderr
    assert "Commands:" in r.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--lang", "zh", "stauts"], "错误：没有名为“stauts”的命令。您是指 'status', 'targets' 吗？"),
        (["--lang", "zh", "bogus"], "错误：没有名为“bogus”的命令。"),
        (
            ["status", "2022", "--tasks", "x"],
            "Error: No such option: --tasks. Did you mean --status, --targets?",
        ),
    ],
)
def test_click_errors_in_the_language_of_the_run(runner, args, words):
    r = run(runner, *args)
    assert r.exit_code == 2 and words in r.stderr


@pytest.mark.parametrize("option", ["--targets", "--tasks"])
def test_a_folder_for_a_file_is_called_a_folder(runner, tmp_path, option):
    r = run(runner, "units", "2022", option, str(tmp_path))
    assert r.exit_code == 2
    assert f"{tmp_path} is a folder; {option} takes a file, such as {tmp_path}/" in " ".join(r.stderr.split())
    assert "does not exist" not in r.stderr


@pytest.mark.parametrize("fold", [False, True])
def test_wrapping_never_starts_a_line_with_closing_or_ends_one_with_opening_punctuation(fold):
    text = (
        "《长沙市望城区打造国家重要先进制造业高地三年行动计划（2021-2023年）》（示例）。"
        "Integration-of-informatization-and-industrialization"
    )
    for width in range(16 if fold else 20, 60):
        lines = wrap(text, width, fold=fold)
        assert all(cell_len(line) <= width for line in lines), (width, lines)
        assert not any(line[0] in "）》。，" for line in lines[1:]), (width, lines)
        assert not any(line[-1] in "（《" for line in lines[:-1]), (width, lines)
        assert "".join(lines) == text


def test_english_breaks_between_words_or_after_a_hyphen():
    assert wrap("Wangcheng Economic and Technological Development Zone", 14) == [
        "Wangcheng",
        "Economic and",
        "Technological",
        "Development",
        "Zone",
    ]
    assert wrap("integration-of-informatization-and-industrialization", 20) == [
        "integration-of-",
        "informatization-and-",
        "industrialization",
    ]
    assert wrap("示意数据：所示 39 个实际值中有 38 个是虚构的示意值（示例）", 12) == [
        "示意数据：所",
        "示 39 个实际",
        "值中有 38 个",
        "是虚构的示意",
        "值（示例）",
    ]
