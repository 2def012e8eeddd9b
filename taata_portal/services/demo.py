"""Demo accounts for `make run`: clearly marked (`demo-…`, `is_demo`), never for production."""

from django.db import transaction

from taata_portal.models import Body, User

DEMO_PASSWORD = "demo-tata-2026"

# (username, role, council commune code or None, language)
DEMO_ACCOUNTS = [
    ("demo-admin", User.Role.ADMIN, None, "ar"),
    ("demo-staff", User.Role.STAFF, None, "fr"),
    ("demo-councillor-tata", User.Role.COUNCILLOR, "09.551.01.07", "ar"),
    ("demo-councillor-akka", User.Role.COUNCILLOR, "09.551.01.01", "fr"),
    ("demo-resident", User.Role.RESIDENT, None, "ar"),
]


@transaction.atomic
def demo_accounts_create() -> list[User]:
    """Create the demo accounts that are missing; existing ones are left as they are."""
    users = []
    for username, role, commune_code, language in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            body = (
                Body.objects.get(kind=Body.Kind.COMMUNE_COUNCIL, commune__code=commune_code)
                if commune_code
                else None
            )
            user = User(
                username=username,
                role=role,
                body=body,
                language=language,
                is_demo=True,
                is_staff=role in (User.Role.STAFF, User.Role.ADMIN),
                is_superuser=role == User.Role.ADMIN,
                email=f"{username}@demo.invalid",
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
        users.append(user)
    return users
