"""The actor tables of one language, loaded once: countries, organisations, sectors,
function words, and the people of ``data/people.tsv``.

Entries are compared as tuples of folded words without a final plural s/x
(:func:`words_of`), so a table lists singular forms only and "Américaines"
meets "américain|américaine".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from eventwire.code.tables import load_table, on_clear
from eventwire.code.textutil import fold, fold_key
from eventwire.errors import DataFileError

WORD = re.compile(r"\w+")


def stem(word: str) -> str:
    """A folded word without its plural mark, so tables list singular forms only."""
    if len(word) > 4 and word.endswith("aux") and not word.endswith("eaux"):
        return word[:-3] + "al"  # "généraux", "tribunaux", "syndicaux" (but "bureaux")
    if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


def words_of(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in WORD.findall(fold(text)))


@dataclass(frozen=True)
class Term:
    sector: str
    priority: int
    kind: str
    abroad: bool
    where: str


@dataclass(frozen=True)
class Org:
    country: str | None
    sector: str | None
    canonical: str
    acronym: bool
    where: str
    alias: str = ""  # the name as the table writes it ("Commons")


@lru_cache(maxsize=8)
def country_tables(lang: str) -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str]]:
    names: dict[tuple[str, ...], str] = {}
    demonyms: dict[tuple[str, ...], str] = {}
    rows = load_table(f"{lang}/countries.tsv", ("iso3", "names", "demonyms"), ("iso3", "names"),
                      key="iso3", optional=True)
    for row in rows:
        for name in row.list("names"):
            names.setdefault(words_of(name), row["iso3"])
        for demonym in row.list("demonyms"):
            demonyms.setdefault(words_of(demonym), row["iso3"])
    return names, demonyms


@lru_cache(maxsize=8)
def namesakes(lang: str) -> tuple[frozenset[tuple[str, ...]], dict[str, frozenset[str]]]:
    """Names and demonyms that several countries share ("congolais": COG and COD), and for
    each country that resolution gives them (the first listed) the others that share one."""
    owners: dict[tuple[str, ...], list[str]] = {}
    rows = load_table(f"{lang}/countries.tsv", ("iso3", "names", "demonyms"), ("iso3", "names"),
                      key="iso3", optional=True)
    for row in rows:
        for word in row.list("names") + row.list("demonyms"):
            countries = owners.setdefault(words_of(word), [])
            if row["iso3"] not in countries:
                countries.append(row["iso3"])
    shared = {gram: isos for gram, isos in owners.items() if len(isos) > 1}
    others: dict[str, set[str]] = {}
    for first, *rest in shared.values():
        others.setdefault(first, set()).update(rest)
    return frozenset(shared), {iso: frozenset(alts) for iso, alts in others.items()}


@lru_cache(maxsize=8)
def org_table(lang: str) -> dict[tuple[str, ...], Org]:
    orgs: dict[tuple[str, ...], Org] = {}
    rows = load_table(f"{lang}/organisations.tsv", ("names", "country", "sector", "canonical"),
                      ("names",), key="canonical", optional=True)
    for row in rows:
        for name in row.list("names"):
            acronym = name.replace("-", "").replace(" ", "").isupper()
            orgs[words_of(name)] = Org(row["country"] or None, row["sector"] or None,
                                       row["canonical"] or name, acronym, row.where, name)
    return orgs


@lru_cache(maxsize=8)
def igo_heads(lang: str) -> frozenset[tuple[str, ...]]:
    """The folded first word of every international organisation's name ("otan", "cedeao",
    "organisation", "conseil"): what the lexicon's ``@igo`` word stands for ("se retirer de
    l'OTAN" leaves an organisation, "se retirer de Kherson" a place)."""
    return frozenset(words[:1] for words, org in org_table(lang).items() if words and org.country == "IGO")


@lru_cache(maxsize=8)
def term_table(lang: str) -> dict[tuple[str, ...], Term]:
    terms: dict[tuple[str, ...], Term] = {}
    rows = load_table(f"{lang}/sectors.tsv", ("term", "sector", "priority", "kind", "flags"),
                      ("term", "sector", "priority", "kind"), key="term", optional=True)
    for row in rows:
        try:
            priority = int(row["priority"])
        except ValueError:
            raise DataFileError(row.path, row.line, "priority must be an integer") from None
        sector = "" if row["sector"] == "-" else row["sector"]
        terms[words_of(row["term"])] = Term(sector, priority, row["kind"],
                                            "abroad" in row.list("flags"), row.where)
    return terms


@lru_cache(maxsize=1)
def people_table() -> dict[tuple[str, ...], tuple[str, str | None, str]]:
    people: dict[tuple[str, ...], tuple[str, str | None, str]] = {}
    for row in load_table("people.tsv", ("names", "country", "sector"), ("names", "country"),
                          key="names", optional=True):
        for name in row.list("names"):
            people[words_of(name)] = (row["country"], row["sector"] or None, row.where)
    return people


@lru_cache(maxsize=8)
def actor_words(lang: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in load_table(f"{lang}/actor_words.tsv", ("word", "kind", "value"), ("word", "kind"),
                          optional=True):
        out.setdefault(row["kind"], {})[stem(fold_key(row["word"]) or row["word"])] = row["value"]
    return out


def longest_grams(*tables: Mapping[tuple[str, ...], object]) -> dict[str, int]:
    """First word of each entry of ``tables`` -> the most words an entry starting with it has."""
    out: dict[str, int] = {}
    for table in tables:
        for gram in table:
            if gram and len(gram) > out.get(gram[0], 0):
                out[gram[0]] = len(gram)
    return out


@lru_cache(maxsize=1)
def sovereigns() -> dict[str, str]:
    """The state that governs each dependent territory (``territories.tsv``): GUF -> FRA."""
    rows = load_table("territories.tsv", ("territory", "sovereign"), ("territory", "sovereign"),
                      key="territory", optional=True)
    return {row["territory"]: row["sovereign"] for row in rows}


def clear_caches() -> None:
    """Forget loaded actor tables (after changing ``EVENTWIRE_DATA``)."""
    for cached in (country_tables, namesakes, org_table, igo_heads, term_table, people_table, actor_words,
                   sovereigns):
        cached.cache_clear()


on_clear(clear_caches)
