"""Where: an embedded gazetteer of countries, regions and cities.

Sources (all data files, see their first lines): ``data/<lang>/countries.tsv``
and pycountry's names (countries), ``data/regions.tsv`` (ISO 3166-2 first-level
units), ``data/cities.tsv`` (GeoNames cities of 15,000+ people, 5,000+ in
French-speaking countries, with the alternate names French or English use), ``data/<lang>/places.tsv`` (exonyms and hand additions) and
``data/<lang>/place_words.tsv`` (prepositions, "province de", stoplist).

Matching folds case and diacritics (Hanoï = Hanoi = Hà Nội), but a place is
only taken where the text writes it with a capital (or as the hand table
writes it: "mer de Chine méridionale"). Homonyms are settled by kind and size:
countries, then capitals, then big cities, regions, small towns. A small town,
an ISO subdivision or a name that is also a common word must follow a place
preposition ("à", "de", "dans la province de"), so "Selon" or "Nice" at the
start of a sentence are not places. So must a one-word name that is also a
common word of the language (wordfreq), and a preposition carries over "et"
("à Cayenne et Kourou"). Never places: parts of hyphenated compounds
("Vietnam-Russie", "Ban Ki-moon"), a town's name before or after another
capitalised word (people's names: "Vladimir Nikolaevich", "Nguyen Minh Tam"),
and the names of ``data/people.tsv``. Among namesakes, towns of the language's
home countries (``place_words.tsv``) count ten times their size ("Bayeux").

The language-neutral index (cities, regions, pycountry) is built once per
process and shared by the languages (about a second: the cities file is
folded in one call).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

import pycountry

from eventwire.code.tables import load_records, load_table, user_dir
from eventwire.code.textutil import fold, fold_key
from eventwire.errors import DataFileError
from eventwire.event import Place

KINDS = ("country", "region", "city")
MAX_TOKENS = 6
BESIDE_CHARS = 30  # how far after a place the country it is said to be in may be named
FIND_CACHE = 4096  # texts whose places are kept (a part, then its sentences, are asked again)
# A town smaller than this must follow a place preposition.
FREE_POPULATION = 100_000
BIG_CITY = 1_000_000
MID_CITY = 50_000
HOME_WEIGHT = 10  # a town this big outranks a foreign ISO subdivision of the same name
# Zipf frequencies above which a one-word name is taken for a common word (see _word_like).
COMMON_ALTERNATE = 3.0
COMMON_NAME = 4.5
TOKEN = re.compile(r"\w+", re.UNICODE)
JOINERS = {" ", "-", "'", "’", "‑"}
_KEY_CUT = str.maketrans({"-": " ", "'": " ", ".": " "})  # as textutil.fold_key cuts
SHAPE_SPLIT = re.compile(r"[\s\-'’‑]+")


class Candidate(NamedTuple):
    """One entry of the gazetteer (a tuple: tens of thousands are built at load)."""

    name: str  # canonical name of the entry
    country: str | None
    kind: str
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital: bool = False
    hand: bool = False  # from the hand-written table: trusted without a preposition
    where: str = ""


@dataclass
class PlaceMention:
    """A place name in a text. ``context``: what precedes it, "prep" ("à", "de",
    "dans"), "region_noun" ("la province de"), "city_noun" ("la ville de") or ""."""

    start: int
    end: int
    place: Place
    kind: str
    why: str = ""
    context: str = ""


class Gazetteer:
    """Folded name -> candidates, built once per language (see :meth:`load`)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.index: dict[str, list[Candidate]] = {}
        self.words: dict[str, set[str]] = {}
        self._lower_starts: set[str] = set()
        # Multi-word names as the tables write them, to compare capitalisation:
        # "La réunion" is not "La Réunion", "Corée du sud" still is "Corée du Sud".
        self._written: dict[str, list[str]] = {}
        self.cities: dict[tuple[str, str], Candidate] = {}  # (folded name, ISO3) -> city
        self.home: frozenset[str] = frozenset()  # countries whose towns win ties (place_words)
        self.people: set[str] = set()  # folded names of people.tsv: never places
        # first word of each name -> most words a name starting with it has
        self.first_words: dict[str, int] = {}
        self._found: dict[str, list[PlaceMention]] = {}

    @classmethod
    def load(cls, lang: str = "fr") -> Gazetteer:
        """The gazetteer of ``lang`` (cached: the index is built once per process)."""
        return _load(lang, str(user_dir()))

    # --- building ------------------------------------------------------------

    def _add(self, name: str, cand: Candidate, key: str | None = None) -> None:
        # Never mutate a bucket in place: language gazetteers share the neutral one's.
        key = fold_key(name) if key is None else key
        if not key:
            return
        bucket = self.index.get(key)
        if bucket is None:
            self.index[key] = [cand]
        elif all(c is not cand for c in bucket):
            self.index[key] = [*bucket, cand]
        if name[:1].islower():
            self._lower_starts.add(key.split()[0])
        if " " in key:
            self._written[key] = [*self._written.get(key, ()), name]

    def _build_neutral(self) -> None:
        """Cities, regions and pycountry's names: the part every language shares."""
        index, written, lower = self.index, self._written, self._lower_starts
        # the whole file is folded in one call; a key is then its folded cell, cut as fold_key cuts
        for path, line, cells, fcells in load_records(
            "cities.tsv", ("geonameid", "name", "country", "lat", "lon", "population", "capital"),
            fold,
        ):
            _gid, name, country, lat, lon, pop, capital, alts = cells[:8]
            cand = Candidate(name, country, "city", float(lat), float(lon), int(pop or 0),
                             capital == "1", False, f"{path}:{line}")
            names = [name, *alts.split("|")] if alts else [name]
            fnames = [fcells[1], *fcells[7].split("|")] if alts else [fcells[1]]
            if len(fnames) != len(names):
                raise DataFileError(path, line, "folding changed the alternates' list")
            folded = [" ".join(f.translate(_KEY_CUT).split()) for f in fnames]
            self.cities.setdefault((folded[0], country), cand)
            for key, written_name in zip(folded, names, strict=True):
                bucket = index.get(key)
                if bucket is None:
                    index[key] = [cand]
                elif bucket[-1] is not cand:
                    index[key] = [*bucket, cand]
                if " " in key:
                    written.setdefault(key, []).append(written_name)
                if written_name[:1].islower():
                    lower.add(key.split()[0])
        for path, line, cells, _ in load_records("regions.tsv", ("code", "name", "country")):
            region_key = cells[4] if len(cells) > 4 and cells[4] else None
            self._add(cells[1], Candidate(cells[1], cells[2], "region", where=f"{path}:{line}"),
                      region_key)
        for entry in pycountry.countries:  # English and official names, any language's text
            for attr in ("name", "common_name", "official_name"):
                name_: str | None = getattr(entry, attr, None)
                if name_ and "," not in name_:
                    self._add(name_, Candidate(entry.name, entry.alpha_3, "country",
                                               where="pycountry"))
        self.first_words = _first_words(self.index)

    def _build(self, base: Gazetteer) -> None:
        """This language's words, country names and exonyms over the shared index."""
        self.index = dict(base.index)
        self._written = dict(base._written)
        self._lower_starts = set(base._lower_starts)
        self.cities = base.cities
        for row in load_table(
            f"{self.lang}/place_words.tsv", ("word", "kind"), ("word", "kind"), optional=True
        ):
            self.words.setdefault(row["kind"], set()).add(fold(row["word"]).replace("’", "'"))
        self.home = frozenset(w.upper() for w in self.words.get("home", ()))
        for row in load_table("people.tsv", ("names", "country", "sector"), ("names",),
                              key="names", optional=True):
            self.people.update(fold_key(name) for name in row.list("names"))
        before = set(self.index)
        self._countries()
        self._hand(self.cities)
        self.first_words = dict(base.first_words)
        for key, longest in _first_words({k: [] for k in self.index if k not in before}).items():
            self.first_words[key] = max(longest, self.first_words.get(key, 0))
        _zipf("paris", self.lang)  # loads the word frequencies now, not in the first document

    def _countries(self) -> None:
        for row in load_table(
            f"{self.lang}/countries.tsv", ("iso3", "names"), ("iso3", "names"), optional=True
        ):
            for name in row.list("names"):
                self._add(name, Candidate(row.list("names")[0], row["iso3"], "country", where=row.where))

    def _hand(self, cities: dict[tuple[str, str], Candidate]) -> None:
        for row in load_table(
            f"{self.lang}/places.tsv", ("name", "country", "kind", "target", "lat", "lon"),
            ("name", "kind"), optional=True,
        ):
            country = row["country"] or None
            target = cities.get((fold_key(row["target"]), row["country"])) if row["target"] else None
            if target is not None:
                cand = Candidate(target.name, country, row["kind"], target.lat, target.lon,
                                 target.population, target.capital, True, row.where)
            else:
                lat, lon = row["lat"], row["lon"]
                cand = Candidate(row["name"], country, row["kind"],
                                 float(lat) if lat else None, float(lon) if lon else None,
                                 0, False, True, row.where)
            self._add(row["name"], cand)

    # --- using ---------------------------------------------------------------

    def compound_names(self) -> list[str]:
        """Hyphenated names of countries, capitals, regions and hand-listed places, as written
        ("Royaume-Uni", "Bosnie-Herzégovine", "Addis-Abeba"): one token each for the parser."""
        found: set[str] = set()
        for key, names in self._written.items():
            if not any(c.kind in ("country", "region") or c.hand or (c.kind == "city" and c.capital)
                       for c in self.index.get(key, ())):
                continue
            found.update(n for n in names if "-" in n and " " not in n and n[:1].isupper())
        return sorted(found)

    def lookup(self, name: str) -> Place | None:
        """The best entry for ``name`` (any case), as a Place named as given."""
        cands = self.index.get(fold_key(name))
        if not cands:
            return None
        best = max(cands, key=lambda c: _rank(c, None, self.home))
        return Place(name.strip(), best.country, best.lat, best.lon)

    def notable(self, name: str) -> Place | None:
        """Like :meth:`lookup`, but only a place known without context: a country, a
        capital, a hand-listed place or a town of 100,000+ (for weak evidence)."""
        key = fold_key(name)
        cands = [c for c in _own_names_first(key, self.index.get(key, ())) if not _needs_prep(c)]
        if not cands:
            return None
        best = max(cands, key=lambda c: _rank(c, None, self.home))
        return Place(name.strip(), best.country, best.lat, best.lon)

    def candidates(self, name: str) -> list[Candidate]:
        return list(self.index.get(fold_key(name), ()))

    def capital_of(self, name: str) -> str | None:
        """The country whose capital ``name`` is (Moscou -> RUS), else None. A capital's
        alternate name that is a bigger city's own name is that city's ("Delhi" is also
        written for Dili)."""
        key = fold_key(name)
        for cand in _own_names_first(key, self.index.get(key, ())):
            if cand.kind == "city" and cand.capital:
                return cand.country
        return None

    def country_of(self, name: str) -> str | None:
        """The country ``name`` names (its country entry first), else None."""
        cands = self.index.get(fold_key(name), ())
        for cand in cands:
            if cand.kind == "country":
                return cand.country
        return None

    def find(self, text: str) -> list[PlaceMention]:
        """Place names in ``text``, longest first at each position, in text order."""
        cached = self._found.get(text)
        if cached is None:
            cached = self._find(text)
            if len(self._found) >= FIND_CACHE:
                self._found.clear()
            self._found[text] = cached
        return [replace(m, place=replace(m.place)) for m in cached]

    def _find(self, text: str) -> list[PlaceMention]:
        folded = fold(text)  # one character for one: token offsets hold in both
        tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
        keys = [folded[s:e] for s, e in tokens]
        found: list[PlaceMention] = []
        i = 0
        while i < len(tokens):
            # Most tokens start no name: one dict lookup settles them (and a name in lower case
            # starts only with a word that may: "la Paz" is no place).
            if keys[i] not in self.first_words or not (
                    text[tokens[i][0]].isupper() or keys[i] in self._lower_starts):
                i += 1
                continue
            inherited = ""
            if found:  # "à Cayenne et Saint-Laurent-du-Maroni": the preposition carries over
                gap = folded[found[-1].end : tokens[i][0]].strip()
                if gap in self.words.get("coordination", set()) or gap == ",":
                    inherited = found[-1].context
            match = self._match_at(text, tokens, keys, i, inherited)
            if match is None:
                i += 1
                continue
            n, cand, context = match
            start, end = tokens[i][0], tokens[i + n - 1][1]
            place = Place(text[start:end], cand.country, cand.lat, cand.lon)
            found.append(PlaceMention(start, end, place, cand.kind, cand.where, context))
            i += n
        return self._in_named_countries(found)

    def _in_named_countries(self, found: list[PlaceMention]) -> list[PlaceMention]:
        """A name that several countries have, of the country named right after it: "la région
        des Savanes, au nord du Togo" is Togo's, not Côte d'Ivoire's (not of any country the
        text names: "Minsk" stays Belarus's in a story about Poland)."""
        named = {m.place.country for m in found if m.kind == "country" and m.place.country}
        out = list(found)
        for i, mention in enumerate(found[:-1]):
            after = found[i + 1]
            if mention.kind == "country" or after.kind != "country" or mention.place.country in named \
                    or after.start - mention.end > BESIDE_CHARS:
                continue
            others = [c for c in self.index.get(fold_key(mention.place.name), ())
                      if c.country == after.place.country and c.kind != "country"]
            if others:
                cand = others[0]
                place = Place(mention.place.name, cand.country, cand.lat, cand.lon)
                out[i] = replace(mention, place=place, kind=cand.kind, why=cand.where)
        return out

    def _match_at(
        self, text: str, tokens: list[tuple[int, int]], keys: list[str], i: int,
        inherited: str = "",
    ) -> tuple[int, Candidate, str] | None:
        first = text[tokens[i][0] : tokens[i][1]]
        lower_ok = keys[i] in self._lower_starts
        if not (first[:1].isupper() or lower_ok):
            return None
        start = tokens[i][0]
        if start > 0 and text[start - 1] in "-‑" and start > 1 and text[start - 2].isalnum():
            return None  # inside a compound: "Vietnam-Russie", "Saint-Laurent-du-Maroni"
        tail_of_name = i > 0 and text[tokens[i - 1][1] : start] == " " and (
            text[tokens[i - 1][0]].isupper() and not _sentence_start(text, tokens[i - 1][0]))
        context: str | None = None  # (found once a name matches: most capitalised words are none)
        longest = min(MAX_TOKENS, self.first_words[keys[i]], len(tokens) - i)
        joined = 1  # how many tokens from ``i`` on are joined by spaces, hyphens, apostrophes
        while joined < longest and text[tokens[i + joined - 1][1] : tokens[i + joined][0]] in JOINERS:
            joined += 1
        for n in range(joined, 0, -1):
            written = text[tokens[i][0] : tokens[i + n - 1][1]]
            key = " ".join(keys[i : i + n])
            if "'" in key or "-" in key:  # a letter that folds to a joiner ("ʼ")
                key = fold_key(written)
            cands = self.index.get(key)
            if not cands:
                continue
            if n > 1 and not written.isupper() and _shape(written) not in {
                _shape(name) for name in self._written.get(key, ())
            }:
                continue
            if not written[:1].isupper():
                cands = [c for c in cands if c.hand and c.name[:1].islower()]
            end = tokens[i + n - 1][1]
            if end < len(text) - 1 and text[end] in "-‑" and text[end + 1].isalnum():
                continue  # the first part of a compound: "Ban Ki-moon", "Vietnam-Russie"
            if tail_of_name:  # "Nguyen Minh Tam", "Dang Minh Khoi": the end of a person's name
                cands = [c for c in cands if c.kind == "country"]
            after = tokens[i + n][0] if i + n < len(tokens) else len(text)
            next_word = text[after : after + 2] if text[end:after] == " " else ""
            if context is None:
                context = self._context(text, tokens, i) or inherited
            best = self._choose(written, n, _own_names_first(key, cands), context, next_word)
            if best is not None:
                return n, best, context
        return None

    def _context(self, text: str, tokens: list[tuple[int, int]], i: int) -> str:
        """What precedes token ``i``: "noun" (province de), "prep" (à, de), or ""."""
        before = fold(text[max(0, tokens[i][0] - 40) : tokens[i][0]]).replace("’", "'")
        words = re.findall(r"[\w']+'?|\S", before)
        if not words:
            return ""
        last = words[-1]
        if last.endswith("'"):
            last = last.rsplit("'", 1)[0].split("'")[-1] + "'"
        preps = self.words.get("preposition", set())
        if last in preps or " ".join(words[-2:]) in preps:
            noun = words[-2] if len(words) >= 2 else ""
            if noun in self.words.get("region_noun", set()):
                return "region_noun"
            if noun in self.words.get("city_noun", set()):
                return "city_noun"
            return "prep"
        return ""

    def _choose(
        self, written: str, n: int, cands: list[Candidate], context: str, next_word: str = ""
    ) -> Candidate | None:
        folded = fold(written)
        if n == 1 and folded in self.words.get("stop", set()):
            return None
        if fold_key(written) in self.people:  # "la politique d'Obama"
            return None
        needs_prep = n == 1 and folded in self.words.get("needs_preposition", set())
        has_prep = context != ""
        allowed = [
            c for c in cands
            if has_prep or not (needs_prep or _needs_prep(c) or self._word_like(written, n, c))
        ]
        if n == 1 and next_word[:1].isupper():
            # "Vladimir Nikolaevich", "Florence Parly": a town's name before another
            # capitalised word is a first name, unless it is a country ("Russie Unie" aside)
            allowed = [c for c in allowed if c.kind == "country"]
        if not allowed:
            return None
        return max(allowed, key=lambda c: _rank(c, context, self.home))

    def _word_like(self, written: str, n: int, cand: Candidate) -> bool:
        """A one-word name that is also a common word of the language needs a preposition.

        GeoNames alternates ("Seul" for Seoul, "Sam" for Damascus) count from a low
        frequency, a town's own name ("Tours", "Nice", "Lyon") from a high one;
        countries, capitals' own names and hand-listed exonyms never.
        """
        if n != 1 or cand.kind == "country" or cand.hand:
            return False
        own_name = fold_key(written) == fold_key(cand.name)
        if own_name and cand.capital:
            return False
        return _zipf(fold(written), self.lang) >= (COMMON_NAME if own_name else COMMON_ALTERNATE)


def _own_names_first(key: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` without the capitals that only an alternate name matches when a bigger
    city bears that name as its own ("Delhi", an alternate of Dili, is Delhi)."""
    own = [c.population for c in cands if c.kind == "city" and fold_key(c.name) == key]
    biggest = max(own, default=0)
    return [c for c in cands if not (c.capital and fold_key(c.name) != key and c.population < biggest)]


def _first_words(index: dict[str, list[Candidate]]) -> dict[str, int]:
    """First token of each key -> the most tokens a key starting with it has."""
    out: dict[str, int] = {}
    for key in index:
        words = TOKEN.findall(key)
        if words and len(words) > out.get(words[0], 0):
            out[words[0]] = len(words)
    return out


def _sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` begins a sentence or a line (a capital there proves nothing)."""
    before = text[:pos].rstrip(" ")
    return not before or before[-1] in ".!?\n:«\"(—–-•"


@lru_cache(maxsize=65536)
def _zipf(word: str, lang: str) -> float:
    """How common ``word`` is in ``lang`` (wordfreq's Zipf scale; 0 if unknown)."""
    try:
        from wordfreq import zipf_frequency

        return float(zipf_frequency(word, lang))
    except (ImportError, LookupError, ValueError):
        return 0.0


def _shape(name: str) -> tuple[bool, ...]:
    """Which words of a name are capitalised, short function words ignored."""
    return tuple(w[:1].isupper() for w in SHAPE_SPLIT.split(name) if len(w) > 3)


def _needs_prep(cand: Candidate) -> bool:
    if cand.kind == "country" or cand.hand:
        return False
    if cand.kind == "region":
        return True
    return not cand.capital and cand.population < FREE_POPULATION


def _rank(cand: Candidate, context: str | None,
          home: frozenset[str] = frozenset()) -> tuple[float, int]:
    """Countries, then capitals, big cities, regions, towns; a town of the language's
    own countries counts as ten times bigger than a namesake abroad ("Bayeux")."""
    size = cand.population * (HOME_WEIGHT if cand.country in home else 1)
    if cand.kind == "country":
        score = 5.0
    elif context == "region_noun" and cand.kind == "region":
        score = 4.5
    elif context == "city_noun" and cand.kind == "city":
        score = 4.5
    elif cand.kind == "city" and cand.capital:
        score = 4.0
    elif cand.kind == "city" and size >= BIG_CITY:
        score = 3.0
    elif cand.kind == "region":
        score = 2.6 if cand.hand else 2.0
    elif cand.hand:
        score = 2.5
    else:
        score = 2.2 if size >= MID_CITY else 1.0
    return score, size


@lru_cache(maxsize=2)
def _neutral(user: str) -> Gazetteer:
    base = Gazetteer("")
    base._build_neutral()
    return base


@lru_cache(maxsize=4)
def _load(lang: str, user: str) -> Gazetteer:
    gazetteer = Gazetteer(lang)
    gazetteer._build(_neutral(user))
    return gazetteer
