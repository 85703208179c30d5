"""Who acts in a clause: the subject a verb has, or the one it takes from elsewhere.

The parser's subject when it has one; the agent of a passive ("accusé par X"); the
subject of the governing verb for an infinitive, a coordinated verb or a participle
(control); the antecedent of a relative pronoun; the speaker of reported speech ("selon
X", "», a déclaré X"); and, where the parser lost the subject of a finite verb, the noun
phrase before it (``repairs``). ``arguments`` builds the actor and recipient phrases of a
trigger on these.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.code.complements import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, agent_of
from eventwire.code.grammar import grammar_of
from eventwire.code.phrases import (
    case_of,
    child_of,
    has_possessive,
    hung_on_topic,
    purpose_clause,
    time_word,
    whose_complement,
)
from eventwire.code.repairs import (
    FRONTED_PARTICIPLE_RULE,
    REPAIR_DEPS,
    auxiliary_cut_off,
    coordinated_head,
    detached_participle_verb,
    fronted_participle_subject,
    headline_verb,
    is_finite,
    misread_name,
    misread_present,
    preverbal_subject,
    reporters_stance,
    sentence_verb_on_noun,
    unmarked_clause,
)
from eventwire.code.spans import sentence_of
from eventwire.code.triggers import lemma_keys


def is_passive(verb: Token) -> bool:
    """ "a été accusé", or a bare passive participle ("les otages libérés par l'armée").

    The parser's ``nsubj:pass`` alone is not trusted: it also puts it on active
    verbs ("Barack Obama a réagi"); the auxiliary "être" (``aux:pass``) decides.
    """
    deps = {c.dep_ for c in verb.children if not misread_name(c)}  # "Chad[aux:pass] severed"
    if not grammar_of(verb)["active_with_be"].isdisjoint(lemma_keys(verb)):
        return False  # "est arrivé": the parser takes "être" for a passive auxiliary
    if any(c.lower_ in grammar_of(verb)["reflexive"] for c in verb.children if c.dep_.startswith("expl")):
        return False  # "s'est retirée": a reflexive verb's "être" is no passive auxiliary
    if "aux:pass" in deps:
        return True
    if "aux:tense" in deps or auxiliary_cut_off(verb) is not None:
        return False  # (or "avoir" cut off from it: "a de son côté accusé Kiev")
    if verb.dep_ == "advcl" and "Part" in verb.morph.get("VerbForm", []) and "Past" in verb.morph.get("Tense", []) \
            and (agent_of(verb) is not None or verb.left_edge.i == sentence_of(verb).start):
        # "Reçu mardi par le prince héritier, le ministre a ...", "Condamné à cinq ans de
        # prison, l'ancien président a ...": with its agent or opening the sentence (and maybe
        # a day read as its object)
        return True
    if "obj" in deps:
        return False  # a participle with a direct object is active: "ministers signed a deal"
    # A past participle with no auxiliary is passive ("les journalistes arrêtés par la police")
    # where the language drops the auxiliary there: French headlines do ("Trois journalistes
    # arrêtés"), English ones use the past tense, which its tagger confuses with the
    # participle ("Athens expelled ..."); ``bare_passive_dep`` says where (grammar.tsv).
    # (A coordinated one shares the first verb's auxiliary: "a adressé ... et demandé".)
    bare = grammar_of(verb)["bare_passive_dep"]
    dep = verb.dep_.lower()
    participle = "Part" in verb.morph.get("VerbForm", []) and "Past" in verb.morph.get("Tense", []) \
        and not misread_present(verb)
    if sentence_verb_on_noun(verb):
        return False
    if participle and (dep in bare & {"acl", "root"} or _after_the_topic(verb)):
        return True
    return "Pass" in verb.morph.get("Voice", []) and dep in bare


def _after_the_topic(verb: Token) -> bool:
    """ "Inde : Macron reçu par Modi": a headline's clause the parser hung on its topic."""
    return verb.dep_ in ("parataxis", "dep") and hung_on_topic(verb)


def _after_topic(verb: Token, subj: Token | None) -> Token | None:
    """ "Sudan: Security Council adopts resolution": a headline's topic before a colon, which
    the parser may make a second subject, is not the one that acts."""
    if subj is None or subj.i > verb.i:
        return subj
    colons = [t.i for t in verb.doc[subj.i + 1 : verb.i] if t.text == ":"]
    if not colons:
        return subj
    later = [c for c in verb.children if c.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS and colons[-1] < c.i < verb.i]
    return later[0] if later else subj


def _inverted_subject(verb: Token) -> Token | None:
    """ "ce que conteste Moscou", "les mesures que prévoit l'accord": in a clause whose object
    is the relative pronoun before the verb, a bare noun phrase after the verb is its subject
    (the parser reads it as an object or an argument)."""
    if not any(c.i < verb.i and c.dep_ == "obj" and "Rel" in c.morph.get("PronType", []) for c in verb.children):
        return None
    return next((c for c in verb.rights if c.dep_ in ("obj", "obl:arg", "nmod", "dep")
                 and c.pos_ in ("NOUN", "PROPN") and not any(g.dep_ == "case" for g in c.children)), None)


def _dative_controller(verb: Token, head: Token) -> Token | None:
    """ "Alger reproche à Madrid d'avoir soutenu le plan": the dative before the infinitive of a
    verb of ``dative_control`` does what the infinitive says."""
    g = grammar_of(head)
    if verb.dep_ != "xcomp" or g["dative_control"].isdisjoint(lemma_keys(head)):  # ("reproche[lemma reproche]")
        return None
    return next((c for c in head.children if c.dep_ in ("obl:arg", "obl", "iobj") and c.i < verb.i
                 and c.pos_ in ("NOUN", "PROPN") and case_of(c) in g["dative_case"]), None)


def clause_subject(verb: Token, depth: int = 0) -> tuple[Token | None, str]:
    """The token that acts in ``verb``'s clause, and the rule that found it."""
    if depth > 4:
        return None, ""
    if is_passive(verb):
        agent = agent_of(verb)
        return (agent, "obl:agent") if agent is not None else (None, "")
    if verb.pos_ not in ("VERB", "AUX") and verb.i > sentence_of(verb).start and headline_verb(verb):
        # "Beijing[amod] launches[NOUN] military drills": the words before a headline's verb
        before = verb.doc[verb.i - 1]
        while before.head.i < verb.i and before.head.i != before.i and before.dep_ in ("compound", "amod", "flat"):
            before = before.head
        return before, "headline subject (parse repair)"
    subj = _after_topic(verb, child_of(verb, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS))
    if subj is not None:
        if subj.lower_ in grammar_of(subj)["relative"]:
            if verb.dep_ == "acl:relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                if verb.head.lemma_.lower() in grammar_of(verb)["document_noun"]:
                    # "ont voté une résolution qui ordonne un cessez-le-feu": the text orders
                    # what those who adopt or issue it order.
                    gov, _ = governing_verb(verb.head)
                    if gov is not None and gov.i != verb.i:
                        author, rule = clause_subject(gov, depth + 1)
                        if author is not None:
                            return author, "author of the text (relative)"
                return verb.head, "relative"
            antecedent = noun_before(subj)
            return (antecedent, "relative") if antecedent is not None else (None, "")
        after_participle = fronted_participle_subject(subj, verb)
        if after_participle is not None:
            return after_participle, FRONTED_PARTICIPLE_RULE
        return subj, "nsubj"
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted, "inverted subject (relative)"
    # A light or modal verb may carry the subject ("a pu signer": "pu" governs "signer").
    head = verb.head
    if head.i == verb.i:
        return preverbal_subject(verb)
    if verb.dep_ in ("advcl", "acl") and "Inf" in verb.morph.get("VerbForm", []) and head.pos_ in ("NOUN", "PROPN") \
            and any(c.dep_ == "cop" for c in head.children):
        # "M. Gantz est le premier ministre israélien de la Défense à effectuer une visite": the
        # predicate the infinitive is said of is who does it
        return head, "the predicate (copula)"
    if (verb.dep_ in REPAIR_DEPS or unmarked_clause(verb)) and is_finite(verb):
        # A finite verb has a subject of its own: the parser hung it on another word
        # ("Germany on Monday banned ...", "after the European Union sanctioned Iran").
        subj, rule = preverbal_subject(verb)
        if subj is not None:
            return subj, rule
    reporter = reporters_stance(verb)
    if reporter is not None:
        subj, rule = clause_subject(reporter, depth + 1)
        return subj, ("detached participle (the reporter's stance)" if rule else "")
    if verb.dep_ in ("xcomp", "ccomp", "obl:arg", "obl:mod", "advcl", "csubj") and head.pos_ in (
        "VERB",
        "AUX",
    ):
        obj = child_of(head, "obj")
        if verb.dep_ == "xcomp" and obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.i < verb.i \
                and head.lemma_.lower() in grammar_of(head)["object_control"]:
            # "Moscou accuse Kiev d'avoir attaqué", "urged Warsaw to respect": the object acts
            # (but what one orders one's agencies to do is one's own act)
            return obj, "control (object)"
        dative = _dative_controller(verb, head) if obj is None else None
        if dative is not None:
            return dative, "control (dative)"
        whose = _whose_object(verb, obj)
        if whose is not None:
            return whose, "the object's complement (whose decision, parse repair)"
        if verb.dep_ == "xcomp" and is_passive(head):
            # "Egypt and Sudan are expected to sign", "X a été contraint de démissionner",
            # "X was asked to leave": the passive subject does what follows
            patient = child_of(head, *PASSIVE_SUBJECT_DEPS, *SUBJECT_DEPS)
            if patient is not None:
                return patient, "control (passive)"
        subj, rule = clause_subject(head, depth + 1)
        return subj, ("control" if rule else "")
    first = coordinated_head(verb)
    if verb.dep_ == "conj" and first.pos_ in ("VERB", "AUX", "ADJ"):
        subj, rule = clause_subject(first, depth + 1)
        return subj, ("coordination" if rule else "")
    if verb.dep_ == "acl" and "Inf" in verb.morph.get("VerbForm", []) and (purpose_clause(verb) or time_word(head)):
        # "ont bloqué des autoroutes pour protester": a purpose infinitive the parser hung on
        # the object; its subject is the clause's (or hung on the day: "a accepté vendredi[xcomp]
        # de restituer")
        gov, _ = governing_verb(head)
        if gov is not None:
            subj, rule = clause_subject(gov, depth + 1)
            return subj, ("control" if rule else "")
    main = detached_participle_verb(verb)
    if main is not None:
        subj, rule = clause_subject(main, depth + 1)
        return subj, ("detached participle" if rule else "")
    if verb.dep_ in ("acl", "acl:relcl") and head.pos_ in ("NOUN", "PROPN"):
        whose = _whose_noun(verb)
        if whose is not None:
            return whose, "the noun's complement (whose decision)"
        if head.lemma_.lower() in grammar_of(verb)["document_noun"]:
            # "a adopté une résolution condamnant X": the text condemns what its authors do
            gov, _ = governing_verb(head)
            if gov is not None and gov.i != verb.i:
                author, _ = clause_subject(gov, depth + 1)
                if author is not None:
                    return author, "author of the text (participle)"
        held = _held_intent(verb, head)
        if held is not None:
            return held, "control (whose intent)"
        return head, "participle"
    return preverbal_subject(verb)


def _held_intent(verb: Token, noun: Token) -> Token | None:
    """ "son pays n'avait aucune intention d'attaquer", "a annoncé sa décision de quitter",
    "has no intention to attack": an infinitive on the object of "avoir" (``perfect_aux``),
    or on one with a possessive, is done by the subject of the object's verb (not by who
    condemns "la décision de quitter")."""
    gov = noun.head
    if "Inf" not in verb.morph.get("VerbForm", []) or noun.dep_ != "obj" or gov.pos_ not in ("VERB", "AUX"):
        return None
    if not (has_possessive(noun) or gov.lemma_.lower() in grammar_of(verb)["perfect_aux"]):
        return None
    subj, _ = clause_subject(gov)
    return subj


def _whose_noun(verb: Token) -> Token | None:
    """ "la décision du gouvernement de suspendre les négociations", "the government's decision
    to suspend": an infinitive on a noun whose own complement names who decided."""
    if "Inf" not in verb.morph.get("VerbForm", []) or verb.dep_ != "acl":
        return None
    return _decider(verb.head, verb)


def _whose_object(verb: Token, obj: Token | None) -> Token | None:
    """ "a dénoncé la décision de la France de suspendre[xcomp of 'dénoncé'] son aide": an
    infinitive right after an object noun with its own "de" complement belongs to that noun."""
    if verb.dep_ != "xcomp" or obj is None or obj.pos_ != "NOUN" or obj.i > verb.i \
            or "Inf" not in verb.morph.get("VerbForm", []) or verb.left_edge.i != obj.right_edge.i + 1:
        return None
    return _decider(obj, verb)


def _decider(noun: Token, verb: Token) -> Token | None:
    """The complement of ``noun`` before the infinitive ``verb`` that names whose it is ("du
    gouvernement", "the government's")."""
    return next((c for c in noun.children if c.i < verb.i and c.pos_ in ("NOUN", "PROPN") and whose_complement(c)),
                None)


def noun_before(token: Token) -> Token | None:
    """The noun a relative pronoun follows ("l'Allemagne, qui exige"), skipping punctuation."""
    for i in range(token.i - 1, max(sentence_of(token).start, token.i - 4) - 1, -1):
        tok = token.doc[i]
        if tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head  # "Le chancelier allemand, qui effectue ...": the noun the adjective is on
        if tok.pos_ in ("NOUN", "PROPN"):
            while tok.dep_ in ("flat:name", "amod") and tok.head.i < tok.i:
                tok = tok.head
            return tok
        if not tok.is_punct:
            return None
    return None


def governing_verb(token: Token, max_steps: int = 4) -> tuple[Token | None, Token]:
    """The verb a noun depends on (through "lors de", nouns, adverbs), and the last step below it."""
    below = token
    node = token.head
    for _ in range(max_steps):
        if node.i == below.i:
            return None, below
        if node.pos_ in ("VERB", "AUX") or (node.pos_ == "ADJ" and node.dep_ in ("ROOT", "conj")) \
                or headline_verb(node):  # "Beijing launches[NOUN] military drills"
            return node, below
        below, node = node, node.head
    return None, below


ACCORDING_RULE = "according to"  # the rule of a speaker named by "selon X", "according to X"


def speaker_of(verb: Token, after: bool) -> Token | None:
    """The subject of a speech verb; after a quote the inverted subject ("», a déclaré X")
    is often parsed as an object."""
    subj = child_of(verb, *SUBJECT_DEPS)
    if subj is None and after:
        subj = child_of(verb, "obj")
    if subj is not None and subj.lower_ in grammar_of(subj)["first_person"]:
        return None
    return subj


def speaker(token: Token) -> tuple[Token | None, str]:
    """Who says the clause of ``token``: the subject of a speech verb around it, or "selon X"."""
    g = grammar_of(token)
    node = token
    for _ in range(6):
        for child in node.children:
            if child.dep_ in ("parataxis", "ccomp", "conj", "advcl") and child.lemma_ in g["speech_verb"]:
                subj = speaker_of(child, child.i > token.i)
                if subj is not None:
                    return subj, "reported speech"
            if child.dep_.startswith("obl") or child.dep_ == "nmod":
                if case_of(child) in g["according_case"]:
                    return child, ACCORDING_RULE
        if node.lemma_ in g["speech_verb"] and node.i != token.i:
            subj = child_of(node, *SUBJECT_DEPS)
            if subj is not None and subj.lower_ not in g["first_person"]:
                return subj, "reported speech"
        if node.head.i == node.i:
            break
        node = node.head
    # « Nous condamnons ... », a déclaré X: the quote and the saying are two trees, and the
    # parser may even cut them into two sentences.
    sent = sentence_of(token)
    following = token.doc[sent.end : min(len(token.doc), sent.end + 4)]
    for tok in following:
        if tok.lemma_ in g["speech_verb"]:
            subj = speaker_of(tok, True)
            if subj is not None:
                return subj, "reported speech (quote before)"
    for tok in sent:
        if tok.lemma_ in g["speech_verb"] and tok.i != token.i and tok.dep_ in ("ROOT", "parataxis"):
            subj = speaker_of(tok, tok.i > token.i)
            if subj is not None:
                return subj, "reported speech"
    return None, ""


# ------------------------------------------------------------------ roles
