"""Rewriting a sentence for easy read by rules a person can check: abbreviations in full, medical
and formal words swapped for the plain words the check suggests, a passive with its doer turned
round, and a long sentence split where a clause ends.

It never guesses: what the rules cannot make short enough is left for a person, and said so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..checks.active import turn_round
from ..checks.passive import find_passives
from ..checks.rules.abbreviations import expansion_before
from ..checks.settings import default_rules
from ..checks.vocabulary import familiarity
from ..checks.wordlists import PhraseList, phrase_list
from ..model import Document, inlines_of, plain_text, walk_blocks
from ..readers.terms import fit_article
from ..sentences import word_gaps, word_spans

SUBJECTS = frozenset(
    "you we i it they he she this that these those there the your our their a an some most many".split()
)
MOST_PLAIN_WORDS = 3  # longer plain words do not fit in the sentence as the word did
# Words that may follow a swapped word: the word ended its phrase.
JOINING_WORDS = frozenset(
    "and or but so if when while because before after as at by for from in into of on to until with "
    "is are was were be will can may might should must could would has have had do does did not "
    "that which who this these it you your we they the a an than then".split()
)


def most_words() -> int:
    """The longest easy-read sentence, from the check's own setting (15 words)."""
    return int(default_rules()["long-sentence"]["easy-read"]["error"])


@dataclass(frozen=True)
class Rewritten:
    sentences: tuple[str, ...]
    too_long: bool  # a sentence is still over the limit: a person must shorten it


def abbreviations_of(document: Document) -> dict[str, str]:
    """The leaflet's abbreviations and their full words: its `abbreviations:` and those its text
    spells out ("acute lymphoblastic leukaemia (ALL)")."""
    found = {entry.abbreviation: entry.expansion for entry in document.abbreviations}
    texts = [plain_text(document.title.content)]
    for section in document.sections:
        if section.heading:
            texts.append(plain_text(section.heading.content))
        texts.extend(plain_text(inlines_of(b)) for top in section.blocks for b in walk_blocks(top))
    for text in texts:
        for match in re.finditer(r"\(([A-Z][A-Za-z0-9-]*[A-Z0-9])s?\)", text):
            expansion = expansion_before(text[: match.start()], match.group(1))
            if expansion and match.group(1) not in found:
                found[match.group(1)] = _as_written_inside(expansion)
    return found


def _as_written_inside(words: str) -> str:
    """ "Acute lymphoblastic leukaemia" from a heading is "acute lymphoblastic leukaemia" inside a
    sentence; a name with a capital on each word stays as it is."""
    rest = words.split()[1:]
    if words[:1].isupper() and words[1:2].islower() and all(w[:1].islower() for w in rest if len(w) > 3):
        return words[:1].lower() + words[1:]
    return words


class Rewriter:
    """Rewrites the sentences of one leaflet for its easy-read draft."""

    def __init__(self, abbreviations: dict[str, str]) -> None:
        self.abbreviations = abbreviations
        self.limit = most_words()
        choices = {**_first_choices(phrase_list("plain-words.yaml")),
                   **_first_choices(phrase_list("medical-words.yaml"))}  # fmt: skip
        self.plain = PhraseList(choices, inflect=False)

    def rewrite(self, sentence: str) -> Rewritten:
        text = drop_bracketed_terms(" ".join(sentence.split()))
        text = self.plain_words(text)
        text = self.spell_out(text)  # after the plain words: a name spelled out keeps its own words
        text = self.active(text)
        parts = split_at_clauses(text, self.limit)
        return Rewritten(tuple(parts), any(len(word_spans(part)) > self.limit for part in parts))

    def spell_out(self, text: str) -> str:
        for abbreviation, expansion in sorted(self.abbreviations.items(), key=lambda item: -len(item[0])):
            text = re.sub(rf"\s*\({re.escape(abbreviation)}s?\)", "", text)  # "words (ABC)": the words stay
            pattern = re.compile(rf"(?<![\w-]){re.escape(abbreviation)}(s?)(?![\w-])")
            text = pattern.sub(lambda m, e=expansion: e + m.group(1), text)
        return _capital(text)

    def plain_words(self, text: str) -> str:
        """Each listed word swapped for its plain words, where the swap keeps the sentence whole: the
        plain words are short, and the word does not name something with the noun after it
        ("leukaemia cells", "platelet transfusion" stay)."""
        for match in reversed(self.plain.find(text)):
            plain = match.alternative
            following = re.match(r"\s+([A-Za-z][\w-]*)", text[match.end :])
            if len(plain.split()) > MOST_PLAIN_WORDS or match.text[1:] != match.text[1:].lower():
                continue
            if following and following.group(1).lower() not in JOINING_WORDS:
                continue
            if match.start and match.text[0].isupper():
                continue  # a name: "Acute Oncology Service"
            if match.start == 0:
                plain = _capital(plain)
            text = fit_article(text[: match.start], plain) + plain + text[match.end :]
        return text

    def active(self, text: str) -> str:
        """Each passive whose doer is named ("by the nurse") turned round; others stay as they are."""
        spans = word_spans(text)
        words = tuple(word for _, word in spans)
        gaps = word_gaps(text, spans)
        for first, last in find_passives(words, gaps):
            if "by" in (word.lower() for word in words[last + 1 : last + 5]):
                return turn_round(words, gaps, first, last) or text
        return text


def drop_bracketed_terms(text: str) -> str:
    """ "has come back (relapsed)", "blinatumomab (Blincyto)": a lone hard word or name in brackets,
    after the words that say it, is left out of easy read."""

    def keep(match: re.Match[str]) -> str:
        word = match.group(1)
        hard = word[:1].isupper() or phrase_list("medical-words.yaml").find(word) or familiarity(word) < 3.0
        return "" if hard and not word.isupper() else match.group(0)

    return re.sub(r"\s*\(([A-Za-z][A-Za-z-]+)\)", keep, text)


def _first_choices(words: PhraseList) -> dict[str, str]:
    """Each entry's first plain word ("start, begin" -> "start"), for the exact forms only."""
    entries = words.entries.items()
    return {key: re.split(r",| or |;", value)[0].strip() for key, value in entries if "|" not in key}


def split_at_clauses(text: str, limit: int) -> list[str]:
    """The sentence, split where a clause ends while it is over `limit` words."""
    if len(word_spans(text)) <= limit:
        return [text]
    for pattern, opening in CLAUSE_BREAKS:
        match = pattern.search(text)
        if not match:
            continue
        first = text[: match.start()].rstrip(" ,;:") + "."
        rest = _capital(opening + text[match.end() :])
        if len(word_spans(first)) < 3 or len(word_spans(rest)) < 3:
            continue
        return [*split_at_clauses(first, limit), *split_at_clauses(rest, limit)]
    shared = _SHARED_SUBJECT.match(text)  # "They can stay ..., and keep watching" -> "They can keep watching"
    joined = _AND_A_VERB.search(text)
    if shared and joined and len(word_spans(text[: joined.start()])) >= 3:
        first = text[: joined.start()].rstrip(" ,") + "."
        rest = f"{shared.group(0).strip()} {text[joined.end():]}"
        return [*split_at_clauses(first, limit), *split_at_clauses(rest, limit)]
    return [text]


_SUBJECT = r"(?=(?:" + "|".join(sorted(SUBJECTS)) + r")\b)"
CLAUSE_BREAKS = (
    (re.compile(r";\s+"), ""),
    (re.compile(r":\s+" + _SUBJECT, re.IGNORECASE), ""),
    (re.compile(r",\s+and\s+" + _SUBJECT, re.IGNORECASE), ""),
    (re.compile(r",\s+(?:but|so)\s+" + _SUBJECT, re.IGNORECASE), ""),
    (re.compile(r",\s+which\s+(?=(?:do|are|have|were|can|may|help|make|work)\b)", re.IGNORECASE), "these "),
    (re.compile(r",\s+which\s+", re.IGNORECASE), "this "),
    (re.compile(r",?\s+because\s+", re.IGNORECASE), "this is because "),
    (re.compile(r",\s+then\s+", re.IGNORECASE), "then "),
)


_SHARED_SUBJECT = re.compile(
    r"^(?:You|We|They)(?:\s+(?:can|should|must|will|may|might|could|need to|do not))?\s"
)
_AND_A_VERB = re.compile(r",\s+and\s+(?=[a-z])(?!(?:" + "|".join(sorted(SUBJECTS)) + r")\b)")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
