"""Link checking (連結檢查): the result of every link on the public pages, and each run."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class LinkCheckRun(models.Model):
    """One pass over the live public pages."""

    class Status(models.TextChoices):
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        PARTIAL = "partial", _("stopped early")  # hit the time or link limit
        FAILED = "failed", _("failed")

    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    pages_checked = models.PositiveIntegerField(_("pages checked"), default=0)
    links_found = models.PositiveIntegerField(_("links found"), default=0)
    urls_checked = models.PositiveIntegerField(_("addresses checked"), default=0)
    broken = models.PositiveIntegerField(_("broken links"), default=0)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("link check run")
        verbose_name_plural = _("link check runs")

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.get_status_display()}"


class CheckedLink(models.Model):
    """The last result of one link (an address) on one page."""

    class Problem(models.TextChoices):
        NONE = "", _("none")
        TIMEOUT = "timeout", _("timeout")
        UNREACHABLE = "unreachable", _("unreachable")
        TOO_MANY_REDIRECTS = "redirects", _("too many redirects")
        HTTP_ERROR = "http", _("error answer")
        INVALID = "invalid", _("not a web address")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.CharField(_("web address"), max_length=2000)
    # Addresses may be longer than an index allows; uniqueness is on their SHA-256.
    url_hash = models.CharField(max_length=64, editable=False)
    is_internal = models.BooleanField(_("on this site"), default=False)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    problem = models.CharField(
        _("problem"), max_length=12, choices=Problem.choices, blank=True, default=""
    )
    final_url = models.CharField(_("final address"), max_length=2000, blank=True)
    checked_at = models.DateTimeField(_("checked at"))
    run = models.ForeignKey(
        LinkCheckRun,
        verbose_name=_("run"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="links",
    )

    class Meta:
        ordering = ["page_id", "url"]
        verbose_name = _("checked link")
        verbose_name_plural = _("checked links")
        constraints = [
            models.UniqueConstraint(fields=["page", "url_hash"], name="checked_link_unique"),
        ]
        indexes = [models.Index(fields=["problem"], name="checked_link_problem")]

    def __str__(self):
        return self.url

    @property
    def is_broken(self):
        return self.problem != self.Problem.NONE

    def problem_text(self):
        """The problem in words an editor understands."""
        code = self.status_code
        if self.problem == self.Problem.TIMEOUT:
            return gettext("The site did not answer in time.")
        if self.problem == self.Problem.UNREACHABLE:
            return gettext(
                "The site could not be reached: its name is unknown or it refused the connection."
            )
        if self.problem == self.Problem.TOO_MANY_REDIRECTS:
            return gettext("The address redirects too many times (perhaps in a loop).")
        if self.problem == self.Problem.INVALID:
            return gettext("This is not a valid web address.")
        if self.problem == self.Problem.HTTP_ERROR:
            if code in (404, 410):
                return gettext("The page does not exist (%(code)s).") % {"code": code}
            if code in (401, 403):
                return gettext("The site refused access (%(code)s).") % {"code": code}
            if code is not None and code >= 500:
                return gettext("The site had a server error (%(code)s).") % {"code": code}
            return gettext("The site answered with an error (%(code)s).") % {"code": code}
        return ""
