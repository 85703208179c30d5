"""The English actor and place tables (data/en/), read through the real loaders.

Phrases are written for these tests; each is parsed whole with the English
pipeline, as the coder parses a sentence, and resolved with ``ActorResolver("en")``.
"""

from __future__ import annotations

import pycountry
import pytest
from spacy.language import Language
from spacy.tokens import Span

from eventwire.code.actor_tables import (
    actor_words,
    country_tables,
    org_table,
    term_table,
    words_of,
)
from eventwire.code.actors import ActorResolver, DocumentActors
from eventwire.code.places import Gazetteer
from eventwire.code.tables import DATA_DIR, load_table
from eventwire.event import Entity
from eventwire.parse import load_pipeline

TABLES = ("countries.tsv", "organisations.tsv", "sectors.tsv", "actor_words.tsv",
          "place_words.tsv", "places.tsv")


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = load_pipeline("en")
    if "parser" not in nlp.pipe_names:
        pytest.fail("the English pipeline (eventwire/models/en_eventwire) is missing")
    return nlp


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver("en")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load("en")


def phrase(nlp: Language, text: str, tail: str = " said the situation was serious.") -> Span:
    """The noun phrase ``text`` as a span of a whole parsed sentence."""
    doc = nlp(text + tail)
    span = doc.char_span(0, len(text), alignment_mode="expand")
    assert span is not None
    return span


def pair(entity: Entity | None) -> tuple[str | None, str | None] | None:
    return (entity.country, entity.sector) if entity else None


# ---------------------------------------------------------------- the files themselves


@pytest.mark.parametrize("name", TABLES)
def test_same_header_as_french(name: str) -> None:
    """Same columns and the same first comment line convention as the French file."""
    def header(lang: str) -> tuple[str, list[str]]:
        lines = (DATA_DIR / lang / name).read_text(encoding="utf-8").splitlines()
        columns = next(line for line in lines if line.strip() and not line.startswith("#"))
        return lines[0], columns.split("\t")

    first, columns = header("en")
    assert first.startswith("# source: ") and "; licence: " in first
    assert columns == header("fr")[1]


def test_same_countries_as_french_with_real_codes() -> None:
    def codes(lang: str) -> list[str]:
        return [row["iso3"] for row in load_table(f"{lang}/countries.tsv", ("iso3", "names"))]

    english = codes("en")
    assert sorted(english) == sorted(codes("fr")) and len(set(english)) == len(english)
    unknown = [c for c in english if pycountry.countries.get(alpha_3=c) is None]
    assert unknown == ["XKX"]  # Kosovo: user-assigned code, as in the French table


def test_same_kinds_of_words_as_french() -> None:
    french, english = actor_words("fr"), actor_words("en")
    assert set(english) <= set(french)
    assert set(french) - set(english) <= {"home_article"}  # English has no "du pays"
    kinds = {row["kind"] for row in load_table("en/place_words.tsv", ("word", "kind"))}
    assert kinds == {"preposition", "region_noun", "city_noun", "stop", "coordination",
                     "needs_preposition"}


@pytest.mark.parametrize(
    "word, iso3",
    [("Americans", "USA"), ("Britons", "GBR"), ("British", "GBR"), ("Chinese", "CHN"),
     ("Filipinos", "PHL"), ("Vietnamese", "VNM"), ("Swiss", "CHE"), ("Scots", "GBR"),
     ("Frenchmen", "FRA"), ("Poles", "POL"), ("Saudis", "SAU"), ("North Koreans", "PRK")],
)
def test_demonyms_and_their_plurals(word: str, iso3: str) -> None:
    assert country_tables("en")[1].get(words_of(word)) == iso3


def test_sector_terms_are_valid_plover_codes() -> None:
    sectors = {"GOV", "MIL", "LEG", "JUD", "COP", "PTY", "OPP", "REB", "SPY", "CVL", "EDU",
               "BUS", "JRN", "MED", "REL", "LAB", "NGO", ""}
    assert {t.sector for t in term_table("en").values()} <= sectors
    assert {o.sector or "" for o in org_table("en").values()} <= sectors
    for plural in ("authorities", "policemen", "MPs", "spokesmen", "companies"):
        assert words_of(plural) in term_table("en"), plural


# ---------------------------------------------------------------- actors


@pytest.mark.parametrize(
    "text, country, sector",
    [
        ("the Russian deputy defence minister", "RUS", "MIL"),
        ("the US defense secretary", "USA", "MIL"),
        ("Vietnam's defence minister", "VNM", "MIL"),
        ("Britain's foreign secretary", "GBR", "GOV"),
        ("the White House", "USA", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("Capitol Hill", "USA", "LEG"),
        ("the Bundestag", "DEU", "LEG"),
        ("Russia", "RUS", "GOV"),
        ("the U.S.", "USA", "GOV"),
        ("Moscow", "RUS", "GOV"),
        ("US troops", "USA", "MIL"),
        ("American soldiers", "USA", "MIL"),
        ("Turkish police", "TUR", "COP"),
        ("the government of Burundi", "BDI", "GOV"),
        ("South Korean lawmakers", "KOR", "LEG"),
        ("a Cairo court", "EGY", "JUD"),
        ("Russian intelligence services", "RUS", "SPY"),
        ("Brazilian protesters", "BRA", "CVL"),
        ("American journalists", "USA", "JRN"),
        ("Syrian rebels", "SYR", "REB"),
        ("the Communist Party of Vietnam", "VNM", "PTY"),
        ("a Chinese company", "CHN", "BUS"),
        ("the Turkish Ministry of Foreign Affairs", "TUR", "GOV"),
        ("Americans", "USA", "CVL"),
        ("Egyptians", "EGY", "CVL"),
        ("the Taliban", "AFG", "REB"),
        ("UN Secretary-General", "IGO", "GOV"),
        ("NATO", "IGO", "MIL"),
        ("the International Criminal Court", "IGO", "JUD"),
        ("protesters", None, "CVL"),
        ("the Senate", None, "LEG"),  # every country has one: the story decides
        ("Islamic State", None, "REB"),
    ],
)
def test_country_and_sector(nlp: Language, resolver: ActorResolver, text: str,
                            country: str | None, sector: str) -> None:
    assert pair(resolver.resolve(phrase(nlp, text))) == (country, sector)


@pytest.mark.parametrize(
    "text, name",
    [("the European Union", "European Union"), ("the African Union", "African Union"),
     ("the UN Security Council", "UN Security Council"), ("ASEAN", "ASEAN")],
)
def test_igos(nlp: Language, resolver: ActorResolver, text: str, name: str) -> None:
    entity = resolver.resolve(phrase(nlp, text))
    assert entity is not None and (entity.country, entity.name) == ("IGO", name)


def test_people_with_titles(nlp: Language, resolver: ActorResolver) -> None:
    entity = resolver.resolve(phrase(nlp, "the Russian defence minister, Sergei Shoigu"))
    assert entity is not None and (entity.country, entity.sector, entity.name) == (
        "RUS", "MIL", "Sergei Shoigu")
    entity = resolver.resolve(phrase(nlp, "Kremlin spokesman Dmitry Peskov"))
    assert entity is not None and (entity.country, entity.sector, entity.name) == (
        "RUS", "GOV", "Dmitry Peskov")


def test_regions_named_after_a_continent_are_not_america(nlp: Language,
                                                         resolver: ActorResolver) -> None:
    assert resolver.resolve(phrase(nlp, "Latin American leaders")) is None
    assert pair(resolver.resolve(phrase(nlp, "American leaders"))) == ("USA", None)


def test_where_is_not_whose(nlp: Language, resolver: ActorResolver) -> None:
    entity = resolver.resolve(phrase(nlp, "the ambassador in Mali"))
    assert entity is not None and entity.country is None  # posted there
    entity = resolver.resolve(phrase(nlp, "troops in Poland", " arrived."))
    assert entity is not None and entity.country is None
    entity = resolver.resolve(phrase(nlp, "the interior minister in Mali"))
    assert pair(entity) == ("MLI", "GOV")  # an office is where it stands
    entity = resolver.resolve(phrase(nlp, "protesters in Brussels", " protested."))
    assert pair(entity) == ("BEL", "CVL")
    entity = resolver.resolve(phrase(nlp, "the prime minister on a visit to Japan"))
    assert entity is not None and entity.country is None  # a trip is not an office
    entity = resolver.resolve(phrase(nlp, "the Russian ambassador in Washington"))
    assert pair(entity) == ("RUS", "GOV")


def test_an_envoy_acts_for_his_sender(nlp: Language, resolver: ActorResolver) -> None:
    text = "Jamal Benomar, an envoy sent by the UN Security Council,"
    entity = resolver.resolve(phrase(nlp, text, " arrived yesterday."))
    assert entity is not None and (entity.country, entity.name) == ("IGO", "Jamal Benomar")


def test_counterpart_and_definite_descriptions(nlp: Language, resolver: ActorResolver) -> None:
    memory = DocumentActors(resolver)
    host = memory.resolve(phrase(nlp, "the Vietnamese defence minister, Phan Van Giang"))
    guest = memory.resolve(phrase(nlp, "the Russian defence minister, Sergei Shoigu"))
    assert host is not None and guest is not None
    other = memory.resolve(phrase(nlp, "his counterpart"), counterpart=host)
    assert other is not None and other.actor_id == guest.actor_id
    again = memory.resolve(phrase(nlp, "Mr Shoigu"))
    assert again is not None and again.actor_id == guest.actor_id


def test_home_place_nouns_take_the_story_country(nlp: Language,
                                                 resolver: ActorResolver) -> None:
    memory = DocumentActors(resolver, story=lambda word: "CIV")
    for text in ("the country's authorities", "the authorities of the country"):
        assert pair(memory.resolve(phrase(nlp, text))) == ("CIV", "GOV"), text


def test_mentions_country(resolver: ActorResolver) -> None:
    text = "American troops arrived in Poland, the Kremlin said."
    assert resolver.mentions_country(text) == {"USA", "POL", "RUS"}


# ---------------------------------------------------------------- places


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("talks in Hanoi on Monday", "Hanoi", "VNM"),
        ("a strike in Kyiv", "Kyiv", "UKR"),
        ("fighting near Kiev", "Kiev", "UKR"),
        ("floods in the province of Quang Ninh", "Quang Ninh", "VNM"),
        ("clashes in the West Bank", "West Bank", "PSE"),
        ("troops in Crimea", "Crimea", "UKR"),
        ("shelling in the Donbas", "Donbas", "UKR"),
        ("a visit to Ho Chi Minh City", "Ho Chi Minh City", "VNM"),
        ("an attack in Kashmir", "Kashmir", "IND"),
        ("a port in Hodeidah", "Hodeidah", "YEM"),
        ("a rally in Florida", "Florida", "USA"),
        ("a vote in New Jersey", "New Jersey", "USA"),
        ("trade with Latin America", "Latin America", None),
        ("ships in the South China Sea", "South China Sea", None),
        ("aid to Africa", "Africa", None),
    ],
)
def test_gazetteer_finds_english_names(gazetteer: Gazetteer, text: str, name: str,
                                       country: str | None) -> None:
    found = [(m.place.name, m.place.country) for m in gazetteer.find(text)]
    assert found == [(name, country)]


def test_place_context_in_english(gazetteer: Gazetteer) -> None:
    region = gazetteer.find("in the province of Quang Ninh")
    assert [m.context for m in region] == ["region_noun"]
    city = gazetteer.find("in the city of Aleppo")
    assert [(m.place.country, m.context) for m in city] == [("SYR", "city_noun")]
    both = gazetteer.find("in Hanoi and Haiphong")
    assert [(m.place.name, m.context) for m in both] == [("Hanoi", "prep"), ("Haiphong", "prep")]


@pytest.mark.parametrize(
    "text",
    ["Nice to meet you.", "Reading the report, he left.", "The meeting is in May.",
     "The EU said so.", "Thai officials met.", "Bolton said no."],
)
def test_english_words_are_not_places(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.find(text) == []


def test_needs_preposition_still_finds_the_town(gazetteer: Gazetteer) -> None:
    assert [m.place.country for m in gazetteer.find("a train from Reading")] == ["GBR"]
    assert [m.place.country for m in gazetteer.find("a meeting in Nice")] == ["FRA"]


def test_seats_of_power_are_where_they_stand(gazetteer: Gazetteer) -> None:
    assert [m.place.country for m in gazetteer.find("talks at the White House")] == ["USA"]
    assert [m.place.country for m in gazetteer.find("a protest in Whitehall")] == ["GBR"]


def subject(nlp: Language, text: str) -> Span:
    from eventwire.code.phrases import phrase_span

    doc = nlp(text)
    return phrase_span(next(t for t in doc if t.dep_ == "nsubj"))


def test_a_capital_the_tagger_calls_a_noun_stands_for_its_country(
        nlp: Language, resolver: ActorResolver) -> None:
    entity = resolver.resolve(subject(nlp, "Athens expelled the Libyan ambassador on Friday."))
    assert pair(entity) == ("GRC", "GOV")


def test_a_name_after_a_title_even_inside_an_ner_organisation(
        nlp: Language, resolver: ActorResolver) -> None:
    entity = resolver.resolve(subject(nlp, "Russian Foreign Minister Sergei Lavrov met his counterpart."))
    assert entity is not None and entity.name == "Sergei Lavrov" and entity.country == "RUS"
    ministry = resolver.resolve(subject(nlp, "The Turkish Ministry of Foreign Affairs denounced the plan."))
    assert ministry is not None and ministry.name == "Turkish Ministry of Foreign Affairs"


def test_ambassador_to_the_country_is_posted_there(nlp: Language, resolver: ActorResolver) -> None:
    entity = resolver.resolve(subject(nlp, "The ambassador to the United States said nothing."))
    assert entity is None or entity.country != "USA"


def test_the_pronoun_us_is_no_country(resolver: ActorResolver) -> None:
    assert resolver.mentions_country("Let us talk with China about it.") == {"CHN"}
    assert resolver.mentions_country("The US and China talked.") == {"USA", "CHN"}
