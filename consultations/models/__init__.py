from .committee import Committee, Member
from .feedback import Feedback, FeedbackEvent
from .meeting import AgendaItem, Decision, Meeting, MeetingEvent

__all__ = [
    "AgendaItem",
    "Committee",
    "Decision",
    "Feedback",
    "FeedbackEvent",
    "Meeting",
    "MeetingEvent",
    "Member",
]
