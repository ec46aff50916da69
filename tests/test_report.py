"""wcplan report: the same facts in every format, Markdown that parses, files written whole."""

from __future__ import annotations

import json
import os

import pytest
from markdown_it import MarkdownIt

from conftest import DATA, ROOT
from wcplan.cli import app
from wcplan.model import measurement_units as units
from wcplan.model.planfile import load_plan

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
    # summary, 7 lead units, what lags, no data; then the tasks section's tables
    md, tasks_md = md.split("## Tasks and commitments 2022")
    found = tables(md)
    assert len(found) == 1 + 7 + 1 + 1
    task_tables = tables(tasks_md)
    for table in task_tables:
        assert len({len(row) for row in table}) == 1
    line_ids = {row[0] for table in task_tables if table[0][1] == "Line of work" for row in table[1:]}
    commitment_ids = {row[0] for table in task_tables if table[0][1] == "Commitment" for row in table[1:]}
    assert len(line_ids) == 17 and len(commitment_ids) == 29
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
    assert "## How statuses are judged" in tasks_md and "R ≥ 0.95" in tasks_md
    assert tasks_md.count("Illustrative data: 44 of the 45 figures and statuses shown") == 1


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
        (DATA / "targets.yaml")
        .read_text(encoding="utf-8")
        .replace("name: 工业总产值", "name: '工业|总产值'")
        .replace('name_en: "Gross industrial output value"', "name_en: 'Gross|output'")
    )
    plan = tmp_path / "targets.yaml"
    plan.write_text(text, encoding="utf-8")
    md = runner.invoke(
        app, ["report", "2022", "--targets", str(plan), "--actuals", str(DATA / "actuals")], env=ENV
    ).stdout
    first_unit = tables(md)[1]
    assert first_unit[1][1] == "Gross|output" and len(first_unit[1]) == len(first_unit[0])


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


@pytest.mark.parametrize("epoch", ["²", "-5", "1.5", "99999999999999999", "9" * 5000])
def test_a_source_date_epoch_that_is_no_date_is_a_usage_error(runner, tmp_path, epoch):
    # '²' passed isdigit() but not int(), and a time past the year 9999 failed in fromtimestamp():
    # crashes (exit 3); '-5' and '1.5' were ignored without a word, for a report of today
    out = tmp_path / "r.json"
    r = runner.invoke(app, ["report", "2022", "-o", str(out)], env={"SOURCE_DATE_EPOCH": epoch})
    assert r.exit_code == 2 and "is not a date wcplan can use; give whole seconds since" in r.stderr
    assert not out.exists()
    r = runner.invoke(app, ["report", "2022", "-f", "json"], env={"SOURCE_DATE_EPOCH": " 253402300799 "})
    assert r.exit_code == 0 and json.loads(r.stdout)["made_on"] == "9999-12-31"


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


def test_excel_report_values_match_the_json_report(runner, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    assert runner.invoke(app, ["report", "2022", "-f", "xlsx", "-o", str(out)], env=ENV).exit_code == 0
    doc = json.loads(runner.invoke(app, ["report", "2022", "-f", "json"], env=ENV).stdout)
    by_id = {i["id"]: i for i in doc["indicators"]}
    book = load_workbook(out)
    plan = load_plan(DATA / "targets.yaml")
    lead_units = list(dict.fromkeys(i["lead"] for i in doc["indicators"]))
    leads = [plan.unit_short_label(u) for u in lead_units]
    assert leads[:2] == ["Industry and IT Bureau", "Industrial Development Bureau"]  # the plan's short names
    assert book.sheetnames == [
        "Summary",
        *leads,
        "What lags",
        "No data",
        "Lines of work",
        "Commitments",
        "Task notes",
        "Method",
    ]
    sheet = book["Commitments"]
    header = [c.value for c in sheet[2]]
    assert header[4:7] == ["Comparison", "Target", "Due"]
    commitments = {
        row[1]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=3, values_only=True)
    }
    by_commitment = {c["id"]: c for c in doc["tasks"]["commitments"]}
    assert set(commitments) == set(by_commitment)
    for ident, row in commitments.items():
        c = by_commitment[ident]
        assert (row["Value"], row["Gap"], row["Target"]) == (c["value"], c["gap"], c["target"])
        assert row["Comparison"] == c["comparison"].replace(">=", "≥").replace("<=", "≤")
        assert row["Due"] == ("yearly" if c["yearly"] else c["due"])
        assert (
            row["Plan"] == pytest.approx(c["plan_progress"])
            if c["plan_progress"] is not None
            else row["Plan"] is None
        )
    dates = {r[1]: r[4] for r in book["Lines of work"].iter_rows(min_row=3, values_only=True)}
    for line in doc["tasks"]["lines"]:
        shown = dates[line["id"]]
        assert (shown.date().isoformat() if shown else None) == line["date"]  # a date cell, not text
    seen = []
    for unit, lead in zip(lead_units, leads, strict=True):
        sheet = book[lead]
        assert sheet["A1"].value.startswith(plan.unit_label(unit) + " · ")  # the full name above the table
        assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref.startswith("A2:L")
        header = [c.value for c in sheet[2]]
        for row in sheet.iter_rows(min_row=3, values_only=True):
            cells = dict(zip(header, row, strict=True))
            item = by_id[cells["ID"]]
            seen.append(cells["ID"])
            assert plan.unit_short_label(item["lead"]) == lead
            assert cells["Indicator"] == plan.indicator(cells["ID"]).name_en
            assert cells["Unit"] == units.label(item["unit"])
            for column, key in [
                ("Baseline", "baseline"),
                ("Target", "target"),
                ("Actual", "actual"),
            ]:
                assert cells[column] == item[key], (cells["ID"], column)
            for column, key in [("Gap", "gap"), ("Compl.", "completion"), ("Progr.", "progress")]:
                assert (
                    cells[column] == pytest.approx(item[key])
                    if item[key] is not None
                    else cells[column] is None
                )
            assert cells["Status"].split(" ", 1)[1].replace(" ", "_") == item["status"]
            assert cells["Source"] == ("illustrative" if item["illustrative"] else item["source"])
    assert sorted(seen) == list(range(1, 43))
    lag = book["What lags"]
    assert [r[0] for r in lag.iter_rows(min_row=3, values_only=True)] == doc["lagging"]
    assert [r[0] for r in book["No data"].iter_rows(min_row=3, values_only=True)] == doc["no_data"]
    summary = [r[0] for r in book["Summary"].iter_rows(values_only=True)]
    assert any(isinstance(v, str) and v.startswith("Illustrative data: 38 of the 39") for v in summary)


def test_excel_formats_colours_and_formula_like_text(runner, tmp_path):
    from openpyxl import load_workbook

    text = (DATA / "targets.yaml").read_text(encoding="utf-8")
    text = (
        text.replace('    name_en: "Gross industrial output value"\n', "")
        .replace("name: 工业总产值", "name: '=HYPERLINK(\"http://x\")'")
        .replace("lead: 区财政局", "lead: '@财政'")
        .replace('  区财政局: "District Finance Bureau"', "  '@财政': null")  # a unit without English name
    )
    plan = tmp_path / "targets.yaml"
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / "r.xlsx"
    args = [
        "report",
        "2022",
        "-f",
        "xlsx",
        "-o",
        str(out),
        "--targets",
        str(plan),
        "--actuals",
        str(DATA / "actuals"),
    ]
    assert runner.invoke(app, args, env=ENV).exit_code == 0
    book = load_workbook(out)
    cell = book["Industry and IT Bureau"]["B3"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s" and cell.quotePrefix
    assert "@财政" in book.sheetnames and book["@财政"]["A2"].value == "ID"  # no short name: the name
    assert book["@财政"]["A1"].data_type == "s" and book["@财政"]["A1"].quotePrefix  # its title, too
    sheet = book["Industry and IT Bureau"]
    row = {c.column_letter: c for c in sheet[3]}  # indicator 1: 亿元, behind
    assert row["F"].number_format == "0.0" and row["H"].number_format == "0.0%"
    assert row["J"].fill.fgColor.rgb.endswith("FFEB9C")
    pct = next(r for r in sheet.iter_rows(min_row=3) if r[0].value == 4)  # a % indicator
    assert pct[5].number_format == '0.0"%"' and pct[6].number_format.startswith('+0.0" pp"')
    count = next(r for r in sheet.iter_rows(min_row=3) if r[0].value == 3)  # 家
    assert count[5].number_format == "0"
    assert sheet.column_dimensions["B"].width >= 2 * len("智能制造系统解决方案供应商引进数")


def test_a_text_longer_than_an_excel_cell_is_cut_with_a_sign(runner, tmp_path):
    """Excel holds 32,767 characters in a cell: a longer source is cut there and ends in …, never
    cut without a sign; the JSON report gives it whole."""
    from openpyxl import load_workbook

    rows = (DATA / "actuals" / "2022.csv").read_text(encoding="utf-8-sig").splitlines()
    head, first, *rest = rows
    cells = first.split(",")
    cells[3] = "S" * 40000  # the source column
    actuals = tmp_path / "2022.csv"
    actuals.write_text("\n".join([head, ",".join(cells), *rest]) + "\n", encoding="utf-8")
    out = tmp_path / "r.xlsx"
    args = ["report", "2022", "--actuals", str(actuals)]
    assert runner.invoke(app, [*args, "-f", "xlsx", "-o", str(out)], env=ENV).exit_code == 0
    texts = [c.value for s in load_workbook(out) for row in s.iter_rows() for c in row]
    texts = [t for t in texts if isinstance(t, str)]
    assert "S" * 32766 + "…" in texts  # the indicator's source cell
    assert max(map(len, texts)) == 32767 and all(t.endswith("…") for t in texts if len(t) == 32767)
    doc = json.loads(runner.invoke(app, [*args, "-f", "json"], env=ENV).stdout)
    assert any(i["source"] == "S" * 40000 for i in doc["indicators"])


def test_excel_sheets_have_widths_and_print_on_a4_one_page_wide(runner, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    assert runner.invoke(app, ["report", "2022", "-f", "xlsx", "-o", str(out)], env=ENV).exit_code == 0
    book = load_workbook(out)
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (str(setup.paperSize), setup.orientation) == (sheet.PAPERSIZE_A4, "landscape"), sheet.title
        # fitToWidth absent is 1, its default in the file format (XlsxWriter writes only what differs)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and (
            setup.fitToWidth or 1,
            setup.fitToHeight,
        ) == (
            1,
            0,
        )
        assert sheet.column_dimensions["A"].width, sheet.title  # widths set on every sheet
        assert "&P" in sheet.oddFooter.center.text and "progress report 2022" in sheet.oddHeader.center.text
        if sheet.title not in ("Summary", "Task notes", "Method"):
            assert sheet.print_title_rows == "$1:$2", sheet.title  # title and header on every page
    summary = book["Summary"]
    # the summary's columns fit its tables, not its long title line
    assert 10 <= summary.column_dimensions["B"].width <= 15
    assert summary.column_dimensions["A"].width <= 52


def test_excel_without_output_is_written_here_and_said(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("WCPLAN_TARGETS", str(DATA / "targets.yaml"))
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(app, ["report", "2022-H1", "-f", "xlsx"], env=ENV)
    assert r.exit_code == 0 and "wcplan: wrote wcplan-report-2022-H1.xlsx" in r.stderr
    assert (tmp_path / "wcplan-report-2022-H1.xlsx").stat().st_size > 5000


def html_report(runner, tmp_path, *extra) -> str:
    out = tmp_path / "r.html"
    r = runner.invoke(app, ["report", "2022", "-f", "html", "-o", str(out), *extra], env=ENV)
    assert r.exit_code == 0, r.output
    return out.read_text(encoding="utf-8")


def test_html_report_is_self_contained_and_complete(runner, tmp_path):
    import re
    from html.parser import HTMLParser

    page = html_report(runner, tmp_path)
    assert page.startswith("<!doctype html>") and '<meta name="viewport"' in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)  # nothing fetched
    assert "<script" not in page and "<link" not in page and "@import" not in page

    class Cells(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows, self.row, self.cell, self.svgs = [], None, None, 0

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.row = []
            elif tag in ("td", "th"):
                self.cell = ""
            elif tag == "svg" and ("class", "path") in attrs:
                self.svgs += 1

        def handle_endtag(self, tag):
            if tag in ("td", "th") and self.row is not None:
                self.row.append(self.cell)
                self.cell = None
            elif tag == "tr":
                self.rows.append(self.row)

        def handle_data(self, data):
            if self.cell is not None:
                self.cell += data

    parser = Cells()
    parser.feed(page)
    unit_rows = [row for row in parser.rows if len(row) == 12 and row[0].isdigit()]
    assert sorted(int(row[0]) for row in unit_rows) == list(range(1, 43))  # each indicator once, with a chart
    assert parser.svgs == 42
    assert page.count("Illustrative data: 38 of the 39") == 1
    assert "made on 2023-11-14" in page and "How statuses are judged" in page


def test_html_tables_print_with_their_headers_and_become_cards_on_a_phone(runner, tmp_path):
    import re

    page = html_report(runner, tmp_path)
    tables = re.findall(r"<table[^>]*>.*?</table>", page, re.S)
    assert len(tables) > 10
    for table in tables:
        assert table.startswith('<table class="cards"><thead><tr><th>')  # the header repeats on each page
        assert table.count("<thead>") == 1 and "<tbody>" in table
    # on a phone every cell but the ID and the name says what it is
    first = re.search(r"<tbody><tr>(.*?)</tr>", tables[0], re.S).group(1)
    assert re.findall(r'data-label="([^"]*)"', first) == [
        "Unit",
        "Baseline",
        "Target",
        "Actual",
        "Gap",
        "Compl.",
        "Progr.",
        "Status",
        "Outlook",
        "Targets and actuals",
    ]
    assert '<td class="name">Gross industrial output value</td>' in first
    assert "@page { size: A4;" in page and "print-color-adjust: exact" in page
    assert "thead { display: table-header-group; }" in page and "break-inside: avoid" in page
    assert "@media (max-width: 640px)" in page
    legend = re.search(r"<p class=\"legend\"><span>Targets and actuals:.*?</p>", page, re.S).group(0)
    for words in ("targets from the baseline", "actual of the year", "earlier actuals", "projected 2023"):
        assert words in legend


def test_html_escapes_text_from_the_plan(runner, tmp_path):
    text = (
        (DATA / "targets.yaml")
        .read_text(encoding="utf-8")
        .replace("name: 工业总产值", "name: '<script>x</script>&'")
        .replace('    name_en: "Gross industrial output value"\n', "")
    )
    plan = tmp_path / "targets.yaml"
    plan.write_text(text, encoding="utf-8")
    page = html_report(runner, tmp_path, "--targets", str(plan), "--actuals", str(DATA / "actuals"))
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt;&amp;" in page


CHROMIUM = next(
    (
        p
        for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
        if os.path.exists(p)
    ),
    None,
)


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs it where it can)")
@pytest.mark.parametrize(("size", "name"), [("1200,1600", "desktop"), ("390,1400", "phone")])
def test_html_report_renders_in_a_real_browser(runner, tmp_path, size, name):
    import struct
    import subprocess

    html_report(runner, tmp_path)
    shot = tmp_path / f"{name}.png"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--hide-scrollbars",
        f"--window-size={size}",
    ]
    subprocess.run(
        [CHROMIUM, *flags, f"--screenshot={shot}", (tmp_path / "r.html").as_uri()],
        capture_output=True,
        timeout=120,
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == tuple(int(v) for v in size.split(","))
    assert len(data) > 30_000  # a page with text and charts, not a blank one


def _pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """The size in points of every page of a PDF that Chromium printed (its page objects are plain)."""
    import re

    sizes = re.findall(rb"/Type\s*/Page\b(?!s).*?/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf, re.S)
    if not sizes:  # MediaBox before Type
        sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\].*?/Type\s*/Page\b(?!s)", pdf, re.S)
    return [(float(w), float(h)) for w, h in sizes]


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs it where it can)")
def test_html_report_prints_on_a4(runner, tmp_path):
    import subprocess

    html_report(runner, tmp_path)
    pdf = tmp_path / "r.pdf"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
    ]
    flags += ["--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}"]
    subprocess.run(
        [CHROMIUM, *flags, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", (tmp_path / "r.html").as_uri()],
        capture_output=True,
        timeout=120,
    )
    pages = _pdf_pages(pdf.read_bytes())
    assert pages, "no page found in the PDF"
    assert all(abs(w - 595) < 2 and abs(h - 842) < 2 for w, h in pages)  # A4 portrait, not Letter
    assert len(pages) <= 9, len(pages)


def test_html_paths_mark_every_actual_so_far(runner, tmp_path):
    page = html_report(runner, tmp_path)
    label = next(
        part for part in page.split("<title>")[1:] if part.startswith("Gross industrial output value:")
    )
    assert label.startswith(
        "Gross industrial output value: targets from 2020 to 2023; actuals 1085 in 2021, 1352 in 2022</title>"
    )


def test_written_files_get_ordinary_permissions(runner, tmp_path):
    old = os.umask(0o022)
    try:
        new = tmp_path / "new.html"
        assert runner.invoke(app, ["report", "2022", "-f", "html", "-o", str(new)], env=ENV).exit_code == 0
        assert new.stat().st_mode & 0o777 == 0o644  # not mkstemp's private 0600
        kept = tmp_path / "kept.md"
        kept.write_text("old\n", encoding="utf-8")
        kept.chmod(0o640)
        assert runner.invoke(app, ["report", "2022", "-o", str(kept)], env=ENV).exit_code == 0
        assert kept.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode
    finally:
        os.umask(old)


# ── the format follows the file name ─────────────────────────────────────────


@pytest.mark.parametrize(
    ("name", "magic"),
    [
        ("r.md", b"# Three-Year"),
        ("r.json", b"{"),
        ("r.HTML", b"<!doctype html>"),
        ("r.xlsx", b"PK"),
        ("r.docx", b"PK"),
    ],
)
def test_the_format_follows_the_extension_of_output(runner, tmp_path, name, magic):
    out = tmp_path / name
    r = runner.invoke(app, ["report", "2022", "-o", str(out)], env=ENV)
    assert r.exit_code == 0, r.output
    assert out.read_bytes().startswith(magic)
    if name.endswith(("x",)):
        import zipfile

        names = zipfile.ZipFile(out).namelist()
        assert ("word/document.xml" if name.endswith(".docx") else "xl/workbook.xml") in names


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (
            ["-f", "markdown", "-o", "r.xlsx"],
            "Invalid value for --format: --format markdown contradicts the file name r.xlsx, which is xlsx; "
            "drop --format or rename the file.",
        ),
        (
            ["-o", "r.txt"],
            "Invalid value for --output: cannot tell the report format from the extension .txt of r.txt: use "
            "one of .md, .json, .html, .xlsx, .docx.",
        ),
        (
            ["-f", "markdown", "-o", "r.txt"],
            "Invalid value for --output: cannot tell the report format from the extension .txt of r.txt: use "
            "one of .md, .json, .html, .xlsx, .docx.",
        ),
        (
            ["-o", "report"],
            "Invalid value for --output: report has no extension to tell the report format by: end its name "
            "with one of .md, .json, .html, .xlsx, .docx, or give --format.",
        ),
        (
            ["-f", "docx", "-o", "-"],
            "Invalid value for --output: the docx format is a binary file and cannot go to stdout; give a "
            "file name with --output, such as wcplan-report-2022.docx.",
        ),
        (
            ["-o", "out/"],
            "Invalid value for --output: out/ is a folder; give the name of a file to write, such as "
            "out/wcplan-report-2022.md.",
        ),
        (
            ["-f", "xlsx", "-o", "existing"],
            "Invalid value for --output: existing is a folder; give the name of a file to write, such as "
            "existing/wcplan-report-2022.xlsx.",
        ),
    ],
)
def test_a_format_the_name_cannot_carry_is_a_usage_error(runner, tmp_path, monkeypatch, args, sentence):
    monkeypatch.setenv("WCPLAN_TARGETS", str(DATA / "targets.yaml"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "existing").mkdir()
    r = runner.invoke(app, ["report", "2022", *args], env=ENV)
    assert r.exit_code == 2
    assert " ".join(r.stderr.split()).endswith(sentence)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing"]  # nothing written
    assert list((tmp_path / "existing").iterdir()) == []


def test_output_dash_is_stdout_for_text_formats(runner):
    for args, start in [([], "# Three-Year"), (["-f", "json"], "{"), (["-f", "html"], "<!doctype html>")]:
        r = runner.invoke(app, ["report", "2022", "-o", "-", *args], env=ENV)
        assert r.exit_code == 0 and r.stdout.startswith(start) and "wrote" not in r.stderr


def test_a_name_without_extension_takes_the_format_given(runner, tmp_path):
    out = tmp_path / "report"
    r = runner.invoke(app, ["report", "2022", "-f", "json", "-o", str(out)], env=ENV)
    assert r.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["year"] == 2022


# ── Word ─────────────────────────────────────────────────────────────────────


def docx_report(runner, tmp_path, *extra):
    out = tmp_path / "r.docx"
    r = runner.invoke(app, ["report", "2022", "-f", "docx", "-o", str(out), *extra], env=ENV)
    assert r.exit_code == 0, r.output
    return out


def test_word_report_tables_match_the_json_report(runner, tmp_path):
    from docx import Document
    from docx.oxml.ns import qn

    from wcplan.render import text
    from wcplan.render.office import STATUS_FILL

    doc = json.loads(runner.invoke(app, ["report", "2022", "-f", "json"], env=ENV).stdout)
    by_id = {i["id"]: i for i in doc["indicators"]}
    plan = load_plan(DATA / "targets.yaml")
    word = Document(str(docx_report(runner, tmp_path)))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in word.tables]
    heads = [t[0] for t in tables]

    def shown(value):
        return "" if value is None else text.number(value)

    unit_tables = [
        t for t, h in zip(word.tables, heads, strict=True) if h[:2] == ["ID", "Indicator"] and len(h) == 12
    ]
    assert len(unit_tables) == 7
    seen = []
    fills = {str(k): v for k, v in STATUS_FILL.items()}
    for table in unit_tables:
        header = [c.text for c in table.rows[0].cells]
        assert header == [*text.headers(text.RESULT_COLUMNS), "Outlook", "Source"]
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
        for row in table.rows[1:]:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None  # never split across pages
            cells = dict(zip(header, [c.text for c in row.cells], strict=True))
            item = by_id[int(cells["ID"])]
            seen.append(item["id"])
            expected = {
                "Indicator": plan.indicator(item["id"]).name_en,
                "Unit": units.label(item["unit"], short=True),
                "Baseline": "—" if item["baseline"] is None else shown(item["baseline"]),
                "Target": shown(item["target"]),
                "Actual": shown(item["actual"]),
                "Gap": text.points_text(text.number(item["gap"], sign=True))
                if item["gap"] is not None and item["unit"] == "%"
                else text.number(item["gap"], sign=True),
                "Compl.": text.percent(item["completion"]),
                "Progr.": text.progress(item["progress"]),
                "Status": text.status_text(text.Status(item["status"]))
                + ("*" if item["provisional"] else ""),
                "Outlook": text.outlook_label(text.Outlook(item["outlook"])) if item["outlook"] else "",
                "Source": ("illustrative" if item["illustrative"] else item["source"]) or "",
            }
            assert {k: cells[k] for k in expected} == expected, item["id"]
            status_cell = row.cells[9]._tc
            assert status_cell.tcPr.find(qn("w:shd")).get(qn("w:fill")) == fills[item["status"]]
            assert row.cells[4].paragraphs[0].alignment == 2  # numbers right-aligned
    assert sorted(seen) == list(range(1, 43))
    lag = next(t for t in tables if t[0] == ["ID", "Indicator", "Lead unit", "Status", "Progr.", "Gap"])
    assert [int(r[0]) for r in lag[1:]] == doc["lagging"]
    assert [r[2] for r in lag[1:]] == [plan.unit_label(by_id[i]["lead"]) for i in doc["lagging"]]
    no_data = next(t for t in tables if t[0] == ["ID", "Indicator", "Lead unit", "Status", "Why"])
    assert [int(r[0]) for r in no_data[1:]] == doc["no_data"]
    summary = next(t for t in tables if t[0] == ["Status", "Indicators", "Share"])
    assert [int(r[1]) for r in summary[1:]] == [doc["summary"][s] for s in fills]
    commitments = {r[0]: r for t in tables if t[0][:2] == ["ID", "Commitment"] for r in t[1:]}
    by_commitment = {c["id"]: c for c in doc["tasks"]["commitments"]}
    assert set(commitments) == set(by_commitment)
    for ident, row in commitments.items():
        c = by_commitment[ident]
        assert row[3] == c["comparison"].replace(">=", "≥").replace("<=", "≤")
        assert (row[4], row[6], row[7]) == (
            shown(c["target"]),
            shown(c["value"]),
            text.number(c["gap"], sign=True),
        )
    lines = {r[0]: r for t in tables if t[0][:2] == ["ID", "Line of work"] for r in t[1:]}
    assert set(lines) == {line["id"] for line in doc["tasks"]["lines"]}
    for line in doc["tasks"]["lines"]:
        assert lines[line["id"]][3] == (line["date"] or "")
    paragraphs = [p.text for p in word.paragraphs]
    assert paragraphs[0].startswith(plan.meta.title_en) and paragraphs[0].endswith("progress report 2022")
    assert paragraphs[1] == "望发〔2021〕4号" and "Made on 2023-11-14" in paragraphs[2]
    warning = next(p for p in word.paragraphs if p.text.startswith("Illustrative data: 38 of the 39"))
    assert warning.runs[0].bold
    assert "How statuses are judged" in paragraphs and any("R ≥ 0.95" in p for p in paragraphs)


def test_word_report_is_a4_with_chinese_fonts_landscape_tables_and_page_numbers(runner, tmp_path):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    word = Document(str(docx_report(runner, tmp_path, "--lang", "zh")))
    sections = word.sections
    assert [s.orientation for s in sections] == [
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.LANDSCAPE,  # the units' tables
        WD_ORIENT.PORTRAIT,  # what lags, no data
        WD_ORIENT.LANDSCAPE,  # tasks and commitments
        WD_ORIENT.PORTRAIT,  # the method
    ]
    for s in sections:
        size = sorted([round(s.page_width.cm, 1), round(s.page_height.cm, 1)])
        assert size == [21.0, 29.7]

    def east_asian(style):
        return word.styles[style].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))

    assert east_asian("Normal") == "仿宋" and east_asian("Table Text") == "宋体"
    assert east_asian("Heading 1") == east_asian("Heading 2") == east_asian("Title") == "黑体"
    footer = sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer and "第" in footer
    assert word.paragraphs[0].text.startswith("《长沙市望城区打造国家重要先进制造业高地三年行动计划")
    header = [c.text for c in word.tables[2].rows[0].cells]
    assert header[:3] == ["序号", "指标", "单位"]


SOFFICE = next((p for p in ("/usr/bin/soffice", "/usr/bin/libreoffice") if os.path.exists(p)), None)


def _libreoffice_pages(document, tmp_path) -> int:
    """How many pages LibreOffice lays `document` out on, printed to PDF."""
    import re
    import subprocess

    profile = (tmp_path / "lo-profile").as_uri()
    convert = ["--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(document)]
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", *convert],
        capture_output=True,
        timeout=180,
    )
    pdf = (tmp_path / document.with_suffix(".pdf").name).read_bytes()
    assert pdf.startswith(b"%PDF")
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


@pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice on this machine to lay out the pages")
def test_word_report_lays_out_in_libreoffice(runner, tmp_path):
    pages = _libreoffice_pages(docx_report(runner, tmp_path), tmp_path)
    assert 6 <= pages <= 16, pages


@pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice on this machine to lay out the pages")
def test_excel_report_prints_each_sheet_one_page_wide(runner, tmp_path):
    out = tmp_path / "r.xlsx"
    assert runner.invoke(app, ["report", "2022", "-f", "xlsx", "-o", str(out)], env=ENV).exit_code == 0
    # 14 sheets; before print setup, LibreOffice printed 56 pages, each unit's table split in three
    assert _libreoffice_pages(out, tmp_path) <= 20


def test_only_the_word_report_imports_python_docx(tmp_path):
    import subprocess
    import sys

    code = (
        "import sys\nfrom wcplan import cli\nsys.argv = ['wcplan', *sys.argv[1:]]\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print('docx' in sys.modules, file=sys.stderr)"
    )
    for args, imported in [
        (["status", "2022"], False),
        (["report", "2022", "-f", "html", "-o", str(tmp_path / "r.html")], False),
        (["report", "2022", "-f", "docx", "-o", str(tmp_path / "r.docx")], True),
    ]:
        p = subprocess.run(
            [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert p.stderr.strip().splitlines()[-1] == str(imported), (args, p.stderr)
