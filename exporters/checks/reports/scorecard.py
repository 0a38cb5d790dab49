"""The score card of a leaflet in words, shared by the text and HTML reports."""

from __future__ import annotations

from ..metrics import Metrics


def score_lines(metrics: Metrics) -> list[tuple[str, str]]:
    """(label, value) pairs of the score card, as a person reads them."""
    if metrics.empty:
        return [("Words", "0")]
    estimate = " (an estimate: fewer than 30 sentences)" if metrics.smog_is_estimate else ""
    return [
        ("Reading age", f"{metrics.reading_age:.1f}{estimate}"),
        ("SMOG grade", f"{metrics.smog_grade:.1f}{estimate}"),
        ("Flesch reading ease", f"{metrics.flesch_reading_ease:.1f}"),
        ("Flesch-Kincaid grade", f"{metrics.flesch_kincaid_grade:.1f}"),
        ("Average sentence length", f"{metrics.average_sentence_length:.1f} words"),
        ("Passive sentences", f"{metrics.passive_share:.0%}"),
        ("Sentences that speak to the reader", f"{metrics.you_share:.0%}"),
        ("Words and sentences", f"{metrics.words} words in {metrics.sentences} sentences"),
    ]
