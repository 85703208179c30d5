"""Read stage: each reader on fixtures built here, bad input, ids, sidecars.

Every article text below was written for these tests (no news text from the
web); the real corpus is only read through the ``dev_dir`` fixture.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.document import Document, Skipped, document_id
from eventwire.read import decode, read_paths
from eventwire.read.meta import normalise_date

# -- fixtures written for these tests ------------------------------------------

LEAD = (
    "Le conseil municipal de Villeneuve a adopté mardi soir un budget en hausse de "
    "trois pour cent, après un long débat entre la majorité et l'opposition."
)
BODY_2 = (
    "La maire a défendu un texte qui, selon elle, protège les services publics sans "
    "augmenter les impôts locaux. L'opposition a dénoncé un budget irréaliste."
)
BODY_3 = (
    "Le budget prévoit la rénovation de deux écoles et l'extension du réseau de pistes "
    "cyclables, deux projets attendus depuis plusieurs années par les habitants."
)
BODY_4 = (
    "Le vote définitif aura lieu le mois prochain, après l'avis de la préfecture sur la "
    "sincérité des comptes présentés par la municipalité."
)
CAPTION = "Les élus réunis dans la salle du conseil mardi soir."
CREDIT = "Photo : Agence Test"
RELATED_1 = "Les impôts locaux resteront stables l'an prochain"
RELATED_2 = "L'opposition réclame un audit des finances de la ville"

ARTICLE_HTML = f"""<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="utf-8">
<title>Le conseil vote le budget - Journal Test</title>
<meta property="og:title" content="Le conseil vote le budget">
<meta property="article:published_time" content="2024-03-07T09:30:00+01:00">
<link rel="canonical" href="https://example.org/politique/budget">
</head><body>
<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li></ul></nav></header>
<main><article class="article-main">
<h1>Le conseil vote le budget</h1>
<p class="lead">{LEAD}</p>
<figure class="photo"><img src="/img/conseil.jpg" alt="salle">
<figcaption>{CAPTION}<span class="credit">{CREDIT}</span></figcaption></figure>
<p>{BODY_2}</p>
<div class="related-articles"><h3>Lire aussi</h3><ul>
<li><a href="/a1">{RELATED_1}</a></li>
<li><a href="/a2">{RELATED_2}</a></li>
</ul></div>
<p>{BODY_3}</p>
<p>{BODY_4}</p>
</article></main>
<footer><p>Journal Test 2024</p></footer>
</body></html>
"""

EN_BODY = [
    "The city council approved on Tuesday a budget that raises spending on schools and "
    "public transport, after a debate that lasted well into the night.",
    "The mayor said the plan protected public services without raising local taxes, "
    "while the opposition called the figures unrealistic and voted against it.",
    "A final vote is expected next month, once the regional auditor has reviewed the "
    "accounts presented by the city administration.",
]
EN_TEASER = ("Bridge repairs to start in spring", "Workers will close one lane for six weeks.")
EN_HTML = f"""<html lang="en"><head><title>Council passes budget</title></head><body>
<article><h1>Council passes budget</h1>
<p>{EN_BODY[0]}</p><p>{EN_BODY[1]}</p>
<aside><article class="card"><figure><img src="b.jpg"><figcaption>The old bridge.
<cite>Photo: Test Agency</cite></figcaption></figure>
<h3><a href="/bridge">{EN_TEASER[0]}</a></h3><p>{EN_TEASER[1]}</p></article></aside>
<p>{EN_BODY[2]}</p>
<p>Read more: <a href="/tax">Local tax rates will not change next year</a></p>
</article></body></html>
"""

NO_ARTICLE_HTML = """<html><head><title>Menu</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<footer><a href="/contact">Contact</a></footer></body></html>"""


def read_all(*paths: str | Path) -> list[Document | Skipped]:
    return list(read_paths(paths))


def docs_of(items: list[Document | Skipped]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def skips_of(items: list[Document | Skipped]) -> list[Skipped]:
    return [i for i in items if isinstance(i, Skipped)]


def paragraphs(raw: str) -> list[str]:
    return [p.strip() for p in raw.split("\n\n") if p.strip()]


# -- .txt ----------------------------------------------------------------------


def test_txt_title_is_first_non_empty_line_and_raw_is_kept(tmp_path: Path) -> None:
    text = f"\n\n  Le conseil vote le budget  \r\n\r\n{LEAD}\r\n\r\n{BODY_2} -VNA\r\n"
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    [doc] = read_all(tmp_path / "a.txt")
    assert isinstance(doc, Document)
    assert doc.meta.title == "Le conseil vote le budget"
    assert doc.raw == text.replace("\r\n", "\n")
    assert (doc.name, doc.format, doc.source) == ("a.txt", "txt", str(tmp_path / "a.txt"))


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    text = "Élection à Nîmes\n\nLe général a présidé la cérémonie à Hanoï, où l'été fut chaud."
    if encoding == "cp1252":
        text += " « Œuvre » – l’été coûte 5 €."
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    [doc] = read_all(tmp_path / "a.txt")
    assert isinstance(doc, Document)
    assert doc.raw == text
    assert doc.meta.title == "Élection à Nîmes"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_marks(tmp_path: Path, encoding: str) -> None:
    text = "Titre\n\nUn été à Hanoï."
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    [doc] = read_all(tmp_path / "a.txt")
    assert isinstance(doc, Document) and doc.raw == text


def test_sidecar_metadata_on_the_dev_corpus(dev_dir: Path) -> None:
    with (dev_dir / "SOURCES.tsv").open(encoding="utf-8") as fh:
        rows = {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}
    docs = docs_of(read_all(dev_dir))
    assert len(docs) == len(rows) == len(list(dev_dir.glob("*.txt")))
    for doc in docs:
        row = rows[doc.name]
        assert doc.meta.url == row["url"]
        assert doc.meta.published == row["published"]
        assert doc.meta.lang == row["language"]
        assert doc.meta.title and doc.raw.lstrip().startswith(doc.meta.title)
    assert {d.meta.lang for d in docs} == {"fr", "en"}


def test_sidecar_in_a_folder_of_mine(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Titre A\n\n{LEAD}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Titre B\n\n{BODY_2}", encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text(
        "file\tpublished\turl\tlanguage\n"
        "a.txt\tSat, 21 Jan 2017 10:00:00 GMT\thttps://example.org/a\tfr-FR\n",
        encoding="utf-8",
    )
    a, b = read_all(tmp_path)
    assert isinstance(a, Document) and isinstance(b, Document)
    assert (a.meta.published, a.meta.url, a.meta.lang) == (
        "2017-01-21",
        "https://example.org/a",
        "fr",
    )
    assert (b.meta.published, b.meta.url, b.meta.lang) == (None, None, None)


def test_broken_sidecar_is_reported_and_files_still_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Titre A\n\n{LEAD}", encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text("name\turl\na.txt\thttps://x\n", encoding="utf-8")
    items = read_all(tmp_path)
    assert len(docs_of(items)) == 1
    [skip] = skips_of(items)
    assert skip.source.endswith("SOURCES.tsv") and "no 'file' column" in skip.reason


# -- paths -----------------------------------------------------------------------


def test_folder_walk_is_recursive_sorted_and_ignores_unknown_types(tmp_path: Path) -> None:
    for rel in ["b.txt", "a.txt", "sub/c.txt", "sub/notes.md", ".hidden/d.txt", "img.png"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Titre {rel}\n\n{LEAD}", encoding="utf-8")
    items = read_all(tmp_path)
    assert [i.name for i in docs_of(items)] == ["a.txt", "b.txt", "c.txt"]
    assert skips_of(items) == []


def test_missing_and_unknown_paths_are_skipped_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    missing, unknown = read_all(tmp_path / "nope.txt", tmp_path / "notes.pdf")
    assert missing == Skipped(str(tmp_path / "nope.txt"), "no such file or directory")
    assert isinstance(unknown, Skipped) and unknown.reason.startswith(
        "unsupported file type '.pdf'"
    )


# -- bad input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.html", b"  \n\t\n", "empty file"),
        ("nul.txt", b"Titre\x00\x01\x02\x00 data", "binary file"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("empty.jsonl", b"\n\n", "empty file"),
        ("binary.jsonl", b"\x1f\x8b\x08\x00" + bytes(64), "binary file"),
        ("empty.warc.gz", b"", "empty file"),
        ("menu.html", NO_ARTICLE_HTML.encode(), "no article text found"),
    ],
)
def test_bad_files_are_skipped_with_their_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(f"Titre\n\n{LEAD}", encoding="utf-8")
    items = read_all(tmp_path / name, tmp_path / "good.txt")
    assert items[0] == Skipped(str(tmp_path / name), reason)
    assert isinstance(items[1], Document)  # the batch goes on


def test_huge_file_is_skipped_with_sizes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "MAX_FILE_BYTES", 1000)
    (tmp_path / "big.txt").write_text("Titre\n\n" + "mot " * 600, encoding="utf-8")
    [skip] = read_all(tmp_path / "big.txt")
    assert skip == Skipped(str(tmp_path / "big.txt"), "file too large (2.4 KB > 1.0 KB limit)")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_read_never_raises_on_arbitrary_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x{suffix}"
        path.write_bytes(data)
        items = read_all(path)
    assert items, "every file gives a document or a reason"
    for item in items:
        assert isinstance(item, Document | Skipped)
        if isinstance(item, Skipped):
            assert not item.reason.startswith("unexpected error"), item.reason


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(
        st.one_of(
            st.text(max_size=80),
            st.dictionaries(
                st.sampled_from(["text", "title", "date", "url", "lang", "body"]),
                st.one_of(st.text(max_size=60), st.integers(), st.none(), st.lists(st.text())),
            ).map(json.dumps),
        ),
        max_size=6,
    )
)
def test_jsonl_never_raises_on_arbitrary_lines(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.jsonl"
        path.write_text("\n".join(lines), encoding="utf-8")
        items = read_all(path)
    for item in items:
        assert isinstance(item, Document | Skipped)
        if isinstance(item, Skipped):
            assert not item.reason.startswith("unexpected error"), item.reason


# -- .html -----------------------------------------------------------------------


def test_html_related_block_inside_article_and_caption(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(ARTICLE_HTML, encoding="utf-8")
    [doc] = read_all(tmp_path / "page.html")
    assert isinstance(doc, Document) and doc.format == "html"
    paras = paragraphs(doc.raw)
    assert paras[0] == "Le conseil vote le budget" == doc.meta.title
    marker = paras.index("Voir plus")  # a marker the clean stage knows, on its own line
    assert "\nVoir plus\n" in doc.raw
    body, related = paras[1:marker], paras[marker + 1 :]
    assert related == [RELATED_1, RELATED_2]
    assert not any(RELATED_1 in p or RELATED_2 in p for p in body)
    # The caption keeps its place (after the lead) and its credit, at the end.
    assert body == [LEAD, f"{CAPTION} {CREDIT}", BODY_2, BODY_3, BODY_4]
    assert doc.meta.published == "2024-03-07"
    assert doc.meta.url == "https://example.org/politique/budget"
    assert doc.meta.lang == "fr"


def test_html_aside_teaser_and_inline_read_more(tmp_path: Path) -> None:
    (tmp_path / "en.htm").write_text(EN_HTML, encoding="utf-8")
    [doc] = read_all(tmp_path / "en.htm")
    assert isinstance(doc, Document)
    paras = paragraphs(doc.raw)
    marker = paras.index("See more")
    assert paras[1:marker] == EN_BODY
    assert paras[marker + 1 :] == [
        "The old bridge. Photo: Test Agency",
        *EN_TEASER,
        "Local tax rates will not change next year",
    ]
    assert doc.meta.lang == "en"


def test_html_without_heading_gets_the_default_marker(tmp_path: Path) -> None:
    page = ARTICLE_HTML.replace("<h3>Lire aussi</h3>", "")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [doc] = read_all(tmp_path / "page.html")
    assert isinstance(doc, Document)
    paras = paragraphs(doc.raw)
    assert paras[paras.index("Voir plus") + 1 :] == [RELATED_1, RELATED_2]


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = ARTICLE_HTML.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    (tmp_path / "page.html").write_bytes(page.encode("latin-1"))
    [doc] = read_all(tmp_path / "page.html")
    assert isinstance(doc, Document) and LEAD in doc.raw


# -- .jsonl ------------------------------------------------------------------------


def test_jsonl_field_aliases_and_malformed_lines(tmp_path: Path) -> None:
    records = [
        {
            "text": LEAD,
            "title": "Titre un",
            "url": "https://e.org/1",
            "published": "2020-05-01",
            "lang": "fr",
        },
        {
            "content": BODY_2,
            "headline": "Titre deux",
            "link": "https://e.org/2",
            "date": "2020-05-02T08:00:00Z",
            "language": "fr-FR",
        },
        '{"text": "broken", ',
        {"body": BODY_3, "Title": "Titre trois", "pubDate": "Sun, 03 May 2020 10:00:00 GMT"},
        ["not", "an", "object"],
        {"article": BODY_4, "title": "Titre quatre", "published_at": 1588550400},
        {"title": "no text at all"},
        {"text": f"<p>{EN_BODY[0]}</p><p>{EN_BODY[1]}</p>", "title": "Council"},
    ]
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines[:4]) + "\n\n" + "\n".join(lines[4:]) + "\n", encoding="utf-8")
    items = read_all(path)
    docs = docs_of(items)
    assert [d.name for d in docs] == [
        "feed.jsonl#1",
        "feed.jsonl#2",
        "feed.jsonl#4",
        "feed.jsonl#7",
        "feed.jsonl#9",
    ]
    assert all(d.source == f"{path}#{d.name.split('#')[1]}" for d in docs)
    assert [d.meta.title for d in docs] == [
        "Titre un",
        "Titre deux",
        "Titre trois",
        "Titre quatre",
        "Council",
    ]
    assert [d.meta.published for d in docs] == [
        "2020-05-01",
        "2020-05-02",
        "2020-05-03",
        "2020-05-04",
        None,
    ]
    assert [d.meta.url for d in docs[:2]] == ["https://e.org/1", "https://e.org/2"]
    assert [d.meta.lang for d in docs[:3]] == ["fr", "fr", None]
    assert docs[0].raw == f"Titre un\n\n{LEAD}"
    assert paragraphs(docs[4].raw) == ["Council", EN_BODY[0], EN_BODY[1]]  # HTML extracted
    reasons = [s.reason for s in skips_of(items)]
    assert [r.split(":")[0] for r in reasons] == ["line 3", "line 6", "line 8"]
    assert reasons[0].startswith("line 3: invalid JSON")
    assert reasons[1] == "line 6: not a JSON object (an array)"
    assert reasons[2].startswith("line 8: no text field")
    assert all(s.source == str(path) for s in skips_of(items))


def test_jsonl_record_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "MAX_RECORD_BYTES", 500)
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": "x " * 400}) + "\n" + json.dumps({"text": LEAD}) + "\n",
        encoding="utf-8",
    )
    items = read_all(path)
    assert isinstance(items[0], Skipped) and items[0].reason.startswith("line 1: record too large")
    assert isinstance(items[1], Document) and items[1].name == "feed.jsonl#2"


# -- stable id -------------------------------------------------------------------------


def test_same_article_read_twice_has_the_same_id(tmp_path: Path) -> None:
    text = f"Le conseil vote le budget\n\n{LEAD}\n\n{BODY_2}\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "copy.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8-sig"))
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"text": text})
        + "\n"
        + json.dumps({"title": "Le conseil vote le budget", "text": f"{LEAD}\n\n{BODY_2}"})
        + "\n",
        encoding="utf-8",
    )
    a1, a2, copy, j1, j2 = docs_of(
        read_all(
            tmp_path / "a.txt", tmp_path / "a.txt", tmp_path / "copy.txt", tmp_path / "feed.jsonl"
        )
    )
    assert a1.id == a2.id == copy.id == j1.id == j2.id == document_id(text)
    other = Document(source="x", name="x", raw=text.replace("mardi", "lundi"))
    assert other.id != a1.id


# -- .warc -------------------------------------------------------------------------------


def _html_page(title: str, body: list[str], date: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    paras = "".join(f"<p>{p}</p>" for p in body)
    return (
        f'<html lang="en"><head><title>{title}</title>{meta}</head>'
        f"<body><article><h1>{title}</h1>{paras}</article></body></html>"
    ).encode()


def _write_warc(path: Path, gzip_it: bool = True) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip_it)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))

        def response(url: str, status: str, ctype: str, payload: bytes, date: str) -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(payload),
                http_headers=http,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)

        response(
            "https://e.org/news/one",
            "200 OK",
            "text/html; charset=utf-8",
            _html_page("First story", EN_BODY, "2023-04-05"),
            "2023-06-01T10:00:00Z",
        )
        response(
            "https://e.org/logo.png",
            "200 OK",
            "image/png",
            b"\x89PNG" + bytes(100),
            "2023-06-01T10:00:01Z",
        )
        response(
            "https://e.org/missing",
            "404 Not Found",
            "text/html",
            _html_page("Not found", EN_BODY[:1]),
            "2023-06-01T10:00:02Z",
        )
        response(
            "https://e.org/menu",
            "200 OK",
            "text/html",
            NO_ARTICLE_HTML.encode(),
            "2023-06-01T10:00:03Z",
        )
        response(
            "https://e.org/news/two",
            "200 OK",
            "text/html; charset=iso-8859-1",
            _html_page("Élection à Nîmes", [LEAD, BODY_2]).decode().encode("latin-1"),
            "2023-06-02T11:00:00Z",
        )


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_with_metadata(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _write_warc(path, gzip_it=name.endswith(".gz"))
    items = read_all(path)
    one, menu, two = items
    assert isinstance(one, Document) and isinstance(two, Document)
    assert (one.name, one.source, one.format) == (f"{name}#2", f"{path}#2", "warc")
    assert one.meta.url == "https://e.org/news/one"
    assert one.meta.published == "2023-04-05"  # the page's own date wins
    assert paragraphs(one.raw) == ["First story", *EN_BODY]
    assert menu == Skipped(str(path), "record 5: no article text found")
    assert two.name == f"{name}#6" and two.meta.url == "https://e.org/news/two"
    assert two.meta.published == "2023-06-02"  # WARC-Date when the page has none
    assert paragraphs(two.raw) == ["Élection à Nîmes", LEAD, BODY_2]


def test_truncated_warc_gz_yields_what_came_before(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    _write_warc(whole)
    data = whole.read_bytes()
    # Cut inside the last record's gzip member: records 1-5 are intact.
    with gzip.open(whole, "rb") as fh:
        assert fh.read()  # the fixture itself is sound
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[:-60])
    items = read_all(cut, tmp_path / "nope.txt")
    assert [i.name for i in docs_of(items)] == ["cut.warc.gz#2"]
    skips = skips_of(items)
    assert skips[0] == Skipped(str(cut), "record 5: no article text found")
    assert skips[1] == Skipped(str(cut), "truncated archive: record 6 is incomplete")
    assert skips[2].reason == "no such file or directory"  # and the batch went on
    # Only the gzip trailer missing: the content is whole, the damage still reported.
    trailer = tmp_path / "trailer.warc.gz"
    trailer.write_bytes(data[:-4])
    items = read_all(trailer)
    assert [i.name for i in docs_of(items)] == ["trailer.warc.gz#2", "trailer.warc.gz#6"]
    assert items[-1] == Skipped(
        str(trailer), "truncated archive: gzip stream ends early (after record 6)"
    )


def test_not_a_warc(tmp_path: Path) -> None:
    (tmp_path / "x.warc").write_text("hello, this is no archive\n", encoding="utf-8")
    [skip] = read_all(tmp_path / "x.warc")
    assert isinstance(skip, Skipped) and skip.reason.startswith("not a WARC file")


def test_warc_record_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "MAX_RECORD_BYTES", 300)
    path = tmp_path / "crawl.warc.gz"
    _write_warc(path)
    reasons = [s.reason for s in skips_of(read_all(path))]
    assert reasons == [
        "record 2: record too large (301 bytes > 300 bytes limit)",
        "record 5: no article text found",  # under the limit, read
        "record 6: record too large (301 bytes > 300 bytes limit)",
    ]


# -- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-01-21", "2017-01-21"),
        ("2017-01-21T23:30:00-05:00", "2017-01-21"),
        ("Sat, 21 Jan 2017 10:00:00 GMT", "2017-01-21"),
        (1484992800, "2017-01-21"),
        (1484992800000, "2017-01-21"),
        ("21 janvier 2017", "2017-01-21"),
        ("2017/01/21", "2017-01-21"),
        ("2017-02-30", None),
        ("soon", None),
        (None, None),
    ],
)
def test_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_jsonl_inline_tags_and_html_title(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    inline = f"Titre\n\n{LEAD} Voir <a href='/x'>le rapport</a> &amp; la carte.\n\n{BODY_2}"
    page = (
        "<html><head><title>Budget - Journal Test</title></head><body><article>"
        f"<h1>Budget - Journal Test</h1><p>{LEAD}</p><p>{BODY_2}</p></article></body></html>"
    )
    path.write_text(
        json.dumps({"text": inline}) + "\n" + json.dumps({"title": "Budget", "text": page}) + "\n",
        encoding="utf-8",
    )
    plain, extracted = read_all(path)
    assert isinstance(plain, Document) and isinstance(extracted, Document)
    assert plain.raw == f"Titre\n\n{LEAD} Voir le rapport & la carte.\n\n{BODY_2}"
    assert paragraphs(extracted.raw) == ["Budget", LEAD, BODY_2]  # the field's title wins
    assert extracted.meta.title == "Budget"


def test_html_inline_lire_aussi_paragraph(tmp_path: Path) -> None:
    inline = f'<p><strong>Lire aussi :</strong> <a href="/r">{RELATED_1}</a></p>'
    page = ARTICLE_HTML.replace(f"<p>{BODY_3}</p>", f"{inline}<p>{BODY_3}</p>").replace(
        '<div class="related-articles"><h3>Lire aussi</h3>', '<div class="related-articles">'
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [doc] = read_all(tmp_path / "page.html")
    assert isinstance(doc, Document)
    paras = paragraphs(doc.raw)
    marker = paras.index("Voir plus")
    assert paras[marker + 1 :] == [RELATED_1, RELATED_2]  # duplicates dropped
    assert BODY_3 in paras[:marker]


def test_html_teaser_cards_after_the_article(tmp_path: Path) -> None:
    cards = "".join(
        f'<div class="card"><figure><img src="{i}.jpg"><figcaption>Légende {i}.'
        f' <span class="credit">Photo: Agence</span></figcaption></figure>'
        f'<h4><a href="/t{i}">Titre du teaser {i} sur le budget</a></h4>'
        f'<div class="excerpt">Résumé du teaser {i}, en une phrase.</div></div>'
        for i in (1, 2)
    )
    block = (
        f'<section class="box-more-news"><div class="box-title">Voir plus</div>{cards}</section>'
    )
    page = ARTICLE_HTML.replace("</article></main>", f"</article>{block}</main>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [doc] = read_all(tmp_path / "page.html")
    assert isinstance(doc, Document)
    paras = paragraphs(doc.raw)
    # Both blocks under one marker, units as caption, title, summary.
    assert paras[paras.index("Voir plus") + 1 :] == [
        RELATED_1,
        RELATED_2,
        "Légende 1. Photo: Agence",
        "Titre du teaser 1 sur le budget",
        "Résumé du teaser 1, en une phrase.",
        "Légende 2. Photo: Agence",
        "Titre du teaser 2 sur le budget",
        "Résumé du teaser 2, en une phrase.",
    ]
    assert paras.count("Voir plus") == 1
    # The clean stage recognises the block: its units are teasers, not body.
    from eventwire.clean import clean_document

    parts = clean_document(doc).parts
    teaser_titles = [p.text for p in parts if p.kind == "teaser_title"]
    assert "Titre du teaser 2 sur le budget" in teaser_titles
    assert not any("teaser" in p.text for p in parts if not p.is_teaser)


_SOUP_TAGS = ["p", "div", "article", "aside", "figure", "figcaption", "ul", "li", "a", "h1", "h3"]
_SOUP_CLASSES = ["", "related", "lire-aussi", "caption", "credit", "read-more", "title"]
_SOUP_WORDS = ["Lire", "aussi", "Photo", ":", "AFP", "le", "conseil", "a", "voté", "budget"]


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, cls, inner, close: (
            f'<{tag} class="{cls}" href="/x">{inner}' + (f"</{tag}>" if close else "")
        ),
        st.sampled_from(_SOUP_TAGS),
        st.sampled_from(_SOUP_CLASSES),
        st.lists(children, max_size=4).map("".join),
        st.booleans(),
    )


_SOUP = st.recursive(
    st.lists(st.sampled_from(_SOUP_WORDS), max_size=12).map(" ".join), _element, max_leaves=25
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inner=_SOUP, full_page=st.booleans())
def test_html_layout_rules_never_raise_on_tag_soup(inner: str, full_page: bool) -> None:
    html = f"<html lang='fr'><body>{inner}</body></html>" if full_page else inner
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.html"
        path.write_text(html, encoding="utf-8")
        items = read_all(path)
    assert len(items) == 1
    item = items[0]
    if isinstance(item, Skipped):
        assert item.reason in ("no article text found", "empty file"), item.reason
    else:
        assert item.raw.strip() and "<" not in item.raw  # no markup left in the text
