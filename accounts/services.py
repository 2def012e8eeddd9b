"""Demo accounts for `make run`: clearly marked (`demo-…`, `is_demo`), never for production."""

from django.db import transaction
from django.utils.text import slugify

from accounts.models import User
from territory.models import Body

DEMO_PASSWORD = "demo-tata-2026"

# (username, role, language); councillors come one per commune council, below.
DEMO_ACCOUNTS = [
    ("demo-admin", User.Role.ADMIN, "ar"),
    ("demo-staff", User.Role.STAFF, "fr"),
    ("demo-resident", User.Role.RESIDENT, "ar"),
]
# Councillors shown first when the logins are printed.
FEATURED_COUNCILLORS = ("demo-councillor-tata", "demo-councillor-akka")


def _ensure(username: str, **fields: object) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, is_demo=True, email=f"{username}@demo.invalid", **fields)
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


@transaction.atomic
def demo_accounts_create() -> list[User]:
    """Create the demo accounts that are missing; existing ones are left as they are.

    One councillor per commune council (`demo-councillor-<commune>`), alternately Arabic- and
    French-speaking, so reminders and pages can be tried in both.
    """
    users = [
        _ensure(
            username,
            role=role,
            language=language,
            is_staff=role in (User.Role.STAFF, User.Role.ADMIN),
            is_superuser=role == User.Role.ADMIN,
        )
        for username, role, language in DEMO_ACCOUNTS
    ]
    councils = Body.objects.filter(kind=Body.Kind.COMMUNE_COUNCIL).select_related("commune")
    for index, council in enumerate(councils.order_by("commune__code")):
        users.append(
            _ensure(
                f"demo-councillor-{slugify(council.commune.name_fr)}",
                role=User.Role.COUNCILLOR,
                body=council,
                language="ar" if index % 2 else "fr",
            )
        )
    return users
