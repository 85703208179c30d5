"""Text under repair that remembers, character by character, where it came from.

Every repair is a list of edits ``(start, end, replacement)`` on the current
text. Each character keeps the raw span it stands for:

- copied characters (and one-for-one substitutions, such as a no-break
  space written as a plain space) stand for exactly one raw character;
- inserted characters (the space put between glued words) stand for an
  empty raw span at the raw position of the character that follows;
- an n-for-m replacement (mojibake "Ã©" -> "é", NFC composition) shares
  its raw span out proportionally among its characters.

At the end :meth:`Tracked.offset_map` packs this into an
:class:`~eventwire.document.OffsetMap`. Documents are a few thousand
characters, so one span per character is cheap and keeps every edit simple.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.document import OffsetMap

Edit = tuple[int, int, str]


class Tracked:
    """A repaired text plus, for each character, the raw ``[start, end)`` it stands for."""

    __slots__ = ("chars", "spans", "exact")

    def __init__(
        self, chars: list[str], spans: list[tuple[int, int]], exact: list[bool] | None = None
    ) -> None:
        self.chars = chars
        self.spans = spans
        # exact[i]: character i is its raw character, or a one-for-one substitute
        self.exact = exact if exact is not None else [True] * len(chars)

    @classmethod
    def from_raw(cls, raw: str, start: int, end: int, cuts: Iterable[tuple[int, int]] = ()) -> Tracked:
        """The raw slice ``[start, end)`` less the raw ranges in ``cuts``."""
        dropped: set[int] = set()
        for c_start, c_end in cuts:
            dropped.update(range(max(c_start, start), min(c_end, end)))
        positions = [i for i in range(start, end) if i not in dropped]
        return cls([raw[i] for i in positions], [(i, i + 1) for i in positions])

    def substitute(self, pos: int, char: str) -> None:
        """Write ``char`` for the character at ``pos``, keeping its raw origin."""
        self.chars[pos] = char

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def __len__(self) -> int:
        return len(self.chars)

    def _raw_after(self, pos: int) -> int:
        """Raw position an insertion at text position ``pos`` stands for."""
        if pos < len(self.spans):
            return self.spans[pos][0]
        return self.spans[-1][1] if self.spans else 0

    def apply(self, edits: Iterable[Edit], one_for_one_exact: bool = True) -> None:
        """Apply non-overlapping edits given as offsets into the current text.

        A one-for-one replacement keeps its characters exact (in the offset
        map's runs) unless ``one_for_one_exact`` is False, as for ftfy's rewrites.
        """
        ordered = sorted(edits)
        if not ordered:
            return
        chars: list[str] = []
        spans: list[tuple[int, int]] = []
        exact: list[bool] = []
        cursor = 0
        for start, end, replacement in ordered:
            if start < cursor or end < start or end > len(self.chars):
                raise ValueError(f"bad edit {(start, end)} at cursor {cursor}")
            chars.extend(self.chars[cursor:start])
            spans.extend(self.spans[cursor:start])
            exact.extend(self.exact[cursor:start])
            chars.extend(replacement)
            spans.extend(self._replacement_spans(start, end, len(replacement)))
            one_for_one = one_for_one_exact and end - start == len(replacement)
            exact.extend(self.exact[start:end] if one_for_one else [False] * len(replacement))
            cursor = end
        chars.extend(self.chars[cursor:])
        spans.extend(self.spans[cursor:])
        exact.extend(self.exact[cursor:])
        self.chars, self.spans, self.exact = chars, spans, exact

    def _replacement_spans(self, start: int, end: int, count: int) -> list[tuple[int, int]]:
        if count == 0:
            return []
        if start == end:  # pure insertion
            at = self._raw_after(start)
            return [(at, at)] * count
        if end - start == count:  # one-for-one substitution
            return list(self.spans[start:end])
        raw_start, raw_end = self.spans[start][0], self.spans[end - 1][1]
        width = raw_end - raw_start
        return [
            (raw_start + k * width // count, raw_start + (k + 1) * width // count)
            for k in range(count)
        ]

    def offset_map(self) -> OffsetMap:
        """Runs of one-for-one characters, and gaps for everything else."""
        runs: list[tuple[int, int, int]] = []
        gaps: list[tuple[int, int, int, int]] = []
        for pos, (r_start, r_end) in enumerate(self.spans):
            if self.exact[pos] and r_end - r_start == 1:
                if runs and runs[-1][0] + runs[-1][2] == pos and runs[-1][1] + runs[-1][2] == r_start:
                    t0, r0, n = runs[-1]
                    runs[-1] = (t0, r0, n + 1)
                else:
                    runs.append((pos, r_start, 1))
            else:
                gaps.append((pos, 1, r_start, r_end - r_start))
        return OffsetMap(tuple(runs), len(self.spans), tuple(gaps))
