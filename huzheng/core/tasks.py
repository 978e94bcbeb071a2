"""Background tasks of the core, run by `manage.py worker` (django-tasks)."""

from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_email(subject, body, to, reply_to=None):
    """Send one plain-text e-mail through Django's configured backend; returns the count
    sent. Queued rather than sent in the request, so a slow mail server never slows a
    page and a failure can be retried."""
    message = EmailMessage(
        subject=subject, body=body, to=list(to), reply_to=[reply_to] if reply_to else None
    )
    return message.send(fail_silently=False)
