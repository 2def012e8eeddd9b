"""Who of a committee's members came to a meeting, and the guests by group: checked, written,
and the meeting's totals of women and men worked out from them (the one place they are)."""

from django.utils.translation import gettext_lazy as _

from consultations.models import Attendance, Guests, Meeting, Member
from consultations.selectors.parity import meeting_attendance


def attendance_check(
    meeting: Meeting, attendance: dict, guests: dict, errors: dict
) -> tuple[dict[int, str], dict[str, tuple[int, int]]]:
    return _checked_attendance(meeting, attendance, errors), _checked_guests(guests, errors)


def _checked_attendance(meeting: Meeting, attendance: dict, errors: dict) -> dict[int, str]:
    members = set(meeting.committee.members.values_list("pk", flat=True))
    checked = {}
    for member_id, status in attendance.items():
        if member_id not in members or status not in Attendance.Status.values:
            errors["attendance"] = _(
                "Mark each member of this committee present, excused or absent."
            )
            continue
        checked[member_id] = status
    return checked


def _checked_guests(guests: dict, errors: dict) -> dict[str, tuple[int, int]]:
    checked = {}
    for group, counts in guests.items():
        if group not in Member.Group.values or not (
            isinstance(counts, tuple)
            and len(counts) == 2
            and all(type(n) is int and 0 <= n <= 1000 for n in counts)
        ):
            errors["guests"] = _("Enter numbers of guests from 0 to 1000.")
            continue
        checked[group] = counts
    return checked


def attendance_write(meeting: Meeting, attendance: dict, guests: dict) -> None:
    for member_id, status in attendance.items():
        Attendance.objects.update_or_create(
            meeting=meeting, member_id=member_id, defaults={"status": status}
        )
    for group, (women, men) in guests.items():
        Guests.objects.update_or_create(
            meeting=meeting, group=group, defaults={"women": women, "men": men}
        )
    everyone = meeting_attendance(meeting=meeting).everyone
    meeting.attendance_women, meeting.attendance_men = everyone.women, everyone.men
