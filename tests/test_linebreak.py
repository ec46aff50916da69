"""The line breaker (wcplan.base.linebreak) answers exactly as its rule reads.

Every terminal table measures and wraps the same cells several times, so the breaker keeps its
answers and takes a shorter road for text without wide characters (issue 18: the `targets`
table spent a fifth of its time here). The rule as the module's docstring states it is written
out below, one position at a time, the way it was first built; the fast breaker must agree with
it on any text.
"""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st
from rich.cells import cell_len

from wcplan.base import linebreak
from wcplan.base.linebreak import CLOSING, LONG_COMPOUND, OPENING


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def rule(text: str) -> list[bool]:
    """For each position i, whether a new line may start at text[i]: the rule, spelled out."""
    inside = [False] * len(text)
    start = 0
    for i in range(len(text) + 1):
        if i == len(text) or text[i].isspace():
            if i - start > LONG_COMPOUND:
                inside[start:i] = [True] * (i - start)
            start = i + 1
    can = [False] * (len(text) + 1)
    for i in range(1, len(text)):
        before, here = text[i - 1], text[i]
        if here.isspace():
            continue
        if before.isspace() or (_wide(before) and _wide(here)):
            ok = True
        elif _wide(before) != _wide(here):
            ok = not (before.isalnum() and here.isalnum())
        else:
            ok = before == "-" and inside[i] and i >= 2 and text[i - 2].isalpha() and here.isalpha()
        can[i] = ok and here not in CLOSING and before not in OPENING
    return can


def rule_longest(text: str, measure) -> int:
    can = rule(text)
    longest = start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or can[i] or text[i] == "\n":
            longest = max(longest, measure(text[start:i].strip()))
            start = i
    return longest


def rule_offsets(text: str, widths, fold: bool, measure) -> list[int]:
    """Where lines start, measuring each character as it is reached (the first build)."""
    if isinstance(widths, int):
        widths = [widths]
    can = rule(text)
    offsets: list[int] = []
    start, n = 0, len(text)
    while start < n:
        width = max(widths[min(len(offsets), len(widths) - 1)], 1)
        used, end, last = 0, start, None
        while end < n:
            used += measure(text[end])
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


#: Text like the plan's: English words, long compounds, Chinese, punctuation of both, digits,
#: spaces of every kind.
PIECES = st.sampled_from(
    [
        "integration-of-informatization",
        "year-end",
        "-",
        " ",
        "\t",
        "\n",
        "\u3000",
        "\x1c",
        "两化融合",
        "（",
        "）",
        "，",
        "。",
        "%",
        "(",
        ")",
        "APP",
        "2023年",
        "亿元",
        "a",
        "Z",
        "9",
        "…",
        "“",
        "”",
    ]
)
PLAN_LIKE = st.lists(PIECES, max_size=30).map("".join)


@given(st.one_of(st.text(), st.text(alphabet=st.characters(max_codepoint=127)), PLAN_LIKE))
@example("The integration-of-informatization index (两化融合发展水平) reached 55.")
@example("a-b-c-d-e-f-g-h-i-j")
@example("(x) [y] {z} 'a'. b, c; d: e! f? g…")
def test_the_breaker_follows_its_rule(text):
    assert list(linebreak.opportunities(text)) == rule(text)
    assert list(linebreak.opportunities(text)) == rule(text)  # and so does the answer it keeps
    for measure in (linebreak.cells, cell_len):
        assert linebreak.longest_piece(text, measure) == rule_longest(text, measure)
    assert linebreak.cells(text) == sum(2 if _wide(c) else 1 for c in text)


@given(
    st.one_of(st.text(), PLAN_LIKE).map(lambda t: t.replace("\n", " ")),
    st.one_of(st.integers(-2, 40), st.lists(st.integers(-2, 40), min_size=1, max_size=3)),
    st.booleans(),
)
def test_lines_break_where_the_rule_breaks_them(text, widths, fold):
    for measure in (linebreak.cells, cell_len):
        expected = rule_offsets(text, widths, fold, measure)
        assert linebreak.break_offsets(text, widths, fold, measure) == expected


def test_a_line_narrower_than_a_character_still_ends():
    """Without folding, a character wider than the line at a place a line may start used to be
    found again and again (the search for the next break began at that very place): the loop
    never ended and memory grew until the machine ran out. Found by the property test above."""
    assert linebreak.break_offsets("a 两两 b", 1, fold=False) == [2, 3, 5]
    assert linebreak.break_offsets("两", 1, fold=False) == []
