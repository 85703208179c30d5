"""Find trigger words in a parsed sentence and pick the lexicon line each one matches.

A token is a trigger when one of its lemma keys is a lexicon head, its part of
speech fits the line, every ``with`` group finds a word in its context (its
children and grandchildren, and, for a noun, the verb that governs it: the
light verb of "apporter une aide"), and no ``not`` word is there. Among the
lines that match, the most specific wins: "signer un accord" over "signer".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.code.lexicon import Lexicon, Trigger

# spaCy's French tagger calls some participles ADJ ("arrêtée", "destituée") and
# some verbs AUX; the lexicon's VERB lines take them all, but never a real auxiliary.
_POS = {
    "VERB": {"VERB", "AUX", "ADJ"},
    "NOUN": {"NOUN", "PROPN"},
    "ADJ": {"ADJ", "VERB"},
}
_CONTENT_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN"})
_AUX_DEPS = {"aux", "aux:pass", "aux:tense", "aux:caus", "cop"}
_REFLEXIVE = {"se", "s'", "s’", "me", "m'", "m’", "te", "nous", "vous"}
# Participle endings whose infinitive is -er: spaCy sometimes keeps the participle as lemma.
_ER_PARTICIPLE = ("ées", "és", "ée", "é")
_ER_PRESENT = ("ent", "es", "e")


@dataclass(frozen=True)
class TriggerMatch:
    token: Token
    trigger: Trigger

    @property
    def text(self) -> str:
        return self.token.text


def lemma_keys(token: Token) -> list[str]:
    """The lemma, the form, and the -er infinitive of a participle the lemmatizer missed."""
    keys = [token.lemma_.lower(), token.lower_]
    for ending in _ER_PARTICIPLE:
        if token.lower_.endswith(ending) and len(token.lower_) > len(ending) + 2:
            keys.append(token.lower_[: -len(ending)] + "er")
            break
    if token.lower_.endswith("s") and token.pos_ in ("NOUN", "PROPN"):
        keys.append(token.lower_[:-1])  # plural the lemmatizer left alone
    if token.pos_ == "VERB" and token.lemma_.lower() == token.lower_:
        # A present tense left as its own lemma ("reproche", "exigent"): its -er infinitive.
        form = token.lower_
        for ending in _ER_PRESENT:
            if form.endswith(ending) and len(form) > len(ending) + 2:
                keys.append(form[: -len(ending)] + "er")
                break
    return list(dict.fromkeys(keys))


def context_words(token: Token) -> set[str]:
    """Lemmas and forms of the words a lexicon line may require around ``token``."""
    words: set[str] = set()
    near = list(token.children)
    for child in list(near):
        near.extend(child.children)
    if token.pos_ in ("NOUN", "PROPN") and token.head.i != token.i:
        near.append(token.head)  # the light verb: "apporter une aide", "ouvrir le feu"
    for other in near:
        words.add(other.lemma_.lower())
        words.add(other.lower_)
        if other.lower_ in _REFLEXIVE and other.dep_ in ("expl:comp", "expl:pv", "obj", "iobj", "expl"):
            words.add("se")
    return words


def _fits(trigger: Trigger, token: Token, words: set[str]) -> bool:
    if token.pos_ not in _POS[trigger.pos] or token.dep_ in _AUX_DEPS:
        return False
    if any(not (group & words) for group in trigger.requires):
        return False
    return not (trigger.forbids & words)


def match_token(token: Token, lexicon: Lexicon) -> TriggerMatch | None:
    """The lexicon line ``token`` triggers, if any."""
    candidates: list[Trigger] = []
    for key in lemma_keys(token):
        candidates.extend(lexicon.candidates(key))
    if not candidates:
        return None
    words = context_words(token)
    best: Trigger | None = None
    for trigger in candidates:
        if _fits(trigger, token, words) and (best is None or trigger.specificity > best.specificity):
            best = trigger
    return TriggerMatch(token, best) if best else None


def find_triggers(sent: Span, lexicon: Lexicon) -> list[TriggerMatch]:
    """Every trigger of a sentence, in text order."""
    found = []
    for token in sent:
        if token.pos_ not in _CONTENT_POS or len(token.text) < 3:
            continue  # articles, prepositions, pronouns, punctuation never trigger
        match = match_token(token, lexicon)
        if match is not None:
            found.append(match)
    return found
