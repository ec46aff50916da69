"""Findings as text lines, `FILE:LINE:COLUMN: severity code: sentence`, and the outcome of
`wcplan validate` as text: the problems, the notes, a verdict and the counts per code."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from wcplan.base.controls import visible
from wcplan.base.findings import Finding, Validation
from wcplan.base.i18n import _
from wcplan.render import text

_STYLE = {"error": "bold red", "warning": "yellow", "note": "cyan"}


def finding_line(finding: Finding) -> Text:
    severity = str(finding.severity)
    return Text.assemble(
        (visible(finding.location), "bold"),
        ": ",
        (f"{text.severity_label(severity)} {finding.code}", _STYLE[severity]),
        f": {visible(finding.message)}",
    )


def render_findings(findings: list[Finding], console: Console) -> None:
    for finding in findings:
        console.print(finding_line(finding), soft_wrap=True)


def render_validation(v: Validation, console: Console, limit: int) -> None:
    """`wcplan validate`: at most `limit` problems (0: all), then the notes, the verdict and the counts."""
    shown, omitted = v.shown(limit)
    for finding in shown:
        console.print(finding_line(finding), soft_wrap=True)
    if omitted:
        console.print(
            Text(
                _("… and {more} not shown (--max-problems {limit}; 0 shows all).").format(
                    more=text.more_problems(omitted), limit=limit
                )
            ),
            soft_wrap=True,
        )
    for note in v.notes:
        console.print(finding_line(note), soft_wrap=True)
    console.print(
        Text(text.validation_summary(v), style="bold green" if v.valid else "bold red"), soft_wrap=True
    )
    counts = v.by_code()
    if counts:
        width = max(len(code) for code in counts)
        for code, n in counts.items():
            console.print(Text(f"  {code:<{width}}  {n}"))
