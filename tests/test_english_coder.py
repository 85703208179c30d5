"""The English coder end to end on sentences written for these tests: the same code as
French, with English data and the project's own English parser (whose parse errors on
news text some rules repair)."""

from __future__ import annotations

import pytest

from eventwire.document import Document, Metadata
from eventwire.pipeline import extract_document

PUBLISHED = "2024-03-07"  # a Thursday


def events(text: str, title: str = "News") -> list[dict]:
    doc = Document(source="t.txt", name="t.txt", raw=f"{title}\n\n{text}\n",
                   meta=Metadata(published=PUBLISHED))
    record = extract_document(doc)
    assert record["lang"] == "en"
    return record["events"]


def countries(entities: list[dict]) -> set[str | None]:
    return {e["country"] for e in entities}


def find(found: list[dict], type_: str) -> dict:
    matching = [e for e in found if e["type"] == type_]
    assert matching, f"no {type_} in {found}"
    return matching[0]


@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), [
    ("Germany on Monday banned the Iranian airline from flying in the country.",
     "COERCE", "DEU", "IRN"),
    ("The move came after the European Union sanctioned Iran earlier in the month.",
     "SANCTION", "IGO", "IRN"),
    ("Athens expelled the Libyan ambassador over the maritime agreement.",
     "SANCTION", "GRC", "LBY"),
    ("The Canadian prime minister urged China to release the two detained citizens.",
     "REQUEST", "CAN", "CHN"),
    ("Russian Foreign Minister Sergei Lavrov accused Washington of meddling.",
     "ACCUSE", "RUS", "USA"),
    # "to" hangs under the object: still "encourage X to", a request, not praise
    ("The United States has been encouraging allies such as Japan to restrict the exports.",
     "REQUEST", "USA", "JPN"),
])
def test_who_did_what_to_whom(text: str, type_: str, actor: str, recipient: str) -> None:
    event = find(events(text), type_)
    assert actor in countries(event["actor"])
    assert recipient in countries(event["recipient"])


def test_both_sides_of_a_signing_are_actors_with_the_day_and_place() -> None:
    event = find(events("The Norwegian and Chilean ministers signed a trade agreement in "
                        "Oslo on Tuesday."), "AGREE")
    assert {"NOR", "CHL"} <= countries(event["actor"])
    assert event["date"] == "2024-03-05"
    assert event["place"] and event["place"]["country"] == "NOR"


@pytest.mark.parametrize(("text", "type_", "status"), [
    ("The Japanese prime minister will visit India next week.", "CONSULT", "future"),
    ("Pakistan did not sign the agreement with India.", "AGREE", "negated"),
    ("Kenya refused to sign the agreement with Uganda.", "REJECT", "occurred"),
])
def test_status(text: str, type_: str, status: str) -> None:
    assert find(events(text), type_)["status"] == status


def test_a_name_after_its_title_is_the_actor_name() -> None:
    event = find(events("Russian Foreign Minister Sergei Lavrov accused Washington of meddling."),
                 "ACCUSE")
    assert event["actor"][0]["name"] == "Sergei Lavrov"
