"""Options shared by several commands, each defined once."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wcplan.base.i18n import N_
from wcplan.cli import completion


class By(StrEnum):
    """Whose indicators: the lead unit's (牵头单位), or the responsible units' (责任单位)."""

    lead = "lead"
    responsible = "responsible"


class TableOrJson(StrEnum):
    table = "table"
    json = "json"


class TableJsonOrMarkdown(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


Period = Annotated[
    str,
    typer.Argument(
        metavar="YEAR|PERIOD",
        autocompletion=completion.periods,
        help=N_(
            "The plan year to judge (2022), or the year to date of a period: 2022-06, 2022-Q3, 2022-H1, "
            "2022年1-6月, 2022年前三季度, 2022年上半年, 2022/06, 2022.06."
        ),
        show_default=False,
    ),
]


Targets = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        metavar="FILE",
        help=N_(
            "The plan file. Default: $WCPLAN_TARGETS, else data/targets.yaml here or in a parent "
            "folder, else the copy shipped with wcplan."
        ),
        show_default=False,
    ),
]
Actuals = Annotated[
    list[Path] | None,
    typer.Option(
        "--actuals",
        metavar="PATH",
        help=N_(
            "A CSV or Excel (.xlsx) file of actuals, or a folder of them; repeat for several. "
            "Default: the actuals/ folder beside the plan file."
        ),
        show_default=False,
    ),
]
Tasks = Annotated[
    Path | None,
    typer.Option(
        "--tasks",
        metavar="FILE",
        help=N_(
            "The tasks file. Default: tasks.yaml beside the plan file (the shipped plan has the shipped "
            "tasks file beside it)."
        ),
        show_default=False,
    ),
]
Progress = Annotated[
    list[Path] | None,
    typer.Option(
        "--progress",
        metavar="PATH",
        help=N_(
            "A CSV or Excel (.xlsx) file of task progress, or a folder of them; repeat for several. "
            "Default: the progress/ folder beside the plan file."
        ),
        show_default=False,
    ),
]
Unit = Annotated[
    list[str] | None,
    typer.Option(
        "--unit",
        metavar="NAME",
        help=N_("Only indicators this unit leads or is responsible for, e.g. 区工信局; repeatable."),
        autocompletion=completion.units,
        show_default=False,
    ),
]
Category = Annotated[
    list[str] | None,
    typer.Option(
        "--category",
        metavar="NAME",
        help=N_("Only indicators of this category, e.g. 创新驱动; repeatable."),
        autocompletion=completion.categories,
        show_default=False,
    ),
]
NoColor = Annotated[
    bool,
    typer.Option("--no-color", help=N_("No colour, even on a terminal (NO_COLOR does the same).")),
]


TableOrJsonFormat = Annotated[
    TableOrJson,
    typer.Option("--format", "-f", help=N_("Output format."), case_sensitive=False),
]
TableJsonOrMarkdownFormat = Annotated[
    TableJsonOrMarkdown,
    typer.Option("--format", "-f", case_sensitive=False, help=N_("Output format.")),
]


class Language(StrEnum):
    zh = "zh"
    en = "en"


Lang = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help=N_(
            "The language of every message: zh (中文) or en. Default: $WCPLAN_LANG, else the locale "
            "(LC_ALL, LC_MESSAGES, LANG: zh_* gives Chinese), else English."
        ),
        case_sensitive=False,
        show_default=False,
    ),
]
