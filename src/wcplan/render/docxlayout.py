"""The layout of the Word report (wcplan.render.docx): styles, pages, running heads, paragraphs and
tables, with python-docx.

- fonts for East Asian text set explicitly (`w:eastAsia`): 仿宋 for the body, 宋体 in tables,
  黑体 for headings, so that Word does not fall back to a Latin font's idea of Chinese;
- A4, portrait or landscape by section; the plan's short title above each page, "page N of M"
  below;
- every table's header row repeated on each page (w:tblHeader), no row split across two pages
  (w:cantSplit), column widths from the cells' display width.

python-docx is imported inside the functions: only a Word report pays for it.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as xml_escape

from wcplan.base.controls import visible
from wcplan.base.i18n import _, language
from wcplan.base.linebreak import cells as cell_len
from wcplan.render import text

#: Latin text, and East Asian text: body, tables, headings.
LATIN = "Times New Roman"
BODY, TABLE, HEADING = "仿宋", "宋体", "黑体"
HEADER_FILL = "E7E6E6"
WARNING_COLOUR = "C00000"
#: A4 and its margins, in centimetres.
A4 = (21.0, 29.7)
MARGIN = {"top": 2.5, "bottom": 2.3, "left": 2.2, "right": 2.2}
TABLE_PT = 9


def styles(doc) -> None:
    """Fonts by script (w:ascii for Latin, w:eastAsia for Chinese), sizes, and the two styles of
    this report: Meta (the small print) and Table Text."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    normal = styles["Normal"]
    _fonts(normal, LATIN, BODY)
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15
    lang = normal.element.get_or_add_rPr()
    _set(lang, "w:lang", {"w:val": "en-GB" if language() == "en" else "zh-CN", "w:eastAsia": "zh-CN"})
    for name, size, before in (("Heading 1", 16, 14), ("Heading 2", 13, 10), ("Heading 3", 12, 8)):
        style = styles[name]
        _fonts(style, LATIN, HEADING)
        style.font.size = Pt(size)
        style.font.bold = False
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    title = styles["Title"]
    _fonts(title, LATIN, HEADING)
    title.font.size = Pt(20)
    title.font.color.rgb = RGBColor(0, 0, 0)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(6)
    title.element.get_or_add_pPr().remove_all("w:pBdr")  # the template underlines it
    sub = styles["Subtitle"]
    _fonts(sub, LATIN, BODY)
    sub.font.size = Pt(14)
    sub.font.italic = False
    sub.font.color.rgb = RGBColor(0, 0, 0)
    sub.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.paragraph_format.space_after = Pt(12)
    meta = styles.add_style("Meta", WD_STYLE_TYPE.PARAGRAPH)
    meta.base_style = normal
    meta.font.size = Pt(10)
    meta.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    cell = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    _fonts(cell, LATIN, TABLE)
    cell.font.size = Pt(TABLE_PT)
    cell.paragraph_format.space_after = Pt(0)
    cell.paragraph_format.space_before = Pt(0)
    cell.paragraph_format.line_spacing = 1.0
    for name in ("Header", "Footer"):
        _fonts(styles[name], LATIN, BODY)
        styles[name].font.size = Pt(9)
    _fonts(styles["List Bullet"], LATIN, BODY)


def _fonts(style, latin: str, east_asian: str) -> None:
    """The style's fonts, by script. The template's theme fonts (w:asciiTheme, …) would win over
    the names, so they go."""
    rpr = style.element.get_or_add_rPr()
    _set(rpr, "w:rFonts", {"w:ascii": latin, "w:hAnsi": latin, "w:cs": latin, "w:eastAsia": east_asian})


def _set(parent, tag: str, attributes: dict[str, str]) -> None:
    """Replace `parent`'s child `tag` by one with exactly these attributes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for old in parent.findall(qn(tag)):
        parent.remove(old)
    element = OxmlElement(tag)
    for key, value in attributes.items():
        element.set(qn(key), value)
    # rFonts must come first among a run's properties (the schema's order); lang near the end.
    if tag == "w:rFonts":
        parent.insert(0, element)
    else:
        parent.append(element)


def page(section, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    short, long = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Cm(long), Cm(short)) if landscape else (Cm(short), Cm(long))
    section.top_margin, section.bottom_margin = Cm(MARGIN["top"]), Cm(MARGIN["bottom"])
    section.left_margin, section.right_margin = Cm(MARGIN["left"]), Cm(MARGIN["right"])
    section.header_distance, section.footer_distance = Cm(1.2), Cm(1.2)


def new_section(doc, landscape: bool):
    """A new page in the given orientation; headers and footers carry on from the first."""
    from docx.enum.section import WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    page(section, landscape)
    return section


def usable_width(section) -> float:
    """The width between the margins, in centimetres."""
    return (section.page_width - section.left_margin - section.right_margin) / 360000


def running_heads(section, heading: str) -> None:
    """The plan's short title and 文号 above every page, and "page N of M" below."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    head = section.header.paragraphs[0]
    head.text = visible(heading)
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in re.split(r"(\{page\}|\{pages\})", _("page {page} of {pages}")):
        if part == "{page}":
            _field(foot, "PAGE")
        elif part == "{pages}":
            _field(foot, "NUMPAGES")
        elif part:
            foot.add_run(part)


def _field(paragraph, instruction: str) -> None:
    """A field Word and LibreOffice compute as they lay out the pages (the page number)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    shown = OxmlElement("w:t")
    shown.text = "1"
    run.append(shown)
    field.append(run)
    paragraph._p.append(field)


def para(doc, words: str, style: str | None = None):
    """A paragraph in a style, by the style's id (its name without spaces, as python-docx makes
    them): python-docx's own look-up by name reads every style of the document each time."""
    paragraph = doc.add_paragraph(words)
    if style:
        paragraph._p.get_or_add_pPr().style = style.replace(" ", "")
    return paragraph


def note(doc, note: str) -> None:
    """A sentence the report must carry; the illustrative-data warning in bold red."""
    from docx.shared import RGBColor

    paragraph = para(doc, "", "Meta")
    run = paragraph.add_run(visible(note))
    if text.is_illustrative_note(note):
        run.bold = True
        run.font.color.rgb = RGBColor.from_string(WARNING_COLOUR)


def marked(paragraph, sentence: str) -> None:
    """A sentence with **bold** parts, as the catalogue writes them."""
    for i, part in enumerate(sentence.split("**")):
        if part:
            paragraph.add_run(visible(part)).bold = i % 2 == 1


# ── tables ───────────────────────────────────────────────────────────────────

#: The width of one terminal cell of table text (a Latin character; a Chinese one takes two), and
#: a cell's padding, in centimetres.
CELL_CM = 0.17
PAD_CM = 0.45
#: The widest a column of short values gets (a long source wraps); names and notes take the rest.
CAP_CM = 3.2


def _needs(head: list[str], rows: list[list[str]]) -> list[float]:
    """Each column's width in centimetres when as wide as its widest cell (a heading may wrap at
    its spaces)."""
    need = []
    for c in range(len(head)):
        # headings are bold, a little wider than the cells' text
        words = max((cell_len(w) for w in visible(head[c]).split()), default=1) * 1.2
        cells = max((cell_len(visible(row[c])) for row in rows), default=0)
        need.append(max(words, cells, 2) * CELL_CM + PAD_CM)
    return need


def column_widths(head: list[str], rows: list[list[str]], usable: float, flexible: set[int]) -> list[float]:
    """Column widths in centimetres that fill `usable`: every column as wide as its widest cell,
    the `flexible` ones (names, notes) sharing what is left, in proportion to their widest cells."""
    columns = range(len(head))
    need = _needs(head, rows)
    need = [n if c in flexible else min(n, CAP_CM) for c, n in enumerate(need)]
    fixed = sum(need[c] for c in columns if c not in flexible)
    wanted = sum(need[c] for c in flexible)
    room = usable - fixed
    if not flexible or room <= 0:
        scale = usable / sum(need)
        return [n * scale for n in need]
    # the flexible columns take the room left; each gets at least a quarter of it, shared by need
    floor = room / len(flexible) / 4
    shares = {c: max(need[c] / wanted * room, floor) for c in flexible}
    scale = room / sum(shares.values())
    return [shares[c] * scale if c in flexible else need[c] for c in columns]


def table(
    doc,
    head: list[str],
    rows: list[list[str]],
    numeric: set[int],
    *,
    centre: frozenset[int] = frozenset(),
    fills: dict[tuple[int, int], str] | None = None,
    widths: list[float] | None = None,
    flexible: set[int] | None = None,
    wide: bool = True,
):
    """A table with its header row repeated on each page (w:tblHeader) and no row split across
    pages (w:cantSplit); numbers (`numeric` columns) right-aligned, `centre` ones centred;
    `fills`: (row, column) -> a cell's shade. Widths fill the text width (`wide`) or fit the cells.

    The rows are written as WordprocessingML and parsed once: cell by cell through python-docx's
    objects, a report's thousand cells would take most of its run time."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Cm

    usable = usable_width(doc.sections[-1])
    if widths is None and wide:
        widths = column_widths(head, rows, usable, flexible or set())
    elif widths is None:  # as narrow as the cells allow
        widths = _needs(head, rows)
        widths = [w * min(1.0, usable / sum(widths)) for w in widths]
    table = doc.add_table(rows=0, cols=len(head))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Cm(width)
    fills = fills or {}
    style = doc.styles["Table Text"].style_id
    twips = [round(w * 1440 / 2.54) for w in widths]
    xml = []
    for index, values in enumerate([head, *rows]):
        header = index == 0
        cells = []
        for column, value in enumerate(values):
            fill = HEADER_FILL if header else fills.get((index - 1, column))
            shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
            align = "" if header else "right" if column in numeric else "center" if column in centre else ""
            jc = f'<w:jc w:val="{align}"/>' if align else ""
            shown = xml_escape(visible(value))
            bold = "<w:rPr><w:b/></w:rPr>" if header else ""
            run = f'<w:r>{bold}<w:t xml:space="preserve">{shown}</w:t></w:r>'
            cells.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{twips[column]}" w:type="dxa"/>{shade}</w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>{run if shown else ""}</w:p></w:tc>'
            )
        properties = "<w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if header else "") + "</w:trPr>"
        xml.append(f"<w:tr>{properties}{''.join(cells)}</w:tr>")
    for row in parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(xml)}</w:tbl>"):
        table._tbl.append(row)
    return table
