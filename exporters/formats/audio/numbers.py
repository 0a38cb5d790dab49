"""Numbers as British English speakers say them: counts, digits of a phone number, years, dates,
times, money. Pure functions from the written figures to words (num2words does the counting)."""

from __future__ import annotations

from num2words import num2words

DIGITS = ("oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip


def cardinal(written: str) -> str:
    """'1,000' -> 'one thousand'; '1.5' -> 'one point five'; '0.5' -> 'nought point five'."""
    whole, _, fraction = written.replace(",", "").partition(".")
    words = num2words(int(whole)) if whole else "nought"
    if whole == "0" and fraction:
        words = "nought"
    if fraction:
        words += " point " + " ".join(num2words(int(digit)) for digit in fraction)
    return _tidy(words)


def digits(written: str) -> str:
    """Each digit on its own, 0 as 'oh': how a phone number or a code is read."""
    return " ".join(DIGITS[int(digit)] for digit in written if digit.isdigit())


def ordinal(number: int) -> str:
    """21 -> 'twenty-first'."""
    return _tidy(num2words(number, to="ordinal"))


def year(number: int) -> str:
    """2026 -> 'twenty twenty-six', 2005 -> 'two thousand and five', 1999 -> 'nineteen ninety-nine'."""
    return _tidy(num2words(number, to="year"))


def is_one(written: str) -> bool:
    """Whether a written amount is exactly one, so its unit is singular ('1 mg' -> 'one milligram')."""
    return written.replace(",", "") == "1"


def day_of_month(day: int, month: str, written_year: str | None) -> str:
    """'20 October 2026' -> 'the twentieth of October twenty twenty-six'."""
    said = f"the {ordinal(day)} of {month}"
    return f"{said} {year(int(written_year))}" if written_year else said


def clock(hours: int, minutes: int) -> str:
    """A time on the clock without a.m. or p.m.: '14:30' -> 'fourteen thirty', '14:00' ->
    'fourteen hundred', '9:05' -> 'nine oh five'."""
    if minutes == 0 and (hours >= 13 or hours == 0):
        return f"{cardinal(str(hours))} hundred"
    return hour_and_minutes(hours, minutes)


def hour_and_minutes(hours: int, minutes: int | None) -> str:
    """'9.30' before a.m. or p.m. -> 'nine thirty'; '9' -> 'nine'."""
    if not minutes:
        return cardinal(str(hours))
    said_minutes = f"oh {cardinal(str(minutes))}" if minutes < 10 else cardinal(str(minutes))
    return f"{cardinal(str(hours))} {said_minutes}"


def money(pounds: str | None, pence: str | None) -> str:
    """'£5' -> 'five pounds', '£2.50' -> 'two pounds fifty', '£0.50' or '50p' -> 'fifty pence'."""
    whole = int((pounds or "0").replace(",", ""))
    cents = int(pence) if pence else 0
    if whole == 0:
        return f"{cardinal(str(cents))} {'penny' if cents == 1 else 'pence'}"
    said = f"{cardinal(str(whole))} {'pound' if whole == 1 else 'pounds'}"
    return f"{said} {cardinal(str(cents))}" if cents else said


def _tidy(words: str) -> str:
    """num2words writes 'one thousand, five hundred': the comma would make the voice pause."""
    return words.replace(",", "")
