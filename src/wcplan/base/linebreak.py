"""Where a line of text may break, in either language: English between words (and after the
hyphen of a long compound, integration-of-/informatization), Chinese between any two characters but
never before closing punctuation nor after opening punctuation (kinsoku: no line starts with
）, 。 or ，, none ends with （). Width is counted in terminal cells: a Chinese character is two.

Help pages (wcplan.cli.interface) and every terminal table and note (wcplan.render.terminal)
break their lines here, so that both follow the same rules. Standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

#: No line starts with these (closing punctuation, and marks that follow what they belong to).
CLOSING = frozenset("，。；：、）〕」』】》〉〗〙〛”’！？%,.;:)]}!?…·")
#: No line ends with these (opening punctuation).
OPENING = frozenset("（〔「『【《〈〖〘〚“‘([{")


@lru_cache(maxsize=8192)
def wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def cells(text: str) -> int:
    """Display width in terminal cells: two for a Chinese character, one for others."""
    if text.isascii():
        return len(text)
    return sum(2 if wide(c) else 1 for c in text)


#: A compound breaks after its hyphens only when it is longer than this (integration-of-informa…),
#: not a short one such as year-end.
LONG_COMPOUND = 15
#: Runs of non-space characters longer than LONG_COMPOUND (str.isspace and \s agree on every
#: character).
_LONG_WORD = re.compile(rf"\S{{{LONG_COMPOUND + 1},}}")
#: Where an English line may start: a non-space after a space.
_AFTER_SPACE = re.compile(r"(?<=\s)\S")
#: Where the hyphen of a compound lets a line start: a letter after a letter and a hyphen.
_AFTER_HYPHEN = re.compile(r"(?<=[A-Za-z]-)[A-Za-z]")


def opportunities(text: str) -> tuple[bool, ...]:
    """For each position i, whether a new line may start at text[i] (i > 0)."""
    return _opportunities(text)


@lru_cache(maxsize=4096)
def _opportunities(text: str) -> tuple[bool, ...]:
    # Every table measures and wraps the same cells several times over: the answer is kept.
    can = [False] * (len(text) + 1)
    if text.isascii():
        # no wide character: a line starts after a space, or after the hyphen of a long compound
        for m in _AFTER_SPACE.finditer(text):
            can[m.start()] = True
        if "-" in text:
            for word in _LONG_WORD.finditer(text):
                for m in _AFTER_HYPHEN.finditer(text, word.start(), word.end()):
                    can[m.start()] = True
        for i, c in enumerate(text):
            if c in OPENING and i + 1 < len(text):
                can[i + 1] = False
            elif c in CLOSING:
                can[i] = False
        can[0] = False
        return tuple(can)
    long = [False] * len(text)
    for word in _LONG_WORD.finditer(text):
        long[word.start() : word.end()] = [True] * (word.end() - word.start())
    flags = [wide(c) for c in text]
    for i in range(1, len(text)):
        before, here = text[i - 1], text[i]
        if here.isspace():
            continue
        if before.isspace() or (flags[i - 1] and flags[i]):
            ok = True
        elif flags[i - 1] != flags[i]:
            # between Chinese and Latin text: only at punctuation (not inside 2023年 or APP优秀)
            ok = not (before.isalnum() and here.isalnum())
        else:
            # inside a Latin word: only after the hyphen of a long compound
            ok = before == "-" and long[i] and i >= 2 and text[i - 2].isalpha() and here.isalpha()
        can[i] = ok and here not in CLOSING and before not in OPENING
    return tuple(can)


@lru_cache(maxsize=4096)
def longest_piece(text: str, measure: Callable[[str], int] = cells) -> int:
    """The width of the longest piece of `text` that no line may break (a word, in English)."""
    can = _opportunities(text)
    longest = start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or can[i] or text[i] == "\n":
            longest = max(longest, measure(text[start:i].strip()))
            start = i
    return longest


def break_offsets(
    text: str, widths: int | Sequence[int], fold: bool = True, measure: Callable[[str], int] = cells
) -> list[int]:
    """The offsets at which lines of `text` start, after the first (no newlines in `text`).
    `widths`: the width of every line, or of the first lines then of every later one. A piece
    longer than a line is cut to fit (`fold`) or left to overflow."""
    if isinstance(widths, int):
        widths = [widths]
    can = _opportunities(text)
    # each character's width, measured once (printable ASCII is one cell by either measure)
    sizes = [1] * len(text) if text.isascii() and text.isprintable() else [measure(c) for c in text]
    offsets: list[int] = []
    start, n = 0, len(text)
    while start < n:
        width = max(widths[min(len(offsets), len(widths) - 1)], 1)
        used, end, last = 0, start, None
        while end < n:
            used += sizes[end]
            if used > width and not text[end].isspace():
                break
            end += 1
            if end < n and can[end]:
                last = end
        if end >= n:
            break
        if last is None or last <= start:
            if fold:
                cut = max(end, start + 1)
                while cut - 1 > start and text[cut] in CLOSING:
                    cut -= 1
                last = cut
            else:
                last = next((i for i in range(max(end, start + 1), n) if can[i]), n)
                if last >= n:
                    break
        offsets.append(last)
        start = last
        while start < n and text[start].isspace():
            start += 1
    return offsets


def wrap(text: str, width: int, first: str = "", rest: str = "", fold: bool = False) -> list[str]:
    """`text` (its whitespace runs as single spaces) in lines of at most `width` cells, the first
    after `first` and the others after `rest`."""
    text = " ".join(text.split())
    widths = [width - cells(first), width - cells(rest)]
    starts = [0, *break_offsets(text, widths, fold)]
    ends = [*starts[1:], len(text)]
    return [
        (first if i == 0 else rest) + text[a:b].strip()
        for i, (a, b) in enumerate(zip(starts, ends, strict=True))
    ]
