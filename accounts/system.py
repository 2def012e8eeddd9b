"""The portal itself as an actor.

Some writes are made by rule rather than by a person: a level aligned with its progress band, a
migration bringing old rows in line. They go through the same services as people's writes, with
this actor as the author; what it may do is decided by predicates that name it
(`is_system_actor`), never by a flag a caller could pass to switch a check off. It cannot log in
and is stored as "no author" on the records it writes.
"""


class SystemActor:
    pk = None
    id = None
    username = "system"
    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_system = True
    is_councillor = False
    is_observatory_staff = False
    is_superuser = False
    body = None
    body_id = None

    def __str__(self) -> str:
        return "system"


SYSTEM = SystemActor()


def is_system_actor(user) -> bool:
    return getattr(user, "is_system", False) is True


def stored_author(user):
    """The author to store on a record: none for the system."""
    return None if is_system_actor(user) else user
