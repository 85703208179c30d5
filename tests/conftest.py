"""Shared fixtures. Tests that need ../shared skip without it, except in CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


def require_shared() -> Path:
    """The shared folder, or a skip (a failure in CI, where it must be present)."""
    if SHARED.is_dir():
        return SHARED
    reason = f"{SHARED} is absent: it holds the seeds, dev corpus and gold files"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason + " (CI=true: it must be present)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return require_shared()


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "seeds"


@pytest.fixture(scope="session")
def dev_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "dev"


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A user's ``EVENTWIRE_DATA`` folder (empty) for the test; every table cache is
    cleared when it is set and again when the test ends, so no other test sees it."""
    from eventwire.code.tables import clear_cache

    monkeypatch.setenv("EVENTWIRE_DATA", str(tmp_path))
    clear_cache()
    yield tmp_path
    monkeypatch.delenv("EVENTWIRE_DATA")
    clear_cache()
