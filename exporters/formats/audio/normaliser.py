"""Saying a sentence as people say it: "NHS 111" is "N H S one one one", "0300 123 4567" is read
digit by digit in its groups, "38°C" is "thirty-eight degrees Celsius", "haematology@example.org"
is "haematology at example dot org".

One regular expression finds every kind of thing that is not read as written; at any place the
leftmost match wins, and among matches that start at the same place the rule listed first. What
each unit, sign and short form becomes is data: layouts/audio/units.yaml. The leaflet's own
pronunciations come before every other rule.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from wordfreq import zipf_frequency

from .numbers import (
    MONTHS,
    cardinal,
    clock,
    day_of_month,
    digits,
    hour_and_minutes,
    is_one,
    money,
    ordinal,
    year,
)
from .spoken import Letters, Piece, Respelling, Words, merged

UNITS_FILE = "audio/units.yaml"
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
MONTH_NAMES = "|".join(MONTHS)
VOWELS = set("aeiouyAEIOUY")
SHOUTING = re.compile(r"(?<![\w-])[A-Z]{2,}(?: [A-Z]{2,})*(?![\w-])")


@lru_cache(maxsize=4)
def load_table(layouts: Path) -> dict:
    return yaml.safe_load((layouts / UNITS_FILE).read_text(encoding="utf-8"))


def _either(words, flags: str = "") -> str:
    """One alternative for each of the words, longest first, each as written."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(f"(?{flags}:{re.escape(word)})" if flags else re.escape(word) for word in ordered)


def _rules(table: dict, pronunciations: dict[str, str]) -> list[str]:
    """Every rule as a named group, in the order that decides between matches at one place."""
    said = [f"(?i:{re.escape(w)})" if w == w.lower() else re.escape(w) for w in
            sorted(pronunciations, key=len, reverse=True)]  # fmt: skip
    units = _either(table["units"])
    end = r"[^\s<>\"]*[^\s<>\".,;:!?)\]'’]"
    rules = [
        rf"(?P<said>(?<![\w-])(?:{'|'.join(said)})(?![\w-]))" if said else "",
        r"(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)",
        rf"(?P<url>(?:https?://|www\.){end}|(?<![@\w.])[a-z0-9-]+(?:\.[a-z0-9-]+)*"
        rf"\.(?:uk|org|com|net|gov|info)(?:/{end})?(?!\w))",
        r"(?P<phone>(?:\+44\s?(?:\(0\)\s?)?\d{2,4}|(?<![\d.,])0\d{2,4})(?:[ -]?\d{3,4}){1,2}(?!\d))",
        rf"(?P<service>(?<![\d.,])(?:{_either(table['said_as_digits'])})(?!\d|[.,]\d))",
        rf"(?P<date>\b(?P<date_day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<date_month>{MONTH_NAMES})"
        r"(?:,?\s+(?P<date_year>\d{4}))?\b)",
        rf"(?P<mdate>\b(?P<mdate_month>{MONTH_NAMES})\s+(?P<mdate_day>[0-3]?\d)(?:st|nd|rd|th)?"
        r"(?:,\s*(?P<mdate_year>\d{4}))?\b(?![.,]\d))",
        rf"(?P<mydate>\b(?P<mydate_month>{MONTH_NAMES})\s+(?P<mydate_year>1[89]\d\d|20\d\d)\b)",
        r"(?P<ndate>\b(?P<ndate_d>[0-3]?\d)/(?P<ndate_m>[01]?\d)/(?P<ndate_y>\d{4})\b)",
        r"(?P<time>(?<![\d.,])(?P<time_h>1[0-2]|0?[1-9])(?:[:.](?P<time_m>[0-5]\d))?\s?"
        r"(?P<time_s>[AaPp])(?:\.[Mm](?:\.(?=\s*[a-z,;]))?|[Mm])(?!\w))",
        r"(?P<clock>(?<![\d.:])(?P<clock_h>[01]?\d|2[0-3]):(?P<clock_m>[0-5]\d)(?![\d:]))",
        rf"(?P<temp>(?P<temp_n>{NUMBER})\s?(?:°\s?(?P<temp_u>[CF])?|(?P<temp_c>[CF]))(?![A-Za-z]))",
        r"(?P<money>£(?P<money_pounds>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<money_pence>\d{2}))?)",
        r"(?P<pence>(?<![\w.,£])(?P<pence_n>\d+)p(?!\w))",
        rf"(?P<percent>(?P<percent_n>{NUMBER})\s?%)",
        rf"(?P<dose>(?<![\d.,])(?P<dose_n>{NUMBER})\s?(?P<dose_u>{units})(?![\w/]))",
        rf"(?P<unit>(?<![\w/])(?:{_either(table['units_said_alone'])})(?![\w/]))",
        r"(?P<ordinal>(?<![\w.,])(?P<ordinal_n>\d+)(?:st|nd|rd|th)(?!\w))",
        rf"(?P<range>(?<![\d.,])(?P<range_a>{NUMBER})\s?[-–]\s?(?=\d))",
        rf"(?P<short>(?<![\w.])(?:{_either(table['short_forms'])})(?![\w/]))",
        rf"(?P<title>\b(?P<title_word>{_either(table['titles'])})\.?(?=\s+[A-Z]))",
        rf"(?P<numbered>(?<!\w)(?:{_either(table['before_numbers'])})(?=\s?\d))",
        r"(?P<postcode>\b(?P<postcode_out>[A-Z]{1,2}\d[A-Z\d]?)\s(?P<postcode_in>\d[A-Z]{2})\b)",
        rf"(?P<roman>\b(?P<roman_word>{_either(table['numbered_by_roman'])})\s+"
        r"(?P<roman_n>IV|V|I{1,3})\b)",
        r"(?P<initials>\b(?P<initials_a>[A-Z])&(?P<initials_b>[A-Z])\b)",
        r"(?P<year>(?<![\w.,£])(?:1[1-9]\d\d|20\d\d)(?!\w|[.,]\d))",
        rf"(?P<number>(?<![\d.,])(?:{NUMBER}))",
        r"(?P<hyphen>(?<=[^\W_])-(?=[^\W_]))",
        r"(?P<dash>(?<=\s)-(?=\s))",
        rf"(?P<sign>{_either(table['signs'])})",
        r"(?P<word>[^\W\d_][^\W_]*)",
    ]
    return [rule for rule in rules if rule]


class Normaliser:
    """The spoken form of the sentences of one leaflet, with its pronunciations."""

    def __init__(self, table: dict, pronunciations: tuple[tuple[str, str], ...] = (),
                 abbreviations: frozenset[str] = frozenset()) -> None:  # fmt: skip
        self.table = table
        self.pronunciations = dict(pronunciations)
        self.letters_always = abbreviations | set(table["said_as_letters"])
        self._folded = {word.casefold(): said for word, said in pronunciations if word == word.lower()}
        self._pattern = re.compile("|".join(_rules(table, self.pronunciations)))

    def say(self, text: str) -> tuple[Piece, ...]:
        """The pieces in which the voice says `text`."""
        text = SHOUTING.sub(self._unshouted, text)
        pieces: list[Piece] = []
        position = 0
        for match in self._pattern.finditer(text):
            pieces.append(Words(text[position : match.start()]))
            pieces.extend(getattr(self, "_" + match.lastgroup)(match))
            position = match.end()
        pieces.append(Words(text[position:]))
        return merged(pieces)

    # Each rule: the match -> its pieces --------------------------------------------------

    def _said(self, match: re.Match) -> list[Piece]:
        written = match.group()
        return [Respelling(self.pronunciations.get(written) or self._folded[written.casefold()])]

    def _email(self, match: re.Match) -> list[Piece]:
        return self._address(match.group())

    def _url(self, match: re.Match) -> list[Piece]:
        address = match.group()
        for dropped in self.table["dropped_from_addresses"]:
            address = address.removeprefix(dropped)
        return self._address(address.rstrip("/"))

    def _phone(self, match: re.Match) -> list[Piece]:
        written = match.group()
        if not 10 <= sum(c.isdigit() for c in written) <= 12:
            return [Words(" ".join(cardinal(group) for group in re.findall(r"\d+", written)))]
        groups = re.findall(r"\+|\d+", written.replace("(0)", ""))
        said = [("plus" if group == "+" else digits(group)) for group in groups]
        if said[0] == "plus":
            said[:2] = [f"plus {said[1]}"]
        return [Words(", ".join(said))]

    def _service(self, match: re.Match) -> list[Piece]:
        return [Words(digits(match.group()))]

    def _date(self, match: re.Match) -> list[Piece]:
        day = int(match["date_day"])
        if not 1 <= day <= 31:
            return [Words(f"{cardinal(match['date_day'])} {match['date_month']}")]
        return [Words(day_of_month(day, match["date_month"], match["date_year"]))]

    def _mdate(self, match: re.Match) -> list[Piece]:
        said = f"{match['mdate_month']} the {ordinal(int(match['mdate_day']))}"
        return [Words(f"{said}, {year(int(match['mdate_year']))}" if match["mdate_year"] else said)]

    def _mydate(self, match: re.Match) -> list[Piece]:
        return [Words(f"{match['mydate_month']} {year(int(match['mydate_year']))}")]

    def _ndate(self, match: re.Match) -> list[Piece]:
        day, month = int(match["ndate_d"]), int(match["ndate_m"])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return [Words(" or ".join(cardinal(n) for n in match.group().split("/")))]
        return [Words(day_of_month(day, MONTHS[month - 1], match["ndate_y"]))]

    def _time(self, match: re.Match) -> list[Piece]:
        minutes = int(match["time_m"]) if match["time_m"] else None
        said = hour_and_minutes(int(match["time_h"]), minutes)
        return [Words(said + " "), Letters(match["time_s"].upper() + "M")]

    def _clock(self, match: re.Match) -> list[Piece]:
        return [Words(clock(int(match["clock_h"]), int(match["clock_m"])))]

    def _temp(self, match: re.Match) -> list[Piece]:
        unit = match["temp_u"] or match["temp_c"]
        name = self.table["temperatures"][unit] if unit else self.table["degree"]
        return [Words(f"{cardinal(match['temp_n'])} {name}")]

    def _money(self, match: re.Match) -> list[Piece]:
        return [Words(money(match["money_pounds"], match["money_pence"]))]

    def _pence(self, match: re.Match) -> list[Piece]:
        return [Words(money(None, match["pence_n"]))]

    def _percent(self, match: re.Match) -> list[Piece]:
        return [Words(f"{cardinal(match['percent_n'])} {self.table['percent']}")]

    def _dose(self, match: re.Match) -> list[Piece]:
        one, many = self.table["units"][match["dose_u"]]
        amount = match["dose_n"]
        return [Words(f"{cardinal(amount)} {one if is_one(amount) else many}")]

    def _unit(self, match: re.Match) -> list[Piece]:
        return [Words(self.table["units"][match.group()][1])]

    def _ordinal(self, match: re.Match) -> list[Piece]:
        return [Words(ordinal(int(match["ordinal_n"])))]

    def _range(self, match: re.Match) -> list[Piece]:
        first = match["range_a"]
        is_year = re.fullmatch(r"1[1-9]\d\d|20\d\d", first)
        return [Words(f"{year(int(first)) if is_year else cardinal(first)} to ")]

    def _short(self, match: re.Match) -> list[Piece]:
        return [Words(self.table["short_forms"][match.group()])]

    def _title(self, match: re.Match) -> list[Piece]:
        return [Words(self.table["titles"][match["title_word"]])]

    def _numbered(self, match: re.Match) -> list[Piece]:
        return [Words(self.table["before_numbers"][match.group()] + " ")]

    def _postcode(self, match: re.Match) -> list[Piece]:
        return [Letters(match["postcode_out"]), Words(", "), Letters(match["postcode_in"])]

    def _roman(self, match: re.Match) -> list[Piece]:
        value = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}[match["roman_n"]]
        return [Words(f"{match['roman_word']} {cardinal(str(value))}")]

    def _initials(self, match: re.Match) -> list[Piece]:
        said_and = Words(f" {self.table['signs']['&']} ")
        return [Letters(match["initials_a"]), said_and, Letters(match["initials_b"])]

    def _year(self, match: re.Match) -> list[Piece]:
        return [Words(year(int(match.group())))]

    def _number(self, match: re.Match) -> list[Piece]:
        return [Words(cardinal(match.group()))]

    def _hyphen(self, match: re.Match) -> list[Piece]:
        return [Words(" ")]

    def _dash(self, match: re.Match) -> list[Piece]:
        return [Words(self.table["signs"]["–"])]

    def _sign(self, match: re.Match) -> list[Piece]:
        said = self.table["signs"][match.group()]
        return [Words(said if said == "," else f" {said} ")]

    def _word(self, match: re.Match) -> list[Piece]:
        return self._token(match.group())

    # Words and addresses -----------------------------------------------------------------

    def _unshouted(self, match: re.Match) -> str:
        """A run of words in capitals, with those written so for emphasis in small letters."""
        words = match.group().split(" ")
        if not any(len(word) > 2 and self._shouted(word) for word in words):
            return match.group()
        return " ".join(word.lower() if self._shouted(word) else word for word in words)

    def _shouted(self, word: str) -> bool:
        if word in self.letters_always or word in self.table["said_as_words"]:
            return False
        limit = self.table["shouted_zipf"] if len(word) > 3 else self.table["shouted_short_zipf"]
        return zipf_frequency(word.lower(), "en") >= limit

    def _token(self, token: str) -> list[Piece]:
        """A word as written: a word, letters ('NHS', 'GPs', 'eGFR'), or letters and a number."""
        if token in self.table["said_as_words"]:
            return [Words(token.capitalize())]
        coded = re.fullmatch(r"([^\W\d_]+)(\d+)", token)
        if coded and coded.group(1).isupper():
            letters, figures = coded.groups()
            # "B12", "CD20", "NG52" are said with the number; longer codes digit by digit: "TA541".
            said = cardinal(figures) if len(figures) <= 2 else digits(figures)
            return [Letters(letters), Words(" " + said)]
        if token.endswith("s") and len(token) > 2 and token[:-1].isupper():
            return [Letters(token[:-1], plural=True)]
        return [Letters(token)] if _spelled(token) else [Words(token)]

    def _address(self, address: str) -> list[Piece]:
        """An email or web address, part by part: 'help at example dot org'."""
        pieces: list[Piece] = []
        signs = self.table["address_signs"]
        for part in re.split(r"([^A-Za-z0-9])", address):
            if part in signs:
                pieces.append(Words(f" {signs[part]} "))
            elif part.isdigit():
                pieces.append(Words(digits(part)))
            elif part.isalnum():
                pieces.extend(self._address_word(part))
            elif part:
                pieces.append(Words(" "))  # a sign that is not said, such as a bracket
        return pieces

    def _address_word(self, part: str) -> list[Piece]:
        if part.lower() in self.table["said_in_addresses"]:
            return [Words(part)]
        if len(part) <= 2 or not VOWELS & set(part):
            return [Letters(part.upper())]
        return [Words(part) if not any(c.isdigit() for c in part) else Letters(part)]


def _spelled(token: str) -> bool:
    """Whether a word is said letter by letter: a capital on its own (not 'A' or 'I'), or a word
    at least half in capitals with two or more of them ('NHS', 'eGFR', 'HbA1c'; not 'McDonald')."""
    letters = [c for c in token if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    if len(token) == 1:
        return token.isupper() and token not in ("A", "I")
    return capitals >= 2 and 2 * capitals >= len(letters)
