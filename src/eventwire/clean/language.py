"""Language of a document, identified with py3langid on its cleaned text.

The text judged is the lead and body (captions and title added when the body
is short), never the teasers, which may be about anything. Decisions:

- fewer than ``MIN_LETTERS`` letters is too little to judge: the language
  declared by the source (HTML ``lang``, a JSONL field) is kept, else None,
  and the score is None;
- otherwise the identifier's best language is reported with its normalised
  probability, whatever the language (``de``, ``vi``, ...). When the source
  declares a language and the identifier is unsure (probability below
  ``TRUST_DECLARED_BELOW``), the declared language wins;
- an unsure answer (below ``SURE``) that is not a language eventwire codes,
  when a coded language has at least ``RUNNER_UP`` of the probability, gives
  way to it: a French text read as Occitan is French;
- a variety written as a coded language (``clean/data/languages.json``: Nigerian
  Pidgin, ``pcm``, is English-lexified) is that language, however sure the guess:
  a short English text full of Nigerian names is read as ``pcm``.
"""

from __future__ import annotations

from functools import cache

from eventwire.clean.resources import written_as
from eventwire.document import Document, Part

MIN_LETTERS = 20
TRUST_DECLARED_BELOW = 0.6
SURE = 0.9
RUNNER_UP = 0.1
_JUDGED = ("lead", "body", "dateline", "signoff")
_FALLBACK = ("title", "caption")


@cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str | None, float | None]:
    """Best language of ``text`` and its probability; (None, None) if too short."""
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return None, None
    ranked = _identifier().rank(text)
    lang, prob = ranked[0]
    from eventwire.code import coded_languages

    coded = set(coded_languages())
    written = written_as().get(lang)
    if lang not in coded and written in coded:
        return written, round(float(prob), 4)  # "pcm": English in all but name
    if prob < SURE:
        if lang not in coded:
            near = next(((lg, p) for lg, p in ranked if lg in coded), None)
            if near is not None and near[1] >= RUNNER_UP:
                lang, prob = near
    return str(lang), round(float(prob), 4)


def judged_text(parts: list[Part]) -> str:
    text = " ".join(p.text for p in parts if p.kind in _JUDGED)
    if sum(c.isalpha() for c in text) < 200:
        text = " ".join([text, *(p.text for p in parts if p.kind in _FALLBACK)])
    return text.strip()


def identify_document(doc: Document, parts: list[Part]) -> tuple[str | None, float | None]:
    lang, prob = identify(judged_text(parts))
    declared = (doc.meta.lang or "").split("-")[0].lower() or None
    if lang is None:
        return declared, None
    if declared and declared != lang and (prob or 0.0) < TRUST_DECLARED_BELOW:
        return declared, prob
    return lang, prob
