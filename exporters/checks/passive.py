"""Finding the passive voice: "be" or "get", perhaps some adverbs, then a past participle used as a verb.

States that only look passive ("I am tired", "the clinic is closed", "it is based on") are not
counted unless "by" follows; "is called X", the way to define a word, is not counted either. A
participle that describes the noun after it ("these are targeted therapy drugs") or that follows a
word of degree ("it is very complicated") is an adjective, not a passive.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .wordlists import load_yaml

MAX_WORDS_BETWEEN = 3
BY_WITHIN = 4  # "is closed by the nurse" makes a state an action
NAMING_ENDS = frozenset("by in into back to for when if at on up".split())
NOT_INFINITIVE = frozenset("it this that them these those the a an being having".split())


@dataclass(frozen=True)
class PassiveWords:
    be: frozenset[str]
    get: frozenset[str]
    between: frozenset[str]
    degree: frozenset[str]
    followers: frozenset[str]
    two_objects: frozenset[str]
    irregular: dict[str, tuple[str, str]]  # participle -> (the verb, its past)
    not_participles: frozenset[str]
    stative: frozenset[str]
    get_phrases: frozenset[str]


@lru_cache(maxsize=1)
def passive_words() -> PassiveWords:
    data = load_yaml("passive.yaml")
    lists = (frozenset(data[key]) for key in ("be", "get", "between", "degree", "followers", "two-objects"))
    irregular = {str(word): (str(verb), str(past)) for word, (verb, past) in data["irregular"].items()}
    return PassiveWords(*lists, irregular, *(frozenset(data[key]) for key in (
        "not-participles", "stative", "get-phrases")))  # fmt: skip


def find_passives(words: tuple[str, ...] | list[str], gaps: list[str] | None = None) -> list[tuple[int, int]]:
    """(first, last) word indexes of each passive in a sentence's words. `gaps[i]`, when given, is
    the text between word i and word i + 1 (a comma there ends a phrase)."""
    lists = passive_words()
    lower = [word.lower().replace("’", "'") for word in words]
    found: list[tuple[int, int]] = []
    for index, word in enumerate(lower):
        helper = _helper(word, lists)
        if not helper:
            continue
        participle = _participle_after(lower, index + 1, lists)
        if participle is None or not _is_passive(lower, participle, helper, lists):
            continue
        if _describes_what_follows(lower, participle, gaps, lists):
            continue
        found.append((index, participle))
    return found


def _helper(word: str, lists: PassiveWords) -> str:
    if word in lists.be or word.endswith(("'re", "'m")):
        return "be"
    return "get" if word in lists.get else ""


def _participle_after(lower: list[str], start: int, lists: PassiveWords) -> int | None:
    position = start
    while (
        position < len(lower) and position - start < MAX_WORDS_BETWEEN and _is_adverb(lower[position], lists)
    ):
        if lower[position] in lists.degree:
            return None  # "is very complicated": an adjective
        position += 1
    if position < len(lower) and _looks_like_participle(lower[position], lists):
        return position
    return None


def _is_adverb(word: str, lists: PassiveWords) -> bool:
    return word in lists.between or word in lists.degree or (word.endswith("ly") and len(word) > 4)


def _looks_like_participle(word: str, lists: PassiveWords) -> bool:
    if word in lists.irregular:
        return True
    return word.endswith("ed") and len(word) > 3 and word not in lists.not_participles and word.isalpha()


def _is_passive(lower: list[str], position: int, helper: str, lists: PassiveWords) -> bool:
    participle = lower[position]
    after = lower[position + 1 :]
    by_follows = "by" in after[:BY_WITHIN]
    if helper == "get" and participle in lists.get_phrases:
        return False
    if participle in lists.stative or (participle.startswith("un") and participle not in lists.irregular):
        return by_follows  # "is unrelated", but "is undertaken", "is understood" are verbs
    if participle == "made" and after[:2] == ["up", "of"]:
        return False  # "is made up of": what something is, not what someone does
    if participle in ("called", "named") and helper == "be":
        return not after or after[0] in NAMING_ENDS
    if participle == "used" and after[:1] == ["to"]:
        following = after[1] if len(after) > 1 else ""
        return not (following in NOT_INFINITIVE or following.endswith("ing"))
    return True


def _describes_what_follows(lower: list[str], position: int, gaps: list[str] | None,
                            lists: PassiveWords) -> bool:  # fmt: skip
    """Whether the participle stands before a noun it describes: "are targeted therapy drugs"."""
    if position + 1 >= len(lower) or lower[position] in lists.two_objects:
        return False
    if gaps is not None and gaps[position].strip():
        return False  # a comma or a bracket: the phrase ends at the participle
    following = lower[position + 1]
    if following in lists.followers or following.endswith(("ly", "ing")) or not following.isalpha():
        return False
    return True
