"""Noun phrases of the parse: the span that names an actor, split at coordination.

The coder hands these spans to the actor resolver. A phrase keeps its
appositions ("Le chef du Département ..., le général Luong Cuong") and its
coordinated adjectives ("les gardes-frontières vietnamiens et chinois"), but
coordinated nouns ("le Canada et l'Union européenne") are phrases of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from eventwire.code.date_patterns import norm
from eventwire.code.date_patterns import words as date_words
from eventwire.code.grammar import grammar, grammar_of, lang_of
from eventwire.code.spans import sentence_of
from eventwire.code.tables import on_clear

NP_DEPS = {
    "det", "amod", "nmod", "nmod:desc", "flat:name", "flat:foreign", "flat", "appos", "compound",
    "nummod", "fixed", "case", "nmod:poss", "dep", "punct", "conj", "cc",
}
MAX_PHRASE = 30  # tokens: beyond this a "phrase" is a parse error swallowing a clause


@dataclass
class Arg:
    """One actor or recipient phrase and the rule that found it."""

    span: Span
    rule: str
    reciprocal: bool = False
    pronoun: bool = False
    group: int = 0  # phrases coordinated with one another share a group


_CASES = "eventwire.cases"  # where a parsed part keeps the case of each word asked (``Doc.user_data``)


def case_of(token: Token) -> str:
    """The preposition of a word's phrase ("à", "de", "face"), or ""; asked many times of the
    same words, so kept once found."""
    cases = token.doc.user_data.get(_CASES)
    if cases is None:
        cases = token.doc.user_data[_CASES] = {}
    found = cases.get(token.i)
    if found is None:
        found = cases[token.i] = _case_of(token)
    return found


def _case_of(token: Token) -> str:
    for child in token.children:
        if child.dep_ in ("case", "fixed") or (child.dep_ == "mark" and child.pos_ == "ADP"):
            before = token.doc[child.i - 1] if child.i > 0 else None
            if before is not None and before.lower_ in grammar_of(token)["preposition_head"]:
                # "face aux tirs", "grâce à l'aide": the preposition is the pair, which the
                # parser split ("face" an object, "aux tirs" a dative); its first word says it
                return before.lower_
            return child.lower_
        if child.dep_ == "advmod" and child.pos_ == "ADP" and child.i < token.i:
            return child.lower_  # "au nouveau Premier ministre", read as "à nouveau"
    return ""


def _coordinated(conj: Token) -> bool:
    """A ``conj`` with "et" / "ou" is coordination; with a comma only, it is an apposition
    ("Le chef de la diplomatie, le ministre X"), unless a later one of the list has the "et"
    ("le Mali, le Burkina Faso et le Niger")."""
    if any(c.dep_ == "cc" for c in conj.children):
        return True
    return any(other.dep_ == "conj" and other.i > conj.i and any(c.dep_ == "cc" for c in other.children)
               for other in conj.head.children)


def phrase_tokens(head: Token) -> list[Token]:
    """The head and the words of its noun phrase, without clauses or coordinated phrases."""
    kept = [head]
    stack = [
        c for c in head.children
        if (c.dep_ in NP_DEPS and c.dep_ not in ("cc", "case")
            # a coordinated noun is a phrase of its own; a coordinated adjective ("vietnamiens
            # et chinois") and a comma apposition belong to this one
            and not (c.dep_ == "conj" and _nominal(c) and _coordinated(c)))
        or _misread_compound(c, head) or adjective_read_as_clause(c, head)
    ]
    # "les troupes kirghizes[nsubj, ADJ] avaient bombardé": a bare adjective right after the
    # subject, read as a second subject, is its modifier
    if head.dep_ in ("nsubj", "nsubj:pass") and head.i + 1 < len(head.doc):
        after = head.doc[head.i + 1]
        if after.dep_ == head.dep_ and after.pos_ == "ADJ" and after.head.i == head.head.i \
                and not after.n_lefts + after.n_rights:
            stack.append(after)
    apart = set(_hung_on_complement(head))
    where = set(_where_a_name_is(head)) | set(_holder_of_captives(head))
    stack = [c for c in stack if c not in where]
    # "Le Premier ministre Ousmane[amod] Sonko[nsubj] a rejeté": the last word of a name,
    # read as a second subject, ends the name (where the name is the phrase's)
    stack.extend(t for t in _name_end_read_as_subject(head)
                 if not any(w.i == t.i - 1 or w.is_ancestor(t.doc[t.i - 1]) for w in where))
    # "le président élu du Sénégal", "le Premier ministre désigné du Sénégal": a participle of
    # office is part of the title, with whose office it is
    for office in (c for c in head.children if office_participle(c)):
        stack.append(office)
        stack.extend(c for c in office.children if c.dep_ in ("obl:agent", "obl", "obl:mod", "nmod", "advmod")
                     and (c.dep_ == "advmod" or case_of(c) in grammar_of(c)["genitive"]))
    while stack:
        tok = stack.pop()
        kept.append(tok)
        stack.extend(c for c in tok.children if c.dep_ in NP_DEPS and c not in apart)
    return kept


def _where_a_name_is(head: Token) -> list[Token]:
    """ "hosted Abiy at State House": where someone named is, no part of his name's phrase."""
    if head.pos_ != "PROPN":
        return []
    g = grammar_of(head)
    return [c for c in head.children if c.dep_ == "nmod" and case_of(c) in g["place_case"] - g["genitive"]]


def _holder_of_captives(head: Token) -> list[Token]:
    """ "5 000 otages de Boko Haram": who holds captives is not whose they are."""
    g = grammar_of(head)
    if head.lemma_.lower() not in g["captive_noun"]:
        return []
    return [c for c in head.children if c.dep_ == "nmod" and case_of(c) in g["genitive"] and c.pos_ == "PROPN"]


def after_power(place: Token, span: Span) -> bool:
    """A place named after "au pouvoir" in ``span``: whose power it is ("les juntes au pouvoir
    au Mali, au Burkina Faso et au Niger"), not where the group is posted."""
    nouns = grammar_of(span)["power_noun"]
    return any(t.i < place.i and t.lemma_.lower() in nouns and case_of(t) for t in span)


def earlier_act_phrase(token: Token) -> Token | None:
    """The phrase of what came before the clause's act that holds the act noun ``token``
    ("après l'attaque", "malgré l'appel", "en réponse à l'attaque", "au lendemain du retour",
    "despite the call"), if any: that act is someone else's, and dated only inside its phrase."""
    g = grammar_of(token)
    cases = g["sequence_case"] | g["concession_case"]
    node = token
    while node.pos_ in ("NOUN", "PROPN") and node.head.i != node.i:
        if case_of(node) in cases or (node.i != token.i and node.lemma_.lower() in g["sequence_noun"]):
            return node
        node = node.head
    return None


def office_participle(token: Token) -> bool:
    """ "élu", "désigné" in "le président élu du Sénégal": a participle of office, part of the
    title it follows (grammar kind ``office_participle``); not with its agent ("le groupe nommé
    par le pape" is described)."""
    g = grammar_of(token)
    return token.dep_ == "acl" and token.lemma_.lower() in g["office_participle"] and not any(
        case_of(c) in g["agent_case"] for c in token.children)


def _hung_on_complement(head: Token) -> list[Token]:
    """ "La Corée du Nord[nmod] et l'Iran[conj of 'Nord']", "le président du Sénégal et son
    homologue": a phrase coordinated with no preposition of its own, that the parser hung on
    the head's "de" complement, is coordinated with the head ("de la Russie et de la Chine",
    with its own "de", is the complement's)."""
    genitive = grammar_of(head)["genitive"]
    return [g for child in head.children if child.dep_ == "nmod" and case_of(child) in genitive
            for g in child.children if g.dep_ == "conj" and _nominal(g) and any(c.dep_ == "cc" for c in g.children)
            and not case_of(g)]


def _name_end_read_as_subject(head: Token) -> list[Token]:
    """A bare capitalised proper noun right after a subject's phrase that itself ends in a
    capitalised proper noun, hung as a second subject of the same verb: the name's last word."""
    end = head.right_edge.i + 1
    if head.dep_ not in ("nsubj", "nsubj:pass") or end >= len(head.doc):
        return []
    after, last = head.doc[end], head.doc[end - 1]
    # (the tagger may call it a noun, and either subject relation: "Sonko[NOUN, nsubj]")
    if after.dep_ in ("nsubj", "nsubj:pass") and after.head.i == head.head.i and after.pos_ in ("PROPN", "NOUN") \
            and last.pos_ == "PROPN" and after.text[:1].isupper() and last.text[:1].isupper() \
            and not after.n_lefts + after.n_rights:
        return [after]
    return []


def _misread_compound(child: Token, head: Token) -> bool:
    """ "The Brazilian and Argentine economy[nsubj] ministers[ROOT] signed[acl]": a noun the
    parser made the subject of the noun right after it, with no copula, is its modifier."""
    return (child.dep_ == "nsubj" and child.pos_ == "NOUN" and head.pos_ in ("NOUN", "PROPN")
            and child.i == head.i - 1 and not any(c.dep_ == "cop" for c in head.children))


def adjective_read_as_clause(child: Token, head: Token) -> bool:
    """ "de drones russes[acl]": a bare adjective or participle right after the noun, with no
    word of its own, is its modifier, whatever relation or tag the parser gave it ("des
    diplomates russes[VERB]")."""
    return (child.dep_ == "acl" and child.pos_ in ("ADJ", "VERB") and child.i == head.i + 1
            and not child.n_rights + child.n_lefts)


def _stray_adjective(token: Token, head: Token) -> bool:
    """ "recevra le chancelier allemand[obl:mod] vendredi": an adjective right after a noun
    phrase, hung on the verb as an adjunct (not a predicate: "a jugé la décision inacceptable"),
    belongs to the noun."""
    return (token.pos_ == "ADJ" and head.pos_ == "NOUN" and token.head.i == head.head.i != head.i
            and token.dep_ in ("obl:mod", "obl", "advmod"))


def phrase_span(head: Token) -> Span:
    # (punctuation hung on the head does not stretch the phrase: a sentence's last "." on a
    # noun the parser made the root, "M.[ROOT] Grossi, qui ..., a qualifié ... .")
    tokens = [t for t in phrase_tokens(head) if not t.is_punct or t.i == head.i]
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    doc = head.doc
    while start < head.i and (doc[start].is_punct or doc[start].dep_ in ("case", "cc")):
        start += 1
    # "New Delhi" tagged as foreign words, "New" hung elsewhere: the name's capitalised words
    while start > 0 and head.pos_ == "X" and _foreign_name(doc[start - 1]):
        start -= 1
    start = _name_start(doc, start)
    while end - 1 > head.i and doc[end - 1].is_punct:
        end -= 1
    while end < len(doc) and _stray_adjective(doc[end], head):
        end += 1
    if end - start > MAX_PHRASE:
        start, end = max(start, head.i - MAX_PHRASE // 2), min(end, head.i + MAX_PHRASE // 2)
    return doc[start:end]


def _name_start(doc: Doc, start: int) -> int:
    """ "Paris et New[conj] Delhi[nsubj]": the first word of a name the parser hung on the
    phrase before, as if it were coordinated with it (a capitalised word whose only child is
    the "et")."""
    while start > 0 and start < len(doc) and doc[start].text[:1].isupper():
        before = doc[start - 1]
        if not (before.pos_ == "PROPN" and before.text[:1].isupper() and before.dep_ == "conj"
                and before.head.i < before.i and all(c.dep_ == "cc" for c in before.children)):
            break
        start -= 1
    return start


def _foreign_name(token: Token) -> bool:
    return token.pos_ == "X" and token.text[:1].isupper()


def _nominal(token: Token) -> bool:
    """A noun, a pronoun, or a capitalised word the tagger took for an adjective ("le Portugal"),
    or for a verb inside a name ("Vladimir Poutine et Narendra[VERB] Modi")."""
    return token.pos_ in ("NOUN", "PROPN", "PRON") or (token.text[:1].isupper() and (
        token.pos_ in ("ADJ", "X") or token.ent_type_ in ("PER", "LOC", "ORG")))


def conjuncts(head: Token) -> list[Token]:
    """The head and the phrases coordinated with it ("le Canada et l'Union européenne")."""
    found = [head]
    for child in head.children:
        if child.dep_ == "conj" and _nominal(child) and _coordinated(child):
            found.extend(conjuncts(child))
        elif child.dep_ in ("appos", "nmod") and child.pos_ == "PROPN" and not case_of(child) and any(
                c.dep_ == "conj" and _nominal(c) and any(g.dep_ == "cc" for g in c.children) for c in child.children):
            # "L'Égypte, la Turquie[appos] et les Émirats[conj of 'Turquie']": a list the parser
            # began as an apposition (or as a complement with no preposition: "Le Burkina Faso,
            # le Mali[nmod] et le Niger")
            found.extend(conjuncts(child))
    for other in _hung_on_complement(head):
        found.extend(conjuncts(other))
    if len(found) == 1 and case_of(head) in grammar_of(head)["between_case"]:
        found.extend(_second_side(head))
    if len(found) == 1 and head.dep_ in ("nsubj", "nsubj:pass"):
        found[:0] = _first_side(head)
    elif len(found) > 1 and head.dep_ in ("nsubj", "nsubj:pass"):
        found[:0] = _list_start(head)
    if head.dep_ == "conj" and any(c.dep_ == "case" for c in head.head.children):
        # A parse that hung the phrase on a prepositional one: take its bare siblings.
        for sibling in head.head.children:
            if sibling.dep_ == "conj" and sibling.i != head.i and sibling.pos_ in ("NOUN", "PROPN") \
                    and not any(c.dep_ == "case" for c in sibling.children):
                found.append(sibling)
    return found


def _second_side(head: Token) -> list[Token]:
    """ "entre le Chili et l'Indonésie" when the parser hung "l'Indonésie" elsewhere: the
    noun right after the "et" that follows the first side."""
    doc = head.doc
    end = max(t.i for t in head.subtree) + 1
    if end >= len(doc) or doc[end].dep_ != "cc":
        return []
    for tok in doc[end + 1 : end + 4]:
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "conj":
            return [tok]
        if tok.pos_ == "ADJ" and tok.dep_ == "conj" and any(c.dep_ == "amod" and c.pos_ == "ADJ" for c in head.children):
            return [tok]  # "entre les présidents russe et chinois": the noun left out
    return []


def _list_start(subject: Token) -> list[Token]:
    """ "Les États-Unis[obl:mod], le Royaume-Uni et l'Allemagne ont appelé": the bare names
    before a comma that opens a subject list, which the parser hung on the verb."""
    doc = subject.doc
    found: list[Token] = []
    end = subject.left_edge.i
    start = sentence_of(subject).start
    while end > start + 1 and doc[end - 1].text == ",":
        name = next((t for t in doc[start : end - 1] if t.right_edge.i == end - 2
                     and t.head.i == subject.head.i and t.pos_ == "PROPN" and not case_of(t)), None)
        if name is None:
            break
        found[:0] = [name]
        end = name.left_edge.i
    return found


def _first_side(subject: Token) -> list[Token]:
    """ "Paris et Berlin ont signé" when the parser made "Paris" the root and "Berlin" the
    subject: the name before the "et" that opens the subject phrase."""
    doc = subject.doc
    start = _name_start(doc, min(t.i for t in subject.subtree))
    if start < 2 or doc[start - 1].dep_ != "cc":
        return []
    if doc[start].dep_ == "conj" and doc[start].pos_ == "PROPN" and doc[start].head.pos_ == "PROPN":
        return [doc[start].head]  # "Paris[obl:mod] et New[conj] Delhi[nsubj] ont conclu"
    first = doc[start - 2]
    while first.dep_ != "ROOT" and first.head.i < first.i:
        first = first.head  # "La Corée du Sud[nmod] et l'Australie": up to the name's head
    if first.dep_ == "ROOT" and first.pos_ in ("PROPN", "NOUN") and first.i != subject.head.i:
        # (with the names coordinated to it: "La France, les États-Unis et l'Union africaine")
        return [first, *(c for c in first.children if c.dep_ == "conj" and _nominal(c) and c.i < subject.i)]
    return []


def _alternatives(words: frozenset[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=16)
def _reciprocal_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "les deux parties" / "both sides" and the bare "deux parties" of a language."""
    g = grammar(lang)
    nouns, number = _alternatives(g["reciprocal_noun"]), _alternatives(g["reciprocal_number"])
    det, both = _alternatives(g["reciprocal_det"]), _alternatives(g["reciprocal_both"])
    groups = _alternatives(g["reciprocal_group"])  # "les belligérants": both sides without "deux"
    full = re.compile(rf"\b(?:(?:(?:{det}) (?:{number})|(?:{both})) (?:{nouns})|(?:{det}) (?:{groups}))\b",
                      re.IGNORECASE)
    bare = re.compile(rf"^(?:{number}) (?:{nouns})\b", re.IGNORECASE)
    return full, bare


def _reciprocal(span: Span) -> bool:
    """ "les deux parties", "both sides"; also "des deux pays" / "aux deux pays", whose
    article the preposition swallowed and the phrase left outside."""
    full, bare = _reciprocal_patterns(lang_of(span))
    if full.search(span.text):
        return True
    if span.start == 0 or not bare.search(span.text):
        return False
    return span.doc[span.start - 1].lower_ in grammar_of(span)["reciprocal_article"]


def make_args(head: Token, rule: str) -> list[Arg]:
    args = []
    for tok in conjuncts(head):
        span = phrase_span(tok)
        text = span.text.lower()
        args.append(
            Arg(
                span,
                rule,
                reciprocal=_reciprocal(span),
                pronoun=tok.pos_ == "PRON" or text in grammar_of(tok)["pronoun"],
                group=head.i,
            )
        )
    return args


def counted_whole(token: Token) -> Token:
    """ "une dizaine de manifestants", "tens of thousands of people": the quantity word a counted
    noun hangs on (``quantity_noun``), which the parser makes the phrase's head."""
    quantity = grammar_of(token)["quantity_noun"]
    while token.dep_ == "nmod" and token.head.lemma_.lower() in quantity:
        token = token.head
    return token


def headline_topic(sent: Span, end: int) -> Span | None:
    """ "Iran : l'UE adopte ...": the words before a colon that comes before token ``end`` (a
    headline's topic), if the sentence opens with some."""
    colon = next((t for t in sent.doc[sent.start : min(end, sent.end)] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return None
    return sent.doc[sent.start : colon.i]


def hung_on_topic(token: Token) -> bool:
    """Whether the parser hung ``token``, after a headline's colon, on the topic before it
    ("Inde : Macron reçu[parataxis of 'Inde'] par Modi")."""
    topic = headline_topic(sentence_of(token), token.i)
    return topic is not None and topic.start <= token.head.i < topic.end


def after_comma(phrase: Token) -> bool:
    """Whether the first word of ``phrase`` comes right after a comma (its own or not)."""
    first = next(t for t in phrase.subtree if not t.is_punct or t.i == phrase.i)
    return first.i > 0 and phrase.doc[first.i - 1].text == ","


def summed_act(noun: Token) -> Token | None:
    """The act that ``noun``, set off by a comma, sums up: "les négociations, une étape[appos
    of 'négociations'] saluée par Kiev", or hung as a second object after the verb's first argument."""
    if noun.pos_ != "NOUN" or not after_comma(noun):
        return None
    if noun.dep_ == "appos" and noun.head.pos_ == "NOUN":
        return noun.head
    # (or as an adjunct with its article: "a annoncé l'envoi d'un navire, une décision[obl:mod]
    # dénoncée par Caracas")
    if noun.dep_ == "obj" or (noun.dep_ == "obl:mod" and any(c.dep_ == "det" for c in noun.children)):
        return next((o for o in noun.head.children if o.dep_ in ("obj", "obl:arg") and o.i < noun.i
                     and o.pos_ == "NOUN"), None)
    return None


def purpose_clause(clause: Token) -> bool:
    """ "pour protester": a clause of purpose, led by its conjunction."""
    return clause.dep_ in ("advcl", "acl") and any(
        c.dep_ == "mark" and c.lower_ in grammar_of(clause)["purpose_mark"] for c in clause.children)


_NOT_COMPLEMENTS = frozenset({"nsubj", "nsubj:pass", "expl:subj", "advcl", "ccomp", "conj", "parataxis", "acl"})


def same_act_verb(sent: Span) -> Token | None:
    """ "Le Mali avait pris la même décision", "X a fait de même", "Canada followed suit": the
    verb of a clause saying its subject did what was just told (grammar kind ``same_act``: the
    verb and a word of its complement)."""
    wanted = grammar_of(sent).pairs("same_act")
    verbs = {lemma for lemma, _ in wanted}
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in verbs:
            continue
        # (its complements, not its subject nor the clauses it governs: "même si ...", nor the
        # day: "a pris le même jour la décision de ...")
        words = {form for c in verb.children if c.dep_ not in _NOT_COMPLEMENTS and not time_word(c)
                 for w in c.subtree for form in (w.lower_, w.lemma_.lower())}
        if any(verb.lemma_.lower() == lemma and (not word or word in words) for lemma, word in wanted):
            return verb
    return None


CALENDAR_KINDS = ("month", "weekday", "daypart")  # words that name a day, a month or a part of a day
UNIT_KINDS = ("unit_day", "unit_week", "unit_month", "unit_year")  # words of a length of time


def time_word(token: Token, units: bool = True) -> bool:
    """A word of the calendar: "mardi", "mars", "matin"; with ``units``, "semaine" too."""
    return _calendar_word(lang_of(token), token.text, units)


@lru_cache(maxsize=65536)
def _calendar_word(lang: str, text: str, units: bool) -> bool:
    calendar = date_words(lang).by_kind
    word = norm(text)
    return any(word in calendar.get(k, {}) for k in CALENDAR_KINDS + (UNIT_KINDS if units else ()))


on_clear(_calendar_word.cache_clear)


def measures_taken(verb: Token) -> bool:
    """ "a annoncé des mesures similaires", "took similar measures": the act repeated is a deed
    (grammar kind ``measure_noun``), not a statement."""
    return any(c.dep_ == "obj" and c.lemma_.lower() in grammar_of(verb)["measure_noun"] for c in verb.children)


def whose_complement(token: Token) -> bool:
    """A complement that says whose its head is: "du gouvernement", "de la Russie", "the
    government's"."""
    return token.dep_ == "nmod:poss" or (token.dep_ == "nmod" and case_of(token) in grammar_of(token)["genitive"])


def child_of(token: Token, *deps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


on_clear(_reciprocal_patterns.cache_clear)


def has_possessive(token: Token) -> bool:
    """ "ses troupes", "its troops", "son soutien": a possessive determiner on ``token``."""
    return any(
        c.dep_ in ("det", "nmod:poss") and "Yes" in c.morph.get("Poss", []) for c in token.children
    )
