from accounts.permissions import is_observatory_staff


def can_view_reports(user) -> bool:
    """Reports with filters, previews and downloads: observatory staff."""
    return is_observatory_staff(user)


def can_publish_reports(user) -> bool:
    return is_observatory_staff(user)


def can_download_job(user, job) -> bool:
    return can_view_reports(user) and (job.created_by_id == user.pk or is_observatory_staff(user))
