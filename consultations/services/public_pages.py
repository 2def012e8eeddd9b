"""The public page a consultation write shows on: its commune's (committees, meetings and
published feedback), for the page cache (web.page_cache)."""

from territory.models import Commune
from web.page_cache import pages_changed


def commune_pages_changed(commune: Commune) -> None:
    pages_changed(f"commune:{commune.code}")


def answers_page_changed() -> None:
    """The published answers and response figures: any feedback received or moved."""
    pages_changed("answers")
