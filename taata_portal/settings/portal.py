"""The portal's own knobs: e-mail, reminders, reports, feedback, the page cache, logs."""

from .base import env

# --- Email ------------------------------------------------------------------------------------

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
if env("EMAIL_FILE_PATH", default=""):  # filemail:// mangles absolute paths; say it here
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="portal@taata.localhost")

# --- SMS (notifications/sms): console://, file:///folder, or an HTTP gateway's URL --------------
SMS_URL = env("SMS_URL", default="console://")
SMS_TO_FIELD = env("SMS_TO_FIELD", default="to")
SMS_TEXT_FIELD = env("SMS_TEXT_FIELD", default="text")
SMS_TIMEOUT_SECONDS = env.float("SMS_TIMEOUT_SECONDS", default=10)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Reminders ------------------------------------------------------------------------------

SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
REMINDER_MEETING_HOURS = env.int("REMINDER_MEETING_HOURS", default=48)
REMINDER_MINUTES_DAYS = env.int("REMINDER_MINUTES_DAYS", default=3)
REMINDER_FEEDBACK_ACKNOWLEDGE_DAY = env.int("REMINDER_FEEDBACK_ACKNOWLEDGE_DAY", default=10)
REMINDER_FEEDBACK_ANSWER_DAY = env.int("REMINDER_FEEDBACK_ANSWER_DAY", default=50)
REMINDER_ESCALATE_AFTER = env.int("REMINDER_ESCALATE_AFTER", default=2)
REMINDER_WEEKLY_DAY = 0  # Monday, for those who chose a weekly digest

# Reports: PDF and XLSX past these many rows are built by a worker, the page showing progress.
REPORT_ASYNC_ROWS_PDF = env.int("REPORT_ASYNC_ROWS_PDF", default=150)
REPORT_ASYNC_ROWS_XLSX = env.int("REPORT_ASYNC_ROWS_XLSX", default=5000)

# --- Portal -----------------------------------------------------------------------------------

# Shown on every page while demo data is loaded (make run), so no one mistakes it for real data.
SHOW_DEMO_BANNER = env.bool("SHOW_DEMO_BANNER", default=False)

# Public pages as anonymous visitors see them are cached (web.page_cache: a write renders anew
# the pages it shows on; this only bounds how long an unread copy stays). 0 turns it off.
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=600)
# Pieces of pages kept between renders (web.fragments), e.g. timeline entries; 0 turns it off.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=86400)

# Commitment state (recommendations/state/): no update for this many days is stale; a milestone
# due within this many days is due soon (pages and reminders alike).
COMMITMENT_STALE_DAYS = env.int("COMMITMENT_STALE_DAYS", default=30)
MILESTONE_DUE_SOON_DAYS = env.int("MILESTONE_DUE_SOON_DAYS", default=7)
# The one setting of the level bands: not started 0%, limited 1% to this minus one, substantial
# from this to 99%, complete 100%. Changing it: run `manage.py align_levels` afterwards.
LEVEL_SUBSTANTIAL_FROM = env.int("LEVEL_SUBSTANTIAL_FROM", default=50)
EVIDENCE_MAX_BYTES = env.int("EVIDENCE_MAX_BYTES", default=10 * 1024 * 1024)
REQUEST_OVERHEAD_BYTES = 512 * 1024  # form fields beside the largest file

# Feedback: the national complaints portal's promises (acknowledge within 15 days, answer within
# 60), how long names and contacts are kept once closed, and the per-address rate limit.
FEEDBACK_ACKNOWLEDGE_DAYS = env.int("FEEDBACK_ACKNOWLEDGE_DAYS", default=15)
FEEDBACK_ANSWER_DAYS = env.int("FEEDBACK_ANSWER_DAYS", default=60)
FEEDBACK_PERSONAL_DATA_DAYS = env.int("FEEDBACK_PERSONAL_DATA_DAYS", default=365)
FEEDBACK_RATE_LIMIT = env.int("FEEDBACK_RATE_LIMIT", default=5)  # per address per hour; 0: off
# Voice feedback: what a phone records in three minutes fits easily in 5 MB.
VOICE_MAX_BYTES = env.int("VOICE_MAX_BYTES", default=5 * 1024 * 1024)
VOICE_MAX_SECONDS = env.int("VOICE_MAX_SECONDS", default=180)
# Looking feedback up by its code: per address per ten minutes, so codes cannot be guessed in bulk.
FOLLOW_RATE_LIMIT = env.int("FOLLOW_RATE_LIMIT", default=30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # No client address, no tracking code in clear (web.log_privacy; privacy page).
    "filters": {"private": {"()": "web.log_privacy.PrivateRecords"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["private"]}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint narrates every layout step at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# --- Who publishes the portal: named in every footer, with this address -----------------------
CONTACT_EMAIL = env("CONTACT_EMAIL", default=DEFAULT_FROM_EMAIL)
# The number the CNDP gave the processing's declaration (law 09-08), on the privacy page.
CNDP_DECLARATION = env("CNDP_DECLARATION", default="")
# How long the server's logs are kept (deploy/ rotates them); said on the privacy page.
LOG_RETENTION_DAYS = env.int("LOG_RETENTION_DAYS", default=14)
# Parity, the aim the Constitution (art. 19) sets: committee pages compare women's share to it.
PARITY_TARGET_WOMEN_PERCENT = env.int("PARITY_TARGET_WOMEN_PERCENT", default=50)
