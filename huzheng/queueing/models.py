"""Counters of an office. Tickets, series and calls follow with the queue."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Counter(models.Model):
    """A service counter (櫃檯), called by its number: 「請到 3 號櫃檯」."""

    office = models.ForeignKey(
        "core.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="counters",
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    name = models.CharField(_("name"), max_length=50, blank=True)
    is_full_function = models.BooleanField(
        _("full-function counter"),
        default=True,
        help_text=_("A full-function counter (全功能櫃檯) serves every service."),
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["office", "number"]
        verbose_name = _("counter")
        verbose_name_plural = _("counters")
        constraints = [
            models.UniqueConstraint(fields=["office", "number"], name="counter_unique_number"),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="counter_number_positive"
            ),
        ]

    def __str__(self):
        return self.name or gettext("Counter %(number)s") % {"number": self.number}
