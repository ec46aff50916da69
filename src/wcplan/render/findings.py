"""Findings as text lines: `FILE:LINE:COLUMN: severity code: sentence`."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from wcplan.controls import visible
from wcplan.findings import Finding
from wcplan.i18n import N_, _

_STYLE = {"error": "bold red", "warning": "yellow", "note": "cyan"}
#: Severities as shown in text (the code after them, and JSON and annotations, stay as they are).
_LABEL = {"error": N_("error"), "warning": N_("warning"), "note": N_("note")}


def severity_label(severity) -> str:
    return _(_LABEL[str(severity)])


def finding_line(finding: Finding) -> Text:
    severity = str(finding.severity)
    return Text.assemble(
        (visible(finding.location), "bold"),
        ": ",
        (f"{severity_label(severity)} {finding.code}", _STYLE[severity]),
        f": {visible(finding.message)}",
    )


def render_findings(findings: list[Finding], console: Console) -> None:
    for finding in findings:
        console.print(finding_line(finding), soft_wrap=True)
