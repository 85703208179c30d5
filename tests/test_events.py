"""The coder on sentences written for these tests: actors and recipients, status, dedupe, why.

Each test builds a small document, runs it through clean -> parse -> code, and
checks the events. spaCy is loaded once per process (``load_pipeline`` is cached).
"""

from __future__ import annotations

import re

import pytest

from eventwire.clean import clean_document
from eventwire.code import code_document
from eventwire.code.dedupe import dedupe, same_event
from eventwire.document import Document, Metadata
from eventwire.event import Entity, Event, Evidence
from eventwire.parse import load_pipeline, parse_document


@pytest.fixture(scope="module", autouse=True)
def nlp():
    return load_pipeline("fr")


def code(text: str, published: str | None = "2024-03-07") -> list[Event]:
    doc = Document(source="test.txt", name="test.txt", raw=text, meta=Metadata(published=published))
    doc = clean_document(doc)
    return code_document(doc, parse_document(doc))


def countries(entities: list[Entity]) -> set[str | None]:
    return {e.country for e in entities}


def one(events: list[Event], type_: str) -> Event:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.evidence.text) for e in events]
    return found[0]


# ------------------------------------------------------------------ who, to whom


def test_subject_acts_on_object() -> None:
    event = one(code("La police turque a arrêté trois journalistes allemands mardi à Istanbul."), "COERCE")
    assert countries(event.actor) == {"TUR"} and event.actor[0].sector == "COP"
    assert countries(event.recipient) == {"DEU"}
    assert event.mode == "arrest"
    assert event.date == "2024-03-05"  # "mardi" before the article's Thursday
    assert event.place is not None and event.place.name == "Istanbul"


def test_apposition_keeps_title_and_name_together() -> None:
    event = one(code("Le chef de la diplomatie japonaise, le ministre Taro Kono, a condamné la Corée du Nord."), "ACCUSE")
    assert countries(event.actor) == {"JPN"}
    assert countries(event.recipient) == {"PRK"}


def test_fronted_phrase_partner_is_not_the_actor() -> None:
    events = code(
        "Lors d'un entretien avec son homologue chinois, le ministre vietnamien de la Défense "
        "a félicité la Chine."
    )
    support = one(events, "SUPPORT")
    assert countries(support.actor) == {"VNM"}
    assert countries(support.recipient) == {"CHN"}
    talks = one(events, "CONSULT")
    assert countries(talks.actor) == {"VNM", "CHN"} and talks.recipient == []


def test_passive_voice_agent_is_the_actor() -> None:
    event = one(code("Le ministre russe a été accusé par le gouvernement ukrainien."), "ACCUSE")
    assert countries(event.actor) == {"UKR"}
    assert countries(event.recipient) == {"RUS"}
    assert event.why["actor_rule"] == "obl:agent"


def test_reported_speech_actor_is_the_speaker() -> None:
    event = one(
        code("« Nous condamnons fermement la Turquie », a déclaré le ministre grec des Affaires étrangères."),
        "ACCUSE",
    )
    assert countries(event.actor) == {"GRC"}
    assert countries(event.recipient) == {"TUR"}
    assert "reported speech" in event.why["actor_rule"]


def test_coordinated_actors_are_all_actors() -> None:
    event = one(code("Le Canada et le Mexique ont signé un accord commercial."), "AGREE")
    assert countries(event.actor) == {"CAN", "MEX"}


def test_reciprocal_phrase_is_both_sides_of_the_meeting() -> None:
    events = code(
        "Le ministre allemand a rencontré son homologue italien lundi à Rome. "
        "Les deux ministres ont signé un accord de coopération."
    )
    agree = one(events, "AGREE")
    assert countries(agree.actor) == {"DEU", "ITA"} and agree.recipient == []
    assert "reciprocal" in agree.why["actor_rule"]
    assert agree.date == "2024-03-04"  # signed at the meeting: the meeting's day


def test_visit_host_is_the_recipient_and_place_country() -> None:
    event = one(code("Le président russe effectuera une visite officielle en Chine du 12 au 14 mai."), "CONSULT")
    assert (event.mode, event.status) == ("visit", "future")
    assert countries(event.actor) == {"RUS"} and countries(event.recipient) == {"CHN"}
    assert (event.date, event.date_end) == ("2024-05-12", "2024-05-14")


def test_receiving_makes_the_host_the_recipient() -> None:
    event = one(code("Le président ukrainien a été reçu par le président polonais à Varsovie."), "CONSULT")
    assert countries(event.actor) == {"UKR"}
    assert countries(event.recipient) == {"POL"}


# ------------------------------------------------------------------ status


@pytest.mark.parametrize(
    ("text", "type_", "status"),
    [
        ("Le président français va rendre hommage aux soldats britanniques.", "SUPPORT", "future"),
        ("Le président chinois conduira une délégation en visite en Russie.", "CONSULT", "future"),
        ("Le ministre indien n'a pas rencontré son homologue pakistanais.", "CONSULT", "negated"),
        ("Le Brésil pourrait imposer des sanctions au Venezuela.", "SANCTION", "hypothetical"),
        ("Si l'Iran attaque Israël, les États-Unis imposeront des sanctions contre Téhéran.", "SANCTION", "hypothetical"),
        ("Le Japon n'a pas signé l'accord avec la Corée du Sud.", "AGREE", "negated"),
        # "devoir" in a past tense asserts the act; "il revient à X de" only assigns it
        ("Le Premier ministre italien a dû démissionner mardi.", "RETREAT", "occurred"),
        ("Le Premier ministre italien doit démissionner mardi.", "RETREAT", "future"),
        ("Il revient au gouvernement grec de condamner la Turquie.", "ACCUSE", "hypothetical"),
    ],
)
def test_status(text: str, type_: str, status: str) -> None:
    assert one(code(text), type_).status == status


def test_refusing_is_a_reject_not_a_negation() -> None:
    events = code("La Hongrie a refusé de condamner la Russie.")
    reject = one(events, "REJECT")
    assert reject.status == "occurred" and countries(reject.actor) == {"HUN"}
    # The condemnation it refused is not asserted.
    assert one(events, "ACCUSE").status == "hypothetical"


# ------------------------------------------------------------------ one event told twice


def test_title_and_body_are_one_event() -> None:
    events = code(
        "Le Canada signe un accord avec le Mexique\n\n"
        "Le Canada a signé mardi un accord commercial avec le Mexique à Ottawa."
    )
    agree = one(events, "AGREE")
    assert countries(agree.actor) == {"CAN", "MEX"}
    assert agree.date == "2024-03-05"  # the merged event keeps the date the body gives


def _event(type_: str, actor: str, recipient: str | None, date: str | None, mode=None) -> Event:
    evidence = Evidence("x", 0, 0, 1, 0, 1)
    return Event(
        type_, mode, [Entity(actor)], [Entity(recipient)] if recipient else [], date, None,
        None, "occurred", "body", evidence, why={"unit": None},
    )


def _in_another_sentence(event: Event) -> Event:
    event.evidence = Evidence("y", 0, 10, 11, 10, 11)
    return event


def test_a_visit_and_its_host_receiving_the_guest_are_one_event() -> None:
    visit = _event("CONSULT", "RUS", "VNM", None, mode="visit")
    received = _event("CONSULT", "RUS", "VNM", "2019-10-21")
    received.cameo = "043"
    assert same_event(visit, received)
    talks = _event("CONSULT", "RUS", "VNM", "2019-10-21")
    talks.cameo = "040"
    # talks told in the visit's sentence are the visit (FORMAT.md rule 4) ...
    assert same_event(visit, talks)
    # ... talks told in a sentence of their own are a meeting of their own
    assert not same_event(visit, _in_another_sentence(talks))


def test_a_merged_event_keeps_who_did_it_to_whom() -> None:
    both = Event("SANCTION", "expel", [Entity("POL"), Entity("BLR")], [], "2023-11-21", None, None,
                 "occurred", "body", Evidence("x", 0, 0, 1, 0, 1), why={"unit": None})
    merged = dedupe([both, _event("SANCTION", "POL", "BLR", "2023-11-21", mode="expel")])
    assert [([a.country for a in e.actor], [r.country for r in e.recipient]) for e in merged] == [(["POL"], ["BLR"])]


def test_a_merged_event_keeps_the_more_precise_date() -> None:
    # the headline's month, then the body's day: one event, on that day
    merged = dedupe([_event("PROTEST", "GBR", None, "2019-03"), _event("PROTEST", "GBR", None, "2019-03-23")])
    assert [e.date for e in merged] == ["2019-03-23"]


def test_same_event_rules() -> None:
    a = _event("SANCTION", "USA", "RUS", "2024-03-01")
    assert same_event(a, _event("SANCTION", "USA", "RUS", None))
    assert not same_event(a, _event("SANCTION", "USA", "RUS", "2024-04-01"))  # another date
    assert not same_event(a, _event("SANCTION", "USA", "IRN", "2024-03-01"))  # another target
    assert same_event(a, _event("SANCTION", "USA", None, "2024-03-01"))  # told with fewer sides
    visit = _event("CONSULT", "RUS", "VNM", "2024-03-01", mode="visit")
    talks = _in_another_sentence(_event("CONSULT", "RUS", "VNM", "2024-03-01"))
    assert not same_event(visit, talks)  # talks in a visit, told apart
    assert len(dedupe([a, _event("SANCTION", "USA", "RUS", None)])) == 1

    # "la communauté internationale a critiqué l'essai": a named actor of no known country
    # is someone else, not a shorter telling of "la Corée du Sud a critiqué l'essai".
    accuse = _event("ACCUSE", "KOR", "PRK", None)
    unnamed = Event(
        "ACCUSE", None, [Entity(None)], [Entity("PRK")], None, None, None, "occurred", "body",
        Evidence("x", 0, 0, 1, 0, 1), why={"unit": None, "unresolved_actor": True},
    )
    assert not same_event(accuse, unnamed)
    unnamed.why["unresolved_actor"] = False
    assert same_event(accuse, unnamed)


# ------------------------------------------------------------------ why


def test_why_names_the_lexicon_file_and_line() -> None:
    event = one(code("Le gouvernement français a condamné la Russie."), "ACCUSE")
    assert event.why["trigger"] == "condamné"
    assert re.fullmatch(r"fr/triggers\.tsv:\d+", event.why["lexicon"])
    line = int(event.why["lexicon"].rsplit(":", 1)[1])
    from eventwire.code.tables import DATA_DIR

    text = (DATA_DIR / "fr" / "triggers.tsv").read_text(encoding="utf-8").splitlines()[line - 1]
    assert text.startswith("condamner\t") and "ACCUSE" in text
    assert event.why["actor_rule"] == "nsubj" and event.why["recipient_rule"] == "obj"
    assert event.cameo == "111" and event.score is not None and event.score < 0


def test_evidence_is_a_substring_of_the_raw_text() -> None:
    raw = "Titre\n\nLe président russe s'est entretenu au téléphone avec son homologue turc."
    doc = clean_document(Document(source="t.txt", name="t.txt", raw=raw))
    for event in code_document(doc, parse_document(doc)):
        assert event.evidence.text in raw
        assert raw[event.evidence.raw_start : event.evidence.raw_end] == event.evidence.text


def test_phone_call_is_one_consult_with_both_sides() -> None:
    event = one(code("Le président russe s'est entretenu au téléphone avec son homologue turc."), "CONSULT")
    assert event.mode == "phone"
    assert countries(event.actor) == {"RUS", "TUR"} and event.recipient == []


def test_a_demonstrative_names_an_event_told_before() -> None:
    events = code(
        "Le ministre allemand a effectué une visite en Pologne. "
        "Cette visite a été saluée par la presse polonaise."
    )
    assert len([e for e in events if e.type == "CONSULT"]) == 1


def test_background_well_before_the_article_is_not_coded() -> None:
    events = code("En mars 2019, la France a expulsé deux diplomates russes.", published="2024-03-07")
    assert not [e for e in events if e.type == "SANCTION"]


# ------------------------------------------------------------------ context: whom, when


def test_a_judgement_under_a_speech_verb_is_an_accusation() -> None:
    event = one(
        code("Le ministre japonais a déclaré que les manœuvres chinoises étaient une « provocation »."),
        "ACCUSE",
    )
    assert countries(event.actor) == {"JPN"} and countries(event.recipient) == {"CHN"}
    assert event.why["actor_rule"].startswith("speaker of the judgement")


def test_calling_someone_by_a_name_is_a_judgement() -> None:
    event = one(code("Le président turc a qualifié les dirigeants grecs de « provocateurs »."), "ACCUSE")
    assert countries(event.actor) == {"TUR"} and countries(event.recipient) == {"GRC"}


def test_an_evaluative_word_outside_a_judgement_is_no_event() -> None:
    events = code("La provocation a eu lieu près de la frontière entre le Pérou et le Chili.")
    assert not [e for e in events if e.type == "ACCUSE"]


def test_a_positive_judgement_is_support() -> None:
    event = one(code("Le ministre italien a estimé que la présidence allemande était un succès."), "SUPPORT")
    assert countries(event.actor) == {"ITA"} and countries(event.recipient) == {"DEU"}


def test_criticising_an_act_aims_at_its_author() -> None:
    events = code(
        "L'armée nord-coréenne a procédé à un essai de missile balistique mardi. "
        "Le Japon a vivement critiqué l'essai."
    )
    accuse = one(events, "ACCUSE")
    assert countries(accuse.actor) == {"JPN"} and countries(accuse.recipient) == {"PRK"}
    assert accuse.why["recipient_rule"].startswith("author of the act judged")


def test_a_decision_criticised_is_aimed_at_whoever_took_it() -> None:
    events = code(
        "Le gouvernement polonais a interdit trois journaux allemands mardi. "
        "Cette décision a été critiquée par la France."
    )
    accuse = one(events, "ACCUSE")
    assert countries(accuse.actor) == {"FRA"} and countries(accuse.recipient) == {"POL"}


def test_an_unaddressed_reply_answers_the_other_side_of_the_exchange() -> None:
    events = code(
        "Le gouvernement chilien a refusé la proposition des syndicats boliviens. "
        "Les syndicats boliviens, qui exigent une hausse des salaires, ont annoncé une grève."
    )
    request = one(events, "REQUEST")
    assert countries(request.actor) == {"BOL"} and countries(request.recipient) == {"CHL"}
    assert request.why["recipient_rule"] == "the other side of the exchange told before"


def test_a_named_person_is_not_the_other_side_of_an_exchange() -> None:
    events = code(
        "Le président brésilien a exigé la démission du banquier allemand Hans Weber. "
        "Le président brésilien a dénoncé la corruption."
    )
    accuse = one(events, "ACCUSE")
    assert countries(accuse.actor) == {"BRA"} and "DEU" not in countries(accuse.recipient)


def test_a_resolution_orders_what_its_voters_order() -> None:
    events = code(
        "Le Conseil de sécurité de l'ONU a voté une résolution qui ordonne un cessez-le-feu au Soudan."
    )
    request = one(events, "REQUEST")
    assert countries(request.actor) == {"IGO"}
    assert request.why["actor_rule"].startswith("author of the text")


def test_an_arrest_warrant_issued_by_a_court() -> None:
    events = code("Un mandat d'arrêt a été émis par un tribunal de Lima contre l'ancien ministre.")
    threat = one(events, "THREATEN")
    assert threat.mode == "arrest" and countries(threat.actor) == {"PER"}


def test_the_next_sentence_inherits_the_day_of_the_same_actor() -> None:
    events = code(
        "La Commission européenne a, mercredi, menacé la Hongrie de sanctions. "
        "L'exécutif européen reproche au pays de ne pas respecter ses engagements.\n\n"
        "La Commission européenne dénonce aussi la corruption en Hongrie."
    )
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert accusations[0].date == "2024-03-06"
    assert all(e.date is None for e in accusations[1:])  # another paragraph: left undated


def test_the_elected_are_chosen_by_the_voters_of_their_country() -> None:
    event = one(code("Le chef de l'opposition colombienne a été élu président dimanche."), "SUPPORT")
    assert countries(event.recipient) == {"COL"} and countries(event.actor) == {"COL"}
    assert event.actor[0].sector == "CVL" and event.why["actor_rule"].startswith("the voters")


def test_negotiations_with_unnamed_sides_are_between_the_parties_of_the_exchange() -> None:
    events = code(
        "Le gouvernement péruvien a rejeté la demande des mineurs boliviens. "
        "Au terme de longues négociations, trois accords ont pu être trouvés."
    )
    talks = one(events, "CONSULT")
    assert countries(talks.actor) == {"PER", "BOL"} and talks.recipient == []
    assert "exchange" in talks.why["actor_rule"]


def test_a_circumstance_before_a_refusal_is_not_refused() -> None:
    events = code(
        "Au terme de longues négociations avec le gouvernement chilien, "
        "les syndicats boliviens ont refusé la proposition."
    )
    talks = one(events, "CONSULT")
    assert talks.status == "occurred"
    assert countries(talks.actor) == {"CHL", "BOL"}


def test_declaring_a_decision_unacceptable_rejects_it() -> None:
    events = code(
        "Le Chili a expulsé deux diplomates argentins mardi. "
        "Le gouvernement argentin a déclaré cette décision « inacceptable »."
    )
    reject = one(events, "REJECT")
    assert countries(reject.actor) == {"ARG"} and countries(reject.recipient) == {"CHL"}


def test_des_deux_pays_is_both_sides_of_the_meeting() -> None:
    events = code(
        "Le président chilien a reçu mardi le ministre péruvien des Affaires étrangères, "
        "réaffirmant la volonté des deux pays de consolider leur partenariat."
    )
    agree = one(events, "AGREE")
    assert countries(agree.actor) == {"CHL", "PER"}


def test_a_headline_participle_reports_the_act() -> None:
    events = code(
        "Pérou : deux journalistes chiliens arrêtés par la police\n\n"
        "La situation reste tendue dans la région."
    )
    arrest = one(events, "COERCE")
    assert countries(arrest.actor) == {"PER"} and countries(arrest.recipient) == {"CHL"}


def test_a_participle_in_running_text_describes() -> None:
    events = code(
        "Les rebelles soutenus par la Turquie ont avancé.\n\n"
        "Le Pérou a expulsé deux diplomates chiliens."
    )
    assert not [e for e in events if e.type == "SUPPORT"]


def test_depuis_marks_another_time_than_the_day_just_told() -> None:
    events = code(
        "La Commission européenne a, mercredi, menacé la Hongrie de sanctions. "
        "La Commission européenne a depuis dénoncé la corruption en Hongrie."
    )
    accuse = one(events, "ACCUSE")
    assert accuse.date is None and accuse.why["date_rule"] is None


def test_years_of_negotiations_are_background() -> None:
    events = code("Après sept ans de négociations, le Chili et le Pérou ont signé un traité mardi.")
    assert not [e for e in events if e.type == "CONSULT"]
    assert countries(one(events, "AGREE").actor) == {"CHL", "PER"}


def test_hours_of_negotiations_are_the_story() -> None:
    events = code("Le Chili et le Pérou ont signé un traité après de longues heures de négociations.")
    assert [e for e in events if e.type == "CONSULT"]


def test_the_island_is_the_country_the_story_names_not_its_actors_one() -> None:
    event = one(
        code("Élections à Madagascar\n\nLe président français a félicité mardi le premier ministre de l'île."),
        "SUPPORT",
    )
    assert countries(event.actor) == {"FRA"} and countries(event.recipient) == {"MDG"}


def test_le_lendemain_counts_from_the_day_an_earlier_paragraph_told() -> None:
    events = code(
        "Le 3 mars, le président russe a rencontré le président chinois à Pékin.\n\n"
        "Le lendemain, le président russe a signé un accord avec la Chine."
    )
    assert one(events, "AGREE").date == "2024-03-04"  # not the day after the publication


def test_la_veille_counts_from_the_day_an_earlier_paragraph_told() -> None:
    events = code(
        "Le président russe a rencontré lundi le président chinois à Pékin.\n\n"
        "La veille, le président russe avait critiqué le Japon."
    )
    assert one(events, "ACCUSE").date == "2024-03-03"
