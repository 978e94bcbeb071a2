"""Survey test data: a survey with one question of every kind, and finished tickets."""

import datetime as dt

import factory
from django.utils import timezone

from huzheng.core.tests.factories import OfficeFactory
from huzheng.surveys.models import Audience, Question, Survey


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    office = factory.SubFactory(OfficeFactory)
    audience = Audience.CITIZENS
    title = "民眾滿意度調查"
    title_en = "Citizen satisfaction survey"
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=30))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))


def full_survey(office, **kwargs):
    """A survey with a required scale, a single and a multiple choice, short and long text."""
    survey = SurveyFactory(office=office, **kwargs)
    questions = [
        dict(
            kind=Question.Kind.SCALE,
            text="整體而言，您對本次服務滿意嗎？",
            text_en="Overall, were you satisfied?",
            low_label="非常不滿意",
            high_label="非常滿意",
        ),
        dict(
            kind=Question.Kind.SINGLE,
            text="您的年齡",
            text_en="Your age",
            required=False,
            choices="未滿30歲 | under 30\n30至64歲 | 30 to 64\n65歲以上 | 65 or over",
        ),
        dict(
            kind=Question.Kind.MULTIPLE,
            text="您如何得知本所服務？",
            text_en="How did you hear of us?",
            required=False,
            choices="網站 | website\n親友 | family\n公告 | notices",
        ),
        dict(
            kind=Question.Kind.SHORT,
            text="一句話形容本所",
            text_en="Us in a few words",
            required=False,
        ),
        dict(kind=Question.Kind.LONG, text="其他建議", text_en="Other suggestions", required=False),
    ]
    for order, data in enumerate(questions):
        Question.objects.create(survey=survey, sort_order=order, **data)
    return survey


def finished_ticket(office, counter_number=1, service=None):
    """A ticket of today served and finished at a counter."""
    from huzheng.queueing import services as queue
    from huzheng.queueing.models import Counter

    ticket, _created = queue.issue_ticket(office, service=service)
    counter = Counter.objects.get(office=office, number=counter_number)
    ticket = queue.call_next(counter)
    return queue.finish(ticket)
