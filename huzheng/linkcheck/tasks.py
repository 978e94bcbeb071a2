"""Background tasks of link checking, run by `manage.py worker` (django-tasks)."""

from django_tasks import task

from huzheng.linkcheck import services


@task()
def check_links():
    """Check every link on the live public pages; returns the run's counts."""
    run = services.check_links()
    return {
        "run": run.pk,
        "status": run.status,
        "pages_checked": run.pages_checked,
        "urls_checked": run.urls_checked,
        "broken": run.broken,
    }
