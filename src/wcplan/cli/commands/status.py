"""`wcplan status YEAR`: every indicator judged against the year's target, by lead unit."""

from __future__ import annotations

from typing import Annotated

import typer

import wcplan
from wcplan.base.errors import UsageError
from wcplan.base.i18n import N_, _
from wcplan.cli import completion, options
from wcplan.cli.inputs import check_choices, load, read_valid, resolve_period

StatusFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        metavar="LIST",
        autocompletion=completion.statuses,
        help=N_(
            "Only these statuses, comma-separated or repeated: met, on_track, behind, off_track, "
            "no_data, unknown, or their names in either language (on track, 滞后)."
        ),
        show_default=False,
    ),
]


def command(
    period: options.Period,
    targets: options.Targets = None,
    actuals: options.Actuals = None,
    unit: options.Unit = None,
    category: options.Category = None,
    status: StatusFilter = None,
    format: options.TableJsonOrMarkdownFormat = options.TableJsonOrMarkdown.table,
    no_color: options.NoColor = False,
) -> None:
    from wcplan.cli.console import environment

    env = environment(no_color)
    location, plan = load(targets)
    when = resolve_period(period, plan)
    units = check_choices(unit, plan.all_units(), "--unit", "unit", plan.units)
    categories = check_choices(category, plan.categories(), "--category", "category", plan.categories_en)
    statuses = parse_statuses(status)

    read = read_valid(plan, location, actuals, env)
    result = wcplan.assess(plan, read, when).filter(units, categories, statuses)

    if format is options.TableJsonOrMarkdown.json:
        from wcplan.render.json import assessment_document, dumps

        env.write(dumps(assessment_document(result)))
    elif format is options.TableJsonOrMarkdown.markdown:
        from wcplan.render.markdown import status_markdown

        env.write(status_markdown(result))
    else:
        from wcplan.render.terminal.status import render_status

        render_status(result, env.stdout)


def parse_statuses(values: list[str] | None):
    """The statuses of `--status`: by code (on_track), or by name in either language (on track,
    接近目标), comma-separated (， too) or repeated."""
    from wcplan.base.i18n import every_language, language
    from wcplan.base.suggest import key
    from wcplan.render.text import STATUS_LABEL
    from wcplan.rules.verdicts import Status

    names = {}
    for status in Status:
        for name in (status.value, *every_language(STATUS_LABEL[status])):
            names.setdefault(key(name).replace("-", "_").replace(" ", "_"), status)
            names.setdefault(key(name).replace("_", ""), status)
    chosen = []
    for value in values or []:
        for part in value.replace("，", ",").replace("、", ",").split(","):
            if not part.strip():
                continue
            status = names.get(key(part).replace("-", "_")) or names.get(key(part).replace("_", ""))
            if status is None:
                known = ", ".join(s.value for s in Status)
                if language() == "en":
                    sentence = _("'{status}' is not a status; use {known}.")
                else:  # the names of the language too
                    sentence = _("'{status}' is not a status; use {known} (or {words}).")
                words = _(", ").join(text_label(s) for s in Status)
                raise UsageError(
                    sentence.format(status=part.strip(), known=known, words=words), param="--status"
                )
            chosen.append(status)
    return chosen


def text_label(status) -> str:
    from wcplan.render.text import status_label

    return status_label(status)
