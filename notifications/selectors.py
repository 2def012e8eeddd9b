from django.db.models import QuerySet

from accounts.models import User
from notifications.models import ReminderItem

LIST_SIZE = 100


def reminder_items_for(*, user: User) -> QuerySet:
    """What the reminders said to this person, newest first (the in-app list)."""
    return ReminderItem.objects.filter(recipient=user).order_by("-created_at", "pk")[:LIST_SIZE]
