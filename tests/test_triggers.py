"""The trigger lexicon: data file validation, and one French sentence per family of triggers.

Sentences are written for these tests (no news text). spaCy is loaded once per
session (``eventwire.parse.load_pipeline`` is cached per process).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.code.lexicon import load_lexicon
from eventwire.code.plover import load_plover, lookup
from eventwire.code.triggers import find_triggers
from eventwire.errors import DataFileError
from eventwire.event import PLOVER_TYPES
from eventwire.parse import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("fr")


def triggers_of(nlp, sentence: str) -> list[tuple[str, str | None]]:
    lexicon = load_lexicon("fr")
    doc = nlp(sentence)
    return [(m.trigger.type, m.trigger.mode) for s in doc.sents for m in find_triggers(s, lexicon)]


def test_lexicon_loads_and_covers_every_plover_type() -> None:
    lexicon = load_lexicon("fr")
    types = {t.type for triggers in lexicon.by_lemma.values() for t in triggers}
    assert types == set(PLOVER_TYPES)
    assert len(lexicon) > 150


def test_every_line_cites_its_file_and_line() -> None:
    for triggers in load_lexicon("fr").by_lemma.values():
        for trigger in triggers:
            assert re.fullmatch(r"fr/triggers\.tsv:\d+", trigger.where)


def test_specific_lines_come_first() -> None:
    # "condamner à ... de prison" (SANCTION convict) must be tried before plain "condamner".
    first = load_lexicon("fr").candidates("condamner")[0]
    assert (first.type, first.mode) == ("SANCTION", "convict")


def test_every_type_and_mode_has_a_cameo_code_and_score() -> None:
    load_plover()
    for triggers in load_lexicon("fr").by_lemma.values():
        for trigger in triggers:
            cameo, score = lookup(trigger.type, trigger.mode, trigger.cameo)
            assert cameo and -10.0 <= score <= 10.0


def test_a_bad_user_line_names_file_and_line(user_data: Path) -> None:
    (user_data / "fr").mkdir()
    bad = user_data / "fr" / "triggers.tsv"
    bad.write_text(
        "# source: test\nlemma\tpos\twith\tnot\ttype\tmode\tcameo\troles\n"
        "gronder\tVERB\t\t\tSCOLD\t\t\tdir\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"triggers\.tsv:3: type 'SCOLD'"):
        load_lexicon("fr")


def test_a_user_line_adds_a_trigger(user_data: Path) -> None:
    (user_data / "fr").mkdir()
    (user_data / "fr" / "triggers.tsv").write_text(
        "# source: test\nlemma\tpos\twith\tnot\ttype\tmode\tcameo\troles\n"
        "admonester\tVERB\t\t\tACCUSE\tdisapprove\t111\tdir\n",
        encoding="utf-8",
    )
    added = load_lexicon("fr").candidates("admonester")
    assert added and added[0].where.endswith("triggers.tsv:3")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # CONSULT: visits (noun, light verbs, "se rendre"), receiving, talks, phone
        ("Le ministre effectue une visite officielle au Japon.", ("CONSULT", "visit")),
        ("Le président s'est rendu en Inde lundi.", ("CONSULT", "visit")),
        ("Le Premier ministre a reçu l'ambassadeur du Brésil.", ("CONSULT", None)),
        ("Les deux ministres se sont entretenus mardi à Rome.", ("CONSULT", None)),
        ("Le président s'est entretenu au téléphone avec son homologue.", ("CONSULT", "phone")),
        # AGREE: signing a text, agreeing to
        ("Les deux pays ont signé un mémorandum d'accord.", ("AGREE", None)),
        ("La signature du traité a eu lieu à Genève.", ("AGREE", None)),
        ("Les deux parties ont convenu de renforcer leurs échanges.", ("AGREE", None)),
        # SUPPORT: praise, thanks, congratulations
        ("Le ministre a salué les efforts du gouvernement.", ("SUPPORT", None)),
        ("Le président a félicité son homologue pour sa victoire.", ("SUPPORT", None)),
        ("L'ambassadeur a remercié les autorités locales.", ("SUPPORT", None)),
        # CONCEDE: apologies
        ("La ministre a présenté ses excuses aux habitants.", ("CONCEDE", "apologize")),
        # COOPERATE: joint patrols
        ("Les gardes-frontières ont mené une patrouille conjointe.", ("COOPERATE", None)),
        # AID
        ("Le Japon a apporté une aide humanitaire aux sinistrés.", ("AID", None)),
        # RETREAT: resignation, release
        ("Le Premier ministre a démissionné jeudi.", ("RETREAT", "resign")),
        ("Les rebelles ont libéré dix otages.", ("RETREAT", "release")),
        # REQUEST
        ("L'ONU a appelé à un cessez-le-feu immédiat.", ("REQUEST", None)),
        ("Le syndicat exige la hausse des salaires.", ("REQUEST", None)),
        # ACCUSE: condemn, denounce, accuse, investigate
        ("Le gouvernement a condamné l'attentat.", ("ACCUSE", "disapprove")),
        ("Paris a dénoncé une violation du droit international.", ("ACCUSE", "disapprove")),
        ("La justice a ouvert une enquête sur le ministre.", ("ACCUSE", "investigate")),
        # REJECT
        ("Le Parlement a rejeté le projet de loi.", ("REJECT", None)),
        # THREATEN
        ("Le président a menacé le pays voisin de représailles.", ("THREATEN", None)),
        # PROTEST: demonstrations, strikes
        ("Des milliers de personnes ont manifesté samedi à Paris.", ("PROTEST", "demo")),
        ("Les cheminots sont en grève depuis lundi.", ("PROTEST", "strike")),
        # SANCTION: sanctions, expulsions, convictions
        ("L'Union européenne a imposé des sanctions à la Russie.", ("SANCTION", None)),
        ("Le gouvernement a expulsé deux diplomates.", ("SANCTION", "expel")),
        ("Le tribunal l'a condamné à cinq ans de prison.", ("SANCTION", "convict")),
        # MOBILIZE
        ("L'armée a déployé des troupes à la frontière.", ("MOBILIZE", "troops")),
        # COERCE
        ("La police a arrêté trois militants.", ("COERCE", "arrest")),
        # ASSAULT
        ("Des affrontements ont éclaté dans la capitale.", ("ASSAULT", None)),
        ("L'aviation a mené des frappes aériennes sur la ville.", ("ASSAULT", "aerial")),
        ("Les soldats ont tué deux assaillants.", ("ASSAULT", None)),
        # trips named by other nouns, talks named by "dialogue", agreements "scellés"
        ("Une mission commerciale s'est rendue au Chili en mai.", ("CONSULT", "visit")),
        ("Lors de son déplacement officiel au Kenya, le ministre a parlé d'économie.", ("CONSULT", "visit")),
        ("Le gouvernement a ouvert un dialogue avec l'opposition.", ("CONSULT", None)),
        ("Les deux capitales ont scellé un accord de défense.", ("AGREE", None)),
        # demands, charges and refusals in other words
        ("Le juge a sommé le ministre de démissionner.", ("REQUEST", None)),
        ("Le président a été contraint à la démission par l'armée.", ("REQUEST", None)),
        ("Les syndicats ont déposé leurs revendications.", ("REQUEST", None)),
        ("Le ministre a stigmatisé l'attitude de ses voisins.", ("ACCUSE", "disapprove")),
        ("Le gouvernement a réfuté ces affirmations.", ("REJECT", None)),
        ("L'ambassadeur a décliné l'invitation du ministre.", ("REJECT", None)),
        ("La police a dispersé les manifestants devant le Parlement.", ("ASSAULT", "crowd-control")),
        ("Les policiers ont tiré des gaz lacrymogènes sur la foule.", ("ASSAULT", "crowd-control")),
        # elections won, support in other words
        ("Le candidat socialiste a remporté l'élection présidentielle.", ("SUPPORT", None)),
        ("Le ministre s'est réjoui de la libération des marins.", ("SUPPORT", None)),
        # aid paid or granted
        ("La Banque mondiale a versé 20 millions de dollars au Niger.", ("AID", None)),
        # giving up power, pardons
        ("Le président a renoncé à sa candidature.", ("RETREAT", "resign")),
        ("Le roi a gracié deux opposants.", ("RETREAT", "release")),
        # charges: blame, formal protest, charges filed
        ("Le gouvernement a imputé l'attaque aux rebelles.", ("ACCUSE", "disapprove")),
        ("Le ministère a convoqué l'ambassadeur de Russie.", ("ACCUSE", "disapprove")),
        ("Pékin a élevé une protestation officielle auprès de Tokyo.", ("ACCUSE", "disapprove")),
        ("L'ancien ministre a été mis en examen pour corruption.", ("ACCUSE", "disapprove")),
        # vetoes, threats brandished
        ("La Chine a mis son veto au projet de résolution.", ("REJECT", None)),
        ("Washington a brandi la menace de nouvelles sanctions.", ("THREATEN", None)),
        # ties cut, diplomats declared unwelcome
        ("Le Maroc a coupé les liens avec l'Iran.", ("SANCTION", "discontinue")),
        ("Le diplomate a été déclaré persona non grata.", ("SANCTION", "expel")),
        # forces sent or put on alert, arsenals built up
        ("Le gouvernement a dépêché des renforts dans la région.", ("MOBILIZE", "troops")),
        ("L'armée a été placée en état d'alerte.", ("MOBILIZE", "troops")),
        ("Le président veut renforcer la capacité nucléaire du pays.", ("MOBILIZE", "weapons")),
        # joining a coalition to act together
        ("Le Danemark a rejoint la coalition contre les djihadistes.", ("COOPERATE", None)),
        ("Paris a accueilli favorablement la proposition de Berlin.", ("SUPPORT", None)),
        ("Le député s'en est pris au ministre de l'Intérieur.", ("ACCUSE", "disapprove")),
        ("Le ministre a regretté la décision de son homologue.", ("ACCUSE", "disapprove")),
        ("L'ONG a attaqué l'État en justice.", ("ACCUSE", "disapprove")),
        ("Le Premier ministre a réaffirmé son opposition au projet.", ("REJECT", None)),
        ("L'armée a promis des représailles.", ("THREATEN", None)),
        ("L'Union européenne a débloqué une aide d'urgence.", ("AID", None)),
        # judgements (roles eval): the word itself, the rule decides whether it is an event
        ("Le ministre a qualifié ce vote de « mascarade ».", ("ACCUSE", "disapprove")),
        ("Le président a jugé ces propos « inacceptables ».", ("REJECT", None)),
        ("Le ministre a estimé que le sommet était un succès.", ("SUPPORT", None)),
    ],
)
def test_trigger_families(nlp, sentence: str, expected: tuple[str, str | None]) -> None:
    assert expected in triggers_of(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Le directeur s'est rendu compte de son erreur.",  # "se rendre compte" is not a visit
        "Le ministre a manifesté son soutien au projet.",  # expressing, not demonstrating
        "Le projet s'appelle Horizon.",  # "s'appeler" is not an appeal
        "Le ministère a accusé réception de la lettre.",  # acknowledging receipt is no charge
    ],
)
def test_lookalikes_are_not_triggers(nlp, sentence: str) -> None:
    found = triggers_of(nlp, sentence)
    assert ("CONSULT", "visit") not in found
    assert ("PROTEST", "demo") not in found
    assert ("REQUEST", None) not in found
    assert ("ACCUSE", "disapprove") not in found
