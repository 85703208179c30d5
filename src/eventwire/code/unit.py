"""What the coder remembers while it reads one unit of a document (the body, or one teaser)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from eventwire.code.actors import DocumentActors
from eventwire.code.context import Story
from eventwire.code.dates import Anchor, DateMention
from eventwire.event import Entity, Place


@dataclass
class Unit:
    """What the coder remembers while reading one unit (the body, or one teaser)."""

    actors: DocumentActors
    anchor: Anchor
    part: str  # "body" or "teaser"
    index: int | None  # teaser index
    country: str | None = None  # the story's country: where its places mostly are
    filed: str | None = None  # the country of the place the story was filed from (its dateline)
    story: Callable[[], str | None] | None = None  # finds ``country`` when first needed
    last_country: str | None = None  # the country named last (what "le pays" refers to)
    named_last: Callable[[], str | None] | None = None  # finds ``last_country`` when first needed
    meeting: list[Entity] = field(default_factory=list)  # both sides of the current meeting
    talks: bool = False  # the current meeting was talks (not only an agreement its sides reached)
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
    parsed: list[Doc] = field(default_factory=list)  # its parts read so far (where names were introduced)


def story_country_of(unit: Unit) -> str | None:
    """The unit's story country, computed once, on first need."""
    if unit.story is not None:
        unit.country, unit.story = unit.story(), None
    return unit.country


def last_country_of(unit: Unit) -> str | None:
    """The country the unit named last, looked up in the sentences only when first needed."""
    if unit.named_last is not None:
        unit.last_country, unit.named_last = unit.named_last(), None
    return unit.last_country
