"""A worklist desk for tests: an office, the birth and divorce registrations with their
legal deadlines, the fine schedule, the templates, and a clerk."""

import datetime as dt

from huzheng.catalog.models import RegistrationService
from huzheng.catalog.tests.factories import fine_schedule
from huzheng.core import roc
from huzheng.core.identity import check_digit_for
from huzheng.core.roles import COUNTER_STAFF, DIRECTOR, REGISTRAR
from huzheng.core.tests.factories import OfficeFactory, StaffFactory, UserFactory
from huzheng.outreach import demo, services
from huzheng.outreach.models import Source

NATIONAL_ID = "E12345678" + check_digit_for("E12345678")
OTHER_ID = "E22345678" + check_digit_for("E22345678")


def registration(slug, name, days, name_en=""):
    service, _created = RegistrationService.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "name_en": name_en,
            "category": "registration",
            "summary": name,
            "deadline_days": days,
            "late_fine_applies": True,
        },
    )
    return service


def staff(office, username, role=REGISTRAR):
    user = UserFactory(username=username, first_name=username, email=f"{username}@example.com")
    StaffFactory(user=user, office=office, roles=[role])
    return user


def outreach_desk(code="huxi"):
    names = {"huxi": "澎湖縣湖西鄉戶政事務所", "magong": "澎湖縣馬公市戶政事務所"}
    office = OfficeFactory(code=code, name=names.get(code, f"{code}戶政事務所"))
    fine_schedule()
    demo.ensure_templates()
    return {
        "office": office,
        "birth": registration("birth", "出生登記", 60, "Birth registration"),
        "divorce": registration("divorce", "離婚登記", 30, "Divorce registration"),
        "clerk": staff(office, f"{code}-clerk"),
        "counter": staff(office, f"{code}-counter", COUNTER_STAFF),
        "director": staff(office, f"{code}-director", DIRECTOR),
    }


def make_item(desk, *, days_ago=10, service="birth", **overrides):
    fields = {
        "office": desk["office"],
        "source": Source.BIRTH_REPORT if service == "birth" else Source.COURT_RULING,
        "service": desk[service],
        "person_name": "王小寶",
        "national_id": NATIONAL_ID,
        "event_date": roc.today() - dt.timedelta(days=days_ago),
        "address": "澎湖縣湖西鄉湖西村100號",
        "postcode": "885",
        "phone": "0912345678",
        "email": "parent@example.com",
        "assigned_to": desk["clerk"],
        "user": desk["clerk"],
    }
    fields.update(overrides)
    item, _created = services.add_item(**fields)
    return item
