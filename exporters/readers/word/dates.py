"""Dates as leaflets write them: "01 March 2022", "1st March 2022", "March 2022", "01/03/2022"."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(\d{4})"
# (pattern, the order of its groups): each pattern fits the whole of a written date
FORMS = (
    (re.compile(rf"{YEAR}-(\d{{1,2}})-(\d{{1,2}})"), "ymd"),
    (re.compile(rf"{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}", re.IGNORECASE), "dMy"),
    (re.compile(rf"{MONTH}\s+{DAY},?\s+{YEAR}", re.IGNORECASE), "Mdy"),
    (re.compile(rf"{MONTH},?\s+{YEAR}", re.IGNORECASE), "My"),
    (re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})"), "dmy"),
    (re.compile(rf"(\d{{1,2}})/{YEAR}"), "my"),
)
DATE_PATTERN = "|".join(f"(?:{form.pattern})" for form, _ in FORMS)


def parse_date(text: str) -> tuple[date, bool] | None:
    """The date written in `text` (all of it) and whether its day was given; None if it is no date."""
    text = text.strip().rstrip(".").strip()
    for form, order in FORMS:
        match = form.fullmatch(text)
        if match:
            return _build(match.groups(), order)
    return None


def _build(groups: tuple[str, ...], order: str) -> tuple[date, bool] | None:
    values = dict(zip(order, groups, strict=True))
    month = MONTHS[values["M"].lower()] if "M" in values else int(values["m"])
    year = int(values["y"])
    year += 2000 if year < 100 else 0
    try:
        return date(year, month, int(values.get("d", 1))), "d" in values
    except ValueError:
        return None
