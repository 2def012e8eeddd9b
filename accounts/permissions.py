"""Predicates about who a person is, which every app's own predicates build on."""

from accounts.system import is_system_actor


def is_observatory_staff(user) -> bool:
    return user.is_authenticated and user.is_observatory_staff


def councillor_commune_id(user) -> int | None:
    """The commune whose council the user sits on, if any."""
    if not user.is_authenticated or not user.is_councillor or user.body is None:
        return None
    return user.body.commune_id


__all__ = ["councillor_commune_id", "is_observatory_staff", "is_system_actor"]
