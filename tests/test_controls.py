"""Control characters in text from input files: a warning at their cell, and shown visibly
(<U+XXXX>) and harmlessly by every output; Markdown never passes HTML or splits a row."""

from __future__ import annotations

import json
import shutil
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from conftest import DATA
from wcplan.base.controls import controls, is_control, visible
from wcplan.cli import app

ESC = "\x1b"
#: An escape sequence (red), a window-title sequence ending in BEL, a right-to-left override, a
#: zero-width space, a C1 CSI (clear the screen) and DEL.
HOSTILE = f"a{ESC}[31mb{ESC}]0;pwned\x07c\u202ed\u200be\x9b2Jf\x7fg"
HOSTILE_SHOWN = "a<U+001B>[31mb<U+001B>]0;pwned<U+0007>c<U+202E>d<U+200B>e<U+009B>2Jf<U+007F>g"
#: What Markdown must not read as markup: line breaks of every kind, a pipe, raw HTML, a link.
MARKUP = "x\r\ny\rz\nw|v <script>alert(1)</script> <img src=x onerror=alert(1)> [link](http://e.x) `c`"


def unsafe(output: str) -> list[str]:
    """Characters that must never reach an output: control characters and a bare carriage return."""
    return [f"U+{ord(ch):04X}" for ch in output if is_control(ch) or ch == "\r"]


# ── the characters ───────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "char",
    [ESC, "\x00", "\x07", "\x08", "\x0b", "\x0c", "\x7f", "\x85", "\x9b", "\u00ad", "\u061c"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\U000e0001", "\ud800"],
)
def test_control_characters_are_shown_by_their_code(char):
    assert is_control(char)
    assert visible(f"x{char}y") == f"x<U+{ord(char):04X}>y"


@pytest.mark.parametrize("char", ["a", "中", "\u3000", "\u00a0", " ", "—", "²", "①", "％", "😀", "\ue000"])
def test_ordinary_characters_are_kept(char):
    assert not is_control(char) and visible(f"x{char}y") == f"x{char}y"


def test_line_breaks_and_tabs_are_spaces_not_controls():
    assert visible("a\r\nb\rc\nd\te\u2028f\u2029g") == "a b c d e f g"
    assert controls("a\r\nb\tc") == []


@given(st.text())
def test_visible_text_holds_no_control_and_no_line_break(value):
    shown = visible(value)
    assert not any(is_control(ch) for ch in shown) and not set(shown) & set("\r\n\t\u2028\u2029")
    assert visible(shown) == shown  # applying it again changes nothing
    if value.isprintable():
        assert shown == value


def test_every_control_category_is_covered():
    # every C0/C1 control, format character and surrogate of the BMP, but for tab and line breaks
    for c in range(0x10000):
        ch = chr(c)
        expected = unicodedata.category(ch) in ("Cc", "Cf", "Cs") and ch not in "\t\n\r"
        assert is_control(ch) == expected, hex(c)


# ── the reader: a finding at the cell ────────────────────────────────────────


@pytest.fixture
def files(tmp_path):
    """A copy of the shipped data with hostile text in an actual's source and note and in a line of
    work's note; the plan, tasks, actuals and progress stay valid otherwise."""
    for name in ("targets.yaml", "tasks.yaml"):
        shutil.copy(DATA / name, tmp_path / name)
    shutil.copytree(DATA / "actuals", tmp_path / "actuals")
    shutil.copytree(DATA / "progress", tmp_path / "progress")
    actuals = tmp_path / "actuals" / "2022.csv"
    lines = actuals.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[1].startswith("1,2022,1352,illustrative,")
    lines[1] = f'1,2022,1352,"{HOSTILE} {MARKUP}","{HOSTILE}"\n'
    actuals.write_text("".join(lines), encoding="utf-8", newline="")
    progress = tmp_path / "progress" / "2022.csv"
    lines = progress.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[10].startswith("1.1,2022,,,推进中,2022-12-20,")
    lines[10] = f'1.1,2022,,,推进中,2022-12-20,"{HOSTILE} {MARKUP}",illustrative,望城经开区产业发展局\n'
    progress.write_text("".join(lines), encoding="utf-8", newline="")
    return tmp_path


def test_a_control_character_is_a_warning_at_its_cell(runner, files):
    r = runner.invoke(app, ["validate", "--targets", str(files / "targets.yaml"), "-f", "json"])
    assert r.exit_code == 0, r.output  # warnings: the figures stand
    found = [p for p in json.loads(r.stdout)["problems"] if p["code"] == "control-character"]
    places = [(p["file"].rsplit("/", 1)[-1], p["line"], p["column"], p["severity"]) for p in found]
    assert places == [
        ("2022.csv", 2, 4, "warning"),  # the source
        ("2022.csv", 2, 5, "warning"),  # the note
        ("2022.csv", 11, 7, "warning"),  # the line of work's note
    ]
    assert found[1]["message"] == (
        "this cell holds 7 invisible control characters (U+001B, U+0007, U+202E, U+200B, U+009B, U+007F), "
        "the first at character 2; outputs show each as its code in angle brackets, like <U+001B>. "
        "Delete them from the file."
    )
    strict = runner.invoke(app, ["validate", "--targets", str(files / "targets.yaml"), "--strict"])
    assert strict.exit_code == 1 and unsafe(strict.stdout) == []


def test_one_control_character_in_chinese(runner, tmp_path):
    f = tmp_path / "a.csv"
    f.write_text("indicator,year,value,source\n3,2022,431,区统计局\u202e\n", encoding="utf-8")
    r = runner.invoke(app, ["validate", str(f), "--lang", "zh"])
    assert r.exit_code == 0
    assert (
        "a.csv:2:4: 警告 control-character: 此单元格含有 1 个不可见的控制字符（U+202E），自第 5 个字符起；"
        "输出中以尖括号内的编码显示，如 <U+202E>。请将其从文件中删除。"
    ) in r.stdout.replace("\n", "")


def test_line_breaks_and_tabs_in_a_note_are_no_finding(runner, tmp_path):
    f = tmp_path / "a.csv"
    f.write_text('indicator,year,value,source,note\n3,2022,431,s,"one\r\ntwo\tthree"\n', encoding="utf-8")
    r = runner.invoke(app, ["validate", str(f), "-f", "json"])
    assert json.loads(r.stdout)["problems"] == []


# ── every output shows the text harmlessly ───────────────────────────────────


def run(runner, files, *args):
    r = runner.invoke(app, [*args, "--targets", str(files / "targets.yaml")], env={"COLUMNS": "400"})
    assert r.exit_code == 0, r.output
    assert unsafe(r.stdout) == [] and unsafe(r.stderr) == []
    return r


def test_terminal_outputs_show_control_characters_visibly(runner, files):
    assert HOSTILE_SHOWN in run(runner, files, "trend", "1").stdout  # the source column
    assert HOSTILE_SHOWN in run(runner, files, "tasks", "2022", "--unit", "区金融办").stdout  # a note
    assert run(runner, files, "status", "2022").stderr.count("warning control-character") == 2  # actuals
    assert run(runner, files, "tasks", "2022").stderr.count("warning control-character") == 3  # and progress


def markdown_ok(md: str) -> None:
    """Markdown as a GFM renderer reads it: every table row as wide as its header; no HTML, link or
    image made from the data."""
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(md)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"html_block", "html_inline", "link_open", "image"}
    tables: list[list[int]] = []
    for t in tokens:
        if t.type == "table_open":
            tables.append([])
        elif t.type == "tr_open":
            tables[-1].append(0)
        elif t.type in ("th_open", "td_open"):
            tables[-1][-1] += 1
    assert tables and all(len(set(widths)) == 1 for widths in tables)
    page = parser.render(md)
    assert "<script" not in page and "<img" not in page and "<a " not in page
    assert "&lt;script&gt;" in page and "&lt;U+001B&gt;" in page


def test_markdown_outputs_escape_line_breaks_html_and_controls(runner, files, tmp_path):
    report = run(runner, files, "report", "2022").stdout
    markdown_ok(report)
    sources = next(line for line in report.splitlines() if line.startswith("Sources of the values shown"))
    assert "x y z w\\|v &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in sources
    tasks = run(runner, files, "tasks", "2022", "--format", "markdown").stdout
    markdown_ok(tasks)
    row = next(line for line in tasks.splitlines() if line.startswith("| 1.1 |"))
    assert row.count(" | ") == 4  # five cells: the note's pipe and line breaks do not split the row
    # the step summary: messages quoting a cell's text, with pipes, line breaks and HTML
    bad = tmp_path / "bad.csv"
    bad.write_text(f'indicator,year,value,source\n1,2022,"{MARKUP}{ESC}",s\n', encoding="utf-8")
    summary = tmp_path / "summary.md"
    r = runner.invoke(app, ["validate", str(bad), "-f", "github"], env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert r.exit_code == 1 and unsafe(r.stdout) == []
    assert "::error" in r.stdout and "<U+001B>" in r.stdout
    markdown_ok(summary.read_text(encoding="utf-8"))


def test_html_and_excel_show_control_characters_visibly(runner, files, tmp_path):
    from openpyxl import load_workbook

    page = tmp_path / "r.html"
    run(runner, files, "report", "2022", "-f", "html", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert unsafe(html) == [] and "<script>" not in html
    assert "a&lt;U+001B&gt;[31mb" in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    book = tmp_path / "r.xlsx"
    run(runner, files, "report", "2022", "-f", "xlsx", "-o", str(book))  # openpyxl refuses raw controls
    cells = [c.value for sheet in load_workbook(book) for row in sheet.iter_rows() for c in row]
    strings = [v for v in cells if isinstance(v, str)]
    assert not any(unsafe(s) for s in strings)
    assert any(HOSTILE_SHOWN in s for s in strings)  # the source column of indicator 1


def test_json_keeps_the_text_exact_and_the_bytes_harmless(runner, files):
    out = run(runner, files, "report", "2022", "-f", "json").stdout
    assert "\\u001b[31m" in out and "\\u202e" in out and "\\u009b" in out
    doc = json.loads(out)
    one = next(i for i in doc["indicators"] if i["id"] == 1)
    assert one["note"] == HOSTILE and one["source"] == f"{HOSTILE} {MARKUP}"
    work = json.loads(run(runner, files, "tasks", "2022", "-f", "json").stdout)
    line = next(r for r in work["lines"] if r["id"] == "1.1")
    assert line["note"] == f"{HOSTILE} {MARKUP}"
