"""Whether a hard word is explained where it stands: "a thin tube, called a cannula", "oedema
(swelling)", "cancer medicine (chemotherapy)", "X means ...", or "This means ..." next.

An explanation must be in plain words. A brand name in brackets ("blinatumomab (Blincyto)") or a
name given to another hard name ("CAR-T therapy is called tisagenlecleucel") explains nothing.
Saying what kind of thing a name is explains it: "2 chemotherapy drugs, daunorubicin and
cytarabine", "an antihistamine called chlorphenamine", "warfarin or any other blood thinner"; so
does saying what it is for: "an antihistamine to stop an allergic reaction".
"""

from __future__ import annotations

import re

from ...sentences import word_spans
from ..units import Sentence
from ..vocabulary import familiarity

PLAIN_ZIPF = 3.0  # a plain word is at least this common (wordfreq's Zipf scale)
NAMING_WORDS = 4  # the words before "called" that say what the hard word is
NEXT_SENTENCE_WORDS = 6  # "Platelets help your blood to clot.": the word, then this many plain words
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
# "a monoclonal antibody that finds CD33": a clause that says what it does.
_DOES_AFTER = re.compile(
    r"^(?:\s*\([^()]*\))?,?\s+(?:that|which|who)\s+([a-z][\w-]*)\s+[\w-]+\s+[\w-]+", re.IGNORECASE
)
# "such as X", and the next names of its list: "such as letrozole (Femara) or anastrozole"
_LISTED = r"(?:[\w'-]+\s+){0,2}[\w'-]+(?:\s+\([^()]*\))?\s*(?:,|\bor\b|\band\b)\s*"
_EXAMPLE_OF = re.compile(  # "such as X, Y or Z", "chemotherapy (X and Z)"
    rf"(?:(?:,\s*)?\b(?:such as|like|including|for example)\s+|\(\s*{_LISTED})"
    rf"(?:{_LISTED})*(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
# "2 chemotherapy drugs, daunorubicin and cytarabine": a name after the kind of thing it is.
_APPOSITION = re.compile(rf",\s+(?:{_LISTED})*$")
_CLOSES_A_NAME = re.compile(  # the name ends there: ", with", ".", " and cytarabine."
    r"^(?:\s*\([^()]*\))?\s*(?:[,.;:)]|$|\s+(?:and|or)\s+[\w'-]+\s*(?:\([^()]*\))?\s*(?:[,.;:]|$))"
)
# "warfarin, apixaban or any other blood thinner", "tamoxifen or another medicine"
_OR_ANOTHER = re.compile(
    r"^(?:\s*\([^()]*\))?(?:\s*,\s*[\w'-]+(?:\s+\([^()]*\))?)*\s*,?\s+(?:or|and)\s+(?:any\s+|some\s+)?"
    r"(?:an)?other\s+[a-z]",
    re.IGNORECASE,
)
# Nouns that say what kind of thing a name is, when a name stands beside them after a comma.
KIND_NOUNS = frozenset(
    "drug medicine medication tablet capsule injection treatment therapy antibiotic steroid cream "
    "vaccine painkiller inhaler test scan operation procedure gene protein hormone insulin "
    "antibody".split()
)
# Verbs that say what a medicine or a test is for: "an antihistamine to stop a reaction".
PURPOSE_VERBS = (
    "stop prevent lower reduce ease treat relieve protect control fight kill numb thin calm clear shrink "
    "block help keep settle soothe lessen raise find check see show look measure"
)
_PURPOSE = re.compile(  # "X to stop ...", "X called Y (Brand) to stop ...", "X medicine, such as Y, can help"
    rf"^(?:\s+(?:{'|'.join(sorted(KIND_NOUNS))})s?)?(?:\s+(?:called|named)\s+[\w'-]+(?:\s+\([^()]*\))?)?"
    r"(?:,\s+such as\s+[^,]+,)?,?\s+"
    rf"(?:to|that|which|can|will|may)\s+(?:(?:{PURPOSE_VERBS.replace(' ', '|')})(?:s|es)?)\b",
    re.IGNORECASE,
)
# Kinds too general to say what a medicine is: "drugs such as trastuzumab".
GENERIC_KINDS = frozenset(
    "drug drugs medicine medicines treatment treatments therapy therapies thing things other some "
    "procedure procedures test tests operation operations condition conditions illness illnesses "
    "problem problems".split()
)
AUXILIARIES = frozenset(
    "can may might will would could should must is are was were do does did has have".split()
)
PREPOSITIONS = frozenset("for of in with to from on at by".split())
NOT_KINDS = frozenset("other so also".split())
_DEFINES_BEFORE = re.compile(
    r"(?:\(\s*(?:it is|it's|this is|also called|called|or|known as)?\s*|"
    r"\b(?:called|known as|named)\s+|,\s+or\s+)(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
# "This is called tumour lysis syndrome", "we call this a complete remission": a name given to what
# the words before have just said; plain words may stand before the term.
_NAMES_WHAT_WAS_SAID = re.compile(
    r"\b(?:(?:this|that|it|these)\s+(?:is|are)\s+(?:often\s+|sometimes\s+|also\s+)?(?:called|known as)"
    r"|we\s+call\s+(?:this|it|these|them))\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)
# "If there are no signs of leukaemia, you are in remission.": the state the condition describes.
_STATE_AFTER_CONDITION = re.compile(
    r"^(?:if|when|once)\b[^,]{8,},\s+(?:you are (?:in|having)|(?:this|it) is|we say (?:you are|it is))\s+"
    r"(?:an?\s+|the\s+)?(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)
_BARE_CALLED = re.compile(r"\b(?:called|named|known as)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
_NAMING_VERB = re.compile(
    r"(?:,|\b(?:is|are|was|were|be|been|sometimes|often|also|usually))\s*$", re.IGNORECASE
)
_NEXT_DEFINES = re.compile(
    r"^(?:this|that|it|these|they)\s+(?:means?\b|stands? for\b|(?:is|are)\s+(?:an?|when)\b)",
    re.IGNORECASE,
)


def explained_here(sentence: Sentence, start: int, end: int, following: Sentence | None) -> bool:
    """Whether the word at sentence.text[start:end] is explained where it stands or next."""
    text = sentence.text
    if explained_after(text[end:]) or explained_before(text[:start]) or _apposition(text[:start], text[end:]):
        return True
    word = re.escape(text[start:end])
    if re.search(rf"\b{word}(?:\s+\w+)?\s+(?:means|stands for)\b", text, re.IGNORECASE):
        return True
    if _says_what_it_does(text[start:end], text):
        return True  # "A colonoscopy lets your doctor look at the lining of your colon."
    return following is not None and _explained_next(text[start:end], following.text)


def explained_after(after: str) -> bool:
    """What follows the word says what it is: "(swelling)", ", a thin tube", " is a ...", or the
    same after the noun it names ("monoclonal antibody: a drug that ...")."""
    if _explained_right_after(after) or _PURPOSE.match(after) or _OR_ANOTHER.match(after):
        return True
    head = re.match(r"^[ -]([a-z]+)\b", after)
    if not head or head.group(1) in FUNCTION_WORDS or not is_plain(head.group(1)):
        return False
    return _explained_right_after(after[head.end() :], named=True)


def _explained_right_after(after: str, named: bool = False) -> bool:
    """`named`: the words come after the noun the hard word describes, so "is a ..." must go on to
    say what it does ("monoclonal antibodies are drugs that ...")."""
    bracket = _BRACKET_AFTER.match(after)
    if bracket and has_plain_content(bracket.group(1)):
        return True
    if _DEFINES_AFTER.match(after):
        return True
    does = _DOES_AFTER.match(after)  # "a catheter that goes into a vein"
    if does:  # "that finds CD33 on ...", not "which has been recommended"
        return does.group(1).lower() not in AUXILIARIES and is_plain(does.group(1))
    definition = _IS_A.match(after)  # "T cells are white blood cells that ...", "Platelets are tiny cells."
    if not definition:
        return False
    words = [word for _, word in word_spans(definition.group(1))]
    kind = definition.group(2) or (words[-1].endswith("s") and not named)
    return bool(kind) and all(is_plain(word) and word not in PREPOSITIONS for word in words)


def _explained_next(term: str, following: str) -> bool:
    """The next sentence explains the word: "This means ...", "Platelets are ...", or a short
    sentence in plain words with the word as its subject ("Platelets help your blood to clot.")."""
    word = re.escape(term)
    if _NEXT_DEFINES.match(following):
        return True
    if re.search(rf"\b{word}(?:\s+\w+)?\s+(?:means|is an?|are|stands for)\b", following, re.IGNORECASE):
        return True
    return _says_what_it_does(term, following)


def _says_what_it_does(term: str, sentence: str) -> bool:
    """The sentence has the word as its subject and goes on in plain words: "Platelets help your
    blood to clot.", "A colonoscopy lets your doctor look at ..." (not "X can make you tired",
    which says what it does to you, not what it is)."""
    subject = re.match(rf"^(?:the\s+|an?\s+)?{re.escape(term)}(?:e?s)?\s+(.*)$", sentence, re.IGNORECASE)
    if not subject:
        return False
    rest = [word for _, word in word_spans(subject.group(1))][:NEXT_SENTENCE_WORDS]
    return bool(rest) and rest[0].lower() not in AUXILIARIES and all(is_plain(word) for word in rest)


def explained_before(before: str) -> bool:
    """ "plain words (word)", "plain words, called word", "a test known as word": the words before
    must be plain, or they name the word without saying what it is. "An antidepressant, such as
    word" names its kind: that is enough, unless the kind is only "drugs" or "treatment"."""
    if _NAMES_WHAT_WAS_SAID.search(before) or _STATE_AFTER_CONDITION.match(before):
        return True
    example = _EXAMPLE_OF.search(before)
    if example:
        return _names_a_kind(re.split(r"[,;:()]", before[: example.start()])[-1])
    found = _DEFINES_BEFORE.search(before)
    if not found:
        return False
    naming = before[: found.start()]
    if _BARE_CALLED.search(before) and not _NAMING_VERB.search(naming):
        return _names_a_thing(naming)  # "an antihistamine called chlorphenamine": the kind, plain or not
    naming = _NAMING_VERB.sub("", naming.rstrip()).rstrip(" ,")
    clause = re.split(r"[,;:()]", naming)[-1]
    words = [word for _, word in word_spans(clause)][-NAMING_WORDS:]
    at_start = len(words) == len(word_spans(clause)) and not re.search(r"[,;:()]", naming)
    return bool(words) and all(
        is_plain(word, first=at_start and number == 0) for number, word in enumerate(words)
    )


def _apposition(before: str, after: str) -> bool:
    """ "2 chemotherapy drugs, daunorubicin and cytarabine.", "a targeted tablet, midostaurin, with":
    a name (or a list of names) set after the kind of thing it is, and closed by a comma or a stop."""
    found = _APPOSITION.search(before)
    if not found or not _CLOSES_A_NAME.match(after):
        return False
    return _kind_before_a_name(re.split(r"[,;:()]", before[: found.start()])[-1])


def _names_a_thing(naming: str) -> bool:
    """The words before a bare "called" name a kind of thing ("a gene", "an antihistamine", "a blood
    thinner"): the hard word is one of those. A hard kind is reported on its own; a kind as wide as
    "the procedure" or "a medicine" says nothing."""
    words = [word for _, word in word_spans(re.split(r"[,;:()]", naming)[-1])]
    if not words or words[-1].lower() in FUNCTION_WORDS or not words[-1][:1].islower():
        return False
    return words[-1].lower() not in GENERIC_KINDS or _names_a_kind(" ".join(words[-2:]))


def _kind_before_a_name(clause: str) -> bool:
    """ "2 chemotherapy drugs", "a targeted tablet", "the first drug in R-CHOP": the words before a
    comma name a kind of thing (KIND_NOUNS) more closely than "drugs" alone."""
    words = [word.lower() for _, word in word_spans(clause)]
    if not words:
        return False
    cut = next((i for i in range(len(words) - 1, 0, -1) if words[i] in PREPOSITIONS), len(words))
    head = words[cut - 1] if len(words) - cut <= 3 else words[-1]
    singular = head[:-1] if head.endswith("s") else head
    return singular in KIND_NOUNS and _names_a_kind(clause)


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
