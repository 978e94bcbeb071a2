"""The triage list in the back office: the director takes a hit to a published
clarification; a bad step is refused with a message and changes nothing."""

import pytest
from wagtail.models import Page

from huzheng.core.roles import COUNTER_STAFF, DIRECTOR
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.mediawatch import services
from huzheng.mediawatch.models import Hit, HitStatus, Keyword, Source

pytestmark = pytest.mark.django_db


def test_the_director_triages_a_hit_to_a_clarification(client):
    office = OfficeFactory(code="huxi")
    Keyword.objects.create(office=office, word="湖西戶政")
    services.fetch_source(
        Source.objects.create(office=office, name="示範", url="demo:penghu-news.xml")
    )
    hit = Hit.objects.get()
    client.force_login(StaffFactory(office=office, roles=[COUNTER_STAFF]).user)
    assert client.get("/admin/mediawatch/").status_code in (302, 403)
    client.force_login(StaffFactory(office=office, roles=[DIRECTOR]).user)
    page = client.get("/admin/mediawatch/")
    assert page.status_code == 200 and hit.title in page.content.decode()
    url = f"/admin/mediawatch/{hit.pk}/triage/"
    client.post(url, {"status": "closed"})
    assert Hit.objects.get().status == HitStatus.NEW
    client.post(url, {"status": "relevant"})
    client.post(url, {"status": "inaccurate", "note": "週六仍有服務"})
    news = Page.get_first_root_node().add_child(instance=Page(title="澄清", slug="clarify"))
    client.post(url, {"status": "clarified", "clarification": "99999999999999999999"})
    assert Hit.objects.get().status == HitStatus.INACCURATE
    client.post(url, {"status": "clarified", "clarification": str(news.pk)})
    hit.refresh_from_db()
    assert hit.status == HitStatus.CLARIFIED and hit.clarification_id == news.pk
    assert client.post("/admin/mediawatch/99999999999999999999/triage/").status_code == 404
