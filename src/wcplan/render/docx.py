"""The report as a Word document (python-docx): what an office circulates as a 通报.

The plan's name, 文号 and the period; the date made and the sources of the values, with the
illustrative warning where it applies; the plan-wide summary; one section per lead unit with its
table; what lags; no data; tasks and commitments; the method. The same facts as every other
format (wcplan.render.text), laid out for paper:

- fonts for East Asian text set explicitly (`w:eastAsia`): 仿宋 for the body, 宋体 in tables,
  黑体 for headings, so that Word does not fall back to a Latin font's idea of Chinese;
- A4 portrait, with landscape sections for the wide tables; page numbers in the footer;
- every table's header row repeated on each page, and no row split across two pages;
- statuses shaded as in the Excel report (the terminal's colours in pale tones), numbers
  right-aligned.

Turns a report into bytes; reads no file. The layout (styles, pages, tables) is
wcplan.render.docxlayout; the shades and the columns it shares with the Excel report are
wcplan.render.office. python-docx is imported only here and in docxlayout, inside their
functions, when a Word report is asked for, so that no other command pays for it.
"""

from __future__ import annotations

import io

from wcplan.base.controls import visible
from wcplan.base.i18n import N_, _
from wcplan.render import docxlayout as layout
from wcplan.render import tasktext as t
from wcplan.render import text
from wcplan.render.office import COMMITMENT_HEADER, RESULT_HEADER, STATE_FILL, STATUS_FILL
from wcplan.render.report import (
    LAG_COLUMNS,
    NO_DATA_COLUMNS,
    Report,
    lagging_rows,
    marked_status,
    method,
    no_data_rows,
)
from wcplan.rules.status import IndicatorResult


def document(report: Report) -> bytes:
    from docx import Document

    doc = Document()
    layout.styles(doc)
    a = report.assessment
    plan, meta = a.plan, a.plan.meta
    section = doc.sections[0]
    layout.page(section, landscape=False)
    layout.running_heads(section, f"{meta.short_label}  {meta.document_number}")

    title = _("{title}: {what} {when}").format(
        title=meta.title_label, what=_("progress report"), when=text.when(a)
    )
    layout.para(doc, visible(title), "Title")
    layout.para(doc, visible(meta.document_number), "Subtitle")
    facts = [
        _("Made on {date}; actuals from {files}").format(
            date=report.made_on.isoformat(), files=", ".join(a.files) or _("no files")
        ),
        _("Sources of the values shown: {sources}.").format(sources=text.sources_text(report.sources)),
    ]
    for fact in facts:
        layout.para(doc, visible(fact), "Meta")
    for note in text.notes(a):
        layout.note(doc, note)

    layout.para(doc, visible(text.summary_heading(a)), "Heading 1")
    total = len(a.results)
    rows = [
        [text.status_text(s), str(n), text.percent(n / total if total else None)] for s, n in a.counts.items()
    ]
    fills = {(i, 0): STATUS_FILL[s] for i, s in enumerate(a.counts)}
    layout.table(
        doc,
        text.headers([N_("Status"), N_("Indicators"), N_("Share")]),
        rows,
        {1, 2},
        fills=fills,
        wide=False,
    )
    sentence = text.share_sentence(a)
    if sentence is not None:
        layout.marked(layout.para(doc, ""), sentence)
    head = [_("Lead unit"), _("Indicators"), *(text.status_label(s) for s in a.counts), _("Score")]
    rows = [
        [
            plan.unit_label(u.unit),
            str(u.total),
            *(str(n) for n in u.counts.values()),
            text.percent(u.score, 0) or "—",
        ]
        for u in report.units
    ]
    layout.table(doc, head, rows, set(range(1, len(head))), flexible={0})

    section = layout.new_section(doc, landscape=True)
    layout.para(doc, visible(_("By lead unit (牵头单位)")), "Heading 1")
    widths = layout.column_widths(
        text.headers(RESULT_HEADER), [_result_cells(r) for r in a.results], layout.usable_width(section), {1}
    )
    for card in report.units:
        heading = _("{unit} · {indicators}").format(
            unit=plan.unit_label(card.unit), indicators=text.indicators(card.total)
        )
        if card.score is not None:
            heading += " · " + _("score {score}%").format(score=text.number(card.score * 100, 0))
        layout.para(doc, visible(heading), "Heading 2")
        rows = [_result_cells(r) for r in card.results]
        fills = {(i, 9): STATUS_FILL[r.status] for i, r in enumerate(card.results)}
        layout.table(
            doc, text.headers(RESULT_HEADER), rows, {0, 3, 4, 5, 6, 7, 8}, fills=fills, widths=widths
        )
        layout.para(doc, visible(text.counts_line(card.counts)), "Meta")

    layout.new_section(doc, landscape=False)
    layout.para(doc, visible(_("What lags, furthest first")), "Heading 1")
    if report.lagging:
        rows = lagging_rows(report)
        fills = {(i, 3): STATUS_FILL[r.status] for i, r in enumerate(report.lagging)}
        layout.table(doc, text.headers(LAG_COLUMNS), rows, {0, 4, 5}, fills=fills, flexible={1, 2})
    else:
        layout.para(doc, visible(_("Nothing is behind or off track.")))
    layout.para(doc, visible(_("No data")), "Heading 1")
    if report.no_data:
        rows = no_data_rows(report)
        fills = {(i, 3): STATUS_FILL[r.status] for i, r in enumerate(report.no_data)}
        layout.table(doc, text.headers(NO_DATA_COLUMNS), rows, {0}, fills=fills, flexible={1, 2, 4})
    else:
        layout.para(doc, visible(_("Every indicator has an actual.")))

    if report.tasks is not None:
        _tasks(doc, report.tasks)
        layout.new_section(doc, landscape=False)
    layout.para(doc, visible(_("How statuses are judged")), "Heading 1")
    for line in method(plan):
        layout.para(doc, visible(line), "List Bullet")

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _result_cells(r: IndicatorResult) -> list[str]:
    ind = r.indicator
    return [
        str(ind.id),
        ind.label,
        text.unit(ind, short=True),
        "—" if ind.baseline is None else text.number(ind.baseline),
        text.number(r.target),
        text.number(r.actual.value) if r.actual else "",
        text.gap(r),
        text.percent(r.completion),
        text.progress(r.progress),
        marked_status(r),
        text.outlook(r),
        text.source_label(r) or "",
    ]


def commitment_cells(r) -> list[str]:
    """The COMMITMENT_HEADER columns of a commitment, as text: the comparison in its own column."""
    c = r.commitment
    cells = t.commitment_cells(r)
    return [*cells[:3], c.comparison.symbol(c.direction, ascii=False), text.number(c.target), *cells[4:]]


def _tasks(doc, work) -> None:
    section = layout.new_section(doc, landscape=True)
    usable = layout.usable_width(section)
    layout.para(doc, visible(t.section_title(work)), "Heading 1")
    layout.para(doc, visible(t.summary_sentence(work)))
    line_head, commit_head = text.headers(t.LINE_COLUMNS), text.headers(COMMITMENT_HEADER)
    line_widths = layout.column_widths(line_head, [t.line_cells(r) for r in work.lines], usable, {1, 4})
    commit_widths = layout.column_widths(
        commit_head, [commitment_cells(r) for r in work.commitments], usable, {1}
    )
    for unit in work.units:
        layout.para(doc, visible(work.plan.unit_label(unit.unit)), "Heading 2")
        if unit.lines:
            layout.para(doc, visible(_("Lines of work")), "Heading 3")
            layout.table(doc, line_head, [t.line_cells(r) for r in unit.lines], set(), widths=line_widths)
        if unit.commitments:
            layout.para(doc, visible(_("Commitments")), "Heading 3")
            rows = [commitment_cells(r) for r in unit.commitments]
            fills = {
                (i, 8): STATE_FILL[r.state] for i, r in enumerate(unit.commitments) if r.state in STATE_FILL
            }
            layout.table(doc, commit_head, rows, {4, 6, 7, 9}, centre={3}, fills=fills, widths=commit_widths)
    layout.para(doc, visible(t.legend()), "Meta")
    for note in t.notes(work):
        layout.note(doc, note)
