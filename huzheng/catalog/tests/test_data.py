"""The catalog as the office publishes it: every service the plan names, fees and fines as
the schedules say, deadlines as the law counts them, figures nobody has confirmed marked as
such, and a loader that leaves editors' changes alone."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from wagtail.models import ModelLogEntry, Revision

from huzheng.catalog import demo
from huzheng.catalog.datafiles import read_catalog
from huzheng.catalog.models import (
    Category,
    ChecklistQuestion,
    Fee,
    FineRule,
    ProcessStep,
    RegistrationService,
    RequiredDocument,
    ServiceContact,
)
from huzheng.catalog.services import checklist, deadline, late_fine
from huzheng.core.models import Office
from huzheng.core.tests.factories import OfficeFactory
from huzheng.core.validators import validate_phone
from tests.dbsnapshot import built_once

pytestmark = pytest.mark.django_db

PLAN_SERVICES = {
    # 戶籍登記
    "birth", "death", "death-declaration", "marriage", "divorce", "move-in", "move-out",
    "address-change", "household-split-merge", "head-of-household-change", "recognition",
    "adoption", "adoption-termination", "guardianship", "assistance", "minor-children-rights",
    "name-change", "surname-change", "birth-date-correction", "birthplace", "indigenous-status",
    "first-registration", "nationality", "relocation-to-office",
    # 門牌
    "house-number-assignment", "house-number-certificate",
    # 謄本與證明
    "household-transcript", "household-transcript-english", "marriage-divorce-certificate",
    "record-certificates", "kinship-data", "household-booklet",
    # 國民身分證
    "id-card-first", "id-card-reissue", "id-card-replacement", "id-card-loss",
    # 自然人憑證、印鑑、到府服務
    "digital-certificate", "seal-registration", "seal-certificate", "home-service",
}  # fmt: skip
HOT = {
    "household-transcript", "household-transcript-english", "id-card-reissue",
    "id-card-replacement", "move-in", "birth", "marriage", "digital-certificate",
    "seal-certificate",
}  # fmt: skip


@pytest.fixture
def huxi(db):
    # The catalog's own office when a test asks for both.
    return Office.objects.filter(code="huxi").first() or OfficeFactory(
        code="huxi", name="澎湖縣湖西鄉戶政事務所"
    )


@pytest.fixture
def catalog(db):
    """The whole catalog as the demo loads it, for the Huxi office."""

    def build():
        OfficeFactory(code="huxi", name="澎湖縣湖西鄉戶政事務所")
        demo.seed()

    built_once("catalog", build)
    return {s.slug: s for s in RegistrationService.objects.all()}


def _fee(service, label):
    return service.fees.get(label=label)


def _names(documents):
    return [d.name for d in documents]


# -- What the catalog holds ------------------------------------------------------------


def test_every_service_the_plan_names_is_in_the_catalog(catalog):
    assert set(catalog) == PLAN_SERVICES
    for slug, service in catalog.items():
        assert service.name and service.name_en, slug
        assert service.summary and service.summary_en, slug
        assert service.who_may_apply and service.who_may_apply_en, slug
        assert service.category in Category.values, slug
        assert service.steps.exists(), slug
        assert service.sources.strip(), slug
        for step in service.steps.all():
            assert step.text and step.text_en, slug


def test_texts_use_taiwan_usage(catalog):
    for service in catalog.values():
        texts = [service.name, service.summary, service.who_may_apply, service.deadline_note]
        texts += [d.name + d.note + d.where_to_get for d in service.documents.all()]
        for text in texts:
            for mainland, taiwan in (("身份", "身分"), ("台灣", "臺灣"), ("信息", "資訊")):
                assert mainland not in text, (service.slug, taiwan, text)


def test_hot_services_are_the_ones_people_come_for_most(catalog):
    assert {slug for slug, s in catalog.items() if s.is_hot} == HOT
    hot_orders = [s.sort_order for s in catalog.values() if s.is_hot]
    assert max(hot_orders) < min(s.sort_order for s in catalog.values() if not s.is_hot)


def test_everything_done_at_a_counter_can_be_booked_but_a_loss_report_is_made_at_once(catalog):
    assert not catalog["id-card-loss"].bookable
    assert all(s.bookable for slug, s in catalog.items() if slug != "id-card-loss")
    assert catalog["home-service"].bookable


def test_the_audiences_find_their_services(catalog):
    assert catalog["indigenous-status"].for_indigenous
    for slug in ("nationality", "first-registration", "marriage", "divorce", "name-change"):
        assert catalog[slug].for_new_immigrants, slug
    assert not catalog["household-transcript"].for_new_immigrants


# -- Fees (戶政規費) -----------------------------------------------------------------------


def test_an_id_card_reissue_costs_200_and_a_replacement_50(catalog):
    assert _fee(catalog["id-card-reissue"], "補領國民身分證").amount == 200
    replacement = _fee(catalog["id-card-replacement"], "換領國民身分證")
    assert replacement.amount == 50
    assert "免費" in replacement.note  # re-districting or renumbering
    assert _fee(catalog["id-card-first"], "初領國民身分證").amount == 50


def test_an_english_transcript_costs_100_then_15_a_copy(catalog):
    fee = _fee(catalog["household-transcript-english"], "英文戶籍謄本")
    assert (fee.amount, fee.additional_amount, fee.verified) == (100, 15, True)


def test_a_chinese_transcript_costs_15_a_sheet_and_the_electronic_one_nothing(catalog):
    service = catalog["household-transcript"]
    fee = _fee(service, "戶籍謄本")
    assert (fee.amount, fee.unit, fee.additional_amount) == (15, "張", None)
    assert "免費" in fee.note and "電子戶籍謄本" in service.summary


def test_certificates_cost_what_the_fee_schedule_says(catalog):
    assert (
        _fee(catalog["marriage-divorce-certificate"], "結婚、離婚證明書（中、英文）").amount == 100
    )
    assert {f.amount for f in catalog["record-certificates"].fees.all()} == {15}
    assert catalog["record-certificates"].fees.count() == 3
    kinship = _fee(catalog["kinship-data"], "親等關聯資料")
    assert (kinship.amount, kinship.additional_amount) == (30, 15)
    assert _fee(catalog["household-booklet"], "戶口名簿").amount == 30
    assert _fee(catalog["digital-certificate"], "自然人憑證").amount == 250


def test_nationality_fees_are_paid_to_the_ministry(catalog):
    fees = {f.label: f for f in catalog["nationality"].fees.all()}
    assert fees["歸化國籍測試報名費"].amount == 500
    assert fees["歸化國籍許可證書"].amount == 1200
    assert fees["中華民國國籍證明"].amount == 1000
    assert all("郵政匯票" in f.note for f in fees.values())


def test_registrations_themselves_are_free(catalog):
    for slug in ("birth", "death", "guardianship", "minor-children-rights", "move-out"):
        assert not catalog[slug].fees.exists(), slug


# -- What nobody has confirmed --------------------------------------------------------


def test_figures_no_source_confirms_are_marked_unverified(catalog):
    # Local seal and house-number fees: other counties' figures, Penghu's not confirmed.
    for slug in ("seal-registration", "seal-certificate", "house-number-certificate"):
        fees = list(catalog[slug].fees.all())
        assert fees and not any(f.verified for f in fees), slug
        assert "澎湖縣" in catalog[slug].unverified, slug
    # Every unverified fee names its source or is explained on its service.
    for fee in Fee.objects.filter(verified=False).select_related("service"):
        assert fee.source or fee.service.unverified.strip(), fee.service.slug
    # Penghu's door-plate fee is unknown: no number is made up for it, and it is not free
    # either — a fee row the office fills in (every county found charges NT$40–90).
    plate = catalog["house-number-assignment"]
    (plate_fee,) = plate.fees.all()
    assert plate_fee.label == "門牌工本費" and plate_fee.amount is None
    assert not plate_fee.verified and "40至90元" in plate_fee.source
    assert "門牌工本費" in plate.unverified and "澎湖縣" in plate.unverified
    # The house-number time limit is Taichung's, and says so.
    assert plate.processing_working_days == 3
    assert "臺中市" in plate.unverified


def test_the_ministry_decides_nationality_cases_so_the_office_gives_no_time(catalog):
    nationality = catalog["nationality"]
    assert nationality.processing_working_days is None
    assert "內政部" in nationality.processing_note
    assert nationality.unverified.strip()


def test_what_is_done_while_you_wait_says_so(catalog):
    for slug in (
        "id-card-first",
        "id-card-reissue",
        "id-card-replacement",
        "household-transcript",
        "birth",
        "move-in",
        "digital-certificate",
        "seal-certificate",
    ):
        assert catalog[slug].processing_working_days == 0, slug
        assert catalog[slug].processing_note, slug


def test_a_processing_time_nobody_gives_is_left_empty_and_explained(catalog):
    # Explained, or the office's own figure still to be filled in (the page says to ask).
    for service in catalog.values():
        if service.processing_working_days is None and service.slug not in OFFICE_SETS_TIME:
            assert service.processing_note, service.slug
    # No internal planning note (the 103年 plan) stands in for the time limit.
    english = catalog["household-transcript-english"]
    assert "103年" not in english.processing_note
    assert "103年" in english.unverified  # kept for the office's review list


OFFICE_SETS_TIME = {"household-transcript-english"}


# -- Deadlines and late fines (戶籍法 第48、79條) ---------------------------------------------


def test_a_birth_must_be_registered_within_60_days_and_a_move_within_three_months_and_30_days(
    catalog,
):
    born = dt.date(2026, 1, 10)
    assert deadline(catalog["birth"], born) == dt.date(2026, 3, 11)
    assert deadline(catalog["move-in"], born) == dt.date(2026, 5, 10)
    assert deadline(catalog["move-out"], born) == dt.date(2026, 5, 10)
    assert deadline(catalog["address-change"], born) == dt.date(2026, 5, 10)
    assert deadline(catalog["death"], born) == dt.date(2026, 2, 9)
    assert deadline(catalog["marriage"], born) == dt.date(2026, 2, 9)


def test_a_deadline_on_a_closed_day_moves_to_the_next_working_day(catalog, huxi):
    # 2026-01-10 + 3 months + 30 days = Sunday 2026-05-10.
    assert deadline(catalog["move-in"], dt.date(2026, 1, 10), huxi) == dt.date(2026, 5, 11)


def test_late_filing_fines_follow_the_2010_schedule(catalog):
    birth = catalog["birth"]
    born = dt.date(2026, 1, 10)
    due = deadline(birth, born)

    def fine(days_late, **kwargs):
        return late_fine(birth, born, due + dt.timedelta(days=days_late), **kwargs)

    assert fine(0) == 0
    assert fine(10) == 300
    assert fine(15) == 300
    assert fine(16) == 500
    assert fine(20) == 500
    assert fine(100) == 700
    assert fine(180) == 700
    assert fine(181) == 900
    assert fine(200) == 900
    assert fine(3, reminded=True) == 900
    assert fine(0, reminded=True) == 0  # in time, reminder or not


def test_every_line_of_the_fine_schedule_is_loaded(catalog):
    def amounts(article):
        return [r.amount for r in FineRule.objects.filter(article=article).order_by("sort_order")]

    assert amounts("第79條") == [300, 500, 700, 900, 900]
    assert amounts("第76條") == [3000, 6000, 9000]
    assert amounts("第77條") == [3000, 6000, 9000, 3000, 6000, 9000]
    assert amounts("第78條") == [1000, 1500, 2000, 3000]
    assert amounts("第80條") == [1000, 2000, 3000]
    reminded = FineRule.objects.get(article="第79條", min_days_late__isnull=True)
    assert (reminded.amount, reminded.condition) == (900, "經催告仍不申請")
    tiers = FineRule.objects.filter(article="第79條", min_days_late__isnull=False)
    assert [(r.min_days_late, r.max_days_late) for r in tiers.order_by("min_days_late")] == [
        (1, 15), (16, 30), (31, 180), (181, None)
    ]  # fmt: skip
    for rule in FineRule.objects.all():
        assert rule.offence and rule.offence_en and rule.condition_en and rule.basis, rule
        assert "99年9月17日" in rule.basis


def test_every_registration_with_a_deadline_carries_the_late_fine(catalog):
    with_deadline = [s for s in catalog.values() if s.has_deadline]
    assert {s.slug for s in with_deadline} >= {
        "birth", "death", "death-declaration", "marriage", "divorce", "move-in", "move-out",
        "address-change", "recognition", "adoption", "adoption-termination", "guardianship",
        "assistance", "minor-children-rights", "first-registration",
    }  # fmt: skip
    for service in with_deadline:
        assert service.category == Category.REGISTRATION, service.slug
        assert service.late_fine_applies, service.slug
        assert "第79條" in service.fine_basis, service.slug
        assert "第48條" in service.deadline_basis, service.slug
        assert service.deadline_note, service.slug
    for service in catalog.values():
        if not service.has_deadline:
            assert not service.late_fine_applies, service.slug
            assert late_fine(service, dt.date(2020, 1, 1), dt.date(2026, 1, 1)) == 0


# -- Checklists and documents ---------------------------------------------------------


def test_a_move_in_by_someone_who_is_not_head_of_household_needs_more(catalog):
    move_in = catalog["move-in"]
    own = checklist(move_in, {"not_head": "no"})
    joining = checklist(move_in, {"not_head": "yes"})
    added = set(_names(joining.bring)) - set(_names(own.bring))
    assert added == {"遷入戶之戶口名簿正本"}
    assert "遷入戶之戶口名簿正本" not in _names(checklist(move_in).bring)


def test_a_move_in_asks_about_the_house_and_who_moves_along(catalog):
    move_in = catalog["move-in"]
    assert {q.key for q in move_in.questions.all()} >= {"not_head", "owns_house", "with_others"}
    assert "建物所有權狀或最近一期房屋稅單" in _names(
        checklist(move_in, {"owns_house": "yes"}).bring
    )
    together = _names(checklist(move_in, {"with_others": "yes"}).bring)
    assert any(name.startswith("同遷者") for name in together)


def test_a_birth_to_married_parents_needs_their_surname_agreement(catalog):
    birth = catalog["birth"]
    married = _names(checklist(birth, {"parents_married": "yes"}).bring)
    unmarried = _names(checklist(birth, {"parents_married": "no"}).bring)
    assert "子女姓氏約定書" in married and "子女姓氏約定書" not in unmarried
    abroad = _names(checklist(birth, {"born_abroad": "yes"}).bring)
    assert "經驗證之國外出生證明及中文譯本" in abroad


def test_a_marriage_to_a_foreign_national_needs_the_foreign_spouses_papers(catalog):
    marriage = catalog["marriage"]
    plain = _names(checklist(marriage, {"foreign_spouse": "no"}).bring)
    foreign = _names(checklist(marriage, {"foreign_spouse": "yes"}).bring)
    assert "外籍配偶之護照正本" in foreign and "外籍配偶之護照正本" not in plain
    assert len(foreign) > len(plain)


def test_changing_the_photo_needs_a_photo_and_a_minor_changing_name_needs_the_parents(catalog):
    replacement = catalog["id-card-replacement"]
    assert len(checklist(replacement, {"new_photo": "yes"}).bring) > len(
        checklist(replacement, {"new_photo": "no"}).bring
    )
    name_change = catalog["name-change"]
    minor = _names(checklist(name_change, {"minor": "yes"}).bring)
    assert "法定代理人之國民身分證正本及印章" in minor
    assert "法定代理人之國民身分證正本及印章" not in _names(checklist(name_change).bring)


def test_the_office_looks_up_the_household_transcript_itself(catalog):
    for slug in ("move-in", "marriage", "divorce", "name-change", "adoption"):
        result = checklist(catalog[slug])
        assert "戶籍謄本" in _names(result.looked_up), slug
        assert "戶籍謄本" not in _names(result.bring), slug
    assert "出生證明書" in _names(checklist(catalog["birth"]).looked_up)
    by_court = checklist(catalog["divorce"], {"by_court": "yes"})
    assert any(d.name.startswith("法院判決書") for d in by_court.looked_up)
    assert not checklist(catalog["divorce"], {"by_court": "no"}).looked_up[1:]


def test_checklist_answers_with_unknown_keys_or_values_are_ignored(catalog):
    move_in = catalog["move-in"]
    plain = _names(checklist(move_in).bring)
    hostile = {
        "not_head": "YES",
        "owns_house": "maybe",
        "rents": ["yes"],
        "with_others": None,
        "parents_married": "yes",  # another service's question
        "<script>alert(1)</script>": "yes",
        "not_head=yes": "yes",
        "": "yes",
    }
    result = checklist(move_in, hostile)
    assert _names(result.bring) == plain
    assert result.answers == {}
    assert _names(checklist(move_in, None).bring) == plain


def test_every_document_condition_names_a_question_of_its_service(catalog):
    for service in catalog.values():
        keys = {q.key for q in service.questions.all()}
        for document in service.documents.all():
            if not document.condition:
                continue
            key, sep, value = document.condition.partition("=")
            assert sep and key in keys and value in ("yes", "no"), (service.slug, document)
        for key in keys:
            assert service.documents.filter(condition__startswith=f"{key}=").exists(), (
                service.slug,
                key,
            )


def test_people_who_must_come_in_person_are_not_offered_an_agent(catalog):
    # 戶籍法 第47條: 認領、終止收養、結婚、兩願離婚; 第60條: 初領、補領身分證.
    for slug in (
        "recognition",
        "adoption-termination",
        "marriage",
        "id-card-first",
        "id-card-reissue",
    ):
        keys = {q.key for q in catalog[slug].questions.all()}
        assert "by_proxy" not in keys, slug
        assert "親自" in catalog[slug].who_may_apply, slug


def test_where_a_service_can_be_done_follows_the_law(catalog):
    anywhere = {
        "household-transcript",
        "household-transcript-english",
        "marriage",
        "divorce",
        "marriage-divorce-certificate",
        "record-certificates",
        "kinship-data",
        "id-card-first",
        "id-card-reissue",
        "id-card-replacement",
        "id-card-loss",
        "household-booklet",
        "digital-certificate",
    }
    local = {
        "first-registration",
        "house-number-assignment",
        "house-number-certificate",
        "seal-registration",
        "move-in",
        "birth-date-correction",
        "home-service",
    }
    assert all(catalog[slug].cross_office for slug in anywhere)
    assert not any(catalog[slug].cross_office for slug in local)


# -- Contacts ---------------------------------------------------------------------------


def test_every_service_names_who_answers_at_huxi(catalog, huxi):
    extension = {
        "move-in": "#21", "house-number-assignment": "#21", "nationality": "#21",
        "id-card-reissue": "#22", "household-transcript": "#22", "record-certificates": "#22",
        "digital-certificate": "#22", "seal-certificate": "#22", "home-service": "#10",
    }  # fmt: skip
    for slug, service in catalog.items():
        contacts = list(service.contacts.filter(office=huxi))
        assert len(contacts) == 1, slug
        assert contacts[0].title, slug
        validate_phone(contacts[0].phone)
        if slug in extension:
            assert contacts[0].phone == f"06-9921145{extension[slug]}", slug


def test_contacts_are_added_once_the_office_exists():
    demo.seed()
    assert RegistrationService.objects.count() == len(read_catalog().services)
    assert not ServiceContact.objects.exists()
    huxi = OfficeFactory(code="huxi")
    demo.seed()
    assert ServiceContact.objects.filter(office=huxi).count() == len(read_catalog().services)
    demo.seed()
    assert ServiceContact.objects.count() == len(read_catalog().services)


def test_a_service_whose_contact_an_editor_removed_gets_it_back_but_others_are_kept(catalog, huxi):
    magong = OfficeFactory(code="magong")
    birth = catalog["birth"]
    birth.contacts.all().delete()
    ServiceContact.objects.create(service=birth, office=magong, title="馬公", phone="06-9272145")
    demo.seed()
    assert birth.contacts.filter(office=huxi).count() == 1
    assert birth.contacts.filter(office=magong).count() == 1


# -- The loader -------------------------------------------------------------------------


def _snapshot():
    models = (
        RegistrationService,
        RequiredDocument,
        Fee,
        ProcessStep,
        ChecklistQuestion,
        ServiceContact,
        FineRule,
        Revision,
        ModelLogEntry,
    )
    counts = {model.__name__: model.objects.count() for model in models}
    stamps = dict(RegistrationService.objects.values_list("slug", "updated_at"))
    return counts, stamps


def test_loading_the_catalog_twice_changes_nothing(demo_data):
    # demo_data holds what a first `seed_demo` wrote (built once per run).
    first = _snapshot()
    assert first[0]["RegistrationService"] == len(read_catalog().services)
    assert first[0]["FineRule"] == len(read_catalog().fine_rules)
    call_command("seed_demo", verbosity=0)
    assert _snapshot() == first


def test_each_loaded_service_starts_its_history_with_one_revision(catalog):
    for service in catalog.values():
        revisions = Revision.objects.for_instance(service)
        assert revisions.count() == 1, service.slug
        assert service.latest_revision == revisions.get()
        assert revisions.get().user is None
        content = revisions.get().content
        assert len(content["documents"]) == service.documents.count(), service.slug
        assert len(content["contacts"]) == 1, service.slug
    assert ModelLogEntry.objects.filter(action="wagtail.edit").count() >= len(catalog)


def test_an_editors_change_survives_the_next_load(catalog):
    move_in = catalog["move-in"]
    move_in.summary = "編輯修改過的說明"
    move_in.save()
    move_in.fees.filter(label="隨同換領國民身分證（住址變更）").update(amount=60)
    move_in.documents.filter(name="戶籍謄本").delete()
    FineRule.objects.filter(article="第79條", min_days_late=1).update(amount=350)
    demo.seed()
    move_in.refresh_from_db()
    assert move_in.summary == "編輯修改過的說明"
    assert _fee(move_in, "隨同換領國民身分證（住址變更）").amount == 60
    assert not move_in.documents.filter(name="戶籍謄本").exists()
    assert FineRule.objects.get(article="第79條", min_days_late=1).amount == 350
    assert FineRule.objects.filter(article="第79條").count() == 5


def test_a_deleted_service_or_fine_line_comes_back_on_the_next_load(catalog):
    catalog["kinship-data"].delete()
    FineRule.objects.filter(article="第80條").delete()
    demo.seed()
    assert RegistrationService.objects.filter(slug="kinship-data").exists()
    assert FineRule.objects.filter(article="第80條").count() == 3


def test_the_data_fits_the_database(catalog):
    for service in catalog.values():
        service.full_clean()
        inlines = [
            *service.documents.all(),
            *service.fees.all(),
            *service.steps.all(),
            *service.questions.all(),
            *service.contacts.all(),
        ]
        for item in inlines:
            try:
                item.full_clean(exclude=["service", "office"])
            except ValidationError as error:  # pragma: no cover - the message names the row
                pytest.fail(f"{service.slug}: {item}: {error}")
    for rule in FineRule.objects.all():
        rule.full_clean()


def test_the_data_files_are_consistent_on_their_own():
    data = read_catalog()  # refuses repeated slugs, question keys and fine lines itself
    orders = [s.fields["sort_order"] for s in data.services]
    assert len(orders) == len(set(orders))
    assert set(data.contacts) == set(Category.values)
    assert data.contacts_office == "huxi"
    for spec in data.services:
        if spec.fields.get("deadline_months") is not None:
            assert spec.fields.get("deadline_days") is not None, spec.slug


# -- Facts checked against the statute, the fee schedule and offices' pages (issue 16) ----


def test_a_citizen_digital_certificate_is_for_adults_lasts_5_years_and_has_a_mobile_version(
    catalog,
):
    certificate = catalog["digital-certificate"]
    assert "年滿18歲" in certificate.who_may_apply
    assert "效期5年" in certificate.summary
    mobile = certificate.fees.get(label="行動自然人憑證")
    assert mobile.amount == 30 and mobile.source


def test_a_foreign_spouse_declares_a_chinese_name_and_the_single_status_paper_is_recent(catalog):
    foreign = checklist(catalog["marriage"], {"foreign_spouse": "yes"}).bring
    names = _names(foreign)
    assert "外籍配偶取用中文姓名聲明書" in names
    single = next(d for d in foreign if "單身證明" in d.name)
    assert "6個月內有效" in single.note


def test_a_birth_is_registered_within_the_county_not_at_any_office_nationwide(catalog):
    birth = catalog["birth"]
    assert not birth.cross_office
    assert "縣（市）內任一戶政事務所" in birth.where_note
    assert any("縣（市）內任一戶政事務所" in line for line in birth.sources.splitlines())


def test_a_home_visit_is_not_called_free_without_a_source(catalog):
    (fee,) = catalog["home-service"].fees.all()
    assert fee.amount is None and not fee.verified and fee.source


def test_a_court_ordered_surname_change_has_30_days_and_the_late_fine(catalog):
    surname = catalog["surname-change"]
    assert surname.deadline_days == 30 and surname.late_fine_applies
    assert "法院宣告" in surname.deadline_note


def test_id_photos_say_what_gets_a_photo_refused_and_the_photo_file_fee(catalog):
    for slug in ("id-card-reissue", "id-card-first", "marriage"):
        photo = next(d for d in catalog[slug].documents.all() if "相片" in d.name)
        for words in ("白色背景", "3.2至3.6公分", "有色眼鏡"):
            assert words in photo.note, (slug, words)
    for slug in ("id-card-reissue", "id-card-replacement"):
        assert catalog[slug].fees.get(label="國民身分證相片影像電子檔").amount == 100


def test_citizen_pages_say_ask_the_office_and_hold_no_review_notes(client, catalog, huxi):
    plate = client.get("/services/house-number-assignment/").content.decode()
    assert "門牌工本費：由本所訂定，請洽本所" in plate and huxi.phone in plate
    assert "免費" not in plate
    for slug in catalog:
        html = client.get(f"/services/{slug}/").content.decode()
        for words in ("尚待查證", "未取得", "本平臺未"):
            assert words not in html, (slug, words)
    english = client.get("/services/household-transcript-english/").content.decode()
    assert "103年" not in english and "請洽本所" in english
    birth = client.get("/services/birth/").content.decode()
    assert "戶籍地所屬縣（市）內任一戶政事務所" in birth


def test_the_back_office_lists_the_facts_to_verify_with_their_sources(client, catalog):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("facts-admin", "f@example.com", "pw")
    client.force_login(admin)
    html = client.get("/admin/reports/facts-to-verify/").content.decode()
    assert "門牌初編、增編、改編" in html and "門牌工本費" in html
    assert "household-registration.md §2" in html  # the source beside the figure
    assert "戶籍謄本（中文）" not in html  # verified services stay off the list
    filtered = client.get("/admin/reports/facts-to-verify/?category=home_service").content
    assert "到府（院）服務" in filtered.decode() and "門牌初編" not in filtered.decode()


# -- Journeys that lead on (issue 16, item 2) --------------------------------------------


def test_the_reissue_and_loss_guides_lead_to_the_sites_own_loss_report(client, catalog):
    for slug in ("id-card-reissue", "id-card-loss"):
        html = client.get(f"/services/{slug}/").content.decode()
        assert 'href="/idcards/lost/"' in html, slug
    loss = client.get("/services/id-card-loss/").content.decode()
    assert "在本網站「身分證掛失」線上掛失" in loss
    assert client.get("/idcards/lost/").status_code == 200


def test_bookable_online_yes_is_a_link_to_book_that_service(client, catalog):
    html = client.get("/services/tables/guides/").content.decode()
    for slug, service in catalog.items():
        if service.bookable:
            assert f'href="/appointments/{slug}/"' in html, slug
    page = client.get("/services/birth/").content.decode()
    assert 'href="/appointments/birth/"' in page
    assert client.get("/appointments/birth/").status_code == 200
