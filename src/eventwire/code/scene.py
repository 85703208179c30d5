"""Where and when an event happens: its place and date among those its sentence names.

A place counts when a preposition of place puts it there ("à Hanoi", "in the
province of"), or it opens the sentence; the nearest one wins, a city over its
country, and what was said or signed at a meeting takes the meeting's place.
A date of the trigger's own clause comes first; an undated act of an actor the
previous sentence dated takes that day; otherwise it stays undated, as the
annotators leave it (FORMAT.md rule 9).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Span, Token

from eventwire.code.dates import DateMention, is_recollection, shift_day
from eventwire.code.grammar import Grammar, grammar_of
from eventwire.code.phrases import earlier_act_phrase
from eventwire.code.places import PlaceMention
from eventwire.code.rules import clause_of
from eventwire.code.triggers import TriggerMatch
from eventwire.code.unit import Unit
from eventwire.event import Entity, Place

SCENE_KINDS = ("day", "weekday", "relative")
SCENE_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE"})
DESCRIBING = ("acl", "acl:relcl")  # clauses that describe a noun rather than tell an act
COMPLEMENTS = ("obj", "nmod", "iobj", "obl:arg")  # what an act is about
COMPLEMENT_CLAUSES = ("xcomp", "ccomp")  # an act asked for, planned or told
ASKED_DEPS = ("obj", "obl", "obl:arg", "xcomp", "ccomp")  # what a request or threat is about
WORD_SPLIT = re.compile(r"[\s\-]+")  # "centre-ville de" ends with "ville de"


def locative_places(
    text: str, mentions: list[PlaceMention], span: tuple[int, int], grammar: Grammar
) -> list[PlaceMention]:
    """Places of a sentence introduced as where something happens ("à Hanoi", "en Russie")."""
    found = []
    for mention in mentions:
        start = mention.start + span[0]  # back in the part's offsets
        before = text[max(span[0], start - 16) : start].lower().replace("’", "'")
        # a place that opens the sentence: "Hanoi, le 5 mars - ..."; but a country there is
        # the subject ("Pakistan did not sign ..."), or the headline's topic ("Burundi : le
        # pays demande ..."), not where it happens; so is a capital right before its verb
        # ("Kiev a demandé ...": a dateline is followed by a comma or a dash)
        after = text[mention.end + span[0] : mention.end + span[0] + 2].strip()
        opens = not before.strip() and mention.kind != "country" and (not after or after[0] in ",(-–—:")
        if _ends_with(before, grammar["locative_before"]) or opens:
            found.append(mention)
        elif _ends_with(_without_compass(text[max(span[0], start - 40) : start], grammar), grammar["locative_before"]):
            found.append(mention)  # "dans le nord de la Syrie", "in northern Syria"
    return found


def _without_compass(before: str, grammar: Grammar) -> str:
    """ "... dans le nord de la " -> "... dans", "... dans un marché de " -> "... dans" (a
    site in the place: ``site_noun``); "" when no word of a part of a country or of a site
    ends it."""
    words = WORD_SPLIT.split(before.lower().replace("’", "'").replace("'", "' ").strip())  # "l'est"
    links, parts = grammar["compass_link"], grammar["compass_word"] | grammar["site_noun"]
    while words and words[-1] in links:
        words.pop()
    if not words or words[-1] not in parts:
        return ""
    # ("dans un village du nord du Burkina Faso": a site in a part of the country)
    while words and (words[-1] in parts or words[-1] in links):
        words.pop()
    return " ".join(words)


def event_place(
    places: list[PlaceMention], sent: Span, match: TriggerMatch, unit: Unit, actors: list[Entity]
) -> Place | None:
    """The nearest place; a city rather than its country ("à Hanoi" over "au Vietnam")."""
    at = match.token.idx - sent.start_char
    ranked = sorted(places, key=lambda m: (m.kind == "country", abs(m.start - at)))
    place = replace(ranked[0].place) if ranked else None
    scene = unit.scene_place
    # (by a side of the meeting: "Les États-Unis ont salué l'accord" signed in Luanda was
    # not said there)
    sides = {e.country for e in unit.meeting if e.country}
    at_meeting = not sides or not actors or any(e.country in sides for e in actors)
    if scene is not None and match.trigger.type in SCENE_TYPES and at_meeting and (
        place is None or (place.country == scene.country and ranked[0].kind == "country")
    ):
        place = replace(scene)  # said or signed at the meeting: where the meeting was
    return place


def paragraph_date(index: int, unit: Unit, actors: list[Entity]) -> tuple[str | None, str | None]:
    """An undated act of an actor the paragraph has just dated ("La Commission a, mercredi,
    menacé l'Italie de sanctions. L'exécutif européen reproche au pays ..."): that day."""
    if unit.dated is None or unit.part != "body":
        return None, None
    paragraph, sentence, day, countries = unit.dated
    if paragraph != index or sentence != unit.history.sentence - 1:
        return None, None  # the next sentence only: further on, the annotators leave it undated
    if not countries & {e.country for e in actors if e.country}:
        return None, None
    return day.date, day.date_end


EARLIER_ACT_RULE = "undated: told as what came before the clause's act"


def event_date(
    sent: Span, match: TriggerMatch, dates: list[DateMention], unit: Unit, status: str,
    actors: list[Entity],
) -> tuple[str | None, str | None, str | None]:
    """The date of an event and the rule that gave it: of its own clause, else of the
    sentence, else of the meeting its actor takes part in."""
    at = match.token.idx - sent.start_char
    before = earlier_act_phrase(match.token)
    if before is not None:
        # "malgré l'appel lancé par le collectif", "après l'attaque": an act named as what came
        # before is dated only inside its own phrase ("après l'attaque de mardi")
        start, end = before.left_edge.idx - sent.start_char, before.right_edge.idx - sent.start_char
        dates = [m for m in dates if start <= m.start <= end]
        if not dates:
            return None, None, EARLIER_ACT_RULE
    if dates:
        # A date of the trigger's own clause first: in "X demande le remplacement de Y,
        # émissaire envoyé il y a un mois", the month dates the sending, not the request.
        mine = clause_of(sent, at)
        own = [m for m in dates if clause_of(sent, m.start) == mine]
        # Else a date of another clause, but not of one describing what the act is about:
        # in "une enquête sur les violations survenues depuis 2015", 2015 dates the violations.
        # Nor of a complement clause, which dates the act asked for or told ("a dénoncé un procès
        # politique et appelé à manifester samedi": Saturday is the protest's).
        told = own or [m for m in dates if _dates_the_act(sent.doc[clause_of(sent, m.start)], match)]
        if not told:
            return None, None, None
        nearest = min(told, key=lambda m: abs(m.start - at))
        return nearest.date, nearest.date_end, "the sentence's own date"
    meeting = {e.country for e in unit.meeting if e.country}
    if unit.last_date is not None and status == "occurred" and match.trigger.type in SCENE_TYPES and (
            meeting & {e.country for e in actors if e.country}):
        # What the sides did at a meeting is dated by the meeting ("mardi matin ...
        # les deux parties ont eu un entretien ... ont signé un mémorandum"); not what
        # someone else said after the last day the story named.
        return unit.last_date.date, unit.last_date.date_end, "the day of the meeting told"
    if unit.last_date is not None and status == "occurred" and at_that_time(match):
        # "Des partisans ont tenté de pénétrer dans le tribunal ... Deux manifestants ont alors
        # été tués": on the day of the scene just told
        return unit.last_date.date, unit.last_date.date_end, "the day of the scene just told ('alors')"
    # Otherwise an undated clause stays undated: the annotators do not guess.
    return None, None, None


def at_that_time(match: TriggerMatch) -> bool:
    """ "ont alors été tués", "à ce moment-là": at the time just told (``that_time``)."""
    that_time = grammar_of(match.token)["that_time"]
    clause = [*match.token.children, *match.token.head.children]
    if any(t.dep_.startswith("aux") and "Imp" in t.morph.get("Tense", []) for t in clause):
        return False  # a pluperfect tells of a time before the scene: "avait alors accru la pression"
    return any(t.dep_ in ("advmod", "obl:mod", "obl") and (
        t.lower_ in that_time or t.doc[t.left_edge.i : t.right_edge.i + 1].text.lower() in that_time) for t in clause)


def asked_elsewhere(
    dates: list[DateMention], sent: Span, match: TriggerMatch, governors: set[int], others: frozenset[int],
) -> list[DateMention]:
    """The dates that do not date ``match``: those of the act a request, threat or refusal of the
    sentence is about (a clause, or an act noun the date hangs on), unless the trigger is in
    there too ("a dénoncé un procès et appelé à manifester samedi", "called for a protest on
    Saturday": Saturday is the protest's; but in "asked the Queen for an audience in August",
    a thing that is no act, August may date the asking)."""
    if not dates or not governors:
        return []
    doc, found = sent.doc, []
    for mention in dates:
        span = sent.char_span(mention.start, mention.start + 1, alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span.root
        for governor in (doc[i] for i in governors):
            inside = next((c for c in governor.children if c.dep_ in ASKED_DEPS and _within(token, c)), None)
            if inside is None or _within(match.token, inside):
                continue
            acts = {t.i for t in token.ancestors if inside.is_ancestor(t) or t.i == inside.i} & others
            if inside.dep_ in COMPLEMENT_CLAUSES or acts:
                found.append(mention)
                break
    return found


def _within(token: Token, phrase: Token) -> bool:
    return token.i == phrase.i or phrase.is_ancestor(token)


def then_across(dates: list[DateMention], unit: Unit) -> None:
    """ "Le 22 décembre, X a demandé ... [next paragraph] Le lendemain, Y a refusé":
    ``find_dates`` reads one paragraph at a time, so a "le lendemain" / "la veille" whose
    day was told in an earlier paragraph counted from the anchor; count it from that day."""
    ref = unit.anchor.date
    for mention in dates:
        if mention.why.get("from") == "the anchor" and unit.last_day and ref is not None:
            offset = (dt.date.fromisoformat(mention.date) - ref).days
            mention.date = shift_day(unit.last_day, offset) or mention.date
            mention.why["from"] = "the day told in an earlier paragraph"
        last = mention.date_end or mention.date
        if shift_day(last, 0) is not None and not is_recollection(last, unit.anchor):
            unit.last_day = last


def _dates_the_act(clause: Token, match: TriggerMatch) -> bool:
    """Whether a date of the clause ``clause`` (another than the trigger's) may date the act."""
    return not _describes_complement(clause, match) and clause.dep_ not in COMPLEMENT_CLAUSES


def _describes_complement(verb: Token, match: TriggerMatch) -> bool:
    """A clause describing a noun the act is about (its object or noun complement), not
    one in an adjunct: "in a press release issued the following day" dates the act."""
    trigger = match.token
    if verb.dep_ not in DESCRIBING or verb.i == trigger.i or not trigger.is_ancestor(verb):
        return False
    step = next(c for c in trigger.children if c.i == verb.i or c.is_ancestor(verb))
    return step.dep_ in COMPLEMENTS


def _ends_with(text: str, phrases: frozenset[str]) -> bool:
    """Whether the last words of ``text`` are one of ``phrases`` ("à", "dans la province de")."""
    words = WORD_SPLIT.split(text.lower().replace("’", "'").strip())
    for phrase in phrases:
        wanted = WORD_SPLIT.split(phrase)
        if len(wanted) <= len(words) and words[-len(wanted):] == wanted:
            return True
    return False


def later(match: TriggerMatch) -> bool:
    """ "Les rebelles ont depuis accepté", "ensuite", "entre-temps": another time than the
    day just told."""
    clause = [match.token, *match.token.children, *match.token.head.children]
    later = grammar_of(match.token)["later"]
    return any(t.lower_ in later for t in clause)
