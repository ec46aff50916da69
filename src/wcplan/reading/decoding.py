"""The bytes of a CSV file as text: UTF-8 (with or without the BOM Excel writes), or GB18030 (GBK),
which is what Chinese Excel saves as "CSV", or the encoding named with --encoding. A file that is
something else (a workbook, UTF-16 text, another encoding) is one finding that says what to do.
"""

from __future__ import annotations

from wcplan.base.findings import Severity
from wcplan.base.i18n import _
from wcplan.reading.headers import recognised
from wcplan.reading.table import Reporter


def decode(raw: bytes, encoding: str | None, report: Reporter) -> tuple[str | None, bool]:
    """(the text of `raw`, None and a finding when it cannot be decoded; whether it was found to be
    UTF-8: `raw` is then that text as UTF-8, after a byte-order mark if it starts with one)."""
    if encoding:
        try:
            return raw.decode(encoding), False
        except LookupError:
            report(
                "encoding",
                _("'{encoding}' is not an encoding Python knows; try utf-8 or gb18030.").format(
                    encoding=encoding
                ),
            )
        except UnicodeDecodeError as exc:
            line, column = position(raw, exc.start)
            report(
                "encoding",
                _("this file cannot be decoded as {encoding} (byte 0x{value:02X}).").format(
                    encoding=encoding, value=raw[exc.start]
                ),
                line,
                column,
            )
        return None, False
    if raw.startswith(b"PK\x03\x04"):
        report("encoding", _("this is an Excel workbook, not a CSV file; give it the .xlsx extension."))
        return None, False
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        report(
            "encoding",
            _(
                "this file is UTF-16 text (Excel's 'Unicode Text'), not CSV; save it from Excel as 'CSV "
                "UTF-8 (Comma delimited)'."
            ),
        )
        return None, False
    try:
        return raw.decode("utf-8-sig"), True
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    # GB18030 decodes many byte strings: believe it only when the header it yields is wcplan's.
    if text is not None and recognised(text):
        report(
            "encoding-gb18030",
            _(
                "this file is not UTF-8; it was decoded as GB18030 (GBK), which is what Chinese Excel "
                "writes as 'CSV'. Saving it as 'CSV UTF-8' removes the need to guess."
            ),
            severity=Severity.NOTE,
        )
        return text, False
    line, column = position(raw, utf8_error.start)
    report(
        "encoding",
        _(
            "this file is neither UTF-8 nor GBK (byte 0x{value:02X} cannot be decoded); save it from "
            "Excel as 'CSV UTF-8 (Comma delimited)', or name its encoding with --encoding."
        ).format(value=raw[utf8_error.start]),
        line,
        column,
    )
    return None, False


def position(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw[:offset].count(b"\n") + 1
    return line, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
