from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from consultations.models import Committee, Decision, Meeting, Member
from territory.models import Commune


def _current_members() -> Q:
    today = timezone.localdate()
    return Q(members__until__isnull=True) | Q(members__until__gte=today)


def _with_composition(committees: QuerySet) -> QuerySet:
    """Composition in aggregate, the only view of members the public gets."""
    current = _current_members()
    counts = {
        f"{group}_count": Count("members", filter=current & Q(members__group=group))
        for group in Member.Group.values
    }
    return committees.annotate(member_count=Count("members", filter=current), **counts)


def committee_list_for_commune(*, commune: Commune) -> QuerySet:
    return _with_composition(Committee.objects.filter(commune=commune)).order_by(
        "-is_active", "kind"
    )


def committee_get(*, committee_id: int) -> Committee:
    return get_object_or_404(
        _with_composition(Committee.objects.select_related("commune")), pk=committee_id
    )


def committee_members(*, committee: Committee) -> QuerySet:
    """Names and contacts: for those who manage the committee, never the public page."""
    return committee.members.select_related("user").order_by("role", "name")


def meeting_list_for_commune(*, commune: Commune) -> list[Meeting]:
    return list(
        Meeting.objects.filter(committee__commune=commune)
        .select_related("committee")
        .order_by("-starts_at")[:30]
    )


def meeting_get(*, meeting_id: int) -> Meeting:
    meetings = Meeting.objects.select_related("committee", "committee__commune").prefetch_related(
        "agenda_items",
        Prefetch(
            "decisions",
            queryset=Decision.objects.select_related("commitment", "milestone").order_by("pk"),
        ),
    )
    return get_object_or_404(meetings, pk=meeting_id)


def split_coming_and_past(meetings: list[Meeting]) -> tuple[list, list]:
    now = timezone.now()
    coming = sorted(
        (m for m in meetings if m.starts_at >= now and m.status == Meeting.Status.PLANNED),
        key=lambda m: m.starts_at,
    )
    past = [m for m in meetings if m not in coming]
    return coming, past


CALENDAR_PAST_DAYS = 365


def meetings_for_calendar(
    *, commune: Commune | None = None, committee: Committee | None = None
) -> QuerySet:
    """The meetings a calendar feed carries: the past year's and every one to come."""
    since = timezone.now() - timezone.timedelta(days=CALENDAR_PAST_DAYS)
    meetings = Meeting.objects.filter(starts_at__gte=since)
    if commune is not None:
        meetings = meetings.filter(committee__commune=commune)
    if committee is not None:
        meetings = meetings.filter(committee=committee)
    return (
        meetings.select_related("committee")
        .prefetch_related("agenda_items")
        .order_by("starts_at")[:500]
    )
