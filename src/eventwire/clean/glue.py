"""Glue repair: put back the space a scraper lost between two words.

A dropped line break or inline tag joins words: "intégralavec",
"legénéral", "duComité", "VladimirNikolaevich". The repair finds, in each
run of letters, the places where a space is missing, using wordfreq's
frequencies of the document's language (French or English):

- lower-case runs: split in two when the run is not a known word and the
  two halves are known words whose joint frequency clearly beats the run's
  own; French morphology vetoes cuts before a word's own ending
  ("tasmanien|ne", "redynamiser|ont") and after a bound prefix
  ("sur|douance");
- capitalised runs ("Lesdeux", "Trumpsur") are most often names: split only
  a sentence's first word when it is a function word ("Lesdeux"), a name
  the document uses on its own ("Trumpsur"), a known word or place before a
  function word ("Floridepour", "Russieet"), or in French a common word
  before a common word ("Unioneuropéenne"); never when the document repeats
  the run, nor after a capitalised word or an honorific ("Jacques Delors");
- camel case: a lower-case letter followed by a capital. After a lower-case
  word ("duComité") it is a join; between two capitalised pieces
  ("VladimirNikolaevich", "PetroVietnam") only when the first piece is a
  function word ("LeCentre") or the document uses the second piece on its
  own (surnames recur, brands recur whole); bound prefixes ("Petro") and
  one- or two-letter heads ("iPhone", "McDonald") never split;
- in French, a run followed by an apostrophe and a letter ends with an
  elided form: "quel'" is "que l'";
- digits glued to a word ("4000stations", "mars2026").

Nothing is split for languages without a frequency list here (only fr, en).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from eventwire.clean.resources import glue_data, string_list, zipf
from eventwire.errors import DataFileError

SUPPORTED = ("fr", "en")

# Zipf thresholds (wordfreq scale: 7 = "le", 4 = "partenariat", 0 = unknown).
KNOWN_WHOLE = 3.0  # a camel-case run this frequent is a brand as written (not a hashtag)
MIN_PART_Z = {2: 4.5, 3: 3.0}  # short halves must be common words ...
MIN_PART_Z_LONG = 2.5  # ... longer ones known words
FUNCTION_WORD_PARTNER_Z = 6.0  # beside a word this frequent ("à", "les") ...
MIN_PART_Z_BESIDE_FUNCTION_WORD = 1.0  # ... the other half may be a rare word
FREE_PREFIX_Z = 5.0  # a prefix this frequent is also a word ("sur", "contre") ...
FREE_PREFIX_PARTNER_Z = 4.0  # ... and may head a split before a common word
SINGLE_LETTER_PARTNER_Z = 3.0  # "à" / "a" only beside a common word ("àapprofondir")
SOLID_HEAD_Z = 3.0  # a first half this frequent may be followed by a word ending ("ne")
MIN_HEAD_Z_CAPITALISED = 5.5  # a sentence's first word glued to the next ("Lesdeux") ...
MIN_TAIL_Z_SENTENCE_START = 4.0  # ... and the next word
MIN_TAIL_Z_CAPITALISED = 3.5  # second half of any other capitalised run
KNOWN_CAPITALISED_HEAD_Z = 3.5  # "Floridepour": a known word, then a function word
COMMON_CAPITALISED_HEAD_Z = 4.5  # "Unioneuropéenne": a common word of the language ...
KNOWN_HEAD_TAIL_Z = 4.0  # ... then a common word
FUNCTION_WORD_Z = 5.5  # a capitalised camel head this frequent is a word ("LeCentre")
NAME_Z = 4.0  # score of a name the document uses on its own ("Trump" in "Trumpsur")
SPLIT_FLOOR = -2.0  # joint Zipf of the two halves (za + zb - 9) must reach this ...
# ... and, for a run wordfreq knows (Zipf >= 1), beat it by this much. English
# writes more real words solid from two common ones ("hereof", "foray").
SPLIT_MARGIN = {"fr": 1.0, "en": 2.0}
SHORT_PART_PENALTY = 0.5  # between close splits, prefer two real words to a letter
PLURAL_SHIFT = 1.5  # "victimesont": prefer "victimes ont" over "victime sont" within this

_LETTERS = re.compile(r"[^\W\d_]+")
_CHUNK = re.compile(r"\S+")
_URLISH = re.compile(r"[/@#]|www\.|\.(?:com|org|net|fr|vn|gov|edu|info|io)\b|\w\.\w{2,}\.\w", re.I)
_APOSTROPHES = "'’"
_SENTENCE_END = ".!?:;«»\"“”–—-("
_DOUBLED = "lnt"  # -enne, -elle, -ette: a doubled consonant inside a word
_INFLECTED_HEAD = ("er", "ir", "é", "ée", "és", "ées")  # "électrifierle", "alloué|e à"
_HONORIFICS = frozenset("m mme mmes mlle dr pr me mgr mr mrs ms sir président gen gén".split())
_ORDINAL = re.compile(r"(?:er|ère|re|ème|eme|e|ᵉ|st|nd|rd|th)", re.I)
_ORDINAL_OR_UNIT = re.compile(
    r"(?:e|er|re|ère|ème|eme|ᵉ|st|nd|rd|th|s|h|km|kg|mm|cm|m|g|t|mn|min|ha|mw|gw|kw|kv|mds?)", re.I
)


@dataclass(frozen=True)
class Lexicon:
    """What glue repair knows about words, for one document language."""

    lang: str
    short_words: frozenset[str]
    prefixes: frozenset[str]
    suffixes: frozenset[str]
    endings: frozenset[str]
    future_endings: frozenset[str]
    elisions: frozenset[str]
    keep: frozenset[str]

    def z(self, word: str) -> float:
        return zipf(self.lang)(word)

    def z_known(self, word: str) -> float:
        """How known a word is in any supported language (names, loanwords)."""
        return max(zipf(lang)(word) for lang in SUPPORTED)


@cache
def lexicon(lang: str) -> Lexicon:
    data = glue_data()
    name = "glue.json"
    if not all(isinstance(v, list) for v in data["short_words"].values()):
        raise DataFileError(name, None, "'short_words' must map languages to lists of words")

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in string_list(data, key, name))

    return Lexicon(
        lang=lang,
        short_words=frozenset(w.lower() for w in data["short_words"].get(lang, [])),
        prefixes=words("prefixes"),
        suffixes=words("suffixes"),
        endings=words("endings"),
        future_endings=words("future_endings"),
        elisions=words("elisions"),
        keep=frozenset(string_list(data, "keep", name)),
    )


@dataclass
class DocumentEvidence:
    """What the whole document says about its capitalised words.

    ``free``: pieces that stand alone as a word somewhere in the document, or
    appear in two different camel-case runs ("VladimirNikolaevich",
    "NikolaevichDrozhzhov"). ``runs``: how often each letter run occurs; a
    capitalised run written twice the same way is a name, not an accident.
    """

    free: set[str] = field(default_factory=set)
    runs: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, text: str) -> DocumentEvidence:
        runs_with: dict[str, set[str]] = defaultdict(set)
        evidence = cls()
        for match in _LETTERS.finditer(text):
            run = match.group(0)
            evidence.runs[run] += 1
            pieces = camel_pieces(run)
            if len(pieces) == 1:
                evidence.free.add(run)
                continue
            for _, piece in pieces:
                runs_with[piece].add(run)
        evidence.free.update(piece for piece, runs in runs_with.items() if len(runs) >= 2)
        return evidence


@dataclass(frozen=True)
class _Context:
    after: str  # the three characters after the run
    after_name: bool = False  # the previous word is a capitalised word or an honorific
    sentence_start: bool = False  # the run opens a sentence: its capital says nothing


def camel_pieces(run: str) -> list[tuple[int, str]]:
    """Split a letter run where a lower-case letter meets a capital: (offset, piece)."""
    cuts = [i for i in range(1, len(run)) if run[i - 1].islower() and run[i].isupper()]
    bounds = [0, *cuts, len(run)]
    return [(bounds[k], run[bounds[k] : bounds[k + 1]]) for k in range(len(bounds) - 1)]


def find_glue(text: str, lang: str | None, evidence: DocumentEvidence) -> list[int]:
    """Positions in ``text`` where a space is missing between two words."""
    if lang not in SUPPORTED:
        return []
    lex = lexicon(lang)
    positions: list[int] = []
    previous = ""
    for chunk in _CHUNK.finditer(text):
        word = chunk.group(0)
        if word.isalpha() and word.islower():
            # Most chunks: one lower-case word, judged by itself (see _lower_word_cut).
            cut = _lower_word_cut(word, lang)
            if cut is not None:
                positions.append(chunk.start() + cut)
        elif not _URLISH.search(word):  # addresses and handles are not prose
            after_name = _is_name_context(previous, lex)
            opening = not previous or previous[-1] in _SENTENCE_END
            for run in _LETTERS.finditer(word):
                start = chunk.start() + run.start()
                end = start + len(run.group(0))
                first = run.start() == 0
                context = _Context(text[end : end + 3], after_name and first, opening and first)
                positions.extend(start + p for p in _run_splits(run.group(0), context, lex, evidence))
            positions.extend(chunk.start() + p for p in _digit_splits(word, lex))
        previous = word
    return sorted(set(positions))


@lru_cache(maxsize=65536)
def _lower_word_cut(word: str, lang: str) -> int | None:
    """Where a chunk that is one lower-case word splits, if anywhere.

    Such a chunk is followed by a space, never an apostrophe, and has no capital,
    camel case or digit: neither its neighbours nor the document's evidence can
    change the answer, so it is computed once per word and language.
    """
    lex = lexicon(lang)
    if word in lex.keep:
        return None
    return _word_split(word, _Context(""), lex, DocumentEvidence())


def _is_name_context(previous: str, lex: Lexicon) -> bool:
    """After an honorific ("M.", "Mme") or a capitalised word that is not a
    function word and does not end a sentence ("Jacques" in "Jacques Delors")."""
    bare = previous.strip("«»\"“”()[],;:")
    if bare.rstrip(".").lower() in _HONORIFICS:
        return True
    if not bare or not bare[0].isupper() or not bare[-1].isalpha():
        return False
    return lex.z(bare) < FUNCTION_WORD_Z


def _run_splits(run: str, context: _Context, lex: Lexicon, evidence: DocumentEvidence) -> Iterator[int]:
    if run in lex.keep:
        return
    pieces = camel_pieces(run)
    for k, (offset, piece) in enumerate(pieces):
        opening = context.sentence_start and k == 1
        if k > 0 and _camel_join(pieces[k - 1][1], piece, run, opening, lex, evidence):
            yield offset
        last = k == len(pieces) - 1
        piece_context = context if last and k == 0 else _Context(context.after if last else "")
        cut = _word_split(piece, piece_context, lex, evidence)
        if cut is not None:
            yield offset + cut


def _camel_join(
    left: str, right: str, run: str, opening: bool, lex: Lexicon, evidence: DocumentEvidence
) -> bool:
    """Whether "leftRight" is two words that lost their space."""
    if left[0].islower():
        # "duComité", "scientifiquesdu" + "Comité": judge the last word of the head
        cut = _word_split(left, _Context(""), lex, evidence)
        tail = left[cut:] if cut is not None else left
        if len(tail) == 1:
            return tail == "à"  # "iPhone", "eBay": one-letter heads are brand style
        return _part_ok(tail, lex, left_side=True, other_z=FUNCTION_WORD_PARTNER_Z)
    if lex.z_known(run) >= KNOWN_WHOLE:
        return False  # a brand or name written solid ("McDonald", "YouTube")
    if opening and lex.z(left) >= FUNCTION_WORD_Z:
        return True  # "LeCentre" opening a sentence (mid-sentence, "LeBron" is a name)
    if len(left) < 3 or len(right) < 3 or left.lower() in lex.prefixes:
        return False  # "McDonald", "OpenAI", "PetroVietnam"
    return right in evidence.free  # "MarianoRajoy" where the article says "Rajoy" again


def _part_ok(part: str, lex: Lexicon, left_side: bool, other_z: float = 0.0) -> bool:
    """Whether ``part`` may be one half of a split (``other_z``: the other half's Zipf)."""
    if len(part) == 1:
        # no French word ends in "à" but "déjà", "voilà" (known words): "allouéeà"
        ends_nothing = part == "à" and not left_side
        partner = MIN_PART_Z_BESIDE_FUNCTION_WORD if ends_nothing else SINGLE_LETTER_PARTNER_Z
        return part in lex.short_words and other_z >= partner
    if left_side and part in lex.prefixes:
        # "surla", "surplace" yes; "surdouance", "antiaérienne" no
        free = lex.z(part) >= FREE_PREFIX_Z
        return other_z >= (FREE_PREFIX_PARTNER_Z if free else FUNCTION_WORD_PARTNER_Z)
    if not left_side and part in lex.suffixes:
        return False
    floor = MIN_PART_Z.get(len(part), MIN_PART_Z_LONG)
    if len(part) >= 4 and other_z >= FUNCTION_WORD_PARTNER_Z:
        floor = MIN_PART_Z_BESIDE_FUNCTION_WORD  # "rapatriéesà": a rare word, then "à"
    return lex.z(part) >= floor


def _morphology_ok(head: str, tail: str, lex: Lexicon) -> bool:
    """Reject cuts made before one of the word's own endings."""
    if tail in lex.endings:
        if lex.z(head) < SOLID_HEAD_Z and not head.endswith(_INFLECTED_HEAD):
            return False  # "trigona|le", "marquisien|ne": a rare head, then an ending
    if head.endswith("r") and tail in lex.future_endings:
        return False  # future and conditional: "redynamiser|ont"
    if head[-1] == tail[0] and head[-1] in _DOUBLED:
        # -enne, -onne, -ette are one word ("pharaon|ne"); "-l le" may be two
        head_z, tail_z = lex.z(head), lex.z(tail)
        if head_z < FUNCTION_WORD_PARTNER_Z and (head[-1] != "l" or tail_z < FUNCTION_WORD_PARTNER_Z):
            return False  # "conseil|lions", "pharaon|ne"; not "sont|tués", "national|le"
    return True


def _word_split(piece: str, context: _Context, lex: Lexicon, evidence: DocumentEvidence) -> int | None:
    """Where to split a one-case piece into two words, if anywhere."""
    if len(piece) >= 2 and not piece[1:].islower():
        return _acronym_split(piece, lex, evidence)
    capitalised = piece[0].isupper()
    if capitalised and (evidence.runs[piece] >= 2 or context.after_name):
        return None  # a name: "Laporte" written twice, "Jacques Delors"
    elided = _elision_split(piece, context, lex)
    if elided is not None or len(piece) < 3:
        return elided
    scores = _candidate_scores(piece, context, lex, evidence)
    if not scores:
        return None
    cut = max(scores, key=lambda c: scores[c])
    best = scores[cut]
    word = piece.lower()
    known = lex.z_known(word)
    if best < SPLIT_FLOOR or (known >= 1.0 and best - known < SPLIT_MARGIN[lex.lang]):
        return None
    shifted = scores.get(cut + 1, -99.0)
    if lex.lang == "fr" and word[cut:] == "sont" and shifted >= best - PLURAL_SHIFT:
        return cut + 1  # "victimes ont" rather than "victime sont": a plural subject
    return cut


def _candidate_scores(
    piece: str, context: _Context, lex: Lexicon, evidence: DocumentEvidence
) -> dict[int, float]:
    """Joint Zipf score of every admissible cut of ``piece``."""
    if not piece[0].isupper():
        return _lower_case_scores(piece, lex.lang)
    return _scores(piece, context, lex, evidence)


@lru_cache(maxsize=65536)
def _lower_case_scores(word: str, lang: str) -> dict[int, float]:
    """The scores of a lower-case piece depend on the word alone: computed once per word
    (most words of a corpus come back again and again). Callers must not change the dict."""
    return _scores(word, _Context(""), lexicon(lang), DocumentEvidence())


def _scores(
    piece: str, context: _Context, lex: Lexicon, evidence: DocumentEvidence
) -> dict[int, float]:
    word = piece.lower()
    capitalised = piece[0].isupper()
    scores: dict[int, float] = {}
    for cut in range(1, len(word)):
        head, tail = word[:cut], word[cut:]
        head_z, tail_z = lex.z(head), lex.z(tail)
        if capitalised:
            if not _capitalised_ok(piece[:cut], head_z, tail, tail_z, context, lex, evidence):
                continue
            head_z = max(head_z, NAME_Z) if piece[:cut] in evidence.free else head_z
        elif not _part_ok(head, lex, left_side=True, other_z=tail_z):
            continue
        if not _part_ok(tail, lex, left_side=False, other_z=head_z):
            continue
        if not _morphology_ok(head, tail, lex):
            continue
        short = SHORT_PART_PENALTY if min(len(head), len(tail)) == 1 else 0.0
        scores[cut] = head_z + tail_z - 9.0 - short  # "desa": "de sa" before "des a"
    return scores


def _capitalised_ok(
    head: str,
    head_z: float,
    tail: str,
    tail_z: float,
    context: _Context,
    lex: Lexicon,
    evidence: DocumentEvidence,
) -> bool:
    """Whether a capitalised run may split after ``head`` (names are the rule)."""
    if len(head) == 1:
        return head.lower() == "à" and context.sentence_start and tail_z >= SINGLE_LETTER_PARTNER_Z
    if len(tail) == 1:  # "Russiea": only after a name the article uses on its own
        return tail in lex.short_words and len(head) >= 3 and head in evidence.free
    if tail_z < MIN_TAIL_Z_CAPITALISED:
        return False
    if context.sentence_start and head_z >= MIN_HEAD_Z_CAPITALISED:
        long_tail = len(tail) >= 3 or (len(head) >= 4 and tail_z >= FUNCTION_WORD_PARTNER_Z)
        if tail_z >= MIN_TAIL_Z_SENTENCE_START and long_tail:
            return True  # "Lesviolations", "Selonle"  # "Lesdeux": a sentence's first word, capitalised by position
    if len(head) >= 3 and head in evidence.free:
        return True  # "Trumpsur": a name the article uses on its own
    if len(head) < 4:
        return False
    head_known = lex.z_known(head)
    joins_names = len(tail) >= 3 or tail == "et"  # names end in "la", "en", "de", not "et"
    if head_known >= KNOWN_CAPITALISED_HEAD_Z and tail_z >= FUNCTION_WORD_PARTNER_Z and joins_names:
        return True  # "Floridepour", "Russieet": a known name, then a function word
    if len(tail) < 3 or tail in lex.endings:
        return False  # "Kentau", "Tantou", "Carles": names end in "au", "ou", "les"
    # "Unioneuropéenne": a word the language uses a lot, then a common word
    # (French only: English names are made that way, "Parkwoods", "Windfields")
    common = lex.z(head) >= COMMON_CAPITALISED_HEAD_Z and tail_z >= KNOWN_HEAD_TAIL_Z
    return common and lex.lang == "fr"


def _elision_split(piece: str, context: _Context, lex: Lexicon) -> int | None:
    """French: a run before an apostrophe and a letter ends with an elided form."""
    after = context.after
    if lex.lang != "fr" or len(after) < 2 or after[0] not in _APOSTROPHES:
        return None
    # "del'Union", or "del' Union" where a tokeniser also left a space
    if not (after[1].isalpha() or (after[1] == " " and after[2:3].isalpha())):
        return None
    word = piece.lower()
    if word in lex.elisions:
        return None
    for form in sorted(lex.elisions, key=len, reverse=True):
        head = word[: -len(form)]
        if not word.endswith(form) or not head:
            continue
        if (len(head) == 1 and head in lex.short_words) or lex.z(head) >= SOLID_HEAD_Z:
            return len(head)  # "quel'" -> "que l'", "votes'est" -> "vote s'est"
    return None


def _acronym_split(piece: str, lex: Lexicon, evidence: DocumentEvidence) -> int | None:
    """An acronym glued to a lower-case word ("PIBpour", "UAimpliquent")."""
    cut = 0
    while cut < len(piece) and piece[cut].isupper():
        cut += 1
    head, tail = piece[:cut], piece[cut:]
    if len(head) < 2 or len(tail) < 2 or not tail.islower():
        return None
    if head not in evidence.free or tail in lex.suffixes or lex.z(tail) < MIN_PART_Z_LONG:
        return None
    return cut


def _digit_splits(chunk: str, lex: Lexicon) -> Iterator[int]:
    """Digits glued to a known word: "4000stations", "mars2026" (not "14e", "G20")."""
    for match in re.finditer(r"(?<=\d)([^\W\d_]+)|([^\W\d_]+)(?=\d)", chunk):
        word = match.group(1) or match.group(2)
        if match.group(1):
            ordinal = _ordinal_join(word, lex)  # "71eanniversaire", "1eroctobre"
            if ordinal is not None:
                yield match.start(1) + ordinal
                continue
        if len(word) < 3 or _ORDINAL_OR_UNIT.fullmatch(word) or word.isupper():
            continue
        if not word[1:].islower() or lex.z(word) < 3.0:
            continue
        if match.group(1):
            yield match.start(1)
        elif match.end(2) < len(chunk) and chunk[match.end(2) :][:2].isdigit():
            yield match.end(2)


def _ordinal_join(word: str, lex: Lexicon) -> int | None:
    """Length of the ordinal suffix a known word is glued to ("e" + "anniversaire")."""
    if lex.z_known(word) >= 1.0:
        return None
    for cut in range(1, min(4, len(word) - 2)):
        rest = word[cut:]
        if _ORDINAL.fullmatch(word[:cut]) and rest.islower() and lex.z(rest) >= 3.0 and len(rest) >= 3:
            return cut
    return None
