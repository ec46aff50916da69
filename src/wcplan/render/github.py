"""Validation for GitHub Actions: one workflow annotation per finding, so that problems show on
the pull request's files, and a Markdown table for the job's step summary ($GITHUB_STEP_SUMMARY)."""

from __future__ import annotations

from wcplan.base.controls import visible
from wcplan.base.findings import Finding, Validation
from wcplan.base.i18n import _
from wcplan.render import text
from wcplan.render.markdown import escape

_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}


def _escape_data(text: str) -> str:
    # line breaks as GitHub's escapes; then any control character visible: a CI log is a terminal too
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    """One GitHub Actions workflow command: ::error file=…,line=…,col=…,title=…::message"""
    props = []
    if f.file:
        props.append(f"file={_escape_property(f.file)}")
    if f.line is not None:
        props.append(f"line={f.line}")
    if f.column is not None:
        props.append(f"col={f.column}")
    props.append(f"title={_escape_property('wcplan ' + f.code)}")
    return f"::{_LEVEL[str(f.severity)]} {','.join(props)}::{_escape_data(f.message)}"


def github_lines(v: Validation, limit: int) -> list[str]:
    shown, omitted = v.shown(limit)
    lines = [annotation(f) for f in [*shown, *v.notes]]
    if omitted:
        lines.append(
            "::warning title=wcplan::"
            + _("{more} not annotated (--max-problems {limit})").format(
                more=text.more_problems(omitted), limit=limit
            )
        )
    lines.append(text.validation_summary(v))
    return lines


def step_summary(v: Validation, limit: int) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY."""
    shown, omitted = v.shown(limit)
    out = ["## wcplan validate", "", f"**{escape(text.validation_summary(v))}**", ""]
    if shown:
        head = [_("file"), _("line"), _("column"), _("severity"), _("code"), _("problem")]
        out += ["| " + " | ".join(escape(h) for h in head) + " |", "|---|--:|--:|---|---|---|"]
        for f in shown:
            # the code is wcplan's own (letters and hyphens), set as code
            out.append(
                f"| {escape(f.file or '')} | {f.line or ''} | {f.column or ''} | "
                f"{escape(text.severity_label(f.severity))} | `{f.code}` | {escape(f.message)} |"
            )
        if omitted:
            out += ["", escape(_("… and {more} not shown.").format(more=text.more_problems(omitted)))]
        out.append("")
    return "\n".join(out) + "\n"
