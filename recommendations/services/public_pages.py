"""Which public pages a commitment shows on, for the page cache (web.page_cache)."""

from recommendations.models import Commitment
from web.page_cache import OVERVIEW, pages_changed


def commitment_scopes(commitment: Commitment) -> list[str]:
    """Its own page, its recommendation's, its commune's, and the overview (home, matrix,
    open data), whose figures it counts in."""
    scopes = [
        OVERVIEW,
        f"commitment:{commitment.pk}",
        f"recommendation:{commitment.recommendation.number}",
    ]
    commune = commitment.body.commune
    if commune is not None:
        scopes.append(f"commune:{commune.code}")
    return scopes


def commitment_pages_changed(*commitments: Commitment) -> None:
    pages_changed(*(scope for c in commitments for scope in commitment_scopes(c)))
