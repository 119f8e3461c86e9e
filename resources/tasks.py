"""Background work of the resource library: thin wrappers around services. Each task is safe to run twice."""

from celery import shared_task

from .services import links


@shared_task(ignore_result=True, soft_time_limit=links.TASK_SOFT_TIME_LIMIT, time_limit=links.TASK_TIME_LIMIT)
def check_resource_links() -> dict:
    """Check the links of published resources that are due (the beat schedule runs this every hour)."""
    run = links.check_published_links()
    return {"checked": run.checked, "broken": run.broken, "skipped": run.skipped}
