"""Queue test data: an office open at every hour in demo mode, its series and counters."""

import factory

from huzheng.core.tests.factories import OfficeFactory
from huzheng.queueing.models import Counter, Series


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series
        django_get_or_create = ("office", "letter")

    office = factory.SubFactory(OfficeFactory)
    letter = "A"
    name = "一般業務"
    name_en = "General services"
    default_service_minutes = 10


class CounterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Counter
        django_get_or_create = ("office", "number")

    office = factory.SubFactory(OfficeFactory)
    number = factory.Sequence(lambda n: n + 1)


def queue_office(code="huxi", counters=2):
    """A demo office (it takes tickets at any hour while HUZHENG_DEMO is on) with series
    A (catch-all), B (transcripts), P (priority), C (check-in) and full-function counters."""
    office = OfficeFactory(code=code, is_demo=True)
    series = {
        "A": SeriesFactory(office=office, letter="A", sort_order=0),
        "B": SeriesFactory(office=office, letter="B", name="謄本", sort_order=1),
        "C": SeriesFactory(
            office=office, letter="C", name="預約報到", kind=Series.Kind.CHECK_IN, sort_order=2
        ),
        "P": SeriesFactory(
            office=office, letter="P", name="優先", kind=Series.Kind.PRIORITY, sort_order=3
        ),
    }
    for number in range(1, counters + 1):
        CounterFactory(office=office, number=number)
    return office, series
