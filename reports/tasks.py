from celery import shared_task

from reports.services.files import report_job_run


@shared_task(max_retries=0)
def build_report(job_id: int) -> str:
    return report_job_run(job_id=job_id).status
