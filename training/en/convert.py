"""Convert UD English-EWT (CoNLL-U) and Universal NER English-EWT (IOB2) to spaCy DocBins.

Outputs (in the target folder):
- ``ud-train.spacy``: UD train, tags/morph/lemmas/heads/deps; entities *missing*
  (UNER has no train split, so the NER loss must ignore these docs).
- ``ner-train.spacy`` / ``ner-dev.spacy``: UD dev sentences with UNER dev entities,
  split by document (every 10th doc held out for model selection). Their UD
  annotation is dropped, so the tagger and parser see only the UD train split.
- ``ud-dev.spacy``: UD dev with UD annotation (model selection for tagger/parser).
- ``test.spacy``: UD test with UD annotation *and* UNER test entities, the one file
  that ``evaluate.py`` scores.

Sentences are grouped into docs of ``--sents`` sentences (never across a UD ``newdoc``),
so the parser also learns sentence boundaries.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab


@dataclass
class Sentence:
    sent_id: str
    newdoc: bool
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # 1-based, 0 = root
    deps: list[str] = field(default_factory=list)
    iob: list[str] | None = None


def _blocks(path: Path) -> Iterator[list[str]]:
    block: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line:
                block.append(line)
            elif block:
                yield block
                block = []
    if block:
        yield block


def read_conllu(path: Path) -> Iterator[Sentence]:
    for block in _blocks(path):
        sent = Sentence(sent_id="", newdoc=False)
        mwt_end, mwt_space = 0, True
        for line in block:
            if line.startswith("#"):
                if line.startswith("# sent_id = "):
                    sent.sent_id = line.split("=", 1)[1].strip()
                elif line.startswith("# newdoc"):
                    sent.newdoc = True
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"{path}: bad CoNLL-U line {line!r}")
            tid = cols[0]
            if "." in tid:  # empty node of the enhanced graph: not a surface word
                continue
            misc = cols[9].split("|")
            if "-" in tid:  # multiword token: its SpaceAfter applies to its last word
                mwt_end = int(tid.split("-")[1])
                mwt_space = "SpaceAfter=No" not in misc
                continue
            idx = int(tid)
            space = "SpaceAfter=No" not in misc
            if mwt_end and idx < mwt_end:
                space = False
            elif mwt_end and idx == mwt_end:
                space, mwt_end = mwt_space, 0
            sent.words.append(cols[1])
            sent.spaces.append(space)
            sent.lemmas.append(cols[2])
            sent.pos.append(cols[3])
            sent.tags.append(cols[4])
            sent.morphs.append("" if cols[5] == "_" else cols[5])
            sent.heads.append(int(cols[6]))
            sent.deps.append(cols[7])  # subtypes kept: nsubj:pass, obl:tmod... help the coder
        if sent.words:
            yield sent


def read_iob2(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """sent_id -> (words, IOB2 tags) from a UNER file."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    for block in _blocks(path):
        sent_id, words, tags = "", [], []
        for line in block:
            if line.startswith("#"):
                if line.startswith("# sent_id = "):
                    sent_id = line.split("=", 1)[1].strip()
                continue
            cols = line.split("\t")
            words.append(cols[1])
            tags.append(cols[2].replace("-OTH", "-MISC"))
        out[sent_id] = (words, tags)
    return out


def attach_ner(sents: list[Sentence], uner: dict[str, tuple[list[str], list[str]]]) -> int:
    """Give each UD sentence its UNER tags when the tokens match; return mismatches.

    A sentence whose tokens differ (the two releases drifted) keeps ``iob=None``:
    its entities are stored as missing, never as "no entity".
    """
    bad = 0
    for sent in sents:
        words, tags = uner.get(sent.sent_id, ([], []))
        if words == sent.words:
            sent.iob = _repair_iob(tags)
        else:
            bad += 1
    return bad


def _repair_iob(tags: list[str]) -> list[str]:
    # An I- tag after O or another type starts an entity (IOB1-style slips).
    fixed, prev = [], "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        prev = tag
    return fixed


def group(sents: list[Sentence], size: int) -> Iterator[list[Sentence]]:
    chunk: list[Sentence] = []
    for sent in sents:
        if chunk and (sent.newdoc or len(chunk) >= size):
            yield chunk
            chunk = []
        chunk.append(sent)
    if chunk:
        yield chunk


def make_doc(vocab: Vocab, chunk: list[Sentence], ud: bool, ner: bool) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    heads: list[int] = []
    sent_starts: list[bool | int | None] = []
    iob: list[str] = []
    for sent in chunk:
        offset = len(words)
        words += sent.words
        spaces += sent.spaces
        # a root points at itself in spaCy's absolute-index convention
        heads += [offset + i if h == 0 else offset + h - 1 for i, h in enumerate(sent.heads)]
        sent_starts += [True] + [False] * (len(sent.words) - 1)
        iob += sent.iob if sent.iob is not None else [""] * len(sent.words)
    if not ud:
        return Doc(vocab, words=words, spaces=spaces,
                   ents=iob if ner else None)
    return Doc(vocab, words=words, spaces=spaces,
               tags=[x for s in chunk for x in s.tags],
               pos=[x for s in chunk for x in s.pos],
               morphs=[x for s in chunk for x in s.morphs],
               lemmas=[x for s in chunk for x in s.lemmas],
               heads=heads, deps=[x for s in chunk for x in s.deps],
               sent_starts=sent_starts, ents=iob if ner else None)


def write(path: Path, docs: list[Doc]) -> None:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    print(f"{path.name}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("training/en/corpus"))
    ap.add_argument("--sents", type=int, default=10, help="sentences per doc")
    ap.add_argument("--holdout", type=int, default=10, help="every Nth NER doc is dev")
    args = ap.parse_args(argv)
    ud_dir, uner_dir = args.data / "ud-english-ewt", args.data / "uner-english-ewt"
    args.out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("en").vocab

    train = list(read_conllu(ud_dir / "en_ewt-ud-train.conllu"))
    write(args.out / "ud-train.spacy",
          [make_doc(vocab, c, ud=True, ner=False) for c in group(train, args.sents)])

    dev = list(read_conllu(ud_dir / "en_ewt-ud-dev.conllu"))
    bad = attach_ner(dev, read_iob2(uner_dir / "en_ewt-ud-dev.iob2"))
    print(f"dev: {bad} of {len(dev)} sentences not aligned with UNER (entities missing)")
    chunks = list(group(dev, args.sents))
    write(args.out / "ud-dev.spacy", [make_doc(vocab, c, ud=True, ner=False) for c in chunks])
    write(args.out / "ner-train.spacy", [make_doc(vocab, c, ud=False, ner=True)
                                         for i, c in enumerate(chunks) if i % args.holdout])
    write(args.out / "ner-dev.spacy", [make_doc(vocab, c, ud=False, ner=True)
                                       for i, c in enumerate(chunks) if not i % args.holdout])

    test = list(read_conllu(ud_dir / "en_ewt-ud-test.conllu"))
    bad = attach_ner(test, read_iob2(uner_dir / "en_ewt-ud-test.iob2"))
    print(f"test: {bad} of {len(test)} sentences not aligned with UNER (entities missing)")
    write(args.out / "test.spacy",
          [make_doc(vocab, c, ud=True, ner=True) for c in group(test, args.sents)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
