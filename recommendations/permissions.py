"""Who may do what with commitments: one named predicate per question.

Views, templates (through the `can` filter) and the admin all ask these, so a rule changes in
one place. Anonymous users get False everywhere but reading public commitments; the views turn
that into a redirect to the login page, and a logged-in refusal into a 403.
"""

from accounts.permissions import councillor_commune_id, is_observatory_staff, is_system_actor


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


def can_plan_milestone(user, commitment) -> bool:
    """Add a dated step to a commitment's plan: staff (a committee decision may too, below)."""
    return can_manage_commitments(user)


def can_record_decision(user, commitment) -> bool:
    """A consultation committee's decision about a commitment, possibly adding a milestone: the
    councillors of the commune it belongs to, and staff."""
    if is_observatory_staff(user):
        return True
    commune_id = councillor_commune_id(user)
    return commune_id is not None and commune_id == commitment.body.commune_id


def may_raise_without_evidence(user) -> bool:
    """Only the portal itself, aligning a level with its progress by rule (the evidence is the
    progress already on record); every person's raise to substantial or complete needs it."""
    return is_system_actor(user)


def can_align_levels(user) -> bool:
    """Bringing levels in line with their progress band: the portal itself, by rule."""
    return is_system_actor(user)
