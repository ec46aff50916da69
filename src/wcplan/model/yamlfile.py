"""The one YAML loader of the plan file and the tasks file: safe, without aliases or repeated keys.

Neither file needs an anchor, an alias or a merge key, and refusing them bounds what a small
file can expand to (the "billion laughs"). A key given twice in one mapping would otherwise
keep its last value without a word. Both are refused while the file is read, before any
validation, at the line and column of the anchor, alias or repeated key, and so is a scalar
that YAML reads as a date or a number but that cannot be one (2021-02-30, thousands of
digits, or so large that no float holds it), or that a tag in the file makes what it is not
(!!timestamp 2020). Nesting is capped too: the plan file needs five levels, and the composer is
recursive.
"""

from __future__ import annotations

import sys
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode
from yaml.resolver import Resolver

from wcplan.base.i18n import _

try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml
    CParser = None

MAX_DEPTH = 50
#: Whole numbers from this on are refused: a float holds none of them (its largest is 2**1024
#: less a little).
MAX_INTEGER = 2**1023
_MERGE = "tag:yaml.org,2002:merge"
_YAML_TAGS = "tag:yaml.org,2002:"
_TIMESTAMP = _YAML_TAGS + "timestamp"
_INT = _YAML_TAGS + "int"


class Refused(Exception):
    """Valid YAML that these files do not accept. `code` follows the file's prefix (plan-, tasks-)."""

    def __init__(self, code: str, sentence: str, mark):
        super().__init__(sentence)
        self.code = code
        self.sentence = sentence
        self.line, self.column = mark.line + 1, mark.column + 1


if CParser is not None:

    class _SafeParts(Composer, CParser, SafeConstructor, Resolver):
        """The safe loader with libyaml's C parser (several times faster on the plan file than
        PyYAML's own) and PyYAML's composer, which sees every anchor and alias."""

        def __init__(self, stream):
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

else:
    _SafeParts = yaml.SafeLoader


def _refuse_alias(mark) -> Refused:
    return Refused(
        "yaml-alias",
        _(
            "YAML anchors, aliases and merge keys (&name, *name, <<) are not allowed in this file; "
            "write each value out in full."
        ),
        mark,
    )


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


def _unreadable(node: ScalarNode, exc: Exception, tagged: bool) -> Refused:
    """The sentence for a scalar that its tag's constructor could not build (`tagged`: a tag
    written in the file, not one YAML gave the plain text)."""
    text = node.value
    shown = _shown(text)
    digits = sum(c.isdigit() for c in text)
    if (
        node.tag == _TIMESTAMP
        and isinstance(exc, ValueError)
        and SafeConstructor.timestamp_regexp.match(text)
    ):
        sentence = _("'{value}' is not a date that exists ({reason}); correct it.").format(
            value=shown, reason=exc
        )
    elif node.tag == _INT and 0 < sys.get_int_max_str_digits() < digits:
        sentence = _("the number '{value}' has {n} digits, more than can be read.").format(
            value=shown, n=digits
        )
    elif tagged:
        sentence = _("'{value}' cannot be read as {tag}; correct it, or write it without the tag.").format(
            value=shown, tag=node.tag.replace(_YAML_TAGS, "!!")
        )
    else:  # 0x_: YAML's pattern of a number, without a digit
        sentence = _(
            "'{value}' is not a number that can be read; correct it, or quote it if it is text."
        ).format(value=shown)
    return Refused("yaml-value", sentence, node.start_mark)


class Refusals:
    """What the loader refuses: anchors, aliases, merge keys, repeated keys and deep nesting."""

    _depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent) or event.anchor is not None:
            raise _refuse_alias(event.start_mark)
        if self._depth >= MAX_DEPTH:
            raise Refused(
                "yaml-depth",
                _("the file nests more than {limit} levels deep.").format(limit=MAX_DEPTH),
                event.start_mark,
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node, deep=False):
        # PyYAML builds a scalar with datetime.date(), int() or a table lookup, trusting that its
        # text fits the type: it fails, with whatever those raise, on a date that does not exist
        # (2021-02-30), on more digits than int() converts, and on text given an explicit tag it
        # does not fit (!!timestamp 2020, !!bool x, !!int '').
        try:
            value = super().construct_object(node, deep=deep)
        except (ValueError, OverflowError, TypeError, KeyError, IndexError, AttributeError) as exc:
            if not isinstance(node, ScalarNode):
                raise
            # plain text (style None, or '' from libyaml) that YAML itself typed, or a tag in the file
            plain = not node.style and self.resolve(ScalarNode, node.value, (True, False)) == node.tag
            raise _unreadable(node, exc, tagged=not plain) from None
        # A whole number in hex, octal, binary or base 60 has no bound on its digits (0xfff…): one
        # beyond a float's range fits no sum or ratio, and past 4300 digits not even str().
        if type(value) is int and abs(value) >= MAX_INTEGER:
            raise Refused(
                "yaml-value",
                _("the number '{value}' is larger than any figure can be; correct it.").format(
                    value=_shown(node.value)
                ),
                node.start_mark,
            )
        return value

    def construct_mapping(self, node, deep=False):
        # SafeConstructor's own would merge `<<` keys and let a repeated key overwrite the first.
        if not isinstance(node, MappingNode):
            raise ConstructorError(
                None, None, f"expected a mapping node, but found {node.id}", node.start_mark
            )
        mapping: dict = {}
        first_line: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise _refuse_alias(key_node.start_mark)
            key = self.construct_object(key_node, deep=deep)
            try:
                seen = key in first_line
            except TypeError:
                raise ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found unhashable key",
                    key_node.start_mark,
                ) from None
            if seen:
                text = key_node.value if isinstance(key_node, ScalarNode) else str(key)
                sentence = _(
                    "the key '{key}' appears twice in this mapping (first on line {line}); keep one."
                )
                raise Refused(
                    "duplicate-key", sentence.format(key=text, line=first_line[key]), key_node.start_mark
                )
            first_line[key] = key_node.start_mark.line + 1
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


class StrictLoader(Refusals, _SafeParts):
    """yaml.safe_load's loader with the refusals."""


def load_yaml(text: str) -> Any:
    """The data of a YAML document. Raises Refused for what these files do not accept, and
    yaml.YAMLError for what is not YAML."""
    return yaml.load(text, Loader=StrictLoader)
