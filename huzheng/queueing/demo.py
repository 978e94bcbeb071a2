"""Demo counters: Huxi's full-function counters (the plan's 全功能單一綜合服務櫃檯)."""

from django.db import transaction

from huzheng.core.models import Office
from huzheng.queueing.models import Counter

COUNTERS = {"huxi": [1, 2, 3, 4], "magong": [1, 2, 3, 4, 5, 6]}


@transaction.atomic
def seed():
    for code, numbers in COUNTERS.items():
        office = Office.objects.filter(code=code).first()
        if office is None:
            continue
        for number in numbers:
            Counter.objects.get_or_create(office=office, number=number)
