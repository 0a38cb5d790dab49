"""Readability figures of a run of sentences, each formula written out here in one line."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .syllables import syllables

SMOG_MINIMUM_SENTENCES = 30  # McLaughlin's sample: fewer and SMOG is only an estimate


def flesch_reading_ease(words: int, sentences: int, syllable_count: int) -> float:
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllable_count / words)


def flesch_kincaid_grade(words: int, sentences: int, syllable_count: int) -> float:
    return 0.39 * (words / sentences) + 11.8 * (syllable_count / words) - 15.59


def smog_grade(polysyllables: int, sentences: int) -> float:
    return 1.0430 * math.sqrt(polysyllables * (30 / sentences)) + 3.1291


def reading_age(grade: float) -> float:
    """UK reading age from a US school grade."""
    return grade + 5


@dataclass(frozen=True, slots=True)
class Sample:
    """What a metric needs to know of one sentence."""

    words: tuple[str, ...]
    passive: bool = False
    speaks_to_reader: bool = False


@dataclass(frozen=True, slots=True)
class Metrics:
    words: int
    sentences: int
    syllables: int
    polysyllables: int
    passive_sentences: int
    you_sentences: int

    @property
    def empty(self) -> bool:
        return not self.words or not self.sentences

    @property
    def average_sentence_length(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def flesch_reading_ease(self) -> float:
        return flesch_reading_ease(self.words, self.sentences, self.syllables) if not self.empty else 0.0

    @property
    def flesch_kincaid_grade(self) -> float:
        return flesch_kincaid_grade(self.words, self.sentences, self.syllables) if not self.empty else 0.0

    @property
    def smog_grade(self) -> float:
        return smog_grade(self.polysyllables, self.sentences) if not self.empty else 0.0

    @property
    def smog_is_estimate(self) -> bool:
        return self.sentences < SMOG_MINIMUM_SENTENCES

    @property
    def reading_age(self) -> float:
        return reading_age(self.smog_grade) if not self.empty else 0.0

    @property
    def passive_share(self) -> float:
        return self.passive_sentences / self.sentences if self.sentences else 0.0

    @property
    def you_share(self) -> float:
        return self.you_sentences / self.sentences if self.sentences else 0.0

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of the score card, figures rounded as a report shows them."""
        return {
            "words": self.words,
            "sentences": self.sentences,
            "average_sentence_length": round(self.average_sentence_length, 1),
            "flesch_reading_ease": round(self.flesch_reading_ease, 1),
            "flesch_kincaid_grade": round(self.flesch_kincaid_grade, 1),
            "smog_grade": round(self.smog_grade, 1),
            "smog_is_estimate": self.smog_is_estimate,
            "reading_age": round(self.reading_age, 1),
            "passive_share": round(self.passive_share, 3),
            "you_share": round(self.you_share, 3),
        }


def measure(samples: list[Sample]) -> Metrics:
    """The figures of a list of sentences (every sentence counts, however short)."""
    counts = [syllables(word) for sample in samples for word in sample.words]
    return Metrics(
        words=len(counts),
        sentences=sum(1 for sample in samples if sample.words),
        syllables=sum(counts),
        polysyllables=sum(1 for count in counts if count >= 3),
        passive_sentences=sum(sample.passive for sample in samples),
        you_sentences=sum(sample.speaks_to_reader for sample in samples),
    )
