"""Demo staff room of the demo office: a Q&A book, a question bank with an open test
(and one taken by the registrar), a training session, a finished vote and an open one,
and proposals in every state. Made once; an office that has Q&A entries is left alone.
The extra colleagues are fictional and cannot sign in."""

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from huzheng.core.models import Office, StaffProfile
from huzheng.core.roles import COUNTER_STAFF
from huzheng.staffroom import services
from huzheng.staffroom.models import (
    LawQuestion,
    LawTest,
    Proposal,
    QAEntry,
    TrainingSession,
    Vote,
    VotePeriod,
)

COLLEAGUES = [
    ("huxi-staff1", "李", "怡君"),
    ("huxi-staff2", "吳", "建宏"),
    ("huxi-staff3", "蔡", "雅婷"),
    ("huxi-staff4", "許", "文傑"),
    ("huxi-staff5", "鄭", "佩珊"),
]

QA = [
    (
        "birth",
        "出生登記可以由誰申請？",
        "由父、母或祖父母、戶長、同居人或撫養人申請。",
        "戶籍法第29條",
    ),
    (
        "birth",
        "出生登記逾期會被罰鍰嗎？",
        "出生後60日內申請；無正當理由逾期者，依戶籍法處罰鍰。",
        "戶籍法第48條、第79條",
    ),
    (
        "move-in",
        "遷入登記需要帶房屋所有權狀嗎？",
        "遷入他人房屋者，應附房屋所有權人同意書或證明文件。",
        "戶籍法施行細則",
    ),
    (
        None,
        "民眾的身份證遺失，可以在任何一所補發嗎？",
        "可以，初領以外的國民身分證補發可跨所辦理。",
        "國民身分證及戶口名簿製發相片影像檔建置管理辦法",
    ),
    (
        "marriage",
        "結婚登記雙方都要到場嗎？",
        "結婚登記應由雙方當事人親自到場辦理。",
        "戶籍法第33條",
    ),
]

BANK = [
    ("戶籍法", "第48條", "single", "出生登記應於出生後幾日內為之？", "30日\n60日\n90日", 2),
    ("戶籍法", "第48條", "single", "死亡登記應於死亡後幾日內為之？", "15日\n30日\n60日", 2),
    ("戶籍法", "第33條", "truefalse", "結婚登記得委託他人代為申請。", "", 2),
    ("戶籍法", "第29條", "truefalse", "出生登記得由祖父母申請。", "", 1),
    (
        "戶籍法",
        "第79條",
        "single",
        "逾期申請登記，經催告仍不申請者，罰鍰為新臺幣多少元？",
        "300元\n600元\n900元",
        3,
    ),
    (
        "國籍法",
        "第3條",
        "single",
        "外國人申請歸化，須於我國合法居留繼續幾年以上？",
        "3年\n5年\n7年",
        2,
    ),
    ("國籍法", "第9條", "truefalse", "申請歸化者一律須先喪失原有國籍。", "", 2),
    (
        "個資法",
        "第5條",
        "truefalse",
        "蒐集個人資料應尊重當事人權益，不得逾越特定目的之必要範圍。",
        "",
        1,
    ),
]


@transaction.atomic
def seed():
    office = Office.objects.filter(code="huxi", is_demo=True).first()
    if office is None or QAEntry.objects.filter(office=office).exists():
        return
    User = get_user_model()
    today = timezone.localdate()
    director = User.objects.filter(username="director").first()
    clerk = User.objects.filter(username="clerk").first()
    colleagues = _colleagues(office)
    from huzheng.catalog.models import RegistrationService

    services_by_slug = {s.slug: s for s in RegistrationService.objects.all()}
    for slug, question, answer, laws in QA:
        services.save_qa(
            QAEntry(
                office=office,
                service=services_by_slug.get(slug),
                question=question,
                answer=answer,
                laws=laws,
            ),
            user=director,
        )
    for topic, article, kind, text, choices, correct in BANK:
        LawQuestion.objects.create(
            office=office,
            topic=topic,
            article=article,
            kind=kind,
            text=text,
            choices=choices,
            correct=correct,
        )
    test = LawTest.objects.create(
        office=office,
        title="第4季戶政法規測驗",
        question_count=5,
        minutes=20,
        pass_mark=60,
        opens_on=today - dt.timedelta(days=10),
        closes_on=today + dt.timedelta(days=30),
    )
    if clerk is not None:
        attempt = services.start_test(test, clerk, rng=random.Random(4))
        services.submit_test(attempt, {n: 2 for n in range(1, 6)})
    session = TrainingSession.objects.create(
        office=office,
        date=today - dt.timedelta(days=14),
        topic="新修正戶籍法研習",
        speaker="縣府民政處",
        hours=3,
    )
    session.attendees.set([u for u in [director, clerk, *colleagues] if u is not None])
    _votes(office, today, colleagues, director, clerk)
    _proposals(office, colleagues, director)


def _colleagues(office):
    User = get_user_model()
    group = Group.objects.filter(name=COUNTER_STAFF).first()
    found = []
    for username, last, first in COLLEAGUES:
        user, created = User.objects.get_or_create(
            username=username, defaults={"last_name": last, "first_name": first, "is_staff": True}
        )
        if created:
            user.set_unusable_password()
            user.save()
            if group is not None:
                user.groups.add(group)
        StaffProfile.objects.get_or_create(
            user=user, defaults={"office": office, "title": "戶籍員"}
        )
        found.append(user)
    return found


def _votes(office, today, colleagues, director, clerk):
    last_quarter = VotePeriod.objects.create(
        office=office,
        title="上季績優服務人員票選",
        opens_on=today - dt.timedelta(days=100),
        closes_on=today - dt.timedelta(days=10),
    )
    picks = [1, 1, 2, 1, 0]
    for voter, pick in zip(colleagues, picks, strict=True):
        candidate = colleagues[pick] if colleagues[pick] != voter else colleagues[(pick + 1) % 5]
        Vote.objects.create(period=last_quarter, voter=voter, candidate=candidate)
    if director is not None:
        Vote.objects.create(period=last_quarter, voter=director, candidate=colleagues[1])
    this_month = VotePeriod.objects.create(
        office=office,
        title="本月績優服務人員票選",
        opens_on=today - dt.timedelta(days=5),
        closes_on=today + dt.timedelta(days=20),
    )
    services.cast_vote(this_month, colleagues[0], colleagues[2])


def _proposals(office, colleagues, director):
    examples = [
        ("櫃檯備老花眼鏡與放大鏡", "長輩填表看不清楚", "每個櫃檯備老花眼鏡、放大鏡", []),
        ("預約報到簡訊提醒", "預約民眾忘記時間", "前一日寄簡訊提醒", ["review"]),
        ("戶籍謄本自動化申請", "謄本等候時間長", "設置自動化申請機", ["review", "adopted"]),
        ("雨天借傘服務", "民眾雨天洽公不便", "門口設愛心傘架", ["review", "rejected"]),
        (
            "新住民多語申請範例",
            "新住民看不懂申請書",
            "提供越南文、印尼文範例",
            ["review", "adopted", "trial"],
        ),
        (
            "單一窗口全功能櫃檯",
            "民眾須跑多個櫃檯",
            "每櫃檯皆可辦理所有業務",
            ["review", "adopted", "trial", "standard"],
        ),
    ]
    reasons = {"adopted": "成本低、民眾受益明顯。", "rejected": "鄰近已有借傘服務，效益有限。"}
    for n, (title, problem, idea, steps) in enumerate(examples):
        proposal = services.submit_proposal(
            office=office,
            user=colleagues[n % len(colleagues)],
            title=title,
            problem=problem,
            idea=idea,
            savings="每件約省民眾5至10分鐘",
            needs="經費新臺幣數千元",
        )
        for state in steps:
            proposal = services.move_proposal(
                proposal, state, user=director, reason=reasons.get(state, "")
            )
        if proposal.state == Proposal.State.STANDARD:
            services.record_proposal_event(
                proposal, "meeting", user=director, note="創新服務精進團隊第3次會議決議推行。"
            )
            services.record_proposal_event(proposal, "reward", user=director, note="提案人嘉獎一次")
