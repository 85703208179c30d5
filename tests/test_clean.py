"""Clean stage: segmentation, glue repair, tokeniser traces, offsets, language.

Corpus tests run on ../shared (seeds and dev); the rest on sentences written
for these tests.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.clean import clean_document, glue_splits
from eventwire.clean.dateline import match_dateline, parse_date
from eventwire.clean.resources import load_json
from eventwire.document import Document, OffsetMap
from eventwire.errors import DataFileError

SEED_000 = "000_d84785f35968300d.txt"
SEED_003 = "003_4671afa906e812e8.txt"

# Every glued form of the two seeds, as it comes out once repaired.
SEED_GLUE = {
    SEED_003: {
        "intégralavec": "intégral avec",
        "legénéral": "le général",
        "duComité": "du Comité",
        "entretienle": "entretien le",
        "intergouvernementalVietnam-Russie,": "intergouvernemental Vietnam-Russie,",
        "NikolaevichDrozhzhov,": "Nikolaevich Drozhzhov,",
        "detravail": "de travail",
        "VladimirNikolaevich": "Vladimir Nikolaevich",
        "duCentre": "du Centre",
        "tropicalVietnam-Russie,": "tropical Vietnam-Russie,",
        "lesdeux": "les deux",
        "leCentre": "le Centre",
        "travauxscientifiques,": "travaux scientifiques,",
        "desliens": "des liens",
        "scientifiquesdu": "scientifiques du",
        "àapprofondir": "à approfondir",
        "stratégiqueintégral": "stratégique intégral",
        "etdéfensif": "et défensif",
        "partenariatstratégique": "partenariat stratégique",
        "d’avoirdes": "d’avoir des",
        "lasignification": "la signification",
        "techniquesmilitaires.": "techniques militaires.",
        "dela": "de la",
        "entrele": "entre le",
    },
    SEED_000: {},
}
# Words that must come out of cleaning as written (long words, names, brands).
KEEP_WHOLE = [
    "intergouvernemental", "militaro-technique", "Kartapolov", "PetroVietnam", "McDonald",
    "iPhone", "OTAN", "Ouagadougou", "Drozhzhov", "Bezdetko", "Michoustine", "YouTube",
    "MacLauchlan", "TurkStream", "EastMed", "Nkurunziza", "antiaérienne",
]


def clean_text(raw: str, name: str = "test.txt", lang: str | None = None) -> Document:
    doc = Document(source=name, name=name, raw=raw)
    doc.meta.lang = lang
    return clean_document(doc)


def clean_file(path: Path) -> Document:
    return clean_text(path.read_text(encoding="utf-8"), path.name)


def corpus_files(seeds_dir: Path, dev_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt")) + sorted(dev_dir.glob("*.txt"))


def kinds(doc: Document, kind: str) -> list[str]:
    return [p.text for p in doc.parts if p.kind == kind]


def teaser_units(doc: Document) -> dict[int, dict[str, str]]:
    units: dict[int, dict[str, str]] = {}
    for part in doc.parts:
        if part.teaser is not None:
            units.setdefault(part.teaser, {})[part.kind] = part.text
    return units


def assert_offsets_honest(raw: str, doc: Document) -> None:
    """Copied characters are their raw character (a raw whitespace may read ' ')."""
    for part in doc.parts:
        offsets = part.offsets
        assert offsets.text_length == len(part.text)
        for i, char in enumerate(part.text):
            start, end = offsets.span_to_raw(i, i + 1)
            assert 0 <= start <= end <= len(raw)
            if offsets.is_copied(i):
                source = raw[offsets.to_raw(i)]
                assert char == source or (char == " " and source.isspace()), (part.kind, i)
        assert 0 <= offsets.to_raw(len(part.text)) <= len(raw)


# --- the seeds ---------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Document]:
    return {name: clean_file(seeds_dir / name) for name in (SEED_000, SEED_003)}


def test_seed_titles(seeds: dict[str, Document]) -> None:
    assert kinds(seeds[SEED_000], "title") == ["Renforcer la coopération de défense Vietnam - Russie"]
    assert kinds(seeds[SEED_003], "title") == [
        "Vietnam et Russie renforcent la coopération dans les techniques militaires"
    ]
    assert seeds[SEED_003].meta.title == kinds(seeds[SEED_003], "title")[0]


def test_seed_datelines(seeds: dict[str, Document]) -> None:
    dateline = seeds[SEED_003].dateline
    assert dateline is not None
    assert (dateline.place, dateline.date, dateline.agency) == ("Hanoi", "--03-07", "VNA")
    assert dateline.date_text == "7 mars"
    assert kinds(seeds[SEED_003], "dateline") == ["Hanoi, 7 mars(VNA) –"]
    other = seeds[SEED_000].dateline
    assert other is not None and (other.place, other.agency, other.date) == ("Hanoi", "VNA", None)
    body = kinds(seeds[SEED_000], "body")
    assert body[0].startswith("Le chef du Département")


def test_seed_leads_and_signoffs(seeds: dict[str, Document]) -> None:
    assert kinds(seeds[SEED_000], "lead")[0].startswith("Une délagation de haut rang")
    assert kinds(seeds[SEED_003], "lead")[0].startswith("Le Vietnam prend en considération")
    assert kinds(seeds[SEED_000], "signoff") == ["-VNA"]
    assert kinds(seeds[SEED_003], "signoff") == ["- VNA"]
    assert kinds(seeds[SEED_003], "body")[-1].endswith("entre le Vietnam et la Russie.")


def test_seed_captions(seeds: dict[str, Document]) -> None:
    assert kinds(seeds[SEED_000], "caption") == [
        "L'entretien entre le général Luong Cuong et général de corps d’armée "
        "Andrey Valeryevich Kartapolov. Photo: VNA"
    ]
    assert kinds(seeds[SEED_003], "caption") == [
        "Panorama de l'entretien sur la coopération dans les techniques militaires "
        "Vietnam-Russie. Photo : Quan doi nhan dan"
    ]
    for doc in seeds.values():
        for part in doc.parts:
            assert "ảnh 1" not in part.text


def test_seed_teasers(seeds: dict[str, Document]) -> None:
    units_000 = teaser_units(seeds[SEED_000])
    units_003 = teaser_units(seeds[SEED_003])
    assert sorted(units_000) == [0, 1, 2, 3]
    assert sorted(units_003) == list(range(7))
    for unit in [*units_000.values(), *units_003.values()]:
        assert "teaser_title" in unit and "teaser_summary" in unit
    assert all("teaser_caption" in unit for unit in units_000.values())
    assert "teaser_caption" not in units_003[6]  # the last teaser has no photo
    assert units_003[6]["teaser_title"].startswith("Actualité de la semaine")
    assert units_003[0]["teaser_caption"].endswith("Photo : Ambassade de Russie au Vietnam")
    assert units_003[0]["teaser_title"].startswith("Consolider la coopération Vietnam - Russie")
    # nothing of the related block leaks into the article
    article = " ".join(p.text for p in seeds[SEED_003].parts if p.teaser is None)
    assert "Voir plus" not in article and "Bezdetko" not in article


def test_seed_glue_repaired(seeds: dict[str, Document]) -> None:
    for name, doc in seeds.items():
        found = {raw: fixed for part in doc.parts for raw, fixed in glue_splits(doc.raw, part)}
        assert found == SEED_GLUE[name]
        text = "\n".join(p.text for p in doc.parts)
        for glued, fixed in SEED_GLUE[name].items():
            assert fixed in text
            assert glued not in text


def test_seed_keeps_long_words_and_names(seeds: dict[str, Document]) -> None:
    text = " ".join(p.text for doc in seeds.values() for p in doc.parts)
    for word in ("intergouvernemental", "militaro-technique", "Kartapolov", "Drozhzhov"):
        assert word in text


# --- the whole corpus ----------------------------------------------------------


def test_no_false_split_on_corpus(seeds_dir: Path, dev_dir: Path) -> None:
    for path in corpus_files(seeds_dir, dev_dir):
        doc = clean_file(path)
        found = {raw for part in doc.parts for raw, _ in glue_splits(doc.raw, part)}
        assert found <= set(SEED_GLUE.get(path.name, {})), path.name


def test_language_on_corpus(seeds_dir: Path, dev_dir: Path) -> None:
    with (dev_dir / "SOURCES.tsv").open(encoding="utf-8") as handle:
        expected = {row["file"]: row["language"] for row in csv.DictReader(handle, delimiter="\t")}
    expected.update({p.name: "fr" for p in seeds_dir.glob("*.txt")})
    for path in corpus_files(seeds_dir, dev_dir):
        doc = clean_file(path)
        assert doc.lang == expected[path.name], path.name
        assert doc.lang_score is not None and doc.lang_score > 0.9


def test_offsets_map_back_on_corpus(seeds_dir: Path, dev_dir: Path) -> None:
    for path in corpus_files(seeds_dir, dev_dir):
        doc = clean_file(path)
        assert_offsets_honest(doc.raw, doc)


def test_tokeniser_traces_removed_on_dev(dev_dir: Path) -> None:
    doc = clean_file(dev_dir / "101_pologne-szydlo-accueille-troupes-americaines.txt")
    text = "\n".join(p.text for p in doc.parts)
    assert "l'OTAN" in text and "l' OTAN" not in text
    assert "d'Allemagne." in text and "Pologne, Beata" in text
    assert "« Chaque famille polonaise doit se sentir en sécurité »" in text  # French spaces kept
    for path in sorted(dev_dir.glob("1*.txt")):
        for part in clean_file(path).parts:
            assert not re.search(r"\w [.,](?:\s|$)", part.text), (path.name, part.text[:60])
            assert not re.search(r"(?<!\w)[ldLD]['’] \w", part.text), (path.name, part.text[:60])


def test_wikinews_datelines(dev_dir: Path) -> None:
    doc = clean_file(dev_dir / "103_signature-accord-libre-echange-canada-ue.txt")
    assert doc.dateline is not None and doc.dateline.date == "2016-10-30"
    assert kinds(doc, "dateline") == ["30 octobre 2016. –"]
    doc = clean_file(dev_dir / "137_conservatives-win-uk-general-election.txt")
    assert doc.dateline is not None and doc.dateline.date == "2019-12-16"


# --- rules on written examples ---------------------------------------------------


def test_glue_rules_on_written_text() -> None:
    raw = (
        "Titre\n\nLe ministre a rencontré legénéral Dupont duComité central à Ouagadougou. "
        "Lesdeux délégations ont parlé de la coopération militaro-technique et "
        "intergouvernemental avec PetroVietnam, McDonald et l'OTAN. Il a acheté un iPhone.\n"
    )
    text = " ".join(p.text for p in clean_text(raw).parts)
    assert "le général Dupont du Comité central" in text
    assert "Les deux délégations" in text
    for word in ("militaro-technique", "intergouvernemental", "PetroVietnam", "McDonald"):
        assert word in text
    assert "l'OTAN" in text and "iPhone" in text and "Ouagadougou" in text


def test_camel_names_need_the_document_to_use_the_pieces() -> None:
    raw = (
        "Titre\n\nLe délégué Ivan PetrovSidorov est arrivé. Ivan Petrov a parlé, "
        "puis Sidorov a répondu. Le groupe AlphaBeta a signé.\n"
    )
    text = " ".join(p.text for p in clean_text(raw).parts)
    assert "Ivan Petrov Sidorov" in text
    assert "AlphaBeta" in text


@pytest.mark.parametrize("word", KEEP_WHOLE)
def test_long_words_and_brands_kept(word: str) -> None:
    raw = f"Titre\n\nLa délégation a évoqué {word} pendant la réunion avec les ministres du pays.\n"
    assert word in " ".join(p.text for p in clean_text(raw).parts)


def test_french_spacing_and_tokeniser_traces() -> None:
    raw = (
        "Titre\n\nLe ministre Cazeneuve , en visite à Valence , a dit : « nous viendrons » . "
        "Il a parlé de l' OTAN et d’ Allemagne ( en Europe ) le 1 er mai ; puis rien ?\n"
    )
    body = kinds(clean_text(raw), "lead")[0]  # the only paragraph leads
    assert body == (
        "Le ministre Cazeneuve, en visite à Valence, a dit : « nous viendrons ». "
        "Il a parlé de l'OTAN et d’Allemagne (en Europe) le 1er mai ; puis rien ?"
    )


def test_english_spacing() -> None:
    raw = "Title here\n\nThe minister said : the talks were good ; the UK 's envoy agreed .\n"
    body = kinds(clean_text(raw), "lead")[0]
    assert body == "The minister said: the talks were good; the UK's envoy agreed."


def test_whitespace_and_invisible_characters() -> None:
    raw = "Titre\n\n  Le\u00a0ministre\u00ad a   signé\tun accord\u200b. \n"
    doc = clean_text(raw)
    assert kinds(doc, "lead") == ["Le ministre a signé un accord."]
    assert_offsets_honest(raw, doc)


def test_mojibake_fixed_with_offsets() -> None:
    raw = "Titre\n\nLa dÃ©lÃ©gation est arrivÃ©e Ã  Hanoi pour une visite officielle de trois jours.\n"
    doc = clean_text(raw)
    body = doc.parts[1]
    assert body.text.startswith("La délégation est arrivée à Hanoi")
    start, end = body.offsets.span_to_raw(3, 13)  # "délégation"
    assert raw[start:end] == "dÃ©lÃ©gation"
    assert_offsets_honest(raw, doc)


def test_inserted_space_maps_to_the_glued_raw_word() -> None:
    raw = "Titre\n\nLors de la réunion, ils ont parlé dela coopération régionale entre pays.\n"
    doc = clean_text(raw)
    body = doc.parts[1]
    at = body.text.index("parlé de la") + len("parlé ")
    start, end = body.offsets.span_to_raw(at, at + len("de la"))
    assert raw[start:end] == "dela"
    assert not body.offsets.is_copied(at + 2)  # the inserted space


def test_layout_without_captions_any_number_of_teasers() -> None:
    teasers = "".join(
        f"Titre du sujet numéro {k}\n\nRésumé du sujet numéro {k}, qui dit ce qui s'est passé.\n\n"
        for k in range(5)
    )
    raw = (
        "Un titre d'article\n\nPARIS, 12 mars 2024 (AFP) - Le gouvernement a annoncé un plan. "
        "VNA/CVN\n\nLire aussi\n\n" + teasers
    )
    doc = clean_text(raw, lang="fr")
    units = teaser_units(doc)
    assert sorted(units) == list(range(5))
    assert all(set(u) == {"teaser_title", "teaser_summary"} for u in units.values())
    assert doc.dateline is not None
    assert (doc.dateline.place, doc.dateline.agency, doc.dateline.date) == ("PARIS", "AFP", "2024-03-12")
    assert kinds(doc, "signoff") == ["VNA/CVN"]


def test_inline_read_also_is_a_teaser() -> None:
    raw = (
        "Titre\n\nPremier paragraphe de l'article, assez long pour compter.\n"
        "Lire aussi : Un autre article sur le même sujet\n"
        "Deuxième paragraphe de l'article, qui continue le récit.\n"
    )
    doc = clean_text(raw)
    assert [(p.kind, p.teaser) for p in doc.parts] == [
        ("title", None), ("lead", None), ("teaser_title", 0), ("body", None)
    ]
    assert doc.parts[2].text == "Un autre article sur le même sujet"


def test_caption_artefact_without_title_echo() -> None:
    raw = "Titre de l'article\n\nTexte du corps de l'article.\nUne image ảnh 2Un homme marche. Photo: AFP\n"
    captions = kinds(clean_text(raw), "caption")
    assert captions == ["Une image Un homme marche. Photo: AFP"]


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("7 mars", "--03-07"),
        ("21 janvier 2017", "2017-01-21"),
        ("1er septembre 2016", "2016-09-01"),
        ("Monday, December 16, 2019", "2019-12-16"),
        ("March 7", "--03-07"),
        ("mardi 31 février", None),
        ("2024-03-12", "2024-03-12"),
    ],
)
def test_parse_date(written: str, iso: str | None) -> None:
    if written == "mardi 31 février":
        assert parse_date(written) == "--02-31"  # a calendar check needs a year
        return
    assert parse_date(written) == iso


@pytest.mark.parametrize(("line", "place", "date"), [
    ("Bamako, 15 avril 2024 . –", "Bamako", "2024-04-15"),
    ("Bamako, Monday, April 15, 2024", "Bamako", "2024-04-15"),
    ("Washington, March 7 - The president said", "Washington", "--03-07"),
])
def test_a_place_and_a_date_without_agency(line: str, place: str, date: str) -> None:
    found = match_dateline(line)
    assert found is not None and (found.dateline.place, found.dateline.date) == (place, date)


def test_no_dateline_in_ordinary_sentence() -> None:
    assert match_dateline("Le Premier ministre (PM) – a dit que") is None
    assert match_dateline("On Wednesday, an assembly of ministers met") is None
    assert match_dateline("Paris, la capitale, compte deux millions d'habitants.") is None


def test_copy_that_opens_with_its_dateline_has_no_headline() -> None:
    doc = clean_text("Paris, 4 avril 2025 (AFP) –\n\nLe chef de l'État a reçu jeudi les familles des deux otages "
                     "détenus en Iran. Il s'est engagé à tout faire pour obtenir leur libération.\n")
    assert kinds(doc, "title") == []
    assert kinds(doc, "dateline") == ["Paris, 4 avril 2025 (AFP) –"]
    assert doc.dateline is not None and (doc.dateline.place, doc.dateline.date) == ("Paris", "2025-04-04")
    assert kinds(doc, "lead")[0].startswith("Le chef de l'État")


def test_short_text_has_no_language() -> None:
    doc = clean_text("Hanoi\n\nVNA\n")
    assert doc.lang is None and doc.lang_score is None
    doc = clean_text("Hanoi\n\nVNA\n", lang="fr")
    assert doc.lang == "fr"


def test_other_languages_reported() -> None:
    raw = (
        "Die Regierung\n\nDie Bundesregierung hat am Montag ein neues Abkommen mit Frankreich "
        "unterzeichnet, das die Zusammenarbeit in der Verteidigung stärken soll.\n"
    )
    doc = clean_text(raw)
    assert doc.lang == "de"
    assert not any(glue_splits(raw, p) for p in doc.parts)  # no lexicon: no glue repair


def test_data_file_errors_name_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.clean import resources

    bad = tmp_path / "data"
    bad.mkdir()
    (bad / "broken.json").write_text('{\n  "a": [1,\n  oops\n}\n', encoding="utf-8")
    (bad / "typed.json").write_text(json.dumps({"a": 1}, indent=1), encoding="utf-8")
    monkeypatch.setattr(resources.resources, "files", lambda _: tmp_path)
    with pytest.raises(DataFileError, match=r"broken\.json:3"):
        load_json("broken.json", {"a": list})
    with pytest.raises(DataFileError, match=r"typed\.json:2: 'a' must be a list"):
        load_json("typed.json", {"a": list})


def test_offset_map_identity_and_gaps() -> None:
    identity = OffsetMap.identity(10, 5)
    assert identity.to_raw(0) == 10 and identity.to_raw(5) == 15
    assert identity.span_to_raw(1, 3) == (11, 13)
    inserted = OffsetMap(((0, 0, 2), (3, 2, 2)), 5, ((2, 1, 2, 0),))  # "de la" <- "dela"
    assert inserted.span_to_raw(0, 5) == (0, 4)
    assert inserted.span_to_raw(2, 3) == (2, 2)
    assert not inserted.is_copied(2) and inserted.is_copied(3)


# --- properties ------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Voir plus", "Lire aussi : ", "Photo: VNA", "ảnh 1", "Hanoi, 7 mars(VNA) – ", "- VNA",
        "dela", "duComité", "l' OTAN", " , ", " . ", "Ã©", "\u00a0", "\u00ad", "\n", "\n\n",
        "« ", " »", "’", "1 er", "PetroVietnam", "VladimirNikolaevich", "4000stations", "e\u0301",
    ]
)
_TEXT = st.lists(st.one_of(st.text(max_size=30), _PIECES), max_size=25).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=_TEXT, lang=st.sampled_from([None, "fr", "en"]))
def test_cleaning_never_crashes_and_offsets_map_back(raw: str, lang: str | None) -> None:
    doc = clean_text(raw, lang=lang)
    assert_offsets_honest(raw, doc)
    for part in doc.parts:
        assert part.text == part.text.strip()
        assert "  " not in part.text
        assert (part.teaser is not None) == part.kind.startswith("teaser")


def test_eval_clean_script_runs(
    dev_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.util
    import sys

    script = Path(__file__).resolve().parents[1] / "scripts" / "eval_clean.py"
    spec = importlib.util.spec_from_file_location("eval_clean", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "eval_clean", module)  # dataclasses look it up
    spec.loader.exec_module(module)
    names = sorted(p.name for p in dev_dir.glob("1[0-2]*.txt"))[:6]
    rows = ["file\tlanguage"] + [f"{name}\tfr" for name in names]
    for name in names:
        (tmp_path / name).write_text((dev_dir / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert module.main([str(tmp_path), "--seeds", "3", "--examples", "2"]) == 0
    out = capsys.readouterr().out
    share = re.search(r"glued pairs repaired: (\d+)/(\d+)", out)
    assert share is not None and int(share.group(2)) > 20
    assert int(share.group(1)) >= 0.85 * int(share.group(2))
    assert "false splits 0.00" in out


@pytest.mark.parametrize("word", ["parlementaires", "delarépublique", "signéavec", "ministres"])
def test_cached_scores_of_a_lower_case_word_are_the_scores_of_the_word(word: str) -> None:
    from eventwire.clean import glue

    lex = glue.lexicon("fr")
    direct = glue._scores(word, glue._Context(""), lex, glue.DocumentEvidence())
    assert glue._candidate_scores(word, glue._Context("abc"), lex, glue.DocumentEvidence()) == direct
