"""``make phrasings``: code the team's own sentences of common news phrasings and say which
come out right (the event type, with the countries of actor and recipient together).

The sentences are in tests/data/phrasings.tsv (type "-": no event may be coded from the
sentence, which is negated, conditional, habitual or a description; part "headline": the
sentence is coded as an article's headline, where verbless and topic-first forms are read). A row marked ``coded`` must stay right
(tests/test_phrasings.py checks it); ``open`` rows are known misses, the to-do list of
rules of the language that the corpus does not show. ``--update`` rewrites the status
column from today's results.

Usage: phrasings.py [--lang fr|en] [--update]
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

TABLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "phrasings.tsv"
HEADER = ["lang", "status", "part", "type", "countries", "sentence"]
PARTS = ("body", "headline")
NONE = "-"  # the type of a sentence that states no event that occurred or is announced
HEADLINE = {"fr": "Actualité internationale", "en": "World news"}
BODY = {"fr": "Le texte suit.", "en": "The text follows."}  # under a headline row


@dataclass
class Phrasing:
    lang: str
    status: str
    part: str
    type: str
    countries: frozenset[str]
    sentence: str


def load(path: Path = TABLE) -> tuple[list[str], list[Phrasing]]:
    """The table's comment lines and its rows."""
    lines = path.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    body = [line for line in lines if line and not line.startswith("#")]
    rows = []
    for number, row in enumerate(csv.DictReader(body, delimiter="\t"), start=len(comments) + 2):
        if row["status"] not in ("coded", "open") or not row["sentence"]:
            raise ValueError(f"{path}:{number}: status must be 'coded' or 'open', with a sentence")
        if row["part"] not in PARTS:
            raise ValueError(f"{path}:{number}: part must be one of {', '.join(PARTS)}")
        countries = frozenset(c for c in row["countries"].split("|") if c)
        rows.append(Phrasing(row["lang"], row["status"], row["part"], row["type"], countries, row["sentence"]))
    return comments, rows


def coded(phrasing: Phrasing) -> list[tuple[str, frozenset[str]]]:
    """(type, countries) of every event that occurred or is announced in the sentence."""
    from eventwire.document import Document, Metadata
    from eventwire.pipeline import extract_document

    # A body row goes under a neutral headline, so that it is read as running text (a lone
    # line would be the headline, where other rules apply: "Trois journalistes arrêtés"); a
    # headline row heads a neutral body line.
    if phrasing.part == "headline":
        raw = f"{phrasing.sentence}\n\n{BODY[phrasing.lang]}\n"
    else:
        raw = f"{HEADLINE[phrasing.lang]}\n\n{phrasing.sentence}\n"
    doc = Document(source="phrasing", name="phrasing", raw=raw,
                   meta=Metadata(published="2024-03-07", lang=phrasing.lang))
    record = extract_document(doc)
    return [
        (e["type"], frozenset(a["country"] for a in e["actor"] + e["recipient"] if a["country"]))
        for e in record["events"]
        if e["status"] in ("occurred", "future")
    ]


def right(phrasing: Phrasing, events: list[tuple[str, frozenset[str]]]) -> bool:
    """The expected event is among those coded; type "-" expects none (a negation, a
    condition, a habit, a description)."""
    if phrasing.type == NONE:
        return not events
    return (phrasing.type, phrasing.countries) in events


def save(comments: list[str], rows: list[Phrasing], path: Path = TABLE) -> None:
    lines = [*comments, "\t".join(HEADER)]
    lines += [
        "\t".join([r.lang, r.status, r.part, r.type, "|".join(sorted(r.countries)), r.sentence]) for r in rows
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", choices=("fr", "en"))
    parser.add_argument("--update", action="store_true", help="rewrite the status column")
    args = parser.parse_args(argv)
    comments, rows = load()
    totals: dict[str, list[int]] = {}
    for row in rows:
        if args.lang and row.lang != args.lang:
            continue
        events = coded(row)
        ok = right(row, events)
        totals.setdefault(row.lang, [0, 0])[0] += ok
        totals[row.lang][1] += 1
        if not ok:
            got = ", ".join(f"{t} {'|'.join(sorted(c)) or '-'}" for t, c in events) or "nothing"
            print(f"miss  {row.lang} {row.type} {'|'.join(sorted(row.countries))}: {row.sentence}  [got {got}]")
        if args.update:
            row.status = "coded" if ok else "open"
    for lang, (good, total) in sorted(totals.items()):
        print(f"{lang}: {good} of {total} right")
    if args.update:
        save(comments, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
