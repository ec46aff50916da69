"""The records of the plan and tasks files built without pydantic (wcplan.model.strict) against
pydantic's schema (wcplan.model.schema): whatever is built directly, pydantic accepts with the
same values; whatever is not, pydantic decides, and its errors stay the file's messages (the
messages themselves: tests/test_plan_loading.py). Mutations of the shipped files cover every
field with values of every kind."""

from __future__ import annotations

import copy
import datetime as dt
import random
import subprocess
import sys

import pytest

from conftest import DATA, ROOT
from wcplan.model import schema
from wcplan.model.plan import Plan
from wcplan.model.strict import Doubt, Invalid
from wcplan.model.tasks import TasksFile
from wcplan.model.yamlfile import load_yaml

FILES = {Plan: DATA / "targets.yaml", TasksFile: DATA / "tasks.yaml"}
VALUES = [None, True, False, 0, 3, 2022, 1.5, -1, -0.5, float("nan"), float("inf"), "", "text", "2021-03-31"]
VALUES += [
    "increase",
    "cumulative",
    "flow",
    "level",
    [],
    [1],
    ["a"],
    {},
    {"a": 1},
    {2021: 1},
    dt.date(2021, 3, 31),
]


def data_of(kind):
    return load_yaml(FILES[kind].read_text(encoding="utf-8"))


def built(kind, data):
    try:
        return kind.build(copy.deepcopy(data))
    except Doubt:
        return None


def by_pydantic(kind, data):
    try:
        return schema.validate(kind, copy.deepcopy(data))
    except Invalid:
        return "invalid"


@pytest.mark.parametrize("kind", [Plan, TasksFile])
def test_the_shipped_files_are_built_as_pydantic_builds_them(kind):
    data = data_of(kind)
    direct = built(kind, data)
    assert direct is not None  # the shipped files never need pydantic
    assert direct == by_pydantic(kind, data)
    validated = getattr(schema, kind.__name__).model_validate(data)
    for mode in ("python", "json"):
        assert direct.model_dump(mode) == validated.model_dump(mode=mode)


def paths(data, at=()):
    """Every place in the data: (path, container, key)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*at, key), data, key
            yield from paths(value, (*at, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield (*at, index), data, index
            yield from paths(value, (*at, index))


@pytest.mark.parametrize("kind", [Plan, TasksFile])
@pytest.mark.parametrize("seed", range(4))
def test_what_is_built_directly_pydantic_accepts_alike(kind, seed):
    """Each place of the file given another value, removed, or joined by an unknown field: either
    the records are built directly and pydantic builds the same, or pydantic decides."""
    rng = random.Random(seed)
    original = data_of(kind)
    places = [path for path, _container, _key in paths(original)]
    direct = 0
    for path in rng.sample(places, min(len(places), 150)):
        for change in rng.sample(range(len(VALUES) + 2), 6):
            data = copy.deepcopy(original)
            container = data
            for part in path[:-1]:
                container = container[part]
            key = path[-1]
            if change == len(VALUES):
                if isinstance(container, dict):
                    del container[key]
                else:
                    container.pop(key)
            elif change == len(VALUES) + 1:
                if not isinstance(container, dict):
                    continue
                container["unknown"] = 1
            else:
                container[key] = VALUES[change]
            record = built(kind, data)
            if record is not None:
                direct += 1
                assert by_pydantic(kind, data) == record, (path, change)
    assert direct  # some changes keep the file plainly valid


def test_loading_the_shipped_files_imports_no_pydantic():
    code = (
        "import sys\nimport wcplan\nplan = wcplan.load_plan()\nwcplan.load_tasks(plan=plan)\n"
        "print('pydantic' in sys.modules)"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert p.stdout.strip() == "False", p.stderr
