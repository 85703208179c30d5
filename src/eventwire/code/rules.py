"""Small rules of French news the coder applies to a trigger and its sentence.

Kept apart from the coder's walk so each can be read (and tested) on its own:
which verbs are attributions rather than events, which nouns name an event told
before, who an unnamed domestic actor belongs to, what is background, where a
sentence's dates and places sit, and the evidence span.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TypeVar

from spacy.tokens import Span, Token

from eventwire.code.actor_tables import sovereigns
from eventwire.code.complements import (
    auxiliary_cut_off,
    object_on_auxiliary,
    object_taken_after,
    object_taken_before,
    obliques,
    quoted_clause,
)
from eventwire.code.dates import Anchor, DateMention
from eventwire.code.grammar import grammar_of
from eventwire.code.phrases import Arg, case_of, counted_whole, purpose_clause, summed_act
from eventwire.code.places import PlaceMention
from eventwire.code.repairs import (
    detached_participle_verb,
    hung_on_its_object,
    misread_object,
    misread_present,
    sentence_verb_on_noun,
)
from eventwire.code.spans import sentence_of
from eventwire.code.triggers import TriggerMatch
from eventwire.document import Document, Part
from eventwire.event import Entity, Evidence

# Sectors of actors who, unnamed and of no stated country, belong to the story's country.
DOMESTIC = frozenset("GOV MIL COP JUD LEG PTY REB OPP CVL LAB BUS JRN EDU MED SPY".split())
NOT_DOMESTIC = frozenset({"REL", "NGO", "IGO"})
INTENT_CAMEO = "030"  # CAMEO: express intent to cooperate (a process of growing closer, not a signature)
BACKGROUND_DAYS = 45  # FORMAT.md rule 11: "more than about a month earlier" is background
SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT"})
COMPLEMENT_DEPS = frozenset(
    "obj iobj ccomp xcomp obl obl:arg obl:mod obl:agent nsubj:pass expl:comp expl:pv".split()
)


def _commented_by_agent(participle: Token) -> bool:
    """ "..., une étape saluée par Kiev comme « historique »": a participle with its agent on
    a phrase set off by a comma that sums up what came before reports a reaction to it."""
    return any(c.dep_ == "obl:agent" for c in participle.children) and summed_act(participle.head) is not None


def bare_speech(match: TriggerMatch) -> bool:
    """Not an event: "», a-t-il demandé." (nothing asked), "Renforcer la coopération" (a headline's aim)."""
    token = match.token
    if token.dep_ == "ROOT" and "Inf" in token.morph.get("VerbForm", []) and not any(
            c.dep_.startswith("aux") or c.dep_ in ("nsubj", "nsubj:pass") for c in token.children):
        # an infinitive with an auxiliary is a clause: "will visit", "did not sign"; with a
        # subject, a present tense the tagger read as one: "Laos and Cambodia sign agreement"
        return True
    if (
        token.dep_ in ("acl", "advcl")
        and "Part" in token.morph.get("VerbForm", [])
        and not any(c.dep_.startswith("aux") or c.lower_ in grammar_of(c)["gerund_mark"] for c in token.children)
        and not _past_with_object(token)
        and not sentence_verb_on_noun(token)
        and not _fronted(token)
        and not misread_present(token)  # "Le Premier ministre reproche[Part, acl] à l'Égypte"
        and auxiliary_cut_off(token) is None  # "ont de leur côté libéré[acl]": a perfect tense
        and detached_participle_verb(token) is None  # "..., accusing them of": the subject's act
        and not _commented_by_agent(token)
        # ("une résolution appelant à de nouvelles élections": what a text says, its authors do)
        and not (token.dep_ == "acl" and token.head.lemma_.lower() in grammar_of(token)["document_noun"])
    ):
        # "les rebelles soutenus par la Turquie": a description, not a report (but the
        # gerund "en dénonçant" is one)
        return True
    if token.pos_ not in ("VERB", "AUX") or match.trigger.type not in SPEECH_TYPES or misread_object(token):
        return False
    if match.trigger.roles == "feel":
        return False  # "se dit inquiet[VERB] de ...": its cause hangs where the parser puts it
    if any(c.lower_ in grammar_of(c)["inverted_clitic"] for c in token.children):
        return True  # "», a-t-il demandé": the inverted subject of a quote's attribution
    if match.trigger.type == "ACCUSE" and quoted_clause(token) is not None:
        return False  # "« Kiev a bombardé des quartiers », a accusé le Kremlin": the charge quoted
    if hung_on_its_object(token):
        return False  # "accused Washington", parsed as an adjective of "Washington"
    if obliques(token, "recipient_case"):
        return False  # "a protesté auprès[ADV] de la Chine": a complement under an adverb
    if object_taken_before(token) is not None or object_taken_after(token) is not None \
            or object_on_auxiliary(token) is not None:
        return False  # "et convoqué l'ambassadeur": an object the parser gave the other verb (or the auxiliary)
    # ("a exigé et obtenu le départ des troupes": the object the coordinated verbs share)
    return not any(c.dep_ in COMPLEMENT_DEPS or (
        c.dep_ == "conj" and c.pos_ == "VERB" and any(g.dep_ == "obj" for g in c.children))
        for c in token.children)


def _fronted(participle: Token) -> bool:
    """ "Reçu mardi par le prince héritier, le ministre a ...", "Arrived in Hanoi, the minister
    ...": a participle clause that opens the sentence tells what its subject did or underwent."""
    return participle.dep_ == "advcl" and participle.i < participle.head.i and (
        participle.left_edge.i == sentence_of(participle).start)


def _past_with_object(token: Token) -> bool:
    """A past participle with a direct object and no auxiliary is a misparsed past tense
    ("the ministers signed a deal" read as "the ministers [who were] signed"); a present
    participle with one, on a text, reports what the text does ("une résolution condamnant
    le Soudan"), where on anything else it describes ("un référendum approuvant la sortie")."""
    if not any(c.dep_ == "obj" for c in token.children):
        return False
    tense = token.morph.get("Tense", [])
    return "Past" in tense or (
        "Pres" in tense and token.head.lemma_.lower() in grammar_of(token)["document_noun"])


def domestic(entity: Entity) -> bool:
    """An actor the text gives no country, who belongs to the story's country."""
    if entity.sector in NOT_DOMESTIC:
        return False
    # Named or not, a holder of a domestic title ("le Premier ministre X") of no stated country;
    # but a named armed group ("État islamique") is of no country.
    return entity.sector in DOMESTIC and not (entity.sector == "REB" and entity.name)


def background(date: str | None, date_end: str | None, anchor: Anchor) -> bool:
    """Whether an event dated well before the article's own date is background."""
    today = anchor.date
    if today is None or not date or date.startswith("--"):
        return False
    last = date_end or date
    try:
        if len(last) == 10:
            end = dt.date.fromisoformat(last)
        elif len(last) == 7:
            year, month = int(last[:4]), int(last[5:7])
            end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            end = dt.date(int(last[:4]), 12, 31)
    except ValueError:
        return False
    return (today - end).days > BACKGROUND_DAYS


def passive(match: TriggerMatch) -> bool:
    from eventwire.code.subjects import is_passive

    return match.token.pos_ in ("VERB", "AUX", "ADJ") and is_passive(match.token)


def anaphoric(match: TriggerMatch) -> bool:
    """ "cette visite", "ce limogeage": an event told before, named again."""
    token = match.token
    return token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ in grammar_of(c)["demonstrative"] for c in token.children
    )


def restated(match: TriggerMatch) -> bool:
    """ "Il s'agit du premier tir de l'année", "C'est la troisième visite de X", "It was the
    first launch": a clause that says what an act was, its subject a pronoun standing for it
    (the act noun as the argument of "s'agir" or as the predicate of a copula)."""
    token = match.token
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    g = grammar_of(token)
    clause = token.head if token.dep_ == "obl:arg" and token.head.lemma_.lower() in g["restating_verb"] else None
    if clause is None and any(c.dep_ == "cop" for c in token.children):
        clause = token
    return clause is not None and any(
        c.dep_.startswith(("nsubj", "expl")) and c.lower_ in g["restating_subject"] for c in clause.children)


def undergoers_named(match: TriggerMatch, others: frozenset[int]) -> bool:
    """ "La police a interpellé une dizaine de manifestants": a word naming those who act
    ("manifestants"), as what another act is done to, names its patients; their protest is
    told elsewhere."""
    if match.trigger.roles != "agent":
        return False
    token = counted_whole(match.token)  # "une dizaine de manifestants"
    return token.dep_ in ("obj", "nsubj:pass", "iobj") and token.head.i in others


def manner_of_event(match: TriggerMatch, others: frozenset[int]) -> bool:
    """ "ont condamné conjointement l'attaque": an adverb of joint action on a verb that is an
    event of its own adds nothing; on any other verb it is the event ("ont démantelé
    conjointement un réseau")."""
    return match.trigger.pos == "ADV" and match.token.head.i in others


def orders_own_act(match: TriggerMatch, others: frozenset[int]) -> bool:
    """ "Le Pentagone a ordonné le déploiement de porte-avions", "ordered the deployment of
    troops": what one orders (``order_verb``) with an act for object is done by one's own
    agencies; the act is the event, not a request."""
    token = match.token
    if token.lemma_.lower() not in grammar_of(token)["order_verb"] or match.trigger.type == "THREATEN":
        return False  # ("a promis de riposter": a threat, not a blow to come)
    if any(c.dep_ == "obj" and c.i in others for c in token.children):
        return True
    # "s'est engagé à retirer ses troupes", "pledged to withdraw": an infinitive act the
    # subject will do itself; "a autorisé l'armée à tirer" tells someone else's act
    someone_told = any(c.dep_ in ("obj", "iobj") and "Yes" not in c.morph.get("Reflex", [])
                       for c in token.children)
    return not someone_told and any(c.dep_ == "xcomp" and c.i in others for c in token.children)


def protest_purpose(match: TriggerMatch, protests: frozenset[int]) -> bool:
    """ "ont bloqué des autoroutes pour protester contre la baisse des prix": what a protest
    is for is that protest, not a second act of speech."""
    token = match.token
    if match.trigger.type != "ACCUSE" or not purpose_clause(token):
        return False
    # (the parser may hang the purpose on the protest's object: "des autoroutes")
    head = token.head.head if token.dep_ == "acl" else token.head
    return head.i in protests


def asks_release(token: Token) -> bool:
    """ "ont réclamé sa libération", "demanded the release of X": a request for a release."""
    releases = grammar_of(token)["release_noun"]
    return any(c.dep_ in ("obj", "obl:arg") and c.lemma_.lower() in releases for c in token.children)


def war_toll(match: TriggerMatch) -> bool:
    """ "un conflit qui a tué 300 000 personnes", "the war has killed thousands": a war as
    the subject (``war_noun``) sums up its toll; no one acts in that sentence. Nor does a
    disaster (``disaster_noun``): "le séisme qui a frappé le centre du pays"."""
    token = match.token
    g = grammar_of(token)
    wars = g["war_noun"] | g["disaster_noun"]
    subject_is_war = token.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubj:pass") and c.lemma_.lower() in wars for c in token.children)
    # "un conflit qui a tué": the relative pronoun stands for the war (or for the noun right
    # before it, where the parser hung the clause higher: "les victimes du séisme qui a frappé")
    relative = next((c for c in token.children
                     if c.dep_ == "nsubj" and "Rel" in c.morph.get("PronType", [])), None)
    antecedents = [token.head, token.doc[relative.i - 1]] if relative is not None and relative.i > 0 else []
    # (or the noun that one complements: "the collapse of a station canopy that killed 15")
    antecedents += [a.head for a in antecedents if a.dep_ == "nmod"]
    relative_on_war = token.dep_ == "acl:relcl" and any(a.lemma_.lower() in wars for a in antecedents)
    return subject_is_war or relative_on_war


def kind_of_weapon(match: TriggerMatch, others: frozenset[int]) -> bool:
    """ "la force de combat", "un char de combat", "un fusil d'assaut": an attack noun with
    no article of its own, after "de" on another noun, says what that thing is for; no
    attack happens ("une série d'attaques", plural, and "l'attaque", are attacks). So does
    any act noun on a body's noun (``mission_noun``): "la mission de soutien à la sécurité",
    "une force de maintien de la paix" name what the body is for."""
    token = match.token
    head = token.head
    return (
        (match.trigger.type == "ASSAULT" or head.lemma_.lower() in grammar_of(token)["mission_noun"])
        and token.pos_ == "NOUN"
        and token.dep_ == "nmod"
        and head.pos_ == "NOUN"
        and head.i not in others
        and case_of(token) in grammar_of(token)["genitive"]
        and "Sing" in token.morph.get("Number", [])
        and not any(c.dep_ in ("det", "nummod") for c in token.children)
    )


def long_process(match: TriggerMatch) -> bool:
    """ "Après 7 ans de négociations", "des décennies de combats": a process recalled over
    years or months is background, not an event of the story (FORMAT.md rule 11); "de
    longues heures de négociations" is the story itself."""
    token = match.token
    head = token.head
    # (the noun's own "de": "a prolongé d'un an[obl] ses sanctions[nmod of 'an']" is no process
    # of a year)
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.dep_ == "nmod"
        and head.lemma_.lower() in grammar_of(head)["long_unit"]
        and bool(case_of(token))
    )


def noted_process(match: TriggerMatch) -> bool:
    """ "a souligné l'approfondissement des relations Vietnam-Laos": a process of growing closer
    (an intent line, CAMEO 030), named as what a verb of noting observes, is a state of the
    relations (FORMAT.md rule 11), not an agreement."""
    token = match.token
    if match.trigger.cameo != INTENT_CAMEO or token.pos_ not in ("NOUN", "PROPN"):
        return False
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head  # "soulignant les réalisations ... et l'approfondissement[conj] des relations"
    return token.dep_ == "obj" and token.head.lemma_.lower() in grammar_of(token)["noting_verb"]


def any_country(span: Span) -> bool:
    """ "(la reconnaissance d')un État séparé", "des pays tiers", "a state": a phrase about a
    country the text does not name, none in particular (not the story's, as "le pays" is)."""
    g = grammar_of(span)
    return any(t.lemma_.lower() in g["country_noun"] and any(
        c.dep_ == "det" and c.lower_ in g["indefinite"] for c in t.children) for t in span)


def is_the_country(span: Span) -> bool:
    """ "le pays", "ce pays", "the country": the story's country."""
    g = grammar_of(span)
    words = [t.lower_ for t in span if t.lower_ not in g["case_word"]]
    if not words or words[-1] not in g["country_noun"] or len(words) > 2:
        return False
    if any("Plur" in t.morph.get("Number", []) for t in span if t.lower_ == words[-1]):
        return False  # "les pays", "the countries": not the story's one
    return len(words) == 1 or words[0] in g["definite"] | g["demonstrative"]


_M = TypeVar("_M", DateMention, PlaceMention)


def within(mentions: list[_M], span: tuple[int, int]) -> list[_M]:
    """The mentions inside a sentence, with offsets made relative to it."""
    start, end = span
    return [replace(m, start=m.start - start, end=m.end - start) for m in mentions if start <= m.start and m.end <= end]


def clause_of(sent: Span, offset: int) -> int:
    """The verb heading the clause of the word at ``offset`` (sentence offsets), as a token index."""
    token = sent.char_span(offset, offset + 1, alignment_mode="expand")
    node = token.root if token is not None and len(token) else sent.root
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "aux:tense", "aux:pass"):
            return node.i
        if node.head.i == node.i:
            break
        node = node.head
    return node.i


def rule_text(arg: Arg) -> str:
    if arg.reciprocal:
        return f"{arg.rule} (reciprocal: both sides of the meeting)"
    if arg.pronoun:
        return f"{arg.rule} (pronoun)"
    return arg.rule


def same_entity(entity: Entity, others: list[Entity]) -> bool:
    return any(entity.country == o.country and entity.name == o.name for o in others)


def union(*lists: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    for entities in lists:
        for entity in entities:
            if not same_entity(entity, out):
                out.append(entity)
    return out


def evidence(doc: Document, index: int, part: Part, sent: Span) -> Evidence:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    raw_start, raw_end = part.offsets.span_to_raw(start, end)
    return Evidence(doc.raw[raw_start:raw_end], index, start, end, raw_start, raw_end)


def own_government(actors: list[Entity]) -> tuple[list[Entity], str | None]:
    """A protest that names no target is aimed at the protesters' own government (that of
    the state governing their territory: protesters in Cayenne face Paris)."""
    country = next((e.country for e in actors if e.country and e.country != "IGO"), None)
    if country is None or any(e.sector == "GOV" for e in actors):
        return [], None
    government = Entity(country=sovereigns().get(country, country), sector="GOV", name=None)
    return [government], "the protesters' own government"
