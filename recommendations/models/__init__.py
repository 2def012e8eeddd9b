from .commitment import Commitment
from .milestone import Milestone
from .recommendation import Recommendation
from .status_update import StatusUpdate

__all__ = ["Commitment", "Milestone", "Recommendation", "StatusUpdate"]
