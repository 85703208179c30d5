"""Assemble the shipped English pipeline from the two training stages.

Loads the stage-1 pipeline (tok2vec, tagger, morphologizer, lemmatizer, parser), sources
the stage-2 NER with its own copy of the tok2vec it was fine-tuned on, scores the result on the test splits, and
writes it with its licence, attribution and scores to the package folder. Only what
``spacy.load`` needs is written: no optimizer state, no training corpora, no vectors.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate import DEFAULT_TEST, report, score  # noqa: E402

ATTRIBUTION = """\
en_eventwire: English spaCy pipeline trained by the eventwire project.

Licence: CC BY-SA 4.0 (see LICENSE in this folder). The model is a derivative work of
the following data sets, both licensed CC BY-SA 4.0:

- Universal Dependencies English Web Treebank (UD_English-EWT),
  https://github.com/UniversalDependencies/UD_English-EWT,
  commit 15d613d8447b3478787d4c278730a1e48a945efb (2025-05-10).
  Silveira et al., "A Gold Standard Dependency Corpus for English", LREC 2014;
  English Web Treebank, Bies et al., LDC2012T13.
  Used for: tokens, tags, morphology, lemmas, dependency trees (train split).
- Universal NER English-EWT (UNER_English-EWT),
  https://github.com/UniversalNER/UNER_English-EWT,
  commit 8ed072de2fd24022cc62458997fe96a8fe191ea4 (2024-07-29).
  Mayhew et al., "Universal NER: A Gold-Standard Multilingual Named Entity
  Recognition Benchmark", NAACL 2024.
  Used for: named entities PER, ORG, LOC (dev split).

Changes: the annotations were converted to spaCy's format and used to train
statistical models; no text of the treebank is included in this folder.
Trained with spaCy 3.8 (MIT licence, https://spacy.io) from training/en/ in the
eventwire repository (`make train-en`).
"""


def assemble(ud_path: Path, ner_path: Path) -> spacy.language.Language:
    nlp = spacy.load(ud_path)
    ner_nlp = spacy.load(ner_path)
    # The NER was trained on a fine-tuned copy of the stage-1 tok2vec: give it that copy
    # as its own layer, so it no longer listens to (and cannot disturb) the shared one.
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.meta.update({
        "name": "eventwire",
        "version": "0.1.0",
        "description": "English tagger, morphologizer, lemmatizer, dependency parser and "
                       "NER (PER/ORG/LOC) for eventwire, trained on UD English-EWT and "
                       "Universal NER English-EWT. No word vectors.",
        "license": "CC BY-SA 4.0",
        "author": "eventwire",
        "sources": [
            {"name": "UD English-EWT", "url":
             "https://github.com/UniversalDependencies/UD_English-EWT",
             "license": "CC BY-SA 4.0"},
            {"name": "Universal NER English-EWT", "url":
             "https://github.com/UniversalNER/UNER_English-EWT",
             "license": "CC BY-SA 4.0"},
        ],
    })
    return nlp


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ud", type=Path, default=Path("training/en/output/ud/model-best"))
    ap.add_argument("--ner", type=Path, default=Path("training/en/output/ner/model-last"))
    ap.add_argument("--out", type=Path, default=Path("src/eventwire/models/en_eventwire"))
    ap.add_argument("--test", type=Path, default=DEFAULT_TEST)
    ap.add_argument("--licence", type=Path,
                    default=Path("../shared/data/ud-english-ewt/LICENSE.txt"))
    ap.add_argument("--max-mb", type=float, default=25.0)
    args = ap.parse_args(argv)

    nlp = assemble(args.ud, args.ner)
    scores = score(nlp, args.test)
    print(report(scores))
    nlp.meta["performance"] = {k: v for k, v in scores.items() if k != "words_per_second"}
    nlp.meta["performance"]["evaluated_on"] = "UD English-EWT test; UNER English-EWT test"
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    shutil.copyfile(args.licence, args.out / "LICENSE")
    (args.out / "ATTRIBUTION").write_text(ATTRIBUTION, encoding="utf-8")
    size_mb = folder_size(args.out) / 1e6
    print(f"wrote {args.out} ({size_mb:.1f} MB)")
    if size_mb > args.max_mb:
        print(f"error: pipeline is {size_mb:.1f} MB, over the {args.max_mb} MB budget",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
