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

The rules are those of every language; the words are data, in
``data/<lang>/status.tsv`` (its header says what each kind means), read for the
language the token was parsed in (``Doc.lang_``). English: "will visit", "is to
visit", "plans to", "did not sign", "no longer", "if" / "unless", "could".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from eventwire.code.grammar import grammar_of, lang_of
from eventwire.code.phrases import purpose_clause
from eventwire.code.repairs import (
    clause_start,
    coordinated_head,
    detached_participle_verb,
    headline_verb,
    is_finite,
)
from eventwire.code.spans import sentence_of
from eventwire.code.tables import kind_rows, on_clear
from eventwire.code.triggers import lemma_keys
from eventwire.errors import DataFileError

# How a clause depends on the verb that governs it ("refuse de signer", "exige que ...").
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "obj", "obl:arg", "obl:mod", "csubj", "advcl", "conj", "nmod", "obl"})
# Governing acts that do not assert what they govern.
SUSPENDING_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT"})
KINDS = frozenset(
    {"negator", "negative_det", "without", "cancelling", "planning", "future_modifier", "suspending",
     "condition", "future_aux", "conditional_aux", "future_ending", "conditional_ending", "obligation",
     "destined_aux", "infinitive_mark", "future_mark", "habitual_det", "habitual_adverb", "hearsay_aux",
     "modal", "suspending_noun", "topic_verb"}
)


@dataclass(frozen=True)
class StatusWords:
    """The words of each kind for one language (lower case), with their values."""

    by_kind: dict[str, dict[str, str]]
    endings: dict[str, tuple[re.Pattern[str], ...]]

    def __getitem__(self, kind: str) -> dict[str, str]:
        return self.by_kind.get(kind, {})

    def fits(self, kind: str, token: Token, word: str) -> bool:
        """``word`` is of ``kind`` and ``token`` carries the feature its row asks for ("Tense=Pres")."""
        words = self.by_kind.get(kind, {})
        if word not in words:
            return False
        key, _, value = words[word].partition("=")
        return not key or value in token.morph.get(key, [])

    def ends(self, kind: str, token: Token) -> bool:
        """The form matches one ending of ``kind``; a language without endings trusts the tagger."""
        patterns = self.endings.get(kind, ())
        return not patterns or any(p.search(token.lower_) for p in patterns)


@lru_cache(maxsize=16)
def status_words(lang: str) -> StatusWords:
    """The status words of ``lang`` (packaged rows plus the user's ``$EVENTWIRE_DATA``);
    read once, forgotten by ``tables.clear_cache``."""
    by_kind: dict[str, dict[str, str]] = {}
    endings: dict[str, list[re.Pattern[str]]] = {}
    for row in kind_rows(f"{lang}/status.tsv", KINDS):
        kind = row["kind"]
        if kind.endswith("_ending"):
            try:
                endings.setdefault(kind, []).append(re.compile(row["word"]))
            except re.error as exc:
                raise DataFileError(row.path, row.line, f"bad regular expression: {exc}") from exc
        by_kind.setdefault(kind, {})[row["word"].lower().replace("’", "'")] = row["value"]
    return StatusWords(by_kind, {k: tuple(v) for k, v in endings.items()})


on_clear(status_words.cache_clear)


def _words(token: Token) -> StatusWords:
    return status_words(lang_of(token))


def _low(token: Token) -> str:
    return token.lower_.replace("’", "'")


def _morph(token: Token, key: str) -> list[str]:
    return token.morph.get(key, [])


def _aux(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_.startswith("aux") or c.dep_ == "cop"]


def _phrase(token: Token) -> str:
    """The words of a short modifier ("no longer"), for negators of more than one word."""
    return " ".join(_low(t) for t in token.subtree)


def habitual(token: Token) -> bool:
    """ "Chaque année, le PAM fournit ...", "the agency regularly sends ...": a habit, not one
    event (FORMAT.md rule 11: vague cooperation over years is not coded)."""
    verb = _clause_verb(token)
    w = _words(verb)
    for child in (*verb.children, *token.children):
        if child.dep_ == "advmod" and _low(child) in w["habitual_adverb"]:
            return True
        # "chaque année", "every week": the determiner's row lists the time nouns it takes
        units = next((w["habitual_det"][_low(d)] for d in child.children
                      if d.dep_ == "det" and _low(d) in w["habitual_det"]), None)
        if units is not None and child.lemma_.lower() in units.split():
            return True
    return False


def is_negated(verb: Token) -> bool:
    w = _words(verb)
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and any(
                d.dep_ == "det" and _low(d) in w["negative_det"] for d in child.children):
            return True  # "aucun soldat n'a été tué", "no soldier was killed": no one was
        if child.dep_ == "mark" and _low(child) in w["without"]:
            return True  # "sans qu'aucun soldat ne soit tué", "without firing a shot"
        if child.dep_ == "advmod" and (
            child.lemma_.lower() in w["negator"] or _phrase(child) in w["negator"]
        ):
            return True
        if child.dep_ in ("det", "advmod") and _low(child) in w["negative_det"]:
            return True
    return False


def _clause_verb(token: Token) -> Token:
    """The verb whose clause the trigger belongs to (the trigger itself when it is a verb)."""
    if headline_verb(token):
        return token  # "ce que Bakou dément[ADV]": a verb the tagger misread
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _has_if(verb: Token) -> bool:
    """ "si l'Iran attaque", "if troops cross", and the main clause of such a condition."""
    conditions = _words(verb)["condition"]
    if any(c.dep_ == "mark" and _low(c) in conditions for c in verb.children):
        return True
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and _low(m) in conditions for m in c.children)
        for c in verb.children
    )


def _tense(verb: Token) -> tuple[bool, bool]:
    """(future, conditional) of a verb, looking at its auxiliaries too."""
    w = _words(verb)
    future = cond = False
    for tok in [verb, *_aux(verb)]:
        # The tagger's tense is checked against the ending: "accueille" is not a future.
        # (the ending first: the cheapest test, and most verbs fail it)
        if w.ends("future_ending", tok) and (
                "Fut" in _morph(tok, "Tense") or _infinitive_stem(tok, w, "future_ending")):
            future = True
        if w.ends("conditional_ending", tok) and (
                "Cnd" in _morph(tok, "Mood") or _infinitive_stem(tok, w, "conditional_ending")) \
                and not _hearsay(tok, verb, w):
            cond = True
        if tok.i != verb.i and w.fits("future_aux", tok, tok.lemma_.lower()):
            future = True  # "va rendre", "will visit"
        if tok.i != verb.i and w.fits("conditional_aux", tok, tok.lemma_.lower()):
            cond = True  # "could resign"
    if cond and verb.lemma_ in w["obligation"]:
        return True, False  # "devraient signer": expected, not a mere possibility
    return future or _destined(verb, w), cond


def told_in_future(token: Token) -> bool:
    """Whether the clause of a trigger is in a future tense ("cessera ses frappes le 22
    février": a cancelled act is still dated ahead)."""
    return _tense(_clause_verb(token))[0]


def _hearsay(aux: Token, verb: Token, w: StatusWords) -> bool:
    """ "selon le Pentagone, l'interception aurait été conduite ...": a past the reporter has not
    confirmed (the conditional of the tense auxiliary), from a source the sentence names, still
    reports that it happened; "aurait pu signer", "aurait dû" do not."""
    return (aux.i != verb.i and aux.dep_ == "aux:tense" and aux.lemma_.lower() in w["hearsay_aux"]
            and "Part" in _morph(verb, "VerbForm") and verb.lemma_.lower() not in w["modal"]
            and any(t.lower_ in grammar_of(verb)["according_case"] for t in sentence_of(verb)))


def _reported_in_past(verb: Token) -> bool:
    """Whether ``verb``'s clause is reported by a verb of saying in a past tense."""
    saying = verb.head
    if verb.dep_ != "ccomp" or saying.lemma_.lower() not in grammar_of(saying)["speech_verb"]:
        return False
    return "Past" in _morph(saying, "Tense") or "Imp" in _morph(saying, "Tense") or any(
        c.dep_ == "aux:tense" for c in saying.children)


def _infinitive_stem(verb: Token, w: StatusWords, ending: str) -> bool:
    """ "signera", "prendra", "se rendrait": a future or conditional the tagger took for
    another tense, known by its form, the infinitive's stem (``infinitive_stem``: "signer"
    -> "signe") before an ending of ``ending``."""
    if not w.endings.get(ending) or verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma, form = verb.lemma_.lower(), verb.lower_
    stem = next((lemma[: -len(suffix)] + kept for suffix, kept in grammar_of(verb).pairs("infinitive_stem")
                 if lemma.endswith(suffix)), "")
    return bool(stem) and form.startswith(stem) and len(form) - len(stem) <= 4


def _destined(verb: Token, w: StatusWords) -> bool:
    """ "is to visit", "are due to sign", and a headline's bare "Leaders to meet"."""
    marks = [_low(c) for c in verb.children if c.dep_ == "mark"]
    if any(m in w["future_mark"] for m in marks):
        return True
    if not any(m in w["infinitive_mark"] for m in marks):
        return False
    if any(a.lemma_.lower() in w["destined_aux"] for a in _aux(verb)):
        return True
    return verb.head.i == verb.i and "Inf" in _morph(verb, "VerbForm") and not _aux(verb)


def _infinitive_of(node: Token) -> bool:
    """ "plans to sign" read as a noun and its clause: the plan's infinitive is planned too."""
    marks = _words(node)["infinitive_mark"]
    return node.dep_ == "acl" and any(c.dep_ == "mark" and _low(c) in marks for c in node.children)


def _past(verb: Token) -> bool:
    """ "a refusé", "a été refusé", "rejected": a compound past or a finite past tense."""
    return any(c.dep_ == "aux:tense" for c in verb.children) or (
        "Past" in verb.morph.get("Tense", []) and "Fin" in verb.morph.get("VerbForm", [])
    ) or ("Pass" in verb.morph.get("Voice", []) and any(
        c.dep_ == "aux:pass" and "Past" in c.morph.get("Tense", []) for c in verb.children))


def _done_by(participle: Token) -> bool:
    """ "des centrales endommagées par les frappes russes": a past participle with its agent
    states what was done, whatever governs the noun it describes ("financera la remise en
    état de centrales endommagées par ...")."""
    return participle.dep_ == "acl" and "Part" in participle.morph.get("VerbForm", []) and \
        "Past" in participle.morph.get("Tense", []) and any(c.dep_ == "obl:agent" for c in participle.children)


def _done(verb: Token) -> bool:
    """ "a dû démissionner", "a été contraint de démissionner": "devoir" or "contraindre" in a
    past tense asserts that it was done."""
    return verb.lemma_ in _words(verb)["obligation"] and _past(verb)


def _cancelling(verb: Token) -> bool:
    """ "renoncer à", "halted" (also where the lemmatizer missed the lemma: "halte")."""
    cancelling = _words(verb)["cancelling"]
    return any(key in cancelling for key in lemma_keys(verb))


def _planning(verb: Token) -> bool:
    return _words(verb).fits("planning", verb, verb.lemma_.lower())


def _suspended_by_noun(token: Token, verb: Token, w: StatusWords) -> bool:
    """ "le crime d'expulsion", "les accusations d'agression", "la possibilité d'une visite": an
    act named as what a charge or a possibility is of (a noun between the trigger noun and its
    clause's verb) is charged or possible, not reported; so is an infinitive the parser hung on
    the verb after such a noun ("reconnaît le droit de l'Ukraine à frapper des cibles")."""
    nouns = w["suspending_noun"]
    if token.dep_ == "xcomp" and any(c.dep_ == "obj" and c.i < token.i and c.lemma_.lower() in nouns
                                     for c in token.head.children):
        return True
    if token.pos_ == "VERB" and token.dep_ in ("acl", "nmod") and token.head.lemma_.lower() in nouns:
        return True  # "la possibilité de sanctionner la Russie"
    node = token
    while node.i != verb.i and node.head.i != node.i:
        node = node.head
        if node.i != verb.i and node.lemma_.lower() in w["suspending_noun"]:
            return True
    return False


def _talked_about(token: Token, w: StatusWords) -> bool:
    """ "des discussions consacrées à la libération de ressortissants", "talks focused on the
    release of hostages": what talks are about (the argument of a ``topic_verb``) is not done."""
    head = token.head
    return token.pos_ in ("NOUN", "PROPN") and head.i != token.i and head.lemma_.lower() in w["topic_verb"] and \
        token.dep_.startswith("obl")


def _suspending(verb: Token) -> bool:
    # (a row may ask for a feature: "permettant le déploiement" does not say it happened,
    # "a permis la libération des otages" does)
    return _words(verb).fits("suspending", verb, verb.lemma_.lower())


def _adjunct(token: Token, verb: Token, after_too: bool = False) -> bool:
    """Whether a noun hangs from its verb through an adjunct of time or circumstance ("au
    terme des négociations, X a refusé"): then the verb's act does not govern it.
    ``after_too``: a nominal adjunct after the verb counts too ("a levé l'immunité, à la
    demande[obl:mod] du parquet"). An occasion ("lors de la visite") is one wherever it hangs."""
    node = token
    occasions = grammar_of(token)["occasion_case"]
    occasion = False
    while node.head.i != verb.i and node.head.i != node.i:
        occasion = occasion or _occasion(node, occasions)
        node = node.head
    return occasion or _occasion(node, occasions) or (
        node.dep_ in ("obl:mod", "advcl", "advmod") and node.i < verb.i) or (after_too and node.dep_ == "obl:mod")


def _occasion(node: Token, occasions: frozenset[str]) -> bool:
    """ "lors de la visite", "pendant les entretiens", "during the visit": the occasion of the
    verb's act (``occasion_case``), whatever the parser hung it on, is no part of what it says."""
    return node.head.lower_ in occasions or any(
        c.lower_ in occasions and c.dep_ in ("case", "advmod", "dep", "fixed") for c in node.children)


def event_status(token: Token, governors: set[int], judgement: bool = False, threat: bool = False,
                 threats: frozenset[int] = frozenset()) -> str:
    """Status of the event a trigger word announces.

    ``governors``: token indices of the sentence's triggers of a suspending type
    (REQUEST, THREATEN, REJECT); an event they govern is hypothetical.
    ``threats``: those of them that threaten; what a threat promises is hypothetical even
    under a verb of plan ("a promis de riposter").
    ``judgement``: the trigger is an evaluative word, so the verb that names it is the
    act of judging ("called the deal « lousy »"), not a request ("called for talks").
    ``threat``: a threat states its condition ("a averti la Finlande de conséquences si
    elle rejoignait l'OTAN"): the condition on its own verb does not suspend it.
    """
    verb = _clause_verb(token)
    w = _words(token)
    # The verb of naming a judgement is said with asserts it, it does not ask for it: the
    # clause's verb ("a qualifié X d'« inacceptable »"), or one above it when the parser hung
    # the judgement lower ("called X's decision to restrict transit « unacceptable »").
    naming = judgement and verb.lemma_.lower() in grammar_of(verb)["naming_verb"]
    namer = verb if naming else (_namer(token) if judgement else None)
    if namer is not None:
        governors = governors - {namer.i}
    if token.pos_ in ("NOUN", "PROPN"):
        # "aucun entretien", "no agreement"; "sans accord", "without an agreement"
        if any(w["negative_det"].get(_low(c)) == "noun" for c in token.children):
            return "negated"
        if any(c.dep_ == "case" and _low(c) in w["without"] for c in token.children):
            return "negated"
    if _suspended_by_noun(token, verb, w) or _talked_about(token, w):
        return "hypothetical"
    if is_negated(verb):
        return "negated"
    if verb.dep_ == "csubj" and any(c.dep_ == "cop" for c in verb.head.children):
        # "supplying missiles to Kyiv would be an escalation", "attaquer des civils serait un
        # crime": an act as the subject of a judgement is a kind of act, not one done
        return "hypothetical"
    if verb.i != token.i and _cancelling(verb) and not _adjunct(token, verb, after_too=True):
        # ("a levé l'immunité, à la demande du parquet": what it was done for is no object)
        return "negated"  # "suspendre les bombardements": what is suspended does not happen
    # "une nouvelle manifestation est prévue mardi": planned, unless something below says otherwise
    planned = verb.i != token.i and _planning(verb) and not _adjunct(token, verb)
    if verb.i != token.i and not _adjunct(token, verb) and (
        verb.i in governors or (_suspending(verb) and not naming)
    ):
        # "exige la démission de X": the resignation is asked for, not reported.
        if _planning(verb) and verb.i not in threats:
            return "future"
        return "hypothetical"
    future, cond = _tense(verb)
    node = verb
    # "..., ce que l'Azerbaïdjan dément[ADV]": a misread verb after a relative pronoun comments
    # on the clause before (as :func:`_comment`); the parser's tree above it is no guide
    misread_verb = verb.i == token.i and headline_verb(token)
    misread_relative = misread_verb and clause_start(token) > sentence_of(token).start
    # (nor, beyond its own clause, for one the parser hung on a word that is no verb:
    # "Washington menace[NOUN, on 'Washington'] Bogota ... si elle refuse": the condition is
    # on the refusal; but "Si l'Iran attaque[NOUN] Israël" is its own)
    misread = misread_verb and token.head.pos_ not in ("VERB", "AUX")
    for _ in range(0 if misread_relative else 1 if misread else 4):
        if _has_if(node) and not (threat and node.i == verb.i):
            return "hypothetical"
        main = detached_participle_verb(node)
        if main is not None:
            # "a exigé le retrait des troupes, accusant[acl of 'retrait'] la mission de ...": the
            # detached participle is said by the clause's subject, beside its verb, not inside
            # what that verb asks for
            node = main
            continue
        head = coordinated_head(node)
        if head.i == node.i or (node.dep_ == "acl:relcl" and (_past(node) or _comment(node))) or _done_by(node):
            # A relative clause in a past tense states its own fact ("la proposition, que X a
            # refusée"): what governs its antecedent does not suspend it. In the present it may
            # describe what is asked for ("exige une force qui protège les civils"), but not
            # when it comments on what came before ("l'accuse d'avoir bombardé ..., ce que
            # Bakou nie", "accuses Baku of shelling villages, which Azerbaijan denies": the
            # denial is no part of the charge).
            break
        # Not a relative clause or a coordinated verb; nor a circumstance put before the verb
        # ("au terme des négociations menées ..., X a refusé"): what is refused comes after.
        governs = node.dep_ in COMPLEMENT_DEPS and not (
            node.dep_ in ("advcl", "obl:mod") and node.i < head.i
        )
        if governs and not _own_coordinated_act(node, head) and not _done(head) and (head.i in governors or (
                _suspending(head) and head.i != token.i and (namer is None or head.i != namer.i))):
            # ("a été contraint de démissionner": forced, in the past, he did resign)
            if _planning(head) and head.i not in threats:
                future = True
            else:
                return "hypothetical"
        if governs and not purpose_clause(node) and (_cancelling(head) or is_negated(head)):
            # ("ont cessé le travail pour protester": the purpose is pursued all the same)
            return "negated"  # "ne veut pas céder", "a renoncé à lancer"
        if _planning(head) and (
            node.dep_ in ("xcomp", "ccomp", "obj", "obl:arg", "obl:mod") or _infinitive_of(node)
        ):
            if head.pos_ == "NOUN" and any(w["negative_det"].get(_low(c)) == "noun" for c in head.children):
                return "negated"  # "has no plans to close its embassy"
            future = future or not _done(head)
        head_future, head_cond = _tense(head)
        if node.dep_ in ("xcomp", "ccomp", "obj", "obl:arg", "csubj"):
            future = future or head_future
            cond = cond or head_cond
        node = head
    if token.pos_ in ("NOUN", "PROPN") and _future_noun(token, w):
        future = True
    if cond and not judgement and _reported_in_past(verb) and not _aux(verb):
        # "a annoncé qu'il se rendrait en Chine": the future seen from the past of the report,
        # not a possibility
        cond, future = False, True
    if cond:
        return "hypothetical"
    return "future" if future or planned else "occurred"


def _own_coordinated_act(verb: Token, head: Token) -> bool:
    """A verb coordinated with a finite one, with an object of its own, is an act of its own,
    not one the other asks for: "a appelé Pékin à la retenue et dépêché un destroyer" did send
    it, "exigent le retrait du texte et menacent de bloquer" do threaten. (A participle with no
    object may describe a noun: "une commission, composée de ... et présidée par X, d'enquêter".)
    So is a participle that shares the other's auxiliary."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or head.pos_ != "VERB":
        return False
    if "Part" in verb.morph.get("VerbForm", []) and "Past" in verb.morph.get("Tense", []) and verb.head.i == head.i \
            and any(c.dep_ == "aux:tense" for c in head.children) \
            and not any(c.dep_.startswith("aux") or c.dep_ == "obl:agent" for c in verb.children):
        # "Islamabad a démenti et accusé New Delhi": the auxiliary's past, shared (not a passive
        # participle with its agent the parser joined to the verb: "et présidée par X")
        return True
    if not is_finite(head) or "Inf" in verb.morph.get("VerbForm", []):
        return False
    return any(c.dep_ == "obj" or (c.dep_ in ("xcomp", "ccomp") and is_finite(verb)) for c in verb.children)


def _comment(clause: Token) -> bool:
    """A relative clause set off by a comma, or on a pronoun that stands for the clause
    before ("ce que"): it adds a fact of its own. (Only with a relative pronoun: a "que" the
    tagger calls a conjunction introduces a complement the parser hung on a noun.)"""
    if not any("Rel" in c.morph.get("PronType", []) for c in clause.children):
        return False
    first = next(t for t in clause.subtree if not t.is_punct)
    return (first.i > 0 and clause.doc[first.i - 1].text == ",") or (
        clause.head.lower_ in grammar_of(clause)["clause_pronoun"])


def _namer(token: Token) -> Token | None:
    """The verb of naming a judgement word is said with, up to three heads above it."""
    node = token
    for _ in range(3):
        node = node.head
        if node.lemma_.lower() in grammar_of(node)["naming_verb"]:
            return node
        if node.head.i == node.i:
            break
    return None


def _future_noun(token: Token, w: StatusWords) -> bool:
    """ "la prochaine réunion", "the upcoming visit", and "next week's summit" (the
    modifier on the possessor)."""
    modifiers = w["future_modifier"]
    for child in token.children:
        if _low(child) in modifiers:
            return True
        if child.dep_ == "nmod:poss" and any(_low(g) in modifiers for g in child.children):
            return True
    return False
