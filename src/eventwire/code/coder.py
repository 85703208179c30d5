"""The coder: from a cleaned, parsed document to its PLOVER events.

``Coder.code(doc, parsed)`` walks the sentences of every part, finds the
triggers of the language's lexicon (``triggers``), their actor and recipient
phrases (``arguments``, with ``repairs`` where the parse failed), resolves the
phrases to entities (``actors``), and gives each event a status (``status``),
a date and a place (``scene``, from ``dates`` and ``places``), the evidence
sentence, the CAMEO code and score (``plover``),
and a ``why`` saying which lexicon line and which rules coded it. Mentions of
one event are merged last (``dedupe``).

A document is coded in units (``unit``): the body (title, lead, paragraphs,
captions) is one; each teaser of the related-articles block is another, with
its own actors and no date of the article (FORMAT.md rule 8).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from spacy.tokens import Doc, Span, Token

from eventwire.code import DEFAULT_LANG, reads_entities
from eventwire.code.actor_tables import stem
from eventwire.code.actors import ActorResolver, DocumentActors
from eventwire.code.arguments import (
    GUEST_PRONOUN_RULE,
    PERSON_PRONOUN_RULE,
    TOPIC_SUBJECT_RULE,
    Roles,
    find_roles,
)
from eventwire.code.complements import CLAUSE_ASKED_RULE, IN_OBJECT, THREAT_TARGET_RULE
from eventwire.code.context import (
    DIALOGUE_TYPES,
    JUDGEMENT_TYPES,
    UNADDRESSED_ONLY,
    Story,
    answer_order,
    answered,
    between_parties,
    headline_participle,
    proper,
    summed_up,
)
from eventwire.code.dates import (
    Anchor,
    DateMention,
    document_anchor,
    find_dates,
    is_recollection,
)
from eventwire.code.dedupe import dedupe
from eventwire.code.earlier import described_before, latter_before, named_before, named_members
from eventwire.code.grammar import grammar
from eventwire.code.lexicon import Trigger, load_acts, load_lexicon
from eventwire.code.namesakes import settle_namesakes
from eventwire.code.phrases import (
    Arg,
    after_power,
    case_of,
    counted_whole,
    has_possessive,
    headline_topic,
    make_args,
    measures_taken,
    phrase_span,
    same_act_verb,
    summed_act,
    whose_complement,
)
from eventwire.code.places import Gazetteer, Place, PlaceMention
from eventwire.code.plover import lookup
from eventwire.code.reference import main_clause_subject, owner_country, reporter_of
from eventwire.code.rules import (
    SPEECH_TYPES,
    anaphoric,
    any_country,
    asks_release,
    background,
    bare_speech,
    domestic,
    evidence,
    is_the_country,
    kind_of_weapon,
    long_process,
    manner_of_event,
    noted_process,
    orders_own_act,
    own_government,
    passive,
    protest_purpose,
    restated,
    rule_text,
    same_entity,
    undergoers_named,
    union,
    war_toll,
    within,
)
from eventwire.code.scene import (
    SCENE_KINDS,
    asked_elsewhere,
    event_date,
    event_place,
    later,
    locative_places,
    paragraph_date,
    then_across,
)
from eventwire.code.spans import sentence_of
from eventwire.code.status import SUSPENDING_TYPES, event_status, habitual, told_in_future
from eventwire.code.subjects import clause_subject
from eventwire.code.tables import on_clear
from eventwire.code.textutil import fold_key
from eventwire.code.triggers import TriggerMatch, counted, match_token, sentence_triggers
from eventwire.code.unit import Unit, last_country_of, story_country_of
from eventwire.document import Document, Part
from eventwire.event import Entity, Event
from eventwire.parse import TOPIC_WORDS

MEETING_TYPES = ("CONSULT", "AGREE", "COOPERATE")
HYPHENATED = re.compile(r"\w+(?:-\w+)+")  # "russo-biélorusses", "Turkish-Libyan"
MEMBER_SECTORS = frozenset({"GOV", "MIL"})  # who of an international body's members meet as its states
# Acts aimed at someone that a headline may name only by its topic ("Iran : l'UE adopte de
# nouvelles sanctions"); a topic is at most TOPIC_WORDS words before its colon.
TOPIC_AIMED_TYPES = frozenset({"SANCTION", "REQUEST", "THREATEN", "CONCEDE", "AID", "ACCUSE", "REJECT", "SUPPORT", "ASSAULT"})
CROWD_CONTROL = "crowd-control"  # the ASSAULT mode of dispersing a crowd
# Acts whose doer a verbless headline may name only by its topic ("Corée du Nord : nouveau tir").
TOPIC_ACTOR_TYPES = frozenset({"MOBILIZE"})
# Acts a state does on its own ground, whose doer a headline may likewise name only by its topic
# ("Mali : l'ambassadeur de France expulsé", "Iran : libération de deux journalistes").
TOPIC_DOER_MODES = frozenset({"expel", "arrest", "convict", "release"})
# An act of one side that, done by two sides or more together (as actors, not one on the
# other: an interception is no joint act), is a joint act: military exercises (CAMEO 150)
# held together are military cooperation (062).
JOINT_FORMS: dict[tuple[str, str | None], tuple[str, str]] = {("MOBILIZE", "150"): ("COOPERATE", "062")}
STORY_PARTS = 4  # the headline, the dateline and the lead say where a story happens
AIMED_TYPES = frozenset({"COERCE"})
OVER_A_PLACE_MODES = frozenset({"restrict"})  # a curfew is imposed on a place, not on someone
SEIZING_MODES = frozenset({"seize"})  # what is seized may be a thing of no known country ("un voilier")
UNNAMED_AUTHORITY_TYPES = frozenset({"COERCE", "ACCUSE"})
UNNAMED_AUTHORITY_MODES = frozenset({"release", "convict"})  # "X a été libéré": by the authorities holding him; "condamné": by its courts
# Rules by which a pronoun is the subject of its clause: "il", "elle" there is the last subject.
SUBJECT_RULES = ("nsubj", "control", "coordination", "relative", "passive subject", "subject of", "reported speech")
SPLIT_MAX_TOKENS = 8
AIMED_AT_SOMEONE = frozenset({"SUPPORT"})  # types whose event needs a recipient
DECRIED_BY_TARGET_TYPES = frozenset({"SANCTION"})  # a measure decried by the one it hits
DECRYING_TYPES = frozenset({"ACCUSE", "REJECT"})  # blame or refusal (not praise: "a salué les sanctions")
STATE_PROTEST_CAMEO = "111"  # a government's formal protest: ACCUSE, mode disapprove
INNER_SECTORS = frozenset({"OPP", "REB", "PTY"})  # groups inside one country, facing its government
GROUPS_AT_THE_TABLE = frozenset({"REB", "OPP", "MIL", "PTY", "CVL", "LAB"})  # non-state sides that talk or sign


class Coder:
    """Codes the documents of one language; loads its lexicon, resolver and gazetteer once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lexicon = load_lexicon(lang)
        self.acts = load_acts(lang)
        self.resolver = ActorResolver(lang)
        self.gazetteer = Gazetteer.load(lang)
        self.grammar = grammar(lang)
        self.side_counts = {word: int(count) for word, count in self.grammar.pairs("side_count")}

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
                unit.filed = None if part.is_teaser else self._filed_country(doc)
                # The story's country is looked up only when an actor needs it.
                unit.story = lambda d=doc, k=key: self._story_country(d, k, places)
                # "du pays", "l'île": the country named last, else the story's (its places)
                unit.actors.story = lambda word, d=doc, k=key, u=unit: (
                    self._home_place(d, k, places, word) or last_country_of(u) or story_country_of(u))
                units[key] = unit
            if part.kind == "teaser_caption" and unit.pictured is None:
                unit.pictured = self._pictured(sdoc, unit)
            dates = find_dates(part.text, unit.anchor, self.lang)
            then_across(dates, unit)
            sentences = sentence_triggers(sdoc, self.lexicon)
            if reads_entities(part, sentences):
                # where names may be looked up later: the parts whose entities were recognised,
                # so that the parse shortcut changes no event
                unit.parsed.append(sdoc)
            for sent, matches in sentences:
                span = (sent.start_char, sent.end_char)
                if index in places:
                    mentions = within(places[index], span)
                elif matches:  # only sentences that tell an event need their places
                    mentions = self.gazetteer.find(sent.text)
                else:
                    mentions = []
                found = locative_places(part.text, mentions, span, self.grammar)
                events.extend(
                    self._sentence(doc, index, part, sent, unit, matches, within(dates, span), found)
                )
                # "le pays": the country named last, by name or, in a sentence that tells an
                # event, by demonym too ("... aux garde-côtes libyens. Le gouvernement du pays")
                named = [(m.start, m.place.country) for m in mentions if m.kind == "country" and m.place.country]
                if matches:
                    unit.named_last = partial(self._named_last, sent.text, named, unit.named_last, unit.last_country)
                elif named:
                    unit.last_country, unit.named_last = named[-1][1], None
        return dedupe(settle_namesakes(events, doc, self.resolver, self.gazetteer))

    def _named_last(
        self, text: str, named: list[tuple[int, str]], before: Callable[[], str | None] | None, last: str | None
    ) -> str | None:
        """The country a sentence names last (``named``: its places), else the one named before."""
        found = named + self.resolver.countries_named(text, nationalities=False)
        if found:
            return max(found)[1]
        return before() if before is not None else last

    def _story_country(
        self, doc: Document, key: int | None, places: dict[int, list[PlaceMention]]
    ) -> str | None:
        """The country most places of a unit's headline and lead are in (the title counts thrice)."""
        counts: Counter[str] = Counter()
        for part, mentions in self._story_places(doc, key, places):
            weight = 3 if part.kind in ("title", "teaser_title") else 1
            for mention in mentions:
                if mention.place.country:
                    counts[mention.place.country] += weight
        if not counts:
            return None
        (best, n), *rest = counts.most_common(2) + [("", 0)]
        return best if n > rest[0][1] else None

    def _story_places(
        self, doc: Document, key: int | None, places: dict[int, list[PlaceMention]]
    ) -> list[tuple[Part, list[PlaceMention]]]:
        """The headline, dateline and lead of a unit with their places (looked up once)."""
        indices = [i for i, p in enumerate(doc.parts) if (p.teaser if p.is_teaser else None) == key]
        for index in indices[:STORY_PARTS]:
            if index not in places:
                places[index] = self.gazetteer.find(doc.parts[index].text)
        return [(doc.parts[i], places[i]) for i in indices[:STORY_PARTS]]

    def _filed_country(self, doc: Document) -> str | None:
        """The country of the place a story was filed from ("Paris, 4 avril (AFP) -")."""
        written = doc.dateline.place if doc.dateline is not None else None
        if not written:
            return None
        place = self.gazetteer.lookup(written)
        return place.country if place is not None else None

    def _home_place(
        self, doc: Document, key: int | None, places: dict[int, list[PlaceMention]], word: str
    ) -> str | None:
        """The country of the place "l'île", "la province" points back to: of the headline's
        and lead's places, the first whose name holds the noun ("l'Île-du-Prince-Édouard"),
        else, for a noun of a region, the first region. None for "le pays" (the country named
        last) or when none is named."""
        words = fold_key(word).split()  # "l'île" -> "l ile"
        noun = words[-1] if words else ""
        if not noun or noun in self.grammar["country_noun"]:
            return None
        mentions = [m for _, found in self._story_places(doc, key, places) for m in found
                    if m.place.country and m.kind != "country"]
        named = [m for m in mentions if noun in fold_key(m.place.name).split()]
        regions = [m for m in mentions if m.kind == "region"]
        found = named or (regions if noun in {fold_key(w) for w in self.grammar["region_noun"]} else [])
        return found[0].place.country if found else None

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
            others = frozenset(m.token.i for m in matches)
            # (what one orders one's own agencies to do is done: "a ordonné le déploiement")
            governors = {m.token.i for m in matches if m.trigger.type in SUSPENDING_TYPES
                         and not orders_own_act(m, others)}
            protests = frozenset(m.token.i for m in matches if m.trigger.type == "PROTEST")
            threats = frozenset(m.token.i for m in matches if m.trigger.type == "THREATEN")
            found_at: list[tuple[int, Event, Trigger]] = []
            # Protests, negotiations and agreements last: their unnamed sides may be the parties
            # of an exchange this very sentence tells ("au terme des négociations, X a refusé ...").
            # (and within each kind, an act named as what another act answers before it: "s'est
            # félicité de la libération des marins par l'Iran" knows who freed them)
            for match in sorted(matches, key=lambda m: (
                    not summed_up(m, others), answer_order(m), not answered(m, others))):
                if protest_purpose(match, protests):
                    continue
                status = event_status(
                    match.token, governors - {match.token.i}, judgement=match.trigger.roles == "eval",
                    threat=match.trigger.type == "THREATEN", threats=threats,
                )
                found = dates
                if dates and (status == "future" or told_in_future(match.token)):
                    found = find_dates(sent.text, unit.anchor, self.lang, future=True)
                elsewhere = asked_elsewhere(found, sent, match, governors, others)
                found = [d for d in found if d not in elsewhere]
                event = self._event(doc, index, part, sent, unit, match, status, found, places, others)
                if event is not None:
                    found_at.append((match.token.i, event, match.trigger))
                    unit.history.told(event)
            found_at.sort(key=lambda found: found[0])  # text order
            events = [e for _, e, _ in found_at]
            unit.history.told_acts([(e, t) for _, e, t in found_at])
        if not events:
            repeated = self._same_act(doc, index, part, sent, unit, dates, places)
            events = [repeated] if repeated is not None else []
        # The scene's day: a single day ("mardi matin") rather than the span of a whole visit.
        # (a dateline's day is the scene's only with the place the story was filed from,
        # "Canberra, 5 juin (VNA)"; a bare "9 février 2016" is the day it was published)
        filed_from = doc.dateline is not None and doc.dateline.place
        days = _scene_days(dates, unit.anchor) if part.kind != "dateline" or filed_from else []
        if days:
            unit.last_date = days[0]
            actors = frozenset(a.country for e in events if e.date for a in e.actor if a.country)
            if actors and len(days) == 1:
                unit.dated = (index, unit.history.sentence, days[0], actors)
        cities = [m for m in places if m.kind != "country"]
        # (a sentence that tells only other acts sets no scene: "a convoqué l'ambassadeur de
        # Norvège à Moscou" does not move the story to Moscow)
        scene = not events or any(e.type in MEETING_TYPES for e in events)
        if cities and scene and (days or unit.scene_place is None):
            unit.scene_place = replace(cities[0].place)
        self._remember_subject(sent, unit)
        unit.history.sentence += 1
        return events

    def _same_act(
        self, doc: Document, index: int, part: Part, sent: Span, unit: Unit,
        dates: list[DateMention], places: list[PlaceMention],
    ) -> Event | None:
        """ "Le Mali avait pris la même décision dimanche", "Canada followed suit": the act just
        told, done by the clause's subject, to the same recipients, on the clause's own day."""
        verb = same_act_verb(sent)
        # ("des mesures similaires": deeds, not the words told last)
        last = unit.history.last_act(deed=measures_taken(verb)) if verb is not None else None
        if verb is None or last is None:
            return None
        told, trigger = last
        subj, rule = clause_subject(verb)
        actors, actor_rule = self._resolve_first(make_args(subj, rule), unit, None) if subj is not None else ([], None)
        mine = {e.country for e in actors if e.country}
        if not mine or mine <= {e.country for e in told.actor}:
            return None  # (the same side again: "la Russie a fait de même" after Moscow acted)
        status = event_status(verb, set())
        match = TriggerMatch(verb, trigger)
        date, date_end, date_rule = event_date(sent, match, dates, unit, status, actors)
        recipients = [e for e in told.recipient if e.country not in mine]
        event = replace(
            told, actor=actors, recipient=recipients, date=date, date_end=date_end, status=status,
            place=event_place(places, sent, match, unit, actors), evidence=evidence(doc, index, part, sent),
            why={**told.why, "trigger": verb.text, "actor_rule": actor_rule, "date_rule": date_rule,
                 "recipient_rule": f"the recipients of the act it repeats ('{told.why.get('trigger')}')"},
        )
        unit.history.told(event)
        unit.history.told_acts([(event, trigger)])
        return event

    def _remember_subject(self, sent: Span, unit: Unit) -> None:
        """Keep the sentence's subject phrase; it is resolved only if a pronoun needs it."""
        root = sent.root
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.pos_ in ("NOUN", "PROPN"):
                unit.subjects.append(phrase_span(child))
                return
        if root.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "acl" and c.pos_ == "VERB" and c.i > root.i for c in root.children):
            # "Japan's foreign minister arrived ...", parsed as a noun and its participle
            unit.subjects.append(phrase_span(root))

    def _meeting_group(self, arg: Arg) -> bool:
        """ "Les ministres des Affaires étrangères", "the foreign ministers": a definite plural
        of office holders with no country, once talks are told, are all their sides ("Turkey and
        Libya agreed ..." told no one who met: the ministers are others). Only an
        office ("des Affaires étrangères", ``office_adjective``) may qualify the noun: "les
        dirigeants africains" are others."""
        span = arg.span
        root = span.root
        if len(span) < 2 or span[0].lower_ not in self.grammar["definite"] | self.grammar["reciprocal_det"]:
            return False
        if root.lower_ not in self.grammar["reciprocal_noun"] or self.resolver.mentions_country(span.text):
            return False
        offices = {u.i for c in root.children if c.dep_ == "nmod" and c.text[:1].isupper() for u in c.subtree}
        return all(t.i in offices or t.i in (span.start, root.i) or t.lower_ in self.grammar["office_adjective"]
                   for t in span)

    def _counted_sides(self, arg: Arg, unit: Unit) -> list[Entity]:
        """ "les trois pays", "the three countries": the last countries the story named."""
        if len(arg.span) != 3:
            return []
        number, noun = arg.span[1].lower_, arg.span[2].lower_
        if number not in self.side_counts or noun not in self.grammar["reciprocal_noun"]:
            return []
        return [Entity(country=c, sector="GOV", name=None) for c in unit.history.last_countries(self.side_counts[number])]

    def _poll_holder(self, roles: Roles, unit: Unit, actors: list[Entity]) -> tuple[list[Entity], str] | None:
        """ "Les États-Unis ont salué le bon déroulement du scrutin": praise or blame of a vote
        goes to the country that held it, the story's."""
        polls = self.grammar["poll_noun"]
        if not any(t.lemma_.lower() in polls or t.lower_ in polls for a in roles.recipients for t in a.span):
            return None
        country = story_country_of(unit)  # (looked up only now: it costs a look at the headline's places)
        if country is None or country in {e.country for e in actors}:
            return None
        return [Entity(country=country, sector="GOV", name=None)], "the country that held the vote (the story's)"

    def _protest_first_told(self, match: TriggerMatch, unit: Unit) -> bool:
        """ "La police a dispersé des milliers de manifestants": protesters dispersed, where the
        unit has told no protest yet, are protesting then (those arrested or dispersed after
        a protest told before are its patients, not a second protest)."""
        found = match_token(counted_whole(match.token).head, self.lexicon)  # "des milliers de manifestants"
        return (found is not None and found.trigger.mode == CROWD_CONTROL
                and not any(e.type == "PROTEST" for _, e in unit.history.recent))

    def _protesters(self, roles: Roles) -> bool:
        """Whether the actor is a word that names protesters ("des manifestants"): what they
        denounce is their protest, coded on that word."""
        if not roles.actors:
            return False
        root = roles.actors[0].span.root
        for word in [root, *counted(root)]:  # "des centaines de manifestants"
            found = match_token(word, self.lexicon)
            if found is not None and found.trigger.type == "PROTEST" and found.trigger.roles == "agent":
                return True
        return False

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
            long_process(match) or habitual(match.token) or orders_own_act(match, others)
            or war_toll(match) or manner_of_event(match, others)
            or (undergoers_named(match, others) and not self._protest_first_told(match, unit))
            or kind_of_weapon(match, others) or noted_process(match) or _sums_up_another(match, others)
            or (restated(match) and unit.history.told_kind(match.token))
        ):
            return None
        roles = find_roles(match.token, trigger, others)
        if trigger.type == "ACCUSE" and self._protesters(roles):
            return None  # "des manifestants qui protestaient contre la hausse des taxes": the protest
        actors, actor_rule = self._resolve_first(roles.actors, unit, None)
        counterpart = actors[0] if actors else None
        recipient_args = roles.recipients
        if trigger.roles == "sym":
            # "ont conclu un accord de paix à Washington": where the sides met, never a side;
            # nor what they stand against ("coopérer face aux tirs nord-coréens")
            against = self.grammar["against_case"]
            recipient_args = [a for a in recipient_args if not self._is_place(a, in_object=True, venue=True)
                              and not any(case_of(t) in against for t in _path_up(a.span.root, match.token))]
        recipients, recipient_rule = self._resolve_first(recipient_args, unit, counterpart, actors)
        if trigger.roles == "sym":
            if recipient_rule == "obj" and not any(e.country for e in recipients):
                recipients = []  # "signent un pacte de défense": what is signed is no side
            partners, partner_rule = self._resolve_all(roles.partners, unit, counterpart)
            actors = union(actors, partners, recipients)
            actors = union(actors, self._named_sides(roles.actors + roles.partners))
            recipients = []
            actor_rule = "; ".join(r for r in (actor_rule, partner_rule, recipient_rule) if r) or None
        else:
            recipients = [r for r in recipients if not same_entity(r, actors)]
        # (a body may carry its name, not a person: "Sweden's foreign ministry summoned ... to protest")
        if trigger.type == "PROTEST" and actors and all(e.sector == "GOV" and not proper(e.name) for e in actors) \
                and actor_rule != TOPIC_SUBJECT_RULE:  # (the topic gives "thousands protest" a country only)
            # "La Chine proteste contre les manœuvres philippines": a state protests by a
            # note, not in the street (FORMAT.md rule 6: a government's formal protest)
            trigger = replace(trigger, type="ACCUSE", mode="disapprove", cameo=STATE_PROTEST_CAMEO)
        if between_parties(match) and len({(e.country, e.sector) for e in actors if e.country}) < 2:
            # "Onze accords ont pu être trouvés", "au terme des négociations": between the two
            # sides of the exchange the story is telling (not when two sides of one country are
            # named: "un accord entre le gouvernement et l'opposition").
            sides, rule = unit.history.exchange_sides(actors)
            if sides:
                actors = union(actors, sides)
                actor_rule = f"{actor_rule}; {rule}" if actor_rule else rule
        if (trigger.roles == "sym" and len({e.country for e in actors if e.country}) < 2) or (
                (trigger.type in TOPIC_ACTOR_TYPES or trigger.mode in TOPIC_DOER_MODES)
                and not any(e.country for e in actors)):
            # "Éthiopie et Somalie : accord de réconciliation signé", "Corée du Nord : nouveau
            # tir de missile": a verbless headline's sides are its topic
            sides = [e for e in self._topic_sides(sent, unit) if not same_entity(e, actors)]
            if sides:
                actors = union(actors, sides)
                actor_rule = f"{actor_rule}; the headline's topic" if actor_rule else "the headline's topic"
        if trigger.roles == "recv" and not actors:
            return None  # "recevoir" a thing, not a guest
        if recipient_rule and trigger.mode != "visit" and trigger.roles != "sym":
            # "impose des restrictions à Pékin", "va fournir des navires au Vietnam": the
            # receiver, not where it happened (but "des positions rebelles à Goma" is where)
            receivers = [a for a in roles.recipients if recipient_rule.startswith(a.rule)]
            places = [m for m in places if not _inside(m, receivers, sent)]
        place = event_place(places, sent, match, unit, actors)
        destination = self._destination(roles.recipients, recipient_rule) if trigger.mode == "visit" else None
        if destination is not None and (place is None or place.country is None):
            place = destination
        if destination is not None and destination.country not in {e.country for e in recipients}:
            # "will travel to Brussels": to the city's country, as "se rendra à Bruxelles" (not
            # to the body the city may stand for)
            recipients = [Entity(country=destination.country, sector="GOV", name=None)]
            recipient_rule = f"{recipient_rule}; host country of the visit's place"
        home = place.country if place is not None and place.country else None
        # an office named alone ("le ministre des Affaires étrangères", "le chef de l'État") is
        # of the country the story was filed from, when the act is placed nowhere else
        filed = unit.filed if home is None else None
        if home is None and _needs_home(trigger, actors + recipients):
            home = story_country_of(unit)
        # "21 de ses membres ont été arrêtés": someone was acted upon, even if of no known country.
        patient = recipients or any(a.rule == "passive subject" for a in roles.recipients)
        if _by_authorities(trigger) and passive(match) and _reports_own(actors, recipients, actor_rule):
            # "un Suédois détenu en Iran a été libéré, a annoncé le gouvernement suédois": the
            # side that reports what its own underwent did not do it (the holder did)
            actors, actor_rule = [], None
        if _by_authorities(trigger) and not actors and patient and home and passive(match):
            # "Elle a été arrêtée", "Il est accusé de corruption": by the authorities of the place.
            actors = [Entity(country=home, sector=None, name=None)]
            actor_rule = "unnamed authorities of the place (passive without agent)"
        if trigger.mode in UNNAMED_AUTHORITY_MODES and not actors and patient and passive(match):
            # "Des garde-frontières biélorusses avaient arrêté un journaliste. Celui-ci a été
            # libéré lundi": by those who held him
            actors, actor_rule = unit.history.holders(recipients) or (actors, actor_rule)
        elected = next((e.country for e in recipients if e.country), None) or home
        if trigger.lemma in self.grammar["electing"] and not actors and elected and passive(match):
            # "X a été élu président": by the voters of X's country.
            actors = [Entity(country=elected, sector="CVL", name=None)]
            actor_rule = "the voters (passive without agent)"
        winner = next((e.country for e in actors if e.country), None) or home
        if trigger.lemma in self.grammar["winning"] and actors and winner and not passive(match) \
                and "Inf" not in match.token.morph.get("VerbForm", []):  # (not "to win elections": an aim)
            # "X a remporté l'élection": the voters of X's country chose X
            recipients = [replace(e, country=e.country or winner) for e in actors]
            actors = [Entity(country=winner, sector="CVL", name=None)]
            actor_rule, recipient_rule = "the voters (who won them)", f"the winner ({actor_rule})"
        if trigger.type == "PROTEST" and not actors and home:
            # "des manifestations ont eu lieu": unnamed protesters of the place.
            actors = [Entity(country=home, sector="CVL", name=None)]
            actor_rule = "unnamed protesters of the place"
        left = {e.country for e in recipients} if trigger.mode == "withdraw" else set()
        if trigger.roles == "sym":
            home = self._negotiators_home(unit, actors) or home
        # (a visitor is not of the place he visits)
        for entity in (recipients if trigger.mode == "visit" else actors + recipients):
            # (troops withdrawing from a country are not that country's: "le retrait des troupes de Syrie")
            office = filed is not None and entity.sector == "GOV"
            country = filed if office else home
            if entity.country is None and country and domestic(entity) and country not in left:
                # "les rebelles", "des manifestants", "le gouvernement": of the story's country.
                entity.country = country
                how = "country of the dateline" if office else "country of the story"
                if any(entity is a for a in actors):
                    actor_rule = f"{actor_rule}; {how}"
                else:
                    recipient_rule = f"{recipient_rule}; {how}"
        if trigger.type == "ASSAULT" and _reports_own(actors, recipients, actor_rule):
            # "Vingt soldats maliens ont été tués, a annoncé l'état-major" (of the story's
            # country, found above): the side that reports the attack it underwent did not make it
            actors, actor_rule = [], None
        if not recipients:
            recipients, recipient_rule = self._place_receiver(trigger, place, actors) or (
                recipients, recipient_rule)
        if any(e.country for e in actors) and not any(e.country for e in recipients) and (
                trigger.type in TOPIC_AIMED_TYPES or trigger.mode == "withdraw"):
            # "Iran : l'Union européenne adopte de nouvelles sanctions": aimed at the headline's topic
            recipients, recipient_rule = self._topic_receiver(sent, unit, actors) or (recipients, recipient_rule)
        if trigger.type in DECRIED_BY_TARGET_TYPES and not any(e.country for e in recipients):
            # "Le Niger a déploré la suspension de l'aide américaine": who decries a measure
            # aimed at no one named is the one it hits
            recipients, recipient_rule = self._decrier(match, unit, actors) or (recipients, recipient_rule)
        own = {e.country for e in actors if e.country}
        if trigger.type in JUDGEMENT_TYPES and not {e.country for e in recipients if e.country} - own:
            # (also when it names only the judge's own: "proteste contre l'expulsion de ses
            # diplomates" is aimed at whoever expelled them)
            recipients, recipient_rule = self._poll_holder(roles, unit, actors) or unit.history.author(
                match, roles.recipients, actors) or (recipients, recipient_rule)
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
            recipients, recipient_rule = own_government(actors)
        if trigger.type == "THREATEN" and recipients and (recipient_rule or "").startswith(CLAUSE_ASKED_RULE) and {
                e.country for e in recipients} <= {e.country for e in actors}:
            # "a averti que la Chine prendrait toutes les mesures nécessaires": what the one who
            # warns will do, not whom the warning is aimed at (the other side of the exchange)
            recipients, recipient_rule = unit.history.other_side(actors)
        if trigger.type == "REQUEST" and not recipients and asks_release(match.token):
            # "ses partisans ont réclamé sa libération": of those who hold him
            recipients, recipient_rule = unit.history.holders([]) or (recipients, recipient_rule)
        if trigger.type in DIALOGUE_TYPES and not recipients and trigger.roles != "sym" and actors and not (
                trigger.type in UNADDRESSED_ONLY and _addressed(roles.recipients, trigger, others)):
            recipients, recipient_rule = unit.history.other_side(actors)
        if trigger.roles == "eval" and not any(e.country for e in recipients):
            return None  # a judgement is about someone: "parle d'un « montage »" alone is not coded
        if trigger.type in AIMED_AT_SOMEONE and trigger.roles != "sym" and not any(
                e.country for e in recipients):
            return None  # praise or sympathy aimed at no one (FORMAT.md rule 11)
        if trigger.mode == "visit" and not recipients:
            return None  # a visit has a host: "se rendre aux urnes" is not one
        if trigger.roles == "sym" and trigger.type in ("CONSULT", "AGREE") and len(actors) < 2 and not (
                trigger.type == "CONSULT" and _members_meet(actors, roles.actors)):
            return None  # talks or an agreement need two sides; one side is a body's own meeting
        if trigger.type in AIMED_TYPES and not patient and trigger.mode not in OVER_A_PLACE_MODES and not (
                trigger.mode in SEIZING_MODES and roles.recipients):
            return None  # "a interdit le développement de missiles": a rule, not an act on anyone
        date, date_end, date_rule = event_date(sent, match, dates, unit, status, actors)
        if date is None and date_rule is None and status == "occurred" and not later(match):
            date, date_end = paragraph_date(index, unit, actors)
            date_rule = "the day the previous sentence gave the same actor" if date else None
        if background(date, date_end, unit.anchor):
            return None  # recalled from well before the story (FORMAT.md rule 11)
        type_, mode, cameo = trigger.type, trigger.mode, trigger.cameo
        if _joint(trigger, actors):
            # "La Chine et la Russie ont organisé des exercices navals": done together
            (type_, cameo), mode = JOINT_FORMS[(type_, cameo)], None
        cameo, score = lookup(type_, mode, cameo)
        if trigger.type == "ACCUSE" and status == "occurred":
            unit.accusations.append((actors, recipients))
        # (a mediator's sides are the meeting's; he is none: "sous la médiation de X")
        sides = recipients if trigger.mode == "third-party" else actors + recipients
        if trigger.type in MEETING_TYPES and len({e.country for e in sides if e.country}) >= 2:
            unit.meeting = sides
            unit.talks = trigger.type == "CONSULT"
        return Event(
            type=type_,
            mode=mode,
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

    def _topic_receiver(self, sent: Span, unit: Unit, actors: list[Entity]) -> tuple[list[Entity], str] | None:
        """The country a headline's topic names, when it is not the actor's."""
        topic = next(iter(self._topic_sides(sent, unit)), None)
        if topic is None or topic.country in {a.country for a in actors}:
            return None
        return [topic], "the headline's topic"

    def _topic_sides(self, sent: Span, unit: Unit) -> list[Entity]:
        """The countries a headline's topic names ("Iran : ...", "Éthiopie et Somalie : ...": the
        names before a colon that opens the sentence)."""
        topic = headline_topic(sent, sent.start + TOPIC_WORDS + 1)
        if topic is None:
            return []
        # (each side's phrase cut at the colon: the parser may hang the headline's noun on the topic)
        spans = [sent.doc[max(a.span.start, topic.start) : min(a.span.end, topic.end)]
                 for a in make_args(topic.root, "topic") if topic.start <= a.span.root.i < topic.end]
        sides = [unit.actors.resolve(span) for span in spans if len(span)]
        countries = list(dict.fromkeys(e.country for e in sides if e is not None and e.country))
        if len(countries) < 2:
            # "Arménie-Azerbaïdjan : nouveaux affrontements": two names the tokenizer kept as one
            named = self.resolver.mentions_country(topic.text)
            countries += sorted(named - set(countries)) if len(named) >= 2 else []
        return [Entity(country=c, sector="GOV", name=None) for c in countries]

    def _place_receiver(
        self, trigger: Trigger, place: Place | None, actors: list[Entity]
    ) -> tuple[list[Entity], str] | None:
        """Who an act with no recipient goes to by its place, a country not the actor's: a
        visit's host, the country aid is sent to ("des équipes de secours en Turquie"), the country
        where a threatened or requested act would take place."""
        if place is None or not place.country or place.country in {a.country for a in actors}:
            return None
        if trigger.mode == "visit":
            return [Entity(country=place.country, sector="GOV", name=None)], "host country of the visit's place"
        if trigger.type == "CONSULT" and trigger.roles == "recv":
            # "Le chancelier allemand reçu à Varsovie": received by the place's country
            return [Entity(country=place.country, sector="GOV", name=None)], "host country of the place received in"
        if trigger.type == "AID" and self.gazetteer.country_of(place.name) == place.country:
            return [Entity(country=place.country, sector=None, name=None)], "the country the aid goes to"
        if trigger.type == "ASSAULT" and trigger.roles == "dir" and not actors:
            # "Un attentat a fait quinze morts à Mogadiscio": by no one named, on the people there
            # (not fighting, between sides the sentence does not name)
            return [Entity(country=place.country, sector="CVL", name=None)], "the people of the attack's place"
        if trigger.type == "ASSAULT" and any(a.country for a in actors):
            # "Une frappe russe a fait trois morts dans la région d'Odessa": a foreign side's
            # attack in a country is aimed at that country
            return [Entity(country=place.country, sector=None, name=None)], "the country attacked in"
        if trigger.type == "THREATEN":
            # "a menacé de lancer une opération dans le nord de la Syrie"
            return [Entity(country=place.country, sector="GOV", name=None)], "the country the threatened act is in"
        if trigger.type == "REQUEST" and any(a.country for a in actors):
            # "exigeant l'arrêt des combats à El-Fasher, dans l'ouest du Soudan" (from a known
            # country or body: one unknown may be of the place itself)
            return [Entity(country=place.country, sector="GOV", name=None)], "the country the act asked for is in"
        if trigger.type == "RETREAT" and trigger.mode == "withdraw" and any(a.country for a in actors):
            # "ont évacué le personnel de leur ambassade à Port-au-Prince": the country left
            return [Entity(country=place.country, sector=None, name=None)], "the country left (the act's place)"
        return None

    # -------------------------------------------------------------- entities

    def _resolve_arg(self, arg: Arg, unit: Unit, counterpart: Entity | None) -> list[Entity]:
        if (arg.reciprocal or (unit.talks and self._meeting_group(arg))) and unit.meeting:
            return [replace(e) for e in unit.meeting]
        if arg.reciprocal:
            # "les deux pays ont convenu ..., ont annoncé les ministères cambodgien et
            # thaïlandais": with no meeting told yet, the two countries the sentence names
            named = self.resolver.mentions_country(sentence_of(arg.span).text)
            if len(named) == 2:
                return [Entity(country=c, sector="GOV", name=None) for c in sorted(named)]
            # "De violents combats ont opposé les deux armées ... Washington a appelé les
            # belligérants à cesser": the sides of the exchange told just before
            states = any(t.lower_ in self.grammar["state_noun"] for t in arg.span)  # (its forms are listed)
            sides, _ = unit.history.exchange_sides([], states=states, besides=counterpart)
            if sides:
                return sides
        if self._is_place(arg):
            return []
        sides = self._counted_sides(arg, unit)
        if sides:
            return sides
        if arg.span.text.lower() in self.grammar["latter"]:
            # "ce dernier": the last actor named, subject or not
            latter = latter_before(arg.span, unit, self.resolver)
            return [replace(latter)] if latter is not None else []
        key = (arg.span.start, arg.span.end, id(arg.span.doc), counterpart.country if counterpart else None)
        if key not in unit.resolved:  # one phrase is often an argument of several triggers
            unit.resolved[key] = unit.actors.resolve(arg.span, counterpart)
        entity = unit.resolved[key]
        if (entity is None or entity.country is None) and not arg.pronoun:
            # "avec May", "the embassy": a surname or a description whose full phrase the
            # text gave before, where no event was told
            earlier = named_before(arg.span, unit, self.resolver) if entity is None or entity.sector is None else None
            entity = unit.resolved[key] = earlier or described_before(arg.span, unit, self.resolver) or entity
        if entity is not None and entity.country is None and entity.sector and has_possessive(arg.span.root) \
                and stem(fold_key(arg.span.root.text)) not in self.resolver.words.get("counterpart", {}):
            # "a annoncé le retrait de ses troupes": the troops of who announces it (but "son
            # homologue" is of the other side)
            owner = owner_country(arg, unit)
            if owner is not None:
                entity = replace(entity, country=owner)
        if entity is None or entity.country is None:
            # "certains pays européens, en tête desquels l'Allemagne", "several countries,
            # including Canada": the members the text names
            members = named_members(arg.span, self.resolver)
            if members:
                sector = entity.sector if entity is not None else None
                return [Entity(country=c, sector=sector or "GOV", name=None) for c in members]
        if entity is None and self._names_a_body(arg.span):
            # "Elles accusent l'organisation": the international body named last
            entity = next((replace(k.entity) for k in reversed(unit.actors.known) if k.entity.country == "IGO"), None)
        if entity is not None and entity.country is None and any_country(arg.span):
            return []  # "un État séparé": none in particular, not the story's
        if entity is not None and entity.country is None and self._bare_spokesman(arg.span):
            # "Le Kremlin a critiqué ... Le porte-parole Dmitri Peskov a averti": who speaks for
            # the one just heard (the last subject of a country), not for the dateline's country
            heard = self._salient(unit)
            if heard is not None:
                entity = replace(entity, country=heard.country)
        if entity is not None:
            return self._split_plural(arg, entity)
        if is_the_country(arg.span) and (last_country_of(unit) or story_country_of(unit)):
            # "le pays": the country named last, else the story's.
            return [Entity(country=last_country_of(unit) or story_country_of(unit), sector="GOV", name=None)]
        if arg.rule == PERSON_PRONOUN_RULE:
            # "Son adversaire a reconnu sa défaite et l'a félicité": the last subject, someone
            # other than who acts
            # (only when the one who acts is an actor of a known kind: "On lui reproche ..." or
            # a bare name says nothing of whom)
            if counterpart is None or not (counterpart.country or counterpart.sector):
                return []
            salient = self._salient(unit)
            if salient is not None and same_entity(salient, [counterpart]):
                # "X a reçu son homologue. Il lui a assuré ...": the other side of the meeting
                salient = next((e for e in unit.meeting if not same_entity(e, [counterpart])), None)
            return [replace(salient)] if salient is not None else []
        if arg.rule == GUEST_PRONOUN_RULE:
            # "Modi est arrivé à Moscou. Poutine l'a reçu": the one just told of (the host's
            # own subject is remembered after its sentence)
            salient = self._salient(unit)
            return [replace(salient)] if salient is not None else []
        if not (arg.pronoun and arg.rule.startswith(SUBJECT_RULES)):
            return []  # "l'" object clitics are not the last subject
        text = arg.span.text.lower()
        anaphoric = text not in self.grammar["not_anaphoric"]
        impersonal = text in self.grammar["impersonal"]
        if anaphoric or impersonal:
            # "X said it would impose sanctions": "it" too, which is never the last subject
            reporter = reporter_of(arg, unit) or main_clause_subject(arg, unit)
            if reporter is not None:
                return [reporter]
        if text in self.grammar["body_pronoun"] and not arg.rule.startswith("passive"):
            # "The Security Council met on Ethiopia. It called on ...": the last body named
            # (a state or an organisation, never a person)
            salient = self._salient(unit)
            if salient is not None and (salient.country == "IGO" or not proper(salient.name)):
                return [replace(salient)]
        if not anaphoric or (impersonal and arg.rule.startswith("passive")):
            return []  # "Il a été convenu" is impersonal
        if text in self.grammar["plural_pronoun"] and unit.meeting:
            return [replace(e) for e in unit.meeting]
        last = unit.history.last_act() if text in self.grammar["plural_pronoun"] else None
        if last is not None and len({e.country for e in last[0].actor if e.country}) > 1:
            # "Le Mali, le Burkina Faso et le Niger ont quitté la CEDEAO. Elles accusent ...": the
            # several sides that acted last, not the first of them
            return [replace(e) for e in last[0].actor]
        salient = self._salient(unit)
        return [replace(salient)] if salient is not None else []

    def _resolve_all(
        self, args: list[Arg], unit: Unit, counterpart: Entity | None
    ) -> tuple[list[Entity], str | None]:
        found: list[Entity] = []
        rules = []
        resolved = [(arg, self._resolve_arg(arg, unit, counterpart)) for arg in args]
        for arg, entities in resolved:
            entities = _of_the_other_side(arg, entities, resolved)
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

    def _destination(self, recipients: list[Arg], rule: str | None) -> Place | None:
        """ "visited Hanoi", "will travel to Brussels": the city a visit goes to, named as its
        host, is where the visit happens."""
        for arg in recipients:
            if rule and rule.startswith(arg.rule):
                # (the city itself, not one the host is in: "visited the Russian embassy in Paris")
                root = arg.span.root.idx - arg.span.start_char
                cities = [m for m in self.gazetteer.find(arg.span.text)
                          if m.kind == "city" and m.start <= root < m.end]
                if cities:
                    return replace(cities[0].place)
        return None

    def _is_place(self, arg: Arg, in_object: bool = False, venue: bool = False) -> bool:
        """ "à Tombouctou", "dans la province de X": where, not whom (a city or region).
        ``in_object``: also inside the object, which for most acts names whom ("son
        ambassadeur à Paris", "les manifestations à Moscou"). ``venue``: where sides meet,
        which "à" names with a country's bare name only as its capital ("à Luxembourg"; but a
        dative elsewhere: "a livré des armes à Israël")."""
        case = arg.rule.split(":", 1)[-1]
        if in_object:
            case = case.removesuffix(IN_OBJECT)  # "nmod:à in the object"
        if case not in self.grammar["place_case"]:
            return False
        # (looked up in its sentence, with the preposition: a bare "Washington" may be a person)
        sent = sentence_of(arg.span)
        start, end = arg.span.start_char - sent.start_char, arg.span.end_char - sent.start_char
        # ("se sont réunis à Luxembourg": a country's name with "à" and no article is its
        # capital; "au Luxembourg" is the country)
        bare = venue and case in self.grammar["city_case"] and not any(t.dep_ == "det" for t in arg.span)
        places = [m for m in self.gazetteer.find(sent.text) if (m.kind != "country" or bare) and start <= m.start
                  and m.end <= end]
        if not places:
            return False
        # ("à 100.000 personnes dans le nord du Darfour": people, whom, of the place named in
        # their phrase; not "à l'ouest de Gaza")
        root = arg.span.root
        at = root.idx - sent.start_char
        if any(m.start <= at < m.end for m in places):
            return True
        whom = (counted(root) or [root])[-1]  # ("des milliers de civils")
        people = self.resolver.resolve(whom.doc[whom.i : whom.i + 1])
        return people is None or people.sector != "CVL"

    def _bare_spokesman(self, span: Span) -> bool:
        """ "le porte-parole (Dmitri Peskov)", "spokesman Dmitry Peskov": a spokesman with no
        complement saying for whom he speaks (``spokesman`` words)."""
        spokesman = self.resolver.words.get("spokesman", {})
        return any(stem(fold_key(t.text)) in spokesman and not any(whose_complement(c) for c in t.children)
                   for t in span)

    def _names_a_body(self, span: Span) -> bool:
        """ "l'organisation", "the alliance": a definite noun of an international body alone."""
        root = span.root
        definite = self.resolver.words.get("definite", {})
        return len(span) <= 2 and stem(fold_key(root.text)) in self.resolver.words.get("body_noun", {}) and any(
            fold_key(c.text) in definite for c in root.children if c.dep_ == "det")

    def _split_plural(self, arg: Arg, entity: Entity) -> list[Entity]:
        """ "les présidents mauritanien et guinéen", "ses alliés russes et iraniens": one each."""
        # (the plural may be the last conjunct's: "his Greek[obj], Cypriot and French counterparts")
        plural = any("Plur" in t.morph.get("Number", []) or t.lower_.endswith(("s", "x"))
                     for t in arg.span if t.i == arg.span.root.i or (t.dep_ == "conj" and t.pos_ == "NOUN"))
        # ("des manœuvres russo-biélorusses", "Sino-Russian drills": a compound of demonyms)
        compound = set().union(*(self.resolver.demonym_compound(c) for c in HYPHENATED.findall(arg.span.text)))
        if len(compound) < 2 and (not plural or not any(t.dep_ == "conj" or t.pos_ == "CCONJ" for t in arg.span)):
            return [replace(entity)]
        # (not where they are: "ses homologues grec, chypriote et français au Caire"; but whose
        # power: "les juntes au pouvoir au Mali et au Niger", a list that counts as one word)
        inside, place = {t.i for t in arg.span}, self.grammar["place_case"]
        places = [t for t in arg.span if t.i != arg.span.root.i and t.head.i in inside
                  and t.dep_ in ("nmod", "obl", "obl:arg") and case_of(t) in place]
        ruled = {u.i for t in places if after_power(t, arg.span) for u in t.subtree}
        complements = {u.i for t in places if t.dep_ != "obl:arg" for u in t.subtree} - ruled
        words = [t for t in arg.span if t.i not in complements]
        countries = self.resolver.mentions_country(" ".join(t.text for t in words)) | compound
        if len(countries) < 2 or len([t for t in words if t.i not in ruled and not t.is_punct]) > SPLIT_MAX_TOKENS:
            return [replace(entity)]
        return [replace(entity, country=c, name=None, actor_id=None) for c in sorted(countries)]

    def _named_sides(self, args: list[Arg]) -> list[Entity]:
        """Countries a symmetric event's phrases pair up: "la coopération Vietnam-Russie"."""
        found: list[Entity] = []
        topic = self.grammar["topic_case"]
        for arg in args:
            # not in what they are about: "avec le président français sur l'accord iranien"
            about = {u.i for t in arg.span if t.dep_ == "nmod" and case_of(t) in topic for u in t.subtree}
            countries = self.resolver.mentions_country(" ".join(t.text for t in arg.span if t.i not in about))
            if len(countries) >= 2:
                found.extend(Entity(country=c, sector="GOV", name=None) for c in sorted(countries))
        return found

    @staticmethod
    def _negotiators_home(unit: Unit, actors: list[Entity]) -> str | None:
        """The country of a group that talks or signs without one: that of the one country across
        the table ("le gouvernement colombien et la guérilla ont repris les pourparlers à Caracas":
        Colombian rebels), not the venue's, which is often neutral ground; else the story's."""
        unplaced = [e for e in actors if e.country is None and domestic(e)]
        if not unplaced or any(e.sector not in GROUPS_AT_THE_TABLE for e in unplaced):
            return None  # (an official with no country is of the story's: "Foreign Secretary Raab")
        countries = {e.country for e in actors if e.country}
        return next(iter(countries)) if len(countries) == 1 else story_country_of(unit)

    def _decrier(self, match: TriggerMatch, unit: Unit, actors: list[Entity]) -> tuple[list[Entity], str] | None:
        """The subject of the verb of blame or refusal whose object the act's noun is, when it is
        of another country than the act's doer."""
        noun, verb = match.token, match.token.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("obj", "obl:arg") or verb.i == noun.i:
            return None
        # (the sentence's triggers, found once when it was parsed)
        if not any(m.token.i == verb.i and m.trigger.type in DECRYING_TYPES
                   for _, matches in sentence_triggers(verb.doc, self.lexicon) for m in matches):
            return None
        subj, _ = clause_subject(verb)
        if subj is None:
            return None
        found, _ = self._resolve_first(make_args(subj, "subject"), unit, None)
        doers = {e.country for e in actors}
        hit = [e for e in found if e.country and e.country not in doers]
        return (hit, f"subject of '{verb.text}' (decries the act aimed at it)") if hit else None

    def _resolve_first(
        self, args: list[Arg], unit: Unit, counterpart: Entity | None,
        besides: list[Entity] | None = None,
    ) -> tuple[list[Entity], str | None]:
        """Entities of the first candidate phrase (with its coordinated ones) that resolves
        to someone ``besides`` the given ones ("recalled its ambassador to France": France,
        not the recaller's own ambassador)."""
        groups: dict[tuple[str, int], list[Arg]] = {}
        for arg in args:
            groups.setdefault((arg.rule, arg.group), []).append(arg)
        fallback: tuple[list[Entity], str | None] = ([], None)
        for group in groups.values():
            found, rule = self._resolve_all(group, unit, counterpart)
            found = [e for e in found if not same_entity(e, besides or [])]
            if any(e.country for e in found):
                return found, rule
            if found and rule and rule.startswith("de (") and any(e.name for e in found):
                return found, rule  # "la visite du Premier ministre X": X, even of no known country
            if found and not fallback[0]:
                fallback = (found, rule)
        return fallback


def _addressed(recipients: list[Arg], trigger: Trigger, others: frozenset[int]) -> list[Arg]:
    """The recipient candidates that name someone addressed, not the words of the act itself
    that the lexicon line requires: "a promis une riposte" (``promettre`` with "riposte"), nor
    another act of the sentence ("a averti que l'attaque ne resterait pas sans conséquences"),
    nor a thing the threatened act would hit ("a menacé de fermer la frontière")."""
    return [a for a in recipients if a.span.root.i not in others and not a.rule.endswith(THREAT_TARGET_RULE)
            and not any(a.span.root.lemma_.lower() in group for group in trigger.requires)]


def _sums_up_another(match: TriggerMatch, others: frozenset[int]) -> bool:
    """ "un nouvel essai de missile, un tir condamné par Tokyo": the second noun names the
    act told just before it again."""
    act = summed_act(match.token)
    return act is not None and act.i in others


def _path_up(token: Token, top: Token) -> list[Token]:
    """``token`` and its heads up to ``top`` (not included), or to the root if ``top`` is
    not above it."""
    path = [token]
    while path[-1].head.i != path[-1].i and path[-1].head.i != top.i:
        path.append(path[-1].head)
    return path


def _inside(mention: PlaceMention, args: list[Arg], sent: Span) -> bool:
    """Whether a place mention (sentence offsets) names one of the receivers: a country in
    their phrase, or a capital standing for one as a dative ("à Pékin")."""
    start = mention.start + sent.start_char
    return any(a.span.start_char <= start < a.span.end_char
               and (mention.kind == "country" or a.rule.startswith("dative")) for a in args)


def _joint(trigger: Trigger, actors: list[Entity]) -> bool:
    """An act of one side (no mode: not a weapons test) that two sides or more do together."""
    return ((trigger.type, trigger.cameo) in JOINT_FORMS and trigger.roles == "self" and trigger.mode is None
            and len({e.country for e in actors if e.country}) >= 2)


def _reports_own(actors: list[Entity], recipients: list[Entity], actor_rule: str | None) -> bool:
    """The actor is only who tells the act, and of the country of those it was done to."""
    return bool(actor_rule) and "reported speech" in str(actor_rule) and (
        {e.country for e in actors} == {e.country for e in recipients})


def _by_authorities(trigger: Trigger) -> bool:
    """Acts whose passive without agent is done by the authorities of the place."""
    return trigger.type in UNNAMED_AUTHORITY_TYPES or trigger.mode in UNNAMED_AUTHORITY_MODES


def _scene_days(dates: list[DateMention], anchor: Anchor) -> list[DateMention]:
    """The days a sentence may set its scene on: not a day after the story's own (the last day
    of its span: "du 21 au 24 octobre"), which is planned ("une élection est prévue pour le 5
    mai"), nor one months away, a recollection."""
    today = anchor.end or anchor.date
    return [d for d in dates if d.kind in SCENE_KINDS and not is_recollection(d.date, anchor) and not (
        today is not None and len(d.date) == 10 and d.date > today.isoformat())]


def _of_the_other_side(arg: Arg, entities: list[Entity], resolved: list[tuple[Arg, list[Entity]]]) -> list[Entity]:
    """ "un accord entre le gouvernement de Nicolas Maduro et l'opposition": a side of no
    country, of a group inside a country (opposition, rebels, party), coordinated with a
    government, is of that government's country."""
    if len(entities) != 1 or entities[0].country or entities[0].sector not in INNER_SECTORS:
        return entities
    governments = {e.country for other, found in resolved if other.group == arg.group and other is not arg
                   for e in found if e.country and e.sector == "GOV"}
    return [replace(entities[0], country=governments.pop())] if len(governments) == 1 else entities


def _needs_home(trigger: Trigger, entities: list[Entity]) -> bool:
    return _by_authorities(trigger) or trigger.type == "PROTEST" or any(
        e.country is None and domestic(e) for e in entities
    )


_CODERS: dict[str, Coder] = {}  # per language: built once, forgotten when tables change
on_clear(_CODERS.clear)


def coder_for(lang: str | None) -> Coder:
    lang = lang or DEFAULT_LANG
    if lang not in _CODERS:
        _CODERS[lang] = Coder(lang)
    return _CODERS[lang]


def _members_meet(actors: list[Entity], phrases: list[Arg]) -> bool:
    """ "Les ministres de la Défense des pays de l'ASEAN se sont réunis", "AU leaders met": the
    members of an international body (a plural of people of its states: not "les juges de la
    CPI", deliberating), who are many sides."""
    return len(actors) == 1 and actors[0].country == "IGO" and actors[0].sector in MEMBER_SECTORS and any(
        "Plur" in a.span.root.morph.get("Number", []) for a in phrases)


def code_document(doc: Document, parsed: Sequence[Doc]) -> list[Event]:
    """The events of a cleaned document, given the spaCy parse of each of its parts."""
    return coder_for(doc.lang).code(doc, parsed)
