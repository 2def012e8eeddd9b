"""How many women and young people sit on a committee or came to a meeting, in aggregate: the
only view of members' sex and age the public gets. Shares are of the people whose sex (or age)
was given; those not given are counted apart, never guessed."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from consultations.models import Attendance, Committee, Guests, Meeting, Member


@dataclass(frozen=True)
class Parity:
    people: int
    women: int
    men: int
    young: int
    age_known: int

    @property
    def sex_unknown(self) -> int:
        return self.people - self.women - self.men

    @property
    def age_unknown(self) -> int:
        return self.people - self.age_known

    @staticmethod
    def _share(part: int, whole: int) -> int | None:
        return round(100 * part / whole) if whole else None

    @property
    def women_share(self) -> int | None:
        return self._share(self.women, self.women + self.men)

    @property
    def young_share(self) -> int | None:
        return self._share(self.young, self.age_known)

    @property
    def women_target(self) -> int:
        """Parity, the aim the Constitution (art. 19) sets and the equality commission of law
        113-14 (art. 120) watches over."""
        return settings.PARITY_TARGET_WOMEN_PERCENT


def _of_members(members: QuerySet) -> Parity:
    young = Q(age_group__in=Member.YOUNG)
    row = members.aggregate(
        people=Count("pk"),
        women=Count("pk", filter=Q(sex=Member.Sex.FEMALE)),
        men=Count("pk", filter=Q(sex=Member.Sex.MALE)),
        young=Count("pk", filter=young),
        age_known=Count("pk", filter=~Q(age_group="")),
    )
    return Parity(**row)


def current_members(committee: Committee) -> QuerySet:
    today = timezone.localdate()
    return committee.members.filter(Q(until__isnull=True) | Q(until__gte=today))


def committee_parity(*, committee: Committee) -> Parity:
    return _of_members(current_members(committee))


@dataclass(frozen=True)
class MeetingAttendance:
    present: int
    excused: int
    absent: int
    members_present: Parity
    guests_women: int
    guests_men: int

    @property
    def recorded(self) -> bool:
        return bool(self.present + self.excused + self.absent + self.guests_women + self.guests_men)

    @property
    def everyone(self) -> Parity:
        """Members present and guests together: who was in the room."""
        m = self.members_present
        return Parity(
            people=m.people + self.guests_women + self.guests_men,
            women=m.women + self.guests_women,
            men=m.men + self.guests_men,
            young=m.young,
            age_known=m.age_known,
        )


def meeting_attendance(*, meeting: Meeting) -> MeetingAttendance:
    counts = dict(
        Attendance.objects.filter(meeting=meeting)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    present = Member.objects.filter(
        attendance__meeting=meeting, attendance__status=Attendance.Status.PRESENT
    )
    guests = Guests.objects.filter(meeting=meeting).aggregate(w=Sum("women"), m=Sum("men"))
    return MeetingAttendance(
        present=counts.get(Attendance.Status.PRESENT, 0),
        excused=counts.get(Attendance.Status.EXCUSED, 0),
        absent=counts.get(Attendance.Status.ABSENT, 0),
        members_present=_of_members(present),
        guests_women=guests["w"] or 0,
        guests_men=guests["m"] or 0,
    )


def meeting_attendance_by_member(*, meeting: Meeting) -> dict[int, str]:
    return dict(Attendance.objects.filter(meeting=meeting).values_list("member_id", "status"))


def meeting_guests_by_group(*, meeting: Meeting) -> dict[str, tuple[int, int]]:
    return {
        group: (women, men)
        for group, women, men in Guests.objects.filter(meeting=meeting).values_list(
            "group", "women", "men"
        )
    }
