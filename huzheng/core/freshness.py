"""The date a page says it was last updated (最後更新): the newest change of the data the
page shows. App views put it in the context as ``page_updated_at``; the footer
(templates/includes/footer.html) shows it in ROC form in a <time datetime>, as it shows a
Wagtail page's last publication.

An office's ``updated_at`` moves when the office is saved and also when its opening hours
or special days change (a special day for every office moves every office), so the office
pages and those built on an office's calendar tell the truth. Where a page shows nothing
but its own words (a form to fill in), its date is when those words last changed on this
server: the modification time of its template, written when the release was installed."""

import datetime as dt
import os
from functools import lru_cache

from django.db.models.signals import post_delete, post_save
from django.shortcuts import render as django_render
from django.template.loader import get_template
from django.utils import timezone


def newest(*moments):
    """The latest of the dates and datetimes given (None and missing ones aside)."""
    found = []
    for moment in moments:
        if moment is None:
            continue
        if not isinstance(moment, dt.datetime):
            moment = timezone.make_aware(dt.datetime.combine(moment, dt.time.min))
        found.append(moment)
    return max(found, default=None)


@lru_cache(maxsize=128)
def template_changed_at(name):
    """When the template's file last changed here: the release that brought its words."""
    origin = get_template(name).origin.name
    return dt.datetime.fromtimestamp(os.path.getmtime(origin), tz=dt.UTC)


def file_changed_at(path):
    """When a data file (an e-form's definition) last changed here."""
    return dt.datetime.fromtimestamp(os.path.getmtime(path), tz=dt.UTC)


def touch_offices(office_id=None):
    """Mark an office changed now, or every office for a change that applies to all."""
    from huzheng.core.models import Office

    offices = Office.objects.all() if office_id is None else Office.objects.filter(pk=office_id)
    offices.update(updated_at=timezone.now())


def _calendar_changed(sender, instance, **kwargs):
    touch_offices(instance.office_id)


def connect():
    from huzheng.core.models import OpeningPeriod, SpecialDay

    for model in (OpeningPeriod, SpecialDay):
        uid = f"core.freshness.{model.__name__}"
        post_save.connect(_calendar_changed, sender=model, dispatch_uid=uid + ".save")
        post_delete.connect(_calendar_changed, sender=model, dispatch_uid=uid + ".delete")


def render(request, template_name, context=None, *args, **kwargs):
    """django.shortcuts.render for a page whose only content is its own words (a form to
    fill in): dated by its template, unless the view gave a date of its data."""
    context = dict(context or {})
    context.setdefault("page_updated_at", template_changed_at(template_name))
    return django_render(request, template_name, context, *args, **kwargs)
