"""Demo mailbox of the demo office: categories routed to the demo clerk, reply templates,
a blocked domain, and made-up messages in every channel and every state, so the desk,
the tracking page (demo number 1 of the year with demo@example.com) and the figures can
be tried. Only for a demo office, and only when it has no message yet."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from huzheng.core import roc
from huzheng.core.models import Office
from huzheng.feedback import documents, services
from huzheng.feedback.models import (
    BlockedSender,
    Category,
    DocumentStage,
    FeedbackMessage,
    OfficialDocument,
    ReplyTemplate,
)

DEMO_EMAIL = "demo@example.com"

CATEGORIES = [
    ("櫃檯服務", "Counter service"),
    ("戶籍登記", "Registration"),
    ("網站與線上服務", "Website and online services"),
    ("環境與設施", "Premises"),
]
TEMPLATES = [
    ("感謝肯定", None, "{name} 您好：\n感謝您的來信（{number}）與肯定，本所將持續提供優質服務。"),
    (
        "改善說明",
        "櫃檯服務",
        "{name} 您好：\n有關您反映的事項（{number}），本所已檢討並改善櫃檯作業，謝謝您的寶貴意見。",
    ),
    (
        "法令說明",
        "戶籍登記",
        "{name} 您好：\n有關您詢問的事項（{number}），依戶籍法規定說明如下：",
    ),
]


@transaction.atomic
def seed():
    office = Office.objects.filter(code="huxi", is_demo=True).first()
    if office is None:
        return
    if not OfficialDocument.objects.filter(office=office).exists():
        _seed_documents(office)
    if FeedbackMessage.objects.filter(office=office).exists():
        return
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=["clerk", "director", "counter"])
    }
    clerk, director = users.get("clerk"), users.get("director")
    categories = {}
    for order, (name, name_en) in enumerate(CATEGORIES):
        categories[name], _created = Category.objects.get_or_create(
            office=office,
            name=name,
            defaults={"name_en": name_en, "assignee": clerk, "ordering": order},
        )
    for title, category, body in TEMPLATES:
        ReplyTemplate.objects.get_or_create(
            office=office,
            title=title,
            defaults={"category": categories.get(category), "body": body},
        )
    BlockedSender.objects.get_or_create(
        office=office, address="@spam.invalid", defaults={"reason": "示範：廣告信"}
    )
    today = roc.today()
    # Tracking demo: number 1, answered and closed, waiting for its rating.
    first = services.take_message(
        office=office,
        channel="email",
        category=categories["櫃檯服務"],
        name="示範民眾（虛構）",
        email=DEMO_EMAIL,
        subject="謝謝櫃檯人員的協助",
        body="上週辦理遷入登記，櫃檯人員耐心說明，特此感謝。",
        received_on=today - dt.timedelta(days=6),
        user=clerk,
    )
    services.answer(
        first,
        services.fill_template(ReplyTemplate.objects.get(office=office, title="感謝肯定"), first),
        user=clerk,
    )
    services.close(first, user=clerk)
    services.take_message(
        office=office,
        channel="counter",
        category=categories["環境與設施"],
        name="陳先生（虛構）",
        subject="候位區座椅不足",
        body="上午人多時座椅不夠，建議增加。",
        user=users.get("counter"),
    )
    phone = services.take_message(
        office=office,
        channel="phone",
        category=categories["戶籍登記"],
        name="林小姐（虛構）",
        phone="0912345678",
        subject="出生登記期限",
        body="請問出生登記要在幾天內辦理？",
        received_on=today - dt.timedelta(days=10),
        user=clerk,
    )
    services.transfer(phone, "澎湖縣政府民政處", user=clerk)
    services.take_message(
        office=office,
        channel="written",
        name="黃先生（虛構）",
        subject="書面陳情：門牌整編",
        body="本人住處門牌與鄰居重複，請協助整編。",
        received_on=today - dt.timedelta(days=9),
        user=clerk,
    )
    # A written opinion answered by post, numbered in the outgoing-letter register.
    by_post = services.take_message(
        office=office,
        channel="written",
        name="許阿伯（虛構）",
        subject="書面建議：增設無障礙坡道",
        body="洽公時輪椅進出不便，建議增設坡道。",
        received_on=today - dt.timedelta(days=1),
        user=clerk,
    )
    services.answer(
        by_post,
        "許先生您好：本所已於大門旁增設無障礙坡道，歡迎多加利用。",
        user=clerk,
        address="澎湖縣湖西鄉湖西村100號（虛構）",
        postcode="885",
    )
    # The clock stopped: the office waits for the writer's reply.
    waiting = services.take_message(
        office=office,
        channel="phone",
        category=categories["戶籍登記"],
        name="蔡小姐（虛構）",
        phone="0922333444",
        subject="更正出生地",
        body="想更正戶籍資料上的出生地。",
        received_on=today - dt.timedelta(days=1),
        user=clerk,
    )
    services.wait_for_citizen(waiting, user=clerk, note="請民眾提供出生證明影本後再續辦。")
    withdrawn = services.take_message(
        office=office,
        channel="phone",
        name="張太太（虛構）",
        subject="預約取消",
        body="已自行取消預約，撤回意見。",
        user=clerk,
    )
    services.withdraw(withdrawn, user=clerk, note="民眾來電撤回")
    director_mail = services.take_message(
        office=office,
        channel="email",
        mailbox="director",
        category=categories["網站與線上服務"],
        name="吳先生（虛構）",
        email="wu@example.com",
        subject="建議網站增加英文服務",
        body="新住民家人看不懂中文網頁，建議加強英文說明。",
        user=clerk,
    )
    services.answer(director_mail, "吳先生您好：本所已規劃加強英文網頁內容。", user=clerk)
    services.submit_web_message(
        office=office,
        mailbox="opinion",
        name="未確認的來信（虛構）",
        email="pending@example.com",
        subject="尚未確認的意見",
        body="這封信尚未點選確認連結。",
        client="demo",
    )
    if director is not None:
        director_answered = services.take_message(
            office=office,
            channel="email",
            mailbox="director",
            name="周小姐（虛構）",
            email="chou@example.com",
            subject="夜間服務時間",
            body="希望每週有一天延長服務到晚上。",
            received_on=today - dt.timedelta(days=2),
            user=clerk,
        )
        services.answer(
            director_answered, "周小姐您好：本所每週三延長服務至晚上八點。", user=director
        )


def _seed_documents(office):
    """Demo documents: the first (1150000001 from 澎湖縣政府) can be followed online."""
    clerk = get_user_model().objects.filter(username="clerk").first()
    today = roc.today()
    first = documents.receive(
        office=office,
        sender="澎湖縣政府",
        sender_number="府民戶字第1150000123號",
        subject="函請協助辦理逕遷戶籍至戶政事務所案",
        speed="urgent",
        received_on=today - dt.timedelta(days=2),
        user=clerk,
    )
    documents.move(first, DocumentStage.PROCESSING, user=clerk, assigned_to=clerk)
    second = documents.receive(
        office=office,
        sender="內政部",
        subject="戶籍登記作業疑義釋示",
        speed="normal",
        received_on=today - dt.timedelta(days=12),
        user=clerk,
    )
    documents.move(second, DocumentStage.REPLIED, user=clerk, reply_number="湖戶字第1150000456號")
    documents.receive(
        office=office, sender="澎湖縣湖西鄉公所", subject="村里鄰調整會勘", speed="most_urgent"
    )
