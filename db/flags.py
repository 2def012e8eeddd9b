from django.db.models import BooleanField, Case, Q, Value, When


def flag(condition: Q) -> Case:
    """A boolean annotation that is never NULL: a Case rather than a bare Q, so rows where the
    condition meets a NULL (no milestone left, no date) read False, and sort the same on every
    database."""
    return Case(
        When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
    )
