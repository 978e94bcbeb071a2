"""Background tasks of the outbox (通知), run by `manage.py worker`."""

from django_tasks import task

from huzheng.notify import services


@task()
def deliver_message(message_id):
    """Send one queued message; a failure is recorded and retried by the service."""
    return services.deliver(message_id)
