"""What the property tests share: running wcplan on files with the checks every run must pass,
and the ways a valid file is damaged.

Every run, in-process (`invoke`) or as a process (`run_module`), must end with an exit code
the test allows (0 valid, 1 invalid data; never 3, a crash), print no traceback and no Python
warning, and leave every input file with the bytes and modification time it had.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import warnings
from collections.abc import Iterable
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import DATA, ROOT
from wcplan.cli import app

RUNNER = CliRunner()
PLAN = DATA / "targets.yaml"
#: The files of the shipped data that a run may read.
SHIPPED = sorted([PLAN, DATA / "tasks.yaml", *DATA.glob("actuals/*"), *DATA.glob("progress/*")])


def examples(n: int) -> int:
    """`n` examples under the default profile (100 examples a test), scaled with the profile
    chosen by HYPOTHESIS_PROFILE (tests/conftest.py): `long` runs 40 times as many."""
    return max(1, n * settings.default.max_examples // 100)


#: Warnings Python does not print by default (outside __main__, or without -W).
_HIDDEN_WARNINGS = (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)


def fingerprint(paths: Iterable[Path]) -> dict[Path, tuple[bytes, int]]:
    """Each file's bytes and modification time (nanoseconds)."""
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths}


def invoke(args: list, inputs: Iterable[Path], allowed=(0, 1)):
    """Run `wcplan ARGS` in-process; check the exit code, the output and the inputs."""
    inputs = [*inputs, *SHIPPED]
    before = fingerprint(inputs)
    args = [str(a) for a in args]
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        result = RUNNER.invoke(app, args)
    shown = f"wcplan {' '.join(args)}\nexit {result.exit_code}\n{result.output}"
    if result.exit_code == 3 or not (result.exception is None or isinstance(result.exception, SystemExit)):
        shown += "\n" + _traceback(args)
    assert result.exception is None or isinstance(result.exception, SystemExit), shown
    assert result.exit_code in allowed, shown
    assert "Traceback" not in result.output, shown
    assert fingerprint(inputs) == before, "an input file changed:\n" + shown
    shown_by_python = [w for w in warned if not issubclass(w.category, _HIDDEN_WARNINGS)]
    assert shown_by_python == [], shown + "\n" + "\n".join(str(w.message) for w in shown_by_python)
    return result


def _traceback(args: list[str]) -> str:
    """The traceback of a crash, for the failure message: the same run with WCPLAN_DEBUG=1."""
    import traceback

    result = RUNNER.invoke(app, args, env={"WCPLAN_DEBUG": "1"})
    if result.exc_info is None:
        return ""
    return "".join(traceback.format_exception(*result.exc_info))


def run_module(args: list, inputs: Iterable[Path], allowed=(0, 1)) -> subprocess.CompletedProcess:
    """Run `python -m wcplan ARGS` as a process, with the same checks as `invoke`."""
    inputs = [*inputs, *SHIPPED]
    before = fingerprint(inputs)
    env = {k: v for k, v in os.environ.items() if k not in ("WCPLAN_DEBUG", "WCPLAN_TARGETS")}
    proc = subprocess.run(
        [sys.executable, "-m", "wcplan", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    shown = f"python -m wcplan {' '.join(map(str, args))}\nexit {proc.returncode}\n{proc.stdout}{proc.stderr}"
    assert proc.returncode in allowed, shown
    assert "Traceback" not in proc.stdout + proc.stderr, shown
    assert not re.search(r"^\S.*:\d+: \w*Warning: ", proc.stderr, re.MULTILINE), shown
    assert fingerprint(inputs) == before, "an input file changed:\n" + shown
    return proc


# ── hostile text ─────────────────────────────────────────────────────────────

#: Cell texts that have broken readers: numbers too large, too long or not finite, formulas,
#: control characters, byte-order marks, separators and quotes, look-alike digits and periods.
HOSTILE_TEXTS = [
    "",
    " ",
    "1e308",
    "1e309",
    "-1e309",
    "1.7976931348623157e308",
    "9" * 400,
    "9" * 5000,
    "1" + "0" * 4300,
    "0." + "0" * 5000 + "1",
    "1,000,000,000,000,000,000,000",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "-0",
    "+0",
    "-1",
    "0x1A",
    "1_000",
    "1e",
    ".",
    "1,2,3",
    "１２３",
    "１２３．５％",
    "١٢٣",
    "²",
    "½",
    "𝟏𝟐𝟑",
    "100%",
    "100.0000001%",
    "%",
    "=1+1",
    '=HYPERLINK("http://x")',
    "@SUM(A1)",
    "\x00",
    "\x1b[31mred\x1b[0m",
    "\u202etxt",
    "\u200b",
    "\ufeff",
    "\r",
    "\n",
    "\r\n",
    '"',
    '""',
    '"a,b"',
    "'",
    ",",
    ";",
    "\t",
    "2022年",
    "２０２２",
    "2022-13",
    "2022-00",
    "2022-Q5",
    "2022-H3",
    "2022年十三月",
    "2022年0月",
    "99999",
    "9" * 30,
    "0",
    "00000000000000000001",
    "43",
    "C99",
    "C00",
    "G9",
    "1.1.1",
    "5.9",
    "2022-02-30",
    "2022/13/1",
    "9999-99-99",
    "2022年2月30日",
    "推进中",
    "done",
    "万元",
    "元",
    "个",
    "%",
    "百分比",
    "区工信",
    "illustrative",
    "x" * 5000,
    "中" * 2000,
]

#: Byte strings that are not text in any one encoding, or are in the wrong one.
HOSTILE_BYTES = [
    b"\xef\xbb\xbf",  # UTF-8 byte-order mark, in the middle of a file
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xd6\xd0\xce\xc4",  # 中文 in GBK
    b"\x81\x30\x81\x30",  # a four-byte GB18030 sequence
    b"\x80",
    b"\xff",
    b"\xc3\x28",  # broken UTF-8
    b"\xed\xa0\x80",  # a UTF-8-encoded surrogate
    b"\x00",
    b"PK\x03\x04",
    b"\r",
    b"\n",
    b"\r\n",
    b'"',
    b",",
]


@st.composite
def hostile_cell(draw) -> bytes:
    """The bytes of one hostile cell: a known troublemaker, any text, or any bytes."""
    kind = draw(st.sampled_from(["known", "text", "bytes"]))
    if kind == "bytes":
        return draw(st.one_of(st.sampled_from(HOSTILE_BYTES), st.binary(max_size=12)))
    text = draw(st.sampled_from(HOSTILE_TEXTS) if kind == "known" else st.text(max_size=20))
    encoding = draw(st.sampled_from(["utf-8", "gb18030", "utf-8-sig"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):  # quoted as a CSV writer would
        data = b'"' + data.replace(b'"', b'""') + b'"'
    return data


# ── mutations of a file's bytes ──────────────────────────────────────────────


@st.composite
def mutated(draw, data: bytes, max_steps: int = 4, cells: bool = True) -> bytes:
    """`data` after one to `max_steps` random edits: a byte flipped, bytes inserted or deleted, the
    file cut short, two lines swapped, a line repeated or dropped, and (`cells`: for CSV files) a
    cell replaced with hostile text."""
    kinds = ["flip", "insert", "delete", "truncate", "swap", "repeat", "drop"]
    kinds += ["cell"] * 3 if cells else []
    for _step in range(draw(st.integers(1, max_steps))):
        kind = draw(st.sampled_from(kinds))
        size = len(data)
        if kind == "flip" and size:
            i = draw(st.integers(0, size - 1))
            data = data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1 :]
        elif kind == "insert":
            i = draw(st.integers(0, size))
            data = data[:i] + draw(st.one_of(st.sampled_from(HOSTILE_BYTES), hostile_cell())) + data[i:]
        elif kind == "delete" and size:
            i = draw(st.integers(0, size - 1))
            data = data[:i] + data[i + draw(st.integers(1, 64)) :]
        elif kind == "truncate":
            data = data[: draw(st.integers(0, size))]
        elif kind in ("swap", "repeat", "drop", "cell"):
            lines = data.split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            if kind == "swap":
                j = draw(st.integers(0, len(lines) - 1))
                lines[i], lines[j] = lines[j], lines[i]
            elif kind == "repeat":
                lines.insert(i, lines[i])
            elif kind == "drop":
                del lines[i]
            else:
                fields = lines[i].split(b",")
                fields[draw(st.integers(0, len(fields) - 1))] = draw(hostile_cell())
                lines[i] = b",".join(fields)
            data = b"\n".join(lines)
    return data
