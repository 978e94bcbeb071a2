"""Background tasks of news monitoring, run by `manage.py worker`."""

from django_tasks import task

from huzheng.mediawatch import services


@task()
def fetch_feeds():
    """Read every active source; `manage.py mediawatch_fetch` queues it periodically."""
    return services.fetch_all()
