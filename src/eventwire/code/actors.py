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
and is used only when nothing else gives a country (never for diplomats).

``DocumentActors`` keeps the actors of one document so that a surname alone,
a spelling without diacritics, "son homologue russe" or "le général
vietnamien" resolve to the full actor seen before, with one ``actor_id``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from eventwire.code.actor_tables import (
    WORD,
    Term,
    actor_words,
    country_tables,
    org_table,
    people_table,
    stem,
    term_table,
    words_of,
)
from eventwire.code.places import Gazetteer
from eventwire.code.spans import (
    apposed_sibling,
    capital_runs,
    coordinated,
    depth,
    first_token,
    inside_person,
    phrase_text,
)
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
class Word:
    """One folded word of the phrase and the spaCy token it comes from."""

    key: str
    token: Token


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


class ActorResolver:
    """Resolves noun phrases of one language; load once, use for every document."""

    def __init__(self, lang: str = "fr") -> None:
        self.lang = lang
        self.gazetteer = Gazetteer.load(lang)
        self.countries, self.demonyms = country_tables(lang)
        self.orgs = org_table(lang)
        self.terms = term_table(lang)
        self.words = actor_words(lang)
        self.people = people_table()

    # ------------------------------------------------------------ public

    def resolve(self, span: Span) -> Entity | None:
        """The actor a noun phrase names, or None when it names none."""
        analysis = self.analyse(span)
        return analysis.entity if analysis is not None else None

    def mentions_country(self, text: str) -> set[str]:
        """Countries a text names by name, demonym or metonym (cheap, no parse)."""
        keys = [stem(w) for w in WORD.findall(fold(text))]
        found: set[str] = set()
        i = 0
        while i < len(keys):
            for n in range(min(MAX_WORDS, len(keys) - i), 0, -1):
                gram = tuple(keys[i : i + n])
                country = self.countries.get(gram) or self.demonyms.get(gram)
                org = self.orgs.get(gram)
                if org is not None and not org.acronym and org.country not in (None, "IGO"):
                    country = org.country
                if country:
                    found.add(country)
                    i += n - 1
                    break
            i += 1
        return found

    # ------------------------------------------------------------ analysis

    def analyse(self, span: Span) -> Analysis | None:
        if span.root.pos_ in PRONOUN_POS and len(span) <= 2:
            return None
        words = self._words(span)
        if not words:
            return None
        sibling = apposed_sibling(span)
        if sibling is not None:  # "Le chef du Département ..., le général Luong Cuong"
            words = self._words(sibling) + words
        hits = self._scan(words)
        country, country_why = self._country(words, hits, span)
        sector, sector_why, titles = self._sector(hits, country, span, words)
        name, person = self._name(span, words, hits)
        head = stem(fold_key(span.root.text).replace(" ", "-"))
        definite = any(w.key in self.words.get("definite", {}) for w in words[:2])
        counterpart = any(w.key in self.words.get("counterpart", {}) for w in words)
        demonym = next((h.country for h in hits if h.kind == "demonym"), None)
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
        entity = Entity(country=country, sector=sector, name=name)
        return Analysis(entity, person, head, titles, definite, counterpart, demonym,
                        [w for w in (country_why, sector_why) if w])

    def _words(self, span: Span) -> list[Word]:
        """Folded words of the phrase, without clauses hanging on it."""
        root = span.root
        skip: set[int] = set()
        inside = {t.i for t in span}
        for tok in span:
            if tok.i == root.i or tok.head.i not in inside:
                continue
            if tok.dep_ in CLAUSE_DEPS or (tok.head.i == root.i and coordinated(tok)):
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
        i = 0
        while i < len(words):
            hit = self._match_at(words, i)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.end
        return hits

    def _match_at(self, words: list[Word], i: int) -> Hit | None:
        locative = i > 0 and words[i - 1].key in self.words.get("locative", {})
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            gram = tuple(w.key for w in words[i : i + n])
            tokens = [w.token for w in words[i : i + n]]
            written = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text
            org = self.orgs.get(gram)
            if org is not None and (not org.acronym or written.isupper() or written[:1].isupper()):
                if not org.acronym or any(t.text.isupper() for t in tokens):
                    return Hit("org", i, i + n, org.country, org.sector, 4, written, locative,
                               org.where)
            if inside_person(tokens):
                continue  # "François Hollande" is not the Netherlands
            if gram in self.countries and tokens[0].text[:1].isupper():
                return Hit("country", i, i + n, self.countries[gram], None, 0, written, locative)
            if gram in self.demonyms:
                return Hit("demonym", i, i + n, self.demonyms[gram], None, 0, written, locative)
            term = self.terms.get(gram)
            if term is not None:
                return Hit("term", i, i + n, None, term.sector or None, term.priority, written, locative,
                           term.where, term)
        tok = words[i].token
        if tok.text[:1].isupper() and tok.pos_ == "PROPN" and words[i].key == stem(
            fold_key(tok.text).split()[0] if fold_key(tok.text) else ""
        ):
            place = self._place_at(words, i, locative)
            if place is not None:
                return place
        return None

    def _place_at(self, words: list[Word], i: int, locative: bool) -> Hit | None:
        """A capital or place written as whole tokens, outside any person's name."""
        for n in range(min(4, len(words) - i), 0, -1):
            tokens = [w.token for w in words[i : i + n]]
            if i + n < len(words) and words[i + n].token.i == tokens[-1].i:
                continue  # the gram would end inside a token ("Ban Ki" of "Ban Ki-moon")
            if any(t.ent_type_ == "PER" for t in tokens):
                continue
            written = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text
            capital = self.gazetteer.capital_of(written)
            if capital:
                return Hit("capital", i, i + n, capital, None, 0, written, locative)
            place = self.gazetteer.notable(written) if n > 1 or tokens[0].ent_type_ == "LOC" else None
            if place is not None and place.country:
                return Hit("place", i, i + n, place.country, None, 0, written, locative)
        return None

    def _country(self, words: list[Word], hits: list[Hit], span: Span) -> tuple[str | None, str]:
        abroad = any(h.term is not None and h.term.abroad for h in hits)
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
        if country and only_country and not self._has_name(span):
            return "GOV", "a country named alone acts through its government", titles
        # "des Égyptiens", "17 Égyptiens": the nationality is the head; not "l'Allemand X"
        demonym_noun = [h for h in hits if h.kind == "demonym" and h.written[:1].isupper()
                        and any(w.token.i == span.root.i for w in words[h.start:h.end])]
        people = self.words.get("people_noun", {}).get("demonym")
        if demonym_noun and len(hits) == 1 and people and not self._has_name(span):
            return people, "people named by their nationality", titles
        return None, "", titles

    def _has_name(self, span: Span) -> bool:
        return any(ent.label_ == "PER" for ent in span.ents)

    def _name(
        self, span: Span, words: list[Word], hits: list[Hit]
    ) -> tuple[str | None, tuple[str, ...]]:
        """The person's name (and its folded words), else the organisation as written."""
        root_hit = next((h for h in hits if any(
            w.token.i == span.root.i for w in words[h.start:h.end])), None)
        person = self._person_name(span, words, hits)
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
            if ent.label_ == "ORG" and ent.start <= span.root.i < ent.end:
                return ent.text, ()
        org = next((h for h in hits if h.kind == "org" and not h.locative), None)
        return (org.written if org is not None else None), ()

    def _person_name(self, span: Span, words: list[Word], hits: list[Hit]) -> str | None:
        covered = {w.token.i for h in hits for w in words[h.start : h.end]}
        kept = {w.token.i for w in words}
        doc = span.doc
        honorific = self.words.get("honorific", {})
        # a person's whole name, even where the parse cut the phrase inside it ("Be | Xuân Truong")
        candidates = [(e.start, e.end) for e in doc.ents
                      if e.label_ == "PER" and any(t.i in kept for t in e)]
        for start, end in capital_runs(span, covered, kept):
            # NER calls many foreign names LOC: a run the gazetteer does not know may be a person
            in_org = any(
                e.start <= start < e.end and (e.label_ == "ORG" or (
                    e.label_ == "LOC" and self.gazetteer.lookup(doc[start:end].text) is not None))
                for e in span.ents
            )
            if not in_org and _after_title(doc, start, hits, words):
                candidates.append((start, end))
        best: str | None = None
        # the name nearest the phrase's head in the tree: "la prise de fonction de
        # Guterres à la place de Ban Ki-moon" is about Guterres
        arcs = {start: depth(doc[start:end].root, span.root.i) for start, end in candidates}
        for start, end in sorted(candidates, key=lambda se: (arcs[se[0]], se[0])):
            while start < end and (doc[start].i in covered or not doc[start].text[:1].isupper()
                                   or stem(fold_key(doc[start].text)) in honorific):
                start += 1
            if end > start:
                best = doc[start:end].text
                break
        return best


@dataclass
class Hit:
    kind: str  # org | country | demonym | term | capital | place
    start: int
    end: int
    country: str | None
    sector: str | None
    priority: int
    written: str
    locative: bool
    where: str = ""
    term: Term | None = None


def _after_title(doc: Doc, start: int, hits: list[Hit], words: list[Word]) -> bool:
    """A proper-noun run right after a title or demonym is a person's name."""
    for hit in hits:
        last = words[hit.end - 1].token.i
        titled = hit.kind == "demonym" or (hit.term is not None and hit.term.kind == "title")
        if titled and 0 <= start - last <= 2:
            return True
    return doc[start].ent_type_ == "PER"


# ---------------------------------------------------------------- document memory


@dataclass
class Known:
    entity: Entity
    person: tuple[str, ...]
    head: str
    titles: set[str]
    order: int


class DocumentActors:
    """The actors of one document (or one teaser): links mentions to earlier ones.

    - a person's name, or part of it, or a spelling without diacritics
      ("Kartapolov", "Be Xuan Truong") -> the full name seen before;
    - "son homologue (russe)" -> the actor of the other side (not the counterpart's country);
    - a definite description without a name ("le ministre", "la délégation russe",
      "le général vietnamien") -> the latest actor with that head or title and a
      compatible country and sector.
    Linked mentions share the earlier actor's ``actor_id``; gaps (country, sector)
    are filled from it.
    """

    def __init__(self, resolver: ActorResolver) -> None:
        self.resolver = resolver
        self.known: list[Known] = []

    def resolve(self, span: Span, counterpart: Entity | None = None) -> Entity | None:
        analysis = self.resolver.analyse(span)
        if analysis is None:
            return None
        if analysis.person:  # "son homologue russe Mikhaïl Michoustine": the name decides
            linked = self._person(analysis)
        elif analysis.counterpart:
            linked = self._counterpart(analysis, counterpart)
        elif analysis.definite:
            linked = self._description(analysis)
        else:
            linked = None
        if linked is not None:
            entity = _merge(linked.entity, analysis.entity, keep_name=True)
            linked.entity = _merge(linked.entity, analysis.entity, keep_name=True)
            linked.titles |= analysis.titles
            return replace(entity)
        if analysis.entity.country is None and analysis.entity.sector is None and \
                analysis.entity.name is None:
            return None
        self._remember(analysis)
        return replace(analysis.entity)

    def register(self, entity: Entity, titles: set[str] | None = None) -> Entity:
        """Remember an entity found another way (a title, a caption); gives it an id."""
        person = tuple(fold_key(entity.name).split()) if entity.name else ()
        known = self._find_person(person) if person else None
        if known is not None:
            known.entity = _merge(known.entity, entity, keep_name=True)
            return replace(known.entity)
        entity = replace(entity, actor_id=entity.actor_id or _actor_id(entity))
        self.known.append(Known(entity, person, "", set(titles or ()), len(self.known)))
        return replace(entity)

    # ------------------------------------------------------------ linking

    def _remember(self, analysis: Analysis) -> None:
        entity = analysis.entity
        entity.actor_id = entity.actor_id or _actor_id(entity)
        self.known.append(Known(replace(entity), analysis.person, analysis.head,
                                set(analysis.titles), len(self.known)))

    def _find_person(self, person: tuple[str, ...]) -> Known | None:
        wanted = set(person)
        for known in reversed(self.known):
            if known.person and (wanted <= set(known.person) or set(known.person) <= wanted):
                return known
        return None

    def _person(self, analysis: Analysis) -> Known | None:
        known = self._find_person(analysis.person)
        if known is None:
            return None
        new = analysis.entity
        if new.country and known.entity.country and new.country != known.entity.country:
            return None  # two people sharing a surname, from different countries
        if len(analysis.person) > len(known.person):
            known.person = analysis.person
            known.entity = replace(known.entity, name=new.name)
        return known

    def _description(self, analysis: Analysis) -> Known | None:
        new = analysis.entity
        for known in reversed(self.known):
            old = known.entity
            if new.country and old.country and new.country != old.country:
                continue
            if new.sector and old.sector and new.sector != old.sector:
                continue
            if analysis.head and (analysis.head == known.head or any(
                    analysis.head in words_of(t) for t in known.titles)):
                return known
        if new.country and analysis.head in ("delegation",):
            for known in reversed(self.known):
                if known.entity.country == new.country:
                    return known
        return None

    def _counterpart(self, analysis: Analysis, counterpart: Entity | None) -> Known | None:
        wanted = analysis.demonym_country or analysis.entity.country
        for known in reversed(self.known):
            country = known.entity.country
            if not known.person or country is None:
                continue
            if wanted and country != wanted:
                continue
            if counterpart is not None and counterpart.country == country:
                continue
            return known
        if wanted or counterpart is not None:
            sector = counterpart.sector if counterpart is not None else None
            analysis.entity = replace(analysis.entity, country=wanted,
                                      sector=analysis.entity.sector or sector)
        return None


def _merge(old: Entity, new: Entity, keep_name: bool) -> Entity:
    return Entity(
        country=old.country or new.country,
        sector=old.sector or new.sector,
        name=(old.name or new.name) if keep_name else (new.name or old.name),
        actor_id=old.actor_id or new.actor_id,
    )


def _actor_id(entity: Entity) -> str:
    """A stable id: folded name (diacritics off), else country and sector."""
    if entity.name:
        return "-".join(fold_key(entity.name).split())
    return f"{entity.country or 'x'}:{entity.sector or 'x'}"
