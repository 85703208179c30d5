"""Who: resolving a noun phrase to an actor (country, PLOVER sector, name).

``ActorResolver(lang).resolve(span)`` reads one noun phrase of the parse
("le vice-ministre vietnamien de la Défense, le général Be Xuân Truong",
"la police turque", "l'Union européenne", "Moscou") against data tables:

- ``data/<lang>/countries.tsv``: country names and demonyms (any gender and
  number: words are compared folded and without a final plural s/x);
- ``data/<lang>/organisations.tsv``: IGOs, seats of power used as metonyms
  ("le Kremlin", "la Maison-Blanche"), armed groups, companies, media;
- ``data/<lang>/sectors.tsv``: titles, institutions and groups -> sector;
- the gazetteer: a capital stands for its country ("Moscou a dénoncé"), a town
  or region gives an organisation its country ("le tribunal de Séoul");
- ``data/<lang>/actor_words.tsv``: locative prepositions, "homologue", articles.

spaCy's entity labels (PER, ORG) only help to find the name; countries and
sectors always come from the tables. A country after a locative preposition
("ambassadeur de Russie à Washington") says where someone is, not whose he is,
and is used only when nothing else gives a country: for an office ("le président
du Conseil ... en Israël"), never for diplomats, troops or a trip ("en visite au
Japon"). A place that names an agreement or meeting ("l'accord de Paris", "le
sommet de Moscou": ``named_event`` words) gives no country at all.

``DocumentActors`` keeps the actors of one document so that a surname alone,
a spelling without diacritics, "son homologue russe" or "le général
vietnamien" resolve to the full actor seen before, with one ``actor_id``; so do
a glued spelling ("VladimirNikolaevich") and a bare surname the parser missed.

``story_country(actors)``: the country most of a document's actors belong to, for
phrases that mean the story's country without naming it ("la police", "le
gouvernement"). "Les autorités du pays", "le premier ministre de l'île" get it here
(``home_place`` words): from ``DocumentActors.story`` when the coder sets it, else
from ``story_country``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from eventwire.code.actor_tables import (
    WORD,
    actor_words,
    country_tables,
    longest_grams,
    namesakes,
    org_table,
    people_table,
    stem,
    term_table,
)
from eventwire.code.grammar import grammar, grammar_of
from eventwire.code.names import Hit, Word, person_name, proper
from eventwire.code.phrases import adjective_read_as_clause, case_of, office_participle
from eventwire.code.places import Gazetteer
from eventwire.code.repairs import misread_name
from eventwire.code.spans import (
    apposed_sibling,
    coordinated,
    first_token,
    inside_person,
    phrase_text,
)
from eventwire.code.tables import on_clear
from eventwire.code.textutil import fold, fold_key
from eventwire.event import Entity

MAX_WORDS = 10
# Dependencies whose subtree is a clause about the phrase, not part of its identity:
# "les rebelles soutenus par la Turquie" are not Turkish.
CLAUSE_DEPS = {"acl", "acl:relcl", "relcl", "advcl", "ccomp", "xcomp", "parataxis"}
# Coordination is cut only at the top ("X et Y" are two actors), but
# "le Parti communiste de Bohême et de Moravie" is one.
PRONOUN_POS = {"PRON"}


@dataclass
class Analysis:
    """What the phrase says, before document memory is consulted."""

    entity: Entity
    person: tuple[str, ...] = ()  # folded words of a person's name
    head: str = ""  # stemmed folded head word
    titles: set[str] = field(default_factory=set)
    definite: bool = False
    counterpart: bool = False
    demonym_country: str | None = None
    evidence: list[str] = field(default_factory=list)
    home_place: str = ""  # "l'île", "la province", "du pays": the story's place, named before


class ActorResolver:
    """Resolves noun phrases of one language; load once, use for every document."""

    def __init__(self, lang: str = "fr") -> None:
        self.lang = lang
        self.gazetteer = Gazetteer.load(lang)
        self.countries, self.demonyms = country_tables(lang)
        self.shared_names, self.namesakes = namesakes(lang)
        self.orgs = org_table(lang)
        self.terms = term_table(lang)
        self.words = actor_words(lang)
        self.people = people_table()
        # first word of each table entry -> its most words: most words start no entry
        self.longest = longest_grams(self.countries, self.demonyms, self.orgs, self.terms)

    # ------------------------------------------------------------ public

    def resolve(self, span: Span) -> Entity | None:
        """The actor a noun phrase names, or None when it names none."""
        analysis = self.analyse(span)
        return analysis.entity if analysis is not None else None

    def demonym_compound(self, text: str) -> set[str]:
        """The countries of a compound of demonyms ("russo-biélorusses", "Turkish-Libyan"), each
        part one, the first ones maybe a combining form ("russo", ``combining_form``, a country
        only here); none for names ("la coopération Vietnam-Russie" pairs them otherwise)."""
        *firsts, last = [stem(fold_key(p)) for p in text.split("-")]
        combining = self.words.get("combining_form", {})
        found = [combining.get(p) or self.demonyms.get((p,)) for p in firsts] + [self.demonyms.get(tuple(last.split()))]
        return set() if not firsts or None in found else {c for c in found if c}

    def mentions_country(self, text: str, shared: bool = True) -> set[str]:
        """Countries a text names by name, demonym or metonym (cheap, no parse); with
        ``shared`` False, only by words no other country shares ("RDC", not "congolais")."""
        return {country for _, country in self.countries_named(text, shared)}

    def countries_named(self, text: str, shared: bool = True, nationalities: bool = True) -> list[tuple[int, str]]:
        """(offset, country) of each name, demonym or metonym of a country in ``text``, in
        text order: "L'Italie a livré des vedettes aux garde-côtes libyens" names Libya last.
        ``nationalities`` False leaves out a person's ("l'Algérienne Maya Sahli-Fadel")."""
        folded = fold(text)  # (one character for one: offsets hold)
        spans = [m.span() for m in WORD.finditer(folded)]
        keys = [stem(folded[a:b]) for a, b in spans]
        found: list[tuple[int, str]] = []
        i = 0
        while i < len(keys):
            if self._bloc_at(keys, i) == 2:
                i += 2  # ("latino-américains": of no one country)
                continue
            for n in range(min(MAX_WORDS, self.longest.get(keys[i], 0), len(keys) - i), 0, -1):
                gram = tuple(keys[i : i + n])
                if (not shared and gram in self.shared_names) or (n > 1 and "," in folded[spans[i][0] : spans[i + n - 1][1]]):
                    continue  # (nor two demonyms of a list: "Greek, Cypriot" is no "Greek Cypriot")
                country = self.countries.get(gram) if text[spans[i][0]].isupper() else None
                country = country or self.demonyms.get(gram)  # "us" is no country, "US" is
                org = self.orgs.get(gram)
                if org is not None and not org.acronym and org.country not in (None, "IGO"):
                    country = org.country
                if country and (nationalities or not self._nationality(text, spans, i, n, gram)):
                    found.append((spans[i][0], country))
                    i += n - 1
                    break
            i += 1
        return found

    def _nationality(self, text: str, spans: list[tuple[int, int]], i: int, n: int, gram: tuple[str, ...]) -> bool:
        """A capitalised demonym before a name says a person's nationality ("l'Algérienne Maya
        Sahli-Fadel", "the Colombian Pablo de Greiff"), not a country the story turns to."""
        after = spans[i + n][0] if i + n < len(spans) else None
        return gram in self.demonyms and gram not in self.countries and text[spans[i][0]].isupper() \
            and after is not None and text[after].isupper()

    # ------------------------------------------------------------ analysis

    def analyse(self, span: Span) -> Analysis | None:
        if span.root.pos_ in PRONOUN_POS and len(span) <= 2 and not self._named(span.root):
            return None
        words = self._words(span)
        if not words:
            return None
        sibling = apposed_sibling(span)
        if sibling is not None:  # "Le chef du Département ..., le général Luong Cuong"
            words = self._words(sibling) + words
        hits = self._scan(words)
        country, country_why = self._country(words, hits, span)
        union = self._union_of_policy(words) if country is None else None
        if union is not None:  # "des sanctions européennes": the European Union's
            country, country_why = "IGO", f"union adjective: {union}"
        sector, sector_why, titles = self._sector(hits, country, span, words)
        name, person = self._name(span, words, hits)
        head = stem(fold_key(span.root.text).replace(" ", "-"))
        definite = any(w.key in self.words.get("definite", {}) for w in words[:2])
        counterpart = any(w.key in self.words.get("counterpart", {}) for w in words)
        demonym = next((h.country for h in hits if h.kind == "demonym"), None)
        if not person and country is None:
            # "Obama a réagi": a well-known name the parse did not tag as a person
            name, person = self._people_name(words, hits) or (name, person)
        if country is None and sector is None and name is None and not counterpart:
            return None
        if country is None:
            sender = self._sender(span, words)
            if sender is not None:  # "émissaire envoyé par le Conseil de sécurité"
                country, country_why = sender.country, f"sent by {sender.kind}: {sender.written}"
        if person and (country is None or sector is None):
            known = self.people.get(tuple(stem(w) for w in person))
            if known is not None:  # a well-known office holder named without his title
                country, sector = country or known[0], sector or known[1]
                country_why = country_why or f"people: {known[2]}"
        if country is None:
            country, country_why = self._where_posted(words, hits)
        if union is not None and name is None:
            name = union
        if country is None and union is None and self._of_a_bloc(words):
            # "les dirigeants européens", "les pays occidentaux": of several countries, none of
            # which is the story's (no sector, so that none is given them)
            sector, sector_why = None, "bloc adjective: of no one country"
            name = name or " ".join(t.text for t in span if not t.is_punct and t.pos_ != "DET")
        entity = Entity(country=country, sector=sector, name=name)
        home_place = self._home_place(words) if country is None else ""
        return Analysis(entity, person, head, titles, definite, counterpart, demonym,
                        [w for w in (country_why, sector_why) if w], home_place)

    def _of_a_bloc(self, words: list[Word]) -> bool:
        return any(self._bloc_at([w.key for w in words], i) for i in range(len(words)))

    def _bloc_at(self, keys: list[str], i: int) -> int:
        """How many words from ``i`` on make a bloc adjective ("occidentaux", "latino-
        américains": two words, whose second is no demonym of its own there); 0 if none."""
        blocs = self.words.get("bloc_adjective", {})
        if i + 1 < len(keys) and f"{keys[i]} {keys[i + 1]}" in blocs:
            return 2
        return 1 if keys[i] in blocs else 0

    def _union_of_policy(self, words: list[Word]) -> str | None:
        """ "des sanctions européennes", "le chef de la diplomatie européenne": a union's
        adjective on a noun of a public act (``policy_noun``) names the union
        (``union_adjective``: its name); on people or countries ("les dirigeants européens") it
        names no one. (The phrase may be the adjective alone, as the agent of the act it
        qualifies: its noun is outside the phrase.)"""
        policies = self.words.get("policy_noun", {})
        unions = self.words.get("union_adjective", {})
        return next((unions[w.key] for w in words if w.key in unions and w.token.head.i != w.token.i
                     and stem(fold_key(w.token.head.text)) in policies), None)

    def _words(self, span: Span) -> list[Word]:
        """Folded words of the phrase, without clauses hanging on it."""
        root = span.root
        skip: set[int] = set()
        inside = {t.i for t in span}
        for tok in span:
            if tok.i == root.i or tok.head.i not in inside:
                continue
            if (tok.dep_ in CLAUSE_DEPS and not adjective_read_as_clause(tok, tok.head) and not office_participle(tok)) or (
                    tok.head.i == root.i and coordinated(tok)):
                skip.update(t.i for t in tok.subtree)
        words = []
        for tok in span:
            if tok.i in skip or tok.is_punct:
                continue
            for part in fold_key(tok.text).split():
                words.append(Word(stem(part), tok))
        return words

    def _scan(self, words: list[Word]) -> list[Hit]:
        """Longest matches of the tables over the phrase's words, left to right."""
        hits: list[Hit] = []
        keys = [w.key for w in words]
        i = 0
        while i < len(words):
            if self._bloc_at(keys, i) == 2:
                i += 2  # "latino-américains" are of no one country, not American
                continue
            hit = self._match_at(words, i)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.end
        return hits

    def _after_locative(self, words: list[Word], i: int) -> bool:
        """ "ambassadeur en Russie", "ambassador to the United States": where, not whose."""
        locative, definite = self.words.get("locative", {}), self.words.get("definite", {})
        before = [w.key for w in words[max(0, i - 2) : i]]
        if before and before[-1] in locative:
            return True
        return len(before) == 2 and before[1] in definite and before[0] in locative

    def _in_a_site(self, words: list[Word], i: int) -> bool:
        """The word after "<site> de": "une synagogue de Bruxelles", "l'aéroport de Moscou"."""
        sites, genitive = _site_keys(self.lang)
        before = [w.key for w in words[max(0, i - 2) : i]]
        return len(before) == 2 and before[1] in genitive and before[0] in sites

    def _match_at(self, words: list[Word], i: int) -> Hit | None:
        locative = self._after_locative(words, i)
        longest = min(MAX_WORDS, self.longest.get(words[i].key, 0), len(words) - i)
        for n in range(longest, 0, -1):
            gram = tuple(w.key for w in words[i : i + n])
            org = self.orgs.get(gram)
            country = self.countries.get(gram)
            demonym = self.demonyms.get(gram)
            term = self.terms.get(gram)
            if org is None and country is None and demonym is None and term is None:
                continue
            tokens = [w.token for w in words[i : i + n]]
            written = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text
            if n > 1 and "," in written:
                continue  # "his Greek, Cypriot and French counterparts": two demonyms, not "Greek Cypriot"
            if org is not None and n == 1 and not written[:1].isupper() and fold_key(written) != fold_key(org.alias):
                org = None  # "their common border" does not name the Commons (but "the pope" the Pope)
            if org is not None and tokens[0].pos_ == "NUM" and not written[:1].isupper():
                org = None  # "vingt-sept ans de prison" are no Vingt-Sept (the EU)
            if org is not None and n == 1 and self._in_a_site(words, i):
                org = None  # "une synagogue de Bruxelles": the city, not the body it stands for
            if org is not None and (not org.acronym or written.isupper() or written[:1].isupper()):
                if not org.acronym or any(t.text.isupper() for t in tokens):
                    return Hit("org", i, i + n, org.country, org.sector, 4, written, locative,
                               org.where)
            person = inside_person(tokens)
            if person and demonym is None and term is None:
                continue  # "François Hollande" is not the Netherlands
            if country is not None and tokens[0].text[:1].isupper() and not person:
                return Hit("country", i, i + n, country, None, 0, written, locative)
            # (a demonym or a title the tagger put inside the name: "Kenyan President William Ruto")
            if demonym is not None:
                return Hit("demonym", i, i + n, demonym, None, 0, written, locative)
            if term is not None:
                return Hit("term", i, i + n, None, term.sector or None, term.priority, written, locative,
                           term.where, term)
        tok = words[i].token
        # (the taggers call some names common nouns, "présenté par Rabat[NOUN]", "Moscow[NOUN]
        # called", adjectives, "New[ADJ] Delhi", or adverbs, "Kyiv[ADV] accused": capitalised,
        # they may still be a capital)
        # ("La Paz", "El Fasher": a capitalised article that begins a place's name)
        # (not an elided one: "L'Union européenne", "L' Union" is no town of that name)
        # (not before a body's or country's own name: "La Maison Blanche" is no town of that name)
        named = tok.pos_ == "DET" and bool(tok.whitespace_) and not tok.text.endswith(("'", "’")) \
            and i + 1 < len(words) and proper(words[i + 1].token) and not self._table_name_at(words, i + 1)
        if tok.text[:1].isupper() and (proper(tok) or tok.pos_ in ("ADJ", "NOUN", "ADV") or misread_name(tok) or named) \
                and words[i].key == stem(
            fold_key(tok.text).split()[0] if fold_key(tok.text) else ""
        ):
            place = self._place_at(words, i, locative)
            if place is not None:
                return place
        return None

    def _table_name_at(self, words: list[Word], i: int) -> bool:
        """Whether an organisation's or a country's name of the tables starts at word ``i``."""
        longest = min(MAX_WORDS, self.longest.get(words[i].key, 0), len(words) - i)
        return any((gram := tuple(w.key for w in words[i : i + n])) in self.orgs or gram in self.countries
                   for n in range(longest, 0, -1))

    def _place_at(self, words: list[Word], i: int, locative: bool) -> Hit | None:
        """A capital or place written as whole tokens, outside any person's name."""
        for n in range(min(4, len(words) - i), 0, -1):
            # (one token of several words once: "Addis-Abeba")
            tokens = list({w.token.i: w.token for w in words[i : i + n]}.values())
            if i + n < len(words) and words[i + n].token.i == tokens[-1].i:
                continue  # the gram would end inside a token ("Ban Ki" of "Ban Ki-moon")
            if any(t.ent_type_ == "PER" for t in tokens) and not _lone_name(tokens):
                continue
            written = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text
            after = tokens[-1].doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(tokens[-1].doc) else None
            if n == 1 and after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() \
                    and tokens[0].whitespace_:
                continue  # "Nancy Pelosi", "Victoria Nuland": a first name before a surname
            capital = self.gazetteer.capital_of(written)
            if capital:
                return Hit("capital", i, i + n, capital, None, 0, written, locative)
            if _lone_name(tokens) and tokens[0].ent_type_ == "PER":
                continue  # "Washington a félicité": a capital, never a place, when tagged a person
            place = self.gazetteer.notable(written) if n > 1 or tokens[0].ent_type_ == "LOC" else None
            if place is None and n > 1 and tokens[-1].text[:1].isupper():
                # ("Mocímboa da Praia", a town, is no Praia, the capital: a name of several
                # words is evidence enough, however small the place)
                place = self.gazetteer.lookup(written)
            if place is not None and place.country:
                return Hit("place", i, i + n, place.country, None, 0, written, locative)
        return None

    def _country(self, words: list[Word], hits: list[Hit], span: Span) -> tuple[str | None, str]:
        abroad = any(h.term is not None and h.term.abroad for h in hits)
        # "les signataires de l'accord de Paris", "le sommet de Moscou": a place that
        # names an agreement or a meeting says nothing of whose the actor is
        hits = [h for h in hits if not self._names_event(words, h)]
        # "le Conseil de sécurité russe", "the Russian Security Council": an international
        # body's name with a demonym right next to it names the national body of that name; "les
        # talibans pakistanais": a movement's name, its branch in the demonym's country
        hits = [h for h in hits if not (h.kind == "org" and h.country is not None and any(
            d.kind == "demonym" and d.country != h.country and (d.start == h.end or d.end == h.start)
            for d in hits))]
        root_hit = next((h for h in hits if any(w.token.i == span.root.i for w in words[h.start:h.end])), None)
        if root_hit is not None and root_hit.country and root_hit.kind in ("org", "country", "capital"):
            branch = self._branch_country(words, hits, root_hit)
            if branch is not None:  # "le Medef de Guyane": the branch of a national body
                return branch.country, f"{root_hit.kind} of {branch.kind}: {branch.written}"
            return root_hit.country, f"{root_hit.kind}: {root_hit.written}"
        strong = [h for h in hits if h.country and h.kind in ("org", "country", "demonym", "capital")]
        weak = [h for h in hits if h.country and h.kind == "place"]
        for group in (strong, weak):
            for hit in group:
                if not hit.locative:
                    return hit.country, f"{hit.kind}: {hit.written}"
        if not abroad:
            # "président du Conseil arabe des affaires étrangères en Israël": the
            # place of an organisation is its country; the place of a visit is not.
            for hit in strong + weak:
                if self._on_institution(words, hits, hit):
                    # after "à", a seat of power is a town again: "à Bruxelles" is Belgium
                    place = self.gazetteer.notable(hit.written) if hit.kind == "org" else None
                    country = place.country if place is not None and place.country else hit.country
                    return country, f"{hit.kind} (locative, where it stands): {hit.written}"
        return None, ""

    def bare_name(self, span: Span) -> tuple[str, ...]:
        """The folded words of a phrase made only of one to three capitalised words
        ("Cissé", "M. Cissé"), else (); for linking to a full name seen before."""
        honorific = self.words.get("honorific", {})
        tokens = [t for t in span if not t.is_punct and t.pos_ not in ("DET", "ADP")
                  and stem(fold_key(t.text)) not in honorific]
        if not 0 < len(tokens) <= 3 or any(
                not t.text[:1].isupper() or t.pos_ in ("PRON", "VERB", "AUX") for t in tokens):
            return ()
        return tuple(w for t in tokens for w in fold_key(t.text).split())

    def _home_place(self, words: list[Word]) -> str:
        """ "de l'île", "de la province", "du pays": a definite place noun standing alone,
        which points back to the place the story is about ("" if none)."""
        nouns, articles = self.words.get("home_place", {}), self.words.get("definite", {})
        for k, word in enumerate(words):
            if word.key not in nouns or k == 0:
                continue
            tok = word.token
            after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if after is not None and after.ent_type_ != "PER" and (
                    after.pos_ in ("ADJ", "PROPN") or after.text[:1].isupper()) and \
                    not _holder_name_after(tok, words[-1].token):
                continue  # "le pays basque", "l'île Maurice": a name, not a pointer back
            if after is not None and after.lower_ in grammar_of(after)["genitive"] and \
                    tok.i + 2 < len(tok.doc) and tok.doc[tok.i + 2].text[:1].isupper():
                continue  # "la province de Quang Ninh"
            before = words[k - 1].key
            if before in articles or before in self.words.get("home_article", {}):
                return tok.doc[words[k - 1].token.i : tok.i + 1].text
        return ""

    def _named(self, token: Token) -> bool:
        """A "pronoun" the tagger got wrong: a name ("Obama", "Kiev" tagged PRON)."""
        return token.ent_type_ in ("PER", "LOC", "ORG") or (stem(fold_key(token.text)),) in self.people

    def _people_name(self, words: list[Word], hits: list[Hit]) -> tuple[str, tuple[str, ...]] | None:
        """A name of ``people.tsv`` written with capitals among the phrase's free words."""
        covered = {i for h in hits for i in range(h.start, h.end)}
        for i in range(len(words)):
            for n in range(min(4, len(words) - i), 0, -1):
                chunk = words[i : i + n]
                if any(i + k in covered or not w.token.text[:1].isupper() for k, w in enumerate(chunk)):
                    continue
                if tuple(w.key for w in chunk) in self.people:
                    first, last = chunk[0].token.i, chunk[-1].token.i
                    written = chunk[0].token.doc[first : last + 1].text
                    return written, tuple(fold_key(written).split())
        return None

    def _where_posted(self, words: list[Word], hits: list[Hit]) -> tuple[str | None, str]:
        """Last resort: "le président du Conseil ... en Israël", "le ministre de l'Intérieur
        au Mali": an office holder is where his office is, unless the word says he is
        posted or visiting there (an ambassador, troops, a delegation)."""
        if any(h.term is not None and h.term.abroad for h in hits):
            return None, ""
        if not any(h.term is not None and h.term.kind in ("title", "institution") for h in hits):
            return None, ""
        for kinds in (("country", "capital", "org"), ("place",)):
            for hit in hits:
                if hit.locative and hit.country not in (None, "IGO") and hit.kind in kinds and (
                        not self._names_event(words, hit)) and not self._on_trip(words, hit):
                    return hit.country, f"{hit.kind} (locative, where the office is): {hit.written}"
        return None, ""

    def _on_trip(self, words: list[Word], hit: Hit) -> bool:
        """ "le Premier ministre, en visite au Japon": where he travels, not his office."""
        travel = self.words.get("travel", {})
        if any(w.key in travel for w in words[max(0, hit.start - 4) : hit.start]):
            return True  # the parser often hangs the place on the title itself
        token = words[hit.start].token
        for _ in range(3):  # "en visite officielle au Japon", "lors de sa tournée en Asie"
            token = token.head
            if stem(fold_key(token.text)) in travel:
                return True
            if token.head.i == token.i:
                break
        return False

    def _names_event(self, words: list[Word], hit: Hit) -> bool:
        """Whether a place hit names an agreement or meeting ("l'accord de Paris")."""
        if hit.kind not in ("country", "capital", "place"):
            return False
        token = words[hit.start].token
        case = case_of(token)
        if case and case not in grammar_of(token)["genitive"]:
            return False  # "l'accord avec l'Inde", "the deal with India": a party, not a name
        head = token.head
        # a named meeting has its article ("le sommet de Moscou"); a bare noun is a complement
        # ("l'offre de dialogue de Séoul": Seoul offers)
        named = head.text[:1].isupper() or any(  # "le sommet", "du processus" (article in "du")
            c.dep_ == "det" or (c.dep_ == "case" and "Art" in c.morph.get("PronType", []))
            for c in head.children)
        return named and stem(fold_key(head.text)) in self.words.get("named_event", {})

    def _sender(self, span: Span, words: list[Word]) -> Hit | None:
        """The body a person acts for, from a clause "envoyé par X" hanging on the phrase.

        Clauses are cut from the phrase (they rarely say whose someone is), except
        this one: an envoy's country is his sender's.
        """
        verbs, agents = self.words.get("sent_by", {}), self.words.get("agent", {})
        kept = {w.token.i for w in words}
        for token in span.doc[span.start : min(len(span.doc), span.end + 1)]:
            if token.i not in kept:
                continue
            for clause in token.children:
                if not clause.dep_.startswith("acl") or fold_key(clause.lemma_) not in verbs:
                    continue
                for agent in clause.children:
                    if not any(fold_key(c.text) in agents for c in agent.children):
                        continue
                    sub = span.doc[agent.left_edge.i : agent.right_edge.i + 1]
                    hits = self._scan(self._words(sub))
                    found = next((h for h in hits if h.country and h.kind in (
                        "org", "country", "demonym", "capital")), None)
                    if found is not None:
                        return found
        return None

    def _branch_country(self, words: list[Word], hits: list[Hit], org: Hit) -> Hit | None:
        if org.kind != "org" or org.country in (None, "IGO"):
            return None
        inside = {w.token.i for w in words[org.start:org.end]}
        for hit in hits:
            if hit.kind == "country" and not hit.locative and hit.country != org.country and (
                    words[hit.start].token.head.i in inside):
                return hit
        return None

    def _on_institution(self, words: list[Word], hits: list[Hit], hit: Hit) -> bool:
        """Whether the locative phrase ``hit`` hangs on an organisation or institution word."""
        head = words[hit.start].token.head
        for other in hits:
            if other is hit or not any(w.token.i == head.i for w in words[other.start:other.end]):
                continue
            if other.kind == "org":
                return True
            # "les démocrates aux États-Unis", "des manifestants à Bruxelles": a group is
            # where it stands, unless the word says it is posted ("les troupes en Pologne")
            return other.term is not None and other.term.kind in ("institution", "group") and (
                not other.term.abroad)
        return head.ent_type_ == "ORG"

    def _sector(
        self, hits: list[Hit], country: str | None, span: Span, words: list[Word]
    ) -> tuple[str | None, str, set[str]]:
        titles = {h.written.lower() for h in hits if h.term is not None}
        scored = [h for h in hits if h.sector and not (h.kind == "org" and h.locative)]
        if scored:
            best = max(scored, key=lambda h: (h.priority, h.end - h.start, -h.start))
            return best.sector, f"{best.kind}: {best.written}", titles
        only_country = all(h.kind in ("country", "capital") for h in hits) and hits
        if country and only_country and not self._has_name(span, hits, words):
            return "GOV", "a country named alone acts through its government", titles
        # "des Égyptiens", "17 Égyptiens": the nationality is the head; not "l'Allemand X"
        demonym_noun = [h for h in hits if h.kind == "demonym" and h.written[:1].isupper()
                        and any(w.token.i == span.root.i for w in words[h.start:h.end])]
        people = self.words.get("people_noun", {}).get("demonym")
        if demonym_noun and len(hits) == 1 and people and not self._has_name(span, hits, words):
            return people, "people named by their nationality", titles
        return None, "", titles

    def _has_name(self, span: Span, hits: list[Hit], words: list[Word]) -> bool:
        """Whether the phrase names a person (a PER entity that is not all a country's name:
        the English recogniser calls "Japan" a person)."""
        countries = {w.token.i for h in hits if h.kind in ("country", "capital") for w in words[h.start : h.end]}
        return any(ent.label_ == "PER" and any(t.i not in countries for t in ent) for ent in span.ents)

    def _name(
        self, span: Span, words: list[Word], hits: list[Hit]
    ) -> tuple[str | None, tuple[str, ...]]:
        """The person's name (and its folded words), else the organisation as written."""
        root_hit = next((h for h in hits if any(
            w.token.i == span.root.i for w in words[h.start:h.end])), None)
        person = person_name(span, words, hits, self.gazetteer, self.words.get("honorific", {}))
        institution = root_hit is not None and root_hit.term and root_hit.term.kind == "institution"
        if person is not None and institution and span.root.i + 2 >= first_token(span, person):
            return phrase_text(span, [w.token.i for w in words]), ()  # "le gouvernement Assad", "l'administration Obama"
        if person is not None:
            return person, tuple(fold_key(person).split())
        if root_hit is not None and root_hit.term and root_hit.term.kind != "institution":
            return None, ()  # "le chef de l'Armée populaire": a person, not the army
        if root_hit is not None and root_hit.kind == "org":
            branch = self._branch_country(words, hits, root_hit)
            if branch is not None:
                first, last = words[root_hit.start].token.i, words[branch.end - 1].token.i
                return span.doc[first : last + 1].text, ()
            return root_hit.written, ()
        if root_hit is not None and root_hit.term:  # an institution: "l'armée turque"
            return phrase_text(span, [w.token.i for w in words]), ()
        for ent in span.ents:  # an organisation the tables do not know: "Ciudadanos"
            if ent.label_ == "ORG" and ent.start <= span.root.i < ent.end and not _capitalised_noun(ent):
                return ent.text, ()
        org = next((h for h in hits if h.kind == "org" and not h.locative), None)
        return (org.written if org is not None else None), ()

# Document memory lives in its own module; imported last, as it builds on the resolver.
@lru_cache(maxsize=8)
def _site_keys(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The folded keys of a language's site nouns and of its "de" prepositions."""
    g = grammar(lang)
    return frozenset(stem(fold_key(w)) for w in g["site_noun"]), frozenset(fold_key(w) for w in g["genitive"])


on_clear(_site_keys.cache_clear)


from eventwire.code.document_actors import DocumentActors, story_country  # noqa: E402

__all__ = ["ActorResolver", "Analysis", "DocumentActors", "story_country"]


def _lone_name(tokens: list[Token]) -> bool:
    """One word that is a whole entity by itself: "Washington" is tagged a person as
    often as a capital, "George Washington" never stands for a country."""
    if len(tokens) != 1:
        return False
    token = tokens[0]
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "B" and (following is None or following.ent_iob_ != "I")


def _holder_name_after(noun: Token, last: Token) -> bool:
    """ "le premier ministre de l'île Wade MacLauchlan": two capitalised words or more that end
    the phrase after a place noun are the office holder's name (a place named after its noun
    is one word: "l'île Maurice"; or takes "de": "l'île de Man")."""
    run = noun.doc[noun.i + 1 : last.i + 1]
    return len(run) >= 2 and all(t.text[:1].isupper() for t in run)


def _capitalised_noun(ent: Span) -> bool:
    """ "Coopération renforcée entre X et Y": a common noun that opens a sentence, capitalised
    only for that, which the recogniser took for an organisation."""
    token = ent[0]
    return len(ent) == 1 and token.pos_ == "NOUN" and bool(token.is_sent_start)
