"""The cells of a large plain CSV file as numpy reads them (wcplan.reading.cells): exactly csv.reader's,
numbered by their distinct texts in the order they first appear; and any other file left to
reading row by row."""

from __future__ import annotations

import csv
import io
import random
import subprocess
import sys

import numpy as np
import pytest

from conftest import ROOT
from wcplan.reading import cells
from wcplan.reading.cells import factorize, read_cells

#: Texts a plain cell can hold: short and long (the 8-byte words of a longer one are mixed into one
#: key), alike in their first or last 8 bytes, Chinese, spaces, tab, empty.
TEXTS = [
    "",
    " ",
    "1",
    "42",
    "2022-Q2",
    "2022-Q22",
    "12345678",
    "123456789",
    "区统计局",
    "区统计局 ",
    " 区统计局",
    "\t区工信局",
    "%",
    "100.5%",
    "AAAAAAAABBBBBBBBCCCCCCCC",
    "AAAAAAAAXXXXXXXXCCCCCCCC",
    "AAAAAAAABBBBBBBBCCCCCCCD",
    "AAAAAAAABBBBBBBBCCCCCCC",
    "x" * 70,
    "x" * 71,
    "初步数，待核实" * 3,
    "a b c d e f g h i",
]


def plain_file(rng: random.Random, rows: int, width: int, crlf: bool, last_newline: bool) -> str:
    pools = [rng.sample(TEXTS, rng.randint(1, len(TEXTS))) for _ in range(width)]
    lines = [",".join(f"h{j}" for j in range(width))]
    for _ in range(rows):
        cells_ = [rng.choice(pool) for pool in pools]
        if not "".join(cells_).strip():
            cells_[0] = "1"  # a row with nothing is no plain file
        lines.append(",".join(cells_))
    end = "\r\n" if crlf else "\n"
    return end.join(lines) + (end if last_newline else "")


def by_csv_reader(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))[1:]


def assert_read_alike(text: str, width: int) -> None:
    expected = by_csv_reader(text)
    used = list(range(width))
    found = read_cells(text.encode("utf-8"), width, used)
    assert found is not None
    for j in used:
        codes, texts = found[j]
        column = [row[j] for row in expected]
        assert [texts[c] for c in codes.tolist()] == column
        assert texts == list(dict.fromkeys(column))  # numbered in the order first met


@pytest.mark.parametrize("seed", range(16))
def test_cells_are_csv_readers(seed):
    rng = random.Random(seed)
    width = rng.randint(2, 6)
    text = plain_file(rng, rng.randint(1, 300), width, crlf=seed % 2 == 1, last_newline=seed % 4 < 2)
    assert_read_alike(text, width)


def test_cells_told_apart_when_their_keys_collide(monkeypatch):
    """With keys made to collide (no mixing at all: a long cell's key is its last word), the cells are
    told apart one by one, and read alike still."""
    monkeypatch.setattr(cells, "MIX", np.uint64(0))
    slow = []
    original = cells.exactly
    monkeypatch.setattr(cells, "exactly", lambda *args: slow.append(1) or original(*args))
    for pair in (
        ["AAAAAAAABBBBBBBBCCCCCCCC", "AAAAAAAAXXXXXXXXCCCCCCCC"],  # a middle word differs
        ["AAAAAAAABBBBBBBBCCCCCCCC", "ZAAAAAAABBBBBBBBCCCCCCCC"],  # the first word differs
        ["AAAAAAAACCCCCCCC", "AAAAAAAABBBBBBBBCCCCCCCC"],  # the lengths differ
    ):
        text = "a,b\n" + "".join(f"{cell},{n}\n" for n, cell in enumerate(pair * 3))
        slow.clear()
        assert_read_alike(text, 2)
        assert slow  # the collision was found
    monkeypatch.undo()
    slow.clear()
    assert_read_alike("a,b\n" + "".join(f"{cell},1\n" for cell in TEXTS if cell.strip()), 2)


@pytest.mark.parametrize(
    "text",
    [
        'a,b\n1,"2"\n',  # a quote
        "a,b\n1,2\r3,4\n",  # a CR alone
        "a,b\n1,2\r",  # a CR at the very end
        "a,b\n1,2\x1b\n",  # a control character
        "a,b\n1,2\x00\n",
        "a,b\n1,2,3\n",  # ragged
        "a,b\n1\n",
        "a,b\n1,2\n\n3,4\n",  # a blank line
        "a,b\n",  # no data line
        "a,b",
        "a,b\n,\n",  # a row with nothing
        "a,b\n1,\u202e2\n",  # a control character beyond ASCII
    ],
)
def test_only_plain_files_have_cells(text):
    assert read_cells(text.encode("utf-8"), 2, [0, 1]) is None


def test_a_file_of_one_column_is_left_to_rows():
    assert read_cells(b"a\n1\n2\n", 1, [0]) is None


def numbered(keys: list[int]) -> tuple[list[int], list[int]]:
    """factorize, in Python."""
    number: dict[int, int] = {}
    first = []
    for row, key in enumerate(keys):
        if key not in number:
            number[key] = len(number)
            first.append(row)
    return [number[k] for k in keys], first


@pytest.mark.parametrize("spread", [1, 50, 10**6, 2**62])
def test_factorize_numbers_keys_in_the_order_first_met(spread):
    rng = random.Random(spread)
    keys = [rng.randrange(-spread, spread) for _ in range(200)]
    keys += rng.choices(keys, k=300)
    codes, first = factorize(np.array(keys, dtype=np.int64))
    assert (codes.tolist(), first.tolist()) == numbered(keys)
    words = np.array(keys, dtype=np.int64).view(np.uint64)
    codes, first = factorize(words)
    assert (codes.tolist(), first.tolist()) == numbered(keys)
    empty = factorize(np.zeros(0, dtype=np.int64))
    assert [len(part) for part in empty] == [0, 0]


def test_a_large_file_is_read_without_pandas(tmp_path):
    """Importing pandas alone would cost more than reading a million rows (wcplan.reading.cells)."""
    path = tmp_path / "large.csv"
    path.write_text("indicator,year,value,source\n" + "1,2022,1352,x\n2,2022,1,x\n" * 50, encoding="utf-8")
    code = (
        "import sys\n"
        "import wcplan, wcplan.reading.actuals as reading\n"
        "from wcplan.base.findings import Batch\n"
        "reading.BULK_SIZE = 1\n"
        f"read = wcplan.read_actuals([{str(path)!r}])\n"
        "batch = any(isinstance(f, Batch) for f in read.found)\n"
        "print(batch, 'numpy' in sys.modules, 'pandas' in sys.modules)\n"
    )
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert p.stdout.split() == ["True", "True", "False"], p.stderr
