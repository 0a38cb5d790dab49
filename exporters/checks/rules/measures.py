"""Rules that measure: sentence and paragraph length, the passive voice, reading age, easy-read rows."""

from __future__ import annotations

from ...findings import Severity
from ...model import plain_text
from ...sentences import split_sentences
from ..active import turn_round, verb_of
from ..units import Sentence
from .base import PROFILES, Context, Rule, Scope, Switches, easy_read_rule

GRADES = (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)
MIN_HALF = 4  # words: a shorter piece is rarely a sentence of its own
JOINING_WORDS = frozenset("and but so then".split())  # dropped or kept where the sentence is split
SUBJECTS = frozenset(
    "you we i it they he she this that these those there the your our their a an some most many if "
    "when after before once".split()
)
FUNCTION_WORDS = frozenset(
    "a an the to of in on at for with by from into than as and or but so your our their my his her its "
    "this that these those some any is are was were be been can will may might should must could would "
    "not very".split()
)


def graded(settings, value: float) -> tuple[Severity | None, float]:
    """The severity of the highest threshold `value` is over, and the lowest threshold (the aim)."""
    thresholds = [(grade, settings.get(str(grade)) or 0) for grade in GRADES]
    thresholds = [(grade, limit) for grade, limit in thresholds if limit]
    aim = min((limit for _, limit in thresholds), default=0)
    for grade, limit in thresholds:
        if value > limit:
            return (settings.severity if settings.forced else grade), aim
    return None, aim


def long_sentence(context: Context, switches: Switches) -> None:
    for sentence, settings in context.sentences_for(switches):
        count = len(sentence.words)
        severity, aim = graded(settings, count)
        if severity is None:
            continue
        context.report_at("long-sentence", severity, sentence, 0,
                          f"This sentence has {count} words; aim for {aim} or fewer.",
                          split_advice(sentence))  # fmt: skip


def split_advice(sentence: Sentence) -> str:
    """Where to split a long sentence so that both halves are sentences, nearest its middle."""
    spans = sentence.spans
    places = range(MIN_HALF, len(spans) - MIN_HALF + 1)
    candidates = [index for index in places if _splits_at(sentence, index)]
    if not candidates:
        return "Split it into two or more sentences, one idea each."
    middle = len(spans) / 2
    best = min(candidates, key=lambda index: abs(index - middle))
    start = best + (spans[best][1].lower() in JOINING_WORDS)
    opening = spans[start][1][:1].upper() + spans[start][1][1:]
    return f'Split it after "{spans[best - 1][1]}" and start the next sentence with "{opening}".'


def _splits_at(sentence: Sentence, index: int) -> bool:
    """Whether the sentence can end before word `index`: a clause ends there (a semicolon, a colon,
    or a comma before "and", "but", "so" or "then") and a clause with its own subject starts."""
    words, gaps = sentence.words, sentence.gaps
    gap, word = gaps[index - 1], words[index].lower()
    if words[index - 1].lower() in FUNCTION_WORDS or "(" in gap:
        return False
    if any(mark in gap for mark in ";:–—"):
        return True
    if "," not in gap or word not in JOINING_WORDS:
        return False
    after = words[index + 1 : index + 3]
    if len(words) - index - 1 < MIN_HALF or not after:
        return False
    return after[0].lower() in SUBJECTS or (after[0].lower() == "then" and len(after) > 1)


def long_paragraph(context: Context, switches: Switches) -> None:
    for block, settings in context.blocks_for(switches):
        if block.kind != "paragraph" or not block.sentences:
            continue
        sentences = len(block.sentences)
        words = sum(len(s.words) for s in block.sentences)
        if sentences > settings["sentences"] or words > settings["words"]:
            context.report_at("long-paragraph", settings.severity, block.sentences[0], 0,
                              f"This paragraph has {sentences} sentences and {words} words.",
                              f"Keep a paragraph to one idea: {settings['sentences']} sentences or fewer, "
                              f"and no more than {settings['words']} words.")  # fmt: skip


def passive_voice(context: Context, switches: Switches) -> None:
    counted = passive = 0
    first = None
    for sentence, settings in context.sentences_for(switches):
        if sentence.counts_in_metrics and sentence.profile == "standard":
            counted += 1
            passive += bool(sentence.passives)
        for start, end in sentence.passives:  # each passive clause
            phrase = " ".join(sentence.words[start : end + 1])
            first = first or sentence
            context.report_at("passive-voice", settings.severity, sentence, start,
                              f'"{phrase}" is in the passive voice: it does not say who does it.',
                              passive_advice(sentence, start, end), phrase)  # fmt: skip
    settings = switches.get("standard")
    if settings is not None and first is not None and counted and passive / counted > settings["share"]:
        share = f"{passive / counted:.0%}"
        if share == f"{settings['share']:.0%}":
            share = f"{passive / counted:.1%}"  # "10.3%", not "10%" beside an aim of 10%
        context.report("passive-voice", settings.severity_of("share-severity"), first.line, first.column,
                       f"{passive} of {counted} sentences ({share}) are passive; "
                       f"aim for no more than {settings['share']:.0%}.",
                       "Rewrite the passive sentences to say who does what.")  # fmt: skip


def passive_advice(sentence: Sentence, start: int, end: int) -> str:
    """This sentence turned round, or at least its own verb made active."""
    active = turn_round(sentence.words, sentence.gaps, start, end)
    if active is not None:
        return f'Say who does it: "{active}"'
    verb = verb_of(sentence.words[end])
    phrase = " ".join(sentence.words[start : end + 1])
    return f'Say who does it: "we {verb.base}" rather than "{phrase}".'


def reading_age(context: Context, switches: Switches) -> None:
    """The reading age of the running text, reported at its first line (not at the title or the
    front matter, which the figure does not count)."""
    for profile, figures in context.metrics.items():
        settings = switches.get(profile)
        if settings is None or figures.sentences < settings["minimum-sentences"]:
            continue
        severity, aim = graded(settings, round(figures.reading_age, 1))
        if severity is None:
            continue
        estimate = figures.smog_is_estimate
        if estimate and severity == Severity.ERROR and not settings.forced:
            severity = Severity.WARNING  # SMOG is not valid on fewer than 30 sentences
        which = "The easy-read text" if profile == "easy-read" else "The leaflet"
        note = f" (an estimate: SMOG needs 30 sentences, this has {figures.sentences})" if estimate else ""
        first = next(s for s in context.sentences if s.profile == profile and s.counts_in_metrics)
        context.report(
            "reading-age",
            severity,
            first.line,
            first.column,
            f"{which} has a reading age of about {_age(figures.reading_age, aim)}{note}; "
            f"aim for {aim:.0f} or lower.",
            "Use shorter sentences and words of fewer syllables; explain medical words.",
        )


def _age(age: float, aim: float) -> str:
    """ "14", or "11.4" where the whole number would read as the aim itself ("about 11; aim for 11")."""
    whole = f"{age:.0f}"
    return f"{age:.1f}" if float(whole) <= aim else whole


def easy_read_row(context: Context, switches: Switches) -> None:
    settings = switches["easy-read"]
    for section in context.document.sections:
        for block in section.easy_read:
            for row in block.rows:
                text = plain_text(row.content).strip()
                if row.picture is None:
                    context.report("easy-read-row", settings.severity, row.line, 1,
                                   "This easy-read row has no picture.",
                                   "Start the row with a picture: '- ![what it shows](icon:NAME) ...'.",
                                   text)  # fmt: skip
                elif not _picture_written(context, row.line):
                    _report_chosen_picture(context, settings, row, text)
                sentences = len(split_sentences(text))
                if sentences > settings["sentences"]:
                    context.report(
                        "easy-read-row",
                        settings.severity_of("sentences-severity"),
                        row.line,
                        1,
                        f"This easy-read row has {sentences} sentences; keep one idea a row.",
                        "Start a new row, with its own picture, for the next idea.",
                        text,
                    )


def _picture_written(context: Context, line: int) -> bool:
    """Whether the row's own line in the source starts with a picture (else the reader chose one)."""
    locator = context.locator
    start = locator.offset_of_line(line)
    end = locator.text.find("\n", start)
    return "![" in locator.text[start : end if end >= 0 else None]


def _report_chosen_picture(context: Context, settings, row, text: str) -> None:
    """A row written without a picture that the computer gave one by its words: a person must
    check that it fits, as the words may mean something else ("Buses stop outside the hospital")."""
    picture = row.picture
    name = f"icon:{picture.icon}" if picture.icon else picture.path.name
    context.report("easy-read-row", settings.severity_of("chosen-severity"), row.line, 1,
                   f'This easy-read row has no picture of its own; the computer chose "{picture.alt}" '
                   f"({name}) by its words.",
                   f"Check that it fits, and write it in: '- ![{picture.alt}]({name}) ...', or choose "
                   "another.", text)  # fmt: skip


def easy_read_draft(context: Context, switches: Switches) -> None:
    """A draft from `leaflet draft-easy-read` is not published until a person has checked it."""
    settings = switches["easy-read"]
    for section in context.document.sections:
        for block in section.easy_read:
            if block.draft:
                context.report(
                    "easy-read-draft", settings.severity, block.line, 1,
                    "This easy-read text is a draft written by the computer.",
                    "Read every row, fix the words and choose pictures, then delete the line "
                    "<!-- leaflet: draft --> from the block.",
                    plain_text(block.rows[0].content),
                )  # fmt: skip


RULES = (
    Rule("long-sentence", Scope.SENTENCE, long_sentence, mark="long"),
    Rule("long-paragraph", Scope.BLOCK, long_paragraph, mark="long"),
    Rule("passive-voice", Scope.SENTENCE, passive_voice, mark="passive"),
    Rule("reading-age", Scope.LEAFLET, reading_age, mark="hard", profiles=PROFILES),
    easy_read_rule("easy-read-row", easy_read_row),
    easy_read_rule("easy-read-draft", easy_read_draft),
)
