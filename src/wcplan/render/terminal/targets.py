"""`wcplan targets` on a terminal: the plan's indicators by category, with baseline, yearly targets,
attribute, lead and responsible units."""

from __future__ import annotations

from rich.console import Console

from wcplan.base.controls import visible
from wcplan.base.i18n import _
from wcplan.model.plan import Plan
from wcplan.render import text
from wcplan.render.terminal.layout import Column, add_columns, fit, hidden_note
from wcplan.render.terminal.tables import Wrapped, plain, simple_table, text_cells


def render_targets(plan: Plan, indicators, console: Console) -> None:
    meta = plan.meta
    console.print(Wrapped.assemble(plain(meta.title_label, "bold"), plain(f" {meta.document_number}")))
    console.print(
        Wrapped(
            _("Base year {base}; plan years {years}; {shown} of {total} indicators shown.").format(
                base=meta.base_year,
                years=", ".join(map(str, meta.years)),
                shown=len(indicators),
                total=len(plan.indicators),
            )
        )
    )
    rows = [_row(plan, ind) for ind in indicators]
    headers = [_("ID"), _("Indicator"), _("Unit"), str(meta.base_year), *map(str, meta.years)]
    headers += [_("Attr."), _("Lead"), _("Responsible")]
    # (ratio, fewest cells, hidden in this order when the terminal is too narrow) of the columns
    # that are not as wide as their widest cell
    how = {
        _("Indicator"): (3, 16, 0),
        _("Lead"): (2, 12, 3),
        _("Responsible"): (2, 12, 1),
        _("Attr."): (0, 0, 2),
    }
    columns = [
        Column(
            h,
            [r[k] for r in rows],
            justify="left" if k in (1, 2) or k >= len(headers) - 3 else "right",
            ratio=how.get(h, (0, 0, 0))[0],
            least=how.get(h, (0, 0, 0))[1],
            hide=how.get(h, (0, 0, 0))[2],
        )
        for k, h in enumerate(headers)
    ]
    fitted = fit(columns, console.width)
    for category in dict.fromkeys(i.category for i in indicators):
        table = simple_table(plan.category_label(category))
        add_columns(table, fitted)
        for ind, row in zip(indicators, rows, strict=True):
            if ind.category == category:
                table.add_row(
                    *(cell for cell, c in zip(row, columns, strict=True) if c.header not in fitted.hidden)
                )
        console.print()
        table.print(console)
    hidden_note(fitted, console)
    console.print(Wrapped(_("— : no value in the plan (kept missing, never 0)."), style="dim"))


def _row(plan: Plan, ind) -> list:
    meta = plan.meta
    return text_cells(
        str(ind.id),
        ind.label,
        text.unit(ind, short=True),
        text.number(ind.baseline) if ind.baseline is not None else Wrapped("—", style="dim"),
        *(text.number(ind.targets.get(y)) for y in meta.years),
        text.short_attribute(ind.attribute),
        plan.unit_label(ind.lead),
        Wrapped("\n".join(visible(plan.unit_label(u)) for u in ind.responsible)),
    )
