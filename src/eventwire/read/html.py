"""``.html`` / ``.htm``: main content and metadata with trafilatura.

Raw text layout (agreed with the clean stage: the layout of the ``.txt`` seeds)::

    Title of the article

    First paragraph (the lead).

    Caption of the photo. Photo: Agency        <- a figure, in place, credit last

    Further paragraphs, one per blank-line-separated block.

    Voir plus                                  <- marker line: "Voir plus" (fr) or
                                                  "See more" (other languages), whatever
    Caption of the teaser's photo. Photo: X       heading the page gave the block

    Title of the first teaser

    Summary of the first teaser

    Title of the second teaser

Each teaser gives its caption (if any), title, then summary (if any), each a
paragraph. All related blocks of a page are merged, in page order, after one
marker line; duplicates (same link) are dropped. The marker is always one the
clean stage knows, because a page's own heading ("Sur le même sujet",
"Articles liés", ...) may be any phrase.

Metadata: trafilatura's title, date (published, YYYY-MM-DD), canonical URL;
the language comes from ``<html lang>`` (or ``og:locale``), trafilatura's
own guess otherwise. A page with no article text is Skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree
from lxml.html import HtmlElement, document_fromstring

from eventwire.document import Document, Metadata
from eventwire.errors import ReadError
from eventwire.read.decode import declared_html_charset, decode_bytes, read_file_bytes
from eventwire.read.layout import (
    Caption,
    Related,
    fragment_paragraphs,
    replace_captions,
    take_related,
)
from eventwire.read.meta import Sidecars, normalise_date, normalise_lang, overlay, same_text

NO_ARTICLE = "no article text found"
# An article has at least one sentence; menus, link lists, "404" pages have
# labels of a word or three, which extractors still return as "text".
_MIN_SENTENCE_WORDS = 6
MARKERS = {"fr": "Voir plus", "en": "See more"}
_FULL_PAGE = re.compile(r"<(?:html|body|head)\b", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_FRENCH_WORDS = frozenset("le la les des du un une et est dans pour que qui sur au aux".split())
_ENGLISH_WORDS = frozenset("the of and to in is for that on with by was from at".split())


def read_html(path: Path, sidecars: Sidecars) -> Iterator[Document]:
    source = str(path)
    data = read_file_bytes(path)
    text = decode_bytes(data, source, declared_html_charset(data))
    doc = html_to_document(text, source=source, name=path.name)
    doc.meta = overlay(doc.meta, sidecars.lookup(path))
    yield doc


def html_to_document(
    html: str,
    *,
    source: str,
    name: str,
    url: str | None = None,
    fallback_published: str | None = None,
    title: str | None = None,
    fmt: str = "html",
) -> Document:
    """One article from an HTML page (or fragment); ReadError if there is none.

    ``title``, when the caller knows it (a JSONL field), replaces the page's.
    """
    tree = _parse(html, source)
    page_lang = _declared_lang(tree)
    related = take_related(tree)
    captions = replace_captions(tree)
    if _FULL_PAGE.search(html):
        extracted = _extract(tree, url, source)
        paragraphs = _paragraphs(extracted.get("body"))
    else:  # a fragment (a JSONL "text" field) is all article: nothing to strip
        extracted = {}
        paragraphs = fragment_paragraphs(tree)
    page_title = _clean(extracted.get("title"))
    title = _clean(title) or page_title
    while paragraphs and (same_text(paragraphs[0], title) or same_text(paragraphs[0], page_title)):
        paragraphs.pop(0)  # the <h1> the extractor kept: the title line says it
    if not any(
        len(line.split()) >= _MIN_SENTENCE_WORDS for p in paragraphs for line in p.split("\n")
    ):
        raise ReadError(source, NO_ARTICLE)
    paragraphs = _restore_captions(paragraphs, captions)
    lang = page_lang or normalise_lang(extracted.get("language")) or _guess_lang(paragraphs)
    blocks = ([title] if title else []) + paragraphs + _related_blocks(related, lang)
    meta = Metadata(
        title=title or paragraphs[0],
        url=url or _clean(extracted.get("url")),
        published=normalise_date(extracted.get("date")) or fallback_published,
        lang=page_lang or normalise_lang(extracted.get("language")),
    )
    return Document(source=source, name=name, raw="\n\n".join(blocks), meta=meta, format=fmt)


def _parse(html: str, source: str) -> HtmlElement:
    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str with one
    if not html.strip():
        raise ReadError(source, NO_ARTICLE)
    try:
        return document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(source, f"{NO_ARTICLE} (unparsable HTML: {exc})") from exc


def _declared_lang(tree: HtmlElement) -> str | None:
    values = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    values += tree.xpath('//meta[@http-equiv="content-language" or @name="language"]/@content')
    values += tree.xpath('//meta[@property="og:locale"]/@content')
    for value in values:
        lang = normalise_lang(value)
        if lang:
            return lang
    return None


def _extract(tree: HtmlElement, url: str | None, source: str) -> dict[str, Any]:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # Only dates the page states as such: a date in the prose is an event's.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted errors on odd pages
        raise ReadError(source, f"{NO_ARTICLE} (extraction failed: {exc})") from exc
    if result is None:
        raise ReadError(source, NO_ARTICLE)
    return {key: getattr(result, key, None) for key in ("body", "title", "url", "date", "language")}


def _paragraphs(body: Any) -> list[str]:
    """Paragraph texts of trafilatura's XML body: p, head, quote, list items, rows."""
    if body is None:
        return []
    out: list[str] = []
    for el in body:
        if el.tag == "list":
            out.extend(_text(item) for item in el.findall("item"))
        elif el.tag == "table":
            for row in el.iter("row"):
                out.append(" | ".join(_text(c) for c in row.iter("cell")))
        elif el.tag != "graphic":
            out.append(_text(el))
    return [p for p in out if p]


def _text(el: Any) -> str:
    """Text of an extracted element; ``<lb/>`` stays a line break."""
    pieces: list[str] = []
    for node in el.iter():
        if node.tag == "lb":
            pieces.append("\n")
        elif node.text:
            pieces.append(node.text)
        if node is not el and node.tail:
            pieces.append(node.tail)
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _restore_captions(paragraphs: list[str], captions: list[Caption]) -> list[str]:
    """Put back captions the extractor dropped, after the paragraph they followed."""
    for caption in captions:
        if any(caption.text in p for p in paragraphs):
            continue
        at = next((i + 1 for i, p in enumerate(paragraphs) if same_text(p, caption.anchor)), None)
        if at is not None:
            paragraphs.insert(at, caption.text)
    return paragraphs


def _related_blocks(related: Related, lang: str | None) -> list[str]:
    if not related.teasers:
        return []
    blocks = [MARKERS.get(lang or "", MARKERS["en"])]
    for teaser in related.teasers:
        blocks += [b for b in (teaser.caption, teaser.title, teaser.summary) if b]
    return blocks


def _guess_lang(paragraphs: list[str]) -> str | None:
    """French or English by function words: only to pick the default marker."""
    words = " ".join(paragraphs[:5]).lower().split()
    fr = sum(w in _FRENCH_WORDS for w in words)
    en = sum(w in _ENGLISH_WORDS for w in words)
    if fr == en:
        return None
    return "fr" if fr > en else "en"
