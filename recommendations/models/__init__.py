from .commitment import Commitment, Level
from .milestone import Milestone
from .recommendation import Recommendation
from .status_update import StatusUpdate

__all__ = ["Commitment", "Level", "Milestone", "Recommendation", "StatusUpdate"]
