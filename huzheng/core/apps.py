from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "huzheng.core"
    label = "core"
    verbose_name = _("Offices and platform")

    def ready(self):
        from huzheng.core import checks  # noqa: F401 - registers the system checks

        # Office pages date themselves by the office's calendar changes too.
        from huzheng.core.freshness import connect

        connect()

        # The public staff phone list (services.staff_phone_list) is kept in the page
        # cache: a changed profile or account (a name, a deactivation) makes it stale.
        from django.conf import settings
        from django.db.models.signals import post_delete, post_save

        from huzheng.core import pagecache
        from huzheng.core.models import StaffProfile

        pagecache.invalidate_on("staff", StaffProfile)
        for signal in (post_save, post_delete):
            signal.connect(
                _account_changed,
                sender=settings.AUTH_USER_MODEL,
                dispatch_uid=f"core.staff-accounts.{signal is post_save}",
            )


def _account_changed(update_fields=None, **kwargs):
    # Signing in saves last_login only, which the phone list does not show.
    if update_fields and set(update_fields) <= {"last_login"}:
        return
    from huzheng.core import pagecache

    pagecache.changed("staff")
