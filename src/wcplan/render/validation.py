"""Validation results as text lines, JSON, or GitHub Actions annotations (plus a step summary)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from wcplan.controls import visible
from wcplan.findings import Finding
from wcplan.i18n import _, ngettext
from wcplan.render.findings import finding_line, severity_label
from wcplan.validation import Validation


def _shown(v: Validation, limit: int) -> tuple[list[Finding], int]:
    if limit <= 0 or len(v.problems) <= limit:
        return v.problems, 0
    return v.problems[:limit], len(v.problems) - limit


def _more(n: int) -> str:
    return ngettext("{n} more problem", "{n} more problems", n).format(n=n)


def summary_sentence(v: Validation) -> str:
    if v.valid:
        verdict = _("valid")
    elif v.strict and v.warnings and not v.errors:
        verdict = _("invalid (--strict: warnings fail)")
    else:
        verdict = _("invalid")
    return _("{verdict}: {errors}, {warnings} in {files}.").format(
        verdict=verdict,
        errors=ngettext("{n} error", "{n} errors", v.errors).format(n=v.errors),
        warnings=ngettext("{n} warning", "{n} warnings", v.warnings).format(n=v.warnings),
        files=ngettext("{n} file", "{n} files", len(v.files)).format(n=len(v.files)),
    )


def render_text(v: Validation, console: Console, limit: int) -> None:
    shown, omitted = _shown(v, limit)
    for finding in shown:
        console.print(finding_line(finding), soft_wrap=True)
    if omitted:
        console.print(
            Text(
                _("… and {more} not shown (--max-problems {limit}; 0 shows all).").format(
                    more=_more(omitted), limit=limit
                )
            ),
            soft_wrap=True,
        )
    for note in v.notes:
        console.print(finding_line(note), soft_wrap=True)
    console.print(Text(summary_sentence(v), style="bold green" if v.valid else "bold red"), soft_wrap=True)
    counts = v.by_code()
    if counts:
        width = max(len(code) for code in counts)
        for code, n in counts.items():
            console.print(Text(f"  {code:<{width}}  {n}"))


def document(v: Validation, limit: int) -> dict:
    shown, omitted = _shown(v, limit)
    return {
        "valid": v.valid,
        "strict": v.strict,
        "files": v.files,
        "problems": [f.to_dict() for f in shown],
        "omitted": omitted,
        "notes": [f.to_dict() for f in v.notes],
        "counts": {"errors": v.errors, "warnings": v.warnings, "notes": len(v.notes), "by_code": v.by_code()},
    }


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
    shown, omitted = _shown(v, limit)
    lines = [annotation(f) for f in [*shown, *v.notes]]
    if omitted:
        lines.append(
            "::warning title=wcplan::"
            + _("{more} not annotated (--max-problems {limit})").format(more=_more(omitted), limit=limit)
        )
    lines.append(summary_sentence(v))
    return lines


def step_summary(v: Validation, limit: int) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY."""
    from wcplan.render.markdown import escape

    shown, omitted = _shown(v, limit)
    out = ["## wcplan validate", "", f"**{escape(summary_sentence(v))}**", ""]
    if shown:
        head = [_("file"), _("line"), _("column"), _("severity"), _("code"), _("problem")]
        out += ["| " + " | ".join(escape(h) for h in head) + " |", "|---|--:|--:|---|---|---|"]
        for f in shown:
            # the code is wcplan's own (letters and hyphens), set as code
            out.append(
                f"| {escape(f.file or '')} | {f.line or ''} | {f.column or ''} | "
                f"{escape(severity_label(f.severity))} | `{f.code}` | {escape(f.message)} |"
            )
        if omitted:
            out += ["", escape(_("… and {more} not shown.").format(more=_more(omitted)))]
        out.append("")
    return "\n".join(out) + "\n"
