"""Helpers on spaCy spans for actor resolution: names, appositions, tree depth."""

from __future__ import annotations

from spacy.tokens import Span, Token

_SENTENCES = "eventwire.sentences"  # where a parse keeps its sentences (``Doc.user_data``)


def sentence_of(item: Token | Span) -> Span:
    """The sentence of a token, or of a span's first token: ``Token.sent``, found once per parse
    (spaCy looks through the whole text at each call)."""
    doc = item.doc
    index = doc.user_data.get(_SENTENCES)
    if index is None:
        sents = list(doc.sents)
        at = [n for n, sent in enumerate(sents) for _ in range(len(sent))]
        index = doc.user_data[_SENTENCES] = (sents, at)
    sents, at = index
    if isinstance(item, Token):
        return sents[at[item.i]]
    sent = sents[at[item.start]]
    return sent if item.end <= sent.end else item.sent  # (a span across sentences: spaCy's answer)


def inside_person(tokens: list[Token]) -> bool:
    """Whether the tokens lie inside a longer PER entity."""
    first = tokens[0]
    if first.ent_type_ != "PER":
        return False
    for ent in first.doc.ents:
        if ent.start <= first.i < ent.end:
            return ent.label_ == "PER" and ent.end - ent.start > len({t.i for t in tokens})
    return False


def depth(token: Token, root: int) -> int:
    """How many arcs separate ``token`` from the token at index ``root``."""
    steps = 0
    while token.i != root and token.head.i != token.i and steps < 50:
        token = token.head
        steps += 1
    return steps


def first_token(span: Span, text: str) -> int:
    """Index of the token where ``text`` starts inside ``span`` (its end if absent)."""
    at = span.text.find(text)
    if at < 0:
        return span.end
    char = span.start_char + at
    return next((t.i for t in span if t.idx >= char), span.end)


# A sibling that is a clause (or heads one) is no apposition, whatever its tag.
CLAUSE_DEPS = {"advcl", "ccomp", "csubj", "xcomp", "parataxis", "acl", "acl:relcl", "advmod"}
CLAUSE_MARKS = {"mark", "nsubj", "nsubj:pass", "cop", "aux", "aux:tense"}


def apposed_sibling(span: Span) -> Span | None:
    """The phrase the parser made a second subject (or object) of the same verb, just
    before this one and separated by a comma only: an apposition it mislabelled (or one it
    labelled but hung on the verb: "a annoncé le ministre[obj] de la Défense, Wladyslaw
    Kosiniak-Kamysz[appos of 'annoncé'], qui accuse ...")."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubj:pass", "obj", "appos") or root.head.i == root.i or (
            root.dep_ == "appos" and root.head.pos_ not in ("VERB", "AUX")):
        return None
    doc = span.doc
    for sibling in root.head.children:
        if sibling.i >= root.i or sibling.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(c.dep_ == "case" for c in sibling.children):
            continue  # "Lors d'un entretien avec X, le général Y": a fronted phrase, not Y
        if sibling.dep_ in CLAUSE_DEPS or any(c.dep_ in CLAUSE_MARKS for c in sibling.children):
            continue  # "Alors que X annonce son soutien à Y, Z a réagi": a clause, not Z
        end = sibling.right_edge.i + 1
        if end < span.start and doc[end : span.start].text.strip() == ",":
            return doc[sibling.left_edge.i : end]
    return None


def coordinated(tok: Token) -> bool:
    """A coordinated phrase ("et Y"); a "conj" after a bare comma is an apposition the parser mislabels."""
    if tok.dep_ == "cc":
        return True
    return tok.dep_ == "conj" and any(c.dep_ == "cc" for c in tok.children)


def capital_runs(span: Span, covered: set[int], kept: set[int]) -> list[tuple[int, int]]:
    """Runs of capitalised proper-noun tokens the tables did not explain."""
    runs: list[tuple[int, int]] = []
    start = None
    for tok in span:
        ok = (tok.i in kept and tok.i not in covered and tok.text[:1].isupper()
              and tok.pos_ in ("PROPN", "X", "NOUN", "ADJ") and not tok.is_sent_start)
        # "Bart De Wever", "Jean-Yves Le Drian": a capitalised particle inside a name
        ok = ok or (start is not None and tok.text[:1].isupper() and tok.pos_ in ("ADP", "DET")
                    and tok.i + 1 < span.end and span.doc[tok.i + 1].pos_ == "PROPN" and tok.i + 1 in kept)
        if ok and start is None:
            start = tok.i
        elif not ok and start is not None:
            runs.append((start, tok.i))
            start = None
    if start is not None:
        runs.append((start, span.end))
    return [(s, e) for s, e in runs if any(span.doc[i].pos_ == "PROPN" for i in range(s, e))]


def phrase_text(span: Span, kept: list[int]) -> str:
    """The phrase as written without its leading article or clauses."""
    tokens = sorted(set(kept))
    doc = span.doc
    while tokens and doc[tokens[0]].pos_ in ("DET", "ADP"):
        tokens.pop(0)
    if not tokens:
        return span.text
    return doc[tokens[0] : tokens[-1] + 1].text
