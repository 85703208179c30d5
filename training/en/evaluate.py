"""Score an English pipeline on the UD English-EWT test split and UNER English-EWT test.

Gold tokenization (the pipeline runs on the treebank's words); sentence boundaries are
predicted. Prints UPOS, XPOS tag, morphology, lemma, UAS and LAS (spaCy's convention,
punctuation excluded, and the CoNLL convention, every word counted, full UD labels), and
NER precision/recall/F1 per type. ``--json`` writes the same figures to a file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, DocBin
from spacy.training import Example

DEFAULT_TEST = Path("training/en/corpus/test.spacy")


def predict(nlp: Language, refs: list[Doc]) -> tuple[list[Example], float]:
    """Run the pipeline on bare copies of the gold docs; return examples and words/s."""
    bare = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
            for d in refs]
    start = time.perf_counter()
    preds = list(nlp.pipe(bare, batch_size=64))
    elapsed = time.perf_counter() - start
    words = sum(len(d) for d in refs)
    return [Example(p, r) for p, r in zip(preds, refs, strict=True)], words / elapsed


def attachment_all_words(examples: list[Example]) -> tuple[float, float]:
    """UAS/LAS over every word, punctuation included, labels compared in full."""
    total = heads = labels = 0
    for eg in examples:
        for pred, gold in zip(eg.predicted, eg.reference, strict=True):
            total += 1
            if pred.head.i == gold.head.i:
                heads += 1
                labels += pred.dep_.lower() == gold.dep_.lower()
    return heads / total, labels / total


def score(nlp: Language, test_path: Path) -> dict[str, Any]:
    refs = list(DocBin().from_disk(test_path).get_docs(nlp.vocab))
    examples, wps = predict(nlp, refs)
    raw = Scorer(nlp).score(examples)
    uas_all, las_all = attachment_all_words(examples) if "parser" in nlp.pipe_names else (None, None)
    out: dict[str, Any] = {
        "pos_acc": raw.get("pos_acc"),
        "tag_acc": raw.get("tag_acc"),
        "morph_acc": raw.get("morph_acc"),
        "lemma_acc": raw.get("lemma_acc"),
        "dep_uas": raw.get("dep_uas"),
        "dep_las": raw.get("dep_las"),
        "dep_uas_all_words": uas_all,
        "dep_las_all_words": las_all,
        "sents_f": raw.get("sents_f"),
        "ents_p": raw.get("ents_p"),
        "ents_r": raw.get("ents_r"),
        "ents_f": raw.get("ents_f"),
        "ents_per_type": raw.get("ents_per_type"),
        "words_per_second": wps,
    }
    return {k: v for k, v in out.items() if v is not None}


def report(scores: dict[str, Any]) -> str:
    names = [
        ("UPOS", "pos_acc"), ("tag (XPOS)", "tag_acc"), ("morph", "morph_acc"),
        ("lemma", "lemma_acc"), ("UAS", "dep_uas"), ("LAS", "dep_las"),
        ("UAS (all words)", "dep_uas_all_words"), ("LAS (all words)", "dep_las_all_words"),
        ("sentence F1", "sents_f"), ("NER P", "ents_p"), ("NER R", "ents_r"),
        ("NER F1", "ents_f"),
    ]
    lines = [f"{label:<18}{scores[key]:.4f}" for label, key in names if key in scores]
    for label, prf in sorted(scores.get("ents_per_type", {}).items()):
        lines.append(f"  NER {label:<12}P {prf['p']:.3f}  R {prf['r']:.3f}  F {prf['f']:.3f}")
    lines.append(f"{'words/s':<18}{scores['words_per_second']:.0f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path, help="pipeline folder (spacy.load path)")
    ap.add_argument("--test", type=Path, default=DEFAULT_TEST)
    ap.add_argument("--json", type=Path, default=None, help="also write the scores here")
    args = ap.parse_args(argv)
    scores = score(spacy.load(args.model), args.test)
    print(f"{args.model} on {args.test} (UD EWT test; NER: UNER EWT test)")
    print(report(scores))
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
