"""Third-party packages that only some commands need, imported when first needed at the least cost."""

from __future__ import annotations

import sys


def import_openpyxl() -> None:
    """Import openpyxl without numpy, unless numpy is already imported.

    openpyxl imports numpy whenever it is installed (it is, as a dependency of pandas) only to
    accept numpy's number types in cells; wcplan writes and reads Python numbers only, and
    importing numpy costs more than the rest of `report -f xlsx` (benchmarks/startup.py).
    """
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` fails: openpyxl does without
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]
