"""The county scores each office's self-evaluation item by item, beside the office's own
score, and takes it away as CSV and PDF; an office's director cannot."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model

from huzheng.core.models import StaffProfile
from huzheng.quality import county, services
from huzheng.quality.models import SelfScore
from huzheng.quality.tests.test_county import two_offices  # noqa: F401 -- a fixture

PLAN_103 = services.DATA_DIR / "plan-103.json"


@pytest.fixture
def scoring(two_offices):  # noqa: F811
    plan = services.load_plan_file(two_offices["huxi"], PLAN_103)
    items = services.scored_items(plan)[:2]
    services.set_self_score(items[0], self_score=items[0].points, text="全數完成")
    user = get_user_model().objects.create_user("county-s", password="x", is_staff=True)
    user.groups.add(county.ensure_county_role())
    StaffProfile.objects.create(user=user, office=None)
    return {**two_offices, "plan": plan, "items": items, "county": user}


def test_the_county_scores_an_offices_items_beside_its_self_score(client, scoring):
    plan, (first, second) = scoring["plan"], scoring["items"]
    url = f"/admin/quality/county/huxi/{plan.year}/"
    client.force_login(scoring["county"])
    assert (
        'data-county-scores="huxi"'
        in client.get("/admin/quality/county/?period=2014").content.decode()
    )
    page = client.get(url).content.decode()
    assert "全數完成" in page and f"item{first.pk}-county_score" in page

    response = client.post(
        url,
        {
            f"item{first.pk}-county_score": str(first.points - 1),
            f"item{first.pk}-comment": "佐證略少",
            f"item{second.pk}-county_score": "1",
        },
    )
    assert response.status_code == 302
    first_score = SelfScore.objects.get(item=first)
    assert (first_score.self_score, first_score.county_score) == (first.points, first.points - 1)
    assert first_score.county_comment == "佐證略少"
    assert first_score.text == "全數完成"  # the office's own words are not touched
    assert SelfScore.objects.get(item=second).self_score is None

    # A score above the item's points is refused and nothing changes.
    too_much = client.post(url, {f"item{first.pk}-county_score": str(first.points + 1)})
    assert too_much.status_code == 422
    assert SelfScore.objects.get(item=first).county_score == first.points - 1
    assert client.post(url, {f"item{first.pk}-county_score": "abc"}).status_code == 422

    exported = client.get(f"{url}scores.csv")
    assert exported["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    row = next(r for r in rows if r[0] == first.number and r[1] == first.title)
    assert row[3:7] == [str(first.points), str(first.points - 1), "-1.0", "佐證略少"]
    pdf = client.get(f"{url}report.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_an_offices_director_cannot_score_nor_open_another_office(client, scoring):
    plan, first = scoring["plan"], scoring["items"][0]
    client.force_login(scoring["huxi_director"])
    url = f"/admin/quality/county/huxi/{plan.year}/"
    for response in (
        client.get(url),
        client.post(url, {f"item{first.pk}-county_score": "0"}),
        client.get(f"{url}scores.csv"),
    ):
        assert response.status_code in (302, 403)
    assert SelfScore.objects.get(item=first).county_score is None
    client.force_login(scoring["county"])
    assert client.get(f"/admin/quality/county/nowhere/{plan.year}/").status_code == 404
