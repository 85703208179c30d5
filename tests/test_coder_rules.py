"""Rules of the coder that hold in every language, on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.document import Document, Metadata
from eventwire.pipeline import extract_document


def events(text: str, lang: str) -> list[dict]:
    doc = Document(source="t.txt", name="t.txt", raw=f"{text}\n",
                   meta=Metadata(published="2024-03-07"))
    record = extract_document(doc)
    assert record["lang"] == lang
    return record["events"]


def events_of(text: str, lang: str, type_: str) -> list[dict]:
    """The events of ``type_`` coded from ``text``."""
    return [e for e in events(text, lang) if e["type"] == type_]


def first_event(text: str, lang: str, type_: str) -> dict:
    """The first event of ``type_`` coded from ``text`` (one must be)."""
    found = events_of(text, lang, type_)
    assert found, events(text, lang)
    return found[0]


def under_headline(text: str, lang: str) -> str:
    """``text`` as a body line under a neutral headline of its language."""
    return f"{'Actualité' if lang == 'fr' else 'World news'}\n\n{text}"


def countries(entities: list[dict]) -> set[str]:
    return {e["country"] for e in entities}


def parties(event: dict) -> set[str]:
    """The countries of an event's actor and recipient together (a joint act's sides)."""
    return countries(event["actor"]) | countries(event["recipient"])


def sides(event: dict) -> tuple[set[str], set[str]]:
    """The countries of an event's actor and of its recipient."""
    return countries(event["actor"]), countries(event["recipient"])


def typed_sides(found: list[dict]) -> list[tuple[str, set[str], set[str]]]:
    """Each event's type with the countries of its actor and of its recipient."""
    return [(e["type"], *sides(e)) for e in found]


@pytest.mark.parametrize(("text", "lang", "government"), [
    ("Thousands of Chilean students marched in Santiago on Tuesday.", "en", "CHL"),
    ("Des milliers de manifestants péruviens ont défilé mardi à Lima.", "fr", "PER"),
    # a territory's government is that of the state governing it
    ("Des milliers de manifestants ont défilé mardi à Cayenne, en Guyane.", "fr", "FRA"),
])
def test_a_protest_without_target_is_aimed_at_the_own_government(
        text: str, lang: str, government: str) -> None:
    protests = events_of(text, lang, "PROTEST")
    assert protests, events(text, lang)
    assert protests[0]["recipient"] == [{"country": government, "sector": "GOV", "name": None}]


def test_a_protest_with_a_target_keeps_it() -> None:
    protest = first_event("Hundreds of Kenyan farmers protested against the Ugandan government "
                          "in Nairobi on Monday.", "en", "PROTEST")
    assert {r["country"] for r in protest["recipient"]} == {"UGA"}


def test_a_date_describing_what_the_act_is_about_does_not_date_the_act() -> None:
    # 2015 dates the violations, not the opening of the inquiry (which would then be
    # dropped as background, FORMAT.md rule 11).
    found = events("L'ONU a annoncé l'ouverture d'une enquête sur les violations des droits de "
                   "l'homme survenues depuis 2015 au Burundi.", "fr")
    inquiry = [e for e in found if e["type"] == "ACCUSE"]
    assert inquiry and inquiry[0]["date"] != "2015", found


def test_a_trigger_under_a_modal_sees_the_object_the_parser_gave_the_modal() -> None:
    found = events("Après deux jours de discussions à Niamey, trois accords ont pu être trouvés "
                   "entre le Mali et le Niger.", "fr")
    assert any(e["type"] == "AGREE" for e in found), found


@pytest.mark.parametrize(("text", "lang"), [
    ("Chaque année, la Norvège fournit une aide alimentaire au Malawi.", "fr"),
    ("Every year, Norway provides food aid to Malawi.", "en"),
    ("Norway regularly provides food aid to Malawi.", "en"),
])
def test_a_habit_is_not_an_event(text: str, lang: str) -> None:
    assert not events_of(text, lang, "AID")


def test_one_act_is_still_an_event() -> None:
    assert [e for e in events("Norway provided food aid to Malawi on Monday.", "en")
            if e["type"] == "AID"]


@pytest.mark.parametrize(("text", "lang"), [
    ("The Danish government expressed its deepest sympathies on Monday.", "en"),
    ("Le gouvernement danois a exprimé lundi sa profonde sympathie.", "fr"),
])
def test_sympathy_aimed_at_no_one_is_not_coded(text: str, lang: str) -> None:
    assert not events_of(text, lang, "SUPPORT")


def test_praise_of_someone_is_coded() -> None:
    found = events("The Danish prime minister praised Norway for its help on Monday.", "en")
    support = [e for e in found if e["type"] == "SUPPORT"]
    assert support and {r["country"] for r in support[0]["recipient"]} == {"NOR"}


@pytest.mark.parametrize(("text", "lang", "type_", "actor", "recipient"), [
    ("Les sanctions imposées par le Canada à l'Iran ont été prolongées mardi.", "fr",
     "SANCTION", "CAN", "IRN"),
    ("L'aide humanitaire envoyée par la Norvège au Soudan est arrivée mardi à Khartoum.", "fr",
     "AID", "NOR", "SDN"),
    ("The sanctions imposed by Canada on Iran were extended on Tuesday.", "en",
     "SANCTION", "CAN", "IRN"),
])
def test_a_participle_with_an_agent_tells_who_did_the_act_a_noun_names(
        text: str, lang: str, type_: str, actor: str, recipient: str) -> None:
    event = first_event(text, lang, type_)
    assert countries(event["actor"]) == {actor}
    assert countries(event["recipient"]) == {recipient}


def _parsed(rows: list[tuple[str, int, str, str, str]]):  # type: ignore[no-untyped-def]
    """A hand-made English parse: (word, head, dep, pos, morph) per token."""
    from spacy.tokens import Doc

    from eventwire.parse import load_pipeline

    words, heads, deps, pos, morphs = zip(*rows, strict=True)
    return Doc(load_pipeline("en").vocab, words=list(words), heads=list(heads), deps=list(deps),
               pos=list(pos), morphs=list(morphs), sent_starts=[True] + [False] * (len(rows) - 1))


def _apposition_rows(where: bool, coordinated: bool) -> list[tuple[str, int, str, str, str]]:
    """ "Ministers met, [where] President Kone of Mali [and Deby of Chad] signed ." """
    rows = [("Ministers", 1, "nsubj", "NOUN", ""), ("met", 1, "ROOT", "VERB", ""),
            (",", 1, "punct", "PUNCT", "")]
    rows.append(("where", 12, "advmod", "ADV", "PronType=Rel") if where
                else ("then", 12, "advmod", "ADV", ""))
    rows += [("President", 5, "compound", "PROPN", ""), ("Kone", 12, "nsubj", "PROPN", ""),
             ("of", 7, "case", "ADP", ""), ("Mali", 5, "nmod", "PROPN", "")]
    rows += ([("and", 9, "cc", "CCONJ", ""), ("Deby", 5, "conj", "PROPN", "")] if coordinated
             else [("our", 9, "det", "DET", ""), ("time", 12, "obl:tmod", "NOUN", "")])
    rows += [("of", 11, "case", "ADP", ""), ("Chad", 9, "nmod", "PROPN", ""),
             ("signed", 1, "parataxis", "VERB", ""), (".", 1, "punct", "PUNCT", "")]
    return rows


@pytest.mark.parametrize(("where", "coordinated", "found"), [
    (False, False, True),  # "then President Kone of Mali": the stretch after the comma
    (True, False, False),  # "where ...": a relative clause, not an apposition
    (False, True, False),  # "Kone of Mali and Deby of Chad": the coordination is the subject
])
def test_the_last_apposition_rule_leaves_clauses_and_coordinations_alone(
        where: bool, coordinated: bool, found: bool) -> None:
    from eventwire.code.arguments import _last_apposition

    doc = _parsed(_apposition_rows(where, coordinated))
    assert bool(_last_apposition(doc[5], doc[12])) is found


@pytest.mark.parametrize(("text", "lang"), [
    ('The Kenyan opposition leader called the Ugandan government\'s border plan "reckless" '
     "on Monday and said he would only back it if parliament voted on it.", "en"),
])
def test_a_judgement_named_with_a_verb_of_asking_is_reported_not_asked(text: str, lang: str) -> None:
    """ "call X reckless" judges X: "call" asks only in "call for" / "call on"."""
    judged = events_of(text, lang, "ACCUSE")
    assert judged and judged[0]["status"] == "occurred", events(text, lang)


@pytest.mark.parametrize(("text", "lang", "type_", "sides"), [
    # the partner of talks that the parser hangs on a manner adjunct ("par téléphone")
    ("Le Premier ministre japonais s'est entretenu par téléphone avec le président sud-coréen.",
     "fr", "CONSULT", {"JPN", "KOR"}),
    # "entre X et Y" names the sides of a joint act
    ("De violents affrontements entre l'armée soudanaise et des paramilitaires ont éclaté lundi.",
     "fr", "ASSAULT", {"SDN"}),
    # a capital alone stands for its country even when the recogniser calls it a person
    ("Washington a félicité le nouveau président élu du Kenya.", "fr", "SUPPORT", {"USA", "KEN"}),
    # weapons delivered are aid
    ("La Turquie a fourni des drones à l'Ukraine.", "fr", "AID", {"TUR", "UKR"}),
    ("Norway has delivered tanks to Ukraine.", "en", "AID", {"NOR", "UKR"}),
    # the receiver the parser hangs on the thing given
    ("Le Japon va accorder une aide de 10 millions de dollars aux Philippines.", "fr", "AID",
     {"JPN", "PHL"}),
    # "ses troupes": the troops of who announces their withdrawal
    ("Le Canada a annoncé mardi le retrait de ses troupes.", "fr", "RETREAT", {"CAN"}),
    ("Canada announced on Tuesday the withdrawal of its troops.", "en", "RETREAT", {"CAN"}),
    ("Japan's prime minister spoke by phone with the South Korean president on Tuesday.", "en",
     "CONSULT", {"JPN", "KOR"}),
    # the light verb's subject imposes the sanctions a noun names
    ("The United States imposed new sanctions on North Korea.", "en", "SANCTION", {"USA", "PRK"}),
    ("Venezuela released two American citizens on Saturday.", "en", "RETREAT", {"VEN", "USA"}),
    ("L'Union européenne a suspendu son aide budgétaire au Niger.", "fr", "SANCTION", {"IGO", "NER"}),
    # the author of what is rejected, named by a participle's agent
    ("La Russie a rejeté la proposition de cessez-le-feu présentée par l'Ukraine.", "fr", "REJECT",
     {"RUS", "UKR"}),
    # "entre X et Y" when the parser hangs Y on the verb
    ("Un accord de libre-échange a été signé entre le Chili et l'Indonésie.", "fr", "AGREE",
     {"CHL", "IDN"}),
    ("Des soldats indiens et chinois se sont affrontés dans l'Himalaya.", "fr", "ASSAULT",
     {"IND", "CHN"}),
    # resuming relations is cooperation (PLOVER COOPERATE)
    ("L'Arabie saoudite et l'Iran ont rétabli leurs relations diplomatiques.", "fr", "COOPERATE",
     {"SAU", "IRN"}),
    # "dénoncer un accord": to withdraw from it (from the one signed with the other side)
    ("Le Niger a dénoncé l'accord de défense signé avec le Bénin.", "fr", "SANCTION", {"NER", "BEN"}),
])
def test_common_phrasings_of_news(text: str, lang: str, type_: str, sides: set[str]) -> None:
    event = first_event(text, lang, type_)
    assert {x["country"] for x in event["actor"] + event["recipient"]} - {None} == sides


def test_a_country_heading_a_title_is_its_topic_not_the_place() -> None:
    """ "Kenya : le gouvernement ...": the topic of the story, not where it happened; a
    city there is still the place ("Nairobi : ...")."""
    doc = Document(source="t.txt", name="t.txt", raw="Kenya : le gouvernement expulse l'ambassadeur du Soudan\n\n"
                   "Le Kenya a expulsé mardi l'ambassadeur du Soudan.\n", meta=Metadata(published="2024-03-07"))
    expelled = [e for e in extract_document(doc)["events"] if e["type"] == "SANCTION"]
    assert expelled and all(e["place"] is None for e in expelled), expelled
    city = Document(source="c.txt", name="c.txt", raw="Nairobi : le gouvernement expulse l'ambassadeur du Soudan\n",
                    meta=Metadata(published="2024-03-07"))
    expelled = [e for e in extract_document(city)["events"] if e["type"] == "SANCTION"]
    assert expelled and expelled[0]["place"]["name"] == "Nairobi", expelled


@pytest.mark.parametrize(("text", "lang", "actor", "recipient"), [
    # "ce qui" / "ce que" stand for the clause before: its subject made what is refused
    ("Le Japon a proposé une rencontre, ce que la Chine a refusé.", "fr", "CHN", "JPN"),
    ("Le Kenya a proposé de financer les élections, ce qui a été refusé par le gouvernement "
     "somalien.", "fr", "SOM", "KEN"),
    # an antecedent that is no actor: who proposed it
    ("Japan proposed a meeting, which China rejected.", "en", "CHN", "JPN"),
    ("Kenya offered to pay the soldiers, which was rejected by the government of Somalia.",
     "en", "SOM", "KEN"),
])
def test_what_a_relative_clause_refuses_was_done_by_the_subject_of_the_clause_before(
        text: str, lang: str, actor: str, recipient: str) -> None:
    event = first_event(text, lang, "REJECT")
    assert countries(event["actor"]) == {actor}
    assert countries(event["recipient"]) == {recipient}
    # a relative clause in a past tense states a fact, even under a verb of proposing
    assert event["status"] == "occurred"


def test_a_finite_verb_hung_as_an_adverbial_clause_keeps_the_subject_before_it() -> None:
    # The parser hangs "a démissionné" on the participle "nommé" as an adverbial clause.
    found = events("Le président du Sénat tchadien, nommé à vie, a démissionné mardi.", "fr")
    resignations = [e for e in found if e["type"] == "RETREAT"]
    assert resignations, found
    assert resignations[0]["actor"][0]["country"] == "TCD"


@pytest.mark.parametrize(("text", "lang", "type_"), [
    ("L'Égypte a condamné l'accord maritime entre la Turquie et la Libye.", "fr", "ACCUSE"),
    ("La Grèce a condamné le mémorandum signé entre la Turquie et la Libye.", "fr", "ACCUSE"),
    ("Egypt denounced the maritime agreement between Turkey and Libya.", "en", "ACCUSE"),
    ("Greece condemned the memorandum of understanding between Turkey and Libya.", "en", "ACCUSE"),
])
def test_a_judged_agreement_between_two_sides_is_aimed_at_both(text: str, lang: str, type_: str) -> None:
    event = first_event(text, lang, type_)
    assert countries(event["recipient"]) == {"TUR", "LBY"}


def test_sides_the_parser_hung_on_the_verb_are_the_recipients() -> None:
    event = first_event("Le Kenya a salué l'accord de paix entre le Soudan et le Soudan du Sud.",
                        "fr", "SUPPORT")
    assert countries(event["recipient"]) == {"SDN", "SSD"}


@pytest.mark.parametrize(("text", "lang", "type_", "actor", "recipient"), [
    ("Washington impose de nouvelles restrictions commerciales à Pékin.", "fr", "SANCTION", "USA", "CHN"),
    ("Kiev a demandé à Berlin de livrer des chars.", "fr", "REQUEST", "UKR", "DEU"),
])
def test_a_capital_receiving_what_the_verb_gives_is_the_recipient_not_the_place(
        text: str, lang: str, type_: str, actor: str, recipient: str) -> None:
    event = first_event(text, lang, type_)
    assert countries(event["actor"]) == {actor}
    assert countries(event["recipient"]) == {recipient}
    # neither the capital standing for the actor nor the one standing for the recipient is
    # where it happened
    assert event["place"] is None


@pytest.mark.parametrize(("text", "lang", "actor", "recipient"), [
    # the troops' owner acts; what they leave is the recipient, not their country
    ("Le Canada a annoncé le retrait de ses troupes d'Irak.", "fr", "CAN", "IRQ"),
    ("La France a retiré ses soldats du Mali.", "fr", "FRA", "MLI"),
    ("Canada announced the withdrawal of its troops from Iraq.", "en", "CAN", "IRQ"),
    ("France withdrew its soldiers from Mali.", "en", "FRA", "MLI"),
    # a reflexive verb's "être" is no passive: the subject withdraws
    ("L'armée malienne s'est retirée du Burkina Faso.", "fr", "MLI", "BFA"),
])
def test_a_withdrawal_is_from_the_place_left(text: str, lang: str, actor: str, recipient: str) -> None:
    event = first_event(text, lang, "RETREAT")
    assert countries(event["actor"]) == {actor}
    assert countries(event["recipient"]) == {recipient}


def test_a_hyphenated_country_is_one_actor() -> None:
    # cut at its hyphen, "Royaume" alone named no one and the Union became the actor
    found = events("Le retrait du Royaume-Uni de l'Union européenne a été approuvé mardi.", "fr")
    withdrawals = [e for e in found if e["type"] == "SANCTION"]
    assert withdrawals, found
    assert [a["country"] for a in withdrawals[0]["actor"]] == ["GBR"]
    assert [r["country"] for r in withdrawals[0]["recipient"]] == ["IGO"]


@pytest.mark.parametrize(("text", "home"), [
    # "l'île", "la province": the island or province the headline named, not the country named last
    ("L'Île-du-Prince-Édouard et la Corée du Sud signent des accords sur la pêche\n\nLe premier "
     "ministre de l'île a rencontré jeudi le président sud-coréen à Séoul.", "CAN"),
    # the holder's name after the noun, which the parser read as the island's ("l'île Maurice")
    ("L'Île-du-Prince-Édouard et l'Inde signent des accords sur la pêche\n\nLe premier ministre "
     "de l'île Dale Crawford a rendu visite à son homologue indien à New Delhi.", "CAN"),
    ("La Colombie-Britannique et le Japon renforcent leurs liens\n\nLe premier ministre de la "
     "province a rencontré mardi le Premier ministre japonais à Tokyo.", "CAN"),
])
def test_a_place_noun_points_back_to_the_place_the_story_named(text: str, home: str) -> None:
    event = first_event(text, "fr", "CONSULT")
    assert home in countries(event["actor"])


def test_a_surname_alone_is_the_person_named_in_full_where_no_event_was_told() -> None:
    text = ("La Première ministre néo-zélandaise, Jacinda Ardern, a présenté mardi un plan "
            "d'investissements. Le président chilien a eu un entretien avec Ardern à Santiago.")
    event = first_event(text, "fr", "CONSULT")
    sides = countries(event["actor"] + event["recipient"])
    assert sides == {"CHL", "NZL"}


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("The Kenyan embassy in Paris issued a statement on Monday. The embassy rejected the "
     "French request.", "en", "KEN"),
    ("L'ambassade du Kenya à Paris a publié un communiqué lundi. L'ambassade a rejeté la "
     "demande française.", "fr", "KEN"),
])
def test_a_short_description_stands_for_the_full_phrase_given_before(text: str, lang: str, actor: str) -> None:
    event = first_event(text, lang, "REJECT")
    assert [a["country"] for a in event["actor"]] == [actor]
    assert [r["country"] for r in event["recipient"]] == ["FRA"]


@pytest.mark.parametrize(("headline", "type_", "sides"), [
    ("Rencontre entre les présidents russe et chinois à Moscou", "CONSULT", {"RUS", "CHN"}),
    ("Signature d'un accord de défense entre l'Inde et le Japon", "AGREE", {"IND", "JPN"}),
])
def test_a_headline_names_both_sides_of_a_joint_act(headline: str, type_: str, sides: set[str]) -> None:
    event = first_event(headline, "fr", type_)
    assert countries(event["actor"]) == sides  # no classifier ("de défense") as a side


@pytest.mark.parametrize(("headline", "type_", "actor", "recipient"), [
    # the tagger reads the present "expulse" as a participle and the parser hangs it on "Mali"
    ("Le Mali expulse l'ambassadeur de France", "SANCTION", {"MLI"}, {"FRA"}),
    ("Le Japon et l'Australie signent un pacte de défense", "AGREE", {"JPN", "AUS"}, set()),
    ("Le Kenya envoie des policiers en Haïti", "MOBILIZE", {"KEN"}, set()),
    # a foreign side's attack on no one named is aimed at the country it strikes in
    ("Israël frappe des cibles en Syrie", "ASSAULT", {"ISR"}, {"SYR"}),
    # the object of "accuser" does what it is accused of
    ("Moscou accuse Kiev d'avoir attaqué un pont", "ASSAULT", {"UKR"}, set()),
])
def test_present_tense_headlines(headline: str, type_: str, actor: set[str], recipient: set[str]) -> None:
    event = first_event(headline, "fr", type_)
    assert countries(event["actor"]) == actor
    assert countries(event["recipient"]) == recipient


def test_a_town_before_a_surname_is_a_first_name() -> None:
    found = events("La Chine condamne la visite de Nancy Pelosi à Taïwan", "fr")
    assert found
    assert "FRA" not in {e["country"] for ev in found for e in ev["actor"] + ev["recipient"]}


@pytest.mark.parametrize(("text", "lang"), [
    ("La mesure a été condamnée mardi par plusieurs pays, dont le Canada et la Norvège.", "fr"),
    ("The measure was condemned on Tuesday by several countries, including Canada and Norway.", "en"),
])
def test_a_group_acts_through_the_members_the_text_names(text: str, lang: str) -> None:
    event = first_event(text, lang, "ACCUSE")
    assert countries(event["actor"]) == {"CAN", "NOR"}


def test_he_is_the_subject_of_a_sentence_parsed_as_a_noun_and_its_participle() -> None:
    # the parser reads "minister arrived" as a noun and its participle: it is still the subject
    text = ("World news\n\nJapan's foreign minister arrived in Hanoi on Monday. He met his "
            "Vietnamese counterpart on Tuesday.")
    event = first_event(text, "en", "CONSULT")
    assert countries(event["actor"] + event["recipient"]) == {"JPN", "VNM"}


def test_protesters_who_clash_with_police_are_one_protest() -> None:
    found = events_of("World news\n\nProtesters clashed with police in Nairobi "
                       "on Tuesday.", "en", "PROTEST")
    assert len(found) == 1, found  # "protesters" and "clashed" tell one act
    assert found[0]["mode"] == "riot"  # the word for the act, more precise than "protesters"


@pytest.mark.parametrize(("text", "accuser"), [
    # "ce dernier" is the last actor named, subject or not
    ("Le président russe a reçu le ministre japonais des Affaires étrangères. Ce dernier a "
     "condamné les essais nucléaires de la Corée du Nord.", "JPN"),
    # of its gender: "cette dernière" is not "le président français"
    ("La chancelière allemande a reçu le président français. Cette dernière a ensuite "
     "critiqué la Chine.", "DEU"),
])
def test_ce_dernier_is_the_last_actor_named(text: str, accuser: str) -> None:
    event = first_event(f"Actualité\n\n{text}", "fr", "ACCUSE")
    assert countries(event["actor"]) == {accuser}


def test_a_participle_tagged_as_a_noun_after_avoir_is_still_the_verb() -> None:
    # the tagger reads "téléphoné" as a noun; "avoir" is never a copula
    event = first_event("Actualité\n\nLa chancelière allemande a téléphoné au président français.",
                        "fr", "CONSULT")
    assert event["mode"] == "phone"
    assert countries(event["actor"] + event["recipient"]) == {"DEU", "FRA"}


@pytest.mark.parametrize(("text", "type_", "sides"), [
    ("Réunis à Djeddah, les dirigeants éthiopien et érythréen ont signé un accord de paix.",
     "AGREE", {"ETH", "ERI"}),
    # the subject of a light verb
    ("Les ministres des Affaires étrangères du Vietnam et du Cambodge ont coprésidé la réunion de "
     "la commission mixte.", "CONSULT", {"VNM", "KHM"}),
])
def test_a_subject_split_by_the_parser_is_one_coordination(text: str, type_: str, sides: set[str]) -> None:
    event = first_event(f"Actualité\n\n{text}", "fr", type_)
    assert countries(event["actor"]) == sides


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Pentagone a ordonné le déploiement de deux porte-avions en Méditerranée.", "fr"),
    ("The Pentagon ordered the deployment of two aircraft carriers to the Mediterranean.", "en"),
])
def test_an_ordered_act_is_the_orderers_own_and_no_request(text: str, lang: str) -> None:
    found = events(text, lang)
    assert [e["type"] for e in found] == ["MOBILIZE"], found
    assert countries(found[0]["actor"]) == {"USA"}
    assert found[0]["status"] == "occurred"


@pytest.mark.parametrize(("text", "lang"), [
    ("Le chef de la diplomatie française a réaffirmé son soutien au plan présenté par Rabat.", "fr"),
    ("The French foreign minister rejected the plan put forward by Rabat.", "en"),
])
def test_a_thing_that_names_no_one_stands_for_its_author(text: str, lang: str) -> None:
    event = next(e for e in events(text, lang) if e["type"] in ("SUPPORT", "REJECT"))
    assert countries(event["recipient"]) == {"MAR"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Un conflit qui a tué 300 000 personnes se poursuit en Syrie.", "fr"),
    ("La guerre a tué des milliers de civils en Syrie.", "fr"),
    ("The war has killed thousands of civilians in Syria.", "en"),
])
def test_a_wars_toll_is_no_act(text: str, lang: str) -> None:
    assert events(text, lang) == []


def test_an_act_one_is_accused_of_is_not_asserted() -> None:
    found = events("L'armée est accusée d'avoir tué des civils au Soudan.", "fr")
    assert not [e for e in found if e["type"] == "ASSAULT" and e["status"] == "occurred"], found


@pytest.mark.parametrize(("text", "lang", "arrested"), [
    ("La police turque a interpellé une quarantaine de personnes à Istanbul.", "fr", "TUR"),
    ("Turkish police detained around forty people in Istanbul.", "en", "TUR"),
])
def test_people_arrested_are_of_the_place(text: str, lang: str, arrested: str) -> None:
    event = first_event(text, lang, "COERCE")
    assert countries(event["recipient"]) == {arrested}


@pytest.mark.parametrize(("text", "lang"), [
    ("Pékin a condamné ce qu'il a appelé les provocations de Manille.", "fr"),
    ("Beijing condemned what it called Manila's provocations.", "en"),
])
def test_a_free_relative_names_what_is_judged(text: str, lang: str) -> None:
    found = events(text, lang)
    assert any(e["type"] == "ACCUSE" and countries(e["actor"]) == {"CHN"}
               and countries(e["recipient"]) == {"PHL"} for e in found), found
    assert not [e for e in found if e["type"] == "REQUEST"], found  # naming is no call


def test_an_alternate_name_of_a_capital_does_not_hide_a_bigger_city() -> None:
    # GeoNames lists "Delhi" among the names of Dili (Timor-Leste)
    event = first_event("World news\n\nNew Delhi welcomed Tokyo's decision to lift export "
                        "restrictions.", "en", "SUPPORT")
    assert countries(event["actor"]) == {"IND"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Les deux pays ont convenu de rouvrir leur frontière, ont annoncé lundi les ministères "
     "cambodgien et thaïlandais.", "fr"),
    ("The two countries agreed to reopen their border, the Cambodian and Thai foreign "
     "ministries said on Monday.", "en"),
])
def test_the_two_countries_are_the_two_the_sentence_names(text: str, lang: str) -> None:
    event = first_event(text, lang, "AGREE")
    assert countries(event["actor"]) == {"KHM", "THA"}


def test_a_word_a_trigger_excludes_counts_only_inside_its_own_phrase() -> None:
    # "refuser de répondre" is no rejection, but an answer awaited in a clause of its own
    # ("tant que X n'aurait pas répondu") does not make "refuser de ratifier" one
    found = events("Ankara a refusé de ratifier l'adhésion de la Suède tant que Stockholm "
                   "n'aurait pas répondu à ses demandes.", "fr")
    assert any(e["type"] == "REJECT" and countries(e["actor"]) == {"TUR"} for e in found), found


@pytest.mark.parametrize(("text", "lang", "type_"), [
    ("Les autorités russes ont bloqué l'accès à plusieurs sites d'information.", "fr", "COERCE"),
    ("Des étudiants serbes ont bloqué les carrefours de Belgrade.", "fr", "PROTEST"),
])
def test_blocking_access_to_media_is_censorship_and_blocking_streets_a_protest(
        text: str, lang: str, type_: str) -> None:
    assert [e["type"] for e in events(text, lang)] == [type_]


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Congrès américain a approuvé une aide militaire de 60 milliards de dollars à l'Ukraine.", "fr"),
    ("The US Congress approved 60 billion dollars in military aid to Ukraine.", "en"),
])
def test_approved_aid_is_the_approvers_aid(text: str, lang: str) -> None:
    event = first_event(text, lang, "AID")
    assert countries(event["actor"]) == {"USA"}
    assert countries(event["recipient"]) == {"UKR"}


def test_coordinated_demonyms_before_one_noun_are_one_side_each() -> None:
    event = first_event("Indian and Pakistani troops exchanged fire overnight in Kashmir.", "en", "ASSAULT")
    assert countries(event["actor"]) == {"IND", "PAK"}


def test_an_elided_preposition_before_a_quote_stays_a_preposition() -> None:
    # "d'«" was cut into "d" and "'": the judgement lost its preposition
    event = first_event("Moscou a qualifié d'« inacceptable » la décision de Vilnius de "
                        "restreindre le transit.", "fr", "REJECT")
    assert countries(event["actor"]) == {"RUS"}
    assert countries(event["recipient"]) == {"LTU"}


def test_an_adjective_the_parser_hung_on_the_verb_stays_with_its_noun() -> None:
    event = first_event("Emmanuel Macron recevra le chancelier allemand vendredi à l'Élysée.",
                        "fr", "CONSULT")
    assert countries(event["actor"] + event["recipient"]) == {"FRA", "DEU"}


def test_the_sides_of_what_a_prepositional_argument_names() -> None:
    event = first_event("Le Caire s'est félicité de l'accord conclu entre le Soudan et le "
                        "Soudan du Sud.", "fr", "SUPPORT")
    assert countries(event["recipient"]) == {"SDN", "SSD"}


@pytest.mark.parametrize(("text", "lang", "type_", "actor"), [
    # with no agent, the body at whose seat a passive was done did it
    ("L'ambassadeur d'Espagne a été convoqué au ministère algérien des Affaires étrangères.",
     "fr", "ACCUSE", "DZA"),
    # a release with no agent: by the authorities of the place
    ("La journaliste américaine a été libérée mardi au Burundi.", "fr", "RETREAT", "BDI"),
])
def test_who_did_a_passive_without_agent(text: str, lang: str, type_: str, actor: str) -> None:
    event = first_event(text, lang, type_)
    assert countries(event["actor"]) == {actor}


def test_a_passive_done_at_a_place_that_is_no_seat_names_no_actor() -> None:
    found = events("Cinq otages ont été libérés au terme d'une opération militaire.", "fr")
    assert not [e for e in found if any(a["sector"] == "MIL" for a in e["actor"])], found


def test_an_official_delegation_staying_in_a_capital_visits_it() -> None:
    event = first_event("Une délégation du FMI a séjourné une semaine à Harare pour discuter "
                        "du programme de réformes.", "fr", "CONSULT")
    assert event["mode"] == "visit"
    assert countries(event["recipient"]) == {"ZWE"}


def test_a_judgement_the_parser_hung_on_what_is_judged_is_still_said() -> None:
    # "unacceptable" hangs on "restrict"; "called" names, it does not call for
    event = first_event('World news\n\nMoscow called Vilnius\'s decision to restrict transit to '
                        'Kaliningrad "unacceptable".', "en", "REJECT")
    assert event["status"] == "occurred"
    assert countries(event["actor"]) == {"RUS"}
    assert countries(event["recipient"]) == {"LTU"}


@pytest.mark.parametrize(("text", "lang"), [
    ("La Corée du Nord a tiré un missile balistique mercredi. Séoul a condamné ce tir.", "fr"),
    ("North Korea fired a ballistic missile on Wednesday. Seoul condemned the launch.", "en"),
])
def test_a_judged_act_is_its_authors_whatever_type_its_noun_may_have(text: str, lang: str) -> None:
    # "tir" is gunfire (ASSAULT) or a launch (MOBILIZE): the launch told just before
    event = first_event(text, lang, "ACCUSE")
    assert countries(event["actor"]) == {"KOR"}
    assert countries(event["recipient"]) == {"PRK"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Premier ministre japonais est arrivé lundi à Manille. Les deux dirigeants ont signé "
     "un accord de défense.", "fr"),
    ("The Japanese prime minister arrived in Manila on Monday. The two leaders signed a "
     "defence agreement.", "en"),
])
def test_an_official_arriving_in_a_capital_visits_it(text: str, lang: str) -> None:
    visit = first_event(text, lang, "CONSULT")
    assert visit["mode"] == "visit"
    agreement = first_event(text, lang, "AGREE")
    assert countries(agreement["actor"]) == {"JPN", "PHL"}


def test_migrants_arriving_are_no_visit() -> None:
    assert events("Des centaines de migrants sont arrivés lundi à Lampedusa.", "fr") == []


@pytest.mark.parametrize(("text", "lang"), [
    ("L'Allemagne va envoyer des équipes de secours en Turquie. Berlin fournira également une "
     "aide financière de 50 millions d'euros.", "fr"),
    ("Germany will send rescue teams to Turkey. Berlin will also provide 50 million euros in "
     "financial aid.", "en"),
])
def test_aid_goes_to_the_country_it_is_sent_to_and_more_aid_too(text: str, lang: str) -> None:
    found = events_of(text, lang, "AID")
    assert found and all(countries(e["recipient"]) == {"TUR"} for e in found), found


def test_it_stands_for_the_last_body_named() -> None:
    event = first_event("World news\n\nThe Security Council held an emergency meeting on Ethiopia. "
                        "It called on the Ethiopian government to allow humanitarian access.",
                        "en", "REQUEST")
    assert countries(event["actor"]) == {"IGO"}


def test_coordinated_verbs_share_their_object() -> None:
    event = first_event("Les autorités nigériennes, issues du coup d'État de juillet, ont exigé et "
                        "obtenu le départ des troupes françaises.", "fr", "REQUEST")
    assert countries(event["actor"]) == {"NER"}  # the description is no apposition naming someone
    assert countries(event["recipient"]) == {"FRA"}


@pytest.mark.parametrize(("text", "recipient"), [
    ("La Cédéao a levé une partie des sanctions imposées au Mali.", {"MLI"}),
    # a region after the participle is where, not whom
    ("L'ONU a condamné les violences commises contre des civils au Darfour.", set()),
])
def test_whom_a_described_thing_was_aimed_at(text: str, recipient: set[str]) -> None:
    event = next(e for e in events(text, "fr") if e["type"] in ("CONCEDE", "ACCUSE"))
    assert countries(event["actor"]) == {"IGO"}
    assert countries(event["recipient"]) == recipient


@pytest.mark.parametrize(("text", "lang"), [
    ("Le vice-président du Conseil de sécurité russe a menacé la Pologne de représailles.", "fr"),
    ("The Russian Security Council warned Poland of retaliation.", "en"),
])
def test_an_international_bodys_name_with_a_demonym_is_the_national_body(text: str, lang: str) -> None:
    event = first_event(text, lang, "THREATEN")
    assert countries(event["actor"]) == {"RUS"}


def test_a_curfew_is_imposed_on_a_place_not_on_someone() -> None:
    event = first_event("Le gouvernement éthiopien a imposé un couvre-feu dans la région Amhara.",
                        "fr", "COERCE")
    assert countries(event["actor"]) == {"ETH"}


@pytest.mark.parametrize(("headline", "type_", "actor", "recipient"), [
    ("Mali expels French ambassador", "SANCTION", "MLI", "FRA"),
    ("Niger cuts ties with Ukraine", "SANCTION", "NER", "UKR"),
    # the whole object names no one else: the name in it
    ("Kenya recalls envoy to Somalia", "SANCTION", "KEN", "SOM"),
    ("Hungary vetoes EU aid package for Ukraine", "REJECT", "HUN", "IGO"),
])
def test_a_headline_verb_read_as_a_noun_is_still_the_verb(
        headline: str, type_: str, actor: str, recipient: str) -> None:
    event = first_event(f"{headline}\n\nThe story is told below.", "en", type_)
    assert countries(event["actor"]) == {actor}
    assert countries(event["recipient"]) == {recipient}


def test_a_noun_after_a_name_in_a_line_with_a_verb_stays_a_noun() -> None:
    assert events("World news\n\nBrazil prices rise again.", "en") == []


@pytest.mark.parametrize(("text", "status"), [
    # a future the tagger took for a participle: "signera"
    ("Le Japon signera jeudi un accord de défense avec l'Inde.", "future"),
    # a conditional under a past verb of saying is the future seen from the report
    ("Le Japon a annoncé qu'il signerait un accord de défense avec l'Inde.", "future"),
    # but a conditional of its own is a possibility
    ("Le Japon signerait un accord de défense avec l'Inde, selon la presse.", "hypothetical"),
])
def test_future_and_conditional_forms_the_tagger_missed(text: str, status: str) -> None:
    event = first_event(f"Actualité\n\n{text}", "fr", "AGREE")
    assert event["status"] == status


def test_a_reported_future_visit_is_dated_in_the_future() -> None:
    # published 2024-03-07: "en avril" is April 2024, not a past April dropped as background
    event = first_event("Actualité\n\nLe président français a annoncé qu'il se rendrait en Chine "
                        "en avril.", "fr", "CONSULT")
    assert event["status"] == "future"
    assert event["date"] == "2024-04"


def test_a_visitor_is_not_of_the_place_he_visits() -> None:
    # "le chef de la diplomatie" names no country; the visit's place is the host's, not his
    event = first_event("Actualité\n\nLe chef de la diplomatie effectue depuis lundi une tournée de "
                        "trois jours en Ukraine.", "fr", "CONSULT")
    assert countries(event["recipient"]) == {"UKR"}
    assert "UKR" not in countries(event["actor"])


@pytest.mark.parametrize(("text", "type_"), [
    ("Le vice-ministre vietnamien a proposé que la Corée du Sud continue d'accorder des bourses.", "REQUEST"),
    ("Le Vietnam a proposé à la Corée du Sud un accord de libre-échange.", "AGREE"),
])
def test_proposing_that_the_other_does_something_is_a_request(text: str, type_: str) -> None:
    event = first_event(text, "fr", type_)
    assert countries(event["actor"]) == {"VNM"}


def test_a_name_compounded_with_the_act_does_it() -> None:
    event = first_event("World news\n\nBelarus was slapped with new EU sanctions on Monday.", "en", "SANCTION")
    assert countries(event["actor"]) == {"IGO"}
    assert countries(event["recipient"]) == {"BLR"}


def test_pulling_out_of_a_body_is_leaving_it() -> None:
    event = first_event("World news\n\nThe United States pulled out of the UN Human Rights Council.",
                        "en", "SANCTION")
    assert event["mode"] == "withdraw"
    assert countries(event["recipient"]) == {"IGO"}


@pytest.mark.parametrize(("text", "type_"), [
    # giving up a course of action under pressure is a concession
    ("Le gouvernement sénégalais a finalement renoncé à reporter l'élection présidentielle.", "CONCEDE"),
    # giving up a candidacy is a resignation
    ("Le président sénégalais a renoncé à sa candidature.", "RETREAT"),
])
def test_renouncing(text: str, type_: str) -> None:
    found = events(f"Actualité\n\n{text}", "fr")
    assert [e["type"] for e in found] == [type_], found


def test_demanding_something_of_someone() -> None:
    event = first_event("Actualité\n\nLe Maroc a exigé de l'Espagne des explications.", "fr", "REQUEST")
    assert countries(event["recipient"]) == {"ESP"}


@pytest.mark.parametrize(("text", "type_"), [
    # the thing one refuses to sign was proposed by the other side
    ("Le Premier ministre hongrois a refusé de signer le texte proposé par la France.", "REJECT"),
    # a judgement read as a second object: what is judged is the other one, and its author
    ("Téhéran a qualifié d'« inacceptables » les conditions posées par la France.", "REJECT"),
])
def test_the_author_of_what_is_refused_is_the_recipient(text: str, type_: str) -> None:
    event = first_event(f"Actualité\n\n{text}", "fr", type_)
    assert countries(event["recipient"]) == {"FRA"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nAnkara a menacé de fermer son espace aérien si la Grèce poursuivait ses manœuvres.", "fr"),
    ("World news\n\nAnkara threatened to close its airspace if Greece continued its manoeuvres.", "en"),
])
def test_a_threat_is_aimed_at_the_subject_of_its_condition(text: str, lang: str) -> None:
    event = first_event(text, lang, "THREATEN")
    assert countries(event["actor"]) == {"TUR"}
    assert countries(event["recipient"]) == {"GRC"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nLa Serbie a rappelé des dizaines de milliers de réservistes.", "fr"),
    ("World news\n\nSerbia called up tens of thousands of reservists.", "en"),
])
def test_the_lexicon_looks_through_numbers(text: str, lang: str) -> None:
    event = first_event(text, lang, "MOBILIZE")
    assert countries(event["actor"]) == {"SRB"}


@pytest.mark.parametrize(("text", "lang"), [
    ("World news\n\nThe Indian prime minister held talks with the French president on the Iranian nuclear deal.", "en"),
    ("Actualité\n\nLe Premier ministre indien s'est entretenu avec le président français sur l'accord nucléaire iranien.", "fr"),
])
def test_what_talks_are_about_is_no_side(text: str, lang: str) -> None:
    event = first_event(text, lang, "CONSULT")
    assert countries(event["actor"]) == {"IND", "FRA"}


def test_a_meeting_verb_hung_on_its_subject_phrase() -> None:
    text = "World news\n\nThe defence ministers of Chile, Peru and Brazil met in Lima."
    event = first_event(text, "en", "CONSULT")
    assert countries(event["actor"]) == {"CHL", "PER", "BRA"}


def test_a_pronoun_in_an_adverbial_clause_is_the_main_subject() -> None:
    text = ("World news\n\nThe Kenyan foreign minister is expected in Addis Ababa on Monday, "
            "where he will meet his Ethiopian counterpart.")
    event = first_event(text, "en", "CONSULT")
    assert countries(event["actor"] + event["recipient"]) == {"KEN", "ETH"}


def test_a_fronted_passive_participle_is_reported() -> None:
    # (the day read as the participle's object, as the parser does here)
    text = "Actualité\n\nReçu lundi à Dakar par le président sénégalais, le ministre malien a évoqué la sécurité."
    event = first_event(text, "fr", "CONSULT")
    assert countries(event["actor"]) == {"MLI"}
    assert countries(event["recipient"]) == {"SEN"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nRabat a protesté auprès d'Alger après ces déclarations.", "fr"),
    ("World news\n\nRabat lodged a formal protest with Algiers after the remarks.", "en"),
])
def test_a_protest_made_to_a_government(text: str, lang: str) -> None:
    event = first_event(text, lang, "ACCUSE")
    assert countries(event["recipient"]) == {"DZA"}


def test_what_protesters_denounce_is_their_protest() -> None:
    found = events("Actualité\n\nDes centaines de manifestants qui protestaient contre la vie chère ont défilé à Bamako.", "fr")
    assert [e["type"] for e in found] == ["PROTEST"], found


def test_an_object_read_as_a_complement_of_the_night() -> None:
    text = "Actualité\n\nL'aviation israélienne a bombardé dans la nuit des positions syriennes."
    event = first_event(text, "fr", "ASSAULT")
    assert countries(event["recipient"]) == {"SYR"}


def test_condolences_offered_are_no_offer() -> None:
    found = events("World news\n\nThe Japanese prime minister offered his condolences to the Turkish people.", "en")
    assert [(e["type"], countries(e["actor"]), countries(e["recipient"])) for e in found] == [
        ("SUPPORT", {"JPN"}, {"TUR"})], found


@pytest.mark.parametrize(("text", "lang", "type_"), [
    ("Actualité\n\nLe Chili et l'Argentine ont conclu les négociations sur leur frontière maritime.", "fr", "AGREE"),
    ("World news\n\nChile and Argentina concluded negotiations on their maritime border.", "en", "AGREE"),
    ("Actualité\n\nL'armée malienne a pris le contrôle de Kidal.", "fr", "ASSAULT"),
    ("World news\n\nThe Malian army took control of Kidal.", "en", "ASSAULT"),
])
def test_light_verb_phrases(text: str, lang: str, type_: str) -> None:
    first_event(text, lang, type_)


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nLe Parlement européen a adopté une résolution de soutien à la Géorgie.", "fr"),
    # "in support of X": X is supported
    ("World news\n\nThe European Parliament adopted a resolution in support of Georgia.", "en"),
])
def test_the_author_of_a_text_does_what_it_states(text: str, lang: str) -> None:
    event = first_event(text, lang, "SUPPORT")
    assert countries(event["actor"]) == {"IGO"}
    assert countries(event["recipient"]) == {"GEO"}


def test_who_tells_of_an_agreement_between_two_sides_is_no_side() -> None:
    text = "Actualité\n\nUn accord de paix a été signé entre le Soudan et le Soudan du Sud, a annoncé le médiateur éthiopien."
    event = first_event(text, "fr", "AGREE")
    assert countries(event["actor"]) == {"SDN", "SSD"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nLe Soudan a menacé de lancer une offensive dans l'est du Tchad.", "fr"),
    ("World news\n\nSudan threatened to launch an offensive in eastern Chad.", "en"),
])
def test_a_threat_is_aimed_at_the_country_of_the_threatened_act(text: str, lang: str) -> None:
    event = first_event(text, lang, "THREATEN")
    assert countries(event["recipient"]) == {"TCD"}
    assert event["place"]["country"] == "TCD"


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nWashington a dépêché des navires de guerre dans le Golfe après l'attaque.", "fr"),
    ("World news\n\nWashington dispatched warships to the Gulf after the attack.", "en"),
])
def test_an_act_before_or_after_is_not_the_subjects(text: str, lang: str) -> None:
    found = events(text, lang)
    assert [(e["type"], countries(e["actor"])) for e in found] == [("MOBILIZE", {"USA"})], found


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nLes marines indienne et française ont démantelé conjointement un réseau de pirates.", "fr"),
    ("World news\n\nThe Indian and French navies jointly dismantled a pirate network.", "en"),
])
def test_a_joint_act(text: str, lang: str) -> None:
    event = first_event(text, lang, "COOPERATE")
    assert countries(event["actor"]) == {"IND", "FRA"}


def test_a_joint_act_that_is_an_event_of_its_own_is_that_event() -> None:
    found = events("Actualité\n\nLa France et l'Allemagne ont condamné conjointement l'attaque.", "fr")
    assert [e["type"] for e in found] == ["ACCUSE"], found


def test_on_a_visit_the_subject_visits() -> None:
    text = "World news\n\nOn a state visit to Kenya, the German president was received by his Kenyan counterpart."
    event = first_event(text, "en", "CONSULT")
    assert countries(event["actor"]) == {"DEU"}
    assert countries(event["recipient"]) == {"KEN"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nLe Premier ministre portugais a rendu visite à son homologue marocain et ils "
     "ont discuté de la coopération énergétique.", "fr"),
    ("World news\n\nThe Portuguese prime minister visited his Moroccan counterpart and they "
     "discussed energy cooperation.", "en"),
])
def test_talks_told_in_the_sentence_of_a_visit_are_the_visit(text: str, lang: str) -> None:
    # FORMAT.md rule 4: talks are their own event only when told as a meeting of their own
    meetings = events_of(text, lang, "CONSULT")
    assert len(meetings) == 1, meetings
    assert meetings[0]["mode"] == "visit"
    assert sides(meetings[0]) == ({"PRT"}, {"MAR"})


@pytest.mark.parametrize(("text", "lang"), [
    ("Mer Baltique : accord entre la Suède et la Finlande sur la surveillance des câbles\n\n"
     "Les deux pays coopèrent depuis longtemps.", "fr"),
    ("Actualité\n\nUn accord de cessez-le-feu entre le Soudan et le Tchad est entré en vigueur lundi.", "fr"),
    ("Ceasefire deal between Sudan and Chad takes effect\n\nThe truce began on Monday.", "en"),
])
def test_an_agreement_between_two_sides_told_as_news_is_their_agreement(text: str, lang: str) -> None:
    agreement = first_event(text, lang, "AGREE")
    assert parties(agreement) in ({"SWE", "FIN"}, {"SDN", "TCD"})
    assert agreement["recipient"] == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nLe Soudan a violé l'accord entre le Soudan et le Tchad.", "fr"),
    ("Actualité\n\nLes ministres ont parlé de l'application de l'accord entre le Soudan et le Tchad.", "fr"),
    ("World news\n\nThe summit deemed the agreement between Sudan and Chad void.", "en"),
])
def test_an_agreement_named_as_background_is_no_new_agreement(text: str, lang: str) -> None:
    assert events_of(text, lang, "AGREE") == []


def test_the_author_of_a_judged_act_hung_on_the_verb_is_the_recipient() -> None:
    # the parser hangs "par les forces X" on the active verb: the agent of the act it judges
    text = "Actualité\n\nBakou a dénoncé une violation de la trêve par les forces arméniennes."
    assert sides(first_event(text, "fr", "ACCUSE")) == ({"AZE"}, {"ARM"})


def test_a_passive_agent_hung_on_the_place_before_it_is_the_agent() -> None:
    text = "World news\n\nThe Kenyan president was received at the Elysée by Emmanuel Macron on Friday."
    assert parties(first_event(text, "en", "CONSULT")) == {"KEN", "FRA"}


def test_a_headline_verb_tagged_as_a_base_form_is_the_headline_verb() -> None:
    text = "Armenia and Azerbaijan sign peace deal\n\nThe two countries ended a long dispute."
    assert parties(first_event(text, "en", "AGREE")) == {"ARM", "AZE"}


def test_backing_a_right_backs_who_holds_it_and_the_right_is_no_act() -> None:
    found = events("Actualité\n\nLe Canada a réaffirmé le droit de l'Ukraine à frapper des cibles en Russie.", "fr")
    support = [e for e in found if e["type"] == "SUPPORT"]
    assert support and sides(support[0]) == ({"CAN"}, {"UKR"}), found
    assert all(e["status"] != "occurred" for e in found if e["type"] == "ASSAULT"), found


def test_an_act_named_as_a_possibility_is_not_reported() -> None:
    found = events("Actualité\n\nLe Japon a évoqué la possibilité de sanctionner la Birmanie.", "fr")
    assert all(e["status"] != "occurred" for e in found if e["type"] == "SANCTION"), found


@pytest.mark.parametrize(("text", "lang"), [
    # the weapon's country is the attacker's, even when the tagger reads the weapon as an adverb
    ("Actualité\n\nUne attaque de drones russes a fait trois morts dans la région d'Odessa.", "fr"),
    ("Actualité\n\nUne frappe russe a fait trois morts dans la région de Kharkiv.", "fr"),
])
def test_a_foreign_attack_in_a_country_is_aimed_at_it(text: str, lang: str) -> None:
    attack = first_event(text, lang, "ASSAULT")
    assert sides(attack) == ({"RUS"}, {"UKR"})
    assert attack["place"] and attack["place"]["country"] == "UKR"


def test_a_warning_clause_the_parser_read_as_a_relative_still_warns() -> None:
    text = ("Actualité\n\nLa Chine a prévenu les Philippines qu'elle prendrait des mesures pour défendre "
            "sa souveraineté.")
    assert sides(first_event(text, "fr", "THREATEN")) == ({"CHN"}, {"PHL"})


def test_who_undergoes_an_act_is_named_without_its_agent() -> None:
    # "de diplomates russes par la France": the agent is no part of the patient's phrase
    text = "Expulsion de diplomates russes par la France\n\nLa décision a été annoncée mardi."
    assert sides(first_event(text, "fr", "SANCTION")) == ({"FRA"}, {"RUS"})


@pytest.mark.parametrize(("text", "lang", "type_", "expected"), [
    ("Actualité\n\nLe Soudan a fait l'objet de nouvelles sanctions européennes.", "fr", "SANCTION", ({"IGO"}, {"SDN"})),
    ("Actualité\n\nLa Slovaquie a voté contre le pacte européen sur l'asile.", "fr", "REJECT", ({"SVK"}, {"IGO"})),
    ("World news\n\nSudan was hit with new European sanctions.", "en", "SANCTION", ({"IGO"}, {"SDN"})),
    # (the adjective on a public act inside the phrase: the union's foreign policy chief)
    ("Actualité\n\nLe chef de la diplomatie européenne s'est rendu mardi au Kenya.", "fr", "CONSULT",
     ({"IGO"}, {"KEN"})),
])
def test_a_union_adjective_on_a_public_act_names_the_union(
        text: str, lang: str, type_: str, expected: tuple[set[str], set[str]]) -> None:
    assert sides(first_event(text, lang, type_)) == expected


def test_a_union_adjective_on_people_names_no_one() -> None:
    found = events("Actualité\n\nLes dirigeants européens ont condamné les sanctions américaines.", "fr")
    assert all("IGO" not in parties(e) for e in found), found


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nLes ministres africains ont salué l'accord de paix au Soudan.", "fr"),
    ("Actualité\n\nLes dirigeants européens ont condamné l'attaque contre Israël.", "fr"),
])
def test_a_group_of_a_bloc_of_countries_is_not_of_the_story_country(text: str, lang: str) -> None:
    # "les ministres africains" are of several countries, none of them the Sudan of the story
    found = events(text, lang)
    assert found and all(a["country"] is None for e in found for a in e["actor"]), found


@pytest.mark.parametrize(("text", "expected"), [
    # aid cut off is its giver's, who cuts it off; the story's topic receives it
    ("Tchad : colère après la suspension des aides européennes\n\nLa décision a été prise mardi.",
     ({"IGO"}, {"TCD"})),
    ("Actualité\n\nLe Japon a annoncé la suspension de son aide budgétaire au Niger.", ({"JPN"}, {"NER"})),
])
def test_aid_cut_off_is_cut_off_by_its_giver(text: str, expected: tuple[set[str], set[str]]) -> None:
    assert sides(first_event(text, "fr", "SANCTION")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a measure aimed at no one named, decried by someone else, hits the one who decries it
    ("Actualité\n\nLa Chine a dénoncé les sanctions américaines.", ({"USA"}, {"CHN"})),
    # (not when its target is named, nor when it is praised)
    ("Actualité\n\nL'Iran a dénoncé les sanctions américaines contre le Venezuela.", ({"USA"}, {"VEN"})),
    ("Actualité\n\nLes États-Unis ont salué les sanctions japonaises.", ({"JPN"}, set())),
])
def test_a_measure_decried_by_another_side_hits_it(text: str, expected: tuple[set[str], set[str]]) -> None:
    assert sides(first_event(text, "fr", "SANCTION")) == expected


def test_welcoming_an_act_is_aimed_at_who_did_it() -> None:
    event = first_event("Actualité\n\nLe Japon s'est félicité de la libération des otages par le Mali.", "fr", "SUPPORT")
    assert countries(event["recipient"]) == {"MLI"}


def test_a_promise_made_to_someone() -> None:
    text = "Actualité\n\nLe président sénégalais a promis à son homologue gambien de rouvrir la frontière."
    event = first_event(text, "fr", "AGREE")
    assert countries(event["actor"] + event["recipient"]) == {"SEN", "GMB"}


@pytest.mark.parametrize(("text", "lang", "type_"), [
    ("Actualité\n\nSéoul a écarté toute négociation avec Pyongyang.", "fr", "REJECT"),
    ("World news\n\nSeoul ruled out any negotiations with Pyongyang.", "en", "REJECT"),
    ("Actualité\n\nSéoul a défendu le droit de Pyongyang à un programme spatial.", "fr", "SUPPORT"),
    ("World news\n\nSeoul defended the right of Pyongyang to a space programme.", "en", "SUPPORT"),
])
def test_ruling_out_and_defending(text: str, lang: str, type_: str) -> None:
    event = first_event(text, lang, type_)
    assert countries(event["actor"]) == {"KOR"}
    assert countries(event["recipient"]) == {"PRK"}


def test_exchanging_on_a_subject_is_talks() -> None:
    event = first_event("Actualité\n\nLes ministres français et marocain ont échangé sur la coopération migratoire.",
                        "fr", "CONSULT")
    assert countries(event["actor"]) == {"FRA", "MAR"}


def test_a_refused_act_reaches_the_dative_the_parser_hung_on_its_object() -> None:
    text = "Actualité\n\nLes autorités iraniennes ont refusé d'accorder un visa au journaliste allemand."
    event = first_event(text, "fr", "REJECT")
    assert countries(event["recipient"]) == {"DEU"}


def test_a_name_with_its_complement_before_the_conjunction() -> None:
    event = first_event("Actualité\n\nLa Corée du Sud et le Japon entendent renforcer leur coopération.", "fr", "AGREE")
    assert countries(event["actor"]) == {"KOR", "JPN"}


def test_whose_request_is_refused() -> None:
    text = "Actualité\n\nLe Premier ministre slovaque a opposé une fin de non-recevoir à la demande de l'Ukraine."
    event = first_event(text, "fr", "REJECT")
    assert countries(event["recipient"]) == {"UKR"}


def test_a_possessed_noun_read_as_an_adjective_is_an_object() -> None:
    event = first_event("World news\n\nTokyo defended Manila's right to fish near the shoal.", "en", "SUPPORT")
    assert countries(event["recipient"]) == {"PHL"}


def test_whose_help_is_sought() -> None:
    event = first_event("World news\n\nPeru sought the help of Brazil to fight illegal mining.", "en", "REQUEST")
    assert countries(event["recipient"]) == {"BRA"}


def test_a_verb_tagged_as_a_noun_with_an_object() -> None:
    event = first_event("World news\n\nThe French president vetoed a Spanish proposal.", "en", "REJECT")
    assert countries(event["actor"]) == {"FRA"}
    assert countries(event["recipient"]) == {"ESP"}


def test_a_present_tense_the_tagger_took_for_a_participle() -> None:
    # (the lemmatizer kept the form "reproche", the tagger made it a participle on its subject)
    event = first_event("Actualité\n\nLe Premier ministre éthiopien reproche à l'Égypte de vouloir déstabiliser la région.",
                        "fr", "ACCUSE")
    assert countries(event["actor"]) == {"ETH"}
    assert countries(event["recipient"]) == {"EGY"}


STORY = {"fr": "Actualité", "en": "World news"}  # a neutral headline before the sentence


@pytest.mark.parametrize(("lang", "text", "type_", "recipient"), [
    # "au nouveau" read as "à nouveau"
    ("fr", "Le roi du Maroc a adressé ses félicitations au nouveau Premier ministre espagnol.", "SUPPORT", "ESP"),
    # "auprès" read as an adverb, the object of the verb
    ("fr", "Le Japon a protesté officiellement auprès de la Chine après des tirs.", "ACCUSE", "CHN"),
    ("fr", "L'Indonésie a apporté son appui au plan présenté par la Malaisie.", "SUPPORT", "MYS"),
    ("fr", "Le chancelier allemand a exprimé sa confiance dans la capacité de la Grèce à mener les réformes.", "SUPPORT", "GRC"),
    ("fr", "La Hongrie bloque l'entrée de la Suède dans l'espace Schengen.", "REJECT", "SWE"),
    ("fr", "Les autorités ukrainiennes ont ouvert une enquête pour crimes de guerre visant des soldats russes.", "ACCUSE", "RUS"),
    ("fr", "Le Parlement géorgien a refusé de ratifier l'accord signé avec l'Arménie.", "REJECT", "ARM"),
    ("en", "European leaders paid tribute to the courage of the Ukrainian people.", "SUPPORT", "UKR"),
    ("en", "The Brazilian president declined the Chinese president's invitation to visit Beijing.", "REJECT", "CHN"),
    ("en", "London suspects Moscow of hacking the ministry.", "ACCUSE", "RUS"),
    ("en", "The German chancellor expressed confidence in Greece's ability to carry out the reforms.", "SUPPORT", "GRC"),
    ("en", "Ukrainian prosecutors opened an investigation targeting Russian soldiers.", "ACCUSE", "RUS"),
    ("en", "The Georgian parliament refused to ratify the agreement signed with Armenia.", "REJECT", "ARM"),
])
def test_recipients_of_phrasings(lang: str, text: str, type_: str, recipient: str) -> None:
    event = first_event(f"{STORY[lang]}\n\n{text}", lang, type_)
    assert recipient in countries(event["recipient"]), event


def test_a_complement_after_a_place_phrase_is_the_places() -> None:
    event = first_event("Actualité\n\nLa Chine a procédé à un tir de missile en mer du Japon.", "fr", "MOBILIZE")
    assert countries(event["actor"]) == {"CHN"}


def test_a_test_firing_is_no_attack() -> None:
    # (the parser loses its subject here: no event rather than an attack on Japan)
    found = events("World news\n\nNorth Korea test-fired a missile into the Sea of Japan on Thursday.", "en")
    assert not [e for e in found if e["type"] == "ASSAULT"], found


def test_homage_to_the_dead_is_no_support() -> None:
    # (as the seeds' annotators code it: part of a visit's programme, aimed at no living actor)
    text = "Actualité\n\nLa délégation russe va rendre un hommage posthume au président Hô Chi Minh en son mausolée."
    assert not events_of(text, "fr", "SUPPORT")


def test_a_capitalised_noun_inside_a_sentence_is_a_name() -> None:
    assert events("Actualité\n\nL'Agence de Soutien aux Réfugiés a ouvert un bureau à Dakar.", "fr") == []


@pytest.mark.parametrize(("text", "lang"), [
    ("World news\n\nThe Irish prime minister spoke to reporters in Dublin. He said, \"I think our condolences go to the "
     "Spanish people.\"", "en"),
    ("Actualité\n\nLe Premier ministre irlandais s'est adressé à la presse à Dublin. Il a déclaré : « Je pense que nos "
     "condoléances vont au peuple espagnol. »", "fr"),
])
def test_our_condolences_are_the_speakers(text: str, lang: str) -> None:
    event = first_event(text, lang, "SUPPORT")
    assert countries(event["actor"]) == {"IRL"}
    assert countries(event["recipient"]) == {"ESP"}


def test_the_latter_is_no_place() -> None:
    text = ("World news\n\nThe Vietnamese prime minister invited his Australian counterpart to pay a visit to "
            "Vietnam next year, an invitation the latter gladly accepted.")
    event = first_event(text, "en", "AGREE")
    assert countries(event["actor"]) == {"AUS"}


@pytest.mark.parametrize(("text", "lang"), [
    ("World news\n\nChina protests against Philippine manoeuvres in the South China Sea.", "en"),
    ("Actualité\n\nLa Chine proteste contre les manœuvres philippines en mer de Chine méridionale.", "fr"),
])
def test_a_state_protests_by_a_note(text: str, lang: str) -> None:
    event = first_event(text, lang, "ACCUSE")
    assert event["mode"] == "disapprove" and countries(event["recipient"]) == {"PHL"}


def test_a_judgement_answers_the_act_it_came_after() -> None:
    text = "Actualité\n\nTéhéran a dénoncé une « provocation » après la visite d'un ministre israélien à Bakou."
    event = first_event(text, "fr", "ACCUSE")
    assert countries(event["actor"]) == {"IRN"}
    assert countries(event["recipient"]) == {"ISR"}


@pytest.mark.parametrize(("text", "lang", "type_", "actor", "recipient"), [
    # a present tense the tagger read as an adjective, a noun or an adverb
    ("Actualité\n\nPékin critique Washington pour sa politique commerciale.", "fr", "ACCUSE", "CHN", "USA"),
    ("Actualité\n\nLa Turquie bombarde des positions kurdes en Syrie.", "fr", "ASSAULT", "TUR", "SYR"),
    ("Actualité\n\nL'Iran dément les accusations de Washington.", "fr", "REJECT", "IRN", "USA"),
    ("World news\n\nBeirut accuses Israel of violating the ceasefire.", "en", "ACCUSE", "LBN", "ISR"),
    # a name the tagger did not know, before the verb or after it
    ("World news\n\nKyiv accused Moscow of war crimes.", "en", "ACCUSE", "UKR", "RUS"),
    ("Actualité\n\nMoscou menace Kiev de représailles.", "fr", "THREATEN", "RUS", "UKR"),
])
def test_a_verb_the_tagger_misread_still_acts(text: str, lang: str, type_: str, actor: str, recipient: str) -> None:
    event = first_event(text, lang, type_)
    assert event["status"] == "occurred"
    assert sides(event) == ({actor}, {recipient})


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nKiev accuse Moscou d'avoir bombardé trois villages, ce que la Russie dément.", "fr"),
    ("Actualité\n\nKiev accuse Moscou d'avoir bombardé trois villages, ce que dément Moscou.", "fr"),
    ("Actualité\n\nKiev accuse Moscou d'avoir bombardé trois villages, ce que conteste Moscou.", "fr"),
    ("World news\n\nKyiv accuses Moscow of shelling three villages, which Russia denies.", "en"),
])
def test_a_denial_in_a_relative_answers_the_accuser(text: str, lang: str) -> None:
    # "ce que" stands for the charge, made by Kyiv; the denial is no part of it, so it is told
    # as it is (not suspended by the charge)
    event = first_event(text, lang, "REJECT")
    assert event["status"] == "occurred"
    assert sides(event) == ({"RUS"}, {"UKR"})


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nTéhéran nie avoir fourni des drones à la Russie.", "fr"),
    ("World news\n\nTehran denied supplying drones to Russia.", "en"),
])
def test_the_one_a_denied_act_was_aimed_at_is_not_answered(text: str, lang: str) -> None:
    event = first_event(text, lang, "REJECT")
    assert countries(event["actor"]) == {"IRN"} and event["recipient"] == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nLa proposition que le Japon a présentée a été rejetée par la Chine.", "fr"),
    ("Actualité\n\nLe Japon a demandé à la Chine de retirer ses navires, ce que Pékin a refusé.", "fr"),
    ("World news\n\nAthens proposed mediation, which Turkey rejected.", "en"),
])
def test_a_refusal_answers_whose_proposal_it_was(text: str, lang: str) -> None:
    event = first_event(text, lang, "REJECT")
    assert countries(event["recipient"]) == ({"GRC"} if lang == "en" else {"JPN"})


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nLe secrétaire d'État américain s'est entretenu avec le président azerbaïdjanais "
     "et l'a exhorté à retirer ses troupes.", "fr"),
    ("World news\n\nThe US Secretary of State spoke by phone with Azerbaijani President Ilham Aliyev "
     "and urged him to withdraw his troops.", "en"),
])
def test_the_object_pronoun_of_a_second_verb_is_the_first_verbs_other_side(text: str, lang: str) -> None:
    event = first_event(text, lang, "REQUEST")
    assert sides(event) == ({"USA"}, {"AZE"})


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nLe ministre a assuré Kiev du soutien indéfectible de la France.", "fr"),
    ("Actualité\n\nLa France a reçu le président ukrainien et l'a assuré de son soutien.", "fr"),
    ("World news\n\nThe minister assured Kyiv of France's unwavering support.", "en"),
])
def test_support_pledged_goes_to_the_one_assured(text: str, lang: str) -> None:
    event = first_event(text, lang, "SUPPORT")
    assert sides(event) == ({"FRA"}, {"UKR"})


def test_a_protest_against_what_was_done_to_ones_own_answers_who_did_it() -> None:
    text = ("Actualité\n\nLa Pologne a expulsé trois diplomates russes. "
            "La Russie proteste contre l'expulsion de ses diplomates.")
    event = first_event(text, "fr", "ACCUSE")
    assert sides(event) == ({"RUS"}, {"POL"})
    # who protests did not expel
    assert all(countries(e["actor"]) != {"RUS"} for e in events(text, "fr") if e["type"] == "SANCTION")


@pytest.mark.parametrize(("text", "lang", "type_", "actor"), [
    ("Actualité\n\nSoudan : le Conseil de sécurité adopte une résolution.", "fr", "AGREE", "IGO"),
    ("World news\n\nSudan: Security Council adopts resolution as Moscow abstains.", "en", "AGREE", "IGO"),
    # a subject of no country takes the topic's
    ("Actualité\n\nSénégal : le chef de l'opposition dénonce la réforme constitutionnelle.", "fr", "ACCUSE", "SEN"),
])
def test_a_headlines_topic_is_not_its_subject(text: str, lang: str, type_: str, actor: str) -> None:
    event = first_event(text, lang, type_)
    assert actor in countries(event["actor"]) and "SDN" not in countries(event["actor"])


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nLe Conseil de sécurité a adopté une résolution exigeant un cessez-le-feu immédiat en Libye.", "fr"),
    ("World news\n\nThe Security Council adopted a resolution demanding an immediate ceasefire in Libya.", "en"),
])
def test_a_demand_about_a_country_goes_to_it(text: str, lang: str) -> None:
    event = first_event(text, lang, "REQUEST")
    assert sides(event) == ({"IGO"}, {"LBY"})


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nL'Allemagne a promis une aide militaire de 500 millions d'euros à l'Ukraine.", "fr"),
    ("World news\n\nGermany promised 500 million euros in military aid to Ukraine.", "en"),
])
def test_aid_promised_is_the_promisers_to_come(text: str, lang: str) -> None:
    found = events(text, lang)
    assert [(e["type"], e["status"]) for e in found] == [("AID", "future")], found
    assert countries(found[0]["actor"]) == {"DEU"} and countries(found[0]["recipient"]) == {"UKR"}


@pytest.mark.parametrize(("text", "lang", "type_", "country"), [
    ("Téhéran : une militante condamnée à dix ans de prison", "fr", "SANCTION", "IRN"),
    ("Hong Kong : six militants arrêtés pour « subversion »", "fr", "COERCE", "HKG"),
    ("Hong Kong: six activists arrested for \"subversion\"", "en", "COERCE", "HKG"),
])
def test_a_headline_sentence_with_no_agent_is_by_the_authorities_of_its_topic(
        text: str, lang: str, type_: str, country: str) -> None:
    event = first_event(text, lang, type_)  # (a lone line is the headline)
    assert countries(event["actor"]) == {country}


@pytest.mark.parametrize("text", [
    "Jeudi, le Maroc a annoncé l'expulsion de trois diplomates algériens et convoqué l'ambassadeur d'Algérie à Rabat.",
    "Le Maroc a suspendu les vols vers Alger et convoqué aussitôt l'ambassadeur algérien.",
])
def test_a_coordinated_verb_keeps_the_object_the_parser_gave_the_first(text: str) -> None:
    summons = first_event(text, "fr", "ACCUSE")
    assert (countries(summons["actor"]), countries(summons["recipient"])) == ({"MAR"}, {"DZA"})


def test_a_threat_keeps_its_author_when_the_parser_hangs_it_on_an_adjective() -> None:
    threat = first_event("Le Kremlin a dénoncé une mesure « inamicale » et promis une riposte.", "fr", "THREATEN")
    assert countries(threat["actor"]) == {"RUS"}


@pytest.mark.parametrize(("text", "lang", "city"), [
    ("Le ministre japonais a visité Hanoï mardi.", "fr", "VNM"),
    ("The Japanese foreign minister visited Hanoi on Tuesday.", "en", "VNM"),
    ("The Dutch prime minister will travel to Brussels next week.", "en", "BEL"),
])
def test_the_city_a_visit_goes_to_is_its_place_and_host(text: str, lang: str, city: str) -> None:
    visit = first_event(text, lang, "CONSULT")
    assert countries(visit["recipient"]) == {city} and visit["place"]["country"] == city


@pytest.mark.parametrize(("text", "lang", "country"), [
    # the story names the RDC by a name of its own: "congolais" and "Congo" are the RDC
    ("Kinshasa a accusé le Rwanda de soutenir les rebelles. L'armée congolaise a attaqué "
     "leurs positions.", "fr", "COD"),
    ("Fighting broke out in eastern Congo. The Congolese army attacked rebel positions near Goma.",
     "en", "COD"),
    # a story about Brazzaville, or naming neither, keeps the country listed first
    ("Brazzaville a rappelé son ambassadeur. L'armée congolaise a attaqué des positions rebelles.",
     "fr", "COG"),
    ("The Congolese army attacked rebel positions.", "en", "COG"),
])
def test_a_demonym_two_countries_share_is_the_one_the_story_names(
        text: str, lang: str, country: str) -> None:
    # (the attack by the army, not "fighting broke out" on the people of the place)
    attack = next(e for e in events(text, lang) if e["type"] == "ASSAULT" and e["actor"])
    assert countries(attack["actor"]) == {country}


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Soudan du Sud s'est engagé à retirer ses troupes de la zone frontalière.", "fr"),
    ("South Sudan pledged to withdraw its troops from the border area.", "en"),
])
def test_a_pledge_to_act_is_the_act_to_come(text: str, lang: str) -> None:
    found = events(text, lang)
    assert [(e["type"], e["status"]) for e in found] == [("RETREAT", "future")], found


@pytest.mark.parametrize(("text", "lang"), [
    ("L'Arménie et l'Azerbaïdjan ont accepté un cessez-le-feu parrainé par la Russie.", "fr"),
    ("Armenia and Azerbaijan accepted a ceasefire brokered by Russia.", "en"),
])
def test_a_broker_is_no_side_of_the_agreement(text: str, lang: str) -> None:
    agreement = first_event(text, lang, "AGREE")
    assert countries(agreement["actor"]) == {"ARM", "AZE"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Les ministres éthiopien et érythréen se sont rencontrés pour la première fois depuis des "
     "mois, sous la médiation du président kényan William Ruto.", "fr"),
])
def test_a_mediator_is_no_side_of_the_meeting_but_brings_its_sides_together(text: str, lang: str) -> None:
    found = events(text, lang)
    meeting = next(e for e in found if e["type"] == "CONSULT" and e["mode"] is None)
    assert "KEN" not in countries(meeting["actor"] + meeting["recipient"])
    # the mediation is Kenya's, between the sides that met
    mediation = next(e for e in found if e["mode"] == "third-party")
    assert countries(mediation["actor"]) == {"KEN"}
    assert countries(mediation["recipient"]) == {"ETH", "ERI"}


@pytest.mark.parametrize(("text", "lang"), [
    ("La Thaïlande et le Cambodge ont signé un accord mardi à Pékin. Les États-Unis ont salué "
     "l'accord.", "fr"),
    ("Thailand and Cambodia signed an agreement in Beijing on Tuesday. The United States "
     "welcomed the agreement.", "en"),
])
def test_praise_from_outside_a_meeting_is_not_placed_at_it(text: str, lang: str) -> None:
    support = first_event(text, lang, "SUPPORT")
    assert countries(support["actor"]) == {"USA"} and support["place"] is None


@pytest.mark.parametrize(("text", "lang", "city"), [
    ("Un attentat a fait au moins quinze morts jeudi dans un marché de Mogadiscio.", "fr", "Mogadiscio"),
    ("A suicide bombing killed at least fifteen people at a market in Mogadishu on Thursday.", "en",
     "Mogadishu"),
])
def test_an_attack_by_no_one_named_is_on_the_people_of_its_place(text: str, lang: str, city: str) -> None:
    attack = first_event(text, lang, "ASSAULT")
    assert attack["actor"] == [] and attack["recipient"] == [{"country": "SOM", "sector": "CVL", "name": None}]
    assert attack["place"]["name"] == city  # "dans un marché de": a site of the city


def test_a_place_in_a_part_of_a_country_after_a_site() -> None:
    attack = first_event("Une attaque a fait dix morts dans un village du nord du Burkina Faso.", "fr", "ASSAULT")
    assert attack["place"]["country"] == "BFA"


@pytest.mark.parametrize("text", [
    "La France et l'Allemagne vont développer un char de combat.",
    "Le pays a commandé des fusils d'assaut et des avions de combat.",
])
def test_an_attack_noun_naming_what_a_weapon_is_for_is_no_attack(text: str) -> None:
    assert not events_of(text, "fr", "ASSAULT")


@pytest.mark.parametrize(("text", "lang"), [
    ("L'Iran a promis de venger la mort de son commandant.", "fr"),
    ("Iran vowed to avenge the death of its commander.", "en"),
])
def test_a_vow_to_avenge_is_a_threat(text: str, lang: str) -> None:
    threat = first_event(text, lang, "THREATEN")
    assert countries(threat["actor"]) == {"IRN"}


@pytest.mark.parametrize(("text", "lang", "host"), [
    ("La Lituanie a rappelé son ambassadeur en Chine.", "fr", "CHN"),
    ("Paris a rappelé son ambassadeur en Algérie et convoqué le chargé d'affaires algérien.", "fr", "DZA"),
    ("Lithuania recalled its ambassador to China.", "en", "CHN"),
])
def test_a_recall_is_aimed_where_the_own_envoy_serves(text: str, lang: str, host: str) -> None:
    recall = first_event(text, lang, "SANCTION")
    assert countries(recall["recipient"]) == {host}


@pytest.mark.parametrize(("text", "lang"), [
    ("Les Casques bleus de l'ONU ont achevé leur retrait du Mali.", "fr"),
    ("France announced the withdrawal of its troops from Mali.", "en"),
])
def test_a_withdrawal_with_its_owner_named_leaves_the_place_after_it(text: str, lang: str) -> None:
    withdrawal = first_event(text, lang, "RETREAT")
    assert countries(withdrawal["recipient"]) == {"MLI"}
    assert "MLI" not in countries(withdrawal["actor"])


@pytest.mark.parametrize(("text", "lang"), [
    ("L'Union européenne a adopté un nouveau train de sanctions visant le régime biélorusse.", "fr"),
    ("The European Union adopted a new package of sanctions targeting the Belarusian regime.", "en"),
])
def test_sanctions_counted_in_a_package_are_aimed_where_the_package_is(text: str, lang: str) -> None:
    sanctions = first_event(text, lang, "SANCTION")
    assert sides(sanctions) == ({"IGO"}, {"BLR"})


def test_a_verb_read_as_a_noun_with_its_object_read_as_an_apposition() -> None:
    veto = first_event("Hungary vetoed the aid package for Ukraine.", "en", "REJECT")
    assert sides(veto) == ({"HUN"}, {"UKR"})


def test_a_threat_misread_as_a_noun_keeps_its_condition_apart() -> None:
    threat = first_event("Washington menace Bogota de droits de douane si elle refuse les vols "
                         "d'expulsion.", "fr", "THREATEN")
    assert threat["status"] == "occurred"
    assert sides(threat) == ({"USA"}, {"COL"})


@pytest.mark.parametrize(("text", "lang"), [
    ("L'Union européenne a levé les sanctions contre la Syrie.", "fr"),
    ("The EU lifted sanctions on Syria.", "en"),
])
def test_lifted_sanctions_are_a_concession_not_sanctions(text: str, lang: str) -> None:
    found = events(text, lang)
    assert [e["type"] for e in found if e["status"] in ("occurred", "future")] == ["CONCEDE"], found



GROUP_TALKS = {
    "fr": "Le ministre égyptien des Affaires étrangères et ses homologues grec, chypriote et "
          "français se sont réunis mercredi au Caire pour discuter des relations entre la Libye et "
          "la Turquie. Ils ont appelé la Turquie à cesser ses forages. Les ministres sont convenus "
          "de se retrouver en Crète.",
    "en": "Egyptian foreign minister Sameh Shoukry and his Greek, Cypriot and French counterparts "
          "gathered in Cairo on Wednesday to discuss relations between Libya and Turkey. They called "
          "on Turkey to halt its drilling operations. The foreign ministers agreed to meet again on Crete.",
}
GROUP = {"EGY", "GRC", "CYP", "FRA"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_talks_of_several_sides_are_one_meeting_not_with_what_they_discuss(lang: str) -> None:
    # (the meeting they agree to hold on Crete is another one, to come)
    talks = [e for e in events_of(GROUP_TALKS[lang], lang, "CONSULT") if e["status"] == "occurred"]
    assert len(talks) == 1, talks
    assert countries(talks[0]["actor"]) | countries(talks[0]["recipient"]) == GROUP


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_office_holders_named_as_a_group_after_talks_are_their_sides(lang: str) -> None:
    found = events(GROUP_TALKS[lang], lang)
    assert countries(first_event(GROUP_TALKS[lang], lang, "AGREE")["actor"]) == GROUP, found
    request = first_event(GROUP_TALKS[lang], lang, "REQUEST")
    assert countries(request["actor"]) == GROUP and countries(request["recipient"]) == {"TUR"}


def test_office_holders_after_an_agreement_between_countries_are_not_its_sides() -> None:
    # Nothing told that the two states' ministers met: the ministers are others.
    found = events("Turkey and Libya agreed on maritime borders. "
                   "The foreign ministers agreed to meet again in May.", "en")
    ministers = [e for e in found if "foreign ministers" in e["evidence"]]
    assert all(countries(e["actor"]) != {"TUR", "LBY"} for e in ministers), found


def test_a_capitalised_common_noun_opening_a_headline_is_no_organisation() -> None:
    agreement = first_event("Coopération renforcée entre la France et la Tunisie\n\n"
                            "Le texte a été signé mardi à Tunis.", "fr", "AGREE")
    assert [a["name"] for a in agreement["actor"] if a["name"]] == [], agreement["actor"]
    assert countries(agreement["actor"]) == {"FRA", "TUN"}


def test_the_day_a_story_is_filed_dates_no_talks_at_a_meeting() -> None:
    # The dateline anchors "mardi" and "hier"; it is no scene day the sides met on.
    found = events("Le Canada et l'Inde renforcent leurs liens\n\n9 février 2016 . –\n"
                   "Une mission commerciale canadienne s'est rendue en Inde.\n\n"
                   "Le premier ministre canadien a rendu visite à son homologue indien et ils ont "
                   "discuté de coopération énergétique.", "fr")
    meetings = [e for e in found if e["type"] == "CONSULT"]
    assert meetings and all(e["date"] is None for e in meetings), found


def test_the_twenty_seven_are_the_european_union() -> None:
    sanctions = first_event("Les Vingt-Sept ont adopté lundi un nouveau paquet de sanctions contre "
                            "Minsk.", "fr", "SANCTION")
    assert sides(sanctions) == ({"IGO"}, {"BLR"})


def test_eased_sanctions_are_a_concession_to_whom_they_target() -> None:
    found = events("Washington a assoupli les sanctions visant le secteur pétrolier vénézuélien.", "fr")
    assert [e["type"] for e in found if e["status"] in ("occurred", "future")] == ["CONCEDE"], found
    assert countries(found[0]["recipient"]) == {"VEN"}


@pytest.mark.parametrize("text", [
    "Des frappes israéliennes ont visé dimanche le Liban.",
    "Des frappes israéliennes ont visé dimanche plusieurs localités du sud du Liban.",
])
def test_an_attack_reaches_the_object_put_after_a_time_word(text: str) -> None:
    strike = first_event(text, "fr", "ASSAULT")
    assert sides(strike) == ({"ISR"}, {"LBN"})


@pytest.mark.parametrize(("text", "lang"), [
    ("Le président brésilien est attendu à Pékin la semaine prochaine pour une visite d'État.", "fr"),
    ("The Brazilian president is expected in Beijing next week for a state visit.", "en"),
])
def test_who_is_expected_for_a_visit_makes_it(text: str, lang: str) -> None:
    visit = first_event(text, lang, "CONSULT")
    assert sides(visit) == ({"BRA"}, {"CHN"})
    assert visit["status"] == "future"


@pytest.mark.parametrize(("text", "lang"), [
    ("Les Îles Salomon ont signé un pacte de sécurité avec la Chine.", "fr"),
    ("The Solomon Islands signed a security pact with China.", "en"),
])
def test_small_states_are_countries(text: str, lang: str) -> None:
    assert countries(first_event(text, lang, "AGREE")["actor"]) == {"SLB", "CHN"}


def test_a_first_name_that_is_also_a_country_name_is_no_country() -> None:
    # Dominica is "la Dominique" in French, and "Dominique" is a common first name
    talks = first_event("Le ministre français Dominique Leclerc a rencontré son homologue espagnol.",
                        "fr", "CONSULT")
    assert parties(talks) == {"FRA", "ESP"}


def test_a_coup_after_sanctions_does_not_make_imposing_them_a_coercion() -> None:
    found = events("La Cédéao a imposé de lourdes sanctions économiques au Niger après le coup "
                   "d'État.", "fr")
    assert [(e["type"], countries(e["actor"]), countries(e["recipient"])) for e in found] == [
        ("SANCTION", {"IGO"}, {"NER"})], found


@pytest.mark.parametrize(("text", "lang"), [
    ("La mission de l'ONU au Mali a achevé son retrait mardi.", "fr"),
    ("The UN mission in Mali completed its withdrawal on Tuesday.", "en"),
])
def test_a_body_withdrawing_leaves_where_it_is_posted(text: str, lang: str) -> None:
    withdrawal = first_event(text, lang, "RETREAT")
    assert sides(withdrawal) == ({"IGO"}, {"MLI"})


def test_received_at_a_seat_of_power_is_hosted_by_its_country() -> None:
    visit = first_event("Le président kazakh a été reçu au Kremlin mardi.", "fr", "CONSULT")
    assert sides(visit) == ({"KAZ"}, {"RUS"})


@pytest.mark.parametrize(("text", "type_", "sides"), [
    ("Des garde-côtes chinois ont utilisé des canons à eau contre un navire philippin.", "ASSAULT",
     {"CHN", "PHL"}),
    ("Le FMI a débloqué une nouvelle tranche de prêt de 900 millions de dollars pour l'Ukraine.",
     "AID", {"IGO", "UKR"}),
    ("Le Mercosur et l'Union européenne ont conclu un accord de libre-échange.", "AGREE", {"IGO"}),
])
def test_french_lexicon_rows_of_the_second_batch(text: str, type_: str, sides: set[str]) -> None:
    event = first_event(text, "fr", type_)
    assert parties(event) == sides


def test_a_name_the_parser_made_the_determiner_of_the_verb_is_its_subject() -> None:
    threat = first_event("Ankara menace de bloquer l'adhésion de la Suède à l'OTAN.", "fr", "THREATEN")
    assert sides(threat) == ({"TUR"}, {"SWE"})


def test_a_name_the_tagger_read_as_a_verb_is_still_a_side_of_a_coordination() -> None:
    talks = first_event("Vladimir Poutine et Narendra Modi ont eu un entretien à Moscou.", "fr", "CONSULT")
    assert parties(talks) == {"RUS", "IND"}


@pytest.mark.parametrize(("text", "type_", "sides"), [
    ("Les négociateurs américains et chinois se retrouveront la semaine prochaine à Genève.",
     "CONSULT", {"USA", "CHN"}),
    ("L'Arménie a rendu quatre villages à l'Azerbaïdjan.", "CONCEDE", {"ARM", "AZE"}),
    ("Le Japon va fournir des générateurs électriques à l'Ukraine.", "AID", {"JPN", "UKR"}),
])
def test_french_lexicon_rows_of_the_third_batch(text: str, type_: str, sides: set[str]) -> None:
    event = first_event(text, "fr", type_)
    assert parties(event) == sides


def test_a_visit_paid_by_an_island_s_premier_is_no_territory_returned() -> None:
    found = events("Le premier ministre de l'île a rendu visite à son homologue indien.", "fr")
    assert [e["type"] for e in found] == ["CONSULT"], found


def test_displeasure_voiced_after_an_act_is_aimed_at_who_did_it() -> None:
    protest = first_event("Pékin a exprimé son « vif mécontentement » après la visite du Premier "
                          "ministre japonais au sanctuaire Yasukuni.", "fr", "ACCUSE")
    assert sides(protest) == ({"CHN"}, {"JPN"})


def test_a_death_after_a_condemnation_is_no_death_sentence() -> None:
    found = events("L'Inde a condamné l'attaque après la mort de trois soldats.", "fr")
    assert [e["type"] for e in found] == ["ACCUSE"], found
    sentence = first_event("Un tribunal iranien a condamné à mort un ressortissant suédois.", "fr", "SANCTION")
    assert countries(sentence["recipient"]) == {"SWE"}


def test_a_headline_object_coordinated_with_the_subject_is_the_object() -> None:
    expulsion = first_event("Moscou expulse un diplomate estonien\n\nLa décision a été annoncée mardi.",
                            "fr", "SANCTION")
    assert sides(expulsion) == ({"RUS"}, {"EST"})


@pytest.mark.parametrize(("text", "lang"), [
    ("Addis-Abeba et Mogadiscio ont scellé leur réconciliation sous l'égide de la Turquie.", "fr"),
    ("Ethiopia and Somalia signed a deal in Ankara under Turkish auspices.", "en"),
])
def test_who_brings_the_sides_together_is_no_side_of_their_agreement(text: str, lang: str) -> None:
    agreement = first_event(text, lang, "AGREE")
    assert parties(agreement) == {"ETH", "SOM"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Le président américain a imposé des droits de douane de 60 % sur les produits chinois.", "fr"),
    ("The US president imposed 60 percent tariffs on Chinese goods.", "en"),
    ("Le président américain a menacé d'imposer des droits de douane de 60 % sur les produits chinois.", "fr"),
])
def test_a_levy_is_aimed_at_whose_goods_it_falls_on(text: str, lang: str) -> None:
    for event in events(text, lang):
        assert sides(event) == ({"USA"}, {"CHN"}), event


def test_a_topic_after_a_forbidden_act_is_no_levy() -> None:
    found = events("Le tribunal a interdit à la campagne de partager des informations sur les réseaux "
                   "sociaux chinois.", "fr")
    assert all("CHN" not in countries(e["recipient"]) for e in found), found


@pytest.mark.parametrize(("text", "lang"), [
    ("L'accord entre la Chine et le Japon a été signé mardi.", "fr"),
    ("The agreement between China and Japan was signed on Tuesday.", "en"),
])
def test_an_agreement_signed_in_the_passive_is_signed_by_the_sides_it_names(text: str, lang: str) -> None:
    assert countries(first_event(text, lang, "AGREE")["actor"]) == {"CHN", "JPN"}


def test_the_agent_of_the_act_praised_is_whom_the_praise_is_for() -> None:
    # "par le Conseil" hangs on "se félicite", which is not passive: the adoption's agent
    praise = first_event("Paris se félicite de l'adoption par le Conseil de sécurité d'une résolution "
                         "sur Gaza.", "fr", "SUPPORT")
    assert sides(praise) == ({"FRA"}, {"IGO"})


@pytest.mark.parametrize("text", [
    "L'Iran a prévenu qu'il riposterait à toute attaque américaine.",
    "Pékin a averti qu'il répondrait par la force à toute provocation de Taïwan.",
])
def test_a_warning_of_a_riposte_is_a_threat_to_whom_it_would_answer(text: str) -> None:
    threat = first_event(text, "fr", "THREATEN")
    assert threat["status"] == "occurred"
    assert len(countries(threat["actor"])) == 1 and len(countries(threat["recipient"])) == 1
    assert countries(threat["actor"]) != countries(threat["recipient"])


def test_medicine_carried_to_a_country_is_aid() -> None:
    aid = first_event("L'Organisation mondiale de la santé a acheminé des médicaments en Afghanistan.",
                      "fr", "AID")
    assert sides(aid) == ({"IGO"}, {"AFG"})


@pytest.mark.parametrize("verb", ["accusé", "dénoncé"])
def test_a_charge_quoted_before_its_attribution_is_aimed_at_its_subject(verb: str) -> None:
    charge = first_event(f"« Kiev a délibérément bombardé des quartiers résidentiels », a {verb} le "
                         "porte-parole du Kremlin.", "fr", "ACCUSE")
    assert sides(charge) == ({"RUS"}, {"UKR"})


def test_the_end_of_a_quote_begun_before_is_still_no_act() -> None:
    found = events("Le ministre a critiqué la décision. « C'est inacceptable », a-t-il dénoncé.", "fr")
    assert len([e for e in found if e["type"] == "ACCUSE"]) <= 1, found


def test_a_headline_verb_tagged_as_a_pronoun_is_the_verb() -> None:
    expulsion = first_event("L'Algérie expulse douze agents de l'ambassade de France\n\n"
                            "La décision a été annoncée lundi à Alger.", "fr", "SANCTION")
    assert sides(expulsion) == ({"DZA"}, {"FRA"})


def test_suspended_tariffs_are_a_concession_to_whose_goods_they_fell_on() -> None:
    found = events("Washington a suspendu une partie de ses droits de douane sur les produits chinois.", "fr")
    assert [(e["type"], countries(e["recipient"])) for e in found if e["status"] == "occurred"] == [
        ("CONCEDE", {"CHN"})], found


def test_strikes_on_a_capital_are_aimed_at_its_country() -> None:
    strike = first_event("Des frappes russes sur Kiev ont fait trois morts mardi.", "fr", "ASSAULT")
    assert sides(strike) == ({"RUS"}, {"UKR"})


@pytest.mark.parametrize(("text", "lang", "member"), [
    ("Le Burkina Faso a annoncé son retrait de l'OTAN.", "fr", "BFA"),
    ("Le Tchad a annoncé mardi qu'il se retirait de la Cédéao.", "fr", "TCD"),
    ("Niger announced on Monday its withdrawal from ECOWAS.", "en", "NER"),
])
def test_leaving_any_international_organisation_is_a_withdrawal(text: str, lang: str, member: str) -> None:
    withdrawal = first_event(text, lang, "SANCTION")
    assert withdrawal["mode"] == "withdraw"
    assert sides(withdrawal) == ({member}, {"IGO"})


def test_every_name_of_a_list_joined_by_commas_and_et_is_a_side() -> None:
    charge = first_event("Le Mali, le Burkina Faso et le Niger ont accusé le Tchad.", "fr", "ACCUSE")
    assert sides(charge) == ({"MLI", "BFA", "NER"}, {"TCD"})


def test_a_two_word_capital_after_et_is_one_side() -> None:
    # the parser hangs "New" on "Paris" as if coordinated, and makes "Delhi" the subject
    deal = first_event("Paris et New Delhi ont conclu un accord de défense.", "fr", "AGREE")
    assert parties(deal) == {"FRA", "IND"}


def test_an_object_the_parser_gave_to_the_incise_is_the_verbs() -> None:
    expulsion = first_event("La France a expulsé jeudi un diplomate russe soupçonné d'espionnage, "
                            "a-t-on appris de source diplomatique.", "fr", "SANCTION")
    assert sides(expulsion) == ({"FRA"}, {"RUS"})


@pytest.mark.parametrize("text", [
    "Le Venezuela a rejeté, dans un communiqué publié mardi, le rapport de l'ONU.",
    "Le Venezuela a rejeté, dans un communiqué lu à la télévision, les conclusions du rapport de l'ONU.",
])
def test_an_object_after_an_adjunct_set_off_by_commas_is_the_verbs(text: str) -> None:
    assert sides(first_event(text, "fr", "REJECT")) == ({"VEN"}, {"IGO"})


def test_a_conditional_past_reports_what_happened_but_a_modal_one_does_not() -> None:
    massed = first_event("Selon la presse, Moscou aurait massé des troupes à la frontière.", "fr", "MOBILIZE")
    assert massed["status"] == "occurred"
    could = events("L'armée russe aurait pu bombarder Kharkiv.", "fr")
    assert all(e["status"] == "hypothetical" for e in could), could


def test_a_fronted_participle_is_not_the_subject() -> None:
    deal = first_event("Réunis à Washington sous l'égide du président américain, les dirigeants arménien "
                       "et azerbaïdjanais ont paraphé un accord de paix.", "fr", "AGREE")
    assert parties(deal) == {"ARM", "AZE"}


def test_who_announces_the_release_of_its_own_national_did_not_release_him() -> None:
    release = first_event("Un journaliste français détenu en Iran a été libéré mardi, a annoncé le "
                          "gouvernement français.", "fr", "RETREAT")
    assert sides(release) == ({"IRN"}, {"FRA"})


@pytest.mark.parametrize(("text", "lang"), [
    ("Deux soldats maliens ont été tués par une frappe de drone attribuée à l'armée algérienne.", "fr"),
    ("Two Malian soldiers were killed in a drone strike attributed to the Algerian army.", "en"),
])
def test_a_killing_in_a_strike_attributed_to_someone_is_one_attack_by_them(text: str, lang: str) -> None:
    attacks = events_of(text, lang, "ASSAULT")
    assert [sides(e) for e in attacks] == [({"DZA"}, {"MLI"})], attacks


def test_an_act_named_as_a_charge_is_not_reported_and_the_charge_has_its_author() -> None:
    found = events("Moscou rejette les accusations d'agression portées par Kiev.", "fr")
    assert [(e["type"], sides(e)) for e in found if e["status"] == "occurred"] == [
        ("REJECT", ({"RUS"}, {"UKR"}))], found


def test_a_second_subject_after_the_verb_is_its_object() -> None:
    # the parser reads "Emmanuel Macron" as a second subject of "a rencontré"
    talks = first_event("Lula a rencontré Emmanuel Macron à Paris.", "fr", "CONSULT")
    assert parties(talks) == {"BRA", "FRA"}


def test_a_name_coordinated_with_a_country_of_two_words_is_a_side() -> None:
    # "l'Iran" hangs on "Nord", inside "la Corée du Nord"
    charge = first_event("La Corée du Nord et l'Iran ont accusé Israël.", "fr", "ACCUSE")
    assert sides(charge) == ({"PRK", "IRN"}, {"ISR"})
    # but "de la Chine", with its own preposition, is the minister's
    charge = first_event("Le ministre de l'Économie de la Russie et de la Chine a accusé Israël.", "fr", "ACCUSE")
    assert countries(charge["recipient"]) == {"ISR"}


def test_blame_of_an_act_goes_to_whoever_did_it_not_to_whom_it_was_done() -> None:
    charge = first_event("L'ONU a dénoncé les exécutions de prisonniers ukrainiens par les forces russes.",
                         "fr", "ACCUSE")
    assert sides(charge) == ({"IGO"}, {"RUS"})


def test_him_after_a_meeting_is_the_other_side_of_it() -> None:
    support = first_event("Le président chinois a reçu lundi son homologue russe à Pékin. Il lui a assuré "
                          "du soutien de la Chine.", "fr", "SUPPORT")
    assert sides(support) == ({"CHN"}, {"RUS"})


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Séoul et Washington ont entamé lundi leurs manœuvres militaires annuelles.", "fr", "COOPERATE"),
    ("La Chine et la Russie ont organisé des exercices navals en mer du Japon.", "fr", "COOPERATE"),
    # one side's exercise, or two sides' weapons tests, are not done together
    ("La Chine a organisé des exercices navals en mer du Japon.", "fr", "MOBILIZE"),
    ("La Corée du Nord et l'Iran ont procédé à des essais de missiles balistiques.", "fr", "MOBILIZE"),
])
def test_military_exercises_of_two_sides_are_joint(text: str, lang: str, expected: str) -> None:
    assert [e["type"] for e in events(text, lang) if e["status"] == "occurred"] == [expected]


def test_a_possible_act_is_not_reported() -> None:
    found = events("Les ministres ont évoqué la possibilité d'une visite du président à Moscou.", "fr")
    assert not [e for e in found if e["status"] == "occurred"], found


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Canada a expulsé lundi six diplomates indiens, dont le haut-commissaire, les accusant d'être "
     "liés au meurtre d'un militant.", "fr"),
    ("Canada expelled six Indian diplomats on Monday, accusing them of links to the murder of an activist.", "en"),
])
def test_a_detached_participle_has_the_clauses_subject_and_object(text: str, lang: str) -> None:
    # the French parser hangs "accusant" on "haut-commissaire"; the rule of the detached
    # participle gives it the subject of "a expulsé", and "les" its object
    charge = first_event(text, lang, "ACCUSE")
    assert sides(charge) == ({"CAN"}, {"IND"})


def test_an_object_read_as_a_time_adjunct_is_still_the_object() -> None:
    found = events("La junte au pouvoir à Niamey a rejeté l'ultimatum lancé par la Cédéao.", "fr")
    assert ("REJECT", ({"NER"}, {"IGO"})) in [(e["type"], sides(e)) for e in found], found


def test_noting_a_growing_closeness_is_no_agreement() -> None:
    assert not events("Le ministre a souligné l'approfondissement des relations entre le Vietnam et le Laos.", "fr")
    agreed = first_event("Le Vietnam et le Laos ont convenu de l'approfondissement de leurs relations.", "fr", "AGREE")
    assert countries(agreed["actor"]) == {"VNM", "LAO"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Le ministre allemand des Finances a été contraint de démissionner.", "fr"),
    ("The German finance minister was forced to resign on Monday.", "en"),
])
def test_a_resignation_one_was_forced_into_happened(text: str, lang: str) -> None:
    assert first_event(text, lang, "RETREAT")["status"] == "occurred"


def test_a_duration_before_a_possessive_is_no_long_process() -> None:
    # "d'un an ses sanctions": the parser hangs "sanctions" on "an", as in "des décennies de combats"
    sanction = first_event("L'Union européenne a prolongé d'un an ses sanctions contre le régime syrien.", "fr",
                           "SANCTION")
    assert sides(sanction) == ({"IGO"}, {"SYR"})


def test_a_number_in_words_is_not_the_union_it_names_with_capitals() -> None:
    found = events("La Cour suprême brésilienne a condamné l'ancien président à vingt-sept ans de prison.", "fr")
    assert all("IGO" not in parties(e) for e in found), found
    eu = first_event("Les Vingt-Sept ont adopté de nouvelles sanctions contre la Russie.", "fr", "SANCTION")
    assert sides(eu) == ({"IGO"}, {"RUS"})


def test_a_subject_with_an_adjective_before_its_relative_clause_acts_in_both_clauses() -> None:
    # the parser makes the relative clause the root and hangs the main verb on it
    found = events("Le chancelier allemand, qui effectue sa première visite en Pologne, a signé "
                   "un accord avec le président polonais.", "fr")
    assert {(e["type"], e["mode"], frozenset(parties(e)))
            for e in found} == {("CONSULT", "visit", frozenset({"DEU", "POL"})),
                                ("AGREE", None, frozenset({"DEU", "POL"}))}


@pytest.mark.parametrize(("text", "lang"), [
    ("L'Arménie et l'Azerbaïdjan ont paraphé vendredi à la Maison Blanche un accord de paix.", "fr"),
    ("Armenia and Azerbaijan initialled a peace agreement at the White House on Friday.", "en"),
])
def test_the_seat_where_sides_sign_is_no_side(text: str, lang: str) -> None:
    deal = first_event(text, lang, "AGREE")
    assert parties(deal) == {"ARM", "AZE"}


def test_acts_judged_by_someone_are_not_the_judges() -> None:
    strikes = first_event("Le chef de l'ONU a jugé « inacceptables » les frappes israéliennes sur des "
                          "écoles de Gaza.", "fr", "ASSAULT")
    assert countries(strikes["actor"]) == {"ISR"}


def test_condemning_executions_is_no_sentence() -> None:
    found = events("The UN human rights office condemned the executions of Ukrainian prisoners by Russian forces.",
                   "en")
    assert [(e["type"], sides(e)) for e in found] == [("ACCUSE", ({"IGO"}, {"RUS"}))], found
    sentence = first_event("A court in Tehran condemned the journalist to death.", "en", "SANCTION")
    assert sentence["mode"] == "convict"


def test_a_crowd_counted_in_tens_of_thousands_is_the_subject_of_its_verb() -> None:
    # (in the body: a headline is parsed otherwise)
    protest = first_event("World news\n\nTens of thousands of people rallied in Belgrade on Saturday against "
                          "the government.", "en", "PROTEST")
    assert sides(protest) == ({"SRB"}, {"SRB"})


@pytest.mark.parametrize(("text", "lang"), [
    ("Moscow warned that supplying long-range missiles to Kyiv would be a dangerous escalation.", "en"),
])
def test_an_act_as_the_subject_of_a_judgement_is_not_done(text: str, lang: str) -> None:
    assert all(e["status"] == "hypothetical" for e in events(text, lang) if e["type"] == "AID")


def headline_events(headline: str, lang: str) -> list[dict]:
    """The events of a headline above a body that states none."""
    body = "Le texte suit." if lang == "fr" else "The text follows."
    return events(f"{headline}\n\n{body}", lang)


@pytest.mark.parametrize(("headline", "lang", "expected"), [
    ("Iran : l'Union européenne adopte de nouvelles sanctions", "fr", ("SANCTION", ({"IGO"}, {"IRN"}))),
    ("Venezuela : Washington allège ses sanctions pétrolières", "fr", ("CONCEDE", ({"USA"}, {"VEN"}))),
    ("Niger : la junte expulse l'ambassadeur de France", "fr", ("SANCTION", ({"NER"}, {"FRA"}))),
    ("Corée du Nord : nouveau tir de missile balistique", "fr", ("MOBILIZE", ({"PRK"}, set()))),
])
def test_a_headlines_topic_is_whom_its_act_aims_at_or_who_does_it(
        headline: str, lang: str, expected: tuple[str, tuple[set[str], set[str]]]) -> None:
    found = headline_events(headline, lang)
    assert expected in [(e["type"], sides(e)) for e in found], found


def test_a_headlines_topic_gives_no_side_to_an_act_of_no_one() -> None:
    found = headline_events("Mali : attaque à Tombouctou sur la MINUSMA", "fr")
    assert all("MLI" not in countries(e["actor"]) for e in found), found


def test_a_capital_after_a_plan_is_its_author() -> None:
    rejection = first_event("Moscou a rejeté le plan de paix de Kiev.", "fr", "REJECT")
    assert sides(rejection) == ({"RUS"}, {"UKR"})


@pytest.mark.parametrize(("text", "lang"), [
    ("La Russie et l'Ukraine ont procédé samedi à un échange de prisonniers.", "fr"),
    ("Russia and Ukraine carried out a prisoner swap on Saturday.", "en"),
])
def test_a_prisoner_exchange_is_a_release_by_both_sides(text: str, lang: str) -> None:
    exchange = first_event(text, lang, "RETREAT")
    assert parties(exchange) == {"RUS", "UKR"}


@pytest.mark.parametrize(("text", "lang"), [
    ("La police kényane a dispersé des milliers de manifestants à Nairobi.", "fr"),
    ("Kenyan police dispersed thousands of protesters in Nairobi with tear gas.", "en"),
])
def test_protesters_dispersed_before_any_protest_is_told_are_protesting(text: str, lang: str) -> None:
    types = {e["type"] for e in events(under_headline(text, lang), lang)}
    assert types == {"ASSAULT", "PROTEST"}


def test_protesters_arrested_after_their_protest_are_no_second_protest() -> None:
    found = events("Actualité\n\nDes milliers de manifestants ont défilé mardi à Nairobi. La police a "
                   "dispersé des centaines de manifestants.", "fr")
    assert [e["type"] for e in found].count("PROTEST") == 1, found


@pytest.mark.parametrize(("headline", "expected"), [
    # a verbless topic before the colon stays in the headline's sentence
    ("Éthiopie et Somalie : accord de réconciliation signé à Ankara", ("AGREE", ({"ETH", "SOM"}, set()))),
    # a participle hung on the topic is a bare passive; a name read as an adverb its subject
    ("Inde : Emmanuel Macron reçu par Narendra Modi à New Delhi", ("CONSULT", ({"FRA"}, {"IND"}))),
    ("Chine : Lula reçu par Xi Jinping à Pékin", ("CONSULT", ({"BRA"}, {"CHN"}))),
    # the act's target hung on the topic
    ("Ukraine : nouvelle vague de frappes russes sur Kiev", ("ASSAULT", ({"RUS"}, {"UKR"}))),
    # the subject of a verb read as a noun starts after the topic
    ("Philippines : le Japon livre des radars de surveillance côtière", ("AID", ({"JPN"}, {"PHL"}))),
    # a finite verb the parser hung like a noun, with coordinated subjects
    ("Caucase : Erevan et Bakou paraphent un accord de paix", ("AGREE", ({"ARM", "AZE"}, set()))),
    ("Pyongyang menace Washington de « représailles »", ("THREATEN", ({"PRK"}, {"USA"}))),
    # a state's act on its own ground with no doer named: the topic did it
    ("Mali : l'ambassadeur de France expulsé", ("SANCTION", ({"MLI"}, {"FRA"}))),
    ("Iran : libération de deux journalistes français", ("RETREAT", ({"IRN"}, {"FRA"}))),
])
def test_a_headline_after_its_topic_is_read_whole(headline: str, expected: tuple) -> None:
    found = headline_events(headline, "fr")
    assert expected in [(e["type"], sides(e)) for e in found], found


@pytest.mark.parametrize(("text", "may_split"), [
    ("Éthiopie et Somalie : accord de réconciliation signé à Ankara", False),
    ("Le ministre a déclaré : la France soutiendra l'Ukraine.", True),  # a verb: no topic
])
def test_only_a_short_verbless_topic_keeps_its_colon_inside_the_sentence(text: str, may_split: bool) -> None:
    from eventwire.parse import SENTENCE_BOUNDS, load_pipeline

    nlp = load_pipeline("fr")
    before = nlp.pipe_names[: nlp.pipe_names.index(SENTENCE_BOUNDS) + 1]
    with nlp.select_pipes(enable=before):
        doc = nlp(text)
    after_colon = next(t for t in doc if t.i > 0 and doc[t.i - 1].text == ":")
    assert (after_colon.is_sent_start is not False) == may_split


def test_those_released_are_the_recipient_even_when_the_lexicon_line_names_them() -> None:
    release = first_event("Actualité\n\nL'Iran a annoncé la libération de deux journalistes français.", "fr", "RETREAT")
    assert sides(release) == ({"IRN"}, {"FRA"})


def test_a_guest_received_with_no_host_named_is_received_by_the_place() -> None:
    visit = first_event("Pologne : le chancelier allemand reçu à Varsovie\n\nLe texte suit.", "fr", "CONSULT")
    assert sides(visit) == ({"DEU"}, {"POL"})


def test_a_crowd_given_its_country_by_the_topic_still_protests() -> None:
    protest = first_event("Israel: thousands protest against judicial overhaul in Tel Aviv\n\nThe text follows.",
                          "en", "PROTEST")
    assert countries(protest["actor"]) == {"ISR"}


def test_a_public_broadcaster_has_its_country() -> None:
    ban = first_event("Actualité\n\nLe Burkina Faso a suspendu la diffusion de RFI.", "fr", "COERCE")
    assert sides(ban) == ({"BFA"}, {"FRA"})


def test_a_complement_the_parser_hung_on_a_day_is_the_verbs() -> None:
    closing = first_event("Actualité\n\nLa Lituanie a fermé jeudi deux postes-frontières avec la Biélorussie.",
                          "fr", "COERCE")
    assert sides(closing) == ({"LTU"}, {"BLR"})


@pytest.mark.parametrize(("text", "lang"), [
    ("Les marines indonésienne et australienne ont mené des patrouilles coordonnées en mer de Timor.", "fr"),
])
def test_coordinated_patrols_are_a_joint_act(text: str, lang: str) -> None:
    patrol = first_event(f"Actualité\n\n{text}", lang, "COOPERATE")
    assert countries(patrol["actor"]) == {"AUS", "IDN"}


def test_a_lifted_embargo_is_aimed_at_whose_goods_it_hit() -> None:
    lifting = first_event("World news\n\nWarsaw lifted its embargo on Ukrainian grain.", "en", "CONCEDE")
    assert sides(lifting) == ({"POL"}, {"UKR"})


@pytest.mark.parametrize(("text", "lang", "month"), [
    ("The European Union sanctioned Iran earlier in the month.", "en", "2024-03"),
    ("L'Union européenne a sanctionné l'Iran plus tôt dans le mois.", "fr", "2024-03"),
])
def test_earlier_in_the_month_dates_to_the_month_of_the_article(text: str, lang: str, month: str) -> None:
    sanction = first_event(under_headline(text, lang), lang, "SANCTION")
    assert sanction["date"] == month


@pytest.mark.parametrize(("text", "lang", "type_", "country"), [
    ("Le gouvernement colombien et les rebelles ont repris les pourparlers de paix à Caracas.", "fr", "CONSULT", "COL"),
    ("Le gouvernement soudanais et les paramilitaires ont signé un accord de cessez-le-feu à Djeddah.",
     "fr", "AGREE", "SDN"),
])
def test_a_group_at_the_table_is_of_the_country_across_it_not_of_the_venue(
        text: str, lang: str, type_: str, country: str) -> None:
    talks = first_event(f"Actualité\n\n{text}", lang, type_)
    assert countries(talks["actor"]) == {country}
    assert len(talks["actor"]) == 2


def test_a_name_right_after_a_verb_of_request_is_whom_it_asks() -> None:
    call = first_event("Actualité\n\nLe secrétaire d'État américain a appelé Israël à protéger les civils de Gaza.",
                       "fr", "REQUEST")
    assert sides(call) == ({"USA"}, {"ISR"})


def test_a_headline_topic_of_two_hyphenated_countries_names_both_sides() -> None:
    clash = first_event("Arménie-Azerbaïdjan : nouveaux affrontements à la frontière\n\nLe texte suit.",
                        "fr", "ASSAULT")
    assert parties(clash) == {"ARM", "AZE"}


@pytest.mark.parametrize(("text", "lang", "country"), [
    ("Les rebelles houthis ont revendiqué une attaque de drone contre un navire en mer Rouge.", "fr", "YEM"),
    ("Les shebab ont attaqué une base militaire près de Mogadiscio.", "fr", "SOM"),
    ("The FARC attacked an army patrol.", "en", "COL"),
])
def test_well_known_armed_groups_have_their_country(text: str, lang: str, country: str) -> None:
    attack = first_event(under_headline(text, lang), lang, "ASSAULT")
    assert {(e["country"], e["sector"]) for e in attack["actor"]} == {(country, "REB")}


@pytest.mark.parametrize(("text", "lang"), [
    ("Actualité\n\nDe violents combats ont opposé lundi les armées arménienne et azerbaïdjanaise.\n\n"
     "Les États-Unis ont appelé les belligérants à cesser les combats.", "fr"),
    ("World news\n\nHeavy fighting broke out on Monday between the Armenian and Azerbaijani armies.\n\n"
     "The United States urged the warring parties to stop the fighting.", "en"),
])
def test_the_belligerents_are_the_sides_of_the_fighting_told_before(text: str, lang: str) -> None:
    call = first_event(text, lang, "REQUEST")
    assert sides(call) == ({"USA"}, {"ARM", "AZE"})


@pytest.mark.parametrize(("text", "lang", "attacker"), [
    ("Les rebelles ont imputé l'attaque à l'armée malienne.", "fr", "MLI"),
    ("Kiev a attribué la frappe à l'armée russe.", "fr", "RUS"),
])
def test_an_attack_put_down_to_someone_was_made_by_them(text: str, lang: str, attacker: str) -> None:
    attack = first_event(f"Actualité\n\n{text}", lang, "ASSAULT")
    assert countries(attack["actor"]) == {attacker}


@pytest.mark.parametrize(("text", "lang", "sides_"), [
    ("Actualité\n\nDe violents combats ont éclaté lundi entre les armées arménienne et azerbaïdjanaise.",
     "fr", {"ARM", "AZE"}),
    ("World news\n\nHeavy fighting broke out on Monday between the Armenian and Azerbaijani armies.",
     "en", {"ARM", "AZE"}),
])
def test_fighting_that_broke_out_between_two_sides_is_theirs(text: str, lang: str, sides_: set[str]) -> None:
    assert parties(first_event(text, lang, "ASSAULT")) == sides_


def test_a_demand_for_release_answers_the_arrest_told_before_in_english() -> None:
    # (English capitalises the demonym: "Iranian authorities" is a body, not a person's name)
    call = first_event("World news\n\nIranian authorities arrested a British journalist on Saturday.\n\n"
                       "The British foreign secretary called for his release.", "en", "REQUEST")
    assert sides(call) == ({"GBR"}, {"IRN"})


def test_police_sent_abroad_are_not_of_the_place_they_are_sent_to() -> None:
    sending = first_event("Actualité\n\nLe Kenya a annoncé l'envoi de mille policiers en Haïti.", "fr", "MOBILIZE")
    assert countries(sending["actor"]) == {"KEN"}


def test_the_object_after_a_place_is_whom_was_arrested_not_the_place() -> None:
    arrest = first_event("Actualité\n\nLes autorités algériennes ont arrêté samedi à l'aéroport d'Alger "
                         "un écrivain français.", "fr", "COERCE")
    assert sides(arrest) == ({"DZA"}, {"FRA"})
    assert arrest["place"]["name"] == "Alger"


def test_a_detached_participle_after_a_demand_is_said_not_asked_for() -> None:
    found = events("Actualité\n\nLa junte malienne a exigé le retrait des Casques bleus, accusant la mission "
                   "de l'ONU d'avoir échoué.", "fr")
    charge = next(e for e in found if e["type"] == "ACCUSE")
    assert charge["status"] == "occurred"
    # (peacekeepers withdrawn are troops leaving, not a country leaving an organisation)
    assert [e["type"] for e in found if e["status"] == "hypothetical"] == ["RETREAT"]


@pytest.mark.parametrize(("text", "lang", "sides_"), [
    ("Séoul et Tokyo ont promis de coopérer face aux tirs de missiles de la Corée du Nord.", "fr", {"JPN", "KOR"}),
    ("Le Japon a signé un accord de défense avec les Philippines contre la Chine.", "fr", {"JPN", "PHL"}),
])
def test_what_the_sides_of_a_joint_act_stand_against_is_no_side(text: str, lang: str, sides_: set[str]) -> None:
    joint = next(e for e in events(f"Actualité\n\n{text}", lang) if e["type"] in ("COOPERATE", "AGREE"))
    assert countries(joint["actor"]) == sides_


def test_a_country_named_bare_after_a_is_the_venue_of_talks_not_a_side() -> None:
    talks = first_event("Actualité\n\nL'Union européenne a ouvert mardi à Luxembourg les négociations d'adhésion "
                        "avec l'Ukraine et la Moldavie.", "fr", "CONSULT")
    assert countries(talks["actor"]) == {"IGO", "UKR", "MDA"}
    # (a dative elsewhere: the country itself)
    arms = first_event("Actualité\n\nLes États-Unis ont livré des armes à Israël.", "fr", "AID")
    assert sides(arms) == ({"USA"}, {"ISR"})


def test_a_crowd_that_gathers_protests_but_ministers_that_gather_do_not() -> None:
    rally = first_event("Actualité\n\nDes centaines de partisans de l'opposition se sont rassemblés devant le "
                        "Parlement à Tbilissi.", "fr", "PROTEST")
    assert countries(rally["actor"]) == {"GEO"}
    assert not events_of("Actualité\n\nLes ministres des Finances du G7 se sont rassemblés à Rome.", "fr", "PROTEST")


def test_a_reaction_in_a_phrase_that_sums_up_the_act_is_aimed_at_its_author() -> None:
    praise = first_event("Actualité\n\nL'Union européenne a ouvert les négociations d'adhésion avec l'Ukraine, "
                         "une étape saluée par Kiev comme historique.", "fr", "SUPPORT")
    assert sides(praise) == ({"UKR"}, {"IGO"})
    test = events("Actualité\n\nLa Chine a procédé à un nouvel essai de missile, un tir condamné par Tokyo.", "fr")
    # (the summing noun is the same act again, not a shooting of its own)
    assert sorted(e["type"] for e in test) == ["ACCUSE", "MOBILIZE"]
    assert sides(next(e for e in test if e["type"] == "ACCUSE")) == ({"JPN"}, {"CHN"})


def test_a_denial_keeps_the_object_the_parser_gave_the_next_verb_as_subject() -> None:
    denial = first_event("L'Inde et le Pakistan au bord de la rupture\n\nNew Delhi a accusé Islamabad d'avoir "
                         "violé le cessez-le-feu. Islamabad a rejeté ces accusations et a affirmé que les troupes "
                         "indiennes avaient ouvert le feu les premières.", "fr", "REJECT")
    assert sides(denial) == ({"PAK"}, {"IND"})


def test_a_detached_participle_read_as_a_preposition_is_the_same_attack() -> None:
    found = events(under_headline(
        "Des soldats indiens et pakistanais ont échangé des tirs dans la nuit de jeudi à vendredi le long de "
        "la ligne de contrôle au Cachemire, blessant trois civils, selon l'armée indienne.", "fr"), "fr")
    assert [(e["type"], countries(e["actor"])) for e in found] == [("ASSAULT", {"IND", "PAK"})]


@pytest.mark.parametrize(("text", "lang"), [
    ("Le secrétaire général de l'ONU a exhorté les deux voisins à faire preuve de retenue.", "fr"),
    ("The UN secretary-general urged the two rivals to show restraint.", "en"),
])
def test_neighbours_and_rivals_are_the_two_sides_told_before(text: str, lang: str) -> None:
    before = ("L'Inde a accusé le Pakistan d'avoir bombardé un village." if lang == "fr"
              else "India accused Pakistan of shelling a village.")
    request = first_event(under_headline(f"{before} {text}", lang), lang, "REQUEST")
    assert sides(request) == ({"IGO"}, {"IND", "PAK"})


def test_denouncing_an_agreement_withdraws_from_it_only_when_it_is_the_speakers() -> None:
    left = first_event(under_headline("La junte nigérienne a dénoncé les accords de défense avec la France.", "fr"),
                       "fr", "SANCTION")
    assert left["mode"] == "withdraw"
    found = events(under_headline("Pékin a dénoncé mercredi un accord qui menace la stabilité régionale.", "fr"),
                   "fr")
    assert [(e["type"], e["mode"]) for e in found] == [("ACCUSE", "disapprove")]


@pytest.mark.parametrize(("text", "actor", "target"), [
    ("Le Japon et l'Australie ont exprimé leur inquiétude face aux manœuvres chinoises en mer de Chine orientale.",
     {"JPN", "AUS"}, {"CHN"}),
    ("Berlin a exprimé sa profonde préoccupation au sujet des essais de missiles nord-coréens.", {"DEU"}, {"PRK"}),
    ("Paris s'est inquiété de la détention d'un ressortissant français par les autorités iraniennes.",
     {"FRA"}, {"IRN"}),
    ("Le Japon s'est plaint de l'incursion de navires chinois.", {"JPN"}, {"CHN"}),
])
def test_concern_about_anothers_act_is_disapproval_aimed_at_its_author(
        text: str, actor: set[str], target: set[str]) -> None:
    concern = first_event(under_headline(text, "fr"), "fr", "ACCUSE")
    assert sides(concern) == (actor, target)


def test_the_de_argument_of_a_reflexive_verb_is_its_object_but_not_the_topic_of_talks() -> None:
    praise = first_event(under_headline("Le gouvernement grec s'est félicité de la décision du Parlement européen.",
                                        "fr"), "fr", "SUPPORT")
    assert sides(praise) == ({"GRC"}, {"IGO"})
    # (in "au sujet des essais", the tests are North Korea's, not a German act)
    found = events(under_headline("Berlin a exprimé sa profonde préoccupation au sujet des essais de missiles "
                                  "nord-coréens.", "fr"), "fr")
    assert not any("DEU" in countries(e["actor"]) for e in found if e["type"] != "ACCUSE")
    # concern over a situation aims at no one
    assert not events(under_headline("L'ONU s'inquiète de la situation humanitaire à Gaza.", "fr"), "fr")


def test_the_union_representatives_a_minister_receives_meet_him() -> None:
    talks = first_event("Grève dans le port d'Anvers\n\nLe ministre belge de l'Emploi a reçu jeudi les représentants "
                        "syndicaux.", "fr", "CONSULT")
    assert talks["actor"][0]["sector"] == "LAB" and parties(talks) == {"BEL"}


def test_stopping_work_to_protest_is_one_strike() -> None:
    found = events(under_headline("Les dockers du port d'Anvers ont cessé le travail mercredi pour protester "
                                  "contre un projet de réforme de leur statut.", "fr"), "fr")
    assert [(e["type"], e["mode"], e["status"]) for e in found] == [("PROTEST", "strike", "occurred")]
    found = events(under_headline("Les agriculteurs français ont bloqué plusieurs autoroutes pour protester "
                                  "contre la baisse des prix.", "fr"), "fr")
    assert [e["type"] for e in found] == ["PROTEST"]
    # (a state's protest in a purpose clause is its own act)
    note = first_event(under_headline("La Lituanie a convoqué l'ambassadeur de Biélorussie pour protester contre "
                                      "la violation de son espace aérien.", "fr"), "fr", "ACCUSE")
    assert sides(note) == ({"LTU"}, {"BLR"})


def test_a_demand_for_a_release_goes_to_those_who_hold_the_captive() -> None:
    demand = first_event("Tensions au Pérou\n\nLa police péruvienne a arrêté l'ancienne présidente "
                         "mercredi. Le Mexique a proposé de l'accueillir, ce que Lima a refusé. Des "
                         "milliers de ses partisans ont bloqué des routes pour réclamer sa libération.",
                         "fr", "REQUEST")
    assert sides(demand) == ({"PER"}, {"PER"})
    assert demand["recipient"][0]["sector"] == "COP"


def test_an_act_done_at_anothers_request_answers_the_request() -> None:
    request = first_event(under_headline("Le Parlement européen a levé jeudi l'immunité de deux "
                                         "eurodéputés grecs, à la demande du parquet d'Athènes.",
                                         "fr"), "fr", "REQUEST")
    # (lifting something cancels what it lifts, not the request it was done at)
    assert request["status"] == "occurred"
    assert sides(request) == ({"GRC"}, {"IGO"})


def test_every_name_of_a_listed_subject_the_parser_made_the_root_acts() -> None:
    praise = first_event("Élection au Sénégal\n\nLa France, les États-Unis et l'Union africaine ont salué le bon "
                         "déroulement du scrutin.", "fr", "SUPPORT")
    assert sides(praise) == ({"FRA", "USA", "IGO"}, {"SEN"})


def test_declaring_a_diplomat_persona_non_grata_expels_him() -> None:
    expulsion = first_event(under_headline("La Moldavie a déclaré vendredi persona non grata un diplomate russe.",
                                           "fr"), "fr", "SANCTION")
    assert expulsion["mode"] == "expel" and sides(expulsion) == ({"MDA"}, {"RUS"})


def test_a_promised_response_is_a_threat() -> None:
    threat = first_event(under_headline("La Moldavie a expulsé un diplomate russe. Moscou a promis une « réponse "
                                        "appropriée ».", "fr"), "fr", "THREATEN")
    assert sides(threat) == ({"RUS"}, {"MDA"})


def test_a_road_blocked_to_protest_an_agreement_is_a_protest_not_a_veto() -> None:
    found = events(under_headline("Des habitants des villages arméniens voisins ont bloqué une route pour protester "
                                  "contre cet accord.", "fr"), "fr")
    assert [(e["type"], e["mode"]) for e in found] == [("PROTEST", "obstruct")]


def test_released_from_prison_is_a_release() -> None:
    release = first_event("Élection au Sénégal\n\nLe chef du principal parti sénégalais a été libéré de "
                          "prison mercredi.", "fr", "RETREAT")
    assert release["mode"] == "release"


def test_praise_of_a_step_goes_to_the_last_act_that_was_not_a_conflict() -> None:
    praise = first_event("Frontière arméno-azerbaïdjanaise\n\nL'Arménie a accepté de rendre quatre "
                         "villages à l'Azerbaïdjan. Des habitants arméniens ont bloqué une route pour "
                         "protester. Les États-Unis ont salué une « étape importante » vers la paix.",
                         "fr", "SUPPORT")
    assert sides(praise) == ({"USA"}, {"ARM"})


def test_ending_a_cooperation_breaks_it_off() -> None:
    ended = first_event(under_headline("La junte nigérienne a annoncé la fin de sa coopération militaire avec les "
                                       "États-Unis.", "fr"), "fr", "SANCTION")
    assert ended["mode"] == "discontinue" and sides(ended) == ({"NER"}, {"USA"})


def test_someone_in_whose_presence_leaders_meet_is_a_side_of_the_meeting() -> None:
    summit = first_event(under_headline("Les dirigeants de la Caricom se réuniront lundi en Jamaïque en présence du "
                                        "secrétaire d'État américain.", "fr"), "fr", "CONSULT")
    assert countries(summit["actor"]) == {"IGO", "USA"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Les États-Unis ont évacué le personnel de leur ambassade à Port-au-Prince.", "fr"),
    ("The United States evacuated its embassy staff from Port-au-Prince.", "en"),
])
def test_evacuating_an_embassy_withdraws_from_the_country_of_its_place(text: str, lang: str) -> None:
    withdrawal = first_event(under_headline(text, lang), lang, "RETREAT")
    assert withdrawal["mode"] == "withdraw" and sides(withdrawal) == ({"USA"}, {"HTI"})


def test_rescuers_arriving_in_a_country_bring_aid() -> None:
    aid = first_event(under_headline("Des équipes de secouristes espagnols sont arrivées dimanche au Maroc.", "fr"),
                      "fr", "AID")
    assert sides(aid) == ({"ESP"}, {"MAR"})


def test_implementing_demanded_measures_concedes_to_who_demanded_them() -> None:
    concession = first_event("Budget : Bruxelles presse Rome\n\nLa Commission européenne a exigé de "
                             "l'Italie des économies supplémentaires. Le ministre italien de l'économie "
                             "a promis d'appliquer les mesures exigées.", "fr", "CONCEDE")
    assert sides(concession) == ({"ITA"}, {"IGO"})


def test_a_first_subject_read_as_passive_keeps_the_second_of_the_coordination() -> None:
    talks = first_event(under_headline("Le président vénézuélien et le président guyanien se sont rencontrés jeudi à "
                                       "Kingstown.", "fr"), "fr", "CONSULT")
    assert countries(talks["actor"]) == {"VEN", "GUY"}


def test_a_list_of_countries_the_parser_began_as_an_apposition_all_act() -> None:
    aid = first_event("Inondations en Libye\n\nL'Égypte, la Turquie et les Émirats arabes unis ont envoyé des "
                      "équipes de secours.", "fr", "AID")
    assert countries(aid["actor"]) == {"EGY", "TUR", "ARE"}


@pytest.mark.parametrize(("text", "judge", "author"), [
    ("Le Royaume-Uni a annoncé l'envoi d'un navire de guerre au large du Guyana, une décision dénoncée par "
     "Caracas comme une « provocation ».", "VEN", "GBR"),
    ("La Chine a procédé à un essai de missile, un tir qualifié par Tokyo de « provocation ».", "JPN", "CHN"),
])
def test_a_judgement_in_a_phrase_summing_up_the_act_is_its_agents(text: str, judge: str, author: str) -> None:
    charges = events_of(under_headline(text, "fr"), "fr", "ACCUSE")
    assert [sides(e) for e in charges] == [({judge}, {author})]


def test_closing_a_consulate_breaks_off_relations_unless_no_one_plans_it() -> None:
    closed = first_event(under_headline("La Pologne a fermé le consulat russe de Poznań.", "fr"), "fr", "SANCTION")
    assert closed["mode"] == "discontinue" and sides(closed) == ({"POL"}, {"RUS"})
    found = events(under_headline("The government has no plans to close its embassy in Moscow.", "en"), "en")
    assert all(e["status"] == "negated" for e in found)


def test_a_promise_to_retaliate_is_a_threat_and_the_blow_only_threatened() -> None:
    found = events("La Pologne ferme un consulat russe\n\nLa Pologne a fermé le consulat russe de Poznań. Le "
                   "ministère russe des Affaires étrangères a promis de riposter et a qualifié la décision de "
                   "« russophobe ».", "fr")
    positive = {(e["type"], frozenset(countries(e["actor"])), frozenset(countries(e["recipient"])))
                for e in found if e["status"] in ("occurred", "future")}
    assert ("THREATEN", frozenset({"RUS"}), frozenset({"POL"})) in positive
    assert ("ACCUSE", frozenset({"RUS"}), frozenset({"POL"})) in positive
    assert not any(t == "ASSAULT" for t, _, _ in positive)


def test_an_object_the_parser_made_the_subject_of_an_incise_is_the_verbs() -> None:
    arrest = first_event(under_headline("La police belge a arrêté dimanche cinq personnes soupçonnées de préparer un "
                                        "attentat contre une synagogue de Bruxelles, a annoncé le parquet fédéral.",
                                        "fr"), "fr", "COERCE")
    assert arrest["mode"] == "arrest" and arrest["recipient"]


def test_a_warning_of_what_the_warner_will_do_is_aimed_at_the_other_side() -> None:
    found = events("Tensions commerciales\n\nWashington a imposé de nouveaux droits de douane sur les véhicules "
                   "chinois. Le ministère chinois du Commerce a dénoncé une mesure « protectionniste » et a averti "
                   "que la Chine prendrait « toutes les mesures nécessaires ».", "fr")
    warning = next(e for e in found if e["type"] == "THREATEN")
    assert sides(warning) == ({"CHN"}, {"USA"})
    # (an act named in the warning is no one it is addressed to)
    found = events(under_headline("Berlin a convoqué le chargé d'affaires russe et a averti que l'attaque « ne "
                                  "resterait pas sans conséquences ».", "fr"), "fr")
    assert sides(next(e for e in found if e["type"] == "THREATEN")) == ({"DEU"}, {"RUS"})


def test_this_agreement_called_historic_is_the_last_act_when_no_agreement_was_told() -> None:
    praise = first_event(under_headline("La Turquie a levé son veto à l'adhésion de la Suède. Le secrétaire général "
                                        "de l'OTAN a qualifié cet accord d'« historique ».", "fr"), "fr", "SUPPORT")
    assert sides(praise) == ({"IGO"}, {"TUR"})


def test_intelligence_given_to_another_country_is_cooperation() -> None:
    shared = first_event(under_headline("La France a fourni des renseignements à la Belgique.", "fr"), "fr",
                         "COOPERATE")
    assert parties(shared) == {"FRA", "BEL"}


def test_who_reports_attacks_did_not_make_them() -> None:
    found = events("Cyberattaques\n\nLa République tchèque a signalé des attaques du même groupe contre ses "
                   "institutions.", "fr")
    assert not any("CZE" in countries(e["actor"]) for e in found if e["type"] == "ASSAULT")


def test_the_names_before_a_comma_that_opens_a_subject_list_act_too() -> None:
    call = first_event(under_headline("Les États-Unis, le Royaume-Uni et l'Allemagne ont appelé à la retenue dans un "
                                      "communiqué commun.", "fr"), "fr", "REQUEST")
    assert countries(call["actor"]) == {"USA", "GBR", "DEU"}
    # (a day before the comma is no side)
    call = first_event(under_headline("Lundi, le Royaume-Uni et l'Allemagne ont appelé à la retenue.", "fr"), "fr",
                       "REQUEST")
    assert countries(call["actor"]) == {"GBR", "DEU"}


def test_an_object_the_tagger_made_a_verb_after_a_day_is_still_the_object() -> None:
    # "l'opposant" tagged as a verb of "opposer" and read as a time adjunct ("une réunion" is
    # no number either)
    arrest = first_event(under_headline("Les services de renseignement vénézuéliens ont arrêté jeudi l'opposant "
                                        "Juan Pérez à la sortie d'une réunion à Caracas, a annoncé son parti.", "fr"),
                         "fr", "COERCE")
    assert arrest["recipient"][0]["name"] == "Juan Pérez"


def test_a_quoted_insult_misread_as_a_verb_or_adjective_is_a_judgement() -> None:
    for insult in ("traître à la patrie", "mercenaire au service de l'étranger"):
        found = events_of(under_headline(f"Le président vénézuélien a qualifié l'opposant colombien de « {insult} ».",
                                         "fr"), "fr", "ACCUSE")
        assert [sides(e) for e in found] == [({"VEN"}, {"COL"})], insult


@pytest.mark.parametrize(("text", "lang", "actor", "recipient"), [
    ("Le Niger a rompu ses relations diplomatiques avec l'Ukraine. Le Burkina Faso a pris la même décision "
     "mercredi.", "fr", "BFA", "UKR"),
    ("L'Allemagne a expulsé deux diplomates russes lundi. La France a fait de même le lendemain.", "fr", "FRA", "RUS"),
    ("La Pologne a expulsé un diplomate russe. L'Italie lui a emboîté le pas.", "fr", "ITA", "RUS"),
    ("Britain expelled two Russian diplomats on Monday. Canada followed suit on Tuesday.", "en", "CAN", "RUS"),
])
def test_doing_the_same_repeats_the_main_act_just_told(text: str, lang: str, actor: str, recipient: str) -> None:
    repeated = [e for e in events(under_headline(text, lang), lang) if actor in countries(e["actor"])]
    assert [(e["type"], countries(e["recipient"]), e["status"]) for e in repeated] == [
        ("SANCTION", {recipient}, "occurred")]


def test_the_same_act_is_the_main_clause_one_and_may_be_negated() -> None:
    # (not the attack the first sentence names after "après")
    found = events(under_headline("Le Niger a rompu mardi ses relations avec l'Ukraine, après des propos sur "
                                  "l'attaque de rebelles contre l'armée malienne. Le Mali avait pris la même "
                                  "décision dimanche.", "fr"), "fr")
    mali = [e for e in found if "MLI" in countries(e["actor"])]
    assert [(e["type"], e["date"]) for e in mali] == [("SANCTION", "2024-03-03")]
    found = events(under_headline("La Pologne a expulsé un diplomate russe. L'Italie n'a pas fait de même.", "fr"), "fr")
    assert [e["status"] for e in found if "ITA" in countries(e["actor"])] == ["negated"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Un puissant séisme a frappé mardi le sud de la Turquie.", "fr"),
    ("L'Union européenne a débloqué une aide pour les victimes du séisme qui a frappé le centre de la Birmanie.",
     "fr"),
    ("The typhoon killed at least 20 people in the Philippines.", "en"),
])
def test_a_disaster_assaults_no_one(text: str, lang: str) -> None:
    assert not events_of(under_headline(text, lang), lang, "ASSAULT")


@pytest.mark.parametrize(("text", "lang"), [
    ("Le nouvel accord permet le déploiement de soldats français au Sénégal.", "fr"),
    ("The new agreement allows the deployment of Japanese troops in the Philippines.", "en"),
])
def test_what_an_agreement_allows_has_not_happened(text: str, lang: str) -> None:
    assert [e["status"] for e in events_of(under_headline(text, lang), lang, "MOBILIZE")] in ([], ["hypothetical"])
    # (what it allowed, has)
    done = first_event(under_headline("L'accord a permis le déploiement de soldats français au Sénégal.", "fr"), "fr",
                       "MOBILIZE")
    assert done["status"] == "occurred"


def test_an_attack_of_one_side_against_another_is_done_by_the_first() -> None:
    attack = first_event(under_headline("L'offensive d'Israël contre le Hezbollah au Liban se poursuit.", "fr"), "fr",
                         "ASSAULT")
    assert sides(attack) == ({"ISR"}, {"LBN"})
    # and an attack named in what came before is not the subject's own
    found = events(under_headline("Le Niger a rompu mardi ses relations avec l'Ukraine, après des propos d'un "
                                  "responsable ukrainien sur l'attaque de rebelles contre l'armée malienne.", "fr"),
                   "fr")
    assert [sides(e) for e in found] == [({"NER"}, {"UKR"})]


def test_a_count_of_votes_is_no_agent() -> None:
    for text, lang in (("La résolution a été adoptée par 13 voix pour, la Chine et la Russie s'abstenant.", "fr"),
                       ("The resolution was adopted by 13 votes to none, with China and Russia abstaining.", "en")):
        assert not any("CHN" in countries(e["actor"]) for e in events(under_headline(text, lang), lang))


def test_a_capitalised_particle_is_part_of_the_name() -> None:
    refusal = first_event(under_headline("Le Premier ministre Bart De Wever a rejeté la demande des syndicats belges.",
                                         "fr"), "fr", "REJECT")
    assert refusal["actor"][0]["name"] == "Bart De Wever"


@pytest.mark.parametrize(("text", "lang"), [
    ("Israël a menacé de frapper les installations nucléaires iraniennes.", "fr"),
    ("Israel threatened to strike Iranian nuclear facilities.", "en"),
])
def test_a_threat_is_aimed_at_what_the_threatened_act_would_hit(text: str, lang: str) -> None:
    assert sides(first_event(under_headline(text, lang), lang, "THREATEN")) == ({"ISR"}, {"IRN"})


def test_a_word_inside_the_name_of_a_body_triggers_nothing() -> None:
    found = events("Soudan : nouvelle attaque dans l'État d'Al-Jazira\n\nLes Forces de soutien rapide (FSR) ont "
                   "attaqué mercredi le village de Wad al-Noura, dans l'État d'Al-Jazira, tuant plus de 100 civils.",
                   "fr")
    assert {e["type"] for e in found} == {"ASSAULT"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Premier ministre indien est arrivé lundi à Moscou. Vladimir Poutine l'a reçu le soir même.", "fr"),
    ("Indian Prime Minister Narendra Modi arrived in Moscow on Monday. Vladimir Putin received him the same "
     "evening.", "en"),
])
def test_the_guest_a_host_received_as_a_pronoun_is_the_one_just_told_of(text: str, lang: str) -> None:
    meeting = first_event(under_headline(text, lang), lang, "CONSULT")
    assert sides(meeting) == ({"IND"}, {"RUS"})


def test_what_it_was_restates_the_act_just_told() -> None:
    found = events(under_headline("La Corée du Nord a tiré dimanche un missile balistique en mer du Japon. Il s'agit "
                                  "du premier tir de l'année.", "fr"), "fr")
    assert [e["type"] for e in found] == ["MOBILIZE"]
    # (but an act of a kind not told yet is told there)
    found = events(under_headline("La Pologne a accueilli samedi les soldats américains. C'est le premier "
                                  "déploiement de troupes américaines en Pologne.", "fr"), "fr")
    assert "MOBILIZE" in {e["type"] for e in found}


def test_an_infinitive_the_parser_hung_on_the_day_is_the_subjects_act() -> None:
    found = events(under_headline("L'Arménie a accepté vendredi de restituer à l'Azerbaïdjan quatre villages "
                                  "frontaliers, a annoncé le gouvernement arménien.", "fr"), "fr")
    assert typed_sides(found) == [("CONCEDE", {"ARM"}, {"AZE"})]


@pytest.mark.parametrize(("text", "lang"), [
    ("Le gouvernement géorgien a suspendu les négociations d'adhésion à l'Union européenne jusqu'en 2028.", "fr"),
    ("Georgia suspended its EU accession talks until 2028.", "en"),
])
def test_the_date_a_state_lasts_until_is_no_date_of_the_act(text: str, lang: str) -> None:
    suspension = first_event(under_headline(text, lang), lang, "SANCTION")
    assert suspension["date"] is None


@pytest.mark.parametrize(("text", "lang"), [
    ("Les manifestants dénonçaient la décision du gouvernement géorgien de suspendre les négociations d'adhésion à "
     "l'Union européenne.", "fr"),
    # (the parser hangs the infinitive on the verb)
    ("Bruxelles a dénoncé la décision du gouvernement géorgien de suspendre les négociations d'adhésion à l'Union "
     "européenne.", "fr"),
])
def test_whose_decision_it_was_does_the_act_decided(text: str, lang: str) -> None:
    suspension = first_event(under_headline(text, lang), lang, "SANCTION")
    assert sides(suspension) == ({"GEO"}, {"IGO"})


def test_a_region_several_countries_have_is_of_the_country_named_beside_it() -> None:
    attack = first_event(under_headline("Des hommes armés ont attaqué mardi un poste de police dans la région des "
                                        "Savanes, au nord du Togo.", "fr"), "fr", "ASSAULT")
    assert attack["place"]["country"] == "TGO"


@pytest.mark.parametrize(("text", "lang"), [
    ("Les ministres de la Défense du Togo et du Ghana ont convenu de mener des patrouilles conjointes.", "fr"),
    ("The defence ministers of Togo and Ghana agreed to conduct joint patrols along their border.", "en"),
])
def test_what_the_sides_agreed_to_do_is_to_come(text: str, lang: str) -> None:
    found = events(under_headline(text, lang), lang)
    assert {(e["type"], e["status"]) for e in found} == {("AGREE", "occurred"), ("COOPERATE", "future")}


@pytest.mark.parametrize(("text", "lang", "actor", "recipient"), [
    ("Le président français s'est dit très préoccupé par l'arrestation de l'écrivain par les autorités "
     "algériennes.", "fr", "FRA", "DZA"),
    ("La Chine est préoccupée par les manœuvres américaines en mer de Chine méridionale.", "fr", "CHN", "USA"),
    ("Les essais de missiles nord-coréens préoccupent le Japon.", "fr", "JPN", "PRK"),
    ("Pékin s'est montré inquiet des manœuvres taïwanaises.", "fr", "CHN", "TWN"),
    ("The European Union said it was deeply concerned by Iran's nuclear programme.", "en", "IGO", "IRN"),
    ("Japan is alarmed by North Korea's missile launches.", "en", "JPN", "PRK"),
])
def test_who_is_concerned_by_an_act_disapproves_of_its_author(
        text: str, lang: str, actor: str, recipient: str) -> None:
    concern = first_event(under_headline(text, lang), lang, "ACCUSE")
    assert sides(concern) == ({actor}, {recipient})


@pytest.mark.parametrize(("text", "lang"), [
    ("Le ministre est préoccupé par l'inflation.", "fr"),
    ("Residents are worried about rising prices.", "en"),
])
def test_concern_about_no_one_is_no_event(text: str, lang: str) -> None:
    assert not events(under_headline(text, lang), lang)


@pytest.mark.parametrize(("text", "type_"), [
    ("Le président français a félicité le président nouvellement élu du Sénégal.", "SUPPORT"),
    ("Le Premier ministre désigné du Sénégal a rencontré le président français à Paris.", "CONSULT"),
])
def test_a_participle_of_office_keeps_whose_office_it_is(text: str, type_: str) -> None:
    assert parties(first_event(under_headline(text, "fr"), "fr", type_)) == {"FRA", "SEN"}


def test_the_country_is_the_one_named_last_by_name_or_adjective() -> None:
    found = events(under_headline("L'Italie a livré lundi deux vedettes rapides aux garde-côtes libyens. Le "
                                  "gouvernement de l'est du pays a dénoncé un accord « illégal ».", "fr"), "fr")
    assert [sides(e) for e in found] == [({"ITA"}, {"LBY"}), ({"LBY"}, {"ITA"})]
    # (a person's nationality is no country the story turns to)
    found = events(under_headline("Le Burundi a interdit l'entrée de trois experts de l'ONU, dont l'Algérienne Maya "
                                  "Sahli. Le pays souhaite aussi se retirer de la Cour pénale internationale.", "fr"),
                   "fr")
    assert {"DZA"} not in [countries(e["actor"]) for e in found]


def test_a_city_after_a_building_is_the_place_not_the_body_it_stands_for() -> None:
    attack = first_event(under_headline("Une synagogue de Bruxelles a été la cible d'un incendie criminel dans la "
                                        "nuit de mardi à mercredi.", "fr"), "fr", "ASSAULT")
    assert countries(attack["recipient"]) == {"BEL"}
    assert not events_of(under_headline("Une synagogue de Bruxelles a été la cible d'un incendie criminel.", "fr"),
                         "fr", "ACCUSE")


def test_an_office_named_alone_is_of_the_country_the_story_was_filed_from() -> None:
    found = events("Paris, 4 avril 2025 (AFP) –\n\nTéhéran accuse deux Français d'espionnage depuis leur arrestation "
                   "en Iran en 2022. Le ministre des Affaires étrangères a convoqué mardi l'ambassadeur d'Iran pour "
                   "exiger leur libération.", "fr")
    summons = next(e for e in found if e["type"] == "ACCUSE" and countries(e["recipient"]) == {"IRN"})
    assert countries(summons["actor"]) == {"FRA"}


def test_elected_members_described_again_are_those_told_of() -> None:
    found = events(under_headline("Le parquet européen a ouvert une enquête visant deux eurodéputés grecs. Les deux "
                                  "élus ont nié toute irrégularité.", "fr"), "fr")
    assert ("REJECT", {"GRC"}, {"IGO"}) in typed_sides(found)


@pytest.mark.parametrize(("text", "lang"), [
    ("L'ancien président ghanéen John Mahama a remporté l'élection présidentielle de samedi.", "fr"),
    ("Élection présidentielle au Ghana : l'opposant John Mahama l'emporte", "fr"),
    ("Former Ghanaian president John Mahama won Saturday's presidential election.", "en"),
])
def test_who_wins_an_election_was_chosen_by_the_voters_of_the_country(text: str, lang: str) -> None:
    raw = f"{text}\n\n{'Le texte suit.' if lang == 'fr' else 'The text follows.'}" if "Ghana :" in text \
        else under_headline(text, lang)
    win = first_event(raw, lang, "SUPPORT")
    assert (win["actor"][0]["country"], win["actor"][0]["sector"]) == ("GHA", "CVL")
    assert countries(win["recipient"]) == {"GHA"}
    # (an election one means to win is not won)
    assert not events_of(under_headline("The president eased lockdown measures to win the election.", "en"), "en",
                         "SUPPORT")


def test_similar_measures_repeat_the_act_just_told() -> None:
    found = events(under_headline("Le Canada a imposé lundi des sanctions à sept responsables iraniens. L'Union "
                                  "européenne et le Royaume-Uni ont adopté des mesures similaires.", "fr"), "fr")
    assert ("SANCTION", {"IGO", "GBR"}, {"IRN"}) in typed_sides(found)


def test_the_agent_of_a_participle_on_an_act_did_it() -> None:
    attack = first_event(under_headline("Le Canada a annoncé lundi des sanctions en réponse à l'attaque de drones "
                                        "lancée par l'Iran contre Israël.", "fr"), "fr", "ASSAULT")
    assert sides(attack) == ({"IRN"}, {"ISR"})
    # an act named as what came before is not dated by the clause's day
    assert attack["date"] is None


def test_an_invitation_accepted_is_an_agreement() -> None:
    found = events(under_headline("Le président égyptien a accepté l'invitation de son homologue turc à se rendre "
                                  "en Turquie.", "fr"), "fr")
    assert "AGREE" in {e["type"] for e in found} and "CONCEDE" not in {e["type"] for e in found}


@pytest.mark.parametrize(("text", "lang"), [
    ("Al-Shabaab militants attacked a Kenyan police post on Wednesday. Kenya's interior minister vowed to hunt down "
     "the attackers.", "en"),
    # (the parser hangs the day on the object: "attaqué mercredi[nmod of 'poste'] un poste")
    ("Des combattants shebab ont attaqué mercredi un poste de police kényan. Le ministre kényan de l'Intérieur a "
     "promis de traquer les assaillants.", "fr"),
])
def test_a_vow_to_hunt_down_attackers_threatens_them(text: str, lang: str) -> None:
    found = events(under_headline(text, lang), lang)
    assert ("THREATEN", {"KEN"}, {"SOM"}) in typed_sides(found)
    assert ("ASSAULT", {"SOM"}, {"KEN"}) in typed_sides(found)


def test_what_talks_are_about_is_no_side_of_them() -> None:
    found = events(under_headline("The defence ministers of Japan and South Korea met on Sunday. They also discussed "
                                  "North Korea's recent satellite launch, which both countries condemned.", "en"), "en")
    assert [t for t in typed_sides(found) if t[0] in ("CONSULT", "ACCUSE")] == [
        ("CONSULT", {"JPN", "KOR"}, set()), ("ACCUSE", {"JPN", "KOR"}, {"PRK"})]


@pytest.mark.parametrize(("text", "lang"), [
    ("Tens of thousands of people marched through Belgrade on Saturday to demand accountability for the collapse "
     "of a railway station canopy that killed 15 people in Novi Sad.", "en"),
    ("L'effondrement d'un auvent de gare qui a tué 15 personnes a suscité la colère.", "fr"),
])
def test_an_accident_assaults_no_one(text: str, lang: str) -> None:
    assert not events_of(under_headline(text, lang), lang, "ASSAULT")


@pytest.mark.parametrize(("text", "lang"), [
    ("Le président américain a qualifié son homologue chinois de « dictateur ».", "fr"),
    ("The US president called his Chinese counterpart a \"dictator\".", "en"),
    ("Pékin a jugé « extrêmement erronés » les propos du président américain.", "fr"),
])
def test_calling_someone_a_dictator_or_words_erroneous_is_a_judgement(text: str, lang: str) -> None:
    assert parties(first_event(under_headline(text, lang), lang, "ACCUSE")) == {"CHN", "USA"}


def test_his_counterpart_is_of_the_other_side_not_of_his_owner() -> None:
    found = events(under_headline("Joe Biden a rencontré mercredi le président chinois Xi Jinping. M. Biden a ensuite "
                                  "qualifié son homologue de « dictateur ».", "fr"), "fr")
    assert ("ACCUSE", {"USA"}, {"CHN"}) in typed_sides(found)


def test_a_list_of_countries_the_parser_began_as_a_complement_acts_whole() -> None:
    found = events("Le Burkina Faso, le Mali et le Niger quittent la CEDEAO\n\nLe texte suit.", "fr")
    assert typed_sides(found) == [("SANCTION", {"BFA", "MLI", "NER"}, {"IGO"})]


@pytest.mark.parametrize(("text", "lang"), [
    ("Les juntes militaires au pouvoir au Burkina Faso, au Mali et au Niger ont annoncé dimanche leur retrait "
     "« sans délai » de la CEDEAO.", "fr"),
    ("The military juntas in power in Mali, Burkina Faso and Niger announced on Sunday their withdrawal from "
     "ECOWAS.", "en"),
])
def test_groups_in_power_in_several_countries_act_each_for_their_own(text: str, lang: str) -> None:
    withdrawal = first_event(under_headline(text, lang), lang, "SANCTION")
    assert sides(withdrawal) == ({"BFA", "MLI", "NER"}, {"IGO"})
    # (where a body is posted is still what it leaves)
    assert sides(first_event(under_headline("La mission de l'ONU au Mali a achevé son retrait.", "fr"), "fr",
                             "RETREAT")) == ({"IGO"}, {"MLI"})


def test_the_organisation_is_the_international_body_named_last() -> None:
    found = events(under_headline("L'Union africaine a levé la suspension du Gabon. Le président gabonais a remercié "
                                  "l'organisation.", "fr"), "fr")
    assert ("SUPPORT", {"GAB"}, {"IGO"}) in typed_sides(found)


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("La Turquie a de son côté soutenu la position de la Grèce.", "SUPPORT", ({"TUR"}, {"GRC"})),
    ("Le Japon a pour sa part condamné l'essai nucléaire de la Corée du Nord.", "ACCUSE", ({"JPN"}, {"PRK"})),
    # the participle tagged finite, its object hung on the auxiliary
    ("L'Iran a pour sa part rejeté la proposition américaine.", "REJECT", ({"IRN"}, {"USA"})),
])
def test_a_phrase_between_auxiliary_and_participle_keeps_the_subject(text: str, type_: str, expected: tuple) -> None:
    assert sides(first_event(under_headline(text, "fr"), "fr", type_)) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Genève, 18 mars 2025 (AFP) –\nLe dirigeant chypriote turc a réclamé la reconnaissance d'un État séparé.", "fr"),
    ("GENEVA, March 18, 2025 (AP) –\nThe Turkish Cypriot leader demanded the recognition of a separate state.", "en"),
])
def test_a_state_none_in_particular_is_not_the_one_the_story_was_filed_from(text: str, lang: str) -> None:
    demand = first_event(f"{'Chypre' if lang == 'fr' else 'Cyprus'}\n\n{text}", lang, "REQUEST")
    assert sides(demand) == ({"CYP"}, set())


def test_similar_measures_repeat_the_last_deed_not_the_last_words() -> None:
    found = events(under_headline("L'Union européenne a levé lundi ses sanctions contre la Syrie. Damas a demandé la "
                                  "levée des autres mesures. Le Royaume-Uni avait annoncé des mesures similaires.",
                                  "fr"), "fr")
    assert ("CONCEDE", {"GBR"}, {"SYR"}) in typed_sides(found)
    assert not [e for e in found if e["type"] == "REQUEST" and "GBR" in parties(e)]


def test_the_same_day_is_no_same_act() -> None:
    found = events(under_headline("Le Mali a expulsé un diplomate français. Le Niger a pris le même jour la décision "
                                  "de rouvrir sa frontière.", "fr"), "fr")
    assert ("SANCTION", {"NER"}, {"FRA"}) not in typed_sides(found)


@pytest.mark.parametrize("praise", [
    "a salué un « pas important »",
    "a salué « un pas dans la bonne direction »",
])
def test_a_step_praised_is_the_last_act_that_was_done(praise: str) -> None:
    # (not the support the accusation before it only says of someone)
    found = events(under_headline("Le gouvernement congolais et les rebelles ont signé samedi un accord de cessez-le-feu. "
                                  "Kinshasa accuse le Rwanda de soutenir les rebelles. Le secrétaire général de l'ONU "
                                  f"{praise}.", "fr"), "fr")
    assert ("SUPPORT", {"IGO"}, {"COD"}) in typed_sides(found)


@pytest.mark.parametrize(("text", "lang"), [
    ("Berlin, 3 juin 2025 (AFP) –\nLe Kremlin a critiqué l'annonce de l'Allemagne. Le porte-parole Dmitri Peskov a "
     "menacé Berlin de représailles.", "fr"),
    ("BERLIN, June 3, 2025 (AP) –\nThe Kremlin criticised Germany's announcement. Spokesman Dmitry Peskov threatened "
     "Berlin with retaliation.", "en"),
])
def test_a_spokesman_for_no_one_named_speaks_for_the_one_just_heard(text: str, lang: str) -> None:
    # (not for the country the story was filed from)
    threat = first_event(f"Ukraine\n\n{text}", lang, "THREATEN")
    assert sides(threat) == ({"RUS"}, {"DEU"})


@pytest.mark.parametrize(("text", "lang"), [
    ("Le chancelier allemand a promis mardi de nouvelles armes à l'Ukraine lors de la visite du président ukrainien "
     "à Berlin.", "fr"),
    ("The German chancellor pledged new weapons to Ukraine on Tuesday during the Ukrainian president's visit to "
     "Berlin.", "en"),
])
def test_the_occasion_of_a_promise_is_no_part_of_what_is_promised(text: str, lang: str) -> None:
    visit = first_event(under_headline(text, lang), lang, "CONSULT")
    assert (sides(visit), visit["status"]) == (({"UKR"}, {"DEU"}), "occurred")


def test_what_a_participle_with_its_agent_says_was_done() -> None:
    strikes = first_event(under_headline("L'Allemagne financera la reconstruction des écoles ukrainiennes détruites par "
                                         "les frappes russes.", "fr"), "fr", "ASSAULT")
    assert strikes["status"] == "occurred"


@pytest.mark.parametrize(("text", "lang", "country"), [
    ("Le PAM a acheminé vendredi des vivres à 100.000 personnes dans le nord du Darfour.", "fr", "SDN"),
    ("Le PAM a livré de l'aide à des milliers de civils dans la province de Kivu.", "fr", "COD"),
    ("The WFP delivered aid to thousands of civilians in North Kivu province.", "en", "COD"),
])
def test_people_in_a_region_are_whom_aid_reaches_not_where(text: str, lang: str, country: str) -> None:
    aid = first_event(under_headline(text, lang), lang, "AID")
    assert sides(aid) == ({"IGO"}, {country})


def test_an_act_noun_that_says_what_a_mission_is_for_is_no_act() -> None:
    found = events(under_headline("Le Kenya a commencé mercredi à retirer une partie des 800 policiers qu'il avait déployés "
                                  "en Haïti dans le cadre de la mission multinationale de soutien à la sécurité.", "fr"), "fr")
    assert typed_sides(found) == [("RETREAT", {"KEN"}, {"HTI"})]


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Premier ministre éthiopien a assuré que son pays n'avait « aucune intention » d'attaquer l'Érythrée.", "fr"),
    ("Ethiopia has no intention to attack Eritrea, the prime minister said.", "en"),
])
def test_an_act_one_has_no_intention_of_is_negated(text: str, lang: str) -> None:
    attack = first_event(under_headline(text, lang), lang, "ASSAULT")
    assert attack["status"] == "negated"


def test_an_intent_is_done_by_its_holder_and_is_future() -> None:
    leaving = first_event(under_headline("Le Mali a l'intention de quitter la CEDEAO.", "fr"), "fr", "SANCTION")
    assert (sides(leaving), leaving["status"]) == (({"MLI"}, {"IGO"}), "future")


@pytest.mark.parametrize(("text", "lang", "met"), [
    ("Les ministres de la Défense des pays de l'ASEAN se sont réunis mercredi à Kuala Lumpur.", "fr", True),
    ("Defence ministers of ASEAN member states met in Kuala Lumpur on Wednesday.", "en", True),
    ("Les juges de la Cour pénale internationale se sont réunis mercredi à La Haye.", "fr", False),
])
def test_the_members_of_an_international_body_meet_as_its_states(text: str, lang: str, met: bool) -> None:
    meetings = events_of(under_headline(text, lang), lang, "CONSULT")
    assert [parties(e) for e in meetings] == ([{"IGO"}] if met else [])


@pytest.mark.parametrize(("text", "lang"), [
    ("La guérilla de l'ELN a libéré dimanche six otages. Le président colombien a salué ce geste.", "fr"),
    ("ELN guerrillas freed six hostages on Sunday. The Colombian president welcomed the gesture.", "en"),
])
def test_a_government_praises_the_act_of_its_own_country_s_rebels(text: str, lang: str) -> None:
    praise = first_event(under_headline(text, lang), lang, "SUPPORT")
    assert [(e["country"], e["sector"]) for e in praise["recipient"]] == [("COL", "REB")]


def test_the_lexicon_reads_the_object_the_parser_hung_on_the_day() -> None:
    # (migrants expelled are deported; diplomats expelled are a sanction)
    found = events(under_headline("La France a expulsé vendredi une centaine de migrants vers l'Italie.", "fr"), "fr")
    assert [(e["type"], e["mode"]) for e in found] == [("COERCE", "deport")]


@pytest.mark.parametrize(("text", "lang"), [
    ("La marine israélienne a intercepté lundi un voilier transportant de l'aide humanitaire à destination de Gaza.", "fr"),
    ("The Bolivian government nationalised the country's refineries on Thursday.", "en"),
])
def test_what_is_seized_may_be_of_no_known_country(text: str, lang: str) -> None:
    seizure = first_event(under_headline(text, lang), lang, "COERCE")
    assert seizure["mode"] == "seize" and seizure["actor"]


def test_how_large_an_act_is_names_no_one() -> None:
    drills = first_event(under_headline("L'armée chinoise a lancé mardi des exercices militaires de grande ampleur autour "
                                        "de Taïwan.", "fr"), "fr", "MOBILIZE")
    assert countries(drills["actor"]) == {"CHN"}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("L'Algérie a rappelé samedi son ambassadeur en Espagne, au lendemain de l'annonce par Madrid de son soutien au "
     "plan d'autonomie marocain.", "fr", ({"ESP"}, {"MAR"})),
    ("Washington a remercié le Qatar pour sa médiation.", "fr", ({"QAT"}, set())),
    ("Washington thanked Qatar for its mediation.", "en", ({"QAT"}, set())),
])
def test_a_possessive_act_is_of_its_teller_or_of_whom_it_is_credited_to(text: str, lang: str, expected: tuple) -> None:
    found = events(under_headline(text, lang), lang)
    owned = [e for e in found if e["type"] in ("SUPPORT", "CONSULT") and e["why"]["actor_rule"].startswith("owner")]
    assert [sides(e) for e in owned] == [expected]


@pytest.mark.parametrize(("text", "country"), [
    ("Le Pérou a rappelé son ambassadeur à La Paz.", "BOL"),  # (not La Paz, Mexico, whose alias is "Paz")
    ("Des insurgés mozambicains ont attaqué dimanche la ville de Mocímboa da Praia.", "MOZ"),  # (no Praia, Cape Verde)
])
def test_a_place_named_in_several_words_is_that_place(text: str, country: str) -> None:
    involved = parties(events(under_headline(text, "fr"), "fr")[0])
    assert country in involved and not involved & {"CPV", "MEX"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Des représentants américains et talibans ont entamé mardi à Doha des discussions consacrées à la libération de "
     "ressortissants américains, a indiqué la diplomatie qatarie.", "fr"),
    ("The talks focused on the release of American prisoners, Qatari diplomats said.", "en"),
])
def test_what_talks_are_about_is_not_done(text: str, lang: str) -> None:
    releases = events_of(under_headline(text, lang), lang, "RETREAT")
    assert all(e["status"] == "hypothetical" for e in releases)


def test_a_demonym_on_hostages_is_theirs() -> None:
    taking = first_event(under_headline("Taliban fighters hold two American hostages in Afghanistan.", "en"), "en",
                         "ASSAULT")
    assert sides(taking) == ({"AFG"}, {"USA"})


def test_a_light_verb_read_as_an_adjective_keeps_its_subject() -> None:
    found = events(under_headline("Canada imposed sanctions on Iranian officials on Monday.", "en"), "en")
    assert typed_sides(found) == [("SANCTION", {"CAN"}, {"IRN"})]


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Mali, le Burkina Faso et le Niger ont quitté la CEDEAO. Elles accusent l'organisation de servir les "
     "intérêts français.", "fr"),
    ("Mali, Burkina Faso and Niger left ECOWAS on Sunday. They accused the bloc of serving French interests.", "en"),
])
def test_a_plural_pronoun_is_all_the_sides_that_acted_last(text: str, lang: str) -> None:
    blame = first_event(under_headline(text, lang), lang, "ACCUSE")
    assert sides(blame) == ({"BFA", "MLI", "NER"}, {"IGO"})


def test_a_participle_cut_off_from_avoir_is_active() -> None:
    found = events(under_headline("Moscou a de son côté accusé Kiev d'avoir retardé l'échange pendant plusieurs semaines.",
                                  "fr"), "fr")
    assert ("ACCUSE", {"RUS"}, {"UKR"}) in typed_sides(found)


def test_a_participle_sharing_the_auxiliary_of_a_denial_is_its_own_act() -> None:
    found = events(under_headline("Islamabad a démenti et accusé à son tour New Delhi de violations répétées du "
                                  "cessez-le-feu.", "fr"), "fr")
    assert {(e["type"], e["status"]) for e in found} == {("REJECT", "occurred"), ("ACCUSE", "occurred")}


def test_a_movement_s_name_with_another_country_s_demonym_is_its_branch_there() -> None:
    attack = first_event(under_headline("L'attentat a été revendiqué par les talibans pakistanais.", "fr"), "fr", "ASSAULT")
    assert countries(attack["actor"]) == {"PAK"}


@pytest.mark.parametrize(("text", "lang", "type_", "expected"), [
    ("Des exercices navals sino-russes ont débuté lundi en mer du Japon.", "fr", "COOPERATE", {"CHN", "RUS"}),
    ("Egypt denounced the Turkish-Libyan maritime border agreement.", "en", "ACCUSE", {"EGY", "LBY", "TUR"}),
])
def test_a_compound_of_demonyms_names_each_country(text: str, lang: str, type_: str, expected: set) -> None:
    assert parties(first_event(under_headline(text, lang), lang, type_)) == expected


def test_who_speaks_of_an_attack_did_not_make_it_but_talks_he_speaks_at_are_his() -> None:
    attack = first_event(under_headline("Le président tchadien a parlé d'une attaque terroriste contre l'ambassade de "
                                        "France.", "fr"), "fr", "ASSAULT")
    assert "TCD" not in countries(attack["actor"])
    talks = first_event(under_headline("Le ministre égyptien des Affaires étrangères et son homologue jordanien ont parlé "
                                       "de la situation à Gaza lors d'un entretien au Caire.", "fr"), "fr", "CONSULT")
    assert parties(talks) == {"EGY", "JOR"}


def test_what_a_text_says_its_authors_do() -> None:
    call = first_event(under_headline("Le Parlement européen a adopté jeudi une résolution appelant à de nouvelles "
                                      "élections en Géorgie.", "fr"), "fr", "REQUEST")
    assert sides(call) == ({"IGO"}, {"GEO"})


def test_the_object_of_a_light_verb_undergoes_the_act_its_complement_names() -> None:
    storming = first_event(under_headline("Des centaines de manifestants irakiens ont pris d'assaut jeudi l'ambassade de "
                                          "Suède à Bagdad.", "fr"), "fr", "ASSAULT")
    assert sides(storming) == ({"IRQ"}, {"SWE"})


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Kenya a suspendu lundi les importations de sucre ougandais. Kampala a menacé de saisir la Communauté "
     "d'Afrique de l'Est. Les deux présidents doivent se rencontrer la semaine prochaine.", "fr"),
    ("Kenya suspended imports of Ugandan sugar on Monday. Kampala threatened to take the matter to the East African "
     "Community. The two presidents are due to meet next week.", "en"),
])
def test_two_presidents_are_two_states_not_an_international_body(text: str, lang: str) -> None:
    meeting = first_event(under_headline(text, lang), lang, "CONSULT")
    assert parties(meeting) == {"KEN", "UGA"}


@pytest.mark.parametrize(("text", "expected"), [
    ("M. Gantz est le premier ministre israélien de la Défense à effectuer une visite officielle au Maroc.",
     ({"ISR"}, {"MAR"})),
    ("Il est le premier président chinois à se rendre en Israël.", ({"CHN"}, {"ISR"})),
])
def test_the_first_to_do_an_act_is_the_predicate_of_the_copula(text: str, expected: tuple) -> None:
    assert sides(first_event(under_headline(text, "fr"), "fr", "CONSULT")) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("US envoy Anthony Russo met Ukrainian officials in Kyiv on Monday.", "en", {"UKR", "USA"}),
    ("Le juge péruvien Carlos Franco a condamné l'ancien ministre.", "fr", {"PER"}),
])
def test_a_combining_form_alone_is_a_name_not_a_country(text: str, lang: str, expected: set) -> None:
    # ("Russo", "Franco" name countries only inside a compound: "Russo-Ukrainian", "franco-allemand")
    assert parties(events(under_headline(text, lang), lang)[0]) - {None} == expected


@pytest.mark.parametrize("text", [
    # the relative pronoun read as the conjunction of a complement clause ("qu'[mark] il accuse[ccomp]")
    "Le Niger a retiré le permis du groupe français Orano, qu'il accuse de comportement irresponsable.",
    "Les autorités nigériennes ont retiré le permis du groupe français Orano, qu'elles accusent de « comportement irresponsable ».",
])
def test_a_relative_read_as_a_complement_acts_on_its_antecedent(text: str) -> None:
    assert sides(first_event(under_headline(text, "fr"), "fr", "ACCUSE")) == ({"NER"}, {"FRA"})


def test_what_the_object_is_thanked_for_names_no_other_side() -> None:
    # ("pour son soutien": the international community's support, not the last aid told)
    text = ("L'Inde a envoyé 50 tonnes d'aide au Sri Lanka. Les autorités sri-lankaises ont remercié "
            "la communauté internationale pour son soutien.")
    assert all("IND" not in sides(e)[1] for e in events_of(under_headline(text, "fr"), "fr", "SUPPORT"))
    # (with no object, the one thanked is the author of the act: "a remercié pour son soutien")
    text = "L'Inde a envoyé 50 tonnes d'aide au Sri Lanka. Colombo a remercié pour son soutien."
    assert sides(first_event(under_headline(text, "fr"), "fr", "SUPPORT")) == ({"LKA"}, {"IND"})


@pytest.mark.parametrize(("text", "type_", "expected"), [
    # the place of one's own embassy, hung on the verb, names the other side of a shared act
    ("L'Iran a rouvert son ambassade à Riyad.", "COOPERATE", {"IRN", "SAU"}),
    # (but where one's envoy is recalled to is home)
    ("La France a rappelé son ambassadeur à Paris.", "SANCTION", {"FRA"}),
])
def test_where_ones_own_embassy_serves_is_the_other_side(text: str, type_: str, expected: set) -> None:
    assert parties(first_event(under_headline(text, "fr"), "fr", type_)) - {None} == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a participle of stance after a complement clause: the reporter's, not the clause's subject's
    ("Caracas a exigé que ces pays retirent leurs diplomates, dénonçant l'ingérence de l'Argentine.", "fr",
     ({"VEN"}, {"ARG"})),
    ("Caracas demanded that the countries withdraw their diplomats, denouncing Argentina's interference.", "en",
     ({"VEN"}, {"ARG"})),
])
def test_a_participle_of_stance_after_a_reported_clause_is_the_reporters(text: str, lang: str, expected: tuple) -> None:
    assert sides(first_event(under_headline(text, lang), lang, "ACCUSE")) == expected


def test_a_compound_bloc_adjective_names_no_country() -> None:
    # ("latino-américains": not American; "sud-américains" likewise)
    text = "Le Venezuela a rompu ses relations avec sept pays latino-américains."
    assert sides(first_event(under_headline(text, "fr"), "fr", "SANCTION")) == ({"VEN"}, set())
    assert not events(under_headline("Les dirigeants sud-américains ont condamné le coup d'État.", "fr"), "fr")


def test_members_named_after_a_group_run_on_past_commas() -> None:
    text = ("Le gouvernement vénézuélien a ordonné lundi le retrait de son personnel diplomatique de sept pays "
            "latino-américains, dont l'Argentine, le Chili et le Pérou, qui ont contesté le scrutin.")
    assert sides(first_event(under_headline(text, "fr"), "fr", "RETREAT")) == ({"VEN"}, {"ARG", "CHL", "PER"})


def test_the_dative_of_a_verb_of_reproach_does_what_its_infinitive_says() -> None:
    text = "Alger reproche à Madrid d'avoir soutenu le plan d'autonomie marocain."
    assert sides(first_event(under_headline(text, "fr"), "fr", "SUPPORT"))[0] == {"ESP"}
    # (but what one promises to another, one does oneself)
    promise = first_event(under_headline("La Chine a promis à la Russie de livrer des armes.", "fr"), "fr", "AID")
    assert sides(promise)[0] == {"CHN"}


@pytest.mark.parametrize("text", [
    "Manifestations devant l'ambassade de France à Niamey",  # the noun of a protest
    "Des centaines de manifestants ont protesté devant l'ambassade de France à Niamey.",  # protesters' verb
])
def test_what_a_protest_faces_is_its_recipient(text: str) -> None:
    assert sides(first_event(under_headline(text, "fr"), "fr", "PROTEST")) == ({"NER"}, {"FRA"})


@pytest.mark.parametrize("text", [
    "L'Algérie a suspendu le traité d'amitié conclu avec l'Espagne.",
    "L'Algérie a décidé de suspendre le traité d'amitié qu'elle avait conclu en 2002 avec l'Espagne.",
])
def test_the_partner_of_the_treaty_an_act_breaks_is_its_recipient(text: str) -> None:
    assert sides(first_event(under_headline(text, "fr"), "fr", "SANCTION")) == ({"DZA"}, {"ESP"})


def test_a_capitalised_article_before_a_bodys_own_name_begins_no_town() -> None:
    # ("La Maison Blanche": the White House, not the Algiers suburb of that name)
    text = "La Maison Blanche a condamné l'arrestation du journaliste."
    assert sides(first_event(under_headline(text, "fr"), "fr", "ACCUSE"))[0] == {"USA"}


def test_the_source_of_a_deed_told_in_the_passive_did_not_do_it() -> None:
    text = ("Au moins deux personnes ont été tuées jeudi dans des affrontements entre gardes-frontières "
            "kirghiz et tadjiks, selon les autorités kirghizes.")
    assert all("autorités" not in (a.get("name") or "") for e in events(under_headline(text, "fr"), "fr")
               for a in e["actor"])


@pytest.mark.parametrize("text", [
    "Aucun soldat français n'a été blessé lors de l'opération.",
    "Le Mali a arrêté les rebelles sans qu'aucun soldat malien ne soit blessé.",
])
def test_no_one_hurt_is_no_assault(text: str) -> None:
    assert [e["status"] for e in events_of(under_headline(text, "fr"), "fr", "ASSAULT")] == ["negated"]


def test_an_agreement_between_a_government_and_its_opposition_is_of_one_country() -> None:
    # ("au lendemain de": a time, no recipient; the opposition is of the government's country,
    # and no other side of the story joins the agreement)
    text = ("Les États-Unis ont levé une partie des sanctions, au lendemain d'un accord entre le gouvernement "
            "de Nicolas Maduro et l'opposition sur l'organisation de l'élection.")
    agreement = first_event(under_headline(text, "fr"), "fr", "AGREE")
    assert parties(agreement) == {"VEN"}
    assert {a["sector"] for a in agreement["actor"]} == {"GOV", "OPP"}


def test_an_adjective_read_as_a_second_subject_is_the_subjects() -> None:
    text = "Douchanbé a de son côté affirmé que les troupes kirghizes avaient bombardé un village tadjik."
    assert sides(first_event(under_headline(text, "fr"), "fr", "ASSAULT")) == ({"KGZ"}, {"TJK"})


@pytest.mark.parametrize("text", [
    # the full name after its title and a comma, hung on the verb; then the surname with "M."
    "L'Iran a accepté les inspections, a annoncé le directeur général de l'AIEA, Rafael Grossi. "
    "M. Grossi s'était entretenu avec le président iranien Ebrahim Raïssi.",
    # (a noun made the sentence's root keeps its phrase: the final "." hung on it stretches nothing)
    "L'Iran a accepté les inspections, a annoncé le directeur général de l'AIEA, Rafael Grossi. "
    "M. Grossi, qui s'était entretenu avec le président iranien Ebrahim Raïssi, a qualifié ses discussions de « constructives ».",
])
def test_a_surname_with_its_honorific_stands_for_the_full_name_told_before(text: str) -> None:
    assert parties(first_event(under_headline(text, "fr"), "fr", "CONSULT")) == {"IGO", "IRN"}


def test_then_dates_an_act_by_the_scene_just_told_not_by_a_day_to_come() -> None:
    # (published Thursday 7 March 2024; "le 5 mai" is planned, no scene; a pluperfect tells of a
    # time before the scene)
    text = ("La Cour sénégalaise a confirmé mercredi la destitution du président. Une élection est prévue pour "
            "le 5 mai. Des partisans du président ont tenté de pénétrer dans le tribunal. "
            "Deux manifestants ont alors été tués par la police sénégalaise. "
            "La police sénégalaise avait alors arrêté deux opposants.")
    found = events(under_headline(text, "fr"), "fr")
    assert [e["date"] for e in found if e["type"] == "ASSAULT"] == ["2024-03-06"]
    assert [e["date"] for e in found if e["type"] == "COERCE"] == [None]


def test_a_verb_with_its_own_object_takes_no_words_of_the_verb_coordinated_to_it() -> None:
    # ("to halt all death sentences" does not make the condemnation a death sentence)
    text = "The European Union condemned the execution and called on Tehran to halt all death sentences."
    found = [e for e in events(under_headline(text, "en"), "en") if e["status"] == "occurred"]
    assert "ACCUSE" in {e["type"] for e in found} and "SANCTION" not in {e["type"] for e in found}


@pytest.mark.parametrize(("text", "lang"), [
    ("Sweden's foreign ministry summoned Iran's ambassador on Saturday to protest the execution.", "en"),
    ("Le ministère suédois des Affaires étrangères a convoqué l'ambassadeur d'Iran pour protester contre "
     "l'exécution.", "fr"),
])
def test_a_ministry_protests_by_a_note_not_in_the_street(text: str, lang: str) -> None:
    found = events(under_headline(text, lang), lang)
    assert "PROTEST" not in {e["type"] for e in found}
    assert sides(first_event(under_headline(text, lang), lang, "ACCUSE")) == ({"SWE"}, {"IRN"})


def test_a_country_the_recogniser_calls_a_person_is_still_its_government() -> None:
    # (the English recogniser tags "Japan" PER: a state protests by a note)
    found = events("Japan protests Chinese coast guard incursion\n\nThe text follows.", "en")
    assert [(e["type"], e["actor"][0]["sector"]) for e in found] == [("ACCUSE", "GOV")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Niger a révoqué l'accord de coopération militaire avec les États-Unis.", "fr"),
    ("Niger revoked its military cooperation agreement with the United States.", "en"),
])
def test_revoking_an_agreement_is_withdrawing_from_it(text: str, lang: str) -> None:
    assert sides(first_event(under_headline(text, lang), lang, "SANCTION")) == ({"NER"}, {"USA"})


def test_where_a_named_person_is_is_no_part_of_his_name() -> None:
    text = ("Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed met on Thursday. "
            "Ruto, who hosted Abiy at State House in Nairobi, said the deal would lower power costs.")
    hosted = [e for e in events_of(under_headline(text, "en"), "en", "CONSULT")]
    assert hosted and all(parties(e) == {"ETH", "KEN"} for e in hosted)


def test_siding_with_a_country_supports_it_and_fighting_beside_one_aims_at_no_one() -> None:
    sided = first_event(under_headline("Le Mali et la Guinée se sont rangés aux côtés de Dakar.", "fr"), "fr", "SUPPORT")
    assert sides(sided) == ({"MLI", "GIN"}, {"SEN"})
    fought = events(under_headline("La Russie a combattu aux côtés de l'armée syrienne.", "fr"), "fr")
    assert not any("SYR" in countries(e["recipient"]) for e in fought)


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("Pékin a de son côté rejeté les accusations de Washington.", "REJECT", ({"CHN"}, {"USA"})),
    ("Le Mali a de son côté expulsé l'ambassadeur de France.", "SANCTION", ({"MLI"}, {"FRA"})),
    ("Les rebelles tchadiens ont de leur côté libéré dimanche douze soldats nigériens.", "RETREAT",
     ({"TCD"}, {"NER"})),
])
def test_a_participle_cut_off_from_its_auxiliary_keeps_its_object(
        text: str, type_: str, expected: tuple[set[str], set[str]]) -> None:
    # (the parser hangs the object on the auxiliary or on "côté", or makes "côté" the object)
    assert sides(first_event(under_headline(text, "fr"), "fr", type_)) == expected


def test_a_surname_read_as_a_second_subject_ends_the_name() -> None:
    text = "Le Premier ministre sénégalais Ousmane Sonko a rejeté mercredi les critiques du Mali."
    rejected = first_event(under_headline(text, "fr"), "fr", "REJECT")
    assert [(e["country"], e["name"]) for e in rejected["actor"]] == [("SEN", "Ousmane Sonko")]


def test_a_name_apposed_to_an_office_but_hung_on_the_verb_holds_the_office() -> None:
    text = ("La Pologne masse des troupes à la frontière\n\nVARSOVIE, 22 septembre 2025 (AFP) -\n"
            "La Pologne a déployé 10 000 soldats le long de sa frontière, a annoncé samedi le ministre de la "
            "Défense, Wladyslaw Kosiniak-Kamysz, qui accuse Minsk d'orchestrer l'arrivée de migrants.\n")
    accused = first_event(text, "fr", "ACCUSE")
    assert [(e["country"], e["sector"]) for e in accused["actor"]] == [("POL", "MIL")]
    assert sides(accused) == ({"POL"}, {"BLR"})


def test_a_capital_written_as_one_hyphenated_word_stands_for_its_country() -> None:
    text = "Le ministre érythréen de l'Information a reproché à Addis-Abeba de chercher un accès à la mer."
    assert sides(first_event(under_headline(text, "fr"), "fr", "ACCUSE")) == ({"ERI"}, {"ETH"})


def test_who_holds_captives_is_not_whose_they_are() -> None:
    text = "Les otages du Hamas ont été libérés dimanche par l'armée israélienne."
    released = first_event(under_headline(text, "fr"), "fr", "RETREAT")
    assert "Hamas" not in {e["name"] for e in released["recipient"]}


@pytest.mark.parametrize("text", [
    "Les garde-côtes chinois ont tiré sur un navire philippin, blessant deux marins, selon Manille.",
    "Les garde-côtes chinois ont tiré sur un navire philippin, blessant deux marins philippins, selon Manille.",
])
def test_a_detached_participle_read_as_an_adjective_of_its_object_is_the_subjects_act(text: str) -> None:
    # (the parser makes "blessant" an adjective or the preposition of "marins"; "selon Manille"
    # is the source, not who wounded them)
    found = events(under_headline(text, "fr"), "fr")
    assert {(e["type"], frozenset(countries(e["actor"]))) for e in found} == {("ASSAULT", frozenset({"CHN"}))}


def test_the_two_parties_a_third_side_calls_on_are_not_that_side() -> None:
    text = ("Israël a libéré lundi 90 prisonniers palestiniens. "
            "Les Nations unies ont salué la trêve, tout en appelant les deux parties à la respecter.")
    asked = first_event(under_headline(text, "fr"), "fr", "REQUEST")
    assert countries(asked["recipient"]) == {"ISR", "PSE"}


def test_in_exchange_for_captives_is_no_exchange_of_its_own() -> None:
    text = "Israël a libéré lundi 90 prisonniers palestiniens, en échange de trois otages relâchés par le Hamas."
    released = events_of(under_headline(text, "fr"), "fr", "RETREAT")
    assert [sides(e) for e in released] == [({"ISR"}, {"PSE"})]
