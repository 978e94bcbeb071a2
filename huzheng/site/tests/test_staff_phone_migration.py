"""The hand-typed staff phone list (site.StaffContact) leaves nothing behind when it gives
way to the staff profiles: a line matching a staff member of the page's office fills that
profile's empty phone (with the extension) and duties, a profile's own phone wins, lines
matching nobody go, and the pages' saved revisions lose their copy of the list."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Revision

from huzheng.core.demo import ensure_wagtail_roots
from huzheng.core.models import StaffProfile
from huzheng.core.tests.factories import OfficeFactory, StaffFactory, UserFactory

BEFORE = [("site", "0004_facts_sources")]


def staff(office, username, last, first, **fields):
    user = UserFactory(username=username, last_name=last, first_name=first)
    return StaffFactory(office=office, user=user, **fields)


@pytest.mark.django_db(transaction=True)
def test_the_typed_list_moves_into_matching_profiles_and_nothing_is_left(settings):
    from huzheng.site.models import AgencyPage

    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        office = OfficeFactory(code=settings.HUZHENG_DEFAULT_OFFICE)
        clerk = staff(office, "m-clerk", "陳", "志明")
        counter = staff(office, "m-counter", "王", "淑芬", phone="06-9921145#22")
        elsewhere = staff(OfficeFactory(code="elsewhere"), "m-other", "李", "四")
        page = AgencyPage(title="組織與聯絡電話", slug="organisation")
        ensure_wagtail_roots().add_child(instance=page)
        revision = page.save_revision()
        typed = old.get_model("site", "StaffContact")
        for order, (name, duties, extension) in enumerate(
            [
                ("陳 志明", "戶籍登記", "21"),
                ("王淑芬", "櫃檯", "99"),
                ("李四", "國籍", "30"),  # a staff member of another office
                ("無名氏（虛構）", "印鑑", "24"),  # nobody
            ]
        ):
            typed.objects.create(
                page_id=page.pk,
                sort_order=order,
                name=name,
                duties=duties,
                phone="06-9921145",
                extension=extension,
            )
        Revision.objects.filter(pk=revision.pk).update(
            content={**revision.content, "staff_contacts": [{"name": "陳志明"}]}
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(latest)

    clerk = StaffProfile.objects.get(pk=clerk.pk)
    assert (clerk.phone, clerk.duties) == ("06-9921145#21", "戶籍登記")
    counter = StaffProfile.objects.get(pk=counter.pk)
    assert (counter.phone, counter.duties) == ("06-9921145#22", "櫃檯")  # its own phone wins
    assert StaffProfile.objects.get(pk=elsewhere.pk).phone == ""
    assert "site_staffcontact" not in connection.introspection.table_names()
    assert "staff_contacts" not in Revision.objects.get(pk=revision.pk).content
