"""Demo surveys of the demo office: this year's citizen satisfaction survey with a few
hundred generated answers across services, counters and channels, last year's for the
comparison, a staff survey, and an improvement action. Generated once; an office that
already has surveys is left as it is, so editors' changes survive."""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from huzheng.catalog.models import RegistrationService
from huzheng.core.models import Office
from huzheng.surveys.models import (
    Answer,
    Audience,
    Channel,
    ImprovementAction,
    Question,
    Response,
    Survey,
    WaitBand,
)

CITIZEN_QUESTIONS = [
    dict(
        kind="scale",
        text="您對本所整體服務的滿意度",
        text_en="Overall satisfaction with our service",
        low_label="非常不滿意",
        low_label_en="very dissatisfied",
        high_label="非常滿意",
        high_label_en="very satisfied",
    ),
    dict(
        kind="scale",
        text="櫃檯人員的服務態度",
        text_en="The counter staff's manner",
        low_label="非常不滿意",
        low_label_en="very dissatisfied",
        high_label="非常滿意",
        high_label_en="very satisfied",
    ),
    dict(
        kind="scale",
        text="等候時間是否合理",
        text_en="Was the wait reasonable?",
        low_label="非常不合理",
        low_label_en="not at all",
        high_label="非常合理",
        high_label_en="entirely",
    ),
    dict(
        kind="single",
        text="您今天來所的主要原因",
        text_en="Why you came today",
        required=False,
        choices="辦理登記 | a registration\n申請證明 | a certificate\n諮詢 | a question",
    ),
    dict(
        kind="multiple",
        text="您希望本所加強哪些服務？（可複選）",
        text_en="What should we improve? (tick any)",
        required=False,
        choices=(
            "網路預約 | online booking\n停車空間 | parking\n"
            "標示指引 | signs\n夜間服務 | evening hours"
        ),
    ),
    dict(
        kind="short",
        text="用一句話形容今天的服務",
        text_en="Today's service in a few words",
        required=False,
    ),
    dict(
        kind="long", text="其他意見或建議", text_en="Other comments or suggestions", required=False
    ),
]

STAFF_QUESTIONS = [
    dict(
        kind="scale",
        text="我對工作環境的滿意度",
        text_en="My satisfaction with the workplace",
        low_label="非常不滿意",
        high_label="非常滿意",
    ),
    dict(
        kind="scale",
        text="我獲得足夠的教育訓練",
        text_en="I get enough training",
        low_label="非常不同意",
        high_label="非常同意",
    ),
    dict(kind="long", text="給主管的建議", text_en="Suggestions to the director", required=False),
]

PRAISE = ["親切有效率", "很快就辦好", "說明清楚", "等太久了", "環境整潔", "服務很好", "志工很熱心"]
SUGGESTIONS = [
    "希望增加停車位。",
    "中午時段人很多，可以多開一個櫃檯嗎？",
    "網站的預約流程很方便，謝謝。",
    "指示牌可以再大一點，長輩比較看得清楚。",
    "承辦人員很有耐心地說明文件，非常感謝。",
]
SERVICES = ["birth", "death", "marriage", "move-in", "move-out", "address-change"]


@transaction.atomic
def seed():
    office = Office.objects.filter(code="huxi", is_demo=True).first()
    if office is None or Survey.objects.filter(office=office).exists():
        return
    today = timezone.localdate()
    rng = random.Random(21)
    services = list(RegistrationService.objects.filter(slug__in=SERVICES))
    last_year = _survey(
        office,
        Audience.CITIZENS,
        "民眾滿意度調查（去年）",
        "Citizen satisfaction survey (last year)",
        today.replace(year=today.year - 1, month=1, day=1),
        today.replace(year=today.year - 1, month=12, day=31),
        CITIZEN_QUESTIONS,
    )
    this_year = _survey(
        office,
        Audience.CITIZENS,
        "民眾滿意度調查",
        "Citizen satisfaction survey",
        today - dt.timedelta(days=150),
        today + dt.timedelta(days=60),
        CITIZEN_QUESTIONS,
        copied_from=last_year,
    )
    _generate(last_year, 180, rng, services, mood=3.6, days=330, end=last_year.closes_on)
    _generate(this_year, 320, rng, services, mood=4.0, days=150, end=today)
    staff = _survey(
        office,
        Audience.STAFF,
        "同仁內部滿意度調查",
        "Staff satisfaction survey",
        today - dt.timedelta(days=20),
        today + dt.timedelta(days=40),
        STAFF_QUESTIONS,
    )
    # Counter staff and registrars are groups of five or more; the director's group of
    # one stays hidden on the results page.
    for group, count in (("櫃檯", 6), ("承辦人", 5), ("主任", 1)):
        for _n in range(count):
            _response(staff, rng, channel=Channel.STAFF, group=group, mood=3.8, day=today)
    ImprovementAction.objects.create(
        office=office,
        survey=last_year,
        finding="去年「等候時間」平均分數最低，中午時段尤甚。",
        action="中午時段加開一個全功能櫃檯，並於叫號系統顯示預估等候時間。",
        owner="主任",
        due_on=today - dt.timedelta(days=200),
        done_on=today - dt.timedelta(days=210),
        result="中午平均等候由 18 分鐘降為 9 分鐘。",
    )
    ImprovementAction.objects.create(
        office=office,
        survey=this_year,
        finding="多位民眾建議增加停車空間與更大的標示。",
        action="與鄉公所協調洽借停車位；更新大廳指示牌為大字版。",
        owner="行政課",
        due_on=today + dt.timedelta(days=45),
    )


def _survey(office, audience, title, title_en, opens_on, closes_on, questions, copied_from=None):
    survey = Survey.objects.create(
        office=office,
        audience=audience,
        title=title,
        title_en=title_en,
        intro="本問卷採匿名方式，約需一分鐘。",
        intro_en="Anonymous; it takes about a minute.",
        opens_on=opens_on,
        closes_on=closes_on,
        copied_from=copied_from,
    )
    for order, data in enumerate(questions):
        Question.objects.create(survey=survey, sort_order=order, **data)
    return survey


def _generate(survey, count, rng, services, *, mood, days, end):
    channels = [Channel.TICKET] * 6 + [
        Channel.BOOKING,
        Channel.CASE,
        Channel.WEBSITE,
        Channel.COUNTER,
    ]
    for _n in range(count):
        channel = rng.choice(channels)
        visit = channel in (Channel.TICKET, Channel.BOOKING, Channel.CASE)
        _response(
            survey,
            rng,
            channel=channel,
            mood=mood,
            day=end - dt.timedelta(days=rng.randrange(days)),
            service=rng.choice(services) if visit and services else None,
            counter=rng.randint(1, 3) if channel == Channel.TICKET else None,
            series="A" if channel == Channel.TICKET else "",
            wait_band=rng.choice(list(WaitBand.values)) if channel == Channel.TICKET else "",
        )


def _response(
    survey,
    rng,
    *,
    channel,
    mood,
    day,
    service=None,
    counter=None,
    series="",
    wait_band="",
    group="",
):
    response = Response.objects.create(
        survey=survey,
        office=survey.office,
        answered_on=day,
        channel=channel,
        service=service,
        series=series,
        counter=counter,
        wait_band=wait_band,
        group=group,
    )
    rows = []
    for question in survey.questions.all():
        if question.kind == "scale":
            bias = -0.6 if wait_band == "30+" else 0
            value = max(1, min(5, round(rng.gauss(mood + bias, 0.9))))
            rows.append(Answer(response=response, question=question, value=value))
        elif question.kind == "single" and rng.random() < 0.8:
            rows.append(Answer(response=response, question=question, value=rng.randint(1, 3)))
        elif question.kind == "multiple" and rng.random() < 0.6:
            for value in sorted(rng.sample(range(1, 5), rng.randint(1, 2))):
                rows.append(Answer(response=response, question=question, value=value))
        elif question.kind == "short" and rng.random() < 0.3:
            rows.append(Answer(response=response, question=question, text=rng.choice(PRAISE)))
        elif question.kind == "long" and rng.random() < 0.15:
            rows.append(Answer(response=response, question=question, text=rng.choice(SUGGESTIONS)))
    Answer.objects.bulk_create(rows)
