"""Partially annotated ("silver") NER docs from UD train, for the NER stage.

UNER has no train split, so the NER learns from 2,000 gold sentences only. UD train
(12,500 sentences) has no entities, but it has gold parts of speech, and in UNER 90% of
entity words are PROPN while almost every non-entity word far from a PROPN is outside
any entity. Each UD train doc is therefore written with:

- *outside* (O) for every word that is neither a PROPN nor next to one;
- the teacher NER's entities (a pipeline trained on UNER dev) that contain a PROPN and
  lie wholly in the PROPN regions (a PROPN word and its neighbours);
- *missing* for the rest of those regions, so the NER loss ignores what nobody knows.

The NER stage then trains on the gold UNER docs plus these. No test data is involved.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span


def propn_region(doc: Doc) -> list[bool]:
    """True for a PROPN word and the words right before and after it."""
    propn = [t.pos_ == "PROPN" for t in doc]
    n = len(doc)
    return [propn[i] or (i > 0 and propn[i - 1]) or (i + 1 < n and propn[i + 1])
            for i in range(n)]


def silver_doc(gold: Doc, predicted: Doc | None) -> Doc:
    region = propn_region(gold)
    doc = Doc(gold.vocab, words=[t.text for t in gold],
              spaces=[bool(t.whitespace_) for t in gold])
    ents: list[Span] = []
    if predicted is not None:
        for ent in predicted.ents:
            inside = all(region[i] for i in range(ent.start, ent.end))
            has_propn = any(gold[i].pos_ == "PROPN" for i in range(ent.start, ent.end))
            if inside and has_propn:
                ents.append(Span(doc, ent.start, ent.end, label=ent.label_))
    covered = {i for e in ents for i in range(e.start, e.end)}
    missing: list[Span] = []
    start = None
    for i, flag in enumerate([r and i not in covered for i, r in enumerate(region)] + [False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            missing.append(Span(doc, start, i))
            start = None
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ud", type=Path, default=Path("training/en/corpus/ud-train.spacy"))
    ap.add_argument("--teacher", type=Path, default=None,
                    help="pipeline with an NER (none: PROPN regions all missing)")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)

    nlp = spacy.load(args.teacher) if args.teacher else spacy.blank("en")
    golds = list(DocBin().from_disk(args.ud).get_docs(nlp.vocab))
    preds: list[Doc | None] = [None] * len(golds)
    if args.teacher:
        bare = [Doc(nlp.vocab, words=[t.text for t in d],
                    spaces=[bool(t.whitespace_) for t in d]) for d in golds]
        preds = list(nlp.pipe(bare, batch_size=64))
    docs = [silver_doc(g, p) for g, p in zip(golds, preds, strict=True)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(args.out)
    n_ents = sum(len(d.ents) for d in docs)
    n_missing = sum(t.ent_iob == 0 for d in docs for t in d)
    n_words = sum(len(d) for d in docs)
    print(f"{args.out}: {len(docs)} docs, {n_words} words, {n_ents} entities, "
          f"{n_missing} words missing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
