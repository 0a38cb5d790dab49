"""What an officer most likely did when the front matter cannot be read, in their own words.

YAML's own messages ("mapping values are not allowed here", "found character '\\t' that cannot
start any token") name the parser's state, often on the line after the mistake. The usual
mistakes are few: a missing ':', a tab, a ':' inside a value, a quote left open, the closing
'---' forgotten. Each is recognised from the lines themselves and told with the line it is on
and one sentence of what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

KEY = re.compile(r"^\s*(?:-\s+)?[^\s:#'\"][^:]*:(?:\s|$)")  # "name:" or "- name:" at the start
HEADING = re.compile(r"^#{1,6}\s+\S")


@dataclass(frozen=True, slots=True)
class Mistake:
    line: int  # the index of the line in the front matter (0 is the line after the first '---')
    message: str
    hint: str


def closing_forgotten(lines: list[str], text_line: int) -> Mistake:
    """The front matter runs into the text of the leaflet at `text_line`."""
    last = _last_setting(lines, text_line)
    after = f" (line {last + 2})" if last is not None else ""
    return Mistake(
        text_line, "The front matter is not closed: the leaflet's text starts here.",
        f"Put a line '---' after the last front-matter setting{after}, before the text.",
    )  # fmt: skip


def text_inside(lines: list[str]) -> int | None:
    """The line where the leaflet's text seems to start inside the front matter, or None.

    A Markdown heading of level 2 or more cannot be a YAML comment anyone would write; a line
    '# ...' is a heading when ordinary text that is no setting follows it.
    """
    for index, line in enumerate(lines):
        if re.match(r"^#{2,6}\s+\S", line):
            return index
        if HEADING.match(line):
            following = next((later for later in lines[index + 1 :] if later.strip()), "")
            if following and not following.startswith((" ", "#", "-")) and not KEY.match(following):
                return index
    return None


def first_text_line(lines: list[str]) -> int | None:
    """With no closing '---' at all: the first line that can be no setting (text at the margin)."""
    for index, line in enumerate(lines):
        if line.strip() and not line.startswith((" ", "#", "-")) and not KEY.match(line):
            return index
    return None


def explain(error: yaml.YAMLError, lines: list[str], keys: tuple[str, ...]) -> Mistake:
    """The officer's mistake behind a YAML error in these front-matter lines; `keys` are the
    names of the settings a leaflet can have."""
    mark = getattr(error, "problem_mark", None)
    at = min(mark.line, len(lines) - 1) if mark else 0
    problem = getattr(error, "problem", "") or ""
    found = _tab(lines, at) or _missing_colon(lines, at, keys) or _colon_in_value(lines, at, problem)
    found = found or _open_quote(error, at)
    if found:
        return found
    if "expected <block end>" in problem or "expected ':'" in problem:
        return Mistake(at, "This line does not line up with the lines above it.",
                       "Start each setting of a group with the same number of spaces, and each "
                       "list entry with '- ' at the same place.")  # fmt: skip
    return Mistake(
        at, "The front matter cannot be read here.",
        "Write each setting on a line of its own as 'name: value', indented with spaces.",
    )  # fmt: skip


def _tab(lines: list[str], at: int) -> Mistake | None:
    for index, line in enumerate(lines[: at + 1]):
        if "\t" in line:
            return Mistake(index, "This line has a tab in it, and the front matter cannot have tabs.",
                           "Replace the tab with spaces: two spaces for each step in.")  # fmt: skip
    return None


def _missing_colon(lines: list[str], at: int, keys: tuple[str, ...]) -> Mistake | None:
    """A line that should be a setting but has no ':' (or, at the top, the text of the leaflet)."""
    significant = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    for position, index in enumerate(significant):
        if index > at:
            break
        line = lines[index]
        if KEY.match(line) or line.lstrip().startswith(("-", "'", '"', "[", "{", "|", ">")):
            continue
        indent = _indent(line)
        before = [lines[i] for i in significant[:position] if _indent(lines[i]) == indent]
        after = [lines[i] for i in significant[position + 1 :]]
        next_is_key = bool(after and KEY.match(after[0]))
        sibling = bool(before and KEY.match(before[-1])) or (next_is_key and _indent(after[0]) == indent)
        opens_group = next_is_key and _indent(after[0]) > indent
        if indent and not sibling and not opens_group:
            continue  # the second line of a long value
        named = line.split()[0].lower() in keys
        if not named and not any(KEY.match(later) for later in after) and indent == 0 and position:
            return closing_forgotten(lines, index)
        return missing_colon(lines, index)
    return None


def missing_colon(lines: list[str], index: int | None = None) -> Mistake:
    """The setting on line `index` (the first that has words, by default) has no ':'."""
    if index is None:
        index = next((i for i, line in enumerate(lines) if line.strip()), 0)
    name, _, rest = lines[index].strip().partition(" ")
    example = f"{name}: {rest}" if rest else f"{name}:"
    return Mistake(index, "This line has no ':' after the name of its setting.",
                   f"Put a ':' and a space after the name: '{example}'.")  # fmt: skip


def _colon_in_value(lines: list[str], at: int, problem: str) -> Mistake | None:
    if problem != "mapping values are not allowed here":
        return None
    content = lines[at].strip()
    lead = "- " if content.startswith("- ") else ""
    name, _, value = content.removeprefix(lead).partition(": ")
    if not value:
        return None
    quoted = value.replace('"', "'")
    return Mistake(at, "The value on this line has a ':' in it, so it reads as a second setting.",
                   f'Put the value in double quotes: {lead}{name}: "{quoted}"')  # fmt: skip


def _open_quote(error: yaml.YAMLError, at: int) -> Mistake | None:
    """A quote mark or a bracket opened and never closed."""
    context = getattr(error, "context", "") or ""
    opened = error.context_mark.line if getattr(error, "context_mark", None) else at
    if "quoted scalar" in context:
        return Mistake(
            opened,
            "A quote mark on this line is opened but never closed.",
            "Add the closing quote mark at the end of the value, or remove the opening one.",
        )
    if "flow sequence" in context or "flow mapping" in context:
        return Mistake(
            opened,
            "A bracket ('[' or '{') on this line is opened but never closed.",
            "Close it with ']' or '}', or put the whole value in double quotes.",
        )
    return None


def _last_setting(lines: list[str], before: int) -> int | None:
    return next((i for i in range(before - 1, -1, -1) if KEY.match(lines[i])), None)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
