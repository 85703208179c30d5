"""Errors a user can act on. Each names the file (and record) and the reason."""

from __future__ import annotations

from collections.abc import Sequence


class EventwireError(Exception):
    """Base of the errors the command line turns into one clear line."""


class ReadError(EventwireError):
    """A source could not be read into a document."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class DataFileError(EventwireError):
    """A lexicon, gazetteer or table file is malformed."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class StoreError(EventwireError):
    """The database cannot be opened or is of an unknown schema version."""


class LanguageNotCoded(EventwireError):
    """A document in a language the coder has no lexicon for: stored, but not coded."""

    def __init__(self, source: str, lang: str | None, coded: Sequence[str]) -> None:
        self.reason = f"not coded: its language is {lang or 'unknown'!r}; eventwire codes {', '.join(coded)}"
        super().__init__(f"{source}: {self.reason}")
        self.source = source
        self.lang = lang


def coding_failure(exc: Exception) -> str:
    """The reason a document was stored but not coded, for the run's report."""
    if isinstance(exc, LanguageNotCoded):
        return exc.reason
    return f"coding failed: {type(exc).__name__}: {exc}"
