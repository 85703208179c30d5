"""The coder: from a cleaned, parsed document to its PLOVER events.

``Coder.code(doc, parsed)`` walks the sentences of every part, finds the
triggers of the language's lexicon (``triggers``), their actor and recipient
phrases (``arguments``), resolves the phrases to entities (``actors``), and
gives each event a status (``status``), a date (``dates``), a place
(``places``), the evidence sentence, the CAMEO code and score (``plover``),
and a ``why`` saying which lexicon line and which rules coded it. Mentions of
one event are merged last (``dedupe``).

A document is coded in units: the body (title, lead, paragraphs, captions) is
one; each teaser of the related-articles block is another, with its own
actors and no date of the article (FORMAT.md rule 8).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from eventwire.code import DEFAULT_LANG
from eventwire.code.actor_tables import sovereigns
from eventwire.code.actors import ActorResolver, DocumentActors
from eventwire.code.arguments import find_roles
from eventwire.code.context import (
    DIALOGUE_TYPES,
    JUDGEMENT_TYPES,
    Story,
    answer_order,
    between_parties,
    headline_participle,
)
from eventwire.code.dates import (
    Anchor,
    DateMention,
    document_anchor,
    find_dates,
    is_recollection,
    shift_day,
)
from eventwire.code.dedupe import dedupe
from eventwire.code.grammar import grammar, grammar_of
from eventwire.code.lexicon import load_acts, load_lexicon
from eventwire.code.phrases import Arg, phrase_span
from eventwire.code.places import Gazetteer, PlaceMention
from eventwire.code.plover import lookup
from eventwire.code.rules import (
    SPEECH_TYPES,
    anaphoric,
    background,
    bare_speech,
    clause_of,
    domestic,
    evidence,
    is_the_country,
    long_process,
    passive,
    rule_text,
    same_entity,
    union,
    within,
)
from eventwire.code.status import SUSPENDING_TYPES, event_status, habitual
from eventwire.code.tables import on_clear
from eventwire.code.triggers import TriggerMatch, find_triggers
from eventwire.document import Document, Part
from eventwire.event import Entity, Event, Place

MEETING_TYPES = ("CONSULT", "AGREE", "COOPERATE")
SCENE_KINDS = ("day", "weekday", "relative")
STORY_PARTS = 4  # the headline, the dateline and the lead say where a story happens
SCENE_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE"})
AIMED_TYPES = frozenset({"COERCE"})
UNNAMED_AUTHORITY_TYPES = frozenset({"COERCE", "ACCUSE"})
# Rules by which a pronoun is the subject of its clause: "il", "elle" there is the last subject.
SUBJECT_RULES = ("nsubj", "control", "coordination", "relative", "passive subject", "subject of")
SPLIT_MAX_TOKENS = 8
AIMED_AT_SOMEONE = frozenset({"SUPPORT"})  # types whose event needs a recipient
DESCRIBING = ("acl", "acl:relcl")  # clauses that describe a noun rather than tell an act
COMPLEMENTS = ("obj", "nmod", "iobj", "obl:arg")  # what an act is about
WORD_SPLIT = re.compile(r"[\s\-]+")  # "centre-ville de" ends with "ville de"


@dataclass
class Unit:
    """What the coder remembers while reading one unit (the body, or one teaser)."""

    actors: DocumentActors
    anchor: Anchor
    part: str  # "body" or "teaser"
    index: int | None  # teaser index
    country: str | None = None  # the story's country: where its places mostly are
    story: Callable[[], str | None] | None = None  # finds ``country`` when first needed
    last_country: str | None = None  # the country named last (what "le pays" refers to)
    meeting: list[Entity] = field(default_factory=list)  # both sides of the current meeting
    salient: Entity | None = None  # the last subject named: what "il" / "elle" refer to
    subjects: list[Span] = field(default_factory=list)  # subjects since, not resolved yet
    resolved: dict[tuple[int, int, int, str | None], Entity | None] = field(default_factory=dict)
    accusations: list[tuple[list[Entity], list[Entity]]] = field(default_factory=list)
    pictured: Entity | None = None  # in a teaser: the person its photo caption names
    last_date: DateMention | None = None  # the day of the scene being told
    # The paragraph, day and actor countries of the last dated sentence that told an event.
    dated: tuple[int, int, DateMention, frozenset[str]] | None = None
    history: Story = field(default_factory=Story)  # the events told so far
    scene_place: Place | None = None  # where the scene happens: the last city named with "à"
    last_day: str | None = None  # the last day its paragraphs stated ("le lendemain" counts from it)


class Coder:
    """Codes the documents of one language; loads its lexicon, resolver and gazetteer once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lexicon = load_lexicon(lang)
        self.acts = load_acts(lang)
        self.resolver = ActorResolver(lang)
        self.gazetteer = Gazetteer.load(lang)
        self.grammar = grammar(lang)

    # -------------------------------------------------------------- document

    def code(self, doc: Document, parsed: Sequence[Doc]) -> list[Event]:
        if not len(self.lexicon):
            return []
        anchor = document_anchor(doc, self.lang)
        units: dict[int | None, Unit] = {}
        events: list[Event] = []
        # Places are looked up once per part for the headline and lead (the story's
        # country), and otherwise only in the sentences that tell an event.
        places: dict[int, list[PlaceMention]] = {}
        for index, (part, sdoc) in enumerate(zip(doc.parts, parsed, strict=True)):
            key = part.teaser if part.is_teaser else None
            unit = units.get(key)
            if unit is None:
                unit = Unit(
                    DocumentActors(self.resolver),
                    Anchor.unknown(anchor.years) if part.is_teaser else anchor,
                    "teaser" if part.is_teaser else "body",
                    key,
                )
                unit.history = Story(self.lexicon, self.acts)
                # The story's country is looked up only when an actor needs it.
                unit.story = lambda d=doc, k=key: self._story_country(d, k, places)
                # "du pays", "l'île": the country named last, else the story's (its places)
                unit.actors.story = lambda u=unit: u.last_country or _story(u)
                units[key] = unit
            if part.kind == "teaser_caption" and unit.pictured is None:
                unit.pictured = self._pictured(sdoc, unit)
            dates = find_dates(part.text, unit.anchor, self.lang)
            _then_across(dates, unit)
            sentences = [(sent, find_triggers(sent, self.lexicon)) for sent in sdoc.sents]
            for sent, matches in sentences:
                span = (sent.start_char, sent.end_char)
                if index in places:
                    mentions = within(places[index], span)
                elif matches:  # only sentences that tell an event need their places
                    mentions = self.gazetteer.find(sent.text)
                else:
                    mentions = []
                found = self._places(part.text, mentions, span)
                events.extend(
                    self._sentence(doc, index, part, sent, unit, matches, within(dates, span), found)
                )
                named = [m for m in mentions if m.kind == "country" and m.place.country]
                if named:
                    unit.last_country = named[-1].place.country
        return dedupe(events)

    def _story_country(
        self, doc: Document, key: int | None, places: dict[int, list[PlaceMention]]
    ) -> str | None:
        """The country most places of a unit's headline and lead are in (the title counts thrice)."""
        counts: Counter[str] = Counter()
        indices = [i for i, p in enumerate(doc.parts) if (p.teaser if p.is_teaser else None) == key]
        for index in indices[:STORY_PARTS]:
            part = doc.parts[index]
            if index not in places:
                places[index] = self.gazetteer.find(part.text)
            weight = 3 if part.kind in ("title", "teaser_title") else 1
            for mention in places[index]:
                if mention.place.country:
                    counts[mention.place.country] += weight
        if not counts:
            return None
        (best, n), *rest = counts.most_common(2) + [("", 0)]
        return best if n > rest[0][1] else None

    # -------------------------------------------------------------- sentence

    def _sentence(
        self,
        doc: Document,
        index: int,
        part: Part,
        sent: Span,
        unit: Unit,
        matches: list[TriggerMatch],
        dates: list[DateMention],
        places: list[PlaceMention],
    ) -> list[Event]:
        """The events of one sentence; ``dates`` and ``places`` in sentence offsets."""
        events = []
        if matches:
            governors = {m.token.i for m in matches if m.trigger.type in SUSPENDING_TYPES}
            others = frozenset(m.token.i for m in matches)
            found_at: list[tuple[int, Event]] = []
            # Protests, negotiations and agreements last: their unnamed sides may be the parties
            # of an exchange this very sentence tells ("au terme des négociations, X a refusé ...").
            for match in sorted(matches, key=answer_order):
                status = event_status(match.token, governors - {match.token.i})
                found = dates
                if status == "future" and dates:
                    found = find_dates(sent.text, unit.anchor, self.lang, future=True)
                event = self._event(doc, index, part, sent, unit, match, status, found, places, others)
                if event is not None:
                    found_at.append((match.token.i, event))
                    unit.history.told(event)
            events = [e for _, e in sorted(found_at, key=lambda pair: pair[0])]  # text order
        # The scene's day: a single day ("mardi matin") rather than the span of a whole visit.
        days = [d for d in dates if d.kind in SCENE_KINDS]
        if days:
            unit.last_date = days[0]
            actors = frozenset(a.country for e in events if e.date for a in e.actor if a.country)
            if actors and len(days) == 1:
                unit.dated = (index, unit.history.sentence, days[0], actors)
        cities = [m for m in places if m.kind != "country"]
        if cities and (days or unit.scene_place is None):
            unit.scene_place = replace(cities[0].place)
        self._remember_subject(sent, unit)
        unit.history.sentence += 1
        return events

    def _remember_subject(self, sent: Span, unit: Unit) -> None:
        """Keep the sentence's subject phrase; it is resolved only if a pronoun needs it."""
        root = sent.root
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.pos_ in ("NOUN", "PROPN"):
                unit.subjects.append(phrase_span(child))
                return

    def _salient(self, unit: Unit) -> Entity | None:
        """What "il" / "elle" refer to: the latest subject that names an actor of a country."""
        while unit.subjects:
            entity = unit.actors.resolve(unit.subjects.pop())
            if entity is not None and entity.country:
                unit.salient = entity
                unit.subjects.clear()
                break
        return unit.salient

    # -------------------------------------------------------------- one event

    def _event(
        self,
        doc: Document,
        index: int,
        part: Part,
        sent: Span,
        unit: Unit,
        match: TriggerMatch,
        status: str,
        dates: list[DateMention],
        places: list[PlaceMention],
        others: frozenset[int],
    ) -> Event | None:
        trigger = match.trigger
        if (bare_speech(match) and not headline_participle(match, part)) or anaphoric(match) or (
            long_process(match) or habitual(match.token)
        ):
            return None
        roles = find_roles(match.token, trigger, others)
        actors, actor_rule = self._resolve_first(roles.actors, unit, None)
        counterpart = actors[0] if actors else None
        recipients, recipient_rule = self._resolve_first(roles.recipients, unit, counterpart)
        if trigger.roles == "sym":
            partners, partner_rule = self._resolve_all(roles.partners, unit, counterpart)
            actors = union(actors, partners, recipients)
            actors = union(actors, self._named_sides(roles.actors + roles.partners))
            recipients = []
            actor_rule = "; ".join(r for r in (actor_rule, partner_rule, recipient_rule) if r) or None
        else:
            recipients = [r for r in recipients if not same_entity(r, actors)]
        if between_parties(match) and len({e.country for e in actors if e.country}) < 2:
            # "Onze accords ont pu être trouvés", "au terme des négociations": between the two
            # sides of the exchange the story is telling.
            sides, rule = unit.history.exchange_sides(actors)
            if sides:
                actors = union(actors, sides)
                actor_rule = f"{actor_rule}; {rule}" if actor_rule else rule
        if trigger.roles == "recv" and not actors:
            return None  # "recevoir" a thing, not a guest
        place = self._place(places, sent, match, unit)
        home = place.country if place is not None and place.country else None
        if home is None and _needs_home(trigger.type, actors + recipients):
            home = _story(unit)
        # "21 de ses membres ont été arrêtés": someone was acted upon, even if of no known country.
        patient = recipients or any(a.rule == "passive subject" for a in roles.recipients)
        if trigger.type in UNNAMED_AUTHORITY_TYPES and not actors and patient and home and passive(match):
            # "Elle a été arrêtée", "Il est accusé de corruption": by the authorities of the place.
            actors = [Entity(country=home, sector=None, name=None)]
            actor_rule = "unnamed authorities of the place (passive without agent)"
        elected = next((e.country for e in recipients if e.country), None) or home
        if trigger.lemma in self.grammar["electing"] and not actors and elected and passive(match):
            # "X a été élu président": by the voters of X's country.
            actors = [Entity(country=elected, sector="CVL", name=None)]
            actor_rule = "the voters (passive without agent)"
        if trigger.type == "PROTEST" and not actors and home:
            # "des manifestations ont eu lieu": unnamed protesters of the place.
            actors = [Entity(country=home, sector="CVL", name=None)]
            actor_rule = "unnamed protesters of the place"
        for entity in actors + recipients:
            if entity.country is None and home and domestic(entity):
                # "les rebelles", "des manifestants", "le gouvernement": of the story's country.
                entity.country = home
                if any(entity is a for a in actors):
                    actor_rule = f"{actor_rule}; country of the story"
                else:
                    recipient_rule = f"{recipient_rule}; country of the story"
        if trigger.mode == "visit" and not recipients and place is not None and place.country:
            if place.country not in {a.country for a in actors}:
                recipients = [Entity(country=place.country, sector="GOV", name=None)]
                recipient_rule = "host country of the visit's place"
        if trigger.type in JUDGEMENT_TYPES and not any(e.country for e in recipients):
            recipients, recipient_rule = unit.history.author(match, roles.recipients, actors) or (
                recipients, recipient_rule
            )
        if not any(e.country for e in actors + recipients):
            return None
        if unit.pictured is not None and not any(e.country for e in actors) and trigger.type in SPEECH_TYPES:
            # A teaser's "des experts saluent ..." under the photo of one of them: he speaks too.
            actors = [replace(unit.pictured), *actors]
            actor_rule = f"{actor_rule}; the person the teaser's photo shows" if actor_rule else (
                "the person the teaser's photo shows"
            )
        if trigger.type == "REJECT" and not recipients and actors:
            # Denying an accusation: the accuser is the recipient (FORMAT.md rule 10).
            recipients, recipient_rule = self._accuser(unit, actors)
        if trigger.type == "PROTEST" and not recipients:
            recipients, recipient_rule = _own_government(actors)
        if trigger.type in DIALOGUE_TYPES and not recipients and trigger.roles != "sym" and actors:
            recipients, recipient_rule = unit.history.other_side(actors)
        if trigger.roles == "eval" and not any(e.country for e in recipients):
            return None  # a judgement is about someone: "parle d'un « montage »" alone is not coded
        if trigger.type in AIMED_AT_SOMEONE and trigger.roles != "sym" and not any(
                e.country for e in recipients):
            return None  # praise or sympathy aimed at no one (FORMAT.md rule 11)
        if trigger.mode == "visit" and not recipients:
            return None  # a visit has a host: "se rendre aux urnes" is not one
        if trigger.roles == "sym" and trigger.type in ("CONSULT", "AGREE") and len(actors) < 2:
            return None  # talks or an agreement need two sides; one side is a body's own meeting
        if trigger.type in AIMED_TYPES and not patient:
            return None  # "a interdit le développement de missiles": a rule, not an act on anyone
        date, date_end = self._date(sent, match, dates, unit, status)
        date_rule = "the sentence's own date" if date else None
        if date is None and status == "occurred" and not _later(match):
            date, date_end = self._paragraph_date(index, unit, actors)
            date_rule = "the day the previous sentence gave the same actor" if date else None
        if background(date, date_end, unit.anchor):
            return None  # recalled from well before the story (FORMAT.md rule 11)
        cameo, score = lookup(trigger.type, trigger.mode, trigger.cameo)
        if trigger.type == "ACCUSE" and status == "occurred":
            unit.accusations.append((actors, recipients))
        if trigger.type in MEETING_TYPES and len({e.country for e in actors + recipients if e.country}) >= 2:
            unit.meeting = actors + recipients
        return Event(
            type=trigger.type,
            mode=trigger.mode,
            actor=actors,
            recipient=recipients,
            date=date,
            date_end=date_end,
            place=place,
            status=status,
            part=unit.part,
            evidence=evidence(doc, index, part, sent),
            cameo=cameo,
            score=score,
            why={
                "trigger": match.text,
                "lexicon": trigger.where,
                "actor_rule": actor_rule,
                "recipient_rule": recipient_rule,
                "unit": unit.index,
                # an actor the text names that no table resolves ("la communauté internationale"):
                # this mention is not a shorter telling of another side's act
                "unresolved_actor": bool(roles.actors) and not any(e.country for e in actors),
                "date_rule": date_rule,
            },
        )

    # -------------------------------------------------------------- entities

    def _resolve_arg(self, arg: Arg, unit: Unit, counterpart: Entity | None) -> list[Entity]:
        if arg.reciprocal and unit.meeting:
            return [replace(e) for e in unit.meeting]
        if self._is_place(arg):
            return []
        key = (arg.span.start, arg.span.end, id(arg.span.doc), counterpart.country if counterpart else None)
        if key not in unit.resolved:  # one phrase is often an argument of several triggers
            unit.resolved[key] = unit.actors.resolve(arg.span, counterpart)
        entity = unit.resolved[key]
        if entity is not None:
            return self._split_plural(arg, entity)
        if is_the_country(arg.span) and (unit.last_country or _story(unit)):
            # "le pays": the country named last, else the story's.
            return [Entity(country=unit.last_country or _story(unit), sector="GOV", name=None)]
        if arg.pronoun and arg.span.text.lower() not in self.grammar["not_anaphoric"] and arg.rule.startswith(
            SUBJECT_RULES
        ) and not (
            arg.rule.startswith("passive") and arg.span.text.lower() in self.grammar["impersonal"]
        ):  # "Il a été convenu" is impersonal; "l'" object clitics are not the last subject
            if arg.span.text.lower() in self.grammar["plural_pronoun"] and unit.meeting:
                return [replace(e) for e in unit.meeting]
            salient = self._salient(unit)
            if salient is not None:
                return [replace(salient)]
        return []

    def _resolve_all(
        self, args: list[Arg], unit: Unit, counterpart: Entity | None
    ) -> tuple[list[Entity], str | None]:
        found: list[Entity] = []
        rules = []
        for arg in args:
            entities = self._resolve_arg(arg, unit, counterpart)
            if entities:
                found = union(found, entities)
                rules.append(rule_text(arg))
        return found, "; ".join(dict.fromkeys(rules)) or None

    def _pictured(self, sdoc: Doc, unit: Unit) -> Entity | None:
        """Who a teaser's photo caption names ("Le Dr X, président de ... Photo: VNA")."""
        for sent in list(sdoc.sents)[:1]:  # the caption's first sentence, not "Photo: VNA"
            root = sent.root
            head = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            if root.pos_ in ("NOUN", "PROPN"):
                head = root  # a caption is often a noun phrase alone
            if head is not None:
                entity = unit.actors.resolve(phrase_span(head))
                if entity is not None and entity.country and entity.name:
                    return entity
        return None

    def _accuser(self, unit: Unit, accused: list[Entity]) -> tuple[list[Entity], str | None]:
        """Who last accused one of ``accused`` in this unit."""
        mine = {e.country for e in accused if e.country}
        for actors, recipients in reversed(unit.accusations):
            # An accuser of the rejecter's own country is the unnamed "authorities" of a passive.
            if mine & {e.country for e in recipients if e.country} and actors and not (
                {e.country for e in actors} <= mine
            ):
                return [replace(e) for e in actors], "the accuser of the one who rejects"
        return [], None

    def _is_place(self, arg: Arg) -> bool:
        """ "à Tombouctou", "dans la province de X": where, not whom (a city or region)."""
        case = arg.rule.rsplit(":", 1)[-1]
        if case not in self.grammar["place_case"]:
            return False
        return any(m.kind != "country" for m in self.gazetteer.find(arg.span.text))

    def _split_plural(self, arg: Arg, entity: Entity) -> list[Entity]:
        """ "les présidents mauritanien et guinéen", "ses alliés russes et iraniens": one each."""
        root = arg.span.root
        plural = "Plur" in root.morph.get("Number", []) or root.lower_.endswith(("s", "x"))
        if not plural or not any(t.dep_ == "conj" for t in arg.span):
            return [replace(entity)]
        countries = self.resolver.mentions_country(arg.span.text)
        if len(countries) < 2 or len(arg.span) > SPLIT_MAX_TOKENS:
            return [replace(entity)]
        return [replace(entity, country=c, name=None, actor_id=None) for c in sorted(countries)]

    def _named_sides(self, args: list[Arg]) -> list[Entity]:
        """Countries a symmetric event's phrases pair up: "la coopération Vietnam-Russie"."""
        found: list[Entity] = []
        for arg in args:
            countries = self.resolver.mentions_country(arg.span.text)
            if len(countries) >= 2:
                found.extend(Entity(country=c, sector="GOV", name=None) for c in sorted(countries))
        return found

    def _resolve_first(
        self, args: list[Arg], unit: Unit, counterpart: Entity | None
    ) -> tuple[list[Entity], str | None]:
        """Entities of the first candidate phrase (with its coordinated ones) that resolves."""
        groups: dict[tuple[str, int], list[Arg]] = {}
        for arg in args:
            groups.setdefault((arg.rule, arg.group), []).append(arg)
        fallback: tuple[list[Entity], str | None] = ([], None)
        for group in groups.values():
            found, rule = self._resolve_all(group, unit, counterpart)
            if any(e.country for e in found):
                return found, rule
            if found and rule and rule.startswith("de (") and any(e.name for e in found):
                return found, rule  # "la visite du Premier ministre X": X, even of no known country
            if found and not fallback[0]:
                fallback = (found, rule)
        return fallback

    # -------------------------------------------------------------- where, when

    def _places(self, text: str, mentions: list[PlaceMention], span: tuple[int, int]) -> list[PlaceMention]:
        """Places of a sentence introduced as where something happens ("à Hanoi", "en Russie")."""
        found = []
        for mention in mentions:
            start = mention.start + span[0]  # back in the part's offsets
            before = text[max(span[0], start - 16) : start].lower().replace("’", "'")
            # a place that opens the sentence: "Hanoi, le 5 mars - ...", "France : ..."; but a
            # country there is the subject ("Pakistan did not sign ..."), not where it happens
            kicker = text[mention.end + span[0] : mention.end + span[0] + 3].strip().startswith(":")
            opens = not before.strip() and (mention.kind != "country" or kicker)
            if _ends_with(before, self.grammar["locative_before"]) or opens:
                found.append(mention)
        return found

    def _place(self, places: list[PlaceMention], sent: Span, match: TriggerMatch, unit: Unit) -> Place | None:
        """The nearest place; a city rather than its country ("à Hanoi" over "au Vietnam")."""
        at = match.token.idx - sent.start_char
        ranked = sorted(places, key=lambda m: (m.kind == "country", abs(m.start - at)))
        place = replace(ranked[0].place) if ranked else None
        scene = unit.scene_place
        if scene is not None and match.trigger.type in SCENE_TYPES and (
            place is None or (place.country == scene.country and ranked[0].kind == "country")
        ):
            place = replace(scene)  # said or signed at the meeting: where the meeting was
        return place

    def _paragraph_date(self, index: int, unit: Unit, actors: list[Entity]) -> tuple[str | None, str | None]:
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

    def _date(
        self, sent: Span, match: TriggerMatch, dates: list[DateMention], unit: Unit, status: str
    ) -> tuple[str | None, str | None]:
        at = match.token.idx - sent.start_char
        if dates:
            # A date of the trigger's own clause first: in "X demande le remplacement de Y,
            # émissaire envoyé il y a un mois", the month dates the sending, not the request.
            mine = clause_of(sent, at)
            own = [m for m in dates if clause_of(sent, m.start) == mine]
            # Else a date of another clause, but not of one describing what the act is about:
            # in "une enquête sur les violations survenues depuis 2015", 2015 dates the violations.
            told = own or [m for m in dates if not _describes_complement(sent.doc[clause_of(sent, m.start)], match)]
            if not told:
                return None, None
            nearest = min(told, key=lambda m: abs(m.start - at))
            return nearest.date, nearest.date_end
        if unit.last_date is not None and status == "occurred" and match.trigger.type in SCENE_TYPES:
            # What the sides did at a meeting is dated by the meeting ("mardi matin ...
            # les deux parties ont eu un entretien ... ont signé un mémorandum").
            return unit.last_date.date, unit.last_date.date_end
        # Otherwise an undated clause stays undated: the annotators do not guess.
        return None, None


def _story(unit: Unit) -> str | None:
    """The unit's story country, computed once, on first need."""
    if unit.story is not None:
        unit.country, unit.story = unit.story(), None
    return unit.country


def _then_across(dates: list[DateMention], unit: Unit) -> None:
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


def _later(match: TriggerMatch) -> bool:
    """ "Les rebelles ont depuis accepté", "ensuite", "entre-temps": another time than the
    day just told."""
    clause = [match.token, *match.token.children, *match.token.head.children]
    later = grammar_of(match.token)["later"]
    return any(t.lower_ in later for t in clause)


def _own_government(actors: list[Entity]) -> tuple[list[Entity], str | None]:
    """A protest that names no target is aimed at the protesters' own government (that of
    the state governing their territory: protesters in Cayenne face Paris)."""
    country = next((e.country for e in actors if e.country and e.country != "IGO"), None)
    if country is None or any(e.sector == "GOV" for e in actors):
        return [], None
    government = Entity(country=sovereigns().get(country, country), sector="GOV", name=None)
    return [government], "the protesters' own government"


def _needs_home(type_: str, entities: list[Entity]) -> bool:
    return type_ in UNNAMED_AUTHORITY_TYPES or type_ == "PROTEST" or any(
        e.country is None and domestic(e) for e in entities
    )


_CODERS: dict[str, Coder] = {}  # per language: built once, forgotten when tables change
on_clear(_CODERS.clear)


def coder_for(lang: str | None) -> Coder:
    lang = lang or DEFAULT_LANG
    if lang not in _CODERS:
        _CODERS[lang] = Coder(lang)
    return _CODERS[lang]


def code_document(doc: Document, parsed: Sequence[Doc]) -> list[Event]:
    """The events of a cleaned document, given the spaCy parse of each of its parts."""
    return coder_for(doc.lang).code(doc, parsed)
