"""Countries that share a name or a demonym, told apart by the story.

"congolais", "Congolese" and a bare "Congo" belong to the Republic of the Congo and to the
Democratic Republic of the Congo (``countries.tsv`` lists the word under both). Resolution
gives such a word the country listed first; once a document is coded, a story that names
the other one by a word of its own ("la RDC", "Kinshasa", "Goma") and never the first
("Congo-Brazzaville", "Brazzaville") is about the other, and its events are moved to it.
Teasers tell other stories and are left as they are.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.code.actors import ActorResolver
from eventwire.code.places import Gazetteer
from eventwire.document import Document
from eventwire.event import Entity, Event


def settle_namesakes(
    events: list[Event], doc: Document, resolver: ActorResolver, gazetteer: Gazetteer
) -> list[Event]:
    """``events`` with each country of a shared word moved to the namesake the story names."""
    body = [e for e in events if e.part != "teaser"]
    used = {c for e in body for c in _countries(e) if c in resolver.namesakes}
    if not used:
        return events
    text = "\n".join(part.text for part in doc.parts if not part.is_teaser)
    # (a country place, "le Congo", is the shared word again; a city is the country's own)
    named = resolver.mentions_country(text, shared=False) | {
        m.place.country for m in gazetteer.find(text) if m.kind != "country" and m.place.country}
    moves = {}
    for country in used:
        others = resolver.namesakes[country] & named
        if country not in named and len(others) == 1:
            moves[country] = next(iter(others))
    if not moves:
        return events
    return [_moved(e, moves) if e.part != "teaser" else e for e in events]


def _countries(event: Event) -> set[str]:
    found = {e.country for e in event.actor + event.recipient if e.country}
    if event.place is not None and event.place.country:
        found.add(event.place.country)
    return found


def _moved(event: Event, moves: dict[str, str]) -> Event:
    place = event.place
    if place is not None and place.country in moves:
        place = replace(place, country=moves[place.country])
    return replace(event, actor=_entities(event.actor, moves),
                   recipient=_entities(event.recipient, moves), place=place)


def _entities(entities: list[Entity], moves: dict[str, str]) -> list[Entity]:
    """The entities moved, once each ("la RDC et le Congo" told as one side is one)."""
    moved: list[Entity] = []
    for entity in (_entity(e, moves) for e in entities):
        if all((e.country, e.sector, e.name) != (entity.country, entity.sector, entity.name) for e in moved):
            moved.append(entity)
    return moved


def _entity(entity: Entity, moves: dict[str, str]) -> Entity:
    if entity.country not in moves:
        return entity
    moved = moves[entity.country]
    actor_id = entity.actor_id
    if actor_id and actor_id.startswith(f"{entity.country}:"):  # an id made of country and sector
        actor_id = moved + actor_id[len(entity.country):]
    return replace(entity, country=moved, actor_id=actor_id)
