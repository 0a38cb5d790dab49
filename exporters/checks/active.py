"""Turning a passive round: "Your blood is checked by a nurse." -> "A nurse checks your blood."

The advice of the passive-voice rule is written from the sentence itself. With "by" the doer is
in the sentence; without it, "we" stands in (the leaflet's organisation), which the writer may
change. When the sentence is too tangled to turn round safely, only its verb is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from .passive import BY_WITHIN, passive_words
from .vocabulary import zipf

MODALS = frozenset("will can may might should must could would shall".split())
CLAUSE_STARTS = frozenset("but so because if when while although that which who where then".split())
AGENT_ENDS = frozenset(
    "in at on for with to when if because before after so and or but during until from as every each "
    "today tomorrow tonight now then again once twice".split()
)
TITLES = frozenset("dr mr mrs ms mx prof professor sister nurse".split())
OBJECT_FORMS = {"i": "me", "we": "us", "they": "them", "he": "him", "she": "her", "who": "whom"}
SMALL_FIRST = frozenset(
    "the your a an this these that those our their my his her its some most all each every any many".split()
)
PLURAL_DOERS = frozenset("we you they i".split())
MAX_AGENT_WORDS = 6


@dataclass(frozen=True)
class Verb:
    base: str  # give
    past: str  # gave
    participle: str  # given

    def present(self, plural: bool) -> str:
        return self.base if plural else third_person(self.base)


def verb_of(participle: str) -> Verb:
    """The verb of a past participle: "given" -> give/gave, "checked" -> check/checked."""
    lower = participle.lower()
    irregular = passive_words().irregular
    if lower in irregular:
        base, past = irregular[lower]
        return Verb(base, past, lower)
    if lower.endswith("ied"):
        return Verb(lower[:-3] + "y", lower, lower)
    candidates = [lower[:-1], lower[:-2]]
    if len(lower) > 4 and lower[-3] == lower[-4]:
        candidates.append(lower[:-3])  # stopped -> stop
    return Verb(max(candidates, key=lambda base: zipf(third_person(base))), lower, lower)


def third_person(base: str) -> str:
    if base in ("have", "be", "do", "go"):
        return {"have": "has", "be": "is", "do": "does", "go": "goes"}[base]
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base + "es"
    if base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def turn_round(words: tuple[str, ...], gaps: list[str], first: int, last: int) -> str | None:
    """The sentence with the passive at words[first..last] made active, or None when it cannot be."""
    lower = [word.lower().replace("’", "'") for word in words]
    helper = lower[first]
    if helper in ("being", "get", "gets", "got", "gotten", "getting") or helper.endswith(("'re", "'m")):
        return None
    start = _clause_start(lower, gaps, first)
    auxiliaries, subject_end = _auxiliaries(lower, start, first)
    subject = list(words[start:subject_end])
    if not subject or lower[start] in CLAUSE_STARTS or len(subject) > 6:
        return None
    agent, by_at, after_agent = _agent(words, lower, gaps, last)
    between = lower[first + 1 : last]
    negative = "not" in between
    adverbs = [w for w in between if w != "not"]
    doer = agent or ["we"]
    verb = verb_of(lower[last])
    phrase = _verb_phrase(helper, auxiliaries, verb, doer, negative)
    prefix = "".join(word + gap for word, gap in zip(words[:start], gaps[:start], strict=True))
    pieces = [*_as_doer(doer, at_start=start == 0), *phrase[:-1], *adverbs, phrase[-1],
              *_as_object(subject, at_start=start == 0)]  # fmt: skip
    rest = _rest(words, gaps, last + 1)
    if agent:
        closing = gaps[after_agent - 1].strip() if after_agent < len(words) else ""
        rest = _rest(words, gaps, last + 1, by_at) + closing + _rest(words, gaps, after_agent)
    sentence = f"{prefix}{' '.join(pieces)}{rest}".strip()
    return sentence[:1].upper() + sentence[1:]


def _clause_start(lower: list[str], gaps: list[str], helper: int) -> int:
    """Where the clause of the passive starts: after a comma or a joining word before it."""
    for index in range(helper - 1, -1, -1):
        if any(mark in gaps[index] for mark in ",;:()"):
            return index + 1
        if lower[index] in CLAUSE_STARTS:
            return index + 1
    return 0


def _auxiliaries(lower: list[str], start: int, helper: int) -> tuple[list[str], int]:
    """The modal and "has" words before the helper ("will", "has"), and where the subject ends."""
    end = helper
    while end > start and (lower[end - 1] in MODALS or lower[end - 1] in ("has", "have", "had", "not")):
        end -= 1
    return lower[end:helper], end


def _agent(words: tuple[str, ...], lower: list[str], gaps: list[str],
           last: int) -> tuple[list[str], int, int]:  # fmt: skip
    """The words after "by" soon after the participle: (the doer, where "by" is, the index after)."""
    near = [i for i in range(last + 1, min(len(lower), last + 1 + BY_WITHIN)) if lower[i] == "by"]
    if not near or any(mark in gap for gap in gaps[last : near[0]] for mark in ",;:()"):
        return [], last + 1, last + 1
    agent: list[str] = []
    index = near[0] + 1
    while index < len(words) and len(agent) < MAX_AGENT_WORDS and lower[index] not in AGENT_ENDS:
        agent.append(words[index])
        if gaps[index].strip():
            index += 1
            break
        index += 1
    return agent, near[0], index


def _verb_phrase(helper: str, auxiliaries: list[str], verb: Verb, doer: list[str],
                 negative: bool) -> list[str]:  # fmt: skip
    plural = doer[-1].lower() in PLURAL_DOERS or (doer[-1].lower().endswith("s") and len(doer) > 1)
    modal = [word for word in auxiliaries if word in MODALS]
    has = [word for word in auxiliaries if word in ("has", "have", "had")]
    not_word = ["not"] if negative or "not" in auxiliaries else []
    if helper == "been" and has:
        perfect = "had" if has[0] == "had" else ("have" if plural or modal else "has")
        return [*modal, perfect, *not_word, verb.participle] if not modal else [*modal, *not_word, "have",
                                                                                 verb.participle]
    if helper == "be":
        return [*modal, *not_word, verb.base] if modal else [*not_word, verb.base]
    if helper in ("was", "were", "wasn't", "weren't"):
        return ["did", "not", verb.base] if not_word or "n't" in helper else [verb.past]
    if not_word or helper.endswith("n't"):
        return ["do" if plural else "does", "not", verb.base]
    return [verb.present(plural)]


def _as_doer(doer: list[str], at_start: bool) -> list[str]:
    words = list(doer)
    if at_start:
        words[0] = words[0][:1].upper() + words[0][1:]
    elif words[0].lower() in SMALL_FIRST or words[0].lower() == "we":
        words[0] = words[0].lower()
    return words


def _as_object(subject: list[str], at_start: bool) -> list[str]:
    words = list(subject)
    first = words[0].lower()
    if len(words) == 1 and first in OBJECT_FORMS:
        return [OBJECT_FORMS[first]]
    named = first in TITLES or any(word[:1].isupper() for word in words[1:]) or words[0].isupper()
    if first in SMALL_FIRST or first in ("you", "it") or (at_start and not named):
        words[0] = first
    return words


def _rest(words: tuple[str, ...], gaps: list[str], start: int, end: int | None = None) -> str:
    """Words `start` to `end` of the sentence (to its end by default), with their punctuation."""
    end = len(words) if end is None else end
    if start >= end:
        return gaps[-1] if end == len(words) and gaps else ""
    text = "".join(word + gap for word, gap in zip(words[start:end], gaps[start:end], strict=True))
    return " " + (text if end == len(words) else text.rstrip())
