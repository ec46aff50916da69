"""The output environment: stdout and stderr consoles with the user's colour choice.

Rich already colours only on a terminal and honours NO_COLOR and FORCE_COLOR;
--no-color turns colour off on top of that. No line ends in spaces. Rich is imported when a
console is first used: JSON and GitHub output are written as they are and never need it, nor
does a sentence to stderr (`say`).
"""

from __future__ import annotations

import re
import sys
from functools import cached_property
from typing import TYPE_CHECKING

from wcplan.base.controls import visible

if TYPE_CHECKING:
    from rich.console import Console

#: Spaces at the end of a line (before any closing colour codes): tables pad every row to the
#: full width, which a pipe, a file or a diff would keep. Tried only where a run of spaces
#: starts, and never taken back (possessive): tried at every space of every run, as it first
#: was, it cost a wide table 18 ms.
_TRAILING = re.compile(r"(?<! ) ++((?:\x1b\[[0-9;]*m)*+)(?=\n)")


class Environment:
    def __init__(self, no_color: bool = False):
        self.no_color = no_color

    @cached_property
    def stdout(self) -> Console:
        return _console(stderr=False, no_color=self.no_color)

    @cached_property
    def stderr(self) -> Console:
        return _console(stderr=True, no_color=self.no_color)

    def write(self, text: str) -> None:
        """Machine-readable output (JSON): written as is, never styled, wrapped or emoji-replaced."""
        sys.stdout.write(text + "\n")

    def say(self, sentence: str) -> None:
        """One sentence to stderr, as written (no markup, no emoji codes, no colour; control
        characters visible, wcplan.base.controls), on one line however long: what Rich would
        print of it, written without importing Rich."""
        sys.stderr.write(_TRAILING.sub(r"\1", visible(sentence) + "\n"))
        sys.stderr.flush()


def _console(stderr: bool, no_color: bool) -> Console:
    from rich.console import Console

    class _Console(Console):
        def _render_buffer(self, buffer) -> str:
            return _TRAILING.sub(r"\1", super()._render_buffer(buffer))

        def on_broken_pipe(self) -> None:
            # Rich would exit 1 here, which wcplan reserves for invalid data; the CLI guard
            # handles a closed pipe once, for every way of writing to stdout.
            self.quiet = True
            raise BrokenPipeError

    return _Console(stderr=stderr, no_color=True if no_color else None, highlight=False)


def environment(no_color: bool = False) -> Environment:
    return Environment(no_color)
