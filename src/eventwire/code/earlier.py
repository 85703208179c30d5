"""Phrases that stand for one written earlier in the unit, where no event may have been told.

The document memory (``DocumentActors``) knows the actors of the events coded so far. A
news text also introduces people and bodies in sentences that tell no event ("La Première
ministre britannique, Theresa May, a annoncé ...") and names them shortly afterwards ("avec
May", "the embassy"). These functions look back through the unit's parts whose entities the
parse recognised (``Unit.parsed``; the entity shortcut of ``parse`` then changes no event),
and read the members a group phrase is followed by ("plusieurs pays, dont le Canada").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from eventwire.code.actors import ActorResolver
from eventwire.code.grammar import grammar_of
from eventwire.code.phrases import case_of, phrase_span
from eventwire.code.spans import sentence_of
from eventwire.code.textutil import fold_key
from eventwire.code.unit import Unit
from eventwire.event import Entity


def named_members(span: Span, resolver: ActorResolver) -> list[str]:
    """Countries named right after a group phrase by a marker of members ("dont",
    "parmi lesquels", "en tête desquels", "including": ``member_marker``), up to the
    next stop."""
    doc = span.doc
    i = span.end
    while i < len(doc) and doc[i].text == ",":
        i += 1
    rest = " ".join(t.lower_ for t in doc[i : i + 4])
    marker = next((m for m in sorted(grammar_of(span)["member_marker"], key=len, reverse=True)
                   if rest == m or rest.startswith(m + " ")), None)
    if marker is None:
        return []
    start = i + len(marker.split())
    end = start
    # (a comma goes on to the list's next member: "dont l'Argentine, le Chili et le Pérou, qui ...")
    while end < len(doc) and doc[end].text not in (".", ";", ":", "(", "»") and end - start < 12 and not (
            doc[end].text == "," and (end + 1 == len(doc) or doc[end + 1].pos_ not in ("DET", "PROPN"))):
        end += 1
    return sorted(resolver.mentions_country(doc[start:end].text))


def described_before(span: Span, unit: Unit, resolver: ActorResolver) -> Entity | None:
    """What a short definite description stands for ("the embassy", "la police"): the
    nearest phrase before it with the same head that names a country ("the US Embassy in
    London"), or with the same count and sector ("les deux élus" after "deux eurodéputés
    grecs")."""
    root = span.root
    if root.pos_ != "NOUN" or not root.text.islower() or len(span) > 3 or not any(
            c.dep_ == "det" and c.lower_ in grammar_of(span)["definite"] for c in root.children):
        return None
    lemma = root.lemma_.lower()
    # ("les deux élus" after "deux eurodéputés grecs": a group counted again, by another
    # word of the same sector)
    count = next((c.lower_ for c in root.children if c.dep_ == "nummod"), None)
    own = resolver.resolve(span) if count else None
    for tok in _tokens_before(span, unit):
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        same_head = tok.lemma_.lower() == lemma
        recounted = own is not None and any(c.dep_ == "nummod" and c.lower_ == count for c in tok.children)
        if not (same_head or recounted):
            continue
        entity = resolver.resolve(phrase_span(tok))  # tried without touching the memory
        if entity is not None and entity.country and (same_head or (own is not None and entity.sector == own.sector)):
            return unit.actors.resolve(phrase_span(tok))
    return None


def named_before(span: Span, unit: Unit, resolver: ActorResolver) -> Entity | None:
    """The person a bare surname stands for, from the nearest fuller name written before
    it in the unit ("La Première ministre britannique, Theresa May, a annoncé ..." then
    "avec May"), resolved with its phrase (title, apposition)."""
    words = resolver.bare_name(span)
    if not words or len(words) > 2:
        return None
    for tok in _tokens_before(span, unit):
        if tok.pos_ != "PROPN" or fold_key(tok.text) != words[-1] or tok.i == 0:
            continue
        name = tok.head if tok.dep_.startswith("flat") else tok
        full = phrase_span(name)
        fuller = (full.start < tok.i and tok.doc[tok.i - 1].pos_ == "PROPN") or name.i != tok.i
        title = _title_before(name)
        if title is not None:
            # "La première ministre de l'Angleterre, Theresa May": with its title
            full = tok.doc[phrase_span(title).start : full.end]
        if len(full) <= len(words) or not fuller:
            continue  # not a fuller name: the same bare word ("M. Grossi" is one), or a title alone
        entity = unit.actors.resolve(full)
        if entity is not None and entity.country:
            return entity
    return None


def _title_before(name: Token) -> Token | None:
    """The head of the title a name stands in apposition to: "La première ministre de
    l'Angleterre, Theresa May"; also when the parser hung the name elsewhere ("a annoncé le
    directeur général de l'AIEA, Rafael Grossi[conj of the verb]")."""
    if name.dep_ in ("appos", "conj") and name.head.pos_ in ("NOUN", "PROPN") and name.head.i < name.i:
        return name.head
    start = phrase_span(name).start
    if start < 2 or name.doc[start - 1].text != ",":
        return None
    title = name.doc[start - 2]
    while title.dep_ in ("nmod", "amod", "flat:name", "appos") and title.head.pos_ in ("NOUN", "PROPN") \
            and title.head.i < title.i:
        title = title.head
    return title if title.pos_ == "NOUN" else None


def _tokens_before(span: Span, unit: Unit) -> Iterator[Token]:
    """The tokens of the unit's parts read so far before ``span``, nearest first."""
    for sdoc in reversed(unit.parsed):
        yield from reversed(sdoc[: span.start] if sdoc is span.doc else sdoc)


def latter_before(span: Span, unit: Unit, resolver: ActorResolver) -> Entity | None:
    """What "ce dernier", "cette dernière", "the latter" (``latter``) stands for: the
    nearest phrase before it, in its sentence or the one before, subject or not, that
    names an actor of a country and does not contradict its gender."""
    gender = set(span.root.morph.get("Gender", []))
    seen: set[int] = set()
    for tok in reversed(_two_sentences_before(span, unit)):
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        top = _name_head(tok)
        if top.i in seen or top.i in range(span.start, span.end):
            continue
        seen.add(top.i)
        g = grammar_of(top)
        if top.ent_type_ in ("LOC", "GPE") and case_of(top) in g["place_case"] | g["destination_case"]:
            continue  # "a visit to Vietnam": where, not who (but "il a téléphoné à Poutine")
        other = set(top.morph.get("Gender", []))
        if gender and other and not gender & other:
            continue  # "cette dernière" is not "le ministre"
        entity = resolver.resolve(phrase_span(top))  # tried without touching the memory
        if entity is not None and entity.country:
            return unit.actors.resolve(phrase_span(top))
    return None


def _two_sentences_before(span: Span, unit: Unit) -> list[Token]:
    """The tokens before ``span`` in its sentence and the sentence before, which may end
    the part before it."""
    sent = sentence_of(span)
    tokens = list(span.doc[sent.start : span.start])
    if sent.start > 0:
        before = sentence_of(span.doc[sent.start - 1])
        return list(span.doc[before.start : sent.start]) + tokens
    earlier = [d for d in unit.parsed if d is not span.doc]
    if earlier and len(earlier[-1]):
        last = list(earlier[-1].sents)[-1]
        return list(last) + tokens
    return tokens


def _name_head(tok: Token) -> Token:
    """The head of the name ``tok`` is part of ("Vladimir" of "Vladimir Poutine"); the
    nearest noun phrase, not the largest: "la proposition du gouvernement français. Ce
    dernier" is the government."""
    while tok.dep_ in ("flat", "flat:name", "compound") and tok.head.pos_ in ("NOUN", "PROPN") \
            and tok.head.i != tok.i:
        tok = tok.head
    return tok
