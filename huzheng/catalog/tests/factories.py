"""A small catalog for tests that must not depend on the demo data's wording."""

from huzheng.catalog.models import (
    ChecklistQuestion,
    Fee,
    FineRule,
    ProcessStep,
    RegistrationService,
    RequiredDocument,
)

LATE_FILING = [(1, 15, 300), (16, 30, 500), (31, 180, 700), (181, None, 900)]


def fine_schedule():
    """The late-filing lines of the schedule, unless the demo catalog loaded them."""
    if FineRule.objects.filter(article="第79條").exists():
        return
    for order, (low, high, amount) in enumerate(LATE_FILING):
        FineRule.objects.create(
            article="第79條",
            offence="逾期申請",
            condition=f"逾期{low}日起",
            min_days_late=low,
            max_days_late=high,
            amount=amount,
            basis="戶籍法第79條",
            sort_order=order,
        )
    FineRule.objects.create(
        article="第79條",
        offence="逾期申請",
        condition="經催告仍不申請",
        amount=900,
        basis="戶籍法第79條",
        sort_order=9,
    )


def move_in_service(**overrides):
    """遷入登記 as the tests need it: a deadline of three months and 30 days, a fee, a
    question that adds a document, and a document the office looks up itself."""
    fields = {
        "slug": "move-in",
        "name": "遷入登記",
        "name_en": "Move-in registration",
        "category": "registration",
        "summary": "遷入本鄉時辦理。",
        "deadline_months": 3,
        "deadline_days": 30,
        "deadline_note": "遷入滿3個月後30日內",
        "deadline_basis": "戶籍法第48條",
        "late_fine_applies": True,
        "fine_basis": "戶籍法第79條",
        "processing_working_days": 0,
        "cross_office": True,
        "bookable": True,
        "is_hot": True,
        "for_new_immigrants": True,
    }
    fields.update(overrides)
    service = RegistrationService.objects.create(**fields)
    RequiredDocument.objects.create(
        service=service, sort_order=1, name="國民身分證", name_en="National ID card"
    )
    RequiredDocument.objects.create(
        service=service,
        sort_order=2,
        name="戶口名簿",
        name_en="Household certificate booklet",
        where_to_get="戶長保管",
    )
    RequiredDocument.objects.create(
        service=service,
        sort_order=3,
        name="戶長同意書",
        condition="not_head=yes",
        where_to_get="請戶長簽名",
    )
    RequiredDocument.objects.create(
        service=service, sort_order=4, name="戶籍謄本", office_looks_up=True
    )
    Fee.objects.create(service=service, sort_order=1, label="換領國民身分證", amount=50, unit="張")
    ChecklistQuestion.objects.create(
        service=service,
        sort_order=1,
        key="not_head",
        text="遷入的戶，戶長是別人嗎？",
        text_en="Is someone else the head of that household?",
    )
    ProcessStep.objects.create(service=service, sort_order=1, text="受理並核對證件")
    return service
