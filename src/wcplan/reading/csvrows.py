"""A CSV file as numbered rows: decoded (wcplan.reading.decoding), then parsed strictly, so that line
numbers stay exact around quoted fields that span lines and a broken quote is reported, not guessed
around.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from wcplan.base.i18n import _
from wcplan.reading.decoding import decode
from wcplan.reading.table import Reporter, Rows


def csv_rows(path: Path, encoding: str | None, report: Reporter) -> Rows:
    """The rows of a CSV file (`encoding`: decode with it instead of detecting UTF-8 or GB18030)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        report("file-unreadable", _("cannot read this file: {reason}.").format(reason=exc.strerror))
        return iter(())
    text = decode(raw, encoding, report)
    if text is None:
        return iter(())
    if not text.strip():
        report("empty-file", _("this file is empty: it needs a header row and data rows."))
        return iter(())
    # strict: a stray or unclosed quote is an error, not something to guess around
    return numbered(csv.reader(io.StringIO(text, newline=""), strict=True), report)


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
