"""Home visits (到府服務), group applications (團體申辦) and outreach sessions, as citizens
and staff use them: a request is taken only from the office's own area and with valid
details, a retried form makes one request, staff confirm or decline and the applicant is
told, a session is never overbooked, and staff see only their own office."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from huzheng.addresses.models import Village
from huzheng.appointments import services
from huzheng.appointments.models import GroupRequest, HomeVisit, OutreachSession, SessionBooking
from huzheng.appointments.tests.factories import a_national_id
from huzheng.catalog.models import RegistrationService
from huzheng.core.models import AuditEntry
from huzheng.notify.models import Message

pytestmark = pytest.mark.django_db

HOME_VISIT = reverse("appointments:home_visit")
GROUP = reverse("appointments:group")
SESSIONS = reverse("appointments:sessions")


@pytest.fixture
def huxi(demo_data):
    return demo_data["huxi"]


@pytest.fixture
def service(demo_data):
    return RegistrationService.objects.filter(bookable=True).order_by("sort_order", "name").first()


@pytest.fixture
def village(huxi):
    return Village.objects.filter(office=huxi).first()


def _visit_form(chosen, home_village, **changes):
    data = {
        "idempotency_key": "home-visit-key-1",
        "service": chosen.slug,
        "person_name": "王阿嬤",
        "national_id": a_national_id(7, sex="2"),
        "village": str(home_village.pk),
        "address": "澎湖縣湖西鄉湖西村1號",
        "reason": "elderly",
        "details": "行動不便，需臥床。",
        "preferred_dates": "平日上午",
        "contact_name": "王小明",
        "phone": "0912345678",
        "email": "wang@example.com",
    }
    data.update(changes)
    return data


def _group_form(service, **changes):
    data = {
        "idempotency_key": "group-key-1",
        "organisation": "湖西國小",
        "people": "25",
        "service": service.slug,
        "preferred_dates": "12月的週三下午",
        "place": "",
        "details": "",
        "contact_name": "陳老師",
        "phone": "069921234",
        "email": "teacher@example.com",
    }
    data.update(changes)
    return data


def _staff(client, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    return user


# --- home visits: citizens -------------------------------------------------------------


def test_the_home_visit_form_lists_only_the_offices_villages(client, huxi, demo_data):
    page = client.get(HOME_VISIT).content.decode()
    assert "到府服務" in page or "home visit" in page.lower()
    for village in Village.objects.filter(office=huxi):
        assert f'value="{village.pk}"' in page
    for village in Village.objects.filter(office=demo_data["magong"]):
        assert f'value="{village.pk}"' not in page
    assert 'name="idempotency_key"' in page


def test_a_home_visit_request_is_taken_and_thanked_with_its_code(client, huxi, service, village):
    response = client.post(HOME_VISIT, _visit_form(service, village))
    assert response.status_code == 302
    visit = HomeVisit.objects.get()
    assert visit.office == huxi
    assert visit.status == HomeVisit.Status.REQUESTED
    assert visit.village == village
    # The ID number is kept only as a hash, encrypted text and a mask.
    assert a_national_id(7, sex="2") not in (visit.national_id_masked, visit.national_id_hash)
    page = client.get(response["Location"]).content.decode()
    assert visit.code in page


def test_a_repeated_home_visit_submit_makes_one_request(client, service, village):
    first = client.post(HOME_VISIT, _visit_form(service, village))
    again = client.post(HOME_VISIT, _visit_form(service, village))
    assert first.status_code == again.status_code == 302
    assert HomeVisit.objects.count() == 1


def test_an_address_in_another_township_is_refused(client, service, village):
    response = client.post(
        HOME_VISIT, _visit_form(service, village, address="澎湖縣馬公市中正路1號")
    )
    assert response.status_code == 400
    assert "湖西鄉" in response.content.decode()
    assert not HomeVisit.objects.exists()


def test_another_offices_village_is_refused(client, service, demo_data):
    other = Village.objects.filter(office=demo_data["magong"]).first()
    response = client.post(HOME_VISIT, _visit_form(service, other))
    assert response.status_code == 400
    assert response.context["form"].errors["village"]
    assert not HomeVisit.objects.exists()


@pytest.mark.parametrize(
    "bad_village", ["", "not-a-number", "999999", "1 OR 1=1", "9" * 40, "١٢", "-3"]
)
def test_a_missing_or_made_up_village_is_refused(client, service, village, bad_village):
    response = client.post(HOME_VISIT, _visit_form(service, village, village=bad_village))
    assert response.status_code == 400
    assert response.context["form"].errors["village"]
    assert not HomeVisit.objects.exists()


def test_a_bad_id_number_gets_a_message_on_its_field(client, service, village):
    response = client.post(HOME_VISIT, _visit_form(service, village, national_id="A123456780"))
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["national_id"]
    page = response.content.decode()
    assert 'id="error-summary"' in page and 'href="#id_national_id"' in page
    assert 'aria-invalid="true"' in page
    assert not HomeVisit.objects.exists()


def test_an_empty_home_visit_form_names_every_missing_field(client, huxi):
    response = client.post(HOME_VISIT, {"idempotency_key": "empty"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"service"} <= set(errors)
    assert not HomeVisit.objects.exists()


def test_all_missing_details_are_named_at_once_when_the_service_is_chosen(client, service):
    response = client.post(HOME_VISIT, {"idempotency_key": "empty", "service": service.slug})
    errors = response.context["form"].errors
    assert {
        "person_name",
        "national_id",
        "village",
        "address",
        "reason",
        "preferred_dates",
        "contact_name",
        "phone",
    } <= set(errors)


def test_a_service_not_bookable_online_is_refused(client, village, service):
    closed = RegistrationService.objects.filter(bookable=False).first()
    response = client.post(HOME_VISIT, _visit_form(service, village, service=closed.slug))
    assert response.status_code == 400
    assert response.context["form"].errors["service"]
    assert not HomeVisit.objects.exists()


def test_html_and_control_characters_in_a_request_are_harmless(client, service, village):
    response = client.post(
        HOME_VISIT,
        _visit_form(service, village, person_name="<script>alert(1)</script>\x00", reason="hack"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert not HomeVisit.objects.exists()


def test_an_unknown_office_is_not_found(client):
    assert client.get(HOME_VISIT + "?office=nowhere").status_code == 404
    assert client.get(SESSIONS + "?office=../etc").status_code == 404


def test_the_thank_you_page_without_a_request_goes_back_to_the_form(client, huxi):
    response = client.get(reverse("appointments:home_visit_done"))
    assert response.status_code == 302
    assert response["Location"] == HOME_VISIT


# --- group applications: citizens ------------------------------------------------------


def test_a_group_application_is_taken_and_thanked_with_its_code(client, huxi, service):
    response = client.post(GROUP, _group_form(service))
    assert response.status_code == 302
    application = GroupRequest.objects.get()
    assert (application.office, application.people) == (huxi, 25)
    assert application.code in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("people", ["1", "0", "-5", "501", "twenty", ""])
def test_a_group_is_two_to_five_hundred_people(client, service, people):
    response = client.post(GROUP, _group_form(service, people=people))
    assert response.status_code == 400
    assert response.context["form"].errors["people"]
    assert not GroupRequest.objects.exists()


def test_a_repeated_group_submit_makes_one_application(client, service):
    client.post(GROUP, _group_form(service))
    client.post(GROUP, _group_form(service))
    assert GroupRequest.objects.count() == 1


def test_a_bad_phone_or_email_for_a_group_is_refused(client, service):
    response = client.post(GROUP, _group_form(service, phone="123", email="not-an-email"))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["phone"] and errors["email"]
    assert not GroupRequest.objects.exists()


# --- outreach sessions: citizens -------------------------------------------------------


@pytest.fixture
def session(huxi, service):
    start = timezone.now() + dt.timedelta(days=10)
    session = OutreachSession.objects.create(
        office=huxi,
        kind=OutreachSession.Kind.SCHOOL,
        title="赴湖西國中辦理初領身分證",
        place="湖西國中活動中心",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        capacity=10,
    )
    session.services.set([service])
    return session


def _session_form(**changes):
    data = {
        "idempotency_key": "session-key-1",
        "name": "湖西國中",
        "people": "4",
        "phone": "069921234",
    }
    data.update(changes)
    return data


def test_published_sessions_are_listed_with_roc_dates_and_places_left(client, session):
    hidden = OutreachSession.objects.create(
        office=session.office,
        kind=OutreachSession.Kind.OTHER,
        title="未公開場次",
        place="x",
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        capacity=5,
        published=False,
    )
    page = client.get(SESSIONS).content.decode()
    assert session.title in page
    assert hidden.title not in page
    assert "民國" in page
    assert "10 / 10" in page
    assert client.get(reverse("appointments:session_detail", args=[hidden.pk])).status_code == 404


def test_booking_places_in_a_session_lowers_the_places_left(
    client, session, django_capture_on_commit_callbacks
):
    url = reverse("appointments:session_detail", args=[session.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _session_form())
    assert response.status_code == 302
    booking = SessionBooking.objects.get()
    assert booking.people == 4
    assert services.places_left(session) == 6
    page = client.get(response["Location"]).content.decode()
    assert booking.code in page
    assert "6 / 10" in page
    # No e-mail given: the confirmation goes by SMS, from its notify template.
    sms = Message.objects.get(reference=booking.code, channel=Message.Channel.SMS)
    assert sms.template.key == "appointment.session-sms" and booking.code in sms.body


def test_a_session_is_never_overbooked(client, session):
    url = reverse("appointments:session_detail", args=[session.pk])
    client.post(url, _session_form(people="8"))
    response = client.post(url, _session_form(idempotency_key="session-key-2", people="3"))
    assert response.status_code == 409
    assert "2" in str(response.context["form"].non_field_errors())
    assert SessionBooking.objects.count() == 1
    assert services.places_left(session) == 2


def test_a_session_that_does_not_exist_is_not_found(client, session):
    assert client.get(f"{SESSIONS}{'9' * 30}/").status_code == 404
    assert client.post(f"{SESSIONS}{'9' * 30}/", _session_form()).status_code == 404


def test_a_repeated_session_submit_books_once(client, session):
    url = reverse("appointments:session_detail", args=[session.pk])
    client.post(url, _session_form())
    client.post(url, _session_form())
    assert SessionBooking.objects.count() == 1


@pytest.mark.parametrize("people", ["0", "abc", "201", "-1"])
def test_a_session_booking_needs_a_sensible_number_of_people(client, session, people):
    url = reverse("appointments:session_detail", args=[session.pk])
    response = client.post(url, _session_form(people=people))
    assert response.status_code == 422
    assert response.context["form"].errors["people"]
    assert not SessionBooking.objects.exists()


def test_a_session_that_has_started_takes_no_bookings(client, session):
    OutreachSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - dt.timedelta(minutes=5)
    )
    url = reverse("appointments:session_detail", args=[session.pk])
    assert "不再受理" in client.get(url).content.decode() or client.get(url).context["closed"]
    response = client.post(url, _session_form())
    assert response.status_code == 409
    assert not SessionBooking.objects.exists()


# --- staff: confirm, decline, schedule, scoping ----------------------------------------


def _request_visit(huxi, service, village, key="k1"):
    visit, _created = services.request_home_visit(
        huxi,
        service=service,
        village=village,
        idempotency_key=key,
        **{
            k: v
            for k, v in _visit_form(service, village).items()
            if k not in ("service", "village", "idempotency_key")
        },
    )
    return visit


def _request_group(huxi, service, key):
    data = {
        k: v for k, v in _group_form(service).items() if k not in ("service", "idempotency_key")
    }
    application, _created = services.request_group(
        huxi, service=service, idempotency_key=key, **data
    )
    return application


def _tomorrow_roc():
    day = timezone.localdate() + dt.timedelta(days=1)
    return day, f"{day.year - 1911}/{day.month}/{day.day}"


def test_staff_confirm_a_home_visit_and_the_applicant_is_told(
    client, huxi, service, village, django_capture_on_commit_callbacks
):
    visit = _request_visit(huxi, service, village)
    clerk = _staff(client, "counter")
    url = reverse("appointment_requests:home_visit_detail", args=[visit.pk])
    page = client.get(url).content.decode()
    assert visit.person_name in page and visit.national_id_masked in page
    assert AuditEntry.objects.filter(object_id=str(visit.pk), action="read").exists()
    day, roc = _tomorrow_roc()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "action": "confirm",
                "confirm-date": roc,
                "confirm-time": "14:30",
                "confirm-note": "請備妥印章",
            },
        )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == HomeVisit.Status.CONFIRMED
    assert visit.handled_by == clerk
    local = timezone.localtime(visit.scheduled_at)
    assert (local.date(), local.hour, local.minute) == (day, 14, 30)
    assert len(mail.outbox) == 1
    assert visit.code in mail.outbox[0].subject
    sms = Message.objects.get(reference=visit.code, channel=Message.Channel.SMS)
    assert sms.template.key == "appointment.request-confirmed-sms"
    # The visit is on the schedule for the staff who go out.
    schedule = client.get(reverse("appointment_requests:home_visit_schedule")).content.decode()
    assert visit.code in schedule and visit.address in schedule


def test_a_time_in_the_past_is_refused_and_nothing_changes(client, huxi, service, village):
    visit = _request_visit(huxi, service, village)
    _staff(client, "director")
    url = reverse("appointment_requests:home_visit_detail", args=[visit.pk])
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    roc = f"{yesterday.year - 1911}/{yesterday.month}/{yesterday.day}"
    response = client.post(url, {"action": "confirm", "confirm-date": roc, "confirm-time": "09:00"})
    assert response.status_code == 400
    assert "未來" in response.content.decode() or "future" in response.content.decode()
    visit.refresh_from_db()
    assert visit.status == HomeVisit.Status.REQUESTED
    assert not mail.outbox


@pytest.mark.parametrize("date,time", [("", "09:00"), ("115/13/40", "09:00"), ("115/1/5", "25:99")])
def test_a_malformed_date_or_time_gets_a_message(client, huxi, service, village, date, time):
    visit = _request_visit(huxi, service, village)
    _staff(client, "director")
    url = reverse("appointment_requests:home_visit_detail", args=[visit.pk])
    response = client.post(url, {"action": "confirm", "confirm-date": date, "confirm-time": time})
    assert response.status_code == 400
    visit.refresh_from_db()
    assert visit.status == HomeVisit.Status.REQUESTED


def test_declining_needs_a_reason_and_tells_the_applicant(
    client, huxi, service, django_capture_on_commit_callbacks
):
    application = _request_group(huxi, service, "g1")
    _staff(client, "director")
    url = reverse("appointment_requests:group_detail", args=[application.pk])
    response = client.post(url, {"action": "decline", "decline-note": "   "})
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.status == GroupRequest.Status.REQUESTED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"action": "decline", "decline-note": "該月份人力不足，請改約一月。"}
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == GroupRequest.Status.DECLINED
    assert len(mail.outbox) == 1
    assert "人力不足" in mail.outbox[0].body
    sms = Message.objects.get(reference=application.code, channel="sms")
    assert sms.template.key == "appointment.request-declined-sms"


def test_staff_confirm_a_group_application(
    client, huxi, service, django_capture_on_commit_callbacks
):
    application = _request_group(huxi, service, "g2")
    _staff(client, "clerk")
    url = reverse("appointment_requests:group_detail", args=[application.pk])
    _day, roc = _tomorrow_roc()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "confirm", "confirm-date": roc, "confirm-time": "10:00"})
    application.refresh_from_db()
    assert application.status == GroupRequest.Status.CONFIRMED
    assert mail.outbox and application.code in mail.outbox[0].subject


def test_a_declined_request_can_no_longer_be_confirmed(client, huxi, service, village):
    visit = _request_visit(huxi, service, village)
    services.decline_request(visit, note="不在轄區")
    _staff(client, "director")
    url = reverse("appointment_requests:home_visit_detail", args=[visit.pk])
    _day, roc = _tomorrow_roc()
    response = client.post(url, {"action": "confirm", "confirm-date": roc, "confirm-time": "09:00"})
    assert response.status_code == 400
    assert 'name="action" value="confirm"' not in response.content.decode()
    visit.refresh_from_db()
    assert visit.status == HomeVisit.Status.DECLINED
    assert client.post(url, {"action": "delete"}).status_code == 400


def test_the_list_filters_by_status(client, huxi, service, village):
    waiting = _request_visit(huxi, service, village, key="a")
    done = _request_visit(huxi, service, village, key="b")
    services.decline_request(done, note="地址不在本所轄區")
    _staff(client, "counter")
    index = reverse("appointment_requests:home_visit_index")
    page = client.get(index).content.decode()
    assert waiting.code in page and done.code not in page
    page = client.get(index + "?status=declined").content.decode()
    assert done.code in page and waiting.code not in page
    page = client.get(index + "?status=all").content.decode()
    assert done.code in page and waiting.code in page
    assert client.get(index + "?status=<x>").status_code == 200


def test_another_offices_director_sees_nothing_of_this_office(client, huxi, service, village):
    visit = _request_visit(huxi, service, village)
    _staff(client, "magong-director")
    index = client.get(reverse("appointment_requests:home_visit_index") + "?status=all")
    assert visit.code not in index.content.decode()
    url = reverse("appointment_requests:home_visit_detail", args=[visit.pk])
    assert client.get(url).status_code == 404
    _day, roc = _tomorrow_roc()
    response = client.post(url, {"action": "confirm", "confirm-date": roc, "confirm-time": "09:00"})
    assert response.status_code == 404
    visit.refresh_from_db()
    assert visit.status == HomeVisit.Status.REQUESTED
    schedule = client.get(reverse("appointment_requests:home_visit_schedule")).content.decode()
    assert visit.code not in schedule


def test_a_request_that_does_not_exist_is_not_found(client, huxi):
    _staff(client, "director")
    url = reverse("appointment_requests:group_detail", args=[10**30])
    assert client.get(url).status_code == 404


def test_the_web_editor_has_no_access_to_requests(client, huxi, service, village):
    visit = _request_visit(huxi, service, village)
    _staff(client, "editor")
    assert client.get(reverse("appointment_requests:home_visit_index")).status_code in (302, 403)
    url = reverse("appointment_requests:home_visit_detail", args=[visit.pk])
    assert client.get(url).status_code in (302, 403)


def test_an_anonymous_visitor_is_sent_to_log_in(client, huxi, service, village):
    visit = _request_visit(huxi, service, village)
    url = reverse("appointment_requests:home_visit_detail", args=[visit.pk])
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]


# --- staff: outreach sessions ----------------------------------------------------------


def _session_data(huxi, service, **changes):
    start = timezone.localtime() + dt.timedelta(days=20)
    data = {
        "office": huxi.pk,
        "kind": "mobile",
        "title": "機動櫃檯：湖西鄉農會",
        "place": "湖西鄉農會一樓",
        "starts_at": start.strftime("%Y-%m-%d 09:00"),
        "ends_at": start.strftime("%Y-%m-%d 12:00"),
        "capacity": "30",
        "services": [service.pk],
        "description": "",
        "published": "on",
    }
    data.update(changes)
    return data


def test_the_director_publishes_a_session_and_citizens_see_it(client, huxi, service):
    _staff(client, "director")
    response = client.post(reverse("outreach_sessions:add"), _session_data(huxi, service))
    assert response.status_code == 302, response.context["form"].errors
    session = OutreachSession.objects.get(title="機動櫃檯：湖西鄉農會")
    assert list(session.services.all()) == [service]
    client.logout()
    assert session.title in client.get(SESSIONS).content.decode()


def test_a_session_must_end_after_it_starts(client, huxi, service):
    _staff(client, "director")
    data = _session_data(huxi, service)
    data["ends_at"] = data["starts_at"].replace("09:00", "08:00")
    response = client.post(reverse("outreach_sessions:add"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["ends_at"]
    assert not OutreachSession.objects.filter(title=data["title"]).exists()


def test_counter_staff_see_a_sessions_bookings_but_cannot_add_sessions(client, session):
    booking, _created = services.book_session(
        session, name="林同學", people=3, phone="0911222333", idempotency_key="s1"
    )
    _staff(client, "counter")
    page = client.get(reverse("outreach_sessions:inspect", args=[session.pk])).content.decode()
    assert booking.code in page and "林同學" in page
    assert "7" in page  # places left
    assert AuditEntry.objects.filter(object_id=str(session.pk), action="read").exists()
    assert client.get(reverse("outreach_sessions:add")).status_code in (302, 403)


def test_another_offices_director_cannot_open_this_offices_session(client, session):
    _staff(client, "magong-director")
    listing = client.get(reverse("outreach_sessions:index")).content.decode()
    assert session.title not in listing
    # Wagtail answers a refused page by sending the user back to the dashboard.
    for name in ("inspect", "edit"):
        response = client.get(reverse(f"outreach_sessions:{name}", args=[session.pk]))
        assert response.status_code in (302, 403, 404)
        assert session.title not in response.content.decode()


def test_the_appointments_menu_leads_counter_staff_to_requests_and_sessions(client, huxi):
    _staff(client, "counter")
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("appointment_requests:home_visit_index") in page
    assert reverse("appointment_requests:group_index") in page
    assert reverse("outreach_sessions:index") in page
    _staff(client, "editor")
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("appointment_requests:home_visit_index") not in page
