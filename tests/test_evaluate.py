"""The scorer follows FORMAT.md: keys, one-to-one events, attributes, statuses."""

from __future__ import annotations

import copy
import json

from eventwire.evaluate import dates_compatible, load_gold, score


def event(type_="CONSULT", actor=("RUS",), recipient=("VNM",), date="2019-10-21", **extra):
    record = {
        "type": type_,
        "mode": extra.pop("mode", None),
        "actor": [{"country": c, "sector": None, "name": None} for c in actor],
        "recipient": [{"country": c, "sector": None, "name": None} for c in recipient],
        "date": date,
        "date_end": extra.pop("date_end", None),
        "place": extra.pop("place", None),
        "status": extra.pop("status", "occurred"),
        "part": extra.pop("part", "body"),
        "evidence": "x",
    }
    record.update(extra)
    return record


def doc(*events, name="a.txt"):
    return {"doc": name, "lang": "fr", "published": None, "events": list(events)}


def test_gold_against_itself_scores_one(shared_dir):
    gold = load_gold(shared_dir / "eval" / "dev.gold.jsonl")
    report = score(gold, copy.deepcopy(gold))
    assert report.keys.f1 == 1.0
    assert report.events.f1 == 1.0
    assert all(report.accuracy(a) in (1.0, None) for a in ("direction", "mode", "date", "place"))


def test_duplicate_prediction_is_a_false_positive_for_events_not_keys():
    gold = [doc(event())]
    predicted = [doc(event(), event())]
    report = score(gold, predicted)
    assert (report.keys.tp, report.keys.fp) == (1, 0)
    assert (report.events.tp, report.events.fp) == (1, 1)


def test_negated_prediction_is_ignored_and_negated_gold_is_not_a_positive():
    gold = [doc(event(status="negated"))]
    assert score(gold, [doc(event(status="negated"))]).keys.fp == 0
    report = score(gold, [doc(event())])
    assert (report.keys.tp, report.keys.fp, report.keys.fn) == (0, 1, 0)


def test_participants_ignore_direction_and_nulls_but_direction_is_scored():
    gold = [doc(event(actor=("RUS",), recipient=("VNM",)))]
    predicted = [doc(event(actor=("VNM", None), recipient=("RUS",)))]
    report = score(gold, predicted)
    assert report.keys.tp == 1 and report.events.tp == 1
    assert report.accuracy("direction") == 0.0


def test_dates_compatible_within_a_day_by_month_day_and_when_unknown():
    assert dates_compatible({"date": "2019-10-21"}, {"date": "2019-10-22"})
    assert not dates_compatible({"date": "2019-10-21"}, {"date": "2019-10-23"})
    assert dates_compatible({"date": "2019-10-21", "date_end": "2019-10-24"}, {"date": "2019-10-24"})
    assert dates_compatible({"date": "--03-06"}, {"date": "2026-03-06"})
    assert not dates_compatible({"date": "--03-06"}, {"date": "2026-04-06"})
    assert dates_compatible({"date": None}, {"date": "2026-04-06"})
    assert dates_compatible({"date": "2017-01"}, {"date": "2017-01-21"})


def test_incompatible_dates_do_not_match_events_but_keys_still_count():
    report = score([doc(event(date="2019-10-21"))], [doc(event(date="2019-11-30"))])
    assert report.keys.tp == 1
    assert report.events.tp == 0 and report.events.fp == 1 and report.events.fn == 1


def test_place_compares_country_and_folded_name():
    hanoi = {"name": "Hanoi", "country": "VNM"}
    report = score(
        [doc(event(place=hanoi))], [doc(event(place={"name": "HANOÏ", "country": "VNM"}))]
    )
    assert report.accuracy("place") == 1.0


def test_report_json_is_serialisable():
    report = score([doc(event())], [doc(event(type_="AGREE"))])
    data = json.loads(json.dumps(report.to_json()))
    assert data["by_type"]["AGREE"]["fp"] == 1
    assert data["by_type"]["CONSULT"]["fn"] == 1
    assert data["per_document"]["a.txt"]["missed"] == ["CONSULT(RUS-VNM)"]
