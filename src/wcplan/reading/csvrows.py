"""A CSV file as numbered rows: decoded (wcplan.reading.decoding), then parsed strictly, so that line
numbers stay exact around quoted fields that span lines and a broken quote is reported, not guessed
around.
"""

from __future__ import annotations

import csv
import io
from codecs import BOM_UTF8
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from wcplan.base.i18n import _
from wcplan.reading.decoding import decode
from wcplan.reading.table import Reporter, Rows


def csv_rows(path: Path, encoding: str | None, report: Reporter) -> Rows:
    """The rows of a CSV file (`encoding`: decode with it instead of detecting UTF-8 or GB18030)."""
    return text_rows(csv_text(path, encoding, report), report)


def csv_text(path: Path, encoding: str | None, report: Reporter) -> str | None:
    """The text of a CSV file; None (and a finding) when it cannot be read or decoded, or is empty."""
    return csv_file(path, encoding, report)[0]


def csv_file(path: Path, encoding: str | None, report: Reporter) -> tuple[str | None, memoryview | None]:
    """The text of a CSV file, as csv_text, and the file's bytes when they are that text as UTF-8
    (after the byte-order mark, if any): a large file is read from them (wcplan.reading.cells)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        report("file-unreadable", _("cannot read this file: {reason}.").format(reason=exc.strerror))
        return None, None
    text, utf8 = decode(raw, encoding, report)
    if text is None:
        return None, None
    if not text or text.isspace():
        report("empty-file", _("this file is empty: it needs a header row and data rows."))
        return None, None
    if not utf8:
        return text, None
    return text, memoryview(raw)[len(BOM_UTF8) if raw.startswith(BOM_UTF8) else 0 :]


def text_rows(text: str | None, report: Reporter) -> Rows:
    """The rows of the text of a CSV file (none for None)."""
    if text is None:
        return iter(())
    # strict: a stray or unclosed quote is an error, not something to guess around
    return numbered(csv.reader(chain.from_iterable(lines(text)), strict=True), report)


def lines(text: str) -> Iterator[io.StringIO]:
    """The lines of `text`, as two files: the first 64 KiB or so, then the rest, copied only if
    rows past the first are read (a large file read column by column needs only its header)."""
    cut = text.find("\n", 1 << 16) + 1 or len(text)
    yield io.StringIO(text[:cut], newline="")
    if cut < len(text):
        yield io.StringIO(text[cut:], newline="")


def numbered(reader, report: Reporter) -> Rows:
    """Yield (line where the record starts, fields); the header is line 1.

    A record the CSV parser cannot read is reported and ends the file: after a broken quote
    there is no reliable way to tell where the next record starts.
    """
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            report(
                "csv-malformed",
                _(
                    "the CSV cannot be read from here on ({exc}); check the quotes in this row. The rest of "
                    "the file was not read."
                ).format(exc=exc),
                start,
            )
            return
        yield start, row
        start = reader.line_num + 1
