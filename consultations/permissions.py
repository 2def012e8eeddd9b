"""Who may do what with committees, meetings and feedback: one named predicate per question."""

from accounts.permissions import councillor_commune_id, is_observatory_staff


def is_commune_councillor(user, commune_id: int) -> bool:
    return councillor_commune_id(user) == commune_id and commune_id is not None


def can_manage_committees(user, commune) -> bool:
    """Create and edit a commune's committees, members and meetings."""
    return is_observatory_staff(user) or is_commune_councillor(user, commune.pk)


def can_manage_meeting(user, meeting) -> bool:
    return can_manage_committees(user, meeting.committee.commune)


def can_see_member_contacts(user, committee) -> bool:
    return can_manage_committees(user, committee.commune)


def can_use_inbox(user) -> bool:
    return is_observatory_staff(user) or councillor_commune_id(user) is not None


def can_handle_feedback(user, feedback) -> bool:
    """Acknowledge, answer and close: the commune's councillors and staff."""
    return is_observatory_staff(user) or is_commune_councillor(user, feedback.commune_id)


def can_moderate_feedback(user, feedback) -> bool:
    """Publish, keep private, reject: staff only."""
    return is_observatory_staff(user)


def can_see_personal_data(user, feedback) -> bool:
    return can_handle_feedback(user, feedback)
