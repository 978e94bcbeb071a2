"""Demo cases of the demo office, made-up applicants, so the progress query can be tried:
case number 1 of the year with ID number A100000001 (fictional, passes the check digit)
or birth date 70/1/1. Only for a demo office, and only when it has no case yet."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from huzheng.cases import services
from huzheng.cases.models import Case, Stage
from huzheng.catalog.models import RegistrationService
from huzheng.core.identity import check_digit_for
from huzheng.core.models import Office

DEMO_NATIONAL_ID = "A10000000" + check_digit_for("A10000000")
DEMO_BIRTH_DATE = dt.date(1981, 1, 1)


@transaction.atomic
def seed():
    office = Office.objects.filter(code="huxi", is_demo=True).first()
    service = RegistrationService.objects.filter(slug="house-number-assignment").first()
    if office is None or service is None or Case.objects.filter(office=office).exists():
        return
    clerk = get_user_model().objects.filter(username="clerk").first()
    case = services.register_case(
        office=office,
        service=service,
        applicant_name="示範申請人（虛構）",
        national_id=DEMO_NATIONAL_ID,
        birth_date=DEMO_BIRTH_DATE,
        documents=["門牌初編申請書", "建物使用執照影本"],
        assigned_to=clerk,
        user=clerk,
    )
    services.move_stage(case, Stage.REVIEW, user=clerk)
