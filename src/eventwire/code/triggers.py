"""Find trigger words in a parsed sentence and pick the lexicon line each one matches.

A token is a trigger when one of its lemma keys is a lexicon head, its part of
speech fits the line, every ``with`` group finds a word in its context (its
children and grandchildren, and, for a noun, the verb that governs it: the
light verb of "apporter une aide"), and no ``not`` word is there. Among the
lines that match, the most specific wins: "signer un accord" over "signer".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, partial

from spacy.tokens import Doc, Span, Token

from eventwire.code.actor_tables import igo_heads, words_of
from eventwire.code.complements import object_taken_before
from eventwire.code.grammar import grammar, grammar_of, lang_of
from eventwire.code.lexicon import Lexicon, Trigger
from eventwire.code.phrases import case_of, time_word
from eventwire.code.repairs import (
    MISREAD_VERB_POS,
    after_name_with_verb_ending,
    complement_read_as_relative,
    headline_verb,
    hung_on_its_object,
    misread_object,
    misread_participle,
)
from eventwire.code.spans import sentence_of
from eventwire.code.tables import on_clear

# spaCy's French tagger calls some participles ADJ ("arrêtée", "destituée") and
# some verbs AUX; the lexicon's VERB lines take them all, but never a real auxiliary.
_POS = {
    "VERB": {"VERB", "AUX", "ADJ"},
    "NOUN": {"NOUN", "PROPN"},
    "ADJ": {"ADJ", "VERB"},
    "ADV": {"ADV"},  # "ont démantelé conjointement": the manner makes the act joint
}
MODAL_SUBJECTS = ("nsubj", "nsubj:pass")
IGO_WORD = "@igo"  # a lexicon word that any international organisation's name fills
NESTED_CASES = ("case", "mark")
_CONTENT_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN", "ADV"})
_AUX_DEPS = {"aux", "aux:pass", "aux:tense", "aux:caus", "cop"}
# clauses that are no complement ("a averti Téhéran qu'il paierait le prix" is one)
ADJUNCT_CLAUSE_DEPS = frozenset({"advcl", "acl:relcl", "parataxis"})


@dataclass(frozen=True)
class TriggerMatch:
    token: Token
    trigger: Trigger

    @property
    def text(self) -> str:
        return self.token.text


def lemma_keys(token: Token) -> list[str]:
    """The lemma, the form, and the lemma a lemmatizer missed: a participle or present
    tense kept as its own lemma ("signée", "exigent", "signed") rewritten by the
    language's suffix rows (``grammar.tsv``), a plural noun without its "s"."""
    form, lemma, pos, lang = token.lower_, token.lemma_.lower(), token.pos_, lang_of(token)
    keys = _keys(lang, lemma, form, pos in ("NOUN", "PROPN"))
    # the present tense: a verb kept as its own lemma, or one the tagger read as another part
    # of speech ("Pékin critique[ADJ] Washington"; :func:`headline_verb` decides later). (The
    # second test looks around the word: only when the form has a present ending at all.)
    present = _present_keys(lang, form)
    if present and _read_as_present(token, pos, lemma, form):
        return list(dict.fromkeys(keys + present))
    return list(keys)


def _read_as_present(token: Token, pos: str, lemma: str, form: str) -> bool:
    """A verb kept as its own lemma, or a word right after a name with a present's ending."""
    return (pos == "VERB" and lemma == form) or after_name_with_verb_ending(token)


@lru_cache(maxsize=65536)
def _keys(lang: str, lemma: str, form: str, noun: bool) -> tuple[str, ...]:
    """The keys of :func:`lemma_keys` but the present's, found once per word (news repeats
    its words)."""
    keys = [lemma, form]
    keys.extend(_rewrites(form, grammar(lang).pairs("participle_suffix")))
    if form.endswith("s") and noun:
        keys.append(form[:-1])  # plural the lemmatizer left alone
    return tuple(dict.fromkeys(keys))


@lru_cache(maxsize=65536)
def _present_keys(lang: str, form: str) -> tuple[str, ...]:
    """The lemmas a present tense ``form`` may have (the language's present suffix rows)."""
    return tuple(_rewrites(form, grammar(lang).pairs("present_suffix")))


on_clear(_keys.cache_clear)
on_clear(_present_keys.cache_clear)


def _rewrites(form: str, suffixes: tuple[tuple[str, str], ...]) -> list[str]:
    """``form`` with each matching suffix replaced; the stem keeps at least three letters."""
    return [
        form[: -len(suffix)] + ending
        for suffix, ending in suffixes
        if form.endswith(suffix) and len(form) > len(suffix) + 2
    ]


def _own_clause(token: Token) -> bool:
    """An adjunct clause with its own subject, outside the phrase of the word it hangs on."""
    return token.dep_ in ADJUNCT_CLAUSE_DEPS and any(c.dep_ in MODAL_SUBJECTS for c in token.children)


def counted(noun: Token) -> list[Token]:
    """ "rappelé des dizaines de milliers de réservistes": what a number noun counts."""
    found: list[Token] = []
    quantity = grammar_of(noun)["quantity_noun"]
    while noun.lemma_.lower() in quantity and len(found) < 3:
        noun = next((c for c in noun.children if c.dep_ == "nmod"), noun)
        if noun in found:
            break
        found.append(noun)
    return found


def context_words(token: Token, reading: _Reading, required: bool = True) -> set[str]:
    """Lemmas and forms of the words a lexicon line may require around ``token`` (read as a
    headline's verb the tagger took for a noun: also the words after it). Not ``required``: the
    words a line forbids, which leave out those of a coordinated verb and of "selon X"."""
    words: set[str] = set()
    # Not into an adjunct clause with a subject of its own ("a refusé de ratifier ... tant
    # que X n'aurait pas répondu" does not refuse to answer), but its conjunction is the
    # trigger's ("insister pour que"); nor into the subject of a complement clause
    # ("concluded that the agreement is void").
    children = [c for c in token.children if not _own_clause(c)]
    if not required:
        # "ont été déployés, selon les services de renseignement": who tells it is no word of
        # the act a line may forbid
        according = grammar_of(token)["according_case"]
        children = [c for c in children if case_of(c) not in according]
    near = list(children)
    near.extend(m for c in token.children if _own_clause(c) for m in c.children if m.dep_ == "mark")
    # (a verb with its own object shares none with the verb coordinated to it: "condemned the
    # execution and called on Tehran to halt death sentences" is not condemned to death; but a
    # complement clause coordinated to its own is its: "informed police she had immunity, but
    # that she had no plans ...")
    own_object = any(c.dep_ == "obj" for c in token.children)
    for child in children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and (not required or (
                own_object and not any(m.dep_ == "mark" for m in child.children))):
            continue  # "a reçu X et l'a assuré de son soutien": the other verb's own words
        near.extend(c for c in child.children if not _own_clause(c)
                    and not (child.dep_ == "ccomp" and c.dep_ in MODAL_SUBJECTS))
        # the prepositions one level further: "inviter les belligérants à la retenue" when the
        # parser hangs "à la retenue" on the object
        near.extend(c for g in child.children for c in g.children if c.dep_ in NESTED_CASES)
        near.extend(counted(child))
        if child.dep_.startswith(("obl", "nmod")) and time_word(child, units=False):
            # "a expulsé vendredi[obl] une centaine de migrants": the object the parser hung on the day
            near.extend(g for c in child.children if c.dep_ in ("obj", "nmod", "appos") for g in (c, *counted(c)))
        # the verb's complement clause read as a relative on its object
        near.extend(c for rel in child.children if complement_read_as_relative(rel) for c in rel.children)
    if (token.pos_ in ("NOUN", "PROPN") or reading.noun) and token.head.i != token.i:
        near.append(token.head)  # the light verb: "apporter une aide", "ouvrir le feu"
        if any(c.dep_ == "nummod" for c in token.head.children) and token.head.head.pos_ in ("VERB", "AUX"):
            near.append(token.head.head)  # the verb of an amount: "pledged 50 million dollars in aid"
    if token.dep_ in ("acl", "acl:relcl") and token.head.pos_ in ("NOUN", "PROPN"):
        near.append(token.head)  # the noun a participle describes: "les sanctions imposées par X"
        if token.head.dep_ == "nmod":
            # hung on the noun's complement: "un accord de paix[head] signé à Doha"
            near.append(token.head.head)
    elif hung_on_its_object(token):
        near.append(token.head)  # "Norway delivered[amod] tanks": the parser's object
    if token.dep_ == "xcomp" and token.head.pos_ in ("VERB", "AUX"):
        # under a modal the parser may hang the object on the modal: "des accords ont pu
        # être trouvés" ("accords" depends on "pu")
        near.extend(c for c in token.head.children if c.dep_ in MODAL_SUBJECTS)
    if reading.headline:
        near.extend(token.doc[token.i + 1 : sentence_of(token).end])  # its object, which the parse lost
    elif token.dep_ == "conj":
        taken = object_taken_before(token)
        if taken is not None:  # "et convoqué l'ambassadeur", hung on the first verb
            near.append(taken)
            near.extend(taken.children)
    reflexive = grammar_of(token)["reflexive"]
    for other in near:
        words.add(other.lemma_.lower())
        words.add(other.lower_)
        if other.text[:1].isupper() and _names_igo(lang_of(token), other.text):
            words.add(IGO_WORD)  # "se retirer de l'OTAN": an organisation, whatever its name
        if other.lower_ in reflexive and other.dep_ in ("expl:comp", "expl:pv", "obj", "iobj", "expl"):
            words.add("se")
    return words


@lru_cache(maxsize=65536)
def _names_igo(lang: str, text: str) -> bool:
    """Whether a capitalised word is the first of an international organisation's name."""
    return words_of(text)[:1] in igo_heads(lang)


on_clear(_names_igo.cache_clear)


@dataclass(frozen=True)
class _Reading:
    """How a token may be read besides its tag, found once for all its lexicon lines."""

    headline: bool  # a headline's verb tagged as a noun ("Mali expels French ambassador")
    verb: bool  # a verb tagged as a noun (that, or "a téléphoné[NOUN]")
    noun: bool  # a noun tagged as a verb ("paid tribute[VERB]")

    @classmethod
    def of(cls, token: Token) -> _Reading:
        headline = headline_verb(token)
        return cls(headline, headline or misread_participle(token), misread_object(token))


def _left_out(token: Token) -> bool:
    """Whether the words a line may forbid differ from those it may require: ``token`` has a
    coordinated verb or a "selon X" (see :func:`context_words`)."""
    according = grammar_of(token)["according_case"]
    return any((c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")) or case_of(c) in according for c in token.children)


def _fits(trigger: Trigger, token: Token, words: set[str], own: set[str], reading: _Reading) -> bool:
    """Whether ``trigger`` reads ``token``: the part of speech, a word of each required group
    among ``words``, none of the forbidden ones among ``own``."""
    allowed = _POS[trigger.pos]
    if trigger.roles == "eval" and trigger.pos == "ADJ":
        allowed = allowed | {"NOUN"}  # a quoted judgement: « lousy », tagged as a noun
    if trigger.roles == "eval" and trigger.pos == "NOUN" and _opens_quote(token):
        allowed = allowed | {"VERB", "ADJ"}  # « traître[VERB] à la patrie », « mercenaire[ADJ] »
    if trigger.pos == "VERB" and reading.verb:
        allowed = allowed | ({"NOUN", *MISREAD_VERB_POS} if reading.headline else {"NOUN"})
    elif trigger.pos == "NOUN" and reading.headline:
        return False  # "China sanctions US firms": the verb, not the noun
    if trigger.pos == "NOUN" and reading.noun:
        allowed = allowed | {"VERB"}
    if token.pos_ not in allowed or token.dep_ in _AUX_DEPS:
        return False
    if any(not (group & words) for group in trigger.requires):
        return False
    return not (trigger.forbids & own)


def _opens_quote(token: Token) -> bool:
    """The first word inside quotation marks: « traître »."""
    return token.i > 0 and token.doc[token.i - 1].text in ("«", "\"", "“")


def match_token(token: Token, lexicon: Lexicon) -> TriggerMatch | None:
    """The lexicon line ``token`` triggers, if any."""
    return _best_line(token, _candidates(token, lexicon))


def _candidates(token: Token, lexicon: Lexicon) -> tuple[Trigger, ...]:
    """The lines of :func:`lemma_keys`, found once per word and lexicon (this runs on every word)."""
    form, lemma, pos = token.lower_, token.lemma_.lower(), token.pos_
    word = (lemma, form, pos)
    found = lexicon.word_lines.get(word)
    if found is None:
        if len(lexicon.word_lines) >= WORDS_KEPT:
            lexicon.word_lines.clear()
        found = lexicon.word_lines[word] = _word_lines(lexicon, lemma, form, pos)
    lines, with_present = found
    if with_present is not None and _read_as_present(token, pos, lemma, form):
        return with_present
    return lines


def _word_lines(
    lexicon: Lexicon, lemma: str, form: str, pos: str
) -> tuple[tuple[Trigger, ...], tuple[Trigger, ...] | None]:
    """A word's lines, and its lines as a present tense (None when that adds none: the word's
    surroundings need no look then)."""
    keys = _keys(lexicon.lang, lemma, form, pos in ("NOUN", "PROPN"))
    present = _present_keys(lexicon.lang, form)
    if not present or not lexicon.lines_of(present):
        return lexicon.lines_of(keys), None
    return lexicon.lines_of(keys), lexicon.lines_of(tuple(dict.fromkeys(keys + present)))


WORDS_KEPT = 200_000  # words whose lines a lexicon keeps (a day's wire, not a year's)


def _best_line(token: Token, candidates: tuple[Trigger, ...]) -> TriggerMatch | None:
    """The most specific of the ``candidates`` lines that reads ``token``."""
    if not candidates:
        return None
    reading = _Reading.of(token)
    # (the words around are gathered only for lines that require or forbid some)
    words = context_words(token, reading) if any(t.requires or t.forbids for t in candidates) else set()
    own: set[str] | None = None  # (found only when a line forbids words, and differs)
    best: Trigger | None = None
    for trigger in candidates:
        if trigger.forbids and own is None:
            own = context_words(token, reading, required=False) if _left_out(token) else words
        if _fits(trigger, token, words, own or words, reading) and (
                best is None or trigger.specificity > best.specificity):
            best = trigger
    return TriggerMatch(token, best) if best else None


def _in_a_name(token: Token, sent: Span, title_case: Callable[[], bool]) -> bool:
    """ "l'Équipe ... Télécommunications d'Urgence et Soutien": a capitalised noun inside a
    sentence is part of a name (unless the line capitalises its words: a title)."""
    if _capitalised(token, sent, title_case):
        return True
    # (or a common word in the complement of a capitalised common noun, which begins the name of
    # a body: "les Forces de soutien rapide", "l'Organisation pour l'interdiction des armes
    # chimiques"; not of a name: "a menacé la Russie de sanctions")
    head = token.head
    return token.dep_ == "nmod" and head.i < token.i and head.pos_ == "NOUN" and token.i - head.i <= 3 \
        and _capitalised(head, sent, title_case)


def _capitalised(token: Token, sent: Span, title_case: Callable[[], bool]) -> bool:
    return (token.pos_ in ("NOUN", "PROPN") and token.text[:1].isupper() and token.i > sent.start
            and not token.doc[token.i - 1].is_punct and not title_case())


def _title_case(sent: Span) -> bool:
    """Whether most words of the sentence are capitalised (a title: capitals name nothing)."""
    words = [t for t in sent if t.is_alpha]
    return sum(t.text[:1].isupper() for t in words) * 2 > len(words)


def find_triggers(sent: Span, lexicon: Lexicon) -> list[TriggerMatch]:
    """Every trigger of a sentence, in text order."""
    found = []
    title_case = cache(partial(_title_case, sent))  # (counted only if a capital is to be judged)
    for token in sent:
        pos = token.pos_
        if (pos not in _CONTENT_POS and pos != "PRON") or len(token.text) < 3:
            continue
        candidates = _candidates(token, lexicon)  # (the cheapest test of the rest)
        if not candidates or (pos == "PRON" and not after_name_with_verb_ending(token)):
            # articles, prepositions, pronouns, punctuation never trigger (but a verb the
            # tagger read as a pronoun after a name: "L'Algérie expulse[PRON] douze agents")
            continue
        if _in_a_name(token, sent, title_case):
            continue  # names never trigger
        match = _best_line(token, candidates)
        if match is not None:
            found.append(match)
    return found


# Where ``sentence_triggers`` keeps the matches of a parsed part (``Doc.user_data``): the
# parse stage finds them to decide which parts need entities, and the coder reuses them.
_FOUND = "eventwire.triggers"


def sentence_triggers(sdoc: Doc, lexicon: Lexicon) -> list[tuple[Span, list[TriggerMatch]]]:
    """Every sentence of a parsed part with its triggers, found once per part and lexicon."""
    kept = sdoc.user_data.get(_FOUND)
    if kept is None or kept[0] is not lexicon:
        kept = (lexicon, [(sent, find_triggers(sent, lexicon)) for sent in sdoc.sents])
        sdoc.user_data[_FOUND] = kept
    return kept[1]
