"""Whom a phrase that names no one refers to, from the sentence's grammar.

- ``reporter_of``: the pronoun subject of a clause reported by a verb of saying is the
  one who says it ("The United States said it would impose sanctions", "Le Japon a
  annoncé qu'il allait ...");
- ``owner_country``: a possessed phrase belongs to the subject of its clause ("a annoncé
  le retrait de ses troupes": the troops of who announces it).

Pronouns that point further back ("il", "they") are the coder's memory (``Unit.salient``).
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.code.complements import relative_read_as_complement
from eventwire.code.grammar import grammar_of
from eventwire.code.phrases import Arg, child_of, phrase_span
from eventwire.code.subjects import clause_subject
from eventwire.code.unit import Unit
from eventwire.event import Entity


def reporter_of(arg: Arg, unit: Unit) -> Entity | None:
    """The one who says the clause ``arg`` (a pronoun) is the subject of, if a verb of
    saying reports that clause and its subject names an actor of a country."""
    clause = arg.span.root.head
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    saying = clause.head
    if clause.dep_ != "ccomp" or saying.lemma_.lower() not in grammar_of(saying)["speech_verb"]:
        return None
    subject, _ = clause_subject(saying)
    if subject is None or subject.pos_ == "PRON":
        return None
    entity = unit.actors.resolve(phrase_span(subject))
    # (or a body of no named country: "le gouvernement a annoncé qu'il renonçait", the story's)
    return replace(entity) if entity is not None and (entity.country or entity.sector) else None


def main_clause_subject(arg: Arg, unit: Unit) -> Entity | None:
    """The subject of the clause that governs the adverbial clause ``arg`` (a pronoun) is the
    subject of: "the minister is expected in Beijing, where he will meet ...", "le ministre a
    quitté Kiev après qu'il a rencontré ...": one person, named once."""
    clause = arg.span.root.head
    if arg.span.root.dep_ != "nsubj" or (clause.dep_ not in ("advcl", "parataxis", "acl:relcl")
                                         and relative_read_as_complement(clause) is None):
        return None  # (a relative the parser read as a complement clause is one too: ", qu'il accuse")
    main = clause.head
    if clause.dep_ == "acl:relcl":  # "à Pékin, où il rencontrera ...": the clause "Pékin" is in
        main = main.head if main.head.pos_ in ("VERB", "AUX") else main
    subject = child_of(main, "nsubj", "nsubj:pass")
    if subject is None and main.pos_ in ("VERB", "AUX"):
        # "a convoqué l'ambassadeur pour protester contre ce qu'il considère comme ...": the
        # subject an infinitive takes from the verb above it
        subject, _ = clause_subject(main)
    if subject is None or subject.pos_ == "PRON":
        return None
    entity = unit.actors.resolve(phrase_span(subject))
    return replace(entity) if entity is not None and entity.country else None


def owner_country(arg: Arg, unit: Unit) -> str | None:
    """The country of the subject of the clause a possessed phrase is part of."""
    node = arg.span.root
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    subject, _ = clause_subject(node)
    if subject is None or subject.i in range(arg.span.start, arg.span.end):
        return None
    owner = unit.actors.resolve(phrase_span(subject))
    return owner.country if owner is not None else None
