"""The function words a language's coding rules read: ``data/<lang>/grammar.tsv``.

The coder's rules are the same for every language: a recipient hangs on a
preposition of aim, a speech verb makes its subject the actor of the reported
clause, "les deux parties" / "the two sides" is both sides. What differs is the
words, so they are data: each row of ``grammar.tsv`` puts a word (or phrase) in
a kind the rules ask for, and a rule reads ``grammar_of(token)["speech_verb"]``.
The parse says which language a token is in (``Doc.lang_``), so no function
needs a language argument.

Kinds whose rows carry a ``value`` (suffix rewrites of the lemma fallbacks) are
read in file order with :meth:`Grammar.pairs`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from eventwire.code.tables import kind_rows, on_clear

# The kinds every rule may ask for; a kind a language leaves empty matches nothing.
KINDS = frozenset(
    {
        "recipient_case", "partner_case", "aimed_case", "against_case", "according_case",
        "destination_case", "source_case", "agent_case", "bare_passive_dep",
        "dative_case", "place_case", "finite_tag", "subordinator", "genitive",
        "case_word", "speech_verb", "stance_verb", "naming_verb", "copular_verb", "first_person",
        "document_noun", "relative", "locative_before", "plural_pronoun", "not_anaphoric",
        "impersonal", "electing", "later", "that_time", "pronoun", "reciprocal_det", "reciprocal_number",
        "reciprocal_both", "reciprocal_noun", "reciprocal_article", "reciprocal_group", "demonstrative", "gerund_mark",
        "definite", "indefinite", "measure_noun", "occasion_case", "mission_noun", "manner_noun", "victim_noun",
        "state_noun",
        "country_noun", "long_unit", "inverted_clitic", "reflexive",
        "participle_suffix", "present_suffix", "between_case", "active_with_be", "instrument",
        "clause_pronoun", "latter", "perfect_aux", "order_verb", "war_noun", "approximate_case",
        "elided", "seat_noun", "body_pronoun", "headline_verb_ending", "infinitive_stem",
        "region_noun", "purpose_mark", "beneficiary_case", "undergo_noun", "object_control", "dative_control",
        "member_marker", "quantity_noun", "topic_case", "stance_case",
        "compass_word", "compass_link", "sequence_case",
        "state_case", "target_verb", "belief_case",
        "duration_unit", "host_verb", "side_count", "same_act", "disaster_noun", "vote_noun", "threat_verb", "restating_verb", "restating_subject", "cause_case", "office_participle", "winning", "concession_case", "power_noun",
        "first_person_possessive", "facing_case", "poll_noun", "denial_verb",
        "pledge_verb", "sequence_noun", "broker_verb", "site_noun",
        "topic_verb", "office_adjective", "purpose_case", "levy_case", "levy_verb",
        "mediator_noun", "quote_mark", "participle_ending",
        "attribution_verb", "detached_participle_ending", "noting_verb", "preposition_noun", "preposition_head", "city_case", "holder_noun",
        "release_noun", "report_verb", "ally_noun", "captive_noun",
    }
)


@dataclass(frozen=True)
class Grammar:
    """The words of each kind for one language (lower case)."""

    lang: str
    words: Mapping[str, frozenset[str]]
    ordered: Mapping[str, tuple[tuple[str, str], ...]]

    def __getitem__(self, kind: str) -> frozenset[str]:
        if kind not in KINDS:
            raise KeyError(f"unknown grammar kind {kind!r}")
        return self.words.get(kind, frozenset())

    def pairs(self, kind: str) -> tuple[tuple[str, str], ...]:
        """(word, value) rows of ``kind`` in file order: suffix rewrites, longest first."""
        if kind not in KINDS:
            raise KeyError(f"unknown grammar kind {kind!r}")
        return self.ordered.get(kind, ())

    def endings(self, kind: str) -> tuple[str, ...]:
        """The words of ``kind`` as a tuple, for ``str.endswith`` on every word of a text."""
        return tuple(word for word, _ in self.pairs(kind))


@lru_cache(maxsize=16)
def grammar(lang: str) -> Grammar:
    """The grammar words of ``lang`` (packaged rows plus the user's ``$EVENTWIRE_DATA``);
    read once, forgotten by ``tables.clear_cache``."""
    words: dict[str, set[str]] = {}
    ordered: dict[str, list[tuple[str, str]]] = {}
    for row in kind_rows(f"{lang}/grammar.tsv", KINDS):
        word = row["word"].lower()
        words.setdefault(row["kind"], set()).add(word)
        ordered.setdefault(row["kind"], []).append((word, row["value"]))
    return Grammar(
        lang,
        {kind: frozenset(found) for kind, found in words.items()},
        {kind: tuple(rows) for kind, rows in ordered.items()},
    )


def lang_of(item: Token | Span) -> str:
    """The language ``item`` was parsed in (``Doc.lang_``, which spaCy finds anew each time:
    kept per vocabulary, as every word of a text asks)."""
    vocab = item.doc.vocab
    lang = _LANGS.get(vocab)
    if lang is None:
        lang = _LANGS[vocab] = vocab.lang
    return lang


_LANGS: dict[Vocab, str] = {}


def grammar_of(item: Token | Span) -> Grammar:
    """The grammar of the language ``item`` was parsed in."""
    return grammar(lang_of(item))


on_clear(grammar.cache_clear)
on_clear(_LANGS.clear)
