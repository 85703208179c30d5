"""Did it happen? occurred, future, negated or hypothetical, from the verb and what governs it.

- negated: "ne ... pas / jamais / plus / aucun" on the trigger or on the verb
  a trigger noun depends on ("n'a pas signé", "n'a eu aucun entretien"),
  "sans", or a governing verb that cancels ("renoncer à", "éviter de");
  "a refusé de signer" is not a negation: "refuser" is itself a REJECT, and the
  signing it governs is not asserted (hypothetical);
- future: future tense ("conduira"), "aller" + infinitive ("va rendre
  hommage"), "devoir", verbs of planning and intent ("prévoir", "envisager",
  "souhaiter", "compter"), "prochain", "futur", "prévu(e)" on a noun;
- hypothetical: "si" on the clause, the conditional mood ("serait",
  "pourrait"), and any act that another trigger only asks for, threatens or
  refuses ("appelle à un cessez-le-feu", "menace de sanctions").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

NEGATORS = frozenset("pas jamais plus aucun aucune guère nullement point".split())
CANCELLING = frozenset("renoncer éviter empêcher abandonner exclure".split())
PLANNING = frozenset(
    "prévoir envisager projeter souhaiter vouloir compter entendre devoir aller apprêter "
    "espérer planifier programmer promettre".split()
)
FUTURE_MODIFIERS = frozenset("prochain prochaine prochains prochaines futur future prévu prévue prévus prévues".split())
# How a clause depends on the verb that governs it ("refuse de signer", "exige que ...").
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "obj", "obl:arg", "obl:mod", "csubj", "advcl", "conj", "nmod", "obl"})
# Governing acts that do not assert what they govern.
SUSPENDING_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT"})
SUSPENDING_LEMMAS = frozenset(
    "appeler exiger demander réclamer menacer refuser rejeter exhorter prier inviter "
    "proposer risquer chercher vouloir imaginer supposer prêt tenter essayer revenir".split()
)


FUTURE_ENDING = re.compile(r"r(ai|as|a|ons|ez|ont)$")
CONDITIONAL_ENDING = re.compile(r"r(ais|ait|ions|iez|aient)$")


def _morph(token: Token, key: str) -> list[str]:
    return token.morph.get(key, [])


def _aux(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_.startswith("aux") or c.dep_ == "cop"]


def is_negated(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "advmod" and child.lemma_.lower() in NEGATORS:
            return True
        if child.dep_ in ("det", "advmod") and child.lower_ in ("aucun", "aucune", "nul", "nulle"):
            return True
    return False


def _clause_verb(token: Token) -> Token:
    """The verb whose clause the trigger belongs to (the trigger itself when it is a verb)."""
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _has_if(verb: Token) -> bool:
    """ "si l'Iran attaque", and the main clause of such a condition ("..., ils imposeront")."""
    if any(c.dep_ == "mark" and c.lower_ in ("si", "s'", "s’") for c in verb.children):
        return True
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("si", "s'", "s’") for m in c.children)
        for c in verb.children
    )


def _tense(verb: Token) -> tuple[bool, bool]:
    """(future, conditional) of a verb, looking at its auxiliaries too."""
    future = cond = False
    for tok in [verb, *_aux(verb)]:
        # The tagger's tense is checked against the ending: "accueille" is not a future.
        if "Fut" in _morph(tok, "Tense") and FUTURE_ENDING.search(tok.lower_):
            future = True
        if "Cnd" in _morph(tok, "Mood") and CONDITIONAL_ENDING.search(tok.lower_):
            cond = True
        if tok.i != verb.i and tok.lemma_ == "aller" and "Pres" in _morph(tok, "Tense"):
            future = True
    return future, cond


def _done(verb: Token) -> bool:
    """ "a dû démissionner": "devoir" in a past tense asserts that it was done."""
    return verb.lemma_ == "devoir" and any(c.dep_ == "aux:tense" for c in verb.children)


def _adjunct(token: Token, verb: Token) -> bool:
    """Whether a noun hangs from its verb through an adjunct of time or circumstance ("au
    terme des négociations, X a refusé"): then the verb's act does not govern it."""
    node = token
    while node.head.i != verb.i and node.head.i != node.i:
        node = node.head
    return node.dep_ in ("obl:mod", "advcl", "advmod") and node.i < verb.i


def event_status(token: Token, governors: set[int]) -> str:
    """Status of the event a trigger word announces.

    ``governors``: token indices of the sentence's triggers of a suspending type
    (REQUEST, THREATEN, REJECT); an event they govern is hypothetical.
    """
    verb = _clause_verb(token)
    if token.pos_ in ("NOUN", "PROPN"):
        if any(c.lower_ in ("aucun", "aucune") for c in token.children):
            return "negated"
        if any(c.dep_ == "case" and c.lower_ == "sans" for c in token.children):
            return "negated"
    if is_negated(verb):
        return "negated"
    # "une nouvelle manifestation est prévue mardi": planned, unless something below says otherwise
    planned = verb.i != token.i and verb.lemma_ in PLANNING
    if verb.i != token.i and not _adjunct(token, verb) and (
        verb.i in governors or verb.lemma_ in SUSPENDING_LEMMAS
    ):
        # "exige la démission de X": the resignation is asked for, not reported.
        if verb.lemma_ in PLANNING:
            return "future"
        return "hypothetical"
    future, cond = _tense(verb)
    node = verb
    for _ in range(4):
        if _has_if(node):
            return "hypothetical"
        head = node.head
        if head.i == node.i:
            break
        # Not a relative clause or a coordinated verb; nor a circumstance put before the verb
        # ("au terme des négociations menées ..., X a refusé"): what is refused comes after.
        governs = node.dep_ in COMPLEMENT_DEPS and not (
            node.dep_ in ("advcl", "obl:mod") and node.i < head.i
        )
        if governs and (head.i in governors or (head.lemma_ in SUSPENDING_LEMMAS and head.i != token.i)):
            if head.lemma_ in PLANNING:
                future = True
            else:
                return "hypothetical"
        if governs and (head.lemma_ in CANCELLING or is_negated(head)):
            return "negated"  # "ne veut pas céder", "a renoncé à lancer"
        if head.lemma_ in PLANNING and node.dep_ in ("xcomp", "ccomp", "obj", "obl:arg", "obl:mod"):
            future = future or not _done(head)
        head_future, head_cond = _tense(head)
        if node.dep_ in ("xcomp", "ccomp", "obj", "obl:arg", "csubj"):
            future = future or head_future
            cond = cond or head_cond
        node = head
    if token.pos_ in ("NOUN", "PROPN"):
        for child in token.children:
            if child.lower_ in FUTURE_MODIFIERS:
                future = True
    if cond:
        return "hypothetical"
    return "future" if future or planned else "occurred"
