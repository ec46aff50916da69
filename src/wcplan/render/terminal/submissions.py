"""`wcplan submissions` on a terminal: a table per unit, the files with errors, then the list of
who is still to report (催报清单), one line per unit to paste into a message."""

from __future__ import annotations

from rich.console import Console

from wcplan.base.i18n import _
from wcplan.render.submissions import (
    ERRORS_HEAD,
    cells,
    chase,
    counts_line,
    error_text,
    files_line,
    headers,
    notes,
    summary,
    title,
    unit_title,
)
from wcplan.render.terminal.tables import Wrapped, plain, print_notes, simple_table
from wcplan.rules.submissions import State, Submissions

STATE_STYLE = {
    State.REPORTED: "green",
    State.INVALID: "red",
    State.NOT_FILLED: "yellow",
    State.MISSING: "red",
}


def render_table(s: Submissions, console: Console) -> None:
    console.print(Wrapped.assemble(plain(title(s), "bold"), plain(" — " + summary(s))))
    for u in s.units:
        table = simple_table(unit_title(s, u), counts_line(u.counts))
        for header in headers(s):
            if header == _("Indicator"):
                table.add_column(header, ratio=3, min_width=12, overflow="fold")
            elif header in (_("ID"), _("Value"), _("Line")):
                table.add_column(header, justify="right", no_wrap=True)
            else:
                table.add_column(header, no_wrap=True)
        for d in u.due:
            row = [plain(c) for c in cells(s, u, d)]
            state = headers(s).index(_("State"))
            row[state].stylize(STATE_STYLE[d.state])
            table.add_row(*row)
        console.print()
        table.print(console)
        if u.files:
            console.print(plain(files_line(u), "dim"))
    if s.files_with_errors:
        console.print()
        console.print(plain(_(ERRORS_HEAD), "bold red"))
        for f in s.files_with_errors:
            console.print(plain("  " + error_text(f)))
    console.print()
    head, *lines = chase(s)
    console.print(plain(head, "bold"))
    for line in lines:
        console.print(plain(line), soft_wrap=True)  # one line per unit, to paste into a message
    print_notes(notes(s), console)
    files = ", ".join(s.files) if s.files else _("none found")
    console.print(plain(_("Actuals: {files}").format(files=files), "dim"))
