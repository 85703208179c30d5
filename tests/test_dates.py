"""Dates: rules on sentences written for the tests, then the real seeds and dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.code.date_patterns import patterns, words
from eventwire.code.dates import Anchor, _matches, document_anchor, find_dates, stated_years
from eventwire.code.textutil import fold
from eventwire.document import Dateline, Document, Metadata, OffsetMap, Part

SAT = Anchor(2017, 1, 21, source="published")  # a Saturday


def dates(text: str, anchor: Anchor = SAT, future: bool = False) -> list[tuple[str, str | None]]:
    return [(m.date, m.date_end) for m in find_dates(text, anchor, "fr", future=future)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le ministre est arrivé le 6 mars 2019 à Paris.", [("2019-03-06", None)]),
        ("Il a parlé lundi 6 mars 2017.", [("2017-03-06", None)]),
        ("Les troupes sont arrivées le 12 janvier.", [("2017-01-12", None)]),
        ("Le sommet s'est tenu le 28 décembre.", [("2016-12-28", None)]),
        ("La visite aura lieu du 21 au 24 octobre 2018.", [("2018-10-21", "2018-10-24")]),
        ("Ils resteront du 30 septembre au 2 octobre 2018.", [("2018-09-30", "2018-10-02")]),
        ("Du 30 décembre 2016 au 2 janvier, le pays a voté.", [("2016-12-30", "2017-01-02")]),
        ("Les pourparlers auront lieu entre le 3 et le 5 mai 2019.", [("2019-05-03", "2019-05-05")]),
        ("Le président est parti le 1er janvier.", [("2017-01-01", None)]),
        ("Il a été élu le 1 er janvier.", [("2017-01-01", None)]),
        ("Les faits remontent au 22 septembre dernier.", [("2016-09-22", None)]),
        ("Il viendra le 2 janvier prochain.", [("2018-01-02", None)]),
        ("Une bombe a explosé dans la nuit du 19 au 20 janvier.", [("2017-01-20", None)]),
    ],
)
def test_days_and_spans(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le Premier ministre a dirigé samedi une cérémonie.", "2017-01-21"),
        ("Il a présidé mardi matin la cérémonie d'accueil.", "2017-01-17"),
        ("Ce mercredi soir, le ministre a démissionné.", "2017-01-18"),
        ("Le parlement a voté hier.", "2017-01-20"),
        ("Le décret a été signé avant-hier.", "2017-01-19"),
        ("Les manifestants sont rentrés aujourd'hui.", "2017-01-21"),
        ("Il partira demain pour Berlin.", "2017-01-22"),
        ("L'accord a été signé il y a trois jours.", "2017-01-18"),
        # a night between two weekdays is dated by the second (as "la nuit du 19 au 20")
        ("Des tirs ont éclaté dans la nuit de jeudi à vendredi.", "2017-01-20"),
    ],
)
def test_weekdays_and_relative_days(text: str, expected: str) -> None:
    assert dates(text) == [(expected, None)]


def test_numeric_dates_and_weekday_with_day_number() -> None:
    assert dates("Le décret du 06/03/2016 et celui du 2016-03-07.") == [
        ("2016-03-06", None), ("2016-03-07", None)
    ]
    # "ce jeudi 19": the 19th nearest the anchor that is a Thursday
    assert dates("Ce jeudi 19, le parlement a voté.") == [("2017-01-19", None)]
    assert dates("Il est arrivé à la mi-décembre.") == [("2016-12", None)]


def test_future_weekday_goes_forward() -> None:
    assert dates("Le ministre se rendra à Kiev mardi.", future=True) == [("2017-01-24", None)]


def test_a_day_without_year_is_on_or_before_the_anchor_unless_told_as_future() -> None:
    # (the anchor is 21 January 2017: 3 May is nearer ahead, but a past act was last May)
    assert dates("Le ministre s'est rendu à Kiev le 3 mai.") == [("2016-05-03", None)]
    assert dates("Le ministre se rendra à Kiev le 3 mai.", future=True) == [("2017-05-03", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Les troupes ont commencé à arriver plus tôt cette semaine.", "2017-01"),
        ("La rencontre a eu lieu la semaine dernière.", "2017-01"),
        ("Le mois dernier, Washington a expulsé des diplomates.", "2016-12"),
        ("Le tir a été effectué en décembre.", "2016-12"),
        ("La loi a été votée en mars 2016.", "2016-03"),
        ("En 2019, les deux ministères ont collaboré.", "2019"),
        ("L'an dernier, les deux pays ont signé un traité.", "2016"),
        ("Elle a été arrêtée il y a trois semaines.", "2016-12"),
    ],
)
def test_weeks_months_years(text: str, expected: str) -> None:
    assert dates(text) == [(expected, None)]


def test_year_range_and_bare_years() -> None:
    assert dates("l'Année croisée Vietnam-Russie 2019-2020") == [("2019", "2020")]
    assert dates("Ils lancent leur patrouille conjointe 2026") == [("2026", None)]
    assert dates("Près de 2000 personnes ont manifesté") == []


def test_unknown_year_stays_unknown() -> None:
    unknown = Anchor.unknown()
    assert dates("Le ministre a reçu, le 20 mars à Hanoï, l'ambassadeur.", unknown) == [
        ("--03-20", None)
    ]
    assert dates("Il conduira une délégation du 22 au 25 mars 2026.", unknown) == [
        ("2026-03-22", "2026-03-25")
    ]
    # nothing to resolve a weekday, a relative day or a month against
    assert dates("Il est arrivé mardi, hier, la semaine dernière, en mars.", unknown) == []


def test_weekday_fixes_the_year_among_stated_years() -> None:
    anchor = Anchor.unknown(years=(2016, 2017))
    # 6 March was a Monday in 2017, a Sunday in 2016
    assert dates("Il est arrivé lundi 6 mars.", anchor) == [("2017-03-06", None)]
    # no stated year fits: the year stays unknown
    assert dates("Il est arrivé mardi 6 mars.", anchor) == [("--03-06", None)]


def test_weekday_inside_a_span_anchor() -> None:
    anchor = Anchor(2019, 10, 21, 10, 24, source="body")
    assert dates("Il a présidé mardi matin la cérémonie.", anchor) == [("2019-10-22", None)]


def _doc(text: str, published: str | None = None, dateline: Dateline | None = None) -> Document:
    part = Part("body", text, OffsetMap.identity(0, len(text)))
    return Document("x.txt", "x.txt", text, Metadata(published=published), [part], "fr",
                    dateline=dateline)


def test_document_anchor_sources() -> None:
    assert document_anchor(_doc("Rien.", "2017-01-21")).iso == "2017-01-21"
    by_dateline = document_anchor(_doc("Rien.", None, Dateline(date="--03-07")))
    assert by_dateline.iso == "--03-07" and by_dateline.year is None
    from_text = document_anchor(_doc("Rien.", None, Dateline(date_text="7 mars 2016")))
    assert from_text.iso == "2016-03-07"
    assert document_anchor(_doc("Aucune date ici.")).iso is None


def test_document_anchor_takes_year_from_weekday_and_stated_years() -> None:
    text = (
        "Le général effectue une visite officielle du 21 au 24 octobre au Vietnam.\n"
        "Il a été accueilli mardi matin à Hanoï.\n"
        "En 2019 et 2020, les deux armées ont collaboré."
    )
    anchor = document_anchor(_doc(text))
    assert (anchor.year, anchor.month, anchor.day, anchor.end_day) == (2019, 10, 21, 24)
    assert anchor.source == "body"
    assert stated_years(text) == (2019, 2020)


def test_words_can_be_extended_by_the_user(user_data: Path) -> None:
    (user_data / "fr").mkdir()
    (user_data / "fr" / "dates.tsv").write_text(
        "# source: test; licence: MIT\nword\tkind\tvalue\nsurlendemain\tday_offset\t2\n",
        encoding="utf-8",
    )
    assert dates("Il est revenu le surlendemain.") == [("2017-01-23", None)]
    assert dates("Il est revenu hier.") == [("2017-01-20", None)]  # packaged words stay


# ---------------------------------------------------------------- real corpus


def _gold(shared: Path) -> dict[str, dict]:
    out = {}
    for name in ("seeds", "dev"):
        for line in (shared / "eval" / f"{name}.gold.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            out[record["doc"]] = record
    return out


def test_seed_000_visit_and_weekday_resolve_to_2019(shared_dir: Path) -> None:
    text = (shared_dir / "corpus" / "seeds" / "000_d84785f35968300d.txt").read_text(encoding="utf-8")
    body = text.split("Voir plus")[0]
    anchor = document_anchor(_doc(body))
    assert anchor.year == 2019
    found = dates(body, anchor)
    assert ("2019-10-21", "2019-10-24") in found
    assert ("2019-10-22", None) in found


def test_dateline_dates_of_dev_match_published(shared_dir: Path) -> None:
    """A French dev body that opens with "21 janvier 2017 . –" must give the gold's date."""
    gold = _gold(shared_dir)
    checked = 0
    for path in sorted((shared_dir / "corpus" / "dev").glob("1*.txt")):
        record = gold.get(path.name)
        if record is None or record["lang"] != "fr":
            continue
        lines = path.read_text(encoding="utf-8").splitlines()[1:4]
        opening = next((line for line in lines if line[:1].isdigit() and "–" in line[:40]), None)
        if opening is None:
            continue
        anchor = document_anchor(_doc(opening[:40]))
        assert anchor.iso == record["published"], path.name
        checked += 1
    assert checked >= 40


def test_next_day_and_eve_against_the_anchor() -> None:
    from eventwire.code.dates import Anchor, find_dates

    anchor = Anchor(2017, 3, 6)

    def got(text: str) -> list[str]:
        return [m.date for m in find_dates(text, anchor)]

    assert got("Le lendemain, les deux parties ont signé.") == ["2017-03-07"]
    assert got("La veille, la police avait arrêté trois hommes.") == ["2017-03-05"]
    assert got("Dès le lendemain matin, il est parti.") == ["2017-03-07"]
    # the eve of something else is not relative to the article's day
    assert got("À la veille du sommet, il a parlé.") == []
    assert got("Au lendemain de l'attaque, il a parlé.") == []
    assert got("la veille d'un vote crucial") == []
    # counted from the day the text told just before, not from the article's day
    assert got("Le 22 février, le pape a écrit. Le lendemain, l'ordre a refusé.") == [
        "2017-02-22", "2017-02-23"]
    assert got("Du 1er au 3 mars, il a visité Hanoï. Le lendemain, il est parti.")[-1] == "2017-03-04"
    assert [m.date for m in find_dates("Le 6 mars, il est venu. Le lendemain, il est parti.",
                                       Anchor.unknown())] == ["--03-06", "--03-07"]
    assert find_dates("Le lendemain, il est parti.", Anchor.unknown()) == []


def test_find_dates_answers_are_copies() -> None:
    from eventwire.code.dates import Anchor, find_dates

    first = find_dates("le 6 mars 2017", Anchor.unknown())
    first[0].date = "changed"
    assert find_dates("le 6 mars 2017", Anchor.unknown())[0].date == "2017-03-06"
    assert find_dates("Rien à signaler ici.", Anchor.unknown()) == []


def test_next_day_skips_a_recollection() -> None:
    from eventwire.code.dates import Anchor, find_dates

    text = ("Hier 10 mai, l'armée a repris la ville, perdue le 3 août 2015. "
            "Un attentat le lendemain a tué dix personnes.")
    assert [m.date for m in find_dates(text, Anchor(2017, 5, 11))][-1] == "2017-05-11"


# ---------------------------------------------------------------- English (the same code, other data)

THU = Anchor(2019, 3, 14, source="published")  # a Thursday


def en(text: str, anchor: Anchor = THU, future: bool = False) -> list[tuple[str, str | None]]:
    return [(m.date, m.date_end) for m in find_dates(text, anchor, "en", future=future)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The envoy landed on March 6.", [("2019-03-06", None)]),
        ("The envoy landed on March 6, 2018, in Rome.", [("2018-03-06", None)]),
        ("The envoy landed on 6 March in Rome.", [("2019-03-06", None)]),
        ("The envoy landed on the 6th of March.", [("2019-03-06", None)]),
        ("The envoy landed on March 1st.", [("2019-03-01", None)]),
        ("The envoy landed on Jan. 3 and left on Sept. 9.", [("2019-01-03", None), ("2018-09-09", None)]),  # (a past act: last September)
        ("On Tuesday, March 12, 2019, the envoy resigned.", [("2019-03-12", None)]),
        ("The fair ran March 6-8.", [("2019-03-06", "2019-03-08")]),
        ("The fair ran 21–24 October 2018.", [("2018-10-21", "2018-10-24")]),
        ("The fair ran from October 21 to 24, 2018.", [("2018-10-21", "2018-10-24")]),
        ("The fair ran October 21 to 24, 2018.", [("2018-10-21", "2018-10-24")]),
        ("The fair runs from March 30 to April 2.", [("2019-03-30", "2019-04-02")]),
        ("The fair ran from December 30, 2018 to January 2, 2019.", [("2018-12-30", "2019-01-02")]),
        ("Talks are held between March 3 and 5.", [("2019-03-03", "2019-03-05")]),
        ("Talks are held between 3 and 5 March.", [("2019-03-03", "2019-03-05")]),
        ("A shell fell on the night of 16 to 17 March.", [("2019-03-17", None)]),
        ("A shell fell on the night of March 16-17.", [("2019-03-17", None)]),
        ("The decree of 2016-03-07 stands.", [("2016-03-07", None)]),
    ],
)
def test_english_days_and_spans_in_both_orders(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert en(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The mayor spoke on Tuesday.", "2019-03-12"),
        ("The mayor spoke on Tuesday morning.", "2019-03-12"),
        ("The mayor spoke late Monday.", "2019-03-11"),
        ("The mayor spoke last Tuesday.", "2019-03-12"),
        ("The mayor spoke this past Friday.", "2019-03-08"),
        ("The mayor spoke yesterday.", "2019-03-13"),
        ("The mayor spoke today.", "2019-03-14"),
        ("The mayor will speak tomorrow.", "2019-03-15"),
        ("Shells fell overnight Tuesday into Wednesday.", "2019-03-13"),
        ("The mayor spoke the day before yesterday.", "2019-03-12"),
        ("The mayor spoke three days ago.", "2019-03-11"),
    ],
)
def test_english_weekdays_and_relative_days(text: str, expected: str) -> None:
    assert en(text) == [(expected, None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The mayor spoke two weeks ago.", "2019-02"),
        ("The mayor spoke last week.", "2019-03"),
        ("The mayor spoke last month.", "2019-02"),
        ("Earlier this month, the mayor spoke.", "2019-03"),
        ("The mayor will speak next month.", "2019-04"),
        ("The mayor spoke a year ago.", "2018"),
        ("The mayor spoke last year.", "2018"),
        ("The mayor spoke this year.", "2019"),
        ("The mayor spoke in January.", "2019-01"),
        ("The mayor spoke in early February.", "2019-02"),
        ("The mayor spoke in mid-February.", "2019-02"),
        ("The mayor spoke in March 2016.", "2016-03"),
        ("The mayor spoke in 2016.", "2016"),
    ],
)
def test_english_weeks_months_years(text: str, expected: str) -> None:
    assert en(text) == [(expected, None)]


def test_english_next_and_future_go_forward() -> None:
    assert en("The mayor will travel next Tuesday.") == [("2019-03-19", None)]
    assert en("The mayor will travel on Tuesday.", future=True) == [("2019-03-19", None)]
    assert en("The mayor will travel in May.", future=True) == [("2019-05", None)]


def test_english_next_day_and_day_before() -> None:
    assert en("The envoy met the king on March 5. The next day, he left.") == [
        ("2019-03-05", None), ("2019-03-06", None)]
    assert en("The envoy met the king on March 5. The day before, he had landed.")[-1] == (
        "2019-03-04", None)
    # "the day before the vote" counts from the vote, which has no date here
    assert en("The day before the vote, the envoy left.") == []


def test_english_unknown_year_stays_unknown() -> None:
    unknown = Anchor.unknown()
    assert en("The envoy landed on March 20 in Rome.", unknown) == [("--03-20", None)]
    assert en("The envoy landed on 20 March.", unknown) == [("--03-20", None)]
    assert en("The envoy landed on Tuesday, last week, in March.", unknown) == []


def test_english_words_that_are_not_dates() -> None:
    assert en("The prime minister, Ms May, said this may change.") == []
    assert en("The march through the capital drew crowds.") == []
    # a slash date is read differently on each side of the Atlantic: left alone
    assert en("The decree of 03/06/2016 stands.") == []


def test_english_document_anchor_and_stated_years() -> None:
    def doc(text: str, dateline: Dateline | None = None) -> Document:
        part = Part("body", text, OffsetMap.identity(0, len(text)))
        return Document("x.txt", "x.txt", text, Metadata(), [part], "en", dateline=dateline)

    assert document_anchor(doc("Nothing.", Dateline(date_text="March 6, 2019"))).iso == "2019-03-06"
    body = "Tuesday, March 5, 2019\nThe envoy resigned on Monday. Talks began in 2017."
    anchor = document_anchor(doc(body))
    assert (anchor.iso, anchor.source) == ("2019-03-05", "body")
    assert stated_years(body, "en") == (2017, 2019)
    assert en("The envoy resigned on Monday.", anchor) == [("2019-03-04", None)]


def test_unknown_order_in_the_data_is_an_error(user_data: Path) -> None:
    from eventwire.code import date_patterns
    from eventwire.errors import DataFileError

    (user_data / "en").mkdir()
    (user_data / "en" / "dates.tsv").write_text(
        "# source: test; licence: MIT\nword\tkind\tvalue\nyear day month\torder\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="dates.tsv:3"):
        date_patterns.words("en")



# --- the cheap test before the patterns ------------------------------------------------


def _all_matches(folded: str, lang: str) -> list[tuple[str, tuple[int, int]]]:
    """Every pattern tried on the text, without the cheap test first (what it must agree with)."""
    found: list[tuple[str, tuple[int, int]]] = []
    for pattern in patterns(lang):
        for match in pattern.regex.finditer(folded):
            start, end = match.span()
            if not any(start < e and s < end for _, (s, e) in found):
                found.append((pattern.kind, (start, end)))
    return found


def _date_phrases(lang: str) -> list[str]:
    return [phrase for kind, by_word in words(lang).by_kind.items() if kind != "order" for phrase in by_word]


@pytest.mark.parametrize("lang", ["fr", "en"])
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_cheap_test_before_the_patterns_never_hides_a_date(lang: str, data: st.DataObject) -> None:
    """A text is tried only against the patterns whose words it holds: no date may be lost by it
    (texts built from the date words of the data, numbers, and other words)."""
    pieces = st.one_of(
        st.sampled_from(_date_phrases(lang)),
        st.integers(min_value=1, max_value=2031).map(str),
        st.sampled_from(["le", "sommet", "the", "talks", ",", ".", "-", "/", "l'", "de"]),
    )
    text = " ".join(data.draw(st.lists(pieces, min_size=1, max_size=12)))
    folded = fold(text).replace("’", "'")
    assert [(kind, m.span()) for kind, m in _matches(folded, lang)] == _all_matches(folded, lang)
