"""Whether a hard word is explained where it stands: "a thin tube, called a cannula", "oedema
(swelling)", "cancer medicine (chemotherapy)", "X means ...", or "This means ..." next.

An explanation must be in plain words. A brand name in brackets ("blinatumomab (Blincyto)") or a
name given to another hard name ("CAR-T therapy is called tisagenlecleucel") explains nothing.
"""

from __future__ import annotations

import re

from ...sentences import word_spans
from ..units import Sentence
from ..vocabulary import familiarity

PLAIN_ZIPF = 3.0  # a plain word is at least this common (wordfreq's Zipf scale)
NAMING_WORDS = 4  # the words before "called" that say what the hard word is
FUNCTION_WORDS = frozenset(
    "a an the or and of is are be was were it its this that these those also called known as to for "
    "in on with your our their his her some any one".split()
)
_DEFINES_AFTER = re.compile(
    r"^(?:,?\s+(?:means|(?:is|are)\s+(?:an?|when|the)|stands for)\b"
    r"|,\s+(?:which (?:is|means)|an?|the)\s|\s*[:–—-]\s)",
    re.IGNORECASE,
)
_BRACKET_AFTER = re.compile(r"^\s*\(([^()]*)\)")
_IS_A = re.compile(r"^\s+(?:is|are)\s+((?:[a-z][\w-]*\s+){1,4}[a-z][\w-]*)\s*(?:(that|which|who)\b|[,.;:]|$)")
# "such as X", and the next names of its list: "such as letrozole (Femara) or anastrozole"
_LISTED = r"(?:[\w'-]+\s+){0,2}[\w'-]+(?:\s+\([^()]*\))?\s*(?:,|\bor\b|\band\b)\s*"
_EXAMPLE_OF = re.compile(  # "such as X, Y or Z", "chemotherapy (X and Z)"
    rf"(?:(?:,\s*)?\b(?:such as|like|including|for example)\s+|\(\s*{_LISTED})"
    rf"(?:{_LISTED})*(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
# Kinds too general to say what a medicine is: "drugs such as trastuzumab".
GENERIC_KINDS = frozenset(
    "drug drugs medicine medicines treatment treatments therapy therapies thing things other some "
    "procedure procedures test tests operation operations condition conditions illness illnesses "
    "problem problems".split()
)
PREPOSITIONS = frozenset("for of in with to from on at by".split())
NOT_KINDS = frozenset("other so also".split())
_DEFINES_BEFORE = re.compile(
    r"(?:\(\s*(?:it is|it's|this is|also called|called|or|known as)?\s*|"
    r"\b(?:called|known as|named)\s+|,\s+or\s+)(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
_NAMING_VERB = re.compile(
    r"(?:,|\b(?:is|are|was|were|be|been|sometimes|often|also|usually))\s*$", re.IGNORECASE
)
_NEXT_DEFINES = re.compile(
    r"^(?:this|that|it|these|they)\s+(?:means?\b|stands? for\b|(?:is|are)\s+(?:an?|when|the)\b)",
    re.IGNORECASE,
)


def explained_here(sentence: Sentence, start: int, end: int, following: Sentence | None) -> bool:
    """Whether the word at sentence.text[start:end] is explained where it stands or next."""
    text = sentence.text
    if _explained_after(text[end:]) or explained_before(text[:start]):
        return True
    word = re.escape(text[start:end])
    if re.search(rf"\b{word}(?:\s+\w+)?\s+(?:means|stands for)\b", text, re.IGNORECASE):
        return True
    if following is not None:
        return bool(
            _NEXT_DEFINES.match(following.text)
            or re.search(rf"\b{word}\s+(?:means|is an?|stands for)\b", following.text, re.IGNORECASE)
        )
    return False


def _explained_after(after: str) -> bool:
    bracket = _BRACKET_AFTER.match(after)
    if bracket:
        return has_plain_content(bracket.group(1))
    if _DEFINES_AFTER.match(after):
        return True
    definition = _IS_A.match(after)  # "T cells are white blood cells that ...", "Platelets are tiny cells."
    if not definition:
        return False
    words = [word for _, word in word_spans(definition.group(1))]
    kind = definition.group(2) or words[-1].endswith("s")
    return bool(kind) and all(is_plain(word) and word not in PREPOSITIONS for word in words)


def explained_before(before: str) -> bool:
    """ "plain words (word)", "plain words, called word", "a test known as word": the words before
    must be plain, or they name the word without saying what it is. "An antidepressant, such as
    word" names its kind: that is enough, unless the kind is only "drugs" or "treatment"."""
    example = _EXAMPLE_OF.search(before)
    if example:
        return _names_a_kind(re.split(r"[,;:()]", before[: example.start()])[-1])
    found = _DEFINES_BEFORE.search(before)
    if not found:
        return False
    naming = before[: found.start()]
    naming = _NAMING_VERB.sub("", naming.rstrip()).rstrip(" ,")
    clause = re.split(r"[,;:()]", naming)[-1]
    words = [word for _, word in word_spans(clause)][-NAMING_WORDS:]
    at_start = len(words) == len(word_spans(clause)) and not re.search(r"[,;:()]", naming)
    return bool(words) and all(
        is_plain(word, first=at_start and number == 0) for number, word in enumerate(words)
    )


def _names_a_kind(clause: str) -> bool:
    """Whether the words before "such as" name a kind of thing ("an antidepressant", "blood
    thinners", "a GLP-1 medicine", "medicines for dementia"), not only a word as wide as "drugs"
    or "a procedure"."""
    words = [word.lower() for _, word in word_spans(clause)]
    cut = next((i for i in range(len(words) - 1, 0, -1) if words[i] in PREPOSITIONS), len(words))
    phrase = [word for word in words[:cut] if word not in FUNCTION_WORDS and word not in NOT_KINDS]
    if not phrase:
        return False
    return phrase[-1] not in GENERIC_KINDS or len(phrase) > 1 or cut < len(words) - 1


def has_plain_content(text: str) -> bool:
    """Whether bracketed words say something in plain words: "(swelling)", but not "(Blincyto)"."""
    words = [word for _, word in word_spans(text)]
    return any(word.lower() not in FUNCTION_WORDS and len(word) > 2 and is_plain(word) for word in words)


def is_plain(word: str, first: bool = False) -> bool:
    """A common word in small letters (or with a capital only because a sentence starts with it)."""
    if word.lower() in FUNCTION_WORDS:
        return True
    if any(c.isupper() for c in (word[1:] if first else word)) or any(c.isdigit() for c in word):
        return False
    return familiarity(word) >= PLAIN_ZIPF
