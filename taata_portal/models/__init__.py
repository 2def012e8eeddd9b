from .notifications import Notification, ReminderItem
from .places import Body, Commune
from .users import User

__all__ = ["Body", "Commune", "Notification", "ReminderItem", "User"]
