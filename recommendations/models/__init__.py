from .commitment import Commitment
from .milestone import Milestone
from .recommendation import Recommendation
from .rollup import Rollup
from .spreadsheet_import import SpreadsheetImport
from .status_update import StatusUpdate

__all__ = [
    "Commitment",
    "Milestone",
    "Recommendation",
    "Rollup",
    "SpreadsheetImport",
    "StatusUpdate",
]
