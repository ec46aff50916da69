"""The output environment: stdout and stderr consoles with the user's colour choice.

Rich already colours only on a terminal and honours NO_COLOR and FORCE_COLOR;
--no-color turns colour off on top of that.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich would exit 1 here, which wcplan reserves for invalid data; the CLI guard
        # handles a closed pipe once, for every way of writing to stdout.
        self.quiet = True
        raise BrokenPipeError


@dataclass
class Environment:
    stdout: Console
    stderr: Console


def environment(no_color: bool = False) -> Environment:
    def make(stderr: bool) -> Console:
        return _Console(stderr=stderr, no_color=True if no_color else None, highlight=False)

    return Environment(stdout=make(False), stderr=make(True))
