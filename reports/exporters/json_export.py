"""JSON following the documented schema (reports/schema/progress-1.1.json)."""

import dataclasses
import datetime
import json

from reports.services.build import SCHEMA_VERSION


def _plain(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(type(value))


def report_dict(report) -> dict:
    return {
        "schema": "taata-progress",
        "version": SCHEMA_VERSION,
        "generated_at": report.generated_at,
        "as_of": report.filters.as_of,
        "language": report.language,
        "filters": report.filters.as_json(),
        "commitments": [dataclasses.asdict(r) for r in report.rows],
        "totals": dataclasses.asdict(report.totals),
        "by_recommendation": [dataclasses.asdict(s) for s in report.by_recommendation],
        "by_commune": [dataclasses.asdict(s) for s in report.by_commune],
        "feedback": report.feedback,
        "updates_per_month": [{"month": m, "updates": n} for m, n in report.updates_per_month],
    }


def report_json_bytes(report) -> bytes:
    return json.dumps(
        report_dict(report), default=_plain, ensure_ascii=False, indent=1, sort_keys=True
    ).encode("utf-8")
