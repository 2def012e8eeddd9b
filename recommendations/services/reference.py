"""The nine recommendations, seeded from the data copied out of the December 2021 report."""

import json
from pathlib import Path

from django.db import transaction

from recommendations.models import Recommendation
from territory.services import outcomes_tally, reference_row_upsert

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "recommendations.json"


@transaction.atomic
def recommendations_load_reference() -> dict[str, int]:
    outcomes = []
    for row in json.loads(DATA_FILE.read_text(encoding="utf-8")):
        number = row.pop("number")
        _, outcome = reference_row_upsert(
            model=Recommendation, lookup={"number": number}, values=row
        )
        outcomes.append(outcome)
    return outcomes_tally(outcomes)
