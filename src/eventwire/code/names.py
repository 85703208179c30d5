"""The words of a phrase the actor tables matched (``Word``, ``Hit``), and the person it names.

A person's name is a PER entity of the parse or a run of capitalised words
right after a title or a demonym ("le général Luong Cuong", "Foreign Minister
Sergei Lavrov"), whatever label NER gave it; words the tables matched (titles,
countries) and honorifics are not part of the name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.code.actor_tables import Term, stem
from eventwire.code.places import Gazetteer
from eventwire.code.spans import capital_runs, depth
from eventwire.code.textutil import fold_key


@dataclass
class Word:
    """One folded word of the phrase and the spaCy token it comes from."""

    key: str
    token: Token


@dataclass
class Hit:
    kind: str  # org | country | demonym | term | capital | place
    start: int
    end: int
    country: str | None
    sector: str | None
    priority: int
    written: str
    locative: bool
    where: str = ""
    term: Term | None = None


def person_name(
    span: Span, words: list[Word], hits: list[Hit], gazetteer: Gazetteer, honorific: Mapping[str, str]
) -> str | None:
    """The person a phrase names: a PER entity, or a capitalised run after a title."""
    covered = {w.token.i for h in hits for w in words[h.start : h.end]}
    kept = {w.token.i for w in words}
    doc = span.doc
        # a person's whole name, even where the parse cut the phrase inside it ("Be | Xuân Truong")
    candidates = [(e.start, e.end) for e in doc.ents
                  if e.label_ == "PER" and any(t.i in kept for t in e)]
    for start, end in capital_runs(span, covered, kept):
        # NER calls many foreign names LOC: a run the gazetteer does not know may be a person
        in_org = any(
            e.start <= start < e.end and (e.label_ == "ORG" or (
                e.label_ == "LOC" and gazetteer.lookup(doc[start:end].text) is not None))
            for e in span.ents
        )
        # NER may call a title and a name one ORG ("Russian Foreign Minister Sergei
        # Lavrov"): right after a title, the run is a name whatever its label
        if (not in_org and _after_title(doc, start, hits, words)) or _right_after_title(
                start, hits, words):
            candidates.append((start, end))
    best: str | None = None
    # the name nearest the phrase's head in the tree: "la prise de fonction de
    # Guterres à la place de Ban Ki-moon" is about Guterres
    arcs = {start: depth(doc[start:end].root, span.root.i) for start, end in candidates}
    for start, end in sorted(candidates, key=lambda se: (arcs[se[0]], se[0])):
        while start < end and (doc[start].i in covered or not doc[start].text[:1].isupper()
                               or stem(fold_key(doc[start].text)) in honorific):
            start += 1
        if end > start:
            best = doc[start:end].text
            break
    return best


def proper(token: Token) -> bool:
    """A proper noun, or a noun the lemmatizer kept capitalised: the tagger calls some
    sentence-initial names NOUN ("Athens expelled ...") or even PRON ("Kiev a demandé",
    which the recogniser still calls a place), and "Rabat a rompu" a common noun (a "rabat"),
    or a foreign word (X: "New Delhi") that the recogniser still calls a place."""
    named = token.ent_type_ in ("LOC", "ORG", "PER")
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and (token.lemma_[:1].isupper() or named)) or (
        token.pos_ in ("PRON", "X") and named)


def _after_title(doc: Doc, start: int, hits: list[Hit], words: list[Word]) -> bool:
    """A proper-noun run right after a title or demonym, or tagged PER, is a person's name."""
    titled = any(hit.kind == "demonym" or (hit.term is not None and hit.term.kind == "title")
                 for hit in _hits_just_before(start, hits, words))
    return titled or doc[start].ent_type_ == "PER"


def _right_after_title(start: int, hits: list[Hit], words: list[Word]) -> bool:
    """A run that follows a title ("Foreign Minister Sergei Lavrov"), not only a demonym."""
    return any(hit.term is not None and hit.term.kind == "title"
               for hit in _hits_just_before(start, hits, words))


def _hits_just_before(start: int, hits: list[Hit], words: list[Word]) -> list[Hit]:
    return [hit for hit in hits if 0 <= start - words[hit.end - 1].token.i <= 2]
