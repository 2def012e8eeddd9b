from celery import shared_task

from consultations.services.feedback import feedback_erase_expired


@shared_task
def erase_expired_personal_data() -> int:
    """Scheduled by beat: names and contacts of feedback closed long enough ago."""
    return feedback_erase_expired()
