"""The public page a consultation write shows on: its commune's, whose committees, meetings and
published feedback are a scope of their own (`consultations:<code>`), for the page cache and
the fragment that holds them (web.page_cache, web.fragments): a status update on the same page
leaves that part as it was."""

from territory.models import Commune
from web.page_cache import pages_changed


def consultations_scope(code: str) -> str:
    return f"consultations:{code}"


def commune_consultations_changed(commune: Commune) -> None:
    pages_changed(consultations_scope(commune.code))


def answers_page_changed() -> None:
    """The published answers and response figures: any feedback received or moved."""
    pages_changed("answers")
