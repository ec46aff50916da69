"""The output environment: stdout and stderr consoles with the user's colour choice.

Rich already colours only on a terminal and honours NO_COLOR and FORCE_COLOR;
--no-color turns colour off on top of that.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console


@dataclass
class Environment:
    stdout: Console
    stderr: Console


def environment(no_color: bool = False) -> Environment:
    def make(stderr: bool) -> Console:
        return Console(stderr=stderr, no_color=True if no_color else None, highlight=False)

    return Environment(stdout=make(False), stderr=make(True))
