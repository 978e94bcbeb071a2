"""Background tasks of the outbox (通知), run by `manage.py worker`. The task is defined
beside the service that queues it (no import cycle); this name stays importable for
tasks queued before it moved."""

from huzheng.notify.services import deliver_message

__all__ = ["deliver_message"]
