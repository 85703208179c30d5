"""Document memory for actor resolution: one document's actors, linked mention to mention.

``DocumentActors`` (re-exported by :mod:`eventwire.code.actors`) resolves each
phrase with the language's :class:`~eventwire.code.actors.ActorResolver` and links
it to an actor seen before: a surname, a spelling without diacritics or with a
space lost, "son homologue", "le général vietnamien". ``story_country`` gives the
country most of the document's actors belong to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Span

from eventwire.code.actor_tables import words_of
from eventwire.code.textutil import fold_key
from eventwire.event import Entity

if TYPE_CHECKING:  # actors.py re-exports this module: no import of it at run time
    from eventwire.code.actors import ActorResolver, Analysis


@dataclass
class Known:
    entity: Entity
    person: tuple[str, ...]
    head: str
    titles: set[str]
    order: int


class DocumentActors:
    """The actors of one document (or one teaser): links mentions to earlier ones.

    - a person's name, or part of it, or a spelling without diacritics
      ("Kartapolov", "Be Xuan Truong") -> the full name seen before;
    - "son homologue (russe)" -> the actor of the other side (not the counterpart's country);
    - a definite description without a name ("le ministre", "la délégation russe",
      "le général vietnamien") -> the latest actor with that head or title and a
      compatible country and sector.
    Linked mentions share the earlier actor's ``actor_id``; gaps (country, sector)
    are filled from it.
    """

    def __init__(self, resolver: ActorResolver,
                 story: Callable[[str], str | None] | None = None) -> None:
        self.resolver = resolver
        self.known: list[Known] = []
        # the country of the place a noun ("l'île", "le pays") points back to, as the coder
        # knows it (the story's places); else story_country(self)
        self.story = story
        self.countries: Counter[str] = Counter()  # countries of the actors resolved, by mention
        self._first: dict[str, int] = {}

    def resolve(self, span: Span, counterpart: Entity | None = None) -> Entity | None:
        analysis = self.resolver.analyse(span)
        if analysis is None:
            # "Cissé a quitté la ville": a bare surname the parse did not see as a name,
            # if it is part of a person's full name seen before
            words = self.resolver.bare_name(span)
            known = self._find_person(words) if words else None
            if known is not None and len(known.person) > len(words):
                return replace(known.entity)
            return None
        if analysis.entity.country is None and analysis.home_place:
            # "le premier ministre de l'île", "les entreprises de la province", "la police
            # du pays": the place the story is about
            home = (self.story(analysis.home_place) if self.story is not None else None) or story_country(self)
            if home:
                analysis.entity = replace(analysis.entity, country=home)
                analysis.evidence.append(f"the story's country ({analysis.home_place})")
        entity = self._link(analysis, counterpart)
        if entity is not None and entity.country and entity.country != "IGO":
            self.countries[entity.country] += 1
            self._first.setdefault(entity.country, len(self._first))
        return entity

    def _link(self, analysis: Analysis, counterpart: Entity | None) -> Entity | None:
        if analysis.person:  # "son homologue russe Mikhaïl Michoustine": the name decides
            linked = self._person(analysis)
        elif analysis.counterpart:
            linked = self._counterpart(analysis, counterpart)
        elif analysis.definite:
            linked = self._description(analysis)
        else:
            linked = None
        if linked is not None:
            entity = _merge(linked.entity, analysis.entity, keep_name=True)
            linked.entity = _merge(linked.entity, analysis.entity, keep_name=True)
            linked.titles |= analysis.titles
            return replace(entity)
        if analysis.entity.country is None and analysis.entity.sector is None and \
                analysis.entity.name is None:
            return None
        self._remember(analysis)
        return replace(analysis.entity)

    def register(self, entity: Entity, titles: set[str] | None = None) -> Entity:
        """Remember an entity found another way (a title, a caption); gives it an id."""
        person = tuple(fold_key(entity.name).split()) if entity.name else ()
        known = self._find_person(person) if person else None
        if known is not None:
            known.entity = _merge(known.entity, entity, keep_name=True)
            return replace(known.entity)
        entity = replace(entity, actor_id=entity.actor_id or _actor_id(entity))
        self.known.append(Known(entity, person, "", set(titles or ()), len(self.known)))
        return replace(entity)

    # ------------------------------------------------------------ linking

    def _remember(self, analysis: Analysis) -> None:
        entity = analysis.entity
        entity.actor_id = entity.actor_id or _actor_id(entity)
        self.known.append(Known(replace(entity), analysis.person, analysis.head,
                                set(analysis.titles), len(self.known)))

    def _find_person(self, person: tuple[str, ...]) -> Known | None:
        wanted = set(person)
        for known in reversed(self.known):
            if known.person and (wanted <= set(known.person) or set(known.person) <= wanted):
                return known
        # "VladimirNikolaevich Drozhzhov": the same letters with a space lost (or added)
        glued = "".join(person)
        for known in reversed(self.known):
            if len(known.person) > 1 and "".join(known.person) == glued:
                return known
        return None

    def _person(self, analysis: Analysis) -> Known | None:
        known = self._find_person(analysis.person)
        if known is None:
            return None
        new = analysis.entity
        if new.country and known.entity.country and new.country != known.entity.country:
            return None  # two people sharing a surname, from different countries
        if len(analysis.person) > len(known.person):
            known.person = analysis.person
            known.entity = replace(known.entity, name=new.name)
        return known

    def _description(self, analysis: Analysis) -> Known | None:
        new = analysis.entity
        for known in reversed(self.known):
            old = known.entity
            if new.country and old.country and new.country != old.country:
                continue
            if new.sector and old.sector and new.sector != old.sector:
                continue
            if analysis.head and (analysis.head == known.head or any(
                    analysis.head in words_of(t) for t in known.titles)):
                return known
        if new.country and analysis.head in self.resolver.words.get("delegation", {}):
            # "la délégation russe": the Russian side named before
            for known in reversed(self.known):
                if known.entity.country == new.country:
                    return known
        return None

    def _counterpart(self, analysis: Analysis, counterpart: Entity | None) -> Known | None:
        wanted = analysis.demonym_country or analysis.entity.country
        for known in reversed(self.known):
            country = known.entity.country
            if not known.person or country is None:
                continue
            if wanted and country != wanted:
                continue
            if counterpart is not None and counterpart.country == country:
                continue
            return known
        if wanted or counterpart is not None:
            sector = counterpart.sector if counterpart is not None else None
            analysis.entity = replace(analysis.entity, country=wanted,
                                      sector=analysis.entity.sector or sector)
        return None


def story_country(actors: DocumentActors) -> str | None:
    """The country most of a document's actors belong to (the first named on a tie).

    For phrases that name no country but mean the story's one: "la police",
    "le gouvernement", "les autorités du pays". IGOs do not count. None when no
    actor had a country yet.
    """
    if not actors.countries:
        return None
    return max(actors.countries, key=lambda c: (actors.countries[c], -actors._first[c]))


def _merge(old: Entity, new: Entity, keep_name: bool) -> Entity:
    return Entity(
        country=old.country or new.country,
        sector=old.sector or new.sector,
        name=(old.name or new.name) if keep_name else (new.name or old.name),
        actor_id=old.actor_id or new.actor_id,
    )


def _actor_id(entity: Entity) -> str:
    """A stable id: folded name (diacritics off), else country and sector."""
    if entity.name:
        return "-".join(fold_key(entity.name).split())
    return f"{entity.country or 'x'}:{entity.sector or 'x'}"
