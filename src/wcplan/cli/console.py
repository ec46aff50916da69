"""The output environment: stdout and stderr consoles with the user's colour choice.

Rich already colours only on a terminal and honours NO_COLOR and FORCE_COLOR;
--no-color turns colour off on top of that. No line ends in spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.console import Console
from rich.text import Text

from wcplan.base.controls import visible

#: Spaces at the end of a line (before any closing colour codes): tables pad every row to the
#: full width, which a pipe, a file or a diff would keep.
_TRAILING = re.compile(r" +((?:\x1b\[[0-9;]*m)*)(?=\n)")


class _Console(Console):
    def _render_buffer(self, buffer) -> str:
        return _TRAILING.sub(r"\1", super()._render_buffer(buffer))

    def on_broken_pipe(self) -> None:
        # Rich would exit 1 here, which wcplan reserves for invalid data; the CLI guard
        # handles a closed pipe once, for every way of writing to stdout.
        self.quiet = True
        raise BrokenPipeError


@dataclass
class Environment:
    stdout: Console
    stderr: Console

    def write(self, text: str) -> None:
        """Machine-readable output (JSON): written as is, never styled, wrapped or emoji-replaced."""
        self.stdout.file.write(text + "\n")

    def say(self, sentence: str) -> None:
        """One sentence to stderr, as written (no markup, no emoji codes; control characters
        visible, wcplan.base.controls)."""
        self.stderr.print(Text(visible(sentence)), soft_wrap=True)


def environment(no_color: bool = False) -> Environment:
    def make(stderr: bool) -> Console:
        return _Console(stderr=stderr, no_color=True if no_color else None, highlight=False)

    return Environment(stdout=make(False), stderr=make(True))
