"""`wcplan targets`: the plan's indicators, their baselines, targets and units."""

from __future__ import annotations

from wcplan.cli import options
from wcplan.cli.inputs import check_choices, load


def command(
    targets: options.Targets = None,
    unit: options.Unit = None,
    category: options.Category = None,
    format: options.TableOrJsonFormat = options.TableOrJson.table,
    no_color: options.NoColor = False,
) -> None:
    from wcplan.cli.console import environment

    env = environment(no_color)
    _, plan = load(targets)
    units = check_choices(unit, plan.all_units(), "--unit", "unit", plan.units)
    categories = check_choices(category, plan.categories(), "--category", "category", plan.categories_en)
    shown = [
        i
        for i in plan.indicators
        if (not units or set(units) & set(i.units())) and (not categories or i.category in categories)
    ]
    if format is options.TableOrJson.json:
        from wcplan.render.json import dumps, targets_document

        env.write(dumps(targets_document(plan, shown)))
    else:
        from wcplan.render.terminal.targets import render_targets

        render_targets(plan, shown, env.stdout)
