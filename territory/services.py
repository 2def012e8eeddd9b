"""Loading the reference data every portal starts from: the communes and the bodies.

Loading is idempotent and never overwrites: a row that exists keeps every value it has (staff
may have corrected a spelling); only a field left empty is filled. So a second run changes
nothing, and a newer data file can still add a missing translation.
"""

import csv
import json
from enum import StrEnum
from pathlib import Path

from django.db import models, transaction

from territory.models import Body, Commune

DATA_DIR = Path(__file__).resolve().parent / "data"


class Outcome(StrEnum):
    CREATED = "created"
    FILLED = "filled"
    UNCHANGED = "unchanged"


def reference_row_upsert(
    *, model: type[models.Model], lookup: dict, values: dict
) -> tuple[models.Model, Outcome]:
    """Create the row if missing; otherwise fill only its empty fields from `values`."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), Outcome.CREATED
    empty = [f for f, v in values.items() if getattr(obj, f) in ("", None) and v not in ("", None)]
    if not empty:
        return obj, Outcome.UNCHANGED
    for field in empty:
        setattr(obj, field, values[field])
    obj.save(update_fields=empty)
    return obj, Outcome.FILLED


def outcomes_tally(outcomes: list[Outcome]) -> dict[str, int]:
    return {o.value: outcomes.count(o) for o in Outcome}


@transaction.atomic
def communes_load_reference() -> dict[str, int]:
    cercles = json.loads((DATA_DIR / "cercles.json").read_text(encoding="utf-8"))
    aliases = json.loads((DATA_DIR / "aliases.json").read_text(encoding="utf-8"))
    outcomes = []
    with (DATA_DIR / "communes.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            cercle = cercles.get(row["cercle"], {})
            values = {
                "kind": row["kind"],
                "name_ar": row["name_ar"],
                "name_fr": row["name_fr"],
                # Latin names are the same in French and English.
                "name_en": row["name_fr"],
                # Draft Tifinagh spellings, to be reviewed with the Tamazight translation.
                "name_zgh": row["name_zgh"],
                "cercle_ar": cercle.get("ar", ""),
                "cercle_fr": cercle.get("fr", ""),
                "cercle_en": cercle.get("en", ""),
                "cercle_zgh": cercle.get("zgh", ""),
                "name_uncertain": row["note"] == "uncertain",
                "aliases": ", ".join(aliases.get(row["code"], [])),
            }
            _, outcome = reference_row_upsert(
                model=Commune, lookup={"code": row["code"]}, values=values
            )
            outcomes.append(outcome)
    return outcomes_tally(outcomes)


def _council_slug(commune: Commune) -> str:
    return "council-" + commune.code.replace(".", "-")


@transaction.atomic
def bodies_load_reference() -> dict[str, int]:
    outcomes = []
    for commune in Commune.objects.all():
        values = {
            "kind": Body.Kind.COMMUNE_COUNCIL,
            "commune": commune,
            "name_ar": f"مجلس جماعة {commune.name_ar}",
            "name_fr": f"Conseil de la commune de {commune.name_fr}",
            "name_en": f"{commune.name_en} commune council",
            "name_zgh": f"ⴰⵙⵇⵇⵉⵎ ⵏ ⵜⵊⵎⴰⵄⵜ ⵏ {commune.name_zgh}" if commune.name_zgh else "",
        }
        _, outcome = reference_row_upsert(
            model=Body, lookup={"slug": _council_slug(commune)}, values=values
        )
        outcomes.append(outcome)
    for row in json.loads((DATA_DIR / "bodies.json").read_text(encoding="utf-8")):
        slug = row.pop("slug")
        _, outcome = reference_row_upsert(model=Body, lookup={"slug": slug}, values=row)
        outcomes.append(outcome)
    return outcomes_tally(outcomes)
