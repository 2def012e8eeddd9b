"""updates.csv, the open-data timeline, row by row: what an observatory republishes. Oldest
first, each entry's time in UTC to the second, "" for the commune of a province-wide body, and
nothing of a commitment that is not public. Runs on PostgreSQL in CI, where the database formats
the time itself."""

import csv
import datetime
import io

import pytest

from recommendations.models import Commitment, Recommendation
from territory.models import Body
from tests.factories import CouncillorFactory
from tests.reports.conftest import update

# Transactional: on PostgreSQL updates.csv is written by COPY on a connection of its own, which
# sees committed rows only.
pytestmark = pytest.mark.django_db(transaction=True)

UTC = datetime.UTC


def commitment(body, number, *, public=True):
    return Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=number),
        body=body,
        title_ar="التزام",
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2026, 6, 30),
        is_public=public,
        created_at=datetime.datetime(2025, 1, 2, tzinfo=UTC),
    )


def test_updates_csv_lists_public_entries_oldest_first_with_utc_times(client, reference_data):
    tata = Body.objects.get(kind=Body.Kind.COMMUNE_COUNCIL, commune__code="09.551.01.07")
    province = Body.objects.get(slug="provincial-council")
    water, roads = commitment(tata, 6), commitment(province, 2)
    hidden = commitment(tata, 5, public=False)
    tata_councillor, province_councillor = (
        CouncillorFactory(body=tata),
        CouncillorFactory(body=province),
    )
    # Recorded out of order: the later entry is written first.
    update(water, tata_councillor, datetime.datetime(2025, 5, 4, 16, 45, 9, tzinfo=UTC), 30)
    update(roads, province_councillor, datetime.datetime(2025, 3, 1, 8, 5, 0, tzinfo=UTC), 10)
    update(hidden, tata_councillor, datetime.datetime(2025, 4, 1, 9, 0, 0, tzinfo=UTC), 20)
    body = b"".join(client.get("/open-data/updates.csv").streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows == [
        [
            "commitment_id",
            "recommendation",
            "commune_code",
            "kind",
            "time",
            "level_before",
            "level_after",
            "progress_before",
            "progress_after",
            "evidence_kind",
        ],
        [str(roads.pk), "2", "", "update", "2025-03-01T08:05:00+00:00"]
        + ["not_started", "limited", "0", "10", ""],
        [str(water.pk), "6", "09.551.01.07", "update", "2025-05-04T16:45:09+00:00"]
        + ["not_started", "limited", "0", "30", ""],
    ]


def test_updates_csv_keeps_entries_of_the_same_instant_in_the_order_they_were_written(
    client, reference_data
):
    # An import records a batch of past updates, several at the same instant and not in time
    # order. PostgreSQL's sort does not keep ties in the order it read them (seen here with 20
    # entries); SQLite reads them by the time index, whose ties are in write order anyway.
    tata = Body.objects.get(kind=Body.Kind.COMMUNE_COUNCIL, commune__code="09.551.01.07")
    province = Body.objects.get(slug="provincial-council")
    water, roads = commitment(tata, 6), commitment(province, 2)
    tata_councillor, province_councillor = (
        CouncillorFactory(body=tata),
        CouncillorFactory(body=province),
    )
    morning = datetime.datetime(2025, 5, 4, 9, 0, tzinfo=UTC)
    noon = datetime.datetime(2025, 5, 4, 12, 0, tzinfo=UTC)
    written = []
    for step in range(10):
        for owned, who, when in (
            (water, tata_councillor, noon if step % 3 else morning),
            (roads, province_councillor, morning if step % 2 else noon),
        ):
            update(owned, who, when, 10 + step)
            written.append([str(owned.pk), when.isoformat(), str(10 + step)])
    body = b"".join(client.get("/open-data/updates.csv").streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))[1:]
    in_order = sorted(written, key=lambda entry: entry[1])  # sorted() keeps ties as written
    assert [[row[0], row[4], row[8]] for row in rows] == in_order
