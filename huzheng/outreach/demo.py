"""Demo data of the proactive notices: the letter and message templates, the three "what
next" lists, and a worklist at the demo office with every source and every state (the
people are fictional). Safe to run again: existing templates, lists and items are kept."""

import datetime as dt
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from huzheng.catalog.models import RegistrationService
from huzheng.core import roc
from huzheng.core.identity import check_digit_for
from huzheng.core.models import Office
from huzheng.notify.models import Template
from huzheng.outreach import intake, services
from huzheng.outreach.models import (
    ChecklistLine,
    ItemEvent,
    LifeEventChecklist,
    Origin,
    Source,
    WorkItem,
)

DATA = Path(__file__).parent / "data"


def seed():
    ensure_templates()
    ensure_checklists()
    office = Office.objects.filter(code="huxi", is_demo=True).first()
    if office is not None and not WorkItem.objects.filter(office=office).exists():
        _worklist(office)


def ensure_templates():
    """The templates the code uses, created when missing; an editor's changes are kept."""
    from huzheng.notify.shipped import ensure_templates as ensure_notify_templates

    ensure_notify_templates()
    for entry in json.loads((DATA / "templates.json").read_text(encoding="utf-8")):
        if not Template.objects.filter(key=entry["key"], office__isnull=True).exists():
            Template(**entry).save()


def ensure_checklists():
    for entry in json.loads((DATA / "checklists.json").read_text(encoding="utf-8")):
        if LifeEventChecklist.objects.filter(event=entry["event"]).exists():
            continue
        lines = entry.pop("lines")
        service = RegistrationService.objects.filter(slug=entry.pop("service")).first()
        checklist = LifeEventChecklist(service=service, **entry)
        checklist.lines = [ChecklistLine(sort_order=i, **line) for i, line in enumerate(lines)]
        checklist.save()


@transaction.atomic
def _worklist(office):
    clerk = get_user_model().objects.filter(username="clerk").first()
    intake.import_notifications(office, gateway=intake.DemoGateway(), user=clerk)
    items = {
        item.source + ":" + item.service.slug: item
        for item in WorkItem.objects.filter(office=office)
    }
    WorkItem.objects.filter(office=office).update(assigned_to=clerk)
    today = roc.today()
    # Told: a call that reached the mother.
    birth = items.get("birth:birth")
    if birth:
        services.log_call(
            birth, outcome=ItemEvent.Outcome.REACHED, note="母親表示下週來辦", user=clerk
        )
    # The divorce ruling is 45 days old: past its 30 days, so its reminder went out.
    divorce = items.get("court:divorce")
    if divorce:
        services.log_call(divorce, outcome=ItemEvent.Outcome.NO_ANSWER, user=clerk)
        services.send_reminder_letter(divorce, user=clerk)
    abroad = items.get("abroad:move-out")
    if abroad:
        services.send_notice_letter(abroad, user=clerk)
    guardianship = items.get("court:guardianship")
    if guardianship:
        services.mark_registered(guardianship, reference="115-HUXI-000002", user=clerk)
    booklet = items.get("booklet:household-booklet")
    if booklet:
        services.mark_registered(booklet, reference="counter", user=clerk)
        services.close(booklet, user=clerk)
    # An old death report nobody registered after the reminder: handed over (第48-2條).
    death = RegistrationService.objects.filter(slug="death").first()
    if death is not None:
        old, _ = services.add_item(
            office=office,
            source=Source.DEATH_REPORT,
            origin=Origin.CSV,
            service=death,
            person_name="周老太太（虛構）",
            national_id=_id("E20000009"),
            event_date=today - dt.timedelta(days=90),
            external_reference="澎湖醫院死亡通報 0009",
            address=f"{office.address[:10]}示範路9號",
            assigned_to=clerk,
            user=clerk,
        )
        services.send_reminder_letter(old, user=clerk, on=today - dt.timedelta(days=40))
        services.hand_over(old, note="催告期滿未申請，逕行登記", user=clerk)
    name_change = RegistrationService.objects.filter(slug="name-change").first()
    if name_change is not None:
        services.add_item(
            office=office,
            source=Source.INTERESTED_PARTY,
            service=name_change,
            person_name="李建國（虛構）",
            national_id=_id("E10000010"),
            event_date=today - dt.timedelta(days=10),
            others="配偶 李王秀英",
            deadline=today + dt.timedelta(days=20),
            phone="0987654321",
            email="citizen@example.com",
            assigned_to=clerk,
            user=clerk,
        )
    services.daily(today)


def _id(first_nine):
    return first_nine + check_digit_for(first_nine)
