from .committee import Committee, Member
from .feedback import Feedback, FeedbackEvent
from .meeting import AgendaItem, Decision, Meeting

__all__ = [
    "AgendaItem",
    "Committee",
    "Decision",
    "Feedback",
    "FeedbackEvent",
    "Meeting",
    "Member",
]
