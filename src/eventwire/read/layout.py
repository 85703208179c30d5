"""Page furniture that extractors drop silently: related-article blocks, captions.

trafilatura keeps the article body and throws away ``<figure>`` and the
"Lire aussi" boxes. The clean stage needs both, so before extraction this
module takes them out of the lxml tree itself:

- related blocks are removed and returned as teasers (caption, title,
  summary, url), to be written after the body under a marker line;
- captions (``<figcaption>`` and caption-classed elements, with their photo
  credit) replace their figure by a plain ``<p>``, so the extractor keeps them
  in place as a paragraph of their own.

The rules are rules of page markup, not of any one site: class or id names
that mean "related", ``<aside>``, link lists in the article container, and
inline "Lire aussi : <a>...</a>" paragraphs.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

_RELATED_ATTR = re.compile(
    r"related|relates|lire[-_]?aussi|read[-_]?more|more[-_]news|voir[-_]?plus|"
    r"see[-_]also|also[-_]read|(?<![a-z])a[-_]lire|more[-_]stories|recommended",
    re.I,
)
# A paragraph that opens with one of these and holds a link is a teaser,
# whatever its markup ("<p><strong>Lire aussi :</strong> <a>...</a></p>").
_MARKER_TEXT = re.compile(
    r"^\s*(?:(?:à\s+)?(?:lire|voir)\s+(?:aussi|également|plus)|sur\s+le\s+même\s+sujet|"
    r"(?:read|see)\s+(?:more|also)|related(?:\s+(?:articles?|stories|news))?)\b\s*:?",
    re.I,
)
_CAPTION_ATTR = re.compile(r"caption|l[eé]gende", re.I)
_CREDIT_ATTR = re.compile(r"credit|copyright|photographer|byline|source|auteur|author", re.I)
_HEADING_ATTR = re.compile(r"title|heading|header|titre", re.I)
_SUMMARY_ATTR = re.compile(r"summary|excerpt|desc|chapo|teaser|standfirst|lead", re.I)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)
_MAX_HEADING_CHARS = 80
_MIN_TEASER_WORDS = 3  # a nav link ("Accueil") is not a teaser title


@dataclass
class Teaser:
    title: str
    caption: str | None = None
    summary: str | None = None
    url: str | None = None


@dataclass
class Related:
    """All related blocks of a page, in page order, merged under one heading."""

    heading: str | None = None
    teasers: list[Teaser] = field(default_factory=list)


@dataclass
class Caption:
    text: str
    anchor: str | None  # text of the paragraph before it, to re-insert if lost


def text_of(el: HtmlElement) -> str:
    """Text of an element, with a space at block and ``<br>`` boundaries."""
    pieces: list[str] = []

    def walk(node: HtmlElement) -> None:
        block = isinstance(node.tag, str) and node.tag in _BLOCK_TAGS
        if block:
            pieces.append(" ")
        if node.text and isinstance(node.tag, str):
            pieces.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if block:
            pieces.append(" ")

    walk(el)
    return " ".join("".join(pieces).split())


def _attrs(el: HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


# -- related blocks --------------------------------------------------------------


def take_related(tree: HtmlElement) -> Related:
    """Find related blocks, remove them from ``tree``, return their teasers."""
    related = Related()
    seen: set[str] = set()
    blocks = _related_blocks(tree)
    for block in blocks:
        heading, teasers = _read_block(block)
        fresh = []
        for teaser in teasers:
            keys = _keys(teaser)
            if not keys & seen:  # the same link or title, seen in another block
                fresh.append(teaser)
                seen |= keys
        if teasers:  # the first heading a block of teasers has names them all
            related.heading = related.heading or heading
        related.teasers.extend(fresh)
    for block in blocks:
        _remove(block)
    return related


def _keys(teaser: Teaser) -> set[str]:
    keys = {" ".join(teaser.title.casefold().split())}
    return keys | {teaser.url} if teaser.url else keys


def _related_blocks(tree: HtmlElement) -> list[HtmlElement]:
    body = tree.find(".//body")
    root = body if body is not None else tree
    container = article_container(root)
    main_text = _long_paragraph_chars(container)
    found: list[HtmlElement] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("body", "html"):
            continue
        if _is_related(el, container) and not _holds_article(el, main_text):
            found.append(el)
    # Keep outermost blocks only: a related box holds its own items.
    kept = [el for el in found if not any(a in found for a in el.iterancestors())]
    return kept


def _is_related(el: HtmlElement, container: HtmlElement) -> bool:
    if _RELATED_ATTR.search(_attrs(el)):
        return _has_teaser_link(el, min_words=1)
    if el.tag == "aside":
        return _has_teaser_link(el)
    inside = el is container or container in el.iterancestors()
    if el.tag in ("ul", "ol") and inside:
        return _is_link_list(el)
    if el.tag in ("p", "div") and inside and len(el) <= 4:
        raw = el.text_content()  # C-fast; a marker paragraph is short
        if len(raw) > 600 or not _MARKER_TEXT.match(" ".join(raw.split())):
            return False
        return _has_teaser_link(el)
    return False


def _has_teaser_link(el: HtmlElement, min_words: int = _MIN_TEASER_WORDS) -> bool:
    return any(len(text_of(a).split()) >= min_words for a in el.iter("a"))


def _is_link_list(el: HtmlElement) -> bool:
    """Two or more items, each mostly the text of a link: a list of teasers."""
    items = [li for li in el if isinstance(li.tag, str) and li.tag == "li"]
    if len(items) < 2:
        return False
    for li in items:
        text = text_of(li)
        linked = sum(len(text_of(a)) for a in li.iter("a"))
        if not text or linked < 0.8 * len(text):
            return False
    return _has_teaser_link(el)


def article_container(root: HtmlElement) -> HtmlElement:
    """The element holding the article: articleBody, the richest <article>, <main>."""
    for xpath in ('.//*[@itemprop="articleBody"]', ".//article", ".//main", './/*[@role="main"]'):
        candidates = root.xpath(xpath)
        if candidates:
            return max(candidates, key=_long_paragraph_chars)
    return root


def _long_paragraph_chars(el: HtmlElement) -> int:
    """Characters in paragraphs long enough to be article prose."""
    total = 0
    for p in el.iter("p"):
        n = len(text_of(p))
        if n >= 120:
            total += n
    return total


def _holds_article(el: HtmlElement, main_text: int) -> bool:
    """A "related" class on a wrapper of the whole article must not swallow it."""
    if el.find(".//h1") is not None:
        return True
    return main_text > 0 and _long_paragraph_chars(el) > 0.5 * main_text


def _read_block(block: HtmlElement) -> tuple[str | None, list[Teaser]]:
    units = _items(block)
    heading_el = _block_heading(block, units)
    heading = text_of(heading_el) if heading_el is not None else None
    if block.tag in ("p", "div"):
        # "<p>Lire aussi : <a>...</a></p>": the marker is the paragraph's opening.
        match = _MARKER_TEXT.match(heading or text_of(block))
        heading = match.group(0) if match else heading
    if heading:
        heading = heading.strip().rstrip(":").strip() or None  # a label's colon
    teasers = [t for t in (_read_item(item) for item in units) if t]
    return heading, teasers


def _block_heading(block: HtmlElement, units: list[HtmlElement]) -> HtmlElement | None:
    """The block's own heading: before its first link and item, short, no link."""
    for el in block.iter():
        if not isinstance(el.tag, str) or el is block:
            continue
        if el.tag in ("a", "figure", "figcaption", "img") or _within(el, units):
            break
        text = text_of(el)
        if not text or len(text) > _MAX_HEADING_CHARS or el.find(".//a") is not None:
            continue
        if el.tag in _HEADINGS or _HEADING_ATTR.search(_attrs(el)):
            return el
        if el.tag in ("strong", "b", "span", "p", "header", "div", "em") and not _has_blocks(el):
            return el
    return None


def _within(el: HtmlElement, units: list[HtmlElement]) -> bool:
    # Identity, not id(): lxml proxies are recreated, but the same while alive.
    return any(el is u or any(a is u for a in el.iterancestors()) for u in units)


def _has_blocks(el: HtmlElement) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS and c.tag != "br" for c in el)


def _items(block: HtmlElement) -> list[HtmlElement]:
    """The teaser units of a block: list items or articles holding a link, else
    repeated children holding a link (``<div class="card">`` ...), else links."""
    units = [
        el for el in block.iter("li", "article") if el is not block and el.find(".//a") is not None
    ]
    units = [el for el in units if not any(a in units for a in el.iterancestors())]
    if units:
        return units
    node = block
    while True:
        kids = [c for c in node if isinstance(c.tag, str) and (c.tag == "a" or _has_link(c))]
        if len(kids) >= 2:
            return kids
        if len(kids) == 1 and kids[0].tag != "a":
            node = kids[0]  # a wrapper around the items: look inside
            continue
        return [a for a in block.iter("a") if text_of(a)]


def _has_link(el: HtmlElement) -> bool:
    return el.find(".//a") is not None


def _read_item(item: HtmlElement) -> Teaser | None:
    caption = None
    figcaption = item.find(".//figcaption")
    if figcaption is not None:
        caption = caption_text(figcaption) or None
    title = _item_title(item)
    if not title:
        return None
    summaries = [
        text_of(el)
        for el in item.iter()
        if isinstance(el.tag, str)
        and (el.tag == "p" or (_SUMMARY_ATTR.search(_attrs(el)) and not _has_blocks(el)))
        and el.find(".//a") is None
        and not _inside(el, "figcaption")
    ]
    summary = " ".join(s for s in summaries if s and s != title and s != caption) or None
    link = item if item.tag == "a" else item.find(".//a[@href]")
    url = link.get("href") if link is not None else None
    return Teaser(title=title, caption=caption, summary=summary, url=url)


def _item_title(item: HtmlElement) -> str | None:
    for el in item.iter(*_HEADINGS):
        text = text_of(el)
        if text:
            return text
    links = [text_of(a) for a in ([item] if item.tag == "a" else item.iter("a"))]
    links = [t for t in links if t]
    return max(links, key=len) if links else None


def _inside(el: HtmlElement, tag: str) -> bool:
    return any(a.tag == tag for a in el.iterancestors())


def _remove(el: HtmlElement) -> None:
    parent = el.getparent()
    if parent is not None:
        el.drop_tree()  # keeps the tail text, which belongs to the parent


# -- captions ------------------------------------------------------------------


def caption_text(el: HtmlElement, extra_credit: str | None = None) -> str:
    """A caption with its credit at the end, separated by a space."""
    credits = [
        c
        for c in el.iter()
        if isinstance(c.tag, str)
        and c is not el
        and (c.tag == "cite" or _CREDIT_ATTR.search(_attrs(c)))
    ]
    credits = [c for c in credits if not any(a in credits for a in c.iterancestors())]
    credit_texts = [text_of(c) for c in credits]
    words = [text_of(_copy_without(el, credits)), *credit_texts]
    if extra_credit and extra_credit not in words:
        words.append(extra_credit)
    return " ".join(w for w in words if w)


def _copy_without(el: HtmlElement, drop: list[HtmlElement]) -> HtmlElement:
    """A copy of ``el`` without ``drop``: the page itself stays intact."""
    if not drop:
        return el
    clone = copy.deepcopy(el)
    for orig, twin in zip(list(el.iter()), list(clone.iter()), strict=True):
        if any(orig is d for d in drop):
            twin.drop_tree()
    return clone


def replace_captions(tree: HtmlElement) -> list[Caption]:
    """Put each caption in its figure's place as a ``<p>``; return them in order."""
    captions: list[Caption] = []
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el is tree or not _attached(el, tree):
            continue  # a comment, or inside a wrapper replaced earlier
        if el.find(".//blockquote") is not None or el.find(".//table") is not None:
            continue  # a quote or table set as a figure is content: the extractor's
        if el.tag == "figure" or (el.tag == "figcaption" and not _inside(el, "figure")):
            found = _figure_caption(el)
        elif _CAPTION_ATTR.search(_attrs(el)) and not _inside(el, "figure"):
            found = caption_text(el) if len(text_of(el)) < 600 else None
        else:
            continue
        if not found:
            continue  # an image without words: nothing to keep
        target = _outermost_wrapper(el)
        captions.append(Caption(found, _anchor(target)))
        para = etree.Element("p")
        para.text = found
        para.tail = target.tail
        parent = target.getparent()
        if parent is not None:
            parent.replace(target, para)
    return captions


def _figure_caption(figure: HtmlElement) -> str | None:
    figcaption = figure if figure.tag == "figcaption" else figure.find(".//figcaption")
    if figcaption is None:
        figcaption = next(
            (c for c in figure.iter() if c is not figure and _CAPTION_ATTR.search(_attrs(c))),
            None,
        )
    if figcaption is None:
        return None
    outside = [
        text_of(c)
        for c in figure.iter()
        if isinstance(c.tag, str)
        and _CREDIT_ATTR.search(_attrs(c))
        and c is not figcaption
        and figcaption not in c.iterancestors()
        and c not in figcaption.iterancestors()
    ]
    return caption_text(figcaption, " ".join(outside) or None) or None


def _outermost_wrapper(el: HtmlElement) -> HtmlElement:
    """Climb to the figure / caption wrapper, which extractors would discard."""
    target = el
    for parent in el.iterancestors():
        if parent.tag in ("body", "article", "main") or parent.getparent() is None:
            break
        if parent.tag == "figure":
            target = parent
        elif (
            _CAPTION_ATTR.search(_attrs(parent))
            and len(text_of(parent)) <= len(text_of(target)) + 40
        ):
            target = parent
        else:
            break
    return target


def _attached(el: HtmlElement, root: HtmlElement) -> bool:
    return any(a is root for a in el.iterancestors())


def _anchor(el: HtmlElement) -> str | None:
    previous = el.xpath("preceding::p[1]")
    return text_of(previous[0]) if previous else None


# -- fragments -----------------------------------------------------------------

_LEAF_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre dt dd td th".split())
_SKIP = frozenset("script style noscript template nav".split())


def fragment_paragraphs(root: HtmlElement) -> list[str]:
    """Paragraphs of an article fragment (no page around it): its leaf blocks.

    Text outside any block (``<div>text<br>text</div>``) is kept as well, so
    a fragment written without ``<p>`` still gives its text.
    """
    out: list[str] = []
    loose: list[str] = []

    def flush() -> None:
        text = " ".join(" ".join(loose).split())
        if text:
            out.append(text)
        loose.clear()

    def walk(el: HtmlElement) -> None:
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            return
        leaf = el.tag in _LEAF_BLOCKS and not any(
            isinstance(d.tag, str) and d.tag in _LEAF_BLOCKS for d in el.iterdescendants()
        )
        if leaf:
            flush()
            out.append(text_of(el))
        elif el.tag in _BLOCK_TAGS or el.tag in ("body", "html"):
            flush()
            if el.text:
                loose.append(el.text)
            for child in el:
                walk(child)
                if child.tail:
                    loose.append(child.tail)
            flush()
        else:
            loose.append(text_of(el))

    walk(root)
    flush()
    return [p for p in out if p]
