"""Signals one app sends and others may hear, so that no two apps import each other.

`registration_completed` is sent inside the transaction of a finished registration (a
case closed at the desk): office, service (a catalog RegistrationService), national_id_hash
(the keyed hash of the person's number, "" when unknown), reference (the case number) and
on (the date). The outreach worklist closes the item the registration settles."""

from django.dispatch import Signal

registration_completed = Signal()
