"""Where a verb's or a noun's complements are, when the parser put them somewhere else.

The parser often hangs a complement one word off: "à l'Ukraine" on the modal of "va
livrer", the receiver inside the object phrase ("une aide de 10 millions de dollars aux
Philippines"), an object on the oblique before it ("a reçu à Ankara son homologue"). These
functions list the candidates, best first; ``arguments`` resolves the first that names
an actor.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.code.grammar import grammar_of
from eventwire.code.phrases import after_comma, case_of, child_of, has_possessive, time_word
from eventwire.code.spans import sentence_of

SUBJECT_DEPS = ("nsubj", "expl:subj")
PASSIVE_SUBJECT_DEPS = ("nsubj:pass",)
CLAUSE_ASKED_RULE = "subject of the clause asked for"  # "exige que les provocations de X cessent"
THREAT_TARGET_RULE = "(what the threat aims at)"  # what a threatened act would hit: an addressee only if named
OBLIQUE_DEPS = ("obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "iobj")


IN_OBJECT = " in the object"  # the end of the rule of a side named inside the object ("nmod:à in the object")
IN_ARGUMENT = " in the argument"  # of a side named inside a prepositional argument ("de l'accord entre X et Y")

def obliques(token: Token, kind: str) -> list[Token]:
    """Obliques of ``token`` whose preposition is of grammar ``kind`` ("recipient_case")."""
    cases = grammar_of(token)[kind]
    found = [c for c in token.children if c.dep_ in OBLIQUE_DEPS and case_of(c) in cases]
    # "a protesté auprès de Paris": the parser makes the preposition an adverb, its phrase
    # the adverb's
    found += [c for adv in token.children if adv.pos_ in ("ADV", "ADP") and adv.lower_ in cases
              for c in adv.children if c.dep_ in OBLIQUE_DEPS]
    return found


def recipient_heads(verb: Token, reflexive_object: bool = False) -> list[tuple[Token, str]]:
    """Candidate recipients of a verb, best first: its objects and datives, what the clauses
    it governs act on, the complements of all these, then the objects the parser lost.

    ``reflexive_object``: the "de" argument of a reflexive verb is its object ("s'est
    félicité de la décision du Parlement", "s'inquiète des essais de X"), for a one-sided
    act (the "de" of talks is their topic: "se sont entretenus de la crise")."""
    lost = lost_objects(verb)
    # ("a appelé Israël[xcomp] à protéger les civils de Gaza": a lost object right after the
    # verb comes before what the clause it governs acts on)
    next_to_verb = [(head, how) for head, how in lost if head.left_edge.i == verb.i + 1]
    found = _object_heads(verb, reflexive_object) + _oblique_heads(verb) + next_to_verb + _clause_heads(verb)
    if not any(c.dep_ == "obj" for c in verb.children):
        # "ont exigé et obtenu le départ des troupes": the object of both coordinated verbs
        found.extend((obj, f"object of '{conj.text}'") for conj in verb.children
                     if conj.dep_ == "conj" and conj.pos_ == "VERB" for obj in conj.children if obj.dep_ == "obj")
    found.extend(_complement_heads([head for head, _ in found]))
    # "a levé les sanctions imposées au Mali": whom the thing acted on was aimed at (the rule
    # ends with the case, so that a town or region there is read as a place: "au Darfour")
    found.extend((d, f"'{p.text}' obl:{case_of(d)}") for head, _ in list(found) for p in head.children
                 if p.dep_ == "acl" and p.pos_ == "VERB" for d in obliques(p, "dative_case"))
    # "a assoupli les sanctions visant le secteur pétrolier vénézuélien": what it targets
    target = grammar_of(verb)["target_verb"]
    found.extend((o, f"'{p.text}' obj") for head, _ in list(found) for p in head.children
                 if p.dep_ == "acl" and p.lemma_.lower() in target for o in p.children if o.dep_ == "obj")
    found.extend(x for x in lost if x not in next_to_verb)
    # (and their authors, as an object's: "a rejeté l'ultimatum[obl:mod] lancé par la Cédéao")
    found.extend(author for head, _ in lost for author in authors(head) if author not in found)
    if not any(c.dep_ == "aux:pass" for c in verb.children):
        # "salue l'adoption[obj] par le Conseil[obl:agent of 'salue']": an active verb has no
        # agent; the parser took the agent of the act its object names (or hung that "par X"
        # on the verb as an adjunct: "a dénoncé une violation du cessez-le-feu par les forces X")
        found.extend((a, "agent of the object (parse repair)") for a in _agent_phrases(verb)
                     if a.dep_ in ("obl:agent", "obl", "obl:mod")
                     and any(o.dep_ in ("obj", "obl:arg") and o.pos_ == "NOUN" and o.i < a.i for o in verb.children))
    found.extend((sub, f"nmod:{case_of(sub)}{IN_OBJECT}") for sub in _datives_in_object(verb))
    if denies(verb):
        dative = grammar_of(verb)["dative_case"]
        found = [(head, how) for head, how in found if case_of(head) not in dative]
    return found


def is_reflexive_object(child: Token) -> bool:
    """ "s'est plaint de l'incursion[obl:arg]": the "de" argument of a reflexive verb."""
    verb = child.head
    return child.dep_ == "obl:arg" and child.pos_ in ("NOUN", "PROPN") \
        and case_of(child) in grammar_of(child)["genitive"] and any(
            c.dep_.startswith("expl") and c.lower_ in grammar_of(c)["reflexive"] for c in verb.children)


def _object_heads(verb: Token, reflexive_object: bool = False) -> list[tuple[Token, str]]:
    """The verb's objects, the sides named inside them and their authors."""
    found: list[tuple[Token, str]] = []
    for child in verb.children:
        if child.dep_ in ("obj", "iobj") and (child.pos_ in ("NOUN", "PROPN", "PRON") or misread_noun(child)):
            found.extend(_object_and_authors(child, child.dep_))
            if child.pos_ == "PRON":
                found.extend(h for clause in child.children if clause.dep_ == "acl:relcl"
                             for h in _named_by(clause))
        elif reflexive_object and is_reflexive_object(child):
            found.extend(_object_and_authors(child, f"obl:{case_of(child)} (object of a reflexive verb)"))
        elif child.dep_ == "obl:arg" and child.pos_ == "NOUN" and child.i > verb.i and not case_of(child) \
                and any(d.dep_ in ("det", "nummod") for d in child.children):
            # "a rompu mardi ses relations[obl:arg] avec l'Ukraine", "a livré lundi deux
            # vedettes[obl:arg]": an argument with its article or number and no preposition is
            # the object
            found.extend(_object_and_authors(child, "object read as an argument (parse repair)"))
    return found


def _object_and_authors(obj: Token, rule: str) -> list[tuple[Token, str]]:
    """An object with the sides named inside it and the authors of the act it names."""
    # "a dénoncé l'accord entre la Turquie et la Libye": both sides of what is judged
    # (the phrase as a whole would resolve to the first country it names)
    found = [(c, f"nmod:{case_of(c)}{IN_OBJECT}") for c in sides_in_object(obj)]
    # "a dénoncé les exécutions de prisonniers par les forces russes": who did the act
    # the object names, before those it was done to
    # (or on its complement, where the parser hangs it: "de prisonniers par les forces")
    found.extend((a, f"agent of '{obj.text}'") for n in (obj, *(c for c in obj.children if c.dep_ == "nmod"))
                 for a in obliques(n, "agent_case") if a.i > n.i)
    found.append((obj, rule))
    found.extend(authors(obj))
    return found


def _reason_of_object(oblique: Token, verb: Token) -> bool:
    """ "a remercié la communauté internationale pour son soutien": what the object is thanked
    or blamed for (``purpose_case``), its own act (a possessive), names no other side."""
    return case_of(oblique) in grammar_of(verb)["purpose_case"] and has_possessive(oblique) and any(
        c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN") and c.i < oblique.i for c in verb.children)


def _when(oblique: Token) -> bool:
    """ "au lendemain d'un accord", "à la veille du sommet": a time, whom nothing is done to
    (``sequence_noun`` with its dative, "à": not "en réponse à X")."""
    g = grammar_of(oblique)
    return oblique.lemma_.lower() in g["sequence_noun"] and case_of(oblique) in g["dative_case"]


def _oblique_heads(verb: Token) -> list[tuple[Token, str]]:
    """The verb's datives and prepositional arguments."""
    found: list[tuple[Token, str]] = []
    for child in obliques(verb, "recipient_case"):
        if _reason_of_object(child, verb) or _when(child):
            continue
        found.append((child, f"obl:{case_of(child)}"))
        found.extend(authors(child))
    # "s'est prononcé en faveur du plan marocain": a noun that makes a preposition with its own
    # ("en faveur de", "à l'encontre de") hands the verb its complement
    nouns = grammar_of(verb)["preposition_noun"]
    found.extend((c, f"obl:{case_of(child)} {child.text} {case_of(c)}") for child in verb.children
                 if child.dep_.startswith("obl") and child.lemma_.lower() in nouns
                 for c in child.children if c.dep_ == "nmod" and case_of(c) in grammar_of(c)["genitive"])
    # "s'est félicité de l'accord conclu entre X et Y", "a salué un tournant dans les relations
    # entre X et Y": the sides of what a prepositional argument or adjunct names
    found.extend((c, f"nmod:{case_of(c)}{IN_ARGUMENT}") for child in verb.children
                 if child.dep_ in ("obl:arg", "obl:mod", "obl") for c in sides_in_object(child))
    # "a fermé jeudi[obl:mod] deux postes-frontières avec la Biélorussie": the parser hangs
    # what follows a day on the day
    found.extend((c, f"obl:{case_of(c)}") for t in verb.children if t.dep_ == "obl:mod" and t.i > verb.i
                 and time_word(t, units=False) for c in obliques(t, "recipient_case") if c.i > t.i)
    # "detained around[case] forty people": a number's approximation read as a preposition
    found.extend((c, "obj (approximate number)") for c in obliques(verb, "approximate_case") if c.i > verb.i)
    # "a salué l'accord de paix entre X et Y": the parser may hang the sides on the verb
    found.extend((c, f"obl:{case_of(c)}") for c in obliques(verb, "between_case")
                 if c.dep_ != "nmod" and (c, f"obl:{case_of(c)}") not in found)
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        # "va livrer des chars à l'Ukraine": the parser hangs "à l'Ukraine" on "va"
        found.extend((c, f"obl:{case_of(c)} of '{verb.head.text}'")
                     for c in obliques(verb.head, "recipient_case") if c.i > verb.i)
    return found


def denies(verb: Token) -> bool:
    """A verb that denies a claim ("nie avoir fourni des drones à la Russie", "denied
    supplying[NOUN] drones to Russia"): the denial answers whoever made the claim, not the one
    the denied act would have been aimed at, so none of the denied act's sides is a recipient."""
    return verb.lemma_.lower() in grammar_of(verb)["denial_verb"]


def _clause_heads(verb: Token) -> list[tuple[Token, str]]:
    """What the clauses the verb governs act on: the other side of a refused act, whose act
    it would stop, the one asked, what a free relative names."""
    found: list[tuple[Token, str]] = []
    if denies(verb):
        return found
    for child in verb.children:
        if child.dep_ == "xcomp" and child.lemma_.lower() in grammar_of(child)["levy_verb"]:
            # "a menacé d'imposer des droits de douane de 60 % sur les produits chinois":
            # whose goods the threatened levy would fall on
            found.extend((c, f"obl:{case_of(c)} of '{child.text}' (levied on)") for c in levied_on(child))
        # ("threatened to sanction[NOUN] American companies": a verb with an object, whatever its tag)
        if child.dep_ == "xcomp" and (child.pos_ in ("VERB", "AUX") or child_of(child, "obj") is not None):
            # "a refusé de signer le traité avec l'Inde": the other side of the refused act.
            for sub in child.children:
                if sub.dep_ in OBLIQUE_DEPS and case_of(sub) in grammar_of(sub)["recipient_case"]:
                    found.append((sub, f"obl:{case_of(sub)} of '{child.text}'"))
                if sub.dep_ == "obj" and verb.lemma_.lower() in grammar_of(verb)["threat_verb"] \
                        and not obliques(sub, "place_case"):
                    # "a menacé de frapper les installations iraniennes": what the threat would hit
                    # (where it would be done says whom, when named: "une offensive dans l'est du Tchad")
                    found.append((sub, f"obj of '{child.text}' {THREAT_TARGET_RULE}"))
                if sub.dep_ == "obj":
                    found.extend((c, f"nmod:{case_of(c)} of '{child.text}'") for c in sub.children
                                 if c.dep_ == "nmod" and case_of(c) in grammar_of(c)["partner_case"])
                    # "a refusé de signer la déclaration proposée par la Pologne": its author;
                    # "refused to ratify the agreement signed with Russia": its other side
                    found.extend(authors(sub))
                    found.extend((p, f"obl:{case_of(p)} of '{acl.text}'") for acl in sub.children
                                 if acl.dep_ == "acl" for p in obliques(acl, "partner_case"))
                    # "a menacé de bloquer l'adhésion de la Suède", "threatened to block
                    # Sweden's bid": whose act the act refused or threatened would stop
                    found.extend((c, f"complement of the object of '{child.text}'") for c in sub.children
                                 if c.dep_ == "nmod:poss" or (
                                     c.dep_ == "nmod" and case_of(c) in grammar_of(c)["genitive"]))
                    # "a refusé d'accorder un visa au journaliste français": the parser hangs
                    # the dative on the object
                    found.extend((c, f"nmod:{case_of(c)} of '{child.text}'") for c in sub.children
                                 if c.dep_ == "nmod" and case_of(c) in grammar_of(c)["dative_case"])
    for child in verb.children:
        if child.dep_ == "ccomp" and any(c.dep_ == "obj" and {"Int", "Rel"} & set(c.morph.get("PronType", []))
                                         for c in child.children):
            found.extend(_named_by(child))  # the free relative read as a clause
        # "exige que les provocations de Pyongyang cessent": the one asked is the clause's subject.
        if child.dep_ in ("ccomp", "xcomp"):
            subj = child_of(child, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                found.append((subj, CLAUSE_ASKED_RULE))
                if "Part" in child.morph.get("VerbForm", []) and not any(
                        c.dep_.startswith("aux") for c in child.children):
                    # "rejected the plan put forward by Rabat", read as a clause: a thing
                    # described by its author
                    found.extend((agent, f"agent of '{child.text}'") for agent in obliques(child, "agent_case"))
    return found


def _complement_heads(heads: list[Token]) -> list[tuple[Token, str]]:
    """ "l'offre de dialogue de Séoul": the "de" complements of the candidates, two deep."""
    found: list[tuple[Token, str]] = []
    todo = heads
    for _ in range(2):
        # (not "un pacte | de défense", nor where a site is: "à l'aéroport | d'Alger")
        todo = [sub for head in todo if head.lemma_.lower() not in grammar_of(head)["site_noun"]
                for sub in head.children
                if sub.dep_ in ("nmod", "nmod:poss") and (case_of(sub) in grammar_of(sub)["genitive"] or case_of(sub) == "contre")
                and not classifier(sub)]
        found.extend((sub, "object's complement") for sub in todo)
    return found


def object_taken_before(verb: Token) -> Token | None:
    """ "a annoncé l'expulsion de X et convoqué l'ambassadeur[obj of 'annoncé']", "a dénoncé une
    décision « hostile » et promis une riposte[nmod of 'décision']": the noun phrase right after
    a coordinated verb with no object of its own is that verb's object, wherever before the
    verb the parser hung it."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or any(
            c.dep_ in ("obj", "ccomp", "xcomp") for c in verb.children):
        return None
    doc = verb.doc
    det = verb.i + 1
    while det < len(doc) and doc[det].pos_ == "ADV":
        det += 1  # "et convoqué aussitôt l'ambassadeur"
    if det >= len(doc) or doc[det].pos_ != "DET":
        return None  # (a bare noun after a verb may be anything: "et convoqué mardi")
    noun = doc[det].head
    if noun.i <= det or noun.pos_ not in ("NOUN", "PROPN") or noun.head.i >= verb.i:
        return None
    return noun if noun.dep_ in ("obj", "nmod", "ccomp", "xcomp") and not case_of(noun) else None


def object_taken_after(verb: Token) -> Token | None:
    """ "a rejeté ces accusations[nsubj of 'affirmé'] et a affirmé que ...": a noun phrase
    between a verb with no object and the "et" of the verb coordinated to it is the first
    verb's object (the second verb's own subject would come after the "et")."""
    if any(c.dep_ in ("obj", "ccomp", "xcomp") for c in verb.children):
        return None
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        cc = next((c for c in conj.children if c.dep_ == "cc"), None)
        for subject in conj.children:
            if (cc is not None and subject.dep_ == "nsubj" and subject.pos_ in ("NOUN", "PROPN")
                    and verb.i < subject.left_edge.i and subject.i < cc.i):
                return subject
    return None


def auxiliary_cut_off(verb: Token) -> Token | None:
    """ "La Turquie a[ROOT] de son côté soutenu[acl of 'côté'] la position de X", "a pour sa
    part salué": a past participle cut off from its auxiliary (``perfect_aux``) by an inserted
    phrase, which the parser made the auxiliary's complement and the participle that phrase's;
    the auxiliary, whose subject and tense are the participle's."""
    # (the tagger may call the participle finite: "rejeté[Fin]"; its ending says what it is)
    if verb.dep_ != "acl" or not ("Part" in verb.morph.get("VerbForm", []) or (
            verb.pos_ == "VERB" and verb.lower_.endswith(grammar_of(verb).endings("participle_ending")))):
        return None
    phrase = verb.head
    aux = phrase.head
    # (also an "object" with a preposition: "ont de leur côté[obj] libéré")
    if not (phrase.dep_.startswith("obl") or phrase.dep_ in ("nmod", "obj")) or not case_of(phrase):
        return None
    return aux if (
        aux.pos_ in ("VERB", "AUX") and aux.lemma_.lower() in grammar_of(verb)["perfect_aux"]
        # (an object before the participle is the auxiliary's own: "a pour sa part des intérêts")
        and aux.i < phrase.i < verb.i and not any(c.dep_ == "obj" and c.i < verb.i and c.i != phrase.i
                                                  for c in aux.children)
    ) else None


def relative_read_as_complement(clause: Token) -> Token | None:
    """ "... le groupe français Orano, qu'[mark]elles accusent[ccomp] de ...": a relative clause
    the parser read as a complement clause, its relative pronoun as the conjunction (the tagger
    still calls it a relative pronoun); the noun before the comma, its antecedent, which the
    clause's verb acts on."""
    # (an "object" with its own preposition is none: "de comportement[obj] irresponsable")
    if clause.dep_ != "ccomp" or any(c.dep_ == "obj" and not case_of(c) for c in clause.children):
        return None
    pronoun = next((c for c in clause.children if c.dep_ == "mark" and c.pos_ == "PRON"
                    and "Rel" in c.morph.get("PronType", [])), None)
    if pronoun is None or pronoun.i < 2 or pronoun.doc[pronoun.i - 1].text != ",":
        return None
    antecedent = pronoun.doc[pronoun.i - 2]
    # (from the phrase's last word to its head: "Orano" in "le groupe français Orano")
    while antecedent.dep_ in ("amod", "nmod", "appos", "flat", "flat:name") and not case_of(antecedent) \
            and antecedent.head.pos_ in ("NOUN", "PROPN") and antecedent.head.i < antecedent.i:
        antecedent = antecedent.head
    return antecedent if antecedent.pos_ in ("NOUN", "PROPN") else None


def object_on_auxiliary(verb: Token) -> Token | None:
    """ "L'Iran a pour sa part rejeté la proposition[obj of 'a']": the object of a participle cut
    off from its auxiliary (:func:`auxiliary_cut_off`), which the parser hung on the auxiliary
    (as its object or with no relation: "a de son côté rejeté les accusations[dep]") or on the
    inserted phrase ("a de son côté expulsé l'ambassadeur[nmod of 'côté']")."""
    aux = auxiliary_cut_off(verb)
    if aux is None:
        return None
    hung = [c for c in aux.children if c.dep_ in ("obj", "dep")] + [
        c for c in verb.head.children if c.dep_ == "nmod" and not case_of(c)]
    return next((c for c in sorted(hung, key=lambda t: t.i) if c.i > verb.i and c.pos_ in ("NOUN", "PROPN")), None)


def lost_objects(verb: Token) -> list[tuple[Token, str]]:
    """Objects the parser hung elsewhere or gave no object relation."""
    # "Pékin menace Taïwan de représailles", "a appelé Israël à cesser": a bare name after
    # the verb, hung on it with no preposition, is its object
    # ("Hungary vetoes EU aid package[obl]": a noun phrase with its own modifiers too)
    # ("sought the help[xcomp] of the United States": a noun with its article too; "expulse
    # deux diplomates[nmod] russes": or its number)
    taken = object_taken_before(verb)
    found = [(taken, "object hung before the verb (parse repair)")] if taken is not None else []
    given = object_taken_after(verb)
    found += [(given, "object read as the next verb's subject (parse repair)")] if given is not None else []
    found += [(obj, "object taken by the incise (parse repair)") for obj in _taken_by_incise(verb) + _given_to_incise(verb)]
    on_aux = object_on_auxiliary(verb)
    found += [(on_aux, "object hung on the auxiliary (parse repair)")] if on_aux is not None else []
    antecedent = relative_read_as_complement(verb)
    found += [(antecedent, "antecedent of a relative read as a complement (parse repair)")] \
        if antecedent is not None else []
    # "a rejeté l'ultimatum[obl:mod] lancé par X": a noun phrase with its article right after
    # the verb, read as a time adjunct, when it names no time ("a arrêté jeudi l'opposant[VERB]":
    # or a noun the tagger made a verb)
    found += [(c, "object read as an adjunct (parse repair)") for c in verb.children
              if c.dep_ == "obl:mod" and (c.pos_ == "NOUN" or misread_noun(c)) and 0 < c.left_edge.i - verb.i <= 2
              and not case_of(c) and _object_after_day(c)]
    if any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
        # "Lula a rencontré Emmanuel[nsubj] Macron": a second subject after the verb, where the
        # clause has its own before it, is the object
        found += [(c, "second subject after the verb (parse repair)") for c in verb.children
                  if c.dep_ == "nsubj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")]
    # ("a visité Hanoï[obl:mod]": a bare name read as a time or manner adjunct)
    found += [(c, "object (parse repair)") for c in verb.children
             if c.dep_ in ("nmod", "obl", "xcomp", "obl:mod") and c.i > verb.i and not case_of(c) and (
                 c.pos_ == "PROPN" or (c.pos_ == "NOUN" and c.dep_ != "obl:mod" and any(
                     g.dep_ in ("compound", "nummod") or (g.dep_ == "det" and c.dep_ == "xcomp")
                     for g in c.children)))]
    for oblique in (c for c in verb.children if c.dep_ in ("obl:arg", "obl", "obl:mod")):
        # "a mis en garde Téhéran", "a reçu à Ankara son homologue": the parser hangs the
        # object, a phrase with no preposition, on the oblique before it
        # (or calls it the oblique's object: "a dénoncé vendredi[obl] les provocations[obj]")
        # ("a arrêté à l'aéroport d'Alger un écrivain[appos of 'aéroport']": or its apposition,
        # with no comma to set it off)
        found.extend((sub, f"object hung on '{oblique.text}'") for sub in oblique.children
                     if (sub.dep_ == "obj" and oblique.pos_ == "NOUN" and sub.pos_ in ("NOUN", "PROPN"))
                     or (sub.dep_ == "appos" and sub.pos_ == "NOUN" and not after_comma(sub)
                         and any(d.dep_ == "det" for d in sub.children))
                     or (sub.dep_ == "nmod" and not case_of(sub) and (
                         (sub.pos_ == "PROPN" and oblique.pos_ == "NOUN")
                         # (with its article or its number: "a remis en liberté six citoyens")
                         or any(d.dep_ in ("det", "nummod") for d in sub.children))))
    units = grammar_of(verb)["duration_unit"]
    if not any(c.dep_ == "obj" for c in verb.children):
        # "a déclaré persona non grata[xcomp of 'persona'] un diplomate[obj of 'grata']": the
        # object of a word the parser read as an adjective or adverb of the verb
        found.extend((obj, f"object hung on '{obj.head.text}' (parse repair)") for mod in verb.children
                     if mod.dep_ in ("advmod", "xcomp") and mod.pos_ in ("ADJ", "ADV")
                     for obj in mod.subtree if obj.dep_ == "obj" and obj.pos_ in ("NOUN", "PROPN")
                     and obj.head.pos_ in ("ADJ", "ADV"))
        # "a rejeté, dans un communiqué, les conclusions du rapport": the object after an
        # adjunct set off by commas, read as the adjunct's apposition
        # (or the verb's adjunct, with an article and no preposition: "..., le rapport[obl:mod]")
        past_adjunct = [sub for oblique in verb.children if oblique.dep_ in ("obl", "obl:mod") and oblique.i > verb.i
                       for sub in (oblique, *(c for c in oblique.children if c.dep_ == "appos" and c.i > oblique.i))
                       if after_comma(sub) and not case_of(sub)
                       and any(d.dep_ == "det" for d in sub.children) and sub.pos_ == "NOUN"
                       and sub.lemma_.lower() not in units]
        found.extend((sub, f"object after the adjunct before '{sub.text}'") for sub in past_adjunct)
        # "ont frappé dans la nuit des infrastructures ukrainiennes": the object's article
        # "des" read as the preposition of a complement of the time phrase
        found.extend((sub, f"object hung on '{oblique.text}'") for oblique in verb.children
                     if oblique.dep_ == "obl:mod"
                     for sub in oblique.children if sub.dep_ == "nmod" and sub.pos_ == "NOUN"
                     and any(c.dep_ == "case" and "Art" in c.morph.get("PronType", [])
                             # ("sous la médiation du président": "du" is a preposition there)
                             and "Plur" in c.morph.get("Number", []) for c in sub.children))
    return found


def _object_after_day(noun: Token) -> bool:
    """A noun phrase with its article that names no time, from its article on ("attaqué
    mercredi[nmod of 'poste'] un poste de police": the day the parser hung on it is no part)."""
    article = next((d for d in noun.children if d.dep_ == "det"), None)
    if article is None:
        return False
    return not (noun.lemma_.lower() in grammar_of(noun)["duration_unit"] or any(
        (t.like_num and t.dep_ != "det") or time_word(t) for t in noun.subtree if t.i >= article.i))


def _taken_by_incise(verb: Token) -> list[Token]:
    """ "La France a expulsé un diplomate[nsubj of 'appris'] russe, a-t-on appris": a verb that
    the parser hung on the incise after it, whose object it made the incise's second subject
    (the incise has its own, inverted after its auxiliary or verb)."""
    incise = verb.head
    if verb.dep_ not in ("advcl", "ccomp", "parataxis") or incise.i <= verb.i:
        return []
    subjects = [c for c in incise.children if c.dep_ == "nsubj"]
    verb_start = min([incise.i] + [a.i for a in incise.children if a.dep_.startswith("aux") and a.i > verb.i])
    if not any(s.i > verb_start for s in subjects):
        return []
    return [s for s in subjects if verb.i < s.i < verb_start and s.pos_ in ("NOUN", "PROPN")]


def _given_to_incise(verb: Token) -> list[Token]:
    """ "La police a arrêté cinq personnes[nsubj of 'annoncé'] ..., a annoncé le parquet": the
    incise of saying hung on the verb, with the verb's object made its subject (and its own
    inverted subject read as an object)."""
    if any(c.dep_ == "obj" for c in verb.children):
        return []
    speech = grammar_of(verb)["speech_verb"]
    found: list[Token] = []
    for incise in verb.children:
        if incise.dep_ not in ("advcl", "parataxis", "conj", "ccomp") or incise.i <= verb.i \
                or incise.lemma_.lower() not in speech:
            continue
        start = min([incise.i] + [a.i for a in incise.children if a.dep_.startswith("aux")])
        if start == 0 or verb.doc[start - 1].text != ",":
            continue  # (an incise is set off by a comma)
        found.extend(s for s in incise.children if s.dep_ == "nsubj" and verb.i < s.i < start
                     and s.pos_ in ("NOUN", "PROPN"))
    return found


def _named_by(clause: Token) -> list[tuple[Token, str]]:
    """ "condemned what it called Manila's provocations", "a dénoncé ce qu'il a appelé les
    provocations de Manille": the nouns a free relative's clause names (its objects)."""
    return [(obj, f"object of '{clause.text}' (free relative)") for obj in clause.children
            if obj.dep_ in ("obj", "xcomp") and obj.pos_ in ("NOUN", "PROPN")]


def classifier(token: Token) -> bool:
    """ "une visite d'État", "une aide d'urgence": a bare common noun after "de", with no
    article and nothing of its own, says what kind of act it is, not who does it."""
    return token.pos_ == "NOUN" and token.n_lefts + token.n_rights == 1 and all(
        c.dep_ == "case" and "Art" not in c.morph.get("PronType", []) for c in token.children)


def misread_noun(token: Token) -> bool:
    """ "rejette l'offre": a verb form with an article is a noun the tagger misread; "accuse
    New Delhi": a capitalised foreign word (X) is a name, and so is a capitalised adjective or
    adverb inside a sentence ("menace Kiev[ADJ] de représailles"); "a British national": an
    adjective with an article is a noun."""
    if token.pos_ == "X":
        return token.text[:1].isupper()
    if token.pos_ in ("ADJ", "ADV") and token.text[:1].isupper() and token.i > sentence_of(token).start:
        return True
    # (or a possessive: "defended Bolivia's right[ADJ]")
    return token.pos_ in ("VERB", "ADJ") and any(c.dep_ in ("det", "nmod:poss") for c in token.children)


def sides_in_object(obj: Token) -> list[Token]:
    """ "l'accord de paix entre X et Y", "le mémorandum signé entre X et Y", "the memorandum of
    understanding between X and Y": the sides named inside the object phrase; and the partner
    of the clause that tells what the object is ("le traité conclu avec l'Espagne", "le traité
    qu'elle avait conclu avec l'Espagne")."""
    g = grammar_of(obj)
    between = g["between_case"]
    found = []
    todo = [(obj, 0)]
    while todo:
        node, depth = todo.pop()
        for sub in node.children:
            if sub.dep_ in OBLIQUE_DEPS and case_of(sub) in between:
                found.append(sub)
            elif sub.dep_ in ("acl", "acl:relcl") and depth <= 1:  # (on the object or its complement)
                found.extend(c for c in sub.children if c.dep_ in OBLIQUE_DEPS and case_of(c) in g["partner_case"])
                todo.append((sub, depth + 1))
            elif sub.dep_ in ("nmod", "acl") and depth < 2:
                todo.append((sub, depth + 1))
    return found


def _datives_in_object(verb: Token) -> list[Token]:
    """ "delivered tanks to Ukraine", "une aide de 10 millions de dollars aux Philippines": the
    parser hangs the receiver on the thing given, or deeper in its noun phrase."""
    return datives_below([c for c in verb.children if c.dep_ == "obj"])


def datives_below(nodes: list[Token]) -> list[Token]:
    """Receivers ("à X", "to X", "for X") hung anywhere in the noun phrases of ``nodes`` ("une
    aide militaire de 300 millions de dollars à l'Ukraine", "an aid package worth 300 million
    dollars for Ukraine")."""
    if not nodes:
        return []
    dative = grammar_of(nodes[0])["dative_case"] | grammar_of(nodes[0])["beneficiary_case"]
    found = []
    todo = list(nodes)
    while todo:
        node = todo.pop()
        for sub in node.children:
            if (sub.dep_ == "amod" and node.dep_ != "amod") or (sub.dep_ == "obj" and node.dep_ == "amod"):
                todo.append(sub)  # "worth 300 million dollars for Ukraine": an amount's adjective
                continue
            if sub.dep_ != "nmod":
                continue  # a clause or another modifier: no longer the thing given
            if case_of(sub) in dative:
                found.append(sub)
            else:
                todo.append(sub)
    return found


def describing_participles(noun: Token) -> list[Token]:
    """Participles that describe a noun and have their own agent ("imposées par X")."""
    agent = grammar_of(noun)["agent_case"]
    # (or hung on the noun's complement, agreeing with the noun and not with it: "les
    # accusations[Fem,Plur] d'agression[Sing] portées[Fem,Plur] par Kiev")
    # (or with a bare complement, which only classifies the noun: "une campagne de
    # désinformation orchestrée par Moscou" is one thing, whichever word the participle agrees with)
    hung_low = [c for m in noun.children if m.dep_ == "nmod"
                for c in m.children if c.i > m.i and _agrees(c, noun)
                and (_bare(m) or (not _agrees(m, noun) and not _agrees(c, m)))]
    return [
        c for c in [*noun.children, *hung_low]
        if c.dep_ == "acl" and c.pos_ in ("VERB", "ADJ")
        and any(g.dep_ in OBLIQUE_DEPS and case_of(g) in agent for g in c.children)
    ]


def _bare(complement: Token) -> bool:
    """A noun complement with a preposition and no determiner ("de désinformation")."""
    return bool(case_of(complement)) and not any(c.dep_ in ("det", "nummod") for c in complement.children)


def _agrees(word: Token, noun: Token) -> bool:
    """Whether ``word`` has the gender and number of ``noun`` (both marked)."""
    return all(word.morph.get(f, []) and word.morph.get(f, []) == noun.morph.get(f, []) for f in ("Gender", "Number"))


def authors(noun: Token) -> list[tuple[Token, str]]:
    """ "a rejeté la proposition présentée par l'Ukraine", "son soutien au plan présenté par
    Rabat": the agents of the participles describing a thing, its authors if it names none;
    and "la proposition que le Japon a présentée": the subject of a relative clause whose
    object is the thing."""
    # (not a go-between's: "a ceasefire brokered by Angola" is the sides' own)
    brokers = grammar_of(noun)["broker_verb"]
    found = [(agent, f"agent of '{participle.text}'") for participle in describing_participles(noun)
             if participle.lemma_.lower() not in brokers for agent in obliques(participle, "agent_case")]
    for clause in noun.children:
        subj = child_of(clause, "nsubj")
        if clause.dep_ in ("acl", "acl:relcl") and subj is not None and subj.pos_ in ("NOUN", "PROPN") \
                and _object_relative(clause):
            found.append((subj, f"subject of '{clause.text}' (relative)"))
    return found


def _object_relative(clause: Token) -> bool:
    """A relative clause whose object is the noun it describes: its pronoun is its object
    ("que", "which"), or a bare "que" (tagged as a conjunction) where the verb has no object."""
    pronouns = [c for c in clause.children if c.i < clause.i and c.dep_ in ("obj", "mark")]
    return any(c.dep_ == "obj" or "Rel" in c.morph.get("PronType", []) for c in pronouns) or (
        any(c.pos_ == "SCONJ" for c in pronouns) and child_of(clause, "obj") is None)


def agent_of(verb: Token) -> Token | None:
    """The agent of a passive ("par X", "by X"), if the clause names one."""
    phrases = _agent_phrases(verb)
    if phrases:
        return phrases[0]
    # "was received at the Elysée by Emmanuel Macron": the agent hung on the place before it
    agent_case = grammar_of(verb)["agent_case"]
    return next((g for child in verb.children if child.dep_.startswith("obl") and child.i > verb.i
                 for g in child.children if g.dep_ == "nmod" and case_of(g) in agent_case), None)


def _agent_phrases(verb: Token) -> list[Token]:
    """The verb's "par X" phrases: its agent, then any oblique with the agent's preposition."""
    g = grammar_of(verb)
    marked = [c for c in verb.children if c.dep_ == "obl:agent"]
    phrases = marked + [c for c in verb.children
                        if c.dep_.startswith("obl") and c not in marked and case_of(c) in g["agent_case"]]
    # ("adoptée par 13 voix": by how many votes, not by whom)
    return [c for c in phrases if c.lemma_.lower() not in g["vote_noun"]]


def quoted_clause(verb: Token) -> Token | None:
    """ "« Kiev a bombardé des quartiers résidentiels », a accusé le porte-parole": the clause
    quoted whole before the verb that attributes it (not the end of a quote begun before: "»,
    a-t-il demandé")."""
    quotes = grammar_of(verb)["quote_mark"]
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "ccomp", "parataxis")]
    if verb.dep_ == "parataxis":
        clauses.append(verb.head)  # (or the attribution hung on the quote: "dénoncé[parataxis]")
    return next((c for c in clauses if c.i < verb.i and c.pos_ in ("VERB", "AUX")
                 and verb.doc[c.left_edge.i].text in quotes), None)


def levied_on(verb: Token) -> list[Token]:
    """ "a imposé des droits de douane de 60 % sur les produits chinois": what a levy falls on
    (``levy_case``), wherever the parser hung it among the verb's complements."""
    levy = grammar_of(verb)["levy_case"]
    return [sub for c in verb.children if c.dep_ in ("obj", *OBLIQUE_DEPS)
            for sub in (c, *c.children) if sub.dep_ in OBLIQUE_DEPS and case_of(sub) in levy]
