"""Measure glue repair: glue word pairs in clean text, clean it, count what came back.

Usage: eval_clean.py DEV_DIR [--lang fr] [--rate 18] [--seeds 1,2,3,4,5] [--examples 8]

For each file of DEV_DIR in the language asked (SOURCES.tsv's ``language``
column, else the identified language), about one adjacent word pair in
``rate`` loses its space (seeded, so runs are reproducible; each seed is one
gluing of the whole folder, and the figures pool all seeds). Both copies go
through ``clean_document``. The word tokens of the two cleaned texts are
aligned (difflib); a glued pair is repaired when both of its words come out
as they do in the clean copy. Printed:

- the share of glued pairs repaired (goal >= 90%);
- changes the cleaning made to the clean copy, per 1,000 words, against its
  raw text: false splits (one raw word became several) and lost words
  (goal <= 1 together); other changes (tokeniser traces joined) apart;
- a few misses and false splits.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from eventwire.clean import clean_document
from eventwire.document import Document

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
TOKEN = re.compile(r"[^\W_]+")


@dataclass
class Tally:
    glued: int = 0
    repaired: int = 0
    words: int = 0
    false_splits: int = 0
    lost: int = 0
    other: int = 0
    misses: list[str] = field(default_factory=list)
    split_examples: list[str] = field(default_factory=list)


def languages(folder: Path) -> dict[str, str]:
    sources = folder / "SOURCES.tsv"
    if not sources.is_file():
        return {}
    with sources.open(encoding="utf-8") as handle:
        return {row["file"]: row["language"] for row in csv.DictReader(handle, delimiter="\t")}


def glue(raw: str, rng: random.Random, rate: int) -> tuple[str, list[int]]:
    """Raw text with about one word pair in ``rate`` joined; positions of removed spaces."""
    words = list(WORD.finditer(raw))
    removed: list[int] = []
    for left, right in zip(words, words[1:], strict=False):
        if raw[left.end() : right.start()] != " ":
            continue
        if removed and removed[-1] == left.start() - 1:
            continue  # never three words in one join
        if rng.randrange(rate) == 0:
            removed.append(left.end())
    gone = set(removed)
    glued = "".join(ch for i, ch in enumerate(raw) if i not in gone)
    return glued, removed


def cleaned_tokens(raw: str, name: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Word tokens of the cleaned document, with the raw span each maps to."""
    doc = clean_document(Document(source=name, name=name, raw=raw))
    tokens, spans = [], []
    for part in doc.parts:
        for match in TOKEN.finditer(part.text):
            tokens.append(match.group(0))
            spans.append(part.offsets.span_to_raw(match.start(), match.end()))
    return tokens, spans


def measure(path: Path, tally: Tally, rng: random.Random, rate: int) -> None:
    raw = path.read_text(encoding="utf-8")
    glued_raw, removed = glue(raw, rng, rate)
    ref, ref_spans = cleaned_tokens(raw, path.name)
    hyp, _ = cleaned_tokens(glued_raw, path.name)
    _count_glue(path.name, ref, ref_spans, hyp, removed, tally)
    _count_changes(path.name, TOKEN.findall(raw), ref, tally)


def _count_glue(
    name: str,
    ref: list[str],
    ref_spans: list[tuple[int, int]],
    hyp: list[str],
    removed: list[int],
    tally: Tally,
) -> None:
    same = [False] * len(ref)
    for block in SequenceMatcher(None, ref, hyp, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            same[block.a + k] = True
    ends = {span[1]: k for k, span in enumerate(ref_spans)}
    for pos in removed:
        k = ends.get(pos)
        if k is None or k + 1 >= len(ref):
            continue  # the pair was dropped by segmentation (a marker line)
        tally.glued += 1
        if same[k] and same[k + 1]:
            tally.repaired += 1
        else:
            tally.misses.append(f"{name}: {ref[k]}{ref[k + 1]}")


def _count_changes(name: str, raw_tokens: list[str], ref: list[str], tally: Tally) -> None:
    tally.words += len(raw_tokens)
    matcher = SequenceMatcher(None, raw_tokens, ref, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        before, after = raw_tokens[i1:i2], ref[j1:j2]
        if op == "replace" and "".join(before) == "".join(after) and len(after) > len(before):
            tally.false_splits += len(after) - len(before)
            tally.split_examples.append(f"{name}: {' '.join(before)} -> {' '.join(after)}")
        elif op == "delete":
            tally.lost += len(before)
        else:
            tally.other += max(len(before), len(after))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--rate", type=int, default=18)
    parser.add_argument("--seeds", default="1,2,3,4,5", help="comma-separated RNG seeds")
    parser.add_argument("--examples", type=int, default=8)
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder", file=sys.stderr)
        return 2
    langs = languages(args.folder)
    files = sorted(p for p in args.folder.glob("*.txt") if _language(p, langs) == args.lang)
    tally = Tally()
    shares = []
    for seed in [int(x) for x in args.seeds.split(",")]:
        rng = random.Random(seed)
        before = (tally.glued, tally.repaired)
        for path in files:
            measure(path, tally, rng, args.rate)
        glued, repaired = tally.glued - before[0], tally.repaired - before[1]
        shares.append(f"seed {seed}: {repaired}/{glued} = {repaired / max(glued, 1):.1%}")
    _print(tally, len(files), args)
    print("per seed: " + "; ".join(shares))
    return 0


def _language(path: Path, langs: dict[str, str]) -> str | None:
    if path.name in langs:
        return langs[path.name]
    doc = clean_document(Document(source=str(path), name=path.name, raw=path.read_text("utf-8")))
    return doc.lang


def _print(tally: Tally, files: int, args: argparse.Namespace) -> None:
    per_k = lambda n: 1000 * n / max(tally.words, 1)  # noqa: E731
    share = tally.repaired / max(tally.glued, 1)
    print(
        f"files: {files} ({args.lang}), words: {tally.words} (all seeds), seeds {args.seeds}, "
        f"1 pair in {args.rate}"
    )
    print(f"glued pairs repaired: {tally.repaired}/{tally.glued} = {share:.1%}  (goal >= 90%)")
    changes = tally.false_splits + tally.lost
    print(
        f"changes to the clean copy per 1,000 words: {per_k(changes):.2f}  (goal <= 1): "
        f"false splits {per_k(tally.false_splits):.2f}, lost words {per_k(tally.lost):.2f}"
    )
    print(f"other token changes (tokeniser traces joined, '1 er' -> '1er'): {per_k(tally.other):.2f}")
    for title, rows in (("misses", tally.misses), ("false splits", tally.split_examples)):
        print(f"{title} ({len(rows)}):")
        for row in rows[: args.examples]:
            print(f"  {row}")


if __name__ == "__main__":
    sys.exit(main())
