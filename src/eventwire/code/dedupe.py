"""One event told twice is one event (FORMAT.md rule 7).

A title and the lead, or the lead and a later paragraph, often state the same
event. Two events of a document are the same when they have the same type and
mode, the same participant countries on each side (for symmetric events,
actors and recipients together), the same part (body or teaser unit) and
compatible dates (equal, overlapping, or one unknown). A mention that names
fewer sides ("cette visite", "la visite au Vietnam") is the same event as a
fuller mention of that type and mode when its countries are a subset of it.

The merged event keeps the first mention's evidence and takes from the others
what it lacks: a date (or a more precise one), a place, the fuller set of sides, a mode.
"""

from __future__ import annotations

from eventwire.event import Entity, Event

_POSITIVE = ("occurred", "future")
_HALVED_TYPES = ("ASSAULT", "COERCE")  # acts told as a passive and as the noun of its means
GENERIC_PROTEST = "demo"  # the mode a word for protesters gives; a riot or a strike is more precise
HOST_CAMEO = "043"  # receiving a guest (the host's side of a visit)


def _countries(entities: list[Entity]) -> frozenset[str]:
    return frozenset(e.country for e in entities if e.country)


def _sides(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    return _countries(event.actor), _countries(event.recipient)


def _unit(event: Event) -> tuple[str, int | None]:
    return event.part, event.why.get("unit")


def _dates_compatible(a: Event, b: Event) -> bool:
    if not a.date or not b.date:
        return True
    a_end, b_end = a.date_end or a.date, b.date_end or b.date
    if len(a.date) != len(b.date):
        # A day and a month or year: compatible when one contains the other.
        short, long_ = sorted((a.date, b.date), key=len)
        return long_.startswith(short)
    return a.date <= b_end and b.date <= a_end


def _same_sentence(a: Event, b: Event) -> bool:
    return (a.evidence.part_index, a.evidence.start) == (b.evidence.part_index, b.evidence.start)


def _hosting(a: Event, b: Event) -> bool:
    """ "Visite d'un vice-ministre russe au Vietnam" and "il a été reçu par le ministre
    vietnamien": the visit and its host's receiving the guest are one event."""
    modes = {a.mode, b.mode}
    return a.type == b.type == "CONSULT" and "visit" in modes and HOST_CAMEO in {a.cameo, b.cameo}


def _purpose_of_meeting(a: Event, b: Event) -> bool:
    """ "gathered in Cairo to discuss the crisis": talks in the sentence that tells the
    meeting they are held at are that meeting (the word for talks has no mode)."""
    modes = {a.mode, b.mode}
    return a.type == "CONSULT" and None in modes and "visit" not in modes and _same_sentence(a, b)


def _talks_during_visit(a: Event, b: Event) -> bool:
    """ "a rendu visite à son homologue et ils ont discuté de coopération": talks told in the
    sentence of the visit, with no date of their own, are the visit (FORMAT.md rule 4)."""
    return a.type == "CONSULT" and {a.mode, b.mode} == {"visit", None} and _same_sentence(a, b)


def _halves(a: Event, b: Event) -> bool:
    """ "tué à Téhéran dans une frappe imputée à Israël": one mention says whom it was done to,
    another in the same sentence who did it: two halves of one act."""
    (a_act, a_rec), (b_act, b_rec) = _sides(a), _sides(b)
    return _same_sentence(a, b) and a.type in _HALVED_TYPES and (
        (not a_act and bool(a_rec) and bool(b_act) and not b_rec)
        or (bool(a_act) and not a_rec and not b_act and bool(b_rec)))


def same_event(a: Event, b: Event) -> bool:
    if a.type != b.type or _unit(a) != _unit(b) or not _dates_compatible(a, b):
        return False
    if (a.status in _POSITIVE) != (b.status in _POSITIVE):
        return False  # "n'a pas signé" and "a signé" are not one event
    if a.type == "PROTEST" and _same_sentence(a, b) and _countries(a.actor) == _countries(b.actor):
        return True  # "des manifestants se sont heurtés à la police": one protest, not a demo and a riot
    if a.mode != b.mode and (a.type == "CONSULT" or (a.mode and b.mode)) and not (
            _hosting(a, b) or _purpose_of_meeting(a, b) or _talks_during_visit(a, b)):
        return False  # talks held during a visit are their own event (FORMAT.md rule 4)
    if a.type == "AGREE" and a.cameo and b.cameo and a.cameo != b.cameo:
        return False  # signing a text and agreeing to cooperate are two events
    (a_act, a_rec), (b_act, b_rec) = _sides(a), _sides(b)
    if (a_act, a_rec) == (b_act, b_rec):
        return True
    a_all, b_all = a_act | a_rec, b_act | b_rec
    if _halves(a, b):
        return True
    if a_all == b_all and (not a_rec or not b_rec):
        return True  # "les deux parties ont eu un entretien" and "X s'est entretenu avec Y"
    if a.mode in ("visit", "phone") and (a_all <= b_all or b_all <= a_all):
        return True
    # "un casque bleu a été tué" after "une attaque sur la MINUSMA et Barkhane": a mention
    # that misses one side, with countries the fuller mention has, is that mention.
    for (small, big), mention in (
        (((a_act, a_rec), (b_act, b_rec)), a),
        (((b_act, b_rec), (a_act, a_rec)), b),
    ):
        # (or the same countries: "un opposant condamné" in the headline, "un tribunal de Tunis
        # a condamné l'opposant" in the lead)
        if (not small[0] or not small[1]) and small != big and (small[0] | small[1]) <= (big[0] | big[1]):
            if not small[0] and big[0] and mention.why.get("unresolved_actor"):
                continue  # someone else, named but of no known country, did it
            if small[0] <= big[0] and small[1] <= big[1]:
                return True
    return False


def _merge_into(kept: Event, other: Event) -> None:
    if kept.type == "PROTEST" and kept.mode == GENERIC_PROTEST and other.mode:
        kept.mode = other.mode  # the word for the act says more than "manifestants"
    kept.mode = kept.mode or other.mode
    if other.date and (not kept.date or len(other.date) > len(kept.date)):
        # (the headline's month, the body's day: the day)
        kept.date, kept.date_end = other.date, other.date_end
    if kept.place is None and other.place is not None:
        kept.place = other.place
    if kept.status != other.status and "occurred" in (kept.status, other.status):
        kept.status = "occurred"  # one mention reports it done: it is
    kept_sides = _countries(kept.actor) | _countries(kept.recipient)
    other_sides = _countries(other.actor) | _countries(other.recipient)
    # (the other telling names whom it was done to, or fills the side this one lacks and keeps
    # the one it has)
    kept_actor, other_actor = _countries(kept.actor), _countries(other.actor)
    fuller = (not _countries(kept.recipient) and _countries(other.recipient)) or (
        not kept_actor and other_actor and _countries(other.recipient))
    if _halves(kept, other):
        if not _countries(kept.actor):
            kept.actor = other.actor
        if not _countries(kept.recipient):
            kept.recipient = other.recipient
    elif len(other_sides) > len(kept_sides) or (other_sides == kept_sides and fuller):
        # (the same sides, but one telling says who did it to whom: "Poland and Belarus expel
        # each other's diplomats", then "Poland expelled two Belarusian diplomats"; "un opposant
        # condamné", then "un tribunal a condamné l'opposant")
        kept.actor, kept.recipient = other.actor, other.recipient
    kept.why.setdefault("merged", []).append(other.evidence.text[:80])


def dedupe(events: list[Event]) -> list[Event]:
    """The events of one document with mentions of the same event merged, in text order."""
    kept: list[Event] = []
    mentions: list[list[Event]] = []  # each kept event's tellings, the kept one first
    for event in events:
        for earlier, told in zip(kept, mentions, strict=True):
            if same_event(earlier, event) or any(
                    _talks_during_visit(mention, event) and same_event(mention, event)
                    for mention in told[1:]):
                # (the talks may be in the sentence of a later telling of the visit)
                _merge_into(earlier, event)
                told.append(event)
                break
        else:
            kept.append(event)
            mentions.append([event])
    return kept
