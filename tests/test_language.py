"""One language at a time: with --lang zh every word a user reads is Chinese, but for names,
codes, file paths, option names and placeholders; the HTML report tells no data from unknown."""

from __future__ import annotations

import html
import re

import pytest

from wcplan.cli import app

#: What may stay in Latin letters in Chinese output: codes a file or a pipeline uses (statuses,
#: formats, choices), placeholders of the help (YEAR), acronyms and product names, names from the
#: plan (省级工业互联网APP…), and the program's own name.
ALLOWED = {
    # codes: statuses, formats, choices of options, languages
    *["met", "on_track", "behind", "off_track", "no_data", "unknown"],
    *[
        "table",
        "json",
        "markdown",
        "html",
        "xlsx",
        "docx",
        "csv",
        "text",
        "github",
        "lead",
        "responsible",
        "zh",
        "en",
    ],
    # placeholders of the help, and the program
    *["YEAR", "PERIOD", "FILE", "NAME", "PATH", "LIST", "ID", "wcplan"],
    # acronyms, product names, and a name of the plan
    *["GDP", "APP", "CSV", "UTF", "GBK", "CI", "JSON", "HTML", "Excel", "Markdown"],
    # the technical word Chinese writing keeps (完成 shell 补全), and the shells by name
    *["shell", "bash", "zsh", "fish"],
}
#: What is removed before the words are counted: option names, file paths and names, environment
#: variables and locales, finding codes, commands quoted with `wcplan`, the source code of
#: made-up values as the files write it, and the encoding named in an example.
REMOVED = [
    r"(?<![\w-])--?[a-z][a-z-]*",  # --unit, -f
    r"[\w./-]*/[\w./-]*",  # data/actuals/2022.csv, actuals/
    r"[\w-]+\.(?:csv|xlsx|docx|yaml|html|md|json)\b",  # targets.yaml, wcplan-report-PERIOD.html
    r"\.(?:csv|xlsx|docx|yaml|html|md|json)\b",  # .xlsx
    r"\$?[A-Z][A-Z_]*_[A-Z_]+|\bLANG\b",  # $WCPLAN_LANG, LC_ALL, GITHUB_STEP_SUMMARY, LANG
    r"\bzh_\*",
    r"\b[a-z]+(?:-[a-z]+)+\b",  # finding codes: value-not-number
    r"`wcplan [^`]*`",
    r"wcplan (?:targets|status|validate|units|trend|report|tasks|template|submissions)\b",
    r"“[^”]*”|'[^']*'",  # what the user typed, and codes, quoted: “stauts”, 'status'
    r"(?m)^  (?:targets|status|validate|units|trend|report|tasks|template|submissions)\s",  # commands
    r"\bgb18030\b",
]

RUNS = [
    ["--help"],
    *(
        [c, "--help"]
        for c in (
            "targets",
            "status",
            "validate",
            "units",
            "trend",
            "report",
            "tasks",
            "template",
            "submissions",
        )
    ),
    ["targets"],
    ["status", "2022"],
    ["status", "2022年上半年"],
    ["status", "2022", "--unit", "区金融办", "--status", "达标"],
    ["units", "2022"],
    ["units", "2022", "--by", "responsible", "-f", "markdown"],
    ["tasks", "2022"],
    ["tasks", "2022", "-f", "markdown"],
    ["trend", "1"],
    ["trend", "27"],
    ["validate"],
    ["validate", "tests/data/bad_actuals.csv"],
    ["report", "2022", "-f", "markdown"],
    ["report", "2022-Q3", "-f", "markdown", "--unit", "区工信局"],
    ["status", "2022", "-f", "markdown"],
    ["submissions", "2022-H1", "--actuals", "examples/collection/2022-H1"],
    ["submissions", "2022", "-f", "markdown"],
    # usage errors
    ["bogus"],
    ["stauts"],
    ["trend", "产值"],
    ["status", "2022", "--unit", "区人社局"],
    ["validate", "--max-problems", "-1"],
    ["units", "2022-H1"],
    ["status", "2022", "--targets", "."],
]


def stray_english(text: str) -> list[str]:
    for pattern in REMOVED:
        text = re.sub(pattern, " ", text)
    return [w for w in re.findall(r"[A-Za-z][A-Za-z_]{2,}", text) if w not in ALLOWED]


@pytest.mark.parametrize("args", RUNS, ids=" ".join)
def test_chinese_output_has_no_stray_english(runner, args):
    r = runner.invoke(app, ["--lang", "zh", *args], env={"COLUMNS": "100"})
    assert "Traceback" not in r.stderr
    assert stray_english(r.stdout + r.stderr) == []


def test_the_scan_finds_english():
    assert stray_english("用法：wcplan [选项] COMMAND [ARGS]...") == ["COMMAND", "ARGS"]
    assert stray_english("来源：illustrative (38)；来源为“illustrative”") == ["illustrative"]
    assert stray_english("--unit 区工信局 data/actuals/2022.csv value-not-number $WCPLAN_LANG") == []


def test_made_up_values_are_called_so_in_chinese(runner, tmp_path):
    out = runner.invoke(app, ["--lang", "zh", "report", "2022"]).stdout
    assert "所示数值的来源：示意数据 (38)" in out
    out = runner.invoke(app, ["--lang", "zh", "trend", "1"]).stdout
    assert "示意数据" in out and "illustrative" not in out.replace("“illustrative”", "")
    target = tmp_path / "r.xlsx"
    runner.invoke(app, ["--lang", "zh", "report", "2022", "-f", "xlsx", "-o", str(target)])
    from openpyxl import load_workbook

    book = load_workbook(target)
    cells = [c.value for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [c for c in cells if "illustrative" in c.replace("“illustrative”", "")]
    assert stray_english("\n".join(cells)) == []


def test_the_word_report_in_chinese(runner, tmp_path):
    import docx

    target = tmp_path / "r.docx"
    runner.invoke(app, ["--lang", "zh", "report", "2022", "-f", "docx", "-o", str(target)])
    document = docx.Document(target)
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for table in document.tables for row in table.rows for c in row.cells]
    assert any("示意数据 (38)" in t for t in texts)
    assert stray_english("\n".join(texts)) == []


def test_html_tells_no_data_from_unknown_and_the_chart_from_the_outlook(runner, tmp_path):
    from wcplan.render.html import COLOUR
    from wcplan.rules.verdicts import Status

    assert len(set(COLOUR.values())) == len(Status)
    from wcplan.render.office import STATUS_FILL

    assert len(set(STATUS_FILL.values())) == len(Status)  # Excel and Word
    target = tmp_path / "r.html"
    runner.invoke(app, ["--lang", "zh", "report", "2022", "-f", "html", "-o", str(target)])
    page = target.read_text(encoding="utf-8")
    assert "<th>趋势</th>" in page and "<th>目标与实际值图</th>" in page and "走势" not in page
    shown = html.unescape(re.sub(r"<[^>]+>", " ", page.split("<body>")[1]))
    assert stray_english(shown) == []
