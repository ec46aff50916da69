"""wcplan report: the same facts in every format, Markdown that parses, files written whole."""

from __future__ import annotations

import json
import os

import pytest
from markdown_it import MarkdownIt

from conftest import DATA, ROOT
from wcplan.cli import app

ENV = {"SOURCE_DATE_EPOCH": "1700000000"}  # 2023-11-14


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def tables(markdown: str) -> list[list[list[str]]]:
    """Every table as rows of cell texts, as a CommonMark + GFM-tables parser reads them."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found, row, in_table = [], None, False
    for t in tokens:
        if t.type == "table_open":
            found.append([])
            in_table = True
        elif t.type == "table_close":
            in_table = False
        elif t.type == "tr_open" and in_table:
            row = []
        elif t.type == "tr_close" and in_table:
            found[-1].append(row)
        elif t.type == "inline" and in_table and row is not None:
            row.append(t.content)
    return found


def test_markdown_report_tables_parse_with_the_right_shape(runner):
    r = runner.invoke(app, ["report", "2022"], env=ENV)
    assert r.exit_code == 0
    md = r.stdout
    found = tables(md)
    # summary, 7 lead units, what lags, no data
    assert len(found) == 1 + 7 + 1 + 1
    for table in found:
        assert len({len(row) for row in table}) == 1  # every row as wide as its header
    unit_tables = found[1:8]
    ids = [row[0] for table in unit_tables for row in table[1:]]
    assert sorted(map(int, ids)) == list(range(1, 43))  # every indicator exactly once
    assert [row[0] for row in found[0][1:]] == [
        "✓ met",
        "~ on track",
        "! behind",
        "✗ off track",
        "- no data",
        "? unknown",
    ]
    assert [row[1] for row in found[0][1:]] == ["22", "3", "8", "6", "3", "0"]
    assert "made on 2023-11-14" in md and "望发〔2021〕4号" in md
    assert md.count("**Illustrative data: 38 of the 39 actuals shown") == 1
    assert "Sources of the values shown: illustrative (38), 望城区发展和改革局" in md
    assert "## How statuses are judged" in md and "R ≥ 0.95" in md


def test_what_lags_is_ordered_by_how_far_and_no_data_is_listed(runner):
    doc = json.loads(runner.invoke(app, ["report", "2022", "-f", "json"], env=ENV).stdout)
    by_id = {i["id"]: i for i in doc["indicators"]}
    lag = doc["lagging"]
    assert {by_id[i]["status"] for i in lag} == {"off_track", "behind"} and len(lag) == 14
    off = [i for i in lag if by_id[i]["status"] == "off_track"]
    assert lag[: len(off)] == off  # off track first
    progress = [by_id[i]["progress"] for i in lag[len(off) :]]
    assert progress == sorted(progress)  # then the lowest progress first
    assert doc["no_data"] == [17, 27, 35] and doc["made_on"] == "2023-11-14"
    md = runner.invoke(app, ["report", "2022"], env=ENV).stdout
    lag_table = tables(md)[8]
    assert [int(row[0]) for row in lag_table[1:]] == lag


def test_names_with_pipes_are_escaped(runner, tmp_path):
    text = (
        (DATA / "targets.yaml").read_text(encoding="utf-8").replace("name: 工业总产值", "name: '工业|总产值'")
    )
    plan = tmp_path / "targets.yaml"
    plan.write_text(text, encoding="utf-8")
    md = runner.invoke(
        app, ["report", "2022", "--targets", str(plan), "--actuals", str(DATA / "actuals")], env=ENV
    ).stdout
    first_unit = tables(md)[1]
    assert first_unit[1][1] == "工业|总产值" and len(first_unit[1]) == len(first_unit[0])


def test_unit_filter_and_status_markdown(runner):
    md = runner.invoke(app, ["report", "2022", "--unit", "区金融办"], env=ENV).stdout
    assert [row[0] for t in tables(md)[1:2] for row in t[1:]] == ["12"]
    status_md = runner.invoke(app, ["status", "2022", "--format", "markdown"]).stdout
    report_md = runner.invoke(app, ["report", "2022"], env=ENV).stdout
    assert tables(status_md)[:7] == tables(report_md)[1:8]  # the same unit tables


def test_output_is_written_whole_and_said(runner, tmp_path):
    out = tmp_path / "r.md"
    r = runner.invoke(app, ["report", "2022", "-o", str(out)], env=ENV)
    assert r.exit_code == 0 and r.stdout == ""
    assert f"wcplan: wrote {out}" in r.stderr
    assert out.read_text(encoding="utf-8") == runner.invoke(app, ["report", "2022"], env=ENV).stdout
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]  # no temporary file left


def test_an_interrupted_write_leaves_the_old_file(runner, tmp_path, monkeypatch):
    out = tmp_path / "r.md"
    out.write_text("the previous report\n", encoding="utf-8")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    r = runner.invoke(app, ["report", "2022", "-o", str(out)], env=ENV)
    assert r.exit_code == 1 and "cannot write" in r.stderr and "No space left on device" in r.stderr
    assert out.read_text(encoding="utf-8") == "the previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_a_missing_folder_is_one_sentence_and_exit_1(runner, tmp_path):
    r = runner.invoke(app, ["report", "2022", "-o", str(tmp_path / "nope" / "r.md")])
    assert r.exit_code == 1
    folder = tmp_path / "nope"
    assert r.stderr.strip() == f"wcplan: cannot write {folder / 'r.md'}: the folder {folder} does not exist."
