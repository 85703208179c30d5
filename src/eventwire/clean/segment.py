"""Layout of a news page's text: which raw lines are title, lead, dateline,
body, captions, sign-off and teasers.

The layout is the one scrapers and the read stage write (one paragraph a
line, blank lines optional):

    title
    lead paragraph(s)                     (a standfirst, before the dateline;
                                           without one, the first paragraph)
    caption ... Photo: VNA                (anywhere; "ảnh 1" artefacts removed)
    Hanoi, 7 mars (VNA) – first body paragraph
    body paragraphs ... - VNA             (sign-off at the end of the body)
    Voir plus                             (related block marker)
    [caption] title [summary]             (one teaser unit each, any number)

Everything here works on raw offsets; repairing the text is ``repair``'s job.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cache

from eventwire.clean.dateline import match_dateline
from eventwire.clean.resources import markers
from eventwire.document import Dateline

MIN_LEAD_WORDS = 8  # a first paragraph shorter than this is a list item or a byline
MAX_LEAD_PARAGRAPHS = 3  # a dateline further down is not the article's
MAX_TEASER_TITLE_WORDS = 30
TITLE_ECHO_RATIO = 0.85  # an image alt text this close to the title repeats it
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Line:
    start: int  # raw offsets of the stripped line
    end: int
    text: str


@dataclass
class Segment:
    """A raw span that becomes one part; ``cuts`` are raw ranges left out."""

    kind: str
    start: int
    end: int
    teaser: int | None = None
    cuts: tuple[tuple[int, int], ...] = ()


@dataclass
class Layout:
    segments: list[Segment] = field(default_factory=list)
    dateline: Dateline | None = None


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = markers()
    related = sorted(data["related_markers"], key=len, reverse=True)
    credits = sorted(data["photo_credit_words"], key=len, reverse=True)
    artefacts = sorted(data["image_artefacts"], key=len, reverse=True)
    alt = lambda words: "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)  # noqa: E731
    return {
        # a line that is only a marker ("Voir plus", "Related articles:")
        "marker": re.compile(rf"(?:{alt(related)})\s*[:.…]*", re.I),
        # "Lire aussi : <title>" inside the body: one teaser of its own
        "inline": re.compile(rf"(?:{alt(related)})\s*:\s*(?=\S)", re.I),
        # "... Photo: VNA", "(Photo : Ambassade de Russie)", "Photo : Ảnh: /mairie13.paris.fr"
        "credit": re.compile(
            rf"(?:(?:^|[\s.(\-–—|])(?:{alt(credits)})\s*:|©)\s*\S[^\n]{{0,79}}$", re.I
        ),
        "artefact": re.compile(rf"(?<!\w)(?:{alt(artefacts)})\s*\d{{1,2}}(?!\d)\s*", re.I),
        # "... la Russie. - VNA", "(Nord). -VNA", "... VNA/CVN", "(AFP)"
        "signoff": re.compile(
            r"(?:(?<=[.!?»”\")])|^)\s*(?:[-–—]\s*[A-Z][A-Za-z]{1,9}(?:/[A-Z]{2,8})*"
            r"|[A-Z]{2,8}/[A-Z]{2,8}|\([A-Z]{2,8}(?:/[A-Z]{2,8})*\))\s*$"
        ),
    }


def lines_of(raw: str) -> list[Line]:
    """Non-blank lines with the raw offsets of their stripped text."""
    lines = []
    for match in re.finditer(r"[^\n]+", raw):
        text = match.group(0)
        stripped = text.strip()
        if stripped:
            start = match.start() + (len(text) - len(text.lstrip()))
            lines.append(Line(start, start + len(stripped), stripped))
    return lines


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def is_marker(text: str) -> bool:
    """Whether a line is a related-articles marker ("Voir plus", "Lire aussi")."""
    return _patterns()["marker"].fullmatch(text.strip()) is not None


def is_caption(text: str) -> bool:
    pats = _patterns()
    return bool(pats["credit"].search(text) or pats["artefact"].search(text))


def _caption(line: Line, kind: str, title: str, teaser: int | None = None) -> Segment:
    """A caption, less its "ảnh 1" artefact and the title an alt text repeats before it."""
    match = _patterns()["artefact"].search(line.text)
    if match is None:
        return Segment(kind, line.start, line.end, teaser)
    prefix = line.text[: match.start()].strip()
    echoes_title = not prefix or (
        difflib.SequenceMatcher(None, _norm(prefix), _norm(title)).ratio() >= TITLE_ECHO_RATIO
    )
    cut_start = line.start if echoes_title else line.start + match.start()
    return Segment(kind, line.start, line.end, teaser, ((cut_start, line.start + match.end()),))


def segment(raw: str) -> Layout:
    """Segments of a document's raw text, in reading order."""
    lines = lines_of(raw)
    layout = Layout()
    if not lines:
        return layout
    title = lines[0]
    opening = match_dateline(title.text)
    headline = ""
    if opening is not None and opening.whole_line and opening.dateline.place:
        # "Paris, 4 avril 2025 – ": wire copy with no headline opens with its dateline
        layout.dateline = opening.dateline
        layout.segments.append(Segment("dateline", title.start, title.end))
    else:
        headline = title.text
        layout.segments.append(Segment("title", title.start, title.end))
    rest = lines[1:]
    marker = next((i for i, line in enumerate(rest) if is_marker(line.text)), len(rest))
    teasers = _Teasers(headline)
    body = _body(raw, rest[:marker], headline, layout, teasers, dated=layout.dateline is not None)
    layout.segments.extend(body)
    teasers.read_block(rest[marker + 1 :])
    layout.segments.extend(teasers.segments)
    layout.segments.sort(key=lambda seg: seg.start)  # reading order ("Lire aussi" inline)
    return layout


def _body(
    raw: str, lines: list[Line], title: str, layout: Layout, teasers: _Teasers, dated: bool = False
) -> list[Segment]:
    """Lead, dateline, body, captions and sign-off of the lines before the marker (``dated``:
    the dateline was found already)."""
    segments: list[Segment] = []
    paragraphs = 0
    for line in lines:
        if title and _norm(line.text) == _norm(title):
            continue  # an image alt text or a repeated heading
        if is_caption(line.text):
            segments.append(_caption(line, "caption", title))
            continue
        inline = _patterns()["inline"].match(line.text)
        if inline:
            teasers.add_inline(line, inline.end())
            continue
        paragraphs += 1
        if not dated and paragraphs <= MAX_LEAD_PARAGRAPHS + 1:
            found = match_dateline(line.text)
            if found is not None:
                dated = True
                layout.dateline = found.dateline
                _promote_leads(segments)
                end = line.start + len(line.text[: found.length].rstrip())
                segments.append(Segment("dateline", line.start, end))
                rest = line.start + found.length
                if rest < line.end:
                    segments.append(Segment("body", rest, line.end))
                continue
        segments.append(Segment("body", line.start, line.end))
    if not any(seg.kind == "lead" for seg in segments):
        # no standfirst: the first paragraph that reads as prose leads (not a list item)
        body = [seg for seg in segments if seg.kind == "body"]
        prose = [seg for seg in body if len(_WORD.findall(raw[seg.start : seg.end])) >= MIN_LEAD_WORDS]
        if body:
            (prose or body)[0].kind = "lead"
    _split_signoff(segments, raw)
    return segments


def _promote_leads(segments: list[Segment]) -> None:
    """Paragraphs before the dateline paragraph are the standfirst (lead)."""
    for seg in segments:
        if seg.kind == "body":
            seg.kind = "lead"


def _split_signoff(segments: list[Segment], raw: str) -> None:
    """Move an agency sign-off ("- VNA", "VNA/CVN") off the last paragraph."""
    last = next((s for s in reversed(segments) if s.kind in ("body", "lead")), None)
    if last is None:
        return
    text = raw[last.start : last.end]
    match = _patterns()["signoff"].search(text)
    if match is None:
        return
    sign_start = last.start + match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
    index = segments.index(last)
    if sign_start <= last.start:
        last.kind = "signoff"
        return
    body_end = last.start + len(text[: match.start()].rstrip())
    segments[index] = Segment(last.kind, last.start, body_end)
    segments.insert(index + 1, Segment("signoff", sign_start, last.end))


class _Teasers:
    """Teaser units of the related block: caption, title, summary, any of them optional."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.segments: list[Segment] = []
        self.count = 0
        self._current: dict[str, str] = {}  # kind -> line text, for the unit being read

    def _start_unit(self) -> None:
        self._current = {}
        self.count += 1

    def add_inline(self, line: Line, title_at: int) -> None:
        self._start_unit()
        self.segments.append(Segment("teaser_title", line.start + title_at, line.end, self.count - 1))
        self._current = {}

    def _add(self, seg: Segment, text: str) -> None:
        self._current[seg.kind] = text
        self.segments.append(seg)

    def read_block(self, lines: list[Line]) -> None:
        self._current = {}
        for line in lines:
            if is_marker(line.text):
                continue
            kind = _teaser_kind(line.text)
            current = self._current
            if kind == "teaser_title" and _norm(current.get(kind, "")) == _norm(line.text):
                if "teaser_summary" not in current:
                    continue  # an image alt text repeats the teaser's title
            new_unit = (
                not current
                or kind in current
                or kind == "teaser_caption"
                or (kind == "teaser_title" and "teaser_summary" in current)
            )
            if new_unit:
                self._start_unit()
            if kind == "teaser_caption":
                self._add(_caption(line, kind, self.title, self.count - 1), line.text)
            else:
                self._add(Segment(kind, line.start, line.end, self.count - 1), line.text)


def _teaser_kind(text: str) -> str:
    if is_caption(text):
        return "teaser_caption"
    words = len(text.split())
    sentence_end = text.rstrip().endswith((".", "…", ":", ";"))
    several_sentences = re.search(r"[.!?…]\s+[A-ZÀ-Ý«\"“]", text) is not None
    if words <= MAX_TEASER_TITLE_WORDS and not sentence_end and not several_sentences:
        return "teaser_title"
    return "teaser_summary"
