"""The consoles' output: no line ends in spaces, whatever colour codes close it."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from wcplan.cli.console import _TRAILING

#: The rule as first written: a run of spaces, then any colour codes, then the end of the line.
RULE = re.compile(r" +((?:\x1b\[[0-9;]*m)*)(?=\n)")
PIECES = st.sampled_from([" ", "   ", "a", "中", "\n", "\x1b[0m", "\x1b[1;32m", "\x1b[", "m", "x "])


@given(st.lists(PIECES).map("".join))
def test_trailing_spaces_go_as_the_rule_says(text):
    assert _TRAILING.sub(r"\1", text) == RULE.sub(r"\1", text)


def test_spaces_inside_a_line_are_kept_and_those_at_its_end_go():
    line = "a" + " " * 90 + "b" + " " * 5 + "\x1b[0m\n"
    assert _TRAILING.sub(r"\1", line * 3) == ("a" + " " * 90 + "b\x1b[0m\n") * 3
