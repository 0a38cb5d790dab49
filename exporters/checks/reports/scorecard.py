"""The score card of a leaflet in words, shared by the text and HTML reports."""

from __future__ import annotations

from ..metrics import Metrics

DECIDING_FIGURE = (
    "The reading age decides the reading-age finding. It is the SMOG grade + 5 (UK reading age from a US "
    "school grade). SMOG is the formula preferred for health information: it counts long words, which "
    "medical words are, and matched readers' tests where Flesch-Kincaid gave a lower grade than readers "
    "found (Fitzsimmons et al. 2010). The Flesch figures are shown to compare with other tools."
)


def score_note(metrics: Metrics) -> str:
    """Which figure of the score card decides, and why: shown beside it, never left to guess."""
    return "" if metrics.empty else DECIDING_FIGURE


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
