"""Who has reported what (wcplan.rules.submissions) in words: what the terminal table
(wcplan.render.terminal.submissions), Markdown (here) and JSON (wcplan.render.json) say alike,
each ending with the list of who is still to report (催报清单), written to be pasted into a
message."""

from __future__ import annotations

import datetime as dt

from wcplan.base.i18n import N_, _, ngettext
from wcplan.model.periods import shown
from wcplan.model.template import Role
from wcplan.render import text
from wcplan.render.markdown import escape, table
from wcplan.rules.submissions import Due, FileWithErrors, SourceFile, State, Submissions, UnitSubmissions

STATE_LABEL = {
    State.REPORTED: N_("reported"),
    State.INVALID: N_("invalid"),
    State.NOT_FILLED: N_("not filled in"),
    State.MISSING: N_("missing"),
}
#: One cell wide everywhere, like the statuses; "_" is a blank left to fill in.
STATE_SYMBOL = {State.REPORTED: "✓", State.INVALID: "✗", State.NOT_FILLED: "_", State.MISSING: "-"}
ROLE_LABEL = {Role.LEAD: N_("lead"), Role.RESPONSIBLE: N_("responsible")}
COLUMNS = [N_("ID"), N_("Indicator"), N_("Role"), N_("State"), N_("Value"), N_("Line")]


def state_text(state: State) -> str:
    return f"{STATE_SYMBOL[state]} {_(STATE_LABEL[state])}"


def when(moment: dt.datetime | None) -> str:
    """A file's modification time as a person reads it: local time, to the minute."""
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def title(s: Submissions) -> str:
    if s.by == "lead":
        return _("Submissions {period} by lead unit (报送情况)").format(period=shown(s.period.label))
    return _("Submissions {period} by lead and responsible unit (报送情况)").format(
        period=shown(s.period.label)
    )


def counts_line(counts: dict[State, int]) -> str:
    return " · ".join(
        f"{_(STATE_LABEL[state])} {n}" for state, n in counts.items() if n or state is State.REPORTED
    )


def summary(s: Submissions) -> str:
    """'42 indicators due: reported 20 · invalid 1 · …'"""
    n = sum(s.counts.values())
    due = ngettext("{n} indicator due", "{n} indicators due", n).format(n=n)
    return _("{due}: {counts}").format(due=due, counts=counts_line(s.counts))


def unit_title(s: Submissions, u: UnitSubmissions) -> str:
    name, indicators = s.plan.unit_label(u.unit), text.indicators(len(u.due))
    if s.by == "lead":
        return _("{unit} · lead unit · {indicators}").format(unit=name, indicators=indicators)
    detail = _("{lead} as lead unit, {responsible} as responsible unit").format(
        lead=sum(d.role is Role.LEAD for d in u.due),
        responsible=sum(d.role is Role.RESPONSIBLE for d in u.due),
    )
    return _("{unit} · {indicators} ({detail})").format(unit=name, indicators=indicators, detail=detail)


def headers(s: Submissions) -> list[str]:
    return [_(c) for c in COLUMNS if c != "Role" or s.by == "responsible"]


def cells(s: Submissions, u: UnitSubmissions, d: Due) -> list[str]:
    """A due indicator's cells, in the order of `headers`. Its row is the line of the file it came
    from: the line alone where the unit's figures come from one file, else the number the unit's
    files line gives the file, a colon and the line (2:14)."""
    numbers = {f.file: n for n, f in enumerate(u.files, 1)}

    def place(file: str, line: int) -> str:
        return str(line) if len(u.files) == 1 else f"{numbers[file]}:{line}"

    a = d.actual
    by_column = {
        "ID": str(d.indicator.id),
        "Indicator": d.indicator.label,
        "Role": _(ROLE_LABEL[d.role]),
        "State": state_text(d.state),
        "Value": text.number(a.value) if a else "",
        "Line": place(a.file, a.line) if a and a.file else ", ".join(place(r.file, r.line) for r in d.rows),
    }
    return [by_column[c] for c in COLUMNS if c != "Role" or s.by == "responsible"]


def source_text(f: SourceFile) -> str:
    changed = when(f.modified)
    if f.reporters and changed:
        sentence = _("{file} (reporter {reporters}; changed {time})")
    elif f.reporters:
        sentence = _("{file} (reporter {reporters})")
    elif changed:
        sentence = _("{file} (changed {time})")
    else:
        return f.file
    return sentence.format(file=f.file, reporters=_(", ").join(f.reporters), time=changed)


def files_line(u: UnitSubmissions) -> str:
    """Where the unit's figures and rows came from: each file with its reporters (填报单位) and when
    it was last changed, numbered when there are several."""
    if len(u.files) == 1:
        return _("File: {file}").format(file=source_text(u.files[0]))
    listed = _("; ").join(f"{n} = {source_text(f)}" for n, f in enumerate(u.files, 1))
    return _("Files: {files}").format(files=listed)


def error_text(f: FileWithErrors) -> str:
    codes = _(", ").join(f.codes)
    sentence = ngettext("{file}: {n} error ({codes})", "{file}: {n} errors ({codes})", f.errors).format(
        file=f.file, n=f.errors, codes=codes
    )
    if f.modified:
        sentence = _("{sentence}; changed {time}").format(sentence=sentence, time=when(f.modified))
    return sentence


ERRORS_HEAD = N_(
    "Files with errors: what they hold counts only once they are corrected (`wcplan validate FILE` shows "
    "each error)."
)


def chase(s: Submissions) -> list[str]:
    """The list of who is still to report (催报清单): a heading and one numbered line per unit."""
    if not s.outstanding:
        return [_("Every unit has reported for {period}.").format(period=shown(s.period.label))]
    lines = [_("Still to report for {period} (催报清单):").format(period=shown(s.period.label))]
    for n, u in enumerate(s.outstanding, 1):
        items = _("; ").join(_item(d) for d in u.outstanding)
        sentence = ngettext(
            "{number}. {unit}: {n} indicator: {items}.",
            "{number}. {unit}: {n} indicators: {items}.",
            len(u.outstanding),
        )
        lines.append(
            sentence.format(number=n, unit=s.plan.unit_label(u.unit), n=len(u.outstanding), items=items)
        )
    return lines


def _item(d: Due) -> str:
    name = f"{d.indicator.id} {d.indicator.label}"
    if d.state is State.INVALID:
        rows = ", ".join(f"{r.file}:{r.line}" for r in d.rows)
        return _("{name} (to correct: {rows})").format(name=name, rows=rows)
    if d.state is State.NOT_FILLED:
        return _("{name} (not filled in)").format(name=name)
    return name


def notes(s: Submissions) -> list[str]:
    return text.illustrative_note([d.actual for u in s.units for d in u.due if d.actual])


# ── Markdown ─────────────────────────────────────────────────────────────────


def markdown(s: Submissions) -> str:
    lines = [f"## {escape(title(s))}", "", escape(summary(s))]
    align = "rl" + ("l" if s.by == "responsible" else "") + "lrr"
    for u in s.units:
        lines += ["", f"### {escape(unit_title(s, u))}", ""]
        lines += table(headers(s), align, [cells(s, u, d) for d in u.due])
        lines += ["", escape(counts_line(u.counts))]
        if u.files:
            lines += ["", escape(files_line(u))]
    if s.files_with_errors:
        lines += [
            "",
            escape(_(ERRORS_HEAD)),
            "",
            *(f"- {escape(error_text(f))}" for f in s.files_with_errors),
        ]
    head, *items = chase(s)
    lines += ["", f"### {escape(head.rstrip(':：'))}" if items else escape(head)]
    if items:
        lines += ["", *(escape(item) for item in items)]
    if notes(s):
        lines += ["", *(f"> {escape(note)}" for note in notes(s))]
    return "\n".join(lines) + "\n"
