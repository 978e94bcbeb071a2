"""A case desk for tests: an office, a service with a processing limit, a clerk."""

import datetime as dt

from huzheng.cases import services
from huzheng.catalog.models import RegistrationService
from huzheng.core.identity import check_digit_for
from huzheng.core.roles import COUNTER_STAFF, DIRECTOR, REGISTRAR
from huzheng.core.tests.factories import OfficeFactory, StaffFactory, UserFactory

NATIONAL_ID = "A12345678" + check_digit_for("A12345678")
OTHER_ID = "B12345678" + check_digit_for("B12345678")
BIRTH_DATE = dt.date(1980, 5, 1)


def house_number_service(days=3, slug="house-number-assignment"):
    service, _created = RegistrationService.objects.get_or_create(
        slug=slug,
        defaults={
            "name": "門牌初編",
            "name_en": "House-number assignment",
            "category": "house_number",
            "summary": "新建房屋編釘門牌。",
            "processing_working_days": days,
        },
    )
    return service


def staff(office, username, role=REGISTRAR):
    user = UserFactory(username=username, first_name=username)
    StaffFactory(user=user, office=office, roles=[role])
    return user


def case_desk(code="huxi", office=None):
    office = office or OfficeFactory(code=code)
    return {
        "office": office,
        "service": house_number_service(),
        "clerk": staff(office, f"{code}-clerk"),
        "counter": staff(office, f"{code}-counter", COUNTER_STAFF),
        "director": staff(office, f"{code}-director", DIRECTOR),
    }


def make_case(desk, **overrides):
    fields = {
        "office": desk["office"],
        "service": desk["service"],
        "applicant_name": "王小明",
        "national_id": NATIONAL_ID,
        "birth_date": BIRTH_DATE,
        "received_on": dt.date(2026, 3, 2),
        "phone": "0912345678",
        "email": "ming@example.invalid",
        "documents": ["申請書", "建物使用執照影本"],
        "user": desk["clerk"],
    }
    fields.update(overrides)
    return services.register_case(**fields)
