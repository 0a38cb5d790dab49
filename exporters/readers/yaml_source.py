"""Reading YAML written by people (front matter, the shared glossary) safely and with its lines.

PyYAML's safe loader builds no Python objects, but it still lets a few lines of text do harm or
mislead: aliases that expand a kilobyte into gigabytes (`&a [*b, *b, ...]`), nesting deep enough
to exhaust the interpreter's stack, escapes such as "\\x1b" or "\\ud800" that make characters no
XML file or terminal should receive, and a key written twice, of which only the last would count.
This loader refuses each with its line. It also keeps keys as the text written (`null:` is the
word "null", not None; `yes:` is "yes"), leaves dates as text so that a bad date is reported with
its line, and records the line of every key and list entry for later messages.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import UNSAFE_CHARACTER

MAX_DEPTH = 20  # settings inside settings: a leaflet needs four levels at most


class YamlRefusal(Exception):
    """Something the loader will not accept, with the source line it stands on."""

    def __init__(self, line: int, message: str, hint: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint


class Mapping(dict):
    """A mapping as read: `line` is its first line, `key_lines` the line of each key and
    `written` the text of each plain value as written (version 1.10 stays "1.10")."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[str, int] = {}
        self.written: dict[str, str] = {}


class Sequence(list):
    """A list as read, with the line of each entry in `item_lines`."""

    def __init__(self) -> None:
        super().__init__()
        self.line = 0
        self.item_lines: list[int] = []


class _Loader(yaml.SafeLoader):
    first_line = 1  # the source line of the text's first line

    def __init__(self, text: str, first_line: int) -> None:
        super().__init__(text)
        self.first_line = first_line
        self._depth = 0

    def line_of(self, node_or_event) -> int:
        return node_or_event.start_mark.line + self.first_line

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise YamlRefusal(
                self.line_of(self.peek_event()),
                "This line repeats an earlier value with a YAML alias ('*').",
                "Write the value out in full here: leaflet does not accept aliases.",
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlRefusal(
                    self.line_of(self.peek_event()),
                    f"The settings here are nested more than {MAX_DEPTH} deep.",
                    "A setting needs a few levels of indentation at most: check the spaces before each line.",
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_scalar(self, node) -> str:
        value = super().construct_scalar(node)
        unsafe = UNSAFE_CHARACTER.search(value)
        if unsafe:
            raise YamlRefusal(
                self.line_of(node),
                f"The text here has an invisible control character (U+{ord(unsafe.group()):04X}).",
                "Delete it: such characters often come in when text is copied from another program, "
                "or are written as an escape such as \\x1b or \\0.",
            )
        return value


def _construct_mapping(loader: _Loader, node: yaml.MappingNode):
    mapping = Mapping()
    mapping.line = loader.line_of(node)
    yield mapping
    for key_node, value_node in node.value:
        line = loader.line_of(key_node)
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlRefusal(line, "A setting's name here is a list or a group, not a word.",
                              "Write the name of the setting, then ':', then its value.")  # fmt: skip
        key = loader.construct_scalar(key_node).strip()
        if not key:
            raise YamlRefusal(
                line, "This line has a ':' with no name before it.",
                "Write the name of the setting before the ':', for example 'title: ...'.",
            )  # fmt: skip
        if key in mapping:
            first = mapping.key_lines[key]
            raise YamlRefusal(
                line, f"'{key}' is written twice here (first on line {first}); only one can count.",
                "Keep one of them: delete the other line, or join what they say into one.",
            )  # fmt: skip
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
        if isinstance(value_node, yaml.ScalarNode):
            mapping.written[key] = value_node.value


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode):
    sequence = Sequence()
    sequence.line = loader.line_of(node)
    yield sequence
    for item in node.value:
        sequence.append(loader.construct_object(item, deep=True))
        sequence.item_lines.append(loader.line_of(item))


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def load_yaml(text: str, first_line: int) -> Any:
    """The value of a YAML text whose first line is line `first_line` of its file.

    Raises YamlRefusal for what this loader refuses and yaml.YAMLError for text that is not YAML.
    """
    loader = _Loader(text, first_line)
    try:
        return loader.get_single_data()
    except RecursionError:  # the depth limit stops nesting; flow text such as [[[[ is also caught here
        raise YamlRefusal(
            first_line, f"The settings are nested more than {MAX_DEPTH} deep.",
            "A setting needs a few levels of brackets or indentation at most.",
        ) from None  # fmt: skip
    finally:
        loader.dispose()


def plain(value: Any) -> Any:
    """The value with plain dicts and lists in place of Mapping and Sequence (for the model)."""
    if isinstance(value, dict):
        return {key: plain(entry) for key, entry in value.items()}
    if isinstance(value, list):
        return [plain(entry) for entry in value]
    return value
