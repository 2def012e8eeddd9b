from django.db import transaction

from accounts.models import User

PREFERENCE_FIELDS = ("language", "email_reminders", "digest_frequency")


@transaction.atomic
def preferences_update(*, user: User, **values: object) -> None:
    """How a person wants their reminders: language, e-mail on or off, daily or weekly."""
    unknown = set(values) - set(PREFERENCE_FIELDS)
    if unknown:
        raise TypeError(f"not a preference: {sorted(unknown)}")
    for field, value in values.items():
        setattr(user, field, value)
    user.save(update_fields=list(values))
