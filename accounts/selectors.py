from django.db.models import QuerySet

from accounts.models import User


def councillors_named(*, usernames: list[str]) -> list[User]:
    """The active councillors with these usernames (those that exist)."""
    if not usernames:
        return []
    found: QuerySet = User.objects.filter(
        username__in=usernames, role=User.Role.COUNCILLOR, is_active=True
    )
    return list(found)


def user_named(*, username: str) -> User | None:
    return User.objects.filter(username=username, is_active=True).first()
