"""Background tasks of the citizens' voice, run by `manage.py worker`; `manage.py
feedback_daily` queues them once a day."""

from django_tasks import task

from huzheng.feedback import deadlines


@task()
def send_reminders():
    """Half-time and due-day reminders to the staff member in charge."""
    return deadlines.send_reminders()


@task()
def escalate_overdue():
    """Overdue messages to the director."""
    return deadlines.escalate_overdue()


@task()
def send_digests():
    """The director's daily digest."""
    return deadlines.send_digests()
