from .committee import Committee, Member
from .feedback import Feedback, FeedbackEvent
from .meeting import AgendaItem, Attendance, Decision, Guests, Meeting, MeetingEvent

__all__ = [
    "AgendaItem",
    "Attendance",
    "Committee",
    "Decision",
    "Feedback",
    "FeedbackEvent",
    "Guests",
    "Meeting",
    "MeetingEvent",
    "Member",
]
