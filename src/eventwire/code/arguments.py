"""Who did it, to whom: actor and recipient phrases of a trigger, from the dependency parse.

This module only finds the noun phrases (spaCy spans) and says which rule found
each; turning a phrase into an entity (country, sector, name) is the actor
resolver's job. Who acts in a clause (subjects, control, passives, speakers) is found by
``subjects``, complements the parser put elsewhere by ``complements``. The rules, in the
order they are tried:

- verbs: ``nsubj`` is the actor, ``obj`` / ``iobj`` / an oblique with "à",
  "avec", "contre", "envers", "auprès de", "sur" the recipient;
- passive ("X a été accusé par Y", "accusée par"): ``obl:agent`` ("par Y") is
  the actor, the passive subject the recipient;
- no subject of its own: an infinitive takes the subject of the verb that
  governs it ("a refusé de signer", "a décidé de suspendre"), a coordinated
  verb that of the first verb ("ont expulsé ... et ont sanctionné"), a
  relative clause its antecedent ("qui"), a participle its noun;
- reported speech: a first-person subject ("nous condamnons ...", "»,
  a déclaré X") or none is replaced by the speaker: the subject of the speech
  verb that governs the clause or hangs from it, or "selon X";
- nouns: "la visite de X" names the actor (the patient for arrests,
  sanctions, attacks: "l'arrestation de X"), "par X" the agent; otherwise the
  subject of the verb the noun depends on, through "lors de", "après" and other
  fronted phrases: "Lors d'un entretien avec X, le général Y a salué" makes Y,
  not X, the actor;
- appositions stay inside the phrase ("Le chef du Département ..., le général
  Luong Cuong") so the resolver sees both the title and the name;
- coordinated phrases ("le Canada et l'Union européenne") give one phrase each;
- reciprocal phrases ("les deux parties", "les deux dirigeants") are flagged:
  the coder replaces them by both sides of the current meeting.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from eventwire.code.complements import (
    IN_ARGUMENT,
    IN_OBJECT,
    OBLIQUE_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    agent_of,
    authors,
    classifier,
    datives_below,
    denies,
    describing_participles,
    is_reflexive_object,
    levied_on,
    lost_objects,
    misread_noun,
    obliques,
    quoted_clause,
    recipient_heads,
    sides_in_object,
)
from eventwire.code.grammar import grammar_of, lang_of
from eventwire.code.lexicon import Trigger
from eventwire.code.phrases import (
    MAX_PHRASE,
    Arg,
    after_power,
    case_of,
    child_of,
    conjuncts,
    counted_whole,
    earlier_act_phrase,
    has_possessive,
    headline_topic,
    hung_on_topic,
    make_args,
    phrase_span,
    summed_act,
)
from eventwire.code.repairs import (
    FRONTED_PARTICIPLE_RULE,
    clause_start,
    detached_participle_verb,
    headline_verb,
    hung_on_its_object,
    is_finite,
    misread_present,
    name_read_as_adverb,
    noun_read_as_adverb,
    object_after,
    subject_before,
)
from eventwire.code.rules import SPEECH_TYPES
from eventwire.code.spans import sentence_of
from eventwire.code.status import status_words
from eventwire.code.subjects import (
    ACCORDING_RULE,
    clause_subject,
    governing_verb,
    is_passive,
    speaker,
)

PERSON_OBJECT_TYPES = frozenset({"SUPPORT", "ACCUSE", "REQUEST"})  # acts whose object is someone
PERSON_PRONOUN_RULE = "object pronoun (a person)"
GUEST_PRONOUN_RULE = "object pronoun (the guest told of)"
EVAL_STEPS = 4  # from the evaluative word up to the phrase that is the predicate
# Nouns whose "de X" is the one acted upon, not the one acting.
PATIENT_GENITIVE_TYPES = frozenset({"COERCE", "SANCTION", "ASSAULT", "AID"})
PATIENT_GENITIVE_MODES = frozenset({"release"})  # "la libération des otages"
CUT_OFF_MODES = frozenset({"discontinue"})  # "la suspension des aides européennes": the giver cuts it off
TOPIC_SUBJECT_RULE = "the subject with the headline's topic"


@dataclass
class Roles:
    actors: list[Arg] = field(default_factory=list)
    recipients: list[Arg] = field(default_factory=list)
    partners: list[Arg] = field(default_factory=list)  # "avec X": co-actors of talks


# ------------------------------------------------------------------ phrases


# ------------------------------------------------------------------ clauses


def _split_subjects(subj: Token, verb: Token, rule: str) -> list[Arg]:
    """ "les dirigeants éthiopien et érythréen ont signé": a second subject of the same verb,
    after a conjunction, is the rest of a coordination the parser split; resolved together
    with the first (its group)."""
    # (the first may be read as a passive subject: "Le président vénézuélien[nsubj:pass] et le
    # président guyanien[nsubj] se sont rencontrés")
    subjects = SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS
    if subj.head.i != verb.i or subj.dep_ not in subjects:
        return []
    doc = verb.doc
    # (or a comma, when the second is a coordination itself: "the ministers of Chile, Peru and Brazil")
    rest = [c for c in verb.children if c.dep_ in subjects and subj.i < c.i < verb.i
            and (any(t.pos_ == "CCONJ" for t in doc[phrase_span(subj).end : c.i]) or (
                all(t.text == "," for t in doc[phrase_span(subj).end : c.i])
                and any(g.dep_ == "conj" for g in c.children)))]
    return [replace(a, group=subj.i) for other in rest for a in make_args(other, rule)]


def _last_apposition(subj: Token, verb: Token) -> list[Arg]:
    """ "Lors d'un entretien avec X, Y, le général Z a salué": Z, the phrase next to the verb.

    When the parser strings a fronted phrase and the subject into one chain of
    appositions, or cuts a title from the name it goes with ("le général de corps
    d'armée Bê | Xuân Truong"), the subject is the comma-delimited stretch before the verb.
    """
    span = phrase_span(subj)
    if span.end > verb.i or subj.pos_ == "PRON":
        return []
    doc = subj.doc
    start = span.end - 1
    while start > sentence_of(subj).start and doc[start - 1].text not in (",", ":"):
        start -= 1  # (a headline's topic, "Soudan : le Conseil de sécurité adopte": see _topic)
    if start == span.start:
        return []
    segment = doc[start : span.end]
    if not any(t.pos_ in ("NOUN", "PROPN") and not segment.start <= t.head.i < segment.end for t in segment):
        return []  # "les autorités, issues du coup d'État, ont exigé": a description, no name
    if len(segment) > MAX_PHRASE // 2 or any(t.pos_ in ("VERB", "SCONJ") or t.dep_ == "cc" or (
            {"Rel", "Int"} & set(t.morph.get("PronType", []))) for t in segment):
        return []  # a clause, or coordinated actors ("le Canada et l'UE"): the parse knows better
    if len(conjuncts(subj)) > 1 or any(c.dep_ == "conj" and c.i > subj.i for c in subj.children):
        return []  # "X of Nigeria and Y of Benin signed", "Benin, Nigeria join": the coordination is the subject
    return [Arg(segment, "last apposition before the verb", group=-segment.start - 1)]


def _topic(subj: Token) -> list[Arg]:
    """ "Sénégal : le candidat de l'opposition remporte ...": a headline's topic before a colon
    gives its country to a subject that names none (after the subject itself, which may name
    its own: "Soudan : le Conseil de sécurité adopte une résolution")."""
    span, sent = phrase_span(subj), sentence_of(subj)
    if headline_topic(sent, span.start) is None:
        return []
    return [Arg(subj.doc[sent.start : span.end], TOPIC_SUBJECT_RULE, group=-sent.start - 1)]


def _undergoer(noun: Token) -> Token | None:
    """The subject of "faire l'objet de", "être la cible de", "be the target of" (``undergo_noun``)
    when the act noun completes it: who undergoes the act."""
    nouns = grammar_of(noun)["undergo_noun"]
    head = noun.head
    holder: Token | None
    if noun.dep_ == "nmod" and head.lemma_.lower() in nouns:
        holder = head
    elif noun.dep_.startswith("obl"):  # "a fait l'objet | de sanctions": hung on the verb
        holder = next((c for c in head.children if c.dep_ == "obj" and c.lemma_.lower() in nouns), None)
        if holder is None:
            return None
    else:
        return None
    subj = child_of(holder, *SUBJECT_DEPS)  # a predicate: "a été la cible de"
    if subj is None and holder.head.pos_ in ("VERB", "AUX") and holder.head.i != holder.i:
        subj = child_of(holder.head, *SUBJECT_DEPS)
    return subj


def _without(arg: Arg, inner: list[Token]) -> Arg:
    """The phrase cut before the first of ``inner`` it holds ("ses troupes | d'Irak")."""
    span = arg.span
    cuts = [t.left_edge.i for t in inner if span.start < t.left_edge.i < span.end and t.head.i >= span.start]
    if cuts:
        span = span.doc[span.start : min(cuts)]
    return Arg(span, arg.rule, arg.reciprocal, arg.pronoun, arg.group)


def _receiver(arg: Arg) -> Arg:
    """ "impose des restrictions à Pékin", "a demandé à Berlin de livrer": the dative of a verb
    that acts on something and aims it at someone names the receiver, even a capital (which
    after "à" would otherwise be read as where it happened)."""
    kind, _, case = arg.rule.partition(":")
    if kind in ("obl", "nmod") and case in grammar_of(arg.span)["dative_case"]:
        return Arg(arg.span, f"dative ({case})", arg.reciprocal, arg.pronoun, arg.group)
    return arg


def _posted_in(arg: Arg, verb: Token, shared: bool) -> list[Arg]:
    """ "son ambassadeur en Chine", "its ambassador in Beijing": the place where someone of
    one's own serves, a candidate after the phrase (which names the own side). In a ``shared``
    act, also the place the parser hung on the verb ("a rouvert son ambassade à Riyad"; not in
    "a rappelé son ambassadeur à Paris", where he comes back to)."""
    root = arg.span.root
    if not has_possessive(root):
        return []
    g = grammar_of(root)
    places = [c for c in root.children if c.dep_ == "nmod" and case_of(c) in g["place_case"] | g["destination_case"]]
    if shared and root.dep_ == "obj" and root.head.i == verb.i:
        places += [c for c in verb.children if c.dep_.startswith("obl") and c.i > root.i and case_of(c) in g["place_case"]]
    return [posted for c in places for posted in make_args(c, f"where '{root.text}' serves")]


def _relative_patient(verb: Token) -> Token | None:
    """The relative pronoun a relative clause's verb acts on ("ce que X a refusé", "ce qui a été
    refusé", "which China rejected"), if any."""
    if verb.dep_ != "acl:relcl":
        return None
    for child in verb.children:
        if "Rel" not in child.morph.get("PronType", []):
            continue
        if child.dep_ == "obj" or (child.dep_ in PASSIVE_SUBJECT_DEPS + SUBJECT_DEPS and is_passive(verb)):
            return child
    return None


def _relative_antecedents(verb: Token, with_author: bool = True) -> list[Arg]:
    """What a relative clause is about, then who did it: "ce" stands for the clause before
    (its subject did what the relative clause acts on); a noun antecedent ("a meeting, which")
    is itself a candidate, then (``with_author``) the subject of the verb it is the object of."""
    head = verb.head
    if head.lower_ in grammar_of(head)["clause_pronoun"]:
        return clause_antecedents(head)
    if head.pos_ not in ("NOUN", "PROPN"):
        return []
    found = make_args(head, "antecedent of the relative")
    if with_author and head.dep_ == "obj" and head.head.pos_ in ("VERB", "AUX"):
        found.extend(_clause_author(head.head))
    elif with_author:
        # "Athens proposed[amod] mediation, which Turkey rejected": the verb hung on its object
        found.extend(a for c in head.children if c.i < head.i and hung_on_its_object(c) for a in _clause_author(c))
    return found


def clause_antecedents(pronoun: Token) -> list[Arg]:
    """ "ce" in "..., ce que X a refusé": the clause it stands for was said or done by the
    subject of that clause, or of the act that carried it when the clause is a complement:
    in "Erevan accuse Bakou d'avoir bombardé ..., ce que Bakou dément" what is denied is
    Erevan's charge, in "a demandé à X de retirer ..., ce que X a refusé" the request."""
    clause = pronoun.head
    if clause.pos_ not in ("VERB", "AUX") or clause.i == pronoun.i:
        return []
    while clause.dep_ in ("xcomp", "ccomp") and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    return _clause_author(clause)


def _clause_author(clause: Token) -> list[Arg]:
    author, _ = clause_subject(clause)
    if author is None:
        return []
    return make_args(author, f"subject of '{clause.text}' (what the relative refers to)")


def _faced(node: Token, of: str = "") -> list[Arg]:
    """What a protest faces: "devant l'ambassade de France" (``facing_case``) on ``node``."""
    return [a for h in obliques(node, "facing_case") for a in make_args(h, f"facing ({case_of(h)}){of}")]


def _source_of_a_deed(said_rule: str, verb: Token, trigger: Trigger) -> bool:
    """ "Deux personnes ont été tuées dans des affrontements, selon les autorités kirghizes": the
    source of a deed told in the passive with no agent did not do it (but what is said is his,
    and the one quoted may be telling of his own act: "Johnson said in a statement released
    with a visit to Ireland")."""
    return said_rule == ACCORDING_RULE and is_passive(verb) and trigger.type not in SPEECH_TYPES


def verb_roles(verb: Token, trigger: Trigger) -> Roles:
    roles = Roles()
    g = grammar_of(verb)
    subj, rule = clause_subject(verb)
    reported = False
    if subj is None or subj.lower_ in grammar_of(subj)["first_person"]:
        said, said_rule = speaker(verb)
        if said is not None and not _source_of_a_deed(said_rule, verb, trigger):
            subj, rule, reported = said, said_rule, True
    if subj is not None:
        roles.actors = _last_apposition(subj, verb) + [
            subject_before(arg, verb) for arg in make_args(subj, rule)]
        roles.actors += _split_subjects(subj, verb, rule) + _topic(subj)
    if not is_passive(verb) and not child_of(verb, "obj") and hung_on_its_object(verb) and not denies(verb):
        # "banned Iranian airline Mahan Air", parsed as an adjective of "airline"
        roles.recipients = [object_after(arg, verb) for arg in make_args(verb.head, "object (parse repair)")]
        dative = g["dative_case"] | g["recipient_case"]
        roles.recipients += [a for sub in verb.head.children if sub.dep_ == "nmod" and case_of(sub) in dative
                             for a in make_args(sub, f"nmod:{case_of(sub)} of the object (parse repair)")]
    if verb.dep_ == "acl" and is_finite(verb) and verb.head.i < verb.i < verb.head.head.i \
            and verb.head.head.pos_ in ("NOUN", "PROPN") and not roles.recipients:
        # "Le Mali expulse l'ambassadeur de France": a headline's verb hung on its subject,
        # which the parser made the subject of the object
        roles.recipients = make_args(verb.head.head, "object (parse repair)")
    if verb.dep_ in ("acl", "amod") and (is_finite(verb) or misread_present(verb)) \
            and _at_the_root(verb.head) and not roles.recipients:
        # "Moscou[ROOT] expulse[amod] un diplomate[conj of 'Moscou'] estonien": a headline's
        # verb hung on its subject, and the object coordinated with the subject (or hung on it
        # with its article: "La junte[ROOT] expulse[acl] l'ambassadeur[nmod] de France")
        roles.recipients = [a for c in verb.head.children if c.i > verb.i and c.pos_ in ("NOUN", "PROPN") and (
            c.dep_ == "conj" or (c.dep_ == "nmod" and not case_of(c) and any(d.dep_ == "det" for d in c.children)))
            for a in make_args(c, "object (parse repair)")]
    if is_passive(verb) and not roles.actors:
        # "L'ambassadeur a été convoqué au ministère algérien des Affaires étrangères", "a été
        # condamné au tribunal de Paris": with no agent, the body where it was done did it
        roles.actors = [a for h in obliques(verb, "dative_case") if h.lemma_.lower() in g["seat_noun"]
                        for a in make_args(h, f"obl:{case_of(h)} (where a passive was done)")]
    if is_passive(verb):
        patient = child_of(verb, *PASSIVE_SUBJECT_DEPS, *SUBJECT_DEPS) or name_read_as_adverb(verb)
        if patient is None and verb.dep_ == "acl":
            patient = verb.head
        if patient is None and verb.dep_ == "advcl":
            patient = child_of(verb.head, *SUBJECT_DEPS)  # "Reçu par X, le ministre a ...": the minister
        if patient is not None and trigger.type == "MOBILIZE" and not agent_of(verb):
            # "70 avions et 11 navires de guerre chinois ont été déployés, selon le ministère
            # taïwanais": forces are deployed by their own side, not by who reports it
            roles.actors = make_args(patient, "passive subject (forces deployed by their side)") + roles.actors
        if patient is not None:
            # "la proposition que le Japon a présentée a été rejetée": whose it is, too (not
            # the agent of this very verb: "le plan rejeté par le collectif")
            roles.recipients = make_args(patient, "passive subject") + [
                a for author, how in authors(patient) if author.head.i != verb.i for a in make_args(author, how)]
            # "L'accord entre la Chine et le Japon a été signé": the sides named inside it (the
            # phrase as a whole would resolve to the first country it names)
            roles.recipients[:0] = [a for side in sides_in_object(patient)
                                    for a in make_args(side, f"nmod:{case_of(side)} in the passive subject")]
    else:
        for head, how in recipient_heads(verb, reflexive_object=trigger.roles == "dir"):
            # (without the verb, when the parser hung it inside the phrase: "une décision
            # « hostile » et promis une riposte")
            roles.recipients.extend(object_after(arg, verb) for arg in make_args(head, how))
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            # "a adressé un avertissement au gouvernement et demandé des économies"
            dative = g["dative_case"]
            for head, how in recipient_heads(verb.head):
                if how == "iobj" or (how.startswith("obl:") and how[4:] in dative):
                    roles.recipients.extend(make_args(head, f"{how} of the first verb"))
    relative_patient = _relative_patient(verb)
    if relative_patient is not None:
        # "X a proposé de payer les soldats, ce qui a été refusé par Y", "Japan proposed a
        # meeting, which China rejected": what was refused is what X did or proposed, so X is
        # the recipient (unless the antecedent is itself an actor: "le Japon, que ... a condamné").
        roles.recipients = [a for a in roles.recipients if a.span.root.i != relative_patient.i]
        # (but an act done to the antecedent itself, "les militants, qui sont détenus", has no
        # author to answer)
        with_author = trigger.type not in PATIENT_GENITIVE_TYPES
        roles.recipients = _relative_antecedents(verb, with_author) + roles.recipients
    # "a rappelé son ambassadeur en Chine": one's own envoy is no receiver; where he serves is
    roles.recipients = [b for a in roles.recipients for b in (a, *_posted_in(a, verb, trigger.roles == "sym"))]
    if trigger.roles != "sym" and trigger.mode != "visit" and child_of(verb, "obj", "xcomp") is not None:
        roles.recipients = [_receiver(arg) for arg in roles.recipients]
    for head in obliques(verb, "partner_case"):
        roles.partners.extend(make_args(head, f"obl:{case_of(head)}"))
    if trigger.type == "PROTEST":
        roles.recipients += _faced(verb)
    if trigger.roles == "sym":
        # "signer l'accord avec la Corée du Sud": the partner hangs on the object; "s'est
        # entretenu par téléphone avec X": the parser hangs it on the manner adjunct.
        for obj in (c for c in verb.children if c.dep_ in ("obj", "obl", "obl:mod")):
            for head in obliques(obj, "partner_case"):
                roles.partners.extend(make_args(head, f"nmod:{case_of(head)}"))
        if reported and len(roles.partners) >= 2:
            # "Un accord a été conclu entre X et Y, a annoncé le médiateur": who tells it is
            # no side of it
            roles.actors = []
    return _by_roles(roles, trigger)


def _after_place(complement: Token) -> bool:
    """ "un tir de missile en mer du Japon": a "de X" right after a place phrase hung on the
    same noun belongs to the place ("la mer du Japon"), whatever the parser says."""
    before = [t for t in complement.doc[complement.head.i + 1 : complement.i] if t.dep_ != "case"]
    if not before:
        return False
    last = before[-1]
    return last.head.i == complement.head.i and last.pos_ == "NOUN" and (
        case_of(last) in grammar_of(last)["place_case"])


def _announcer(noun: Token) -> Token | None:
    """The agent ("par X") of the noun whose "de" complement ``noun`` is: "l'annonce par
    Madrid de son soutien"."""
    g = grammar_of(noun)
    head = noun.head
    if noun.dep_ != "nmod" or case_of(noun) not in g["genitive"] or head.pos_ != "NOUN":
        return None
    return next((c for c in head.children if c.dep_ in ("nmod", "obl:agent") and case_of(c) in g["agent_case"]
                 and c.i < noun.i), None)


def _thanked_for(noun: Token, verb: Token | None) -> Token | None:
    """The object of the verb whose "pour" phrase (``purpose_case``) ``noun`` is, named before
    it: "a remercié le Qatar pour sa médiation", "thanked Qatar for its mediation"."""
    if case_of(noun) not in grammar_of(noun)["purpose_case"]:
        return None
    obj = _object_beside(noun, verb)
    return obj if obj is not None and obj.i < noun.i else None


def _light_verb_object(noun: Token, verb: Token | None) -> Token | None:
    """The object of the verb ``noun`` is a bare prepositional complement of ("pris d'assaut
    l'ambassade", "pris pour cible un convoi": no article on the act's noun)."""
    if not noun.dep_.startswith("obl") or not case_of(noun) or any(c.dep_ in ("det", "nmod:poss") for c in noun.children):
        return None
    return _object_beside(noun, verb)


def _object_beside(noun: Token, verb: Token | None) -> Token | None:
    """The noun object of the verb that ``noun`` is a complement of."""
    if verb is None or noun.head.i != verb.i:
        return None
    return next((c for c in verb.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")), None)


def noun_roles(noun: Token, trigger: Trigger, others: frozenset[int] = frozenset()) -> Roles:
    roles = Roles()
    g = grammar_of(noun)
    genitive = [
        c for c in noun.children
        if c.dep_ in ("nmod", "nmod:poss") and case_of(c) in g["genitive"]
        and (c.pos_ in ("NOUN", "PROPN") or noun_read_as_adverb(c)) and not classifier(c)
    ]
    # (not "une visite de deux jours": how long it lasts; nor "des exercices de grande ampleur": how)
    genitive = [c for c in genitive if not _after_place(c)
                and c.lemma_.lower() not in g["duration_unit"] | g["manner_noun"]]
    agents = [c for c in noun.children
              if c.dep_ in ("nmod", "obl:agent") and case_of(c) in g["agent_case"]]
    # "la libération des otages par le Mali": the parser hangs the agent on the complement
    agents += [a for c in genitive for a in c.children
               if a.dep_ in ("nmod", "obl:agent") and case_of(a) in g["agent_case"]]
    # "l'attaque de drones lancée par l'Iran": the agent of a participle that says who made it
    agents += [a for p in noun.children if p.dep_ == "acl" and "Part" in p.morph.get("VerbForm", [])
               and p.lemma_.lower() not in g["attribution_verb"] for a in p.children
               if a.dep_ == "obl:agent" and case_of(a) in g["agent_case"] and a not in agents]
    # "l'arrestation de X" (X undergoes it), but "le retrait des États-Unis" (they withdraw).
    patient_first = (trigger.type in PATIENT_GENITIVE_TYPES and trigger.mode != "withdraw") \
        or trigger.mode in PATIENT_GENITIVE_MODES
    patient_first = patient_first or case_of(noun) in g["stance_case"]  # "in support of X"
    # "a réaffirmé le droit d'Israël à se défendre": whose right it is, is who is backed
    patient_first = patient_first or noun.lemma_.lower() in g["holder_noun"]
    # "l'attaque de rebelles contre l'armée": with whom it is against named, "de" is who acts
    # (the parser may hang "contre" on the "de" phrase)
    against = [c for n in (noun, *genitive) for c in obliques(n, "against_case")]
    patient_first = patient_first and not against
    # "une frappe imputée à Israël", "a strike attributed to Israel": whom the act is put down to
    # (or on its complement: "une frappe de drone[nmod] attribuée[acl of 'drone'] à l'armée")
    described = [noun, *(c for c in noun.children if c.dep_ == "nmod")]
    attributed = [a for n in described for c in n.children if c.dep_ == "acl"
                  and c.lemma_.lower() in g["attribution_verb"] for a in obliques(c, "dative_case")]
    if noun.dep_ == "obj" and noun.head.lemma_.lower() in g["attribution_verb"]:
        # "ont imputé l'attaque à l'armée": whom the verb puts it down to, by its dative (not yet
        # English "blamed the attack on the army", whose "on" is no dative)
        # (or on the noun, where the parser hangs it: "l'attaque à[nmod of 'attaque'] l'armée")
        attributed += obliques(noun.head, "dative_case") + obliques(noun, "dative_case")
    for head in agents + attributed:
        roles.actors.extend(make_args(head, "agent" if head in agents else "attributed to"))
    # "la visite de travail de la délégation russe": the agent may sit one "de" further down.
    nested = [
        g for head in list(genitive) for g in head.children
        if g.dep_ == "nmod" and case_of(g) in ("de", "du", "des", "d'", "d’")
        and g.pos_ in ("NOUN", "PROPN") and not classifier(g)
    ]
    if trigger.roles == "from" or trigger.mode == "withdraw":
        # "le retrait de ses troupes d'Irak", "the withdrawal of its troops from Iraq": what the
        # troops leave is no owner of theirs
        sources = nested + [c for head in genitive for c in obliques(head, "source_case") if c not in nested]
        # On the noun itself: "the withdrawal of its troops from Niger" ("from" says it, where
        # "de" may name the troops too); with its owner named by a possessive, any "de" phrase
        # ("leur retrait du Mali", "their withdrawal from Mali").
        owned = has_possessive(noun)
        left = [c for c in obliques(noun, "source_case") if owned or case_of(c) not in g["genitive"]]
        sources += [c for c in dict.fromkeys(left + (genitive if owned else [])) if c not in sources + agents]
        # ("leur retrait « sans délai » de la CEDEAO": the "de" phrase the parser hung on an adjunct)
        sources += [d for c in noun.children if c.dep_ == "nmod" and case_of(c) and case_of(c) not in g["genitive"]
                    for d in c.children if d.dep_ == "nmod" and case_of(d) in g["genitive"] and d not in sources]
        roles.recipients.extend(a for head in sources for a in make_args(head, "source (left)"))
        roles.actors.extend(_without(arg, sources) for head in genitive if head not in agents + sources
                            for arg in make_args(head, "de (agent)"))
        genitive = []
    else:
        genitive += nested
    lexical = set().union(*trigger.requires) if trigger.requires else set()
    # "mandat d'arrêt international": a word of the line that says the act's kind (but with an
    # article or a number it is who undergoes it: "la libération des otages")
    genitive = [g for g in genitive if g.lemma_.lower() not in lexical or _determined(g)]
    givers: list[Arg] = []
    for head in genitive:
        adjectives = [a for a in head.children if a.dep_ == "amod" and a.pos_ == "ADJ"]
        if trigger.mode in CUT_OFF_MODES and adjectives:
            # "la suspension des aides européennes": what is cut off is the giver's, who cuts it
            # off (a last candidate); it goes to whom it was given ("de l'aide au Niger")
            givers.extend(a for adj in adjectives for a in make_args(adj, "adjective of what is cut off (its giver)"))
            roles.recipients.extend(a for d in head.children if d.dep_ == "nmod" and case_of(d) in g["dative_case"]
                                    for a in make_args(d, f"nmod:{case_of(d)} of what is cut off"))
        elif patient_first and head.lemma_.lower() not in g["instrument"]:
            # (without the agent the parser hung on it: "l'expulsion de diplomates russes | par la France")
            roles.recipients.extend(_without(arg, agents) for arg in make_args(head, "de (patient)"))
        else:  # "des tirs d'artillerie pakistanais": the weapon stands for who fires it
            roles.actors.extend(_without(arg, against) for arg in make_args(head, "de (agent)"))
    if noun.dep_ in ("nmod", "obl:mod", "obl:arg", "obl") and case_of(noun) in g["state_case"] and (
        noun.head.pos_ in ("NOUN", "PROPN")
    ):
        # "X, en visite au Vietnam": the one "en visite" is the noun it qualifies.
        roles.actors[:0] = make_args(noun.head, "en (state of)")
    elif noun.dep_.startswith("obl") and case_of(noun) in g["state_case"] and noun.head.pos_ in ("VERB", "AUX"):
        # "En visite à New Delhi, le président a été reçu par ...": the clause's own subject,
        # even a passive one, is the one "en visite" (not the agent who receives him)
        subj = child_of(noun.head, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)
        if subj is not None:
            roles.actors[:0] = make_args(subj, "en (state of the subject)")
    verb, below = governing_verb(noun)
    undergoer = _undergoer(noun)
    if undergoer is None and verb is not None and below.i == noun.i and below.dep_.startswith("obl") \
            and case_of(noun) in g["partner_case"] | g["genitive"] and is_passive(verb):
        # "Iran was hit with new sanctions by the EU", "frappé de sanctions": the passive
        # subject undergoes the act the verb's complement names
        undergoer = child_of(verb, *PASSIVE_SUBJECT_DEPS)
    if undergoer is not None:
        # "L'Iran a fait l'objet de sanctions européennes", "Le Liban a été la cible de
        # frappes", "Iran was the target of sanctions": the subject undergoes the act
        roles.recipients.extend(make_args(undergoer, "subject (undergoes the act)"))
    # "a condamné l'attaque": who condemns did not attack. The subject of the governing verb
    # acts in the noun's event only when that verb is not an event of its own.
    # (or "a protesté contre l'expulsion": what is opposed)
    # (an object the parser hung elsewhere too: "a condamné, la semaine dernière, les sanctions")
    # (or a verb of judging with its judgement: "a jugé « inacceptables » les frappes israéliennes")
    judging = verb is not None and verb.lemma_.lower() in g["naming_verb"] and any(
        c.i in others and c.i != noun.i for c in verb.children)
    own_event = verb is not None and (verb.i in others or judging) and (
        below.dep_ in ("obj", "nsubj:pass") or case_of(below) in g["against_case"] or is_reflexive_object(below)
        or any(h.i == below.i for h, _ in lost_objects(verb))) \
        and verb.lemma_.lower() not in g["order_verb"]  # "a ordonné le déploiement": his own act
    if own_event and has_possessive(noun):
        own_event = False  # "pledged its support to X": the one who pledges supports
    if own_event and below.i != noun.i and below.lemma_.lower() in g["document_noun"]:
        own_event = False  # "a adopté une résolution de soutien à X": the text's author supports
    path = [t for t in noun.ancestors if verb is not None and verb.is_ancestor(t)]
    if verb is not None and (case_of(below) in g["preposition_head"] or any(
            t.lemma_.lower() in g["preposition_noun"] for t in path)):
        # "coopérer face aux tirs", "grâce à l'aide de X", "au sujet des essais de X": another
        # side's act
        own_event = True
    if (trigger.roles != "sym" or obliques(noun, "between_case")) and not has_possessive(noun) \
            and earlier_act_phrase(noun) is not None:
        # "a dépêché un porte-avions après l'attaque", "au lendemain du retour du président",
        # "après des propos d'un responsable sur l'attaque de rebelles": what happened before is
        # someone else's act (but "après sa visite", "après des entretiens avec X": his own;
        # not "au lendemain d'un accord entre X et Y", whose sides are named)
        own_event = True
    announcer = (_announcer(noun) or _thanked_for(noun, verb)) if not roles.actors and has_possessive(noun) else None
    if announcer is not None:
        # "au lendemain de l'annonce par Madrid de son soutien au plan", "a remercié le Qatar pour
        # sa médiation": the possessive is of who the noun it completes names as its agent, or
        # of whom the verb thanks or blames for it, not of the clause's subject
        roles.actors.extend(make_args(announcer, "owner of the act (its teller's agent, or the one it is credited to)"))
        own_event = True
    # "un mandat d'arrêt a été émis par le tribunal": the agent of the passive light verb.
    issued = verb is not None and below.dep_ in PASSIVE_SUBJECT_DEPS and is_passive(verb)
    # ("a signalé des attaques du même groupe": who reports them did not make them)
    # (who reports acts did not do them, but takes part in the talks he speaks at: "ont parlé
    # de la situation lors d'un entretien")
    reported = verb is not None and verb.lemma_.lower() in g["report_verb"] and below.lower_ not in g["occasion_case"]
    if verb is not None and not own_event and not reported and (
        below.dep_ not in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS or issued
    ):
        subj, rule = clause_subject(verb)
        if subj is None and noun.head.i in (verb.i, below.i) and below.dep_.startswith("obl") and (
                case_of(noun) in g["purpose_case"] and is_passive(verb)):
            # "le président est attendu à Pékin pour une visite d'État": who is expected,
            # invited or received for the act does it (the purpose is often hung on the
            # time phrase before it: "attendu la semaine prochaine pour une visite")
            subj, rule = child_of(verb, *PASSIVE_SUBJECT_DEPS), "passive subject (comes for the act)"
        if subj is None or subj.lower_ in g["first_person"]:  # « je pense que nos condoléances ... »
            said, said_rule = speaker(verb)
            if said is not None and not _source_of_a_deed(said_rule, verb, trigger):
                subj, rule = said, said_rule
        if subj is not None and (undergoer is None or subj.i != undergoer.i):
            how = f"subject of '{verb.text}' ({rule})"
            args = make_args(subj, how) + _split_subjects(subj, verb, how)
            if trigger.roles == "sym" and roles.actors:
                roles.partners.extend(args)
            elif trigger.mode == "third-party" and roles.actors:
                # "se sont rencontrés sous la médiation de X": the sides X brings together
                roles.recipients.extend(args)
            elif trigger.type == "REQUEST" and roles.actors and noun.dep_ == "obl:mod" and (
                    noun.head.i == verb.i and case_of(noun) in g["dative_case"]):
                # "a levé l'immunité à la demande du parquet": the one who acted was asked
                roles.recipients.extend(args)
            else:
                roles.actors.extend(args)
    aimed = list(obliques(noun, "recipient_case"))
    if hung_on_topic(noun):
        # "Mali : attaque contre une base de l'ONU": the parser hangs the act's complements on
        # the headline's topic too
        aimed.extend(h for h in obliques(noun.head, "recipient_case") if h.i > noun.i)
    if trigger.type == "SUPPORT":  # "sa confiance dans la capacité de la Grèce"
        aimed.extend(h for h in obliques(noun, "belief_case") if h not in aimed)
    # "une enquête visant des soldats russes", "an investigation targeting Russian soldiers"
    # (or on what the act is for: "une enquête pour crimes de guerre visant des soldats")
    # (or on the collection it is counted in: "un nouveau train de sanctions visant le régime")
    collection = [noun.head] if noun.dep_ == "nmod" and noun.head.lemma_.lower() in g["quantity_noun"] else []
    aimed.extend(o for node in [noun, *collection, *aimed] for c in node.children
                 if c.dep_.startswith("acl") and c.lemma_.lower() in g["target_verb"]
                 for o in c.children if o.dep_ in ("obj", "obl:arg") and o not in aimed)
    # "une fin de non-recevoir à la demande de X": on a word of the lexicon line itself
    aimed.extend(h for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in lexical
                 for h in obliques(c, "recipient_case") if h not in aimed)
    # "des intimidations, envers[NOUN] des commerçants": a preposition tagged as a noun
    aimed.extend(sub for c in noun.children if c.pos_ == "NOUN" and c.lower_ in g["aimed_case"]
                 for sub in c.children if sub.dep_ in OBLIQUE_DEPS and sub.pos_ in ("NOUN", "PROPN"))
    # "une aide de 300 millions de dollars à l'Ukraine": the receiver hung on the amount
    # ("an aid package worth ... for Ukraine": the phrase of the noun the trigger is a compound of)
    phrase = [noun.head] if noun.dep_ == "compound" else []
    aimed.extend(h for h in datives_below([c for c in noun.children if c.dep_ == "nmod"] + phrase)
                 if h not in aimed)
    if verb is not None and verb.lemma_.lower() in g["pledge_verb"] and (
            (below.i == noun.i and (below.dep_.startswith("obl") or case_of(noun)))  # ("du soutien"[obj])
            or (below.dep_ == "obj" and noun.head.i == below.i)):  # (hung on the object)
        # "l'a assuré de son soutien", "assured him of its support": whom the verb addresses
        roles.recipients.extend(a for head, how in recipient_heads(verb)
                                if head.i != noun.i and not noun.is_ancestor(head) for a in make_args(head, how))
    if verb is not None and below.dep_ in SUBJECT_DEPS and verb.i not in others:
        # "des frappes ont visé des infrastructures ukrainiennes": what the act reached
        # ("ont visé dimanche[obl:mod] le Liban[nmod]": or one the parser hung elsewhere)
        objects = [obj for obj in verb.children if obj.dep_ == "obj"] or [
            head for head, _ in lost_objects(verb) if head.i > noun.i]
        roles.recipients.extend(a for obj in objects for a in make_args(obj, f"object of '{verb.text}'"))
        # "nos condoléances vont au peuple espagnol", "the aid went to Ukraine"
        roles.recipients.extend(a for h in obliques(verb, "dative_case")
                                for a in make_args(h, f"obl:{case_of(h)} of '{verb.text}'"))
    # "des affrontements entre l'armée et les rebelles": the sides of a joint act (or hung on
    # the verb of happening: "des affrontements ont éclaté entre X et Y", "fighting broke out
    # between X and Y")
    happened = verb if verb is not None and below.dep_ in SUBJECT_DEPS and verb.i not in others else None
    between = obliques(happened, "between_case") if happened is not None else []
    aimed.extend(h for h in obliques(noun, "partner_case") + between if h not in aimed)
    if trigger.roles == "sym":
        # "la signature d'un accord de défense entre l'Inde et le Japon": the sides of the
        # thing signed
        aimed.extend(h for obj in noun.children if obj.dep_ == "nmod" and case_of(obj) in g["genitive"]
                     for h in sides_in_object(obj) if h not in aimed)
    if verb is not None:
        # "a rendu visite à son homologue", "une procédure de sanction ... envers le Portugal",
        # "des manifestations ont eu lieu ... contre la chef de l'État"
        node = noun
        while node.i != verb.i:
            node = node.head
            cases = "recipient_case" if below.dep_ in ("obj",) or node.i != verb.i else "aimed_case"
            aimed.extend(h for h in obliques(node, cases) if h.i != noun.i and h not in aimed)
            if trigger.type == "SUPPORT":  # "a exprimé sa confiance dans[hung on the verb] ..."
                aimed.extend(h for h in obliques(node, "belief_case") if h.i != noun.i and h not in aimed)
        # "a porté plainte auprès de l'ONU contre Israël": "contre X" hung on another oblique
        # (or on an adverb's: "auprès[advmod] de l'ONU[obl] contre Israël")
        near = [c for c in verb.children if c.i != noun.i and c.dep_ != "conj"]
        for oblique in near + [g for c in near for g in c.children if g.dep_.startswith("obl")]:
            if oblique.dep_.startswith("obl"):
                aimed.extend(h for h in obliques(oblique, "against_case") if h not in aimed)
    for participle in describing_participles(noun):
        # "les sanctions imposées par X à Y", "the aid sent by X to Y": the participle is
        # the light verb, its agent the actor.
        agents = obliques(participle, "agent_case")
        if not roles.actors:
            for head in agents:
                roles.actors.extend(make_args(head, f"agent of '{participle.text}'"))
        # "imposées par l'UE à la Russie": the parser may hang "à la Russie" on the agent.
        for head in [participle, *agents]:
            aimed.extend(h for h in obliques(head, "recipient_case") if h not in aimed)
    # "a présenté ses excuses à Tripoli": the dative of the light verb whose object is the act
    # noun names the receiver, as a verb's does (``_receiver``)
    light = verb is not None and below.dep_ == "obj" and trigger.mode != "visit" and trigger.roles != "sym"
    for head in aimed:
        args = make_args(head, f"nmod:{case_of(head)}")
        if case_of(head) in grammar_of(head)["partner_case"]:
            roles.partners.extend(args)
        else:
            roles.recipients.extend([_receiver(a) for a in args] if light else args)
            roles.recipients.extend(a for author, rule in authors(head) for a in make_args(author, rule))
            # "a opposé une fin de non-recevoir à la demande de la Commission": whose it is
            if trigger.roles != "sym":
                roles.recipients.extend(a for c in head.children if c.dep_ == "nmod" and case_of(c) in g["genitive"]
                                        and not classifier(c) for a in make_args(c, f"nmod:{case_of(c)} of the argument"))
    if trigger.mode == "visit":
        for head in obliques(noun, "destination_case"):
            roles.recipients.extend(make_args(head, "host (visit to)"))
        if verb is not None and verb.lemma_.lower() in g["host_verb"] and not is_passive(verb):
            # "X a reçu Y pour une visite de deux jours": Y visits X
            hosts = [a for a in roles.actors if a.rule.startswith(f"subject of '{verb.text}'")]
            guests = [a for head, how in recipient_heads(verb) if head.i != noun.i
                      for a in make_args(head, f"{how} of '{verb.text}' (the guest)")]
            roles.actors = guests + [a for a in roles.actors if a not in hosts]
            roles.recipients = hosts + roles.recipients
    elif trigger.roles == "sym" and verb is not None and verb.lemma_.lower() in g["host_verb"] and (
            not is_passive(verb)):
        # "X a accueilli Y à Pékin pour un sommet": the guest is the other side of the talks
        roles.partners.extend(a for head, how in recipient_heads(verb) if head.i != noun.i
                              for a in make_args(head, f"{how} of '{verb.text}' (the guest)"))
    if not roles.actors and any(c.lower_ in g["first_person_possessive"] for c in noun.children):
        # « ... et nos condoléances », a-t-il dit; "our condolences", he said: the speaker
        said, rule = speaker(noun)
        if said is not None:
            roles.actors.extend(make_args(said, rule))
    target = _light_verb_object(noun, verb) if trigger.roles == "dir" and not roles.recipients else None
    if target is not None and verb is not None:
        # "ont pris d'assaut l'ambassade de Suède", "a pris pour cible un convoi": the light
        # verb's own object undergoes the act its complement names
        roles.recipients.extend(make_args(target, f"object of '{verb.text}' (the act's target)"))
    # "les frappes russes", "l'aide humanitaire française": a demonym on the act names who
    # does it, when nothing else does (the last candidates); on a noun of who undergoes it
    # ("American hostages", ``victim_noun``), whom
    victim = noun.lemma_.lower() in g["victim_noun"]
    for adj in (c for c in noun.children if c.dep_ == "amod" and c.pos_ in ("ADJ", "VERB")):
        subj = child_of(adj, "nsubj") if adj.pos_ == "VERB" else None
        if subj is not None:
            # "Canada imposed[amod] sanctions[ROOT] on ...": the light verb the parser read as an
            # adjective of its object keeps its subject
            roles.actors.extend(make_args(subj, "subject of the verb read as an adjective (parse repair)"))
            continue
        (roles.recipients if victim else roles.actors).extend(
            make_args(adj, "adjective (who undergoes it)" if victim else "adjective (agent)"))
    # "new EU sanctions", "US strikes": a name compounded with the act, likewise
    for name in (c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"):
        roles.actors.extend(make_args(name, "name before the act (agent)"))
    roles.actors.extend(givers)
    if trigger.type == "PROTEST":
        # "Manifestations devant l'ambassade de France": what the protest faces, as with its verb
        roles.recipients += _faced(noun)
    return _by_roles(roles, trigger)


def _determined(noun: Token) -> bool:
    """A noun with an article (its own or in its preposition: "des") or a number."""
    return any(c.dep_ in ("det", "nummod") or "Art" in c.morph.get("PronType", []) for c in noun.children)


def _by_roles(roles: Roles, trigger: Trigger) -> Roles:
    """Rearrange found phrases by the lexicon line's roles."""
    if trigger.roles == "from":
        return roles
    if trigger.roles == "recv":
        # "X a reçu Y": the guest Y acts (visits), the host X receives ("X l'a reçu": the one
        # the story was telling of)
        guests = [replace(a, rule=GUEST_PRONOUN_RULE) if a.pronoun and a.rule in ("obj", "iobj") else a
                  for a in roles.recipients]
        return Roles(actors=guests, recipients=roles.actors, partners=roles.partners)
    if trigger.roles == "sym":
        # Every side acts: the coder joins actors, partners and the first recipient found.
        return roles
    if trigger.roles == "dir" and roles.partners:
        # "lodged a protest with Paris": on a one-sided act, the other side is its recipient
        return Roles(actors=roles.actors, recipients=roles.recipients + roles.partners)
    if trigger.roles == "self":
        # "contre X"; what a withdrawal leaves ("le retrait de ses troupes d'Irak"); what a
        # protest faces ("devant l'ambassade d'Algérie")
        aimed = [a for a in roles.recipients if _against(a) or a.rule.startswith(("source", "facing"))]
        return Roles(actors=roles.actors, recipients=aimed, partners=roles.partners)
    return roles


def _against(arg: Arg) -> bool:
    """A phrase found on a preposition of opposition ("manifester contre X")."""
    case = arg.rule.split(":", 1)[-1].split(" of ")[0]
    return case in grammar_of(arg.span)["against_case"]


def _predicate(token: Token) -> Token:
    """The noun phrase an evaluative word is part of ("un facteur de déstabilisation")."""
    node = token
    for _ in range(EVAL_STEPS):
        if node.dep_ not in ("nmod", "amod", "appos", "flat:name", "acl", "conj") or node.head.i == node.i:
            break
        if node.head.pos_ in ("VERB", "AUX") and not misread_noun(node.head):  # (« l'opposant[VERB] »)
            break
        node = node.head
    return node


def evaluation_roles(token: Token, others: frozenset[int] = frozenset()) -> Roles:
    """Reported judgement with no verb of accusing: "X a déclaré que les troupes étaient un
    « facteur de déstabilisation »", "X a qualifié ces faits de « nettoyage ethnique »",
    "les milices qu'Ankara considère comme terroristes". The speaker is the actor, what
    the judgement is about the recipient; a word met anywhere else is no event."""
    roles = Roles()
    g = grammar_of(token)
    pred = _predicate(token)
    if pred.dep_ == "obj" and pred.head.lemma_ in g["copular_verb"]:
        pred = pred.head  # "X constitue un jalon", "Y représente une menace"
    if pred.lemma_.lower() in g["undergo_noun"]:
        return roles  # "a été la cible d'un incendie criminel": what it underwent, no judgement
    if any(c.dep_ == "cop" for c in pred.children) or pred.lemma_ in g["copular_verb"]:
        # A copular clause: its subject is judged, by the one who says it.
        subj = child_of(pred, *SUBJECT_DEPS)
        head = pred.head
        if pred.dep_ in ("ccomp", "parataxis") and head.lemma_ in g["speech_verb"] | g["naming_verb"]:
            said, rule = clause_subject(head)
            rule = "speaker of the judgement" if said is not None else ""
        else:
            said, rule = speaker(pred)
        if subj is None or said is None or subj.lower_ in g["relative"]:
            return roles
        roles.actors = make_args(said, rule)
        roles.recipients = make_args(subj, "subject of the judgement")
        return roles
    # "une décision dénoncée par Caracas comme une « provocation »", "un tir qualifié par Tokyo
    # de « provocation »": a participle with its agent, on the noun judged, is the judgement
    # (or with the judgement hung on its agent: "par Tokyo[obl:agent] de « provocation »")
    around = (pred, *pred.children, *([pred.head] if pred.dep_ == "obl:agent" else []))
    judging = next((c for c in around if c.dep_ == "acl" and c.i < token.i
                    and any(a.dep_ == "obl:agent" for a in c.children)), None)
    if judging is not None:
        if judging.i in others or judging.lemma_ not in g["naming_verb"] | g["speech_verb"]:
            return roles  # (an event of its own: "dénoncée")
        agent = next(a for a in judging.children if a.dep_ == "obl:agent")
        roles.actors = make_args(agent, f"agent of '{judging.text}' (judgement)")
        act = summed_act(judging.head) or judging.head
        roles.recipients = make_args(act, "what is judged") + [
            a for author, how in authors(act) for a in make_args(author, how)]
        return roles
    verb = pred.head if pred.dep_ not in ("ROOT",) else pred
    if verb.dep_ in ("acl", "acl:relcl") and verb.head.dep_ == "obj" and verb.head.head.lemma_ in g["naming_verb"]:
        # "called Vilnius's decision to restrict transit « unacceptable »": the parser hung the
        # judgement on the clause describing what is judged
        verb = verb.head.head
    # "a déclaré cette décision « inacceptable »": a verb of saying names things too.
    if verb.lemma_ not in g["naming_verb"] | g["speech_verb"] or verb.pos_ not in ("VERB", "AUX"):
        return roles
    said, rule = clause_subject(verb)
    if said is None:
        said, rule = speaker(verb)
    # "a qualifié d'« inacceptables » les propositions": the judgement may be read as an object
    # too; what is judged is the other one (but "called the deal « lousy »" holds both)
    objects = [c for c in verb.children if c.dep_ == "obj"]
    judged = next((c for c in objects if token not in c.subtree), objects[0] if objects else None)
    if judged is not None and judged.pos_ == "PRON" and verb.dep_ == "acl:relcl":
        judged = verb.head  # "les milices qu'Ankara considère comme terroristes"
    if said is None:
        return roles
    roles.actors = make_args(said, f"subject of '{verb.text}' (judgement)")
    if judged is not None and (judged.pos_ in ("NOUN", "PROPN") or misread_noun(judged)):
        roles.recipients = make_args(judged, "what is judged")
        # "les propositions présentées par Kiev": whose thing is judged
        roles.recipients += [a for agent, how in authors(judged) for a in make_args(agent, how)]
    return roles


def feeling_roles(token: Token) -> Roles:
    """ "X est préoccupé par Y", "X s'est dit préoccupé par Y", "Y préoccupe X", "X is concerned
    about Y": the one who feels it (the actor) disapproves of its cause (the recipient: the
    author of an act named as the cause before the act, "l'arrestation de X par les autorités")."""
    roles = Roles()
    cause_heads: list[Token]
    if token.pos_ in ("VERB", "AUX") and not is_passive(token) and child_of(token, "obj") is not None:
        feeler, rule = child_of(token, "obj"), "object"  # "Y préoccupe X"
        cause_heads = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    else:
        feeler, rule = child_of(token, *PASSIVE_SUBJECT_DEPS, *SUBJECT_DEPS, "expl"), "nsubj"  # ("it was concerned")
        if feeler is None and token.dep_ == "xcomp":
            feeler, rule = clause_subject(token.head)  # "s'est dit préoccupé"
        cause_heads = obliques(token, "cause_case")
        if token.dep_ == "xcomp":  # ("se dit inquiet de[obl:arg of 'dit'] la présence")
            cause_heads += [c for c in obliques(token.head, "cause_case") if c.i > token.i]
    if feeler is not None:
        roles.actors = make_args(feeler, f"{rule} (who feels it)")
    for cause in (c for c in cause_heads if c.pos_ in ("NOUN", "PROPN", "PRON")):
        roles.recipients += [a for agent in obliques(cause, "agent_case") for a in make_args(agent, "agent of the cause")]
        roles.recipients += [a for author, how in authors(cause) for a in make_args(author, how)]
        roles.recipients += make_args(cause, "the cause")
    return roles


def _headline_roles(verb: Token) -> Roles:
    """ "Mali expels French ambassador", a verb the tagger read as a noun: the words before it
    act on those after it, or on the names among them when the whole names no one else
    ("Kenya recalls envoy to Somalia")."""
    doc, start = verb.doc, clause_start(verb)
    topic = headline_topic(sentence_of(verb), verb.i)
    if start == sentence_of(verb).start and topic is not None:
        start = topic.end + 1  # "Philippines : le Japon livre ...": not the topic, which is no doer
    after = doc[verb.i + 1 : sentence_of(verb).end]
    names = [Arg(phrase_span(t), "name in the headline object (parse repair)", group=t.i)
             for t in after if t.pos_ == "PROPN" and t.dep_ not in ("compound", "flat", "flat:name")]
    subject = doc[start : verb.i]
    actors = [Arg(subject, "headline subject (parse repair)")]
    if len(subject) and any(c.dep_ == "conj" and c.i < verb.i for c in subject.root.children):
        # "Erevan et Bakou paraphent ...": each side of the subject
        actors = make_args(subject.root, "headline subject (parse repair)")
    recipients = [Arg(after, "headline object (parse repair)"), *names] if len(after) else []
    if denies(verb):
        recipients = []  # whose claim it denies, not those it names
    if start > sentence_of(verb).start + 1 and doc[start - 2].lower_ in grammar_of(verb)["clause_pronoun"]:
        # "..., ce que l'Azerbaïdjan dément": who said or did what the clause pronoun stands for
        recipients = clause_antecedents(doc[start - 2])
        if start == verb.i:  # "ce que dément Moscou": the subject comes after the verb
            actors = [Arg(after, "inverted subject (parse repair)")] if len(after) else []
    return Roles(actors=actors, recipients=recipients)


def _first_verb_other(token: Token) -> list[Arg]:
    """The object or partner of the verb that the verb of ``token`` is coordinated to ("a reçu
    X et l'a félicité", "spoke with X and urged him", "l'a assuré de son soutien"): whom an object
    pronoun of that verb stands for."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)[0]
    if verb is None:
        return []
    detached = detached_participle_verb(verb)  # (", les accusant de ...": the clause's verb)
    first = detached or verb.head
    if (verb.dep_ != "conj" and detached is None) or first.pos_ not in ("VERB", "AUX"):
        return []
    partner = grammar_of(verb)["partner_case"]
    # (the parser may hang the partner on the manner: "spoke by phone with X")
    near = [*first.children, *(g for c in first.children if c.dep_.startswith("obl") for g in c.children)]
    for child in sorted(near, key=lambda t: t.i):
        if child.i < verb.i and child.pos_ in ("NOUN", "PROPN") and (
                child.dep_ in ("obj", "iobj") or case_of(child) in partner):
            return make_args(child, f"{child.dep_} of '{first.text}' (what the pronoun stands for)")
    return []


def _at_the_root(noun: Token) -> bool:
    """The sentence's root, or the first noun after a headline's topic and its colon, which the
    parser hangs on the topic ("Niger[ROOT] : la junte[nmod] expulse ...")."""
    return noun.dep_ == "ROOT" or (noun.head.dep_ == "ROOT" and noun.head.i < noun.i and any(
        t.text == ":" for t in noun.doc[noun.head.i : noun.i]))


def _at_a_seat(head: Token) -> bool:
    """ "à la Maison Blanche", "at the Kremlin": the seat of a body, as where something is done."""
    g = grammar_of(head)
    return case_of(head) in g["place_case"] and head.lemma_.lower() in g["seat_noun"]


def _condition_subjects(threat: Token) -> list[Arg]:
    """ "a menacé de prendre des mesures si Manille poursuivait ses patrouilles", "threatened
    countermeasures if Manila continued": the one whose act the threat is about, the subject of
    the condition that follows it (found by position: the parser hangs the clause anywhere)."""
    conditions = status_words(lang_of(threat))["condition"]
    for mark in threat.doc[threat.i + 1 : sentence_of(threat).end]:
        if mark.dep_ == "mark" and mark.lower_ in conditions:
            subj = child_of(mark.head, *SUBJECT_DEPS)
            return make_args(subj, "subject of the condition") if subj is not None else []
    return []


def _names_topic(arg: Arg) -> bool:
    """A talk verb's object, or a side named inside it or inside its prepositional argument
    (the partners hung on the object are dropped too: "des relations entre X et Y"), or its
    complement or a clause on it ("discussed North Korea's launch, which both condemned")."""
    return arg.rule in ("obj", "object's complement") or arg.rule.endswith((IN_OBJECT, IN_ARGUMENT, "(relative)"))


def _drop_mediators(roles: Roles, token: Token) -> None:
    """ "ont scellé leur réconciliation sous l'égide de la Turquie": who brings the sides
    together is no side of what they agree or discuss (``mediator_noun``)."""
    nouns = grammar_of(token)["mediator_noun"]
    mediators = [t for t in sentence_of(token) if t.i != token.i and t.lemma_.lower() in nouns]
    if not mediators:
        return

    def kept(args: list[Arg]) -> list[Arg]:
        # (the subject after "Réunis sous l'égide du président, les dirigeants ...", which the
        # parser put in the mediator's phrase, is not in it)
        return [_without(a, mediators) for a in args if FRONTED_PARTICIPLE_RULE in a.rule
                or not any(m.i == a.span.root.i or m.is_ancestor(a.span.root) for m in mediators)]

    roles.actors, roles.recipients, roles.partners = kept(roles.actors), kept(roles.recipients), kept(roles.partners)


def find_roles(token: Token, trigger: Trigger, others: frozenset[int] = frozenset()) -> Roles:
    """Actor and recipient phrases of a trigger word; ``others``: the sentence's other triggers."""
    if trigger.roles == "eval":
        return evaluation_roles(token, others)
    if trigger.roles == "feel":
        return feeling_roles(token)
    if trigger.roles == "agent":
        # "des manifestants", "les grévistes": the word names those who act.
        roles = Roles(actors=make_args(token, "the trigger names the actor"))
        for head in obliques(token, "aimed_case"):
            roles.recipients.extend(make_args(head, f"nmod:{case_of(head)}"))
        whole = counted_whole(token)
        if whole.dep_ == "nsubj" and whole.head.pos_ in ("VERB", "AUX"):
            # "Des centaines de manifestants ont protesté devant l'ambassade de France": what
            # their verb faces
            roles.recipients += _faced(whole.head, f" of '{whole.head.text}'")
        return roles
    if trigger.pos == "ADV":
        # "les polices française et espagnole ont démantelé conjointement un réseau": the
        # sides of the act the adverb makes joint
        roles = verb_roles(token.head, trigger) if token.head.pos_ in ("VERB", "AUX") else Roles()
    elif headline_verb(token) and trigger.pos == "VERB":
        roles = _headline_roles(token)
    elif (token.pos_ in ("NOUN", "PROPN") or trigger.pos == "NOUN") and trigger.pos != "VERB":
        # (not a participle misread as a noun; but a noun misread as a verb: "paid tribute[VERB]")
        roles = noun_roles(token, trigger, others)
    else:
        roles = verb_roles(token, trigger)
    if trigger.type == "THREATEN":
        roles.recipients += _condition_subjects(token)
    if trigger.type in PERSON_OBJECT_TYPES:
        # "X a reconnu sa défaite et l'a félicité", "congratulated him": a person told of before;
        # "s'est entretenu avec X et l'a exhorté à ...", "met X and urged him": the one the
        # first verb names
        # (that first, if it names an actor: "a reconnu sa défaite et l'a félicité" does not)
        named = _first_verb_other(token)
        roles.recipients = [a for arg in roles.recipients for a in (
            [*named, replace(arg, rule=PERSON_PRONOUN_RULE)] if arg.pronoun and arg.rule in ("obj", "iobj")
            else [arg])]
    if trigger.roles == "sym":
        # "talks with X on the EU-Mercosur deal": what they are about is no side; nor the seat
        # where they sign ("ont paraphé à la Maison Blanche un accord": the host is no side)
        g = grammar_of(token)
        topic = g["topic_case"]
        roles.recipients = [a for a in roles.recipients if case_of(a.span.root) not in topic
                            and not _at_a_seat(a.span.root)]
        roles.actors = [a for a in roles.actors if not _at_a_seat(a.span.root)]
        if token.lemma_.lower() in grammar_of(token)["topic_verb"]:
            # "ont discuté des relations entre la Libye et la Turquie": nor what is discussed
            roles.recipients = [a for a in roles.recipients if not _names_topic(a)]
            roles.partners = [a for a in roles.partners if not a.rule.startswith("nmod:")]
    if trigger.roles == "from" or (trigger.mode == "withdraw" and token.pos_ not in ("NOUN", "PROPN")):
        # "se retirer de la CPI", "s'est retiré du Mali": the one left is the recipient.
        extra = obliques(token, "source_case") + [
            # "a retiré ses soldats du Mali": what the troops leave, hung on them
            c for obj in token.children if obj.dep_ == "obj" for c in obliques(obj, "source_case")
            if c.dep_ == "nmod" and trigger.mode == "withdraw"]
        roles.recipients = [a for h in extra for a in make_args(h, "source (left)")] + roles.recipients
    if trigger.roles == "sym":
        _drop_mediators(roles, token)
    if trigger.type in ("SANCTION", "CONCEDE") and token.pos_ == "VERB":
        # "a imposé des droits de douane sur les produits chinois": aimed at whose goods they hit
        # (or lifted: "lifted its embargo on Ukrainian grain")
        roles.recipients += [a for h in levied_on(token) for a in make_args(h, f"obl:{case_of(h)} (levied on)")]
    allies = grammar_of(token)["ally_noun"]
    if not any(allies & group for group in trigger.requires):
        # "a combattu aux côtés de l'armée syrienne": whom one acts beside is no target (but
        # "s'est rangé aux côtés de Dakar", whose line asks for the noun)
        roles.recipients = [a for a in roles.recipients if not _beside(a.span.root, allies)]
    if not roles.recipients:
        roles.recipients = _recipients_from_context(token, trigger, roles)
    return roles


def _beside(root: Token, allies: frozenset[str]) -> bool:
    """ "aux côtés de X", "on the side of X": the ally noun with its preposition, or its complement."""
    return any(t.lemma_.lower() in allies and any(c.dep_ == "case" for c in t.children)
               for t in (root, root.head) if t is root or root.dep_ == "nmod")


def _recipients_from_context(token: Token, trigger: Trigger, roles: Roles) -> list[Arg]:
    """Whom an act with no recipient in its own phrase is aimed at, told around it."""
    verb = token.pos_ == "VERB"
    if trigger.type == "ACCUSE" and trigger.roles == "dir":
        return (_quoted_charge_subject(token) if verb else []) or _answered_act_authors(token)
    if trigger.type == "THREATEN" and verb:
        return _warned(token)
    if trigger.mode == "withdraw":
        return _posted_at(token, roles.actors)
    return []


def _quoted_charge_subject(verb: Token) -> list[Arg]:
    """ "« Kiev a bombardé des quartiers résidentiels », a accusé le porte-parole du Kremlin":
    the charge quoted before the verb names whom it is aimed at."""
    quoted = quoted_clause(verb)
    subj = child_of(quoted, *SUBJECT_DEPS) if quoted is not None else None
    return make_args(subj, "subject of the quoted charge") if subj is not None else []


def _answered_act_authors(token: Token) -> list[Arg]:
    """ "Pékin a exprimé son mécontentement après la visite du Premier ministre japonais au
    sanctuaire": displeasure voiced after an act is aimed at who did it."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)[0]
    after = obliques(verb, "sequence_case") if verb is not None else []
    genitive = grammar_of(token)["genitive"]
    return [a for act in after for c in act.children if c.dep_ == "nmod" and case_of(c) in genitive
            and c.pos_ in ("NOUN", "PROPN") for a in make_args(c, "author of the act it answers")]


def _warned(verb: Token) -> list[Arg]:
    """ "L'Iran a prévenu qu'il riposterait à toute attaque américaine": a warning is aimed at
    whom the act it announces would answer (also hung on the means: "répondrait par la
    force[obl] à toute provocation")."""
    return [a for clause in verb.children if clause.dep_ == "ccomp"
            for node in (clause, *(c for c in clause.children if c.dep_.startswith("obl")))
            for h in obliques(node, "dative_case") + obliques(node, "recipient_case")
            for a in make_args(h, f"obl:{case_of(h)} of '{clause.text}'")]


def _posted_at(token: Token, actors: list[Arg]) -> list[Arg]:
    """ "La mission de l'ONU au Mali a achevé son retrait": where the withdrawing body is
    posted is what it leaves."""
    posted = grammar_of(token)["place_case"]
    # (not whose power it is: "les juntes au pouvoir au Mali et au Niger ont annoncé leur retrait")
    return [a for actor in actors for t in actor.span if t.dep_ == "nmod" and t.pos_ == "PROPN"
            and case_of(t) in posted and not after_power(t, actor.span)
            for a in make_args(t, "where it is posted (left)")]
