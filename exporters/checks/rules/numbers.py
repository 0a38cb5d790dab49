"""Numbers from one to nine written as digits in running text: "the first 4 weeks".

The PIF toolkit writes one to nine as words and 10 upwards as numerals (RNIB: one to ten). Digits
stay right where a reader looks a figure up: tables, doses and measurements ("2 tablets", "5 mg"),
times and dates ("9:30", "3 May"), temperatures, phone numbers, money, and the numbers of a series
("stage 2", "type 1 diabetes", "Press 1"). Easy read is not checked: its guides write every number
as a digit.
"""

from __future__ import annotations

import re

from ..units import Sentence
from ..wordlists import load_yaml
from .base import Context, Rule, Scope, Switches

NUMBER_WORDS = "zero one two three four five six seven eight nine".split()
_FIGURE = re.compile(r"^\d+$")
_SMALL = re.compile(r"^(\d+)(st|nd|rd|th|-\d+|-[a-z]+)?$")
_IN_A_FIGURE = re.compile(r"^[:./,×x–-]\d|^\s*(?:°|%|£|\$)")  # 9:30, 1/2, 2,000, 3-4, 5%, 5°


def small_number(context: Context, switches: Switches) -> None:
    data = load_yaml("numbers.yaml")
    for sentence, settings in context.sentences_for(switches):
        if sentence.block.kind == "table-cell":
            continue
        for index, word in enumerate(sentence.words):
            value = small_figure(word, data, settings["largest"])
            if value is None or _stays_a_figure(sentence, index, data):
                continue
            context.report_at("small-number", settings.severity, sentence, index,
                              f'"{word}" is a small number written as a figure.',
                              f'Write it as a word: "{NUMBER_WORDS[value]}". Keep figures for 10 and '
                              "over, doses, measurements, times and dates.", word)  # fmt: skip


def small_figure(word: str, data: dict, largest: int) -> int | None:
    """The number a word writes as a figure from 1 to `largest`: "4", "2nd", "6-week", "2-4" (a
    range that stays under 10); None for anything else."""
    found = _SMALL.match(word.lower())
    if not found:
        return None
    value, rest = int(found.group(1)), found.group(2) or ""
    if not 1 <= value <= largest:
        return None
    if rest.startswith("-") and rest[1:].isdigit():
        return value if int(rest[1:]) <= largest else None  # "7-14 days" runs past nine
    if rest.startswith("-") and rest[1:] in data["units"]:
        return None  # "a 5-mg tablet"
    return value


def _stays_a_figure(sentence: Sentence, index: int, data: dict, ranges: bool = True) -> bool:
    """Whether the figure is a dose, a measurement, a time, a date, money or one of a series."""
    words, gaps = sentence.words, sentence.gaps
    before_gap = gaps[index - 1] if index else sentence.text[: sentence.spans[0][0]]
    after = gaps[index] + (words[index + 1] if index + 1 < len(words) else "")
    if re.search(r"[£$#/:.\-–]\s*$", before_gap) or _IN_A_FIGURE.match(after):
        return True
    if before_gap.endswith("(") and gaps[index].startswith(")"):
        return True  # "(1)": the number of a point
    previous = _word_before_the_list(words, index)
    following = _following_word(sentence, index)
    if previous in data["numbered"] or previous in data["dates"] or following in data["dates"]:
        return True
    if following in data["units"]:
        return True
    if not ranges:
        return False
    other = _other_figure(words, index)
    if other is None:
        return False
    # "5 to 10 days", "1 in 20 people", "1 or 2 tablets"
    return int(words[other]) > 9 or _stays_a_figure(sentence, other, data, ranges=False)


def _word_before_the_list(words: tuple[str, ...], index: int) -> str:
    """The word before the figure, or before the list of figures it ends: "days 1, 3 and 5" ->
    "days" for each of them."""
    while index > 0:
        if _FIGURE.match(words[index - 1]):
            index -= 1
        elif words[index - 1].lower() in ("and", "or") and index >= 2 and _FIGURE.match(words[index - 2]):
            index -= 2
        else:
            break
    return words[index - 1].lower() if index else ""


def _other_figure(words: tuple[str, ...], index: int) -> int | None:
    """Where the other figure of "5 to 10", "1 or 2", "1 in 20", "7 out of 10" is, if it has one."""
    after = [word.lower() for word in words[index + 1 : index + 4]]
    for joining in (["to"], ["or"], ["and"], ["in"], ["out", "of"]):
        size = len(joining)
        if after[:size] == joining and len(after) > size and _FIGURE.match(after[size]):
            return index + 1 + size
    return None


def _following_word(sentence: Sentence, index: int) -> str:
    """The word after the figure, past "of" ("3 of May") and a range's other figure ("1 to 2 mg")."""
    words = [word.lower() for word in sentence.words[index + 1 : index + 4]]
    if words[:1] == ["of"]:
        words = words[1:]
    if len(words) >= 2 and words[0] in ("to", "or", "and") and _FIGURE.match(words[1]):
        words = words[2:]
    elif words and _FIGURE.match(words[0]):
        words = words[1:]
    return words[0] if words else ""


RULES = (Rule("small-number", Scope.SENTENCE, small_number, profiles=("standard",)),)
