"""Parse repairs: where the parser lost a subject or hung a verb on a noun.

Parsers trained on little or other text (the English pipeline is trained on
web text, not news) often make a finite verb a modifier of a noun ("Germany on
Monday banned [amod] Iranian airline ...") or leave it without a subject. A
finite verb always has a subject of its own and, if transitive, an object, so
these functions find them in the word order the language uses (subject before
the verb, object after it) where the tree lost them. The tagger's part of
speech is more reliable than the tree: finiteness comes from the morphology or
the tag (``finite_tag`` in ``grammar.tsv``).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventwire.code.complements import agent_of, auxiliary_cut_off, object_taken_before
from eventwire.code.grammar import grammar, grammar_of, lang_of
from eventwire.code.phrases import Arg, after_comma, case_of, counted_whole
from eventwire.code.spans import sentence_of
from eventwire.code.tables import on_clear

# Where a parser hangs a finite verb whose subject it lost (the verb then has none).
REPAIR_DEPS = ("amod", "xcomp", "acl", "acl:relcl", "compound")
# What a tagger may call a present-tense verb in a clause it found no verb in.
MISREAD_VERB_POS = ("NOUN", "ADJ", "ADV", "PRON")  # (PRON: "L'Algérie expulse[PRON] douze agents")
# How far back a relative pronoun may be for the clause's last word to be read as its verb.
RELATIVE_REACH = 6


def _bare(token: Token) -> bool:
    """A noun phrase not introduced by a preposition, and not another verb's object."""
    return (
        token.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ == "case" for c in token.children)
        and token.dep_ not in ("obj", "iobj", "nmod", "appos", "flat:name", "obl:mod", "obl:arg")
    )


def is_finite(verb: Token) -> bool:
    """A verb with tense and person ("a signé", "signed"), which has a subject of its own.
    Taggers tell it better than parsers: English tags (VBD) are in ``finite_tag``."""
    return (
        "Fin" in verb.morph.get("VerbForm", [])
        or verb.tag_.lower() in grammar_of(verb)["finite_tag"]
        or any(c.dep_ in ("aux", "aux:tense") or misread_name(c) for c in verb.children)
        or _misread_past(verb)
        or misread_present(verb)
        or sentence_verb_on_noun(verb)
    )


def misread_present(verb: Token) -> bool:
    """ "Le Mali expulse l'ambassadeur": a present tense the tagger took for a participle; an
    -er verb's participle ends in "é", its present in "e", "es", "ent" (``present_suffix``)."""
    if "Part" not in verb.morph.get("VerbForm", []):
        return False
    form, lemma = verb.lower_, verb.lemma_.lower()
    g = grammar_of(verb)
    if any(form.endswith(suffix) for suffix, _ in g.pairs("participle_suffix")):
        return False
    # (the lemmatizer may keep the form itself: "reproche" for "reprocher")
    return any(form.endswith(suffix) and (lemma == form or (
        lemma.endswith(value) and form[: -len(suffix)] == lemma[: -len(value)]))
        for suffix, value in g.pairs("present_suffix"))


def misread_participle(token: Token) -> bool:
    """ "La chancelière a téléphoné[NOUN] au président": a word tagged as a noun with a
    form of "avoir" on it is a past participle (``perfect_aux``: that verb is never a copula)."""
    return token.pos_ == "NOUN" and any(
        c.dep_ in ("cop", "aux", "aux:tense") and c.lemma_.lower() in grammar_of(token)["perfect_aux"]
        for c in token.children)


def misread_object(token: Token) -> bool:
    """ "African leaders paid tribute[VERB] to ...": a word tagged as a verb that is a verb's
    object, with no subject, auxiliary, object or conjunction of its own, is a noun."""
    return token.pos_ == "VERB" and token.dep_ == "obj" and token.head.pos_ == "VERB" and not any(
        c.dep_ in ("nsubj", "nsubj:pass", "obj", "mark", "aux", "aux:pass", "aux:tense", "xcomp", "ccomp")
        for c in token.children)


def _misread_past(verb: Token) -> bool:
    """ "The European Union suspended[participle] budget support": a participle with no
    auxiliary, right after a name and hung on the noun after it, is a past tense (a
    participle modifier follows a determiner or an adjective: "the suspended aid")."""
    if verb.dep_ not in ("amod", "compound") or verb.head.i <= verb.i or verb.i == 0:
        return False
    before = verb.doc[verb.i - 1]
    # (a name may be tagged as an adjective: "Beijing[ADJ] dispatched ships")
    return (
        (_participle(verb) or _adjective_participle(verb))
        and (before.pos_ in ("PROPN", "NOUN") or (before.pos_ == "ADJ" and before.text[:1].isupper()))
        and not any(c.dep_.startswith("aux") for c in verb.children)
    )


def _participle(verb: Token) -> bool:
    return "Part" in verb.morph.get("VerbForm", [])


def _adjective_participle(verb: Token) -> bool:
    """ "Tehran denied[ADJ] supplying drones": a participle form the tagger made an adjective,
    in a sentence where it found no verb at all."""
    return verb.pos_ == "ADJ" and any(
        verb.lower_.endswith(suffix) for suffix, _ in grammar_of(verb).pairs("participle_suffix")
    ) and not any(t.pos_ in ("VERB", "AUX") for t in sentence_of(verb))


def coordinated_head(verb: Token) -> Token:
    """The verb ``verb`` is coordinated with: "a exhorté Téhéran à libérer le pétrolier et
    envoyé une frégate", "urged Tehran to release the tanker and sent a frigate": a participle
    or past tense the parser joined to an infinitive goes with the verb that governs it, and a
    finite verb it joined to a noun with the verb of that noun."""
    head = verb.head
    if verb.dep_ != "conj":
        return head
    if "Inf" in head.morph.get("VerbForm", []) and "Inf" not in verb.morph.get(
            "VerbForm", []) and head.dep_ in ("xcomp", "ccomp") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if head.pos_ in ("NOUN", "PROPN", "ADJ") and (is_finite(verb) or object_taken_before(verb) is not None):
        # "exigent le retrait du texte et menacent[conj of 'retrait'] de bloquer", "a dénoncé une
        # décision « hostile » et promis[conj of 'hostile'] une riposte": the verb of that word
        governing = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return governing if governing is not None and governing.i < verb.i else head
    return head


def unmarked_clause(verb: Token) -> bool:
    """ "X, nommé à vie, a démissionné": a finite verb the parser hung as an adverbial clause
    without a conjunction ("quand", "parce que") is the sentence's own verb."""
    return verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children) and is_finite(verb)


FRONTED_PARTICIPLE_RULE = "subject after a fronted participle (parse repair)"


def detached_participle_verb(verb: Token) -> Token | None:
    """ "Le Canada a expulsé six diplomates, les accusant[acl of 'diplomates'] de ...": a present
    participle set off by a comma, with no subject of its own, has the subject of the clause's
    verb (the rule of the detached participle, in French as in English, whatever noun the
    parser hung it on); that verb, if the sentence has one. (Also the auxiliary of a past
    participle an inserted phrase cut it off from: :func:`auxiliary_cut_off`.)"""
    aux = auxiliary_cut_off(verb)
    if aux is not None:
        return aux
    # ("..., blessant[case of 'civils'] trois civils": or the preposition of its object, or
    # its adjective: "..., blessant[amod of 'marins'] deux marins")
    if verb.dep_ not in ("acl", "advcl", "case", "amod") or verb.pos_ != "VERB" or not verb.lower_.endswith(
            grammar(lang_of(verb)).endings("detached_participle_ending")):
        return None
    if any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children) or not after_comma(verb):
        return None
    main = sentence_of(verb).root
    return main if main.pos_ in ("VERB", "AUX") and main.i < verb.i else None


def reporters_stance(verb: Token) -> Token | None:
    """ "Caracas a exigé que ces pays retirent leurs diplomates, dénonçant[advcl of 'retirent']
    des « actions interventionnistes »": a present participle of stance (``stance_verb``) set off
    by a comma, with no subject, that the parser hung on the verb of a complement clause, is the
    reporter's; the verb that governs the clause ("..., tuant dix civils" stays the clause's)."""
    if verb.dep_ not in ("advcl", "acl", "conj") or verb.pos_ != "VERB" or not verb.lower_.endswith(
            grammar(lang_of(verb)).endings("detached_participle_ending")):
        return None
    if verb.lemma_.lower() not in grammar_of(verb)["stance_verb"] or not after_comma(verb) \
            or any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children):
        return None
    clause = verb.head
    return clause.head if clause.dep_ == "ccomp" and clause.head.pos_ in ("VERB", "AUX") else None


def fronted_participle_subject(subj: Token, verb: Token) -> Token | None:
    """ "Réunis[nsubj] à Washington, les dirigeants[appos] ont paraphé un accord": a participle
    opening the sentence, with a complement of its own and a comma after it, that the parser
    made the subject; the subject is the first bare noun after that comma."""
    if subj.i != sentence_of(subj).start or subj.i >= verb.i or subj.ent_type_ or not subj.text[:1].isupper():
        return None
    if not subj.lower_.endswith(grammar(lang_of(subj)).endings("participle_ending")):
        return None
    if not any(c.dep_.startswith("obl") or c.dep_ == "advmod" for c in subj.children):
        return None
    commas = [t.i for t in subj.doc[subj.i + 1 : verb.i] if t.text == ","]
    if not commas:
        return None
    return next((t for t in subj.doc[commas[0] + 1 : verb.i] if t.pos_ in ("NOUN", "PROPN") and not case_of(t)), None)


def preverbal_subject(verb: Token) -> tuple[Token | None, str]:
    """Where the parser lost the subject of a finite verb ("Après 7 ans de négociations,
    le Canada et l'Union européenne ont signé"): the nearest bare noun phrase before it."""
    if not is_finite(verb) or (verb.dep_ not in ("ROOT", "conj", *REPAIR_DEPS)
                               and not unmarked_clause(verb)):
        return None, ""
    root = verb.head
    while root.dep_ in ("appos", "conj") and root.head.i < root.i:
        root = root.head  # "X and his Greek, Cypriot and French counterparts[appos] met[acl]"
    if verb.dep_ == "acl" and root.dep_ == "ROOT" and root.pos_ in ("NOUN", "PROPN") and root.i < verb.i:
        # "The foreign ministers of India, Japan and Australia met[acl] in Tokyo": the whole
        # phrase the parser made the root, not the last name in it
        return root, "the root noun before the verb (parse repair)"
    subordinators = grammar_of(verb)["subordinator"]
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    start = min([verb.i] + [c.i for c in auxiliaries if not misread_name(c)])
    for i in range(start - 1, sentence_of(verb).start - 1, -1):
        tok = verb.doc[i]
        if misread_name(tok) or (tok.pos_ in ("ADJ", "ADV") and tok.text[:1].isupper() and (
                tok.dep_ in ("ROOT", "nsubj") or tok.head.i == verb.i or tok.i == verb.i - 1)):
            # "Beijing[ADJ, ROOT] dispatched ships", "Kyiv[ADV] accused[amod] Moscow": a name
            # the tagger did not know, right before the verb or hung on it
            return tok, "preverbal name (parse repair)"
        if tok.is_punct and tok.text in (";", ":", "«", "»", '"'):
            break
        if tok.pos_ in ("VERB",) and tok.dep_ in ("ROOT",):
            break
        # The head of the phrase this word belongs to.
        head = tok
        # ("Ankara[det] menace de bloquer": not up to the verb itself, which a name before it
        # cannot qualify)
        while head.dep_ in ("amod", "det", "flat:name", "nummod", "fixed") and head.head.i not in (head.i, verb.i):
            head = head.head
        if _bare(head) or (head.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN")
                           and not any(c.dep_ == "case" for c in head.children)):
            first = head.head
            if head.dep_ == "conj" and first.pos_ in ("NOUN", "PROPN") and first.i < head.i \
                    and not any(c.dep_ == "case" for c in first.children):
                head = first  # "New Delhi et Washington": the first of a coordination of names
            return head, "preverbal phrase (parse repair)"
        if head.pos_ in ("NOUN", "PROPN") and case_of(head) in subordinators:
            return head, "preverbal phrase after a conjunction (parse repair)"
    return None, ""


def complement_read_as_relative(clause: Token) -> bool:
    """ "a prévenu les Philippines qu'elle prendrait des mesures": a "que" read as the object of
    a relative clause on the verb's object, where the clause has an object of its own, is the
    conjunction of the verb's complement clause."""
    if clause.dep_ != "acl:relcl" or clause.head.dep_ != "obj":
        return False
    objects = [c for c in clause.children if c.dep_ == "obj"]
    return any(c.i < clause.i and "Rel" in c.morph.get("PronType", []) for c in objects) and any(
        c.i > clause.i and c.pos_ in ("NOUN", "PROPN") for c in objects)


def noun_read_as_adverb(token: Token) -> bool:
    """ "une attaque de drones[ADV] russes": a word with a preposition and a word of its own
    is a noun, whatever its tag."""
    return token.pos_ == "ADV" and bool(case_of(token)) and any(c.dep_ in ("amod", "acl") for c in token.children)


def misread_name(token: Token) -> bool:
    """ "Chad severed relations": a capitalised word the tagger made a verb's auxiliary (or
    its adverb or subject: "Taipei[VERB, advmod] condemned")."""
    return (token.pos_ == "VERB" and (token.dep_.startswith("aux") or token.dep_ in ("advmod", "nsubj"))
            and token.text[:1].isupper() and not token.n_lefts and not token.n_rights
            and token.head.i > token.i)


def name_read_as_adverb(verb: Token) -> Token | None:
    """ "Chine : Lula[PROPN, advmod] reçu par Xi Jinping": a name before the verb that the
    parser made its adverb stands where its subject would."""
    return next((c for c in verb.lefts if c.dep_ == "advmod" and c.pos_ == "PROPN" and c.ent_type_), None)


def hung_on_its_object(verb: Token) -> bool:
    """A finite verb the parser made a modifier of the noun after it: that noun is its object
    (also a detached present participle: "..., blessant[amod or case] deux marins")."""
    return (
        verb.dep_ in ("amod", "compound", "acl", "case")
        and verb.head.i > verb.i
        and verb.head.pos_ in ("NOUN", "PROPN")
        and ((is_finite(verb) and verb.dep_ != "case")
             or (verb.dep_ in ("amod", "case") and detached_participle_verb(verb) is not None))
    )


def subject_before(arg: Arg, verb: Token) -> Arg:
    """A subject phrase cut before its verb, when the parser hung the verb inside it."""
    span = arg.span
    # the verb group starts at its first auxiliary ("X, nommé à vie, a démissionné")
    start = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux") and c.i > span.root.i])
    if span.start < start < span.end and span.root.i < start:
        span = span.doc[span.start : start]
    return Arg(span, arg.rule, arg.reciprocal, arg.pronoun, arg.group)


def object_after(arg: Arg, verb: Token) -> Arg:
    """The phrase without the verb the parser put inside it, nor what comes before."""
    span = arg.span
    if span.start <= verb.i < span.end - 1:
        span = span.doc[verb.i + 1 : span.end]
    return Arg(span, arg.rule, arg.reciprocal, arg.pronoun, arg.group)


def sentence_verb_on_noun(verb: Token) -> bool:
    """ "The European Union called on Israel to ...": where headlines keep their finite verb
    (``bare_passive_dep`` has no "root"), a sentence whose only verb the parser hung on its
    first noun states an act in the active voice; it is no description of that noun."""
    bare = grammar_of(verb)["bare_passive_dep"]
    # (its noun may be the apposition of a fronted phrase: "In a statement, the EU called on")
    noun = counted_whole(verb.head)  # "Tens[ROOT] of thousands of people[nmod] rallied[acl]"
    at_root = noun.dep_ == "ROOT" or (noun.dep_ == "appos" and noun.head.dep_ == "ROOT" and any(
        t.text == "," for t in verb.doc[noun.head.i : noun.i])) or _last_of_root_coordination(noun)
    # "Estimates indicate one million people marched[acl] in London": the verb of a clause
    # reported without "that", hung on its subject, the reporting verb's object
    reported = noun.dep_ == "obj" and noun.head.lemma_.lower() in grammar_of(verb)["speech_verb"] and (
        verb.i == max(t.i for t in noun.subtree if t.i < verb.i) + 1)
    return verb.dep_ == "acl" and "root" not in bare and (at_root or reported) and agent_of(verb) is None


def _last_of_root_coordination(noun: Token) -> bool:
    """ "X and his Greek, Cypriot and French counterparts[appos of 'Greek', conj of 'X']
    gathered": the last noun of a coordination the parser made the root."""
    crossed = False
    while noun.dep_ in ("appos", "conj") and noun.head.i < noun.i:
        crossed = crossed or noun.dep_ == "conj"
        noun = noun.head
    return crossed and noun.dep_ == "ROOT"


def headline_verb(token: Token) -> bool:
    """ "Mali expels French ambassador", "Niger cuts ties with Ukraine": in a verbless line the
    tagger may read a headline's verb, after the name that does it, as a noun of a compound
    (or, in French, as an adjective or adverb: "Pékin critique[ADJ] Washington", "Moscou
    dément[ADV]"). A word with the language's present ending (``headline_verb_ending``) right
    after a capitalised word is the verb there, and so in a relative clause with no verb ("...,
    ce que l'Azerbaïdjan dément"). So is a root "noun" or "adjective" with an object after the
    nouns it heads ("The US president vetoed[NOUN] a resolution", "Tehran denied[ADJ] supplying
    drones"): nouns and adjectives take no object."""
    if _root_with_name_and_object(token) or _verb_hung_as_a_word(token):
        return True
    if not after_name_with_verb_ending(token):
        return False
    sent = sentence_of(token)
    start = clause_start(token)
    # (a verb of a clause with a subordinator is not the sentence's: "Washington menace[NOUN]
    # Bogota de droits de douane si elle refuse ...")
    return (token.i > max(start, sent.start) or start > sent.start) and not any(
        t.pos_ in ("VERB", "AUX") and not _subordinate(t) for t in token.doc[start : sent.end])


# Where the parser may hang a headline's finite verb as if it were a noun or a mark
# ("Pyongyang[ROOT] menace[nmod] Washington", "Erevan et Bakou paraphent[punct] un accord")
HUNG_AS_A_WORD = frozenset({"punct", "nmod", "flat:name", "appos", "amod", "compound"})


def _verb_hung_as_a_word(token: Token) -> bool:
    """A finite verb right after a name, with no subject, that the parser hung like a noun."""
    return (token.pos_ == "VERB" and token.dep_ in HUNG_AS_A_WORD and token.i > 0
            and token.doc[token.i - 1].text[:1].isupper() and _finite_form(token)
            and not any(c.dep_.startswith("nsubj") for c in token.children))


def _finite_form(verb: Token) -> bool:
    """Finite, or a bare form with no auxiliary or mark: "Armenia and Azerbaijan sign[VB]
    peace deal" is the plural present the tagger took for the base form."""
    form = verb.morph.get("VerbForm", [])
    return "Fin" in form or ("Inf" in form and not any(c.dep_ in ("aux", "mark") for c in verb.children))


def _subordinate(word: Token) -> bool:
    verb = word.head if word.pos_ == "AUX" else word
    return any(c.dep_ == "mark" and c.pos_ == "SCONJ" for c in verb.children)


def _root_with_name_and_object(token: Token) -> bool:
    """A root noun or adjective with a name right before it and, for a noun, an object after
    it. (A name it did not know may be read as an adjective: "Kyiv[amod] accuses[NOUN]"; the
    object as a subject: "Beirut accuses[NOUN] Israel[nsubj]"; an adjective takes no name
    before it: "Tehran[compound] denied[ADJ] sending weapons"; but "X is a Y" is a copula's.)"""
    if token.pos_ not in ("NOUN", "ADJ") or token.dep_ != "ROOT" or token.i == 0:
        return False
    children = list(token.children)
    named = any(c.i == token.i - 1 and (c.dep_ in ("compound", "nsubj") or (
        c.dep_ == "amod" and c.text[:1].isupper())) for c in children)
    if not named or any(c.dep_ == "cop" for c in children):
        return False
    # ("Hungary vetoed[NOUN] the aid package[appos]": the object read as an apposition)
    return token.pos_ == "ADJ" or any(c.dep_ in ("obj", "nsubj", "appos") and c.i > token.i for c in children)


def after_name_with_verb_ending(token: Token) -> bool:
    """A word the tagger did not read as a verb, right after a name (or an object's relative
    pronoun: "ce que dément Moscou"), with the language's present ending: what
    :func:`headline_verb` checks first, cheaply."""
    # (cheapest tests first: this runs on every word of a text)
    if token.pos_ not in MISREAD_VERB_POS or token.i == 0:
        return False
    if not token.lower_.endswith(_endings(lang_of(token))):
        return False
    before = token.doc[token.i - 1]
    if before.text[:1].isupper():
        return True
    # (a subject's relative pronoun, "qui", is in ``relative``: "ce qui manifeste[ADJ] de bonnes
    # relations" has no subject after the verb)
    rel = "Rel" in before.morph.get("PronType", [])
    return (rel and before.lower_ not in grammar_of(token)["relative"]) or _ends_relative(token)


def _ends_relative(token: Token) -> bool:
    """ "..., which the Israeli army denies.": the last word of a short relative clause."""
    doc = token.doc
    return (token.i + 1 == len(doc) or doc[token.i + 1].is_punct) and any(
        "Rel" in t.morph.get("PronType", []) for t in doc[max(0, token.i - RELATIVE_REACH) : token.i])


@lru_cache(maxsize=16)
def _endings(lang: str) -> tuple[str, ...]:
    return grammar(lang).endings("headline_verb_ending")


on_clear(_endings.cache_clear)


def clause_start(token: Token) -> int:
    """Where the clause of ``token`` starts: after the last relative pronoun before it in its
    sentence ("..., ce que l'Azerbaïdjan dément"), else at the sentence's start."""
    sent = sentence_of(token)
    for i in range(token.i - 1, sent.start - 1, -1):
        if "Rel" in token.doc[i].morph.get("PronType", []):
            return i + 1
    return sent.start

