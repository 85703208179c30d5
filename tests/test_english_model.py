"""The shipped English pipeline (src/eventwire/models/en_eventwire) loads and parses."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import eventwire

MODEL = Path(eventwire.__file__).resolve().parent / "models" / "en_eventwire"
PIPES = ["tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner"]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    if not (MODEL / "meta.json").is_file():
        reason = f"{MODEL} is absent: build it with `make train-en`"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + " (CI=true: the shipped model must be present)")
        pytest.skip(reason)
    import spacy

    return spacy.load(MODEL)


def test_pipeline_has_every_component(nlp) -> None:  # type: ignore[no-untyped-def]
    assert nlp.lang == "en"
    assert nlp.pipe_names == PIPES
    assert nlp.vocab.vectors.shape[0] == 0  # no vectors ship


def test_tags_and_dependencies(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The minister signed the agreement in the capital on Tuesday.")
    by_text = {t.text: t for t in doc}
    assert by_text["signed"].pos_ == "VERB"
    assert by_text["signed"].tag_ == "VBD"
    assert by_text["signed"].dep_ == "ROOT"  # spaCy's name for UD "root"
    assert by_text["signed"].lemma_ == "sign"
    assert by_text["minister"].dep_ == "nsubj"
    assert by_text["minister"].head.text == "signed"
    assert by_text["agreement"].dep_ == "obj"
    assert by_text["the"].pos_ == "DET"


def test_sentences_and_passive(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The talks were cancelled by the government. Both sides blamed each other.")
    assert len(list(doc.sents)) == 2
    assert {t.dep_ for t in doc if t.text == "talks"} == {"nsubj:pass"}


def test_named_entities(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("President Joe Biden visited Germany and met the chancellor in Berlin.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Berlin", "LOC") in ents
    assert any(label == "PER" and "Biden" in text for text, label in ents)


def test_meta_records_test_scores_and_licence() -> None:
    if not (MODEL / "meta.json").is_file():
        pytest.skip(f"{MODEL} is absent")
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0"
    for key in ("pos_acc", "tag_acc", "dep_uas", "dep_las", "ents_f"):
        assert 0.0 < meta["performance"][key] <= 1.0
    assert "Attribution-ShareAlike 4.0" in (MODEL / "LICENSE").read_text(encoding="utf-8")
    assert "Universal NER" in (MODEL / "ATTRIBUTION").read_text(encoding="utf-8")
