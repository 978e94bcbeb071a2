"""Villages (村/里) of an office's area. Neighbourhoods and house numbers follow."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Village(models.Model):
    """A village (村) or urban village (里) in an office's area."""

    office = models.ForeignKey(
        "core.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="villages",
    )
    name = models.CharField(_("name"), max_length=20)
    code = models.CharField(
        _("administrative code"),
        max_length=20,
        blank=True,
        help_text=_("The MOI administrative area code, when known."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    confirmed = models.BooleanField(
        _("name confirmed"),
        default=True,
        help_text=_("Unticked while the name still has to be checked against the MOI list."),
    )

    class Meta:
        ordering = ["office", "sort_order", "name"]
        verbose_name = _("village")
        verbose_name_plural = _("villages")
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="village_unique_name"),
        ]

    def __str__(self):
        return self.name
