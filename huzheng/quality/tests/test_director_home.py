"""The director's home shows the mailbox, the worklist and the searches that found
nothing, each read through its own app's functions."""

import datetime as dt

from django.core.cache import cache

from huzheng.core import roc
from huzheng.core.indicators import Period
from huzheng.feedback.models import FeedbackMessage
from huzheng.feedback.tests.factories import counted_message
from huzheng.outreach.models import WorkItem
from huzheng.outreach.tests.factories import make_item, outreach_desk
from huzheng.quality import home
from huzheng.search.indicators import empty_share
from huzheng.search.models import QueryStat


def test_the_home_shows_mail_worklist_and_empty_searches(client, db):
    cache.clear()
    desk = outreach_desk()
    office, today = desk["office"], roc.today()
    late = counted_message(office)
    counted_message(office, subject="門牌")
    FeedbackMessage.objects.filter(pk=late.pk).update(due_on=today - dt.timedelta(days=1))
    soon = make_item(desk, days_ago=55)  # a birth is registered within 60 days
    past = make_item(desk, days_ago=20, person_name="林小妹")
    WorkItem.objects.filter(pk=past.pk).update(deadline=today - dt.timedelta(days=2))
    assert soon.deadline >= today
    QueryStat.objects.create(day=today, query="寵物登記", searches=4, empty=4)
    QueryStat.objects.create(day=today, query="戶籍謄本", searches=6, empty=0, clicks=5)
    QueryStat.objects.create(day=today - dt.timedelta(days=30), query="舊", searches=9, empty=9)

    figures = {f["key"]: f for f in home.today_figures(office)}
    assert figures["mailbox"]["value"] == 2 and figures["mailbox"]["alert"]
    assert "1" in figures["mailbox"]["detail"]  # overdue
    assert figures["worklist"]["value"] == 2 and figures["worklist"]["alert"]
    assert figures["searches_empty"]["value"] == 4
    assert "10" in figures["searches_empty"]["detail"]  # of ten searches this week

    client.force_login(desk["director"])
    html = client.get("/admin/").content.decode()
    for key in ("mailbox", "worklist", "searches_empty"):
        assert f'data-figure="{key}"' in html
    assert 'href="/admin/feedback/"' in html and 'href="/admin/outreach/"' in html


def test_the_share_of_searches_with_no_result_is_an_indicator(db):
    day = dt.date(2026, 11, 3)
    QueryStat.objects.create(day=day, query="寵物登記", searches=4, empty=4)
    QueryStat.objects.create(day=day, query="戶籍謄本", searches=12, empty=0, clicks=5)
    assert empty_share(None, Period.month(2026, 11)) == 25.0
    assert empty_share(None, Period.month(2026, 10)) is None
