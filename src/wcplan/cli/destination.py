"""Where a report goes and in which format: the format follows the file name of --output.

`-o report.docx` writes Word, `-o report.xlsx` Excel. A --format that contradicts the name, a
name whose extension says no format, or a folder, is a usage error: a report is never written
in one format under another's name. `-o -` is stdout, for the formats that are text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from wcplan.base.errors import UsageError
from wcplan.base.i18n import _
from wcplan.reading.files import refuse_input


class ReportFormat(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"
    xlsx = "xlsx"
    docx = "docx"


#: The extension each format is written with, and the extensions read as each format.
SUFFIX = {
    ReportFormat.markdown: ".md",
    ReportFormat.json: ".json",
    ReportFormat.html: ".html",
    ReportFormat.xlsx: ".xlsx",
    ReportFormat.docx: ".docx",
}
FORMAT_OF = {
    **{s: f for f, s in SUFFIX.items()},
    ".markdown": ReportFormat.markdown,
    ".htm": ReportFormat.html,
}
#: Formats that are bytes, not text: never to stdout.
BINARY = {ReportFormat.xlsx, ReportFormat.docx}
#: Formats that go to wcplan-report-PERIOD.SUFFIX here when there is no --output.
FILE_FORMATS = {ReportFormat.html, *BINARY}


@dataclass(frozen=True)
class Destination:
    format: ReportFormat
    #: the file to write; None: stdout
    path: Path | None


def destination(output: str | None, format: ReportFormat | None, label: str) -> Destination:
    """The format and the file of a report of period `label`, from --output and --format as given
    (None: not given). Called once the run has read its inputs: a file it read is refused first."""
    if output is None:
        chosen = format or ReportFormat.markdown
        path = Path(f"wcplan-report-{label}{SUFFIX[chosen]}") if chosen in FILE_FORMATS else None
        return Destination(chosen, path)
    if output == "-":
        chosen = format or ReportFormat.markdown
        if chosen in BINARY:
            raise UsageError(
                _(
                    "the {format} format is a binary file and cannot go to stdout; give a file name with "
                    "--output, such as {example}."
                ).format(format=chosen, example=f"wcplan-report-{label}{SUFFIX[chosen]}"),
                "--output",
            )
        return Destination(chosen, None)
    path = Path(output)
    if output.endswith(("/", os.sep)) or path.is_dir():
        example = path / f"wcplan-report-{label}{SUFFIX[format or ReportFormat.markdown]}"
        raise UsageError(
            _("{path} is a folder; give the name of a file to write, such as {example}.").format(
                path=output, example=example
            ),
            "--output",
        )
    refuse_input(path)  # an input of this run is refused as such, whatever its extension says
    suffix = path.suffix.lower()
    named = FORMAT_OF.get(suffix)
    known = ", ".join(SUFFIX.values())
    if named is None and (suffix or format is None):
        sentence = (
            _("cannot tell the report format from the extension {suffix} of {path}: use one of {known}.")
            if suffix
            else _(
                "{path} has no extension to tell the report format by: end its name with one of {known}, "
                "or give --format."
            )
        )
        raise UsageError(sentence.format(suffix=suffix, path=output, known=known), "--output")
    if named is not None and format is not None and format is not named:
        raise UsageError(
            _(
                "--format {format} contradicts the file name {path}, which is {named}; drop --format or "
                "rename the file."
            ).format(format=format, path=output, named=named),
            "--format",
        )
    return Destination(named or format, path)
