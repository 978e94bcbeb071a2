from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    name = "huzheng.appointments"
    label = "appointments"
    verbose_name = _("Appointments")

    def ready(self):
        # The kiosk's check-in looks bookings up through the appointments app.
        from huzheng.appointments import services
        from huzheng.queueing.services import register_check_in

        register_check_in(
            services.check_in_service,
            services.link_check_in,
            alphabet=services.CODE_ALPHABET,
            length=services.CODE_LENGTH,
        )

        # Staff may read the full ID number of a home visit or a booking, audited.
        from django.urls import reverse

        from huzheng.appointments.models import Booking, HomeVisit
        from huzheng.core import reveal

        reveal.register(
            HomeVisit,
            back_url=lambda visit: reverse(
                "appointment_requests:home_visit_detail", args=[visit.pk]
            ),
        )
        reveal.register(Booking, back_url=lambda _booking: reverse("appointments_staff:schedule"))
