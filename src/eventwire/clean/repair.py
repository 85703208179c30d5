"""Repair what scraping broke in one part, keeping the map back to raw offsets.

Edits, in order (each on a :class:`Tracked` text, so offsets stay honest):

1. mojibake and broken Unicode (ftfy; quotes are left curly as written);
2. invisible characters (soft hyphen, zero-width spaces, BOM) removed;
3. every whitespace character (line break, tab, no-break and thin spaces)
   written as a plain space: the only one-for-one substitution made;
4. runs of spaces collapsed, ends stripped, list bullets opening a part dropped;
5. glued words split (see :mod:`eventwire.clean.glue`): a space inserted;
6. a tokeniser's traces: no space before ``, . ) ] …`` nor after ``( [``;
   in French no space after an elided article ("l' OTAN" -> "l'OTAN") nor
   inside an ordinal ("1 er" -> "1er"), while French typographic spaces
   before ``; : ! ? »`` and after ``«`` are kept (the French normal form is
   "mot :"); in English none before ``; : ! ?`` nor before "'s" / "n't".

So, for a character of the repaired text that lies in a run of its offset
map, ``text[i] == raw[to_raw(i)]`` unless the raw character is whitespace
(then ``text[i]`` is a plain space) or ftfy rewrote it (then it lies in a
gap, not a run). Inserted spaces are gaps of raw length 0.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import ftfy

from eventwire.clean.glue import DocumentEvidence, find_glue
from eventwire.clean.tracked import Edit, Tracked
from eventwire.document import OffsetMap, Part

_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # keep ’ and “ as written: evidence is quoted verbatim
    fix_line_breaks=False,  # whitespace is step 3's job
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# List bullets and legend swatches opening a paragraph ("██ Labour Party", "• Point")
_BULLETS = re.compile("^[\u2022\u2023\u2043\u25a0-\u25ff\u2580-\u259f\u27a4\u00b7]+ *")
_SPACE_RUN = re.compile(r" {2,}")
_BEFORE_CLOSING = re.compile(r"(?<=\S) (?=[,.…)\]](?:[\s,.;:!?»”\"’')\]]|$))")
_AFTER_OPENING = re.compile(r"(?<=[(\[]) (?=\S)")
_FR_ELISION = re.compile(
    r"(?<![^\W\d_])(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]( )(?=[^\W\d_])", re.I
)
_FR_ORDINAL = re.compile(r"(?<![\d\w])\d{1,2}( )(?:er|re|ère|ème|e)(?![\w])")
_EN_BEFORE = re.compile(r"(?<=\w) (?=[;:!?](?:\s|$))|(?<=\w) (?=['’]s\b|n['’]t\b)")
# A decimal comma or point between digits keeps its spaces as written ("3 ,5").
_DECIMAL = re.compile(r"\d$")


@dataclass(frozen=True)
class Repaired:
    text: str
    offsets: OffsetMap


def repair_span(
    raw: str,
    start: int,
    end: int,
    lang: str | None,
    evidence: DocumentEvidence,
    cuts: tuple[tuple[int, int], ...] = (),
) -> Repaired:
    """Repaired text of ``raw[start:end]`` (less ``cuts``) and its offset map."""
    tracked = Tracked.from_raw(raw, start, end, cuts)
    fix_encoding(tracked)
    tracked.apply((m.start(), m.end(), "") for m in _INVISIBLE.finditer(tracked.text))
    for pos, char in enumerate(tracked.chars):
        if char.isspace() and char != " ":
            tracked.substitute(pos, " ")
    collapse_spaces(tracked)
    tracked.apply((m.start(), m.end(), "") for m in _BULLETS.finditer(tracked.text))
    # glue first: "del' Union" -> "de l' Union" -> "de l'Union"
    tracked.apply((pos, pos, " ") for pos in find_glue(tracked.text, lang, evidence))
    remove_tokeniser_traces(tracked, lang)
    return Repaired(tracked.text, tracked.offset_map())


def fix_encoding(tracked: Tracked) -> None:
    """Mojibake and broken Unicode, as edits aligned on the old text."""
    old = tracked.text
    new = ftfy.fix_text(old, _FTFY)
    if new == old:
        return
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    edits: list[Edit] = [
        (i1, i2, new[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    ]
    tracked.apply(edits, one_for_one_exact=False)


def collapse_spaces(tracked: Tracked) -> None:
    text = tracked.text
    edits: list[Edit] = [(m.start() + 1, m.end(), "") for m in _SPACE_RUN.finditer(text)]
    stripped = text.strip(" ")
    if stripped:
        lead = len(text) - len(text.lstrip(" "))
        trail = len(text) - len(text.rstrip(" "))
        edits = [e for e in edits if e[0] >= lead and e[1] <= len(text) - trail]
        if lead:
            edits.append((0, lead, ""))
        if trail:
            edits.append((len(text) - trail, len(text), ""))
    elif text:
        edits = [(0, len(text), "")]
    tracked.apply(edits)


def remove_tokeniser_traces(tracked: Tracked, lang: str | None) -> None:
    text = tracked.text
    spaces: set[int] = set()
    for match in _BEFORE_CLOSING.finditer(text):
        after = text[match.end() + 1 : match.end() + 2]
        if not (_DECIMAL.search(text[: match.start()]) and after.isdigit()):
            spaces.add(match.start())
    spaces.update(m.start() for m in _AFTER_OPENING.finditer(text))
    if lang == "fr":
        spaces.update(m.start(1) for m in _FR_ELISION.finditer(text))
        spaces.update(m.start(1) for m in _FR_ORDINAL.finditer(text))
    elif lang == "en":
        spaces.update(m.start() for m in _EN_BEFORE.finditer(text))
    tracked.apply((pos, pos + 1, "") for pos in spaces)


def glue_splits(raw: str, part: Part) -> list[tuple[str, str]]:
    """Words that glue repair split in a part: (raw form, repaired form), one per word."""
    inserted = {
        t_start
        for t_start, t_len, _, r_len in part.offsets.gaps
        if r_len == 0 and t_len == 1 and part.text[t_start] == " "
    }
    found: dict[int, tuple[str, str]] = {}
    for pos in sorted(inserted):
        left = pos
        while left > 0 and (part.text[left - 1] != " " or left - 1 in inserted):
            left -= 1
        right = pos + 1
        while right < len(part.text) and (part.text[right] != " " or right in inserted):
            right += 1
        raw_start, raw_end = part.offsets.span_to_raw(left, right)
        found[left] = (raw[raw_start:raw_end], part.text[left:right])
    return list(found.values())
