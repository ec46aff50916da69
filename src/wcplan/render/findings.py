"""Findings as text lines: `FILE:LINE:COLUMN: severity code: sentence`."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from wcplan.findings import Finding

_STYLE = {"error": "bold red", "warning": "yellow", "note": "cyan"}


def finding_line(finding: Finding) -> Text:
    severity = str(finding.severity)
    return Text.assemble(
        (finding.location, "bold"),
        ": ",
        (f"{severity} {finding.code}", _STYLE[severity]),
        f": {finding.message}",
    )


def render_findings(findings: list[Finding], console: Console) -> None:
    for finding in findings:
        console.print(finding_line(finding), soft_wrap=True)
