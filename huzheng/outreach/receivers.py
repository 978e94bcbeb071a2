"""The worklist hears of registrations finished elsewhere (a case closed at the desk)."""

from django.dispatch import receiver

from huzheng.core.signals import registration_completed


@receiver(registration_completed, dispatch_uid="outreach.complete_registration")
def _registration_completed(sender, **kwargs):
    from huzheng.outreach.services import complete_registration

    complete_registration(**kwargs)
