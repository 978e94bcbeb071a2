import factory

from huzheng.core.tests.factories import OfficeFactory
from huzheng.feedback import services
from huzheng.feedback.models import Category, Channel, ReplyTemplate


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    office = factory.SubFactory(OfficeFactory)
    name = factory.Sequence(lambda n: f"類別{n}")


class ReplyTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReplyTemplate

    office = factory.SubFactory(OfficeFactory)
    title = "感謝來信"
    body = "{name} 您好：感謝您的來信（{number}），本所已改善。"


def web_message(office, **kwargs):
    values = {
        "office": office,
        "mailbox": "opinion",
        "name": "王小明",
        "email": "ming@example.com",
        "subject": "櫃檯服務",
        "body": "服務很好。",
        "client": "10.0.0.1",
    }
    values.update(kwargs)
    return services.submit_web_message(**values)


def counted_message(office, **kwargs):
    values = {
        "office": office,
        "channel": Channel.COUNTER,
        "name": "李大華",
        "email": "hua@example.com",
        "subject": "等候時間",
        "body": "希望增加櫃檯。",
    }
    values.update(kwargs)
    return services.take_message(**values)
