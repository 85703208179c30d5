"""Whom an act answers, when the sentence does not say: rules that look back at the story.

French news leaves the other side of an act to the reader when the story has
just named it. These rules keep the events a unit has told so far (``Story``)
and answer from them:

- a demand, refusal, charge or protest that names no one answers the other side
  of the exchange the last few sentences told ("le collectif, qui exige ...",
  "Cette demande a été rejetée par le gouvernement");
- a judgement of an act ("a critiqué l'essai", "cette décision a été critiquée")
  is aimed at whoever did that act;
- negotiations and agreements whose sides are not named are between the two
  sides of that exchange ("Onze accords ont pu être trouvés").

Within a sentence, acts that name whom they answer are coded first (``answer_order``)
so that the others can answer them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from eventwire.code.grammar import grammar_of
from eventwire.code.lexicon import Lexicon, Trigger
from eventwire.code.phrases import Arg, case_of, summed_act
from eventwire.code.rules import SPEECH_TYPES, union
from eventwire.code.triggers import TriggerMatch, lemma_keys, match_token
from eventwire.document import Part
from eventwire.event import Entity, Event

# Acts addressed to someone whom the sentence often leaves unsaid.
DIALOGUE_TYPES = frozenset({"REQUEST", "REJECT", "ACCUSE", "PROTEST", "THREATEN", "AID", "CONCEDE"})
# Of those, acts aimed at the exchange only when the sentence names no one at all (not
# "des intimidations envers des commerçants"); aid is, whatever it names ("Berlin will also
# provide 50 million euros in aid": the thing given).
UNADDRESSED_ONLY = frozenset({"THREATEN"})
DIALOGUE_SENTENCES = 3  # how far back the exchange may have been told
PARTICLE_LENGTH = 3  # the lower-case words a person's name may hold: "von der", "de la", "bin"
# Judgements whose object may be an act ("a critiqué l'essai"): aimed at the act's author.
JUDGEMENT_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
AUTHOR_SENTENCES = 6  # how far back "la décision" may have been told


def proper(name: str | None) -> bool:
    """A proper name ("Hans Weber", "Ursula von der Leyen"), not a described body
    ("gouvernement chilien", "Iranian authorities": English capitalises the demonym)."""
    if name is None or not name[:1].isupper():
        return False
    return all(word[:1].isupper() for word in name.split() if len(word) > PARTICLE_LENGTH)


def between_parties(match: TriggerMatch) -> bool:
    """Negotiations and agreements: held between the parties of a dispute or exchange."""
    trigger = match.trigger
    return trigger.roles == "sym" and (trigger.type == "AGREE" or trigger.cameo == "046")


def answer_order(match: TriggerMatch) -> int:
    """Within a sentence, acts that name whom they answer first; then protests and judgements,
    which often name no one; then negotiations and agreements, whose sides may be the
    exchange's parties ("au terme des négociations, X a refusé ...")."""
    if between_parties(match):
        return 2
    trigger = match.trigger
    unaddressed = trigger.roles == "eval" or (trigger.type == "PROTEST" and trigger.roles in ("self", "agent"))
    return 1 if unaddressed else 0


def answered(match: TriggerMatch, others: frozenset[int]) -> bool:
    """An act named as the object or argument of another trigger ("a salué la libération"), or
    as what it came after ("a dénoncé une ingérence après la visite de X")."""
    token = match.token
    if token.head.i not in others:
        return False
    return token.dep_ in ("obj", "obl:arg", "nsubj:pass") or _after_act(token)


def summed_up(match: TriggerMatch, others: frozenset[int]) -> bool:
    """ "a ouvert les négociations avec X, une étape saluée[acl] par Y": an act summed up by a
    phrase after a comma that another trigger judges (coded before the judgement, whatever its
    kind, so that the judgement knows whose act it was)."""
    token = match.token
    doc = token.doc
    acts = (summed_act(doc[i].head) for i in sorted(others) if doc[i].dep_ == "acl")  # (``others``: this sentence's)
    return any(act is not None and act.i == token.i for act in acts)


def _after_act(token: Token) -> bool:
    """A phrase or clause of what came before: "après la visite de X", "after X visited"."""
    sequence = grammar_of(token)["sequence_case"]
    if token.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in sequence for c in token.children)
    return token.dep_.startswith("obl") and case_of(token) in sequence


def headline_participle(match: TriggerMatch, part: Part) -> bool:
    """A headline drops "a été": "Deux journalistes arrêtés par la police", "La présidente
    destituée par le Parlement" report the act; in running text such a participle describes."""
    token = match.token
    return (
        part.kind in ("title", "teaser_title")
        and token.dep_ == "acl"
        and not any(a.pos_ in ("VERB", "AUX") for a in token.ancestors)  # a verbless headline
        and "Part" in token.morph.get("VerbForm", [])
        and not any(c.dep_.startswith("aux") for c in token.children)
    )


@dataclass
class Story:
    """The events one unit (the body, or a teaser) has told so far, by sentence."""

    lexicon: Lexicon | None = None  # the trigger lexicon: which nouns name acts
    acts: Mapping[str, str] = field(default_factory=dict)  # and the other nouns that do, with their type (acts.tsv)
    sentence: int = 0  # sentences read so far
    recent: list[tuple[int, Event]] = field(default_factory=list)
    # the first act of the last sentence that told one, with its lexicon line: what "X a pris
    # la même décision" repeats (the first: the main clause's, before what it came after)
    main: tuple[int, Event, Trigger] | None = None
    # the same, of the last sentence that told a deed (not words): what "X a annoncé des mesures
    # similaires" repeats
    main_deed: tuple[int, Event, Trigger] | None = None

    def _lines(self, lemma: str) -> tuple[Trigger, ...]:
        return self.lexicon.candidates(lemma) if self.lexicon is not None else ()

    def told(self, event: Event) -> None:
        self.recent.append((self.sentence, event))

    def told_acts(self, acts: list[tuple[Event, Trigger]]) -> None:
        """The acts (in text order) of the sentence being read, the first its main one."""
        if acts:
            self.main = (self.sentence, *acts[0])
        deed = next((act for act in acts if act[1].type not in SPEECH_TYPES), None)
        if deed is not None:
            self.main_deed = (self.sentence, *deed)

    def told_kind(self, noun: Token) -> bool:
        """An act of a type the noun may name was told in the last few sentences: "Il s'agit du
        premier tir de l'année" after a missile launch (not "C'est le plus grand déploiement de
        troupes" after their welcome: the deployment itself was not told)."""
        types = {t.type for k in lemma_keys(noun) for t in self._lines(k)}
        return any(event.type in types for sentence, event in self.recent
                   if self.sentence - sentence <= DIALOGUE_SENTENCES)

    def last_act(self, deed: bool = False) -> tuple[Event, Trigger] | None:
        """The main act of the last sentence that told one (with ``deed``, one that is no
        statement), in the last few sentences, if it occurred or is announced."""
        last = self.main_deed if deed else self.main
        if last is None:
            return None
        sentence, event, trigger = last
        if self.sentence - sentence > DIALOGUE_SENTENCES or event.status not in ("occurred", "future"):
            return None
        return event, trigger

    def holders(self, released: list[Entity]) -> tuple[list[Entity], str] | None:
        """Who held those released: the actor of the last arrest or seizure told of someone of
        their country (of anyone, when their country is unknown)."""
        theirs = {e.country for e in released if e.country}
        for _, event in reversed(self.recent):
            if event.type == "COERCE" and event.actor and (
                    not theirs or theirs & {e.country for e in event.recipient if e.country}):
                return [replace(e) for e in event.actor], "those who held them (the arrest told before)"
        return None

    def last_countries(self, count: int) -> list[str]:
        """The last ``count`` countries the story's events involved ("les trois pays")."""
        found: list[str] = []
        for _, event in reversed(self.recent):
            for entity in event.actor + event.recipient:
                if entity.country and entity.country != "IGO" and entity.country not in found:
                    found.append(entity.country)
        return found[:count] if len(found) >= count else []

    def other_side(self, actors: list[Entity]) -> tuple[list[Entity], str | None]:
        """The other side of the exchange the last few sentences told between the actor's
        country and another one: whom an unaddressed demand, refusal or charge answers."""
        mine = {e.country for e in actors if e.country}
        if not mine:
            return [], None
        for sentence, event in reversed(self.recent):
            if self.sentence - sentence > DIALOGUE_SENTENCES:
                break
            sides = event.actor + event.recipient
            if mine & {e.country for e in sides if e.country}:
                # A state or a body, not a named person whose nationality the text gives.
                others = [
                    replace(e) for e in sides
                    if e.country and e.country not in mine and (not proper(e.name) or e.country == "IGO")
                ]
                if others:
                    return union(others), "the other side of the exchange told before"
        return [], None

    def exchange_sides(self, actors: list[Entity], states: bool = False,
                       besides: Entity | None = None) -> tuple[list[Entity], str]:
        """The other side of the current exchange, or both sides when none is named (with
        ``states``, of two states: "les deux présidents" are no international body's; never
        ``besides``, who speaks of them: "l'ONU a appelé les deux parties")."""
        if any(e.country for e in actors):
            others, rule = self.other_side(actors)
            return others, rule or ""
        for sentence, event in reversed(self.recent):
            if self.sentence - sentence > DIALOGUE_SENTENCES:
                break
            sides = [replace(e) for e in event.actor + event.recipient if e.country and not proper(e.name)
                     and not (states and e.country == "IGO")
                     and not (besides is not None and besides.country == e.country
                              and (e.country != "IGO" or besides.name == e.name))]
            if len({e.country for e in sides}) >= 2:
                return union(sides), "the two sides of the exchange told before"
        return [], ""

    def act_noun(self, match: TriggerMatch, phrases: list[Arg]) -> Token | None:
        """The object of a judgement when it names an act: "l'essai", "cette décision"."""
        token = match.token
        # "a dénoncé une ingérence après la visite de X": what it answers, first
        heads = [c for c in token.children if _after_act(c)] + [a.span.root for a in phrases]
        if token.pos_ in ("VERB", "AUX", "ADJ"):
            # (and "s'est félicité de la libération": a prepositional argument)
            heads += [c for c in token.children if c.dep_ in ("obj", "nsubj:pass", "obl:arg")]
        for head in heads:
            if token.head.i == head.i:
                head = summed_act(head) or head  # "les négociations, une étape saluée par Kiev"
            misread = self._misread_act_noun(token, head)
            if misread is not None:
                return misread
            if head.pos_ == "VERB" and _after_act(head):
                return head  # "denounced interference after a delegation visited Taiwan"
            if head.pos_ != "NOUN" or any(
                c.dep_ == "nmod" and c.pos_ == "PROPN" and case_of(c) in grammar_of(c)["genitive"] for c in head.children
            ):
                continue  # "la décision de Washington" names its author already
            keys = lemma_keys(head)
            if any(k in self.acts for k in keys) or any(self._lines(k) for k in keys):
                return head
        return None

    def _misread_act_noun(self, judging: Token, head: Token) -> Token | None:
        """ "a salué un « pas[ADV] important[obj] »", "un pas[ADV] dans la bonne direction[obj]":
        an act noun of the list that the tagger read as an adverb (the negation "pas"), right
        after an article, between the judging word and the head the parser chose (or in its phrase)."""
        doc = head.doc
        start = min(head.left_edge.i, judging.i + 1)
        for tok in doc[start : head.i]:
            if tok.pos_ != "ADV" or not any(k in self.acts for k in lemma_keys(tok)):
                continue
            before = next((t for t in reversed(doc[start : tok.i]) if not t.is_punct), None)
            if before is not None and before.pos_ == "DET":
                return tok
        return None

    def author(
        self, match: TriggerMatch, phrases: list[Arg], actors: list[Entity]
    ) -> tuple[list[Entity], str] | None:
        """Who did the act a judgement is about: the actor of the last event told before,
        of that act's type when the noun is a trigger ("l'essai" -> the last test)."""
        noun = self.act_noun(match, phrases)
        if noun is None:
            return None
        own = match_token(noun, self.lexicon) if self.lexicon is not None else None
        # "l'essai", "ce tir" alone lack the context of a lexicon line: any type of its lines
        # may be the act told ("ce tir" is the missile launch, not only gunfire).
        wanted = {t.type for k in lemma_keys(noun) for t in self._lines(k)}
        wanted |= {self.acts[k] for k in lemma_keys(noun) if self.acts.get(k)}  # "l'accord": an agreement
        if own is not None:
            wanted.add(own.trigger.type)
        # (not the judge's own side: the same country, unless another sector of it, "Le
        # président a salué ce geste" of the guerrilla of his country)
        mine = {(e.country, e.sector) for e in actors if e.country}
        authors = self._last_authors(wanted, match.trigger.type == "SUPPORT", mine)
        if authors is None and wanted and any(k in self.acts for k in lemma_keys(noun)):
            # "a levé son veto ... cet accord": an act noun of the list (not "le dialogue", a
            # word of talks) names the last act when none of its type was told
            authors = self._last_authors(set(), match.trigger.type == "SUPPORT", mine)
        return (authors, f"author of the act judged ('{noun.text}')") if authors else None

    def _last_authors(self, types: set[str], praise: bool, mine: set[tuple[str, str | None]]) -> list[Entity] | None:
        """The actors (not of the ``mine`` sides) of the last event of ``types``, however far back; with
        no types, of the last event told recently ("la décision": whatever was done last)."""
        for sentence, event in reversed(self.recent):
            if not types and self.sentence - sentence > AUTHOR_SENTENCES:
                break
            if types and event.type not in types:
                continue
            if not types and praise and ((event.score or 0) < 0 or event.status not in ("occurred", "future")):
                # "une étape importante" praised is no protest told in between, nor an act
                # only said of someone ("accuse le Rwanda de soutenir le M23")
                continue
            authors = [replace(e) for e in event.actor if e.country and not _same_side(e, mine)]
            if authors:
                return union(authors)
        return None


def _same_side(entity: Entity, sides: set[tuple[str, str | None]]) -> bool:
    """Whether ``entity`` is of one of the (country, sector) ``sides``: the same country, and
    the same sector or one of the two unknown (a government and its country's rebels are two)."""
    return any(entity.country == country and (entity.sector is None or sector is None or entity.sector == sector)
               for country, sector in sides)
