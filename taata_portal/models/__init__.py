from .places import Body, Commune
from .users import User

__all__ = ["Body", "Commune", "User"]
