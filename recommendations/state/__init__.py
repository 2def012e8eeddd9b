"""The one home of commitment state.

Every figure the portal shows about commitments is decided here and nowhere else: the level and
the band of progress it fits (levels.py), progress from milestones (progress.py), rounding
(rounding.py), stale, overdue and due soon (flags.py), and what is counted in a total and how
(tally.py). Pages, the matrix, reports in every format and as of any day, open data, reminders,
digests and the admin all ask these modules; the services store what they derive (the level,
the progress, the next milestone's date, the roll-ups) in the same transaction as each write.
"""
