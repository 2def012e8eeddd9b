"""Who may do what with commitments: one named predicate per question.

Views, templates (through the `can` filter) and the admin all ask these, so a rule changes in
one place. Anonymous users get False everywhere but reading public commitments; the views turn
that into a redirect to the login page, and a logged-in refusal into a 403.
"""

from taata_portal.permissions import is_observatory_staff


def can_read_commitment(user, commitment) -> bool:
    return commitment.is_public or can_update_commitment(user, commitment)


def can_update_commitment(user, commitment) -> bool:
    """The owner body's councillors, and staff anywhere."""
    if not user.is_authenticated:
        return False
    if is_observatory_staff(user):
        return True
    return user.is_councillor and user.body_id == commitment.body_id


def can_tick_milestone(user, milestone) -> bool:
    return can_update_commitment(user, milestone.commitment)


def can_manage_commitments(user) -> bool:
    """Create and edit commitments and milestones: staff only."""
    return is_observatory_staff(user)
