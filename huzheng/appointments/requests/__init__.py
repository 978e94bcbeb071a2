"""Requests to the office beyond a counter booking, each its own capability: home visits
(到府服務) for people who cannot come, group applications (團體申辦) and outreach sessions
(行動服務) in the villages.

The rooms: ``views`` and ``urls`` for citizens, ``forms`` for both audiences,
``admin_views`` for staff in the back office (registered by the app's wagtail_hooks). The
writes live in ``huzheng.appointments.services.requests`` (re-exported by ``services``)."""
