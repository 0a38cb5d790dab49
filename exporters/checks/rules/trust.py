"""Rules of trustworthy information (PIF TICK): review dates, named sources, a way to get in touch."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ...findings import Severity
from ...model import Document, Link, walk_inlines
from ..settings import RuleSettings
from .base import Context, Switches, leaflet_rule

# A phone number of the team (999 and NHS 111 are for everyone: they are not the team's own).
_PHONE = re.compile(r"(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_date(context: Context, switches: Switches) -> None:
    settings = switches["standard"]
    _when_due(context, settings)
    _how_long(context, settings)


def _when_due(context: Context, settings: RuleSettings) -> None:
    """No next review date, one before the last review (a mistyped date), one past, or one soon."""
    meta = context.document.meta
    report = context.report
    line = meta.line_of("next_review")
    if meta.next_review is None:
        report(
            "review-date",
            settings.severity,
            meta.line_of("reviewed"),
            1,
            "The leaflet has no next review date.",
            "Add 'next_review: YYYY-MM-DD' to the front matter, at most 3 years after it was reviewed.",
        )
    elif meta.reviewed is not None and meta.next_review < meta.reviewed:
        report(
            "review-date",
            settings.severity,
            line,
            1,
            f"The next review date, {meta.next_review:%d %B %Y}, is before the date the leaflet was "
            f"reviewed, {meta.reviewed:%d %B %Y}.",
            "One of the two dates is mistyped: 'next_review' comes after 'reviewed', at most "
            f"{settings['longest-months'] // 12} years after it.",
        )
    elif meta.next_review < context.today:
        report(
            "review-date",
            settings.severity,
            line,
            1,
            f"The leaflet was due for review on {meta.next_review:%d %B %Y}; that date has passed.",
            "Review the leaflet with the clinical team, then update 'reviewed' and 'next_review'.",
        )
    elif meta.next_review <= add_months(context.today, settings["warning-months"]):
        report(
            "review-date",
            settings.severity if settings.forced else Severity.WARNING,
            line,
            1,
            f"The leaflet is due for review on {meta.next_review:%d %B %Y}, within "
            f"{settings['warning-months']} months.",
            "Plan its review with the clinical team now.",
        )


def _how_long(context: Context, settings: RuleSettings) -> None:
    """No date of writing or review, or a next review more than the longest time after it."""
    meta = context.document.meta
    report = context.report
    line = meta.line_of("next_review")
    if meta.reviewed is None and meta.published is None:
        report(
            "review-date",
            settings.severity if settings.forced else Severity.WARNING,
            1,
            1,
            "The leaflet does not say when it was written or last reviewed.",
            "Add 'reviewed: YYYY-MM-DD' to the front matter.",
        )
    elif (
        meta.reviewed
        and meta.next_review
        and meta.next_review > add_months(meta.reviewed, settings["longest-months"])
    ):
        report(
            "review-date",
            settings.severity,
            line,
            1,
            f"The next review is more than {settings['longest-months'] // 12} years after the last one.",
            f"Set 'next_review' no later than {add_months(meta.reviewed, settings['longest-months'])}.",
        )


def sources(context: Context, switches: Switches) -> None:
    settings = switches["standard"]
    if not context.document.meta.references:
        context.report(
            "sources",
            settings.severity,
            context.document.title.line,
            1,
            "The leaflet does not name the sources of its information.",
            "Add 'references:' to the front matter, with each source on a line '- ...'.",
        )


def contact(context: Context, switches: Switches) -> None:
    settings = switches["standard"]
    organisation = context.document.meta.organisation
    if organisation and any(
        (organisation.phone, organisation.email, organisation.website, organisation.address)
    ):
        return
    for block in context.blocks:
        links = [i for i in walk_inlines(block.inlines) if isinstance(i, Link)]
        own = [link for link in links if link.href.removeprefix("tel:") not in ("999", "111")]
        if any(link.href.startswith(("tel:", "mailto:")) for link in own) or _PHONE.search(block.text):
            return
    context.report(
        "contact",
        settings.severity,
        context.document.meta.line_of("organisation"),
        1,
        "The leaflet gives no way to contact the team that wrote it.",
        "Add a phone number, email or address under 'organisation:' in the front matter.",
    )


def review_due_again(document: Document, settings: RuleSettings, today: date) -> date | None:
    """The first day after `today` on which review-date may say something new of an unchanged
    leaflet: the day it falls due within the warning months, or the day after its review date."""
    due = document.meta.next_review
    if due is None:
        return None
    months = int(settings.get("warning-months", 0))
    day = add_months(due, -months) - timedelta(days=4)  # before the warning starts
    while add_months(day, months) < due:
        day += timedelta(days=1)
    return min((d for d in (day, due + timedelta(days=1)) if d > today), default=None)


RULES = (
    leaflet_rule("review-date", review_date, due_again=review_due_again),
    leaflet_rule("sources", sources),
    leaflet_rule("contact", contact),
)
