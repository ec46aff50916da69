"""`wcplan targets` on a terminal: the plan's indicators by category, with baseline, yearly targets,
attribute, lead and responsible units."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from wcplan.base.controls import visible
from wcplan.base.i18n import _
from wcplan.model.plan import Plan
from wcplan.render import text
from wcplan.render.terminal.tables import plain, simple_table, text_cells


def render_targets(plan: Plan, indicators, console: Console) -> None:
    meta = plan.meta
    console.print(Text.assemble(plain(meta.title_label, "bold"), plain(f" {meta.document_number}")))
    console.print(
        Text(
            _("Base year {base}; plan years {years}; {shown} of {total} indicators shown.").format(
                base=meta.base_year,
                years=", ".join(map(str, meta.years)),
                shown=len(indicators),
                total=len(plan.indicators),
            )
        )
    )
    categories = list(dict.fromkeys(i.category for i in indicators))
    for category in categories:
        table = simple_table(plan.category_label(category))
        table.add_column(_("ID"), justify="right", no_wrap=True)
        # Name and unit columns share the width; a unit name is 10 characters at most here.
        table.add_column(_("Indicator"), ratio=3, min_width=10, overflow="fold")
        table.add_column(_("Unit"), no_wrap=True)
        table.add_column(f"{meta.base_year}", justify="right", no_wrap=True)
        for year in meta.years:
            table.add_column(str(year), justify="right", no_wrap=True)
        table.add_column(_("Attr."), no_wrap=True)
        table.add_column(_("Lead"), ratio=2, overflow="fold")
        table.add_column(_("Responsible"), ratio=2, overflow="fold")
        for ind in (i for i in indicators if i.category == category):
            table.add_row(
                *text_cells(
                    str(ind.id),
                    ind.label,
                    text.unit(ind, short=True),
                    text.number(ind.baseline) if ind.baseline is not None else Text("—", style="dim"),
                    *(text.number(ind.targets.get(y)) for y in meta.years),
                    text.short_attribute(ind.attribute),
                    plan.unit_label(ind.lead),
                    Text("\n".join(visible(plan.unit_label(u)) for u in ind.responsible)),
                )
            )
        console.print()
        console.print(table)
    console.print(Text(_("— : no value in the plan (kept missing, never 0)."), style="dim"))
