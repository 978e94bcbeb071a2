"""Background tasks of the outbox (通知), run by `manage.py worker`. The delivery task is
defined beside the service that queues it (no import cycle); this name stays importable
for tasks queued before it moved."""

from django_tasks import task

from huzheng.notify import retention
from huzheng.notify.services import deliver_message

__all__ = ["deliver_message", "purge_messages"]


@task()
def purge_messages():
    """Remove the personal data of messages past their type's retention."""
    return retention.purge_expired()
