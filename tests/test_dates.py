"""Dates: rules on sentences written for the tests, then the real seeds and dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.code.dates import Anchor, document_anchor, find_dates, stated_years
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


def test_words_can_be_extended_by_the_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.code import dates as module
    from eventwire.code.tables import clear_cache

    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "dates.tsv").write_text(
        "# source: test; licence: MIT\nword\tkind\tvalue\nsurlendemain\tday_offset\t2\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EVENTWIRE_DATA", str(tmp_path))
    clear_cache()
    module.words.cache_clear()
    module._patterns.cache_clear()
    try:
        assert dates("Il est revenu le surlendemain.") == [("2017-01-23", None)]
        assert dates("Il est revenu hier.") == [("2017-01-20", None)]  # packaged words stay
    finally:
        monkeypatch.delenv("EVENTWIRE_DATA")
        clear_cache()
        module.words.cache_clear()
        module._patterns.cache_clear()


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
