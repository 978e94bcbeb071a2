"""The kiosk (取號機) and the public queue pages: only a registered kiosk of the office (or
its counter staff) issues tickets, a double tap gives one ticket, a closed office issues
none, bad input gets a clear message and writes nothing, and the live and ticket pages
show the line without anything personal."""

import datetime as dt
import uuid
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from huzheng.catalog.models import Category, RegistrationService
from huzheng.core.demo import DEMO_PASSWORD
from huzheng.core.models import Office
from huzheng.queueing import services
from huzheng.queueing.demo import DEMO_KIOSK_TOKEN
from huzheng.queueing.models import Counter, CounterState, Kiosk, Ticket, TicketStatus
from huzheng.queueing.views.kiosk import SESSION_KEY

pytestmark = pytest.mark.django_db

# A Sunday morning: every office is closed.
SUNDAY = timezone.make_aware(dt.datetime(2026, 11, 29, 10, 0))


@pytest.fixture
def demo(settings, db):
    """The demo offices, staff, catalog, series, counters and kiosk (not the site's pages,
    which take long to build and play no part here), with demo mode on: the demo office
    takes tickets at any hour."""
    from huzheng.catalog import demo as catalog_demo
    from huzheng.core import demo as core_demo
    from huzheng.queueing import demo as queueing_demo
    from tests.dbsnapshot import built_once

    modules = (core_demo, catalog_demo, queueing_demo)
    built_once("queue-demo", lambda: [module.seed() for module in modules])
    settings.HUZHENG_DEMO = True
    return {office.code: office for office in Office.objects.all()}


@pytest.fixture
def huxi(demo):
    return demo["huxi"]


@pytest.fixture
def kiosk_client(client, huxi):
    response = client.post(_url("kiosk_sign_in", huxi), {"token": DEMO_KIOSK_TOKEN})
    assert response.status_code == 302
    return client


def _url(name, office, **kwargs):
    return reverse(f"queueing:{name}", kwargs={"office": office.code, **kwargs})


def _key():
    return uuid.uuid4().hex


def _service(category=Category.REGISTRATION):
    return RegistrationService.objects.filter(category=category).order_by("sort_order").first()


def _take(client, office, **data):
    data.setdefault("key", _key())
    return client.post(_url("kiosk", office), data)


def _ticket_from(response):
    assert response.status_code == 302, response.content.decode()[:2000]
    path = response["Location"].split("?")[0]
    ticket_id = path.rstrip("/").rsplit("/", 1)[-1]
    return Ticket.objects.get(pk=ticket_id)


# --- signing in ------------------------------------------------------------------------------


def test_the_kiosk_asks_a_device_to_sign_in_first(client, huxi):
    response = client.get(_url("kiosk", huxi))
    assert response.status_code == 302
    assert response["Location"] == _url("kiosk_sign_in", huxi)
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert b'name="token"' in page.content


def test_the_right_token_signs_the_kiosk_in(client, huxi):
    response = client.post(_url("kiosk_sign_in", huxi), {"token": DEMO_KIOSK_TOKEN})
    assert response.status_code == 302
    assert response["Location"] == _url("kiosk", huxi)
    kiosk = Kiosk.objects.get(token_hash=Kiosk.hash_token(DEMO_KIOSK_TOKEN))
    assert client.session[SESSION_KEY] == {str(huxi.pk): kiosk.pk}
    assert client.get(_url("kiosk", huxi)).status_code == 200


def test_a_wrong_token_is_refused_with_a_message_and_nothing_stored(client, huxi):
    response = client.post(_url("kiosk_sign_in", huxi), {"token": "not-the-token"})
    assert response.status_code == 400
    assert b'role="alert"' in response.content
    assert SESSION_KEY not in client.session
    assert client.get(_url("kiosk", huxi)).status_code == 302


@pytest.mark.parametrize("token", ["", " ", "x" * 5000, "\x00"])
def test_garbage_tokens_are_refused_without_an_error(client, huxi, token):
    response = client.post(_url("kiosk_sign_in", huxi), {"token": token})
    assert response.status_code == 400
    assert SESSION_KEY not in client.session


def test_a_kiosk_of_another_office_cannot_sign_in_here(client, demo):
    huxi, magong = demo["huxi"], demo["magong"]
    response = client.post(_url("kiosk_sign_in", magong), {"token": DEMO_KIOSK_TOKEN})
    assert response.status_code == 400
    assert SESSION_KEY not in client.session
    # Signed in at Huxi, the same device still may not issue at Magong.
    client.post(_url("kiosk_sign_in", huxi), {"token": DEMO_KIOSK_TOKEN})
    assert client.get(_url("kiosk", magong)).status_code == 302
    assert _take(client, magong, service="other").status_code == 302
    assert not Ticket.objects.filter(office=magong).exists()


def test_a_deactivated_kiosk_is_signed_out(kiosk_client, huxi):
    Kiosk.objects.filter(office=huxi).update(is_active=False)
    assert kiosk_client.get(_url("kiosk", huxi)).status_code == 302
    assert _take(kiosk_client, huxi, service="other").status_code == 302
    assert not Ticket.objects.exists()


def test_counter_staff_may_use_the_kiosk_without_a_token(client, huxi):
    assert client.login(username="counter", password=DEMO_PASSWORD)
    assert client.get(_url("kiosk", huxi)).status_code == 200
    ticket = _ticket_from(_take(client, huxi, service="other"))
    assert ticket.kiosk is None
    assert ticket.issued_by.username == "counter"


def test_staff_of_another_office_may_not(client, demo):
    assert client.login(username="magong-director", password=DEMO_PASSWORD)
    if services.can_serve(get_user_model().objects.get(username="magong-director"), demo["huxi"]):
        pytest.skip("this role serves every office")
    assert client.get(_url("kiosk", demo["huxi"])).status_code == 302


def test_an_unknown_office_is_not_found(client, demo):
    assert client.get("/queue/nowhere/kiosk/").status_code == 404
    assert client.get("/queue/nowhere/kiosk/sign-in/").status_code == 404
    assert client.get("/queue/nowhere/").status_code == 404


# --- the screens -----------------------------------------------------------------------------


def test_the_start_screen_offers_categories_priority_and_check_in(kiosk_client, huxi):
    page = kiosk_client.get(_url("kiosk", huxi)).content.decode()
    assert "?priority=1" in page
    assert "?mode=check-in" in page
    for category in (Category.REGISTRATION, Category.CERTIFICATE):
        assert f"?category={category}" in page
    assert 'name="key"' in page
    assert 'value="other"' in page  # the catch-all series takes any other service


def test_a_category_lists_its_services_as_buttons(kiosk_client, huxi):
    service = _service(Category.CERTIFICATE)
    page = kiosk_client.get(_url("kiosk", huxi), {"category": "certificate"}).content.decode()
    assert f'name="service" value="{service.pk}"' in page
    other = _service(Category.REGISTRATION)
    assert f'value="{other.pk}"' not in page


@pytest.mark.parametrize(
    "query", [{"category": "nonsense"}, {"mode": "x" * 300}, {"priority": "<script>"}]
)
def test_odd_query_strings_show_the_start_screen(kiosk_client, huxi, query):
    response = kiosk_client.get(_url("kiosk", huxi), query)
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"</main>")[0].split(b"<main")[1]


def test_each_screen_carries_a_fresh_key(kiosk_client, huxi):
    first = kiosk_client.get(_url("kiosk", huxi)).content.decode()
    second = kiosk_client.get(_url("kiosk", huxi)).content.decode()

    def key(page):
        return page.split('name="key" value="', 1)[1].split('"', 1)[0]

    assert key(first) != key(second)
    uuid.UUID(key(first))


# --- issuing ---------------------------------------------------------------------------------


def test_a_service_gives_a_ticket_and_goes_to_the_printed_ticket(kiosk_client, huxi):
    service = _service(Category.CERTIFICATE)
    response = _take(kiosk_client, huxi, service=str(service.pk), category="certificate")
    ticket = _ticket_from(response)
    assert response["Location"] == _url("kiosk_ticket", huxi, ticket_id=ticket.pk) + "?print=1"
    assert ticket.office == huxi
    assert ticket.service == service
    assert ticket.series.letter == "B"
    assert ticket.kiosk.token_hash == Kiosk.hash_token(DEMO_KIOSK_TOKEN)

    printed = kiosk_client.get(response["Location"])
    assert printed.status_code == 200
    html = printed.content.decode()
    assert ticket.label in html
    assert "<svg" in html and "qr-code" in html
    assert printed.context["status_url"] == f"http://testserver/queue/{huxi.code}/t/{ticket.pk}/"
    assert "data-auto-print" in html
    assert huxi.name in html


def test_other_goes_to_the_catch_all_series(kiosk_client, huxi):
    ticket = _ticket_from(_take(kiosk_client, huxi, service="other"))
    assert ticket.series.letter == "A"
    assert ticket.service is None


def test_priority_gives_a_priority_ticket(kiosk_client, huxi):
    service = _service()
    ticket = _ticket_from(
        _take(kiosk_client, huxi, service=str(service.pk), priority="1", category="registration")
    )
    assert ticket.series.letter == "P"
    assert ticket.service == service


def test_a_double_tap_gives_one_ticket(kiosk_client, huxi):
    key = _key()
    first = _ticket_from(_take(kiosk_client, huxi, service="other", key=key))
    second = _ticket_from(_take(kiosk_client, huxi, service="other", key=key))
    assert first.pk == second.pk
    assert Ticket.objects.count() == 1
    third = _ticket_from(_take(kiosk_client, huxi, service="other"))
    assert third.number == first.number + 1


@pytest.mark.parametrize(
    "data",
    [
        {"service": "999999"},
        {"service": "abc"},
        {"service": "-1"},
        {"service": "1" * 40},
        {"service": "other", "key": "not-a-uuid"},
        {"service": "other", "key": ""},
        # (A NUL byte never reaches the view: core.middleware answers 400 first.)
        {"service": "<b>x</b>", "priority": "yes", "category": "\x01"},
    ],
)
def test_bad_posts_get_a_clear_message_and_no_ticket(kiosk_client, huxi, data):
    data = {"key": _key(), **data}
    response = kiosk_client.post(_url("kiosk", huxi), data)
    assert response.status_code == 400
    assert b'role="alert"' in response.content
    assert b"<b>x</b>" not in response.content
    assert not Ticket.objects.exists()


def test_a_post_with_no_fields_at_all_writes_nothing(kiosk_client, huxi):
    response = kiosk_client.post(_url("kiosk", huxi), {})
    assert response.status_code == 400
    assert not Ticket.objects.exists()


def test_a_service_no_series_takes_is_refused(kiosk_client, huxi):
    # Without a catch-all series only the services the series list are offered.
    huxi.series.filter(letter="A").update(is_active=False)
    service = _service(Category.REGISTRATION)
    response = _take(kiosk_client, huxi, service=str(service.pk))
    assert response.status_code == 400
    assert not Ticket.objects.exists()
    page = kiosk_client.get(_url("kiosk", huxi)).content.decode()
    assert 'value="other"' not in page
    assert "?category=registration" not in page


def test_a_queue_error_shows_its_message(kiosk_client, huxi):
    huxi.series.filter(letter="P").update(is_active=False)
    response = _take(kiosk_client, huxi, service="other", priority="1")
    assert response.status_code == 409
    assert b'role="alert"' in response.content
    assert not Ticket.objects.exists()


# --- appointment check-in --------------------------------------------------------------------


@pytest.mark.parametrize(
    "code", ["", "abc", "ABCDE", "ABCDEFG", "ABCDEFGHJ", "A" * 13, "AB-CD!EF", "<script>"]
)
def test_a_malformed_appointment_code_is_refused_by_the_check_in_rule(kiosk_client, huxi, code):
    # The code's format is the queue service's rule (as for the API), not the kiosk's.
    response = _take(kiosk_client, huxi, action="check_in", code=code)
    assert response.status_code == 422
    assert b'role="alert"' in response.content
    assert b"<script>" not in response.content.split(b"</main>")[0]
    assert not Ticket.objects.exists()


def test_the_check_in_hint_and_field_state_the_length_booking_codes_really_have(kiosk_client, huxi):
    from huzheng.appointments.services.common import CODE_LENGTH, new_code

    assert len(new_code()) == CODE_LENGTH  # the rule that draws the codes
    html = kiosk_client.get(_url("kiosk", huxi) + "?mode=check-in").content.decode()
    hint = html.split('id="code-hint">')[1].split("</p>")[0]
    assert f"{CODE_LENGTH} 碼" in hint
    assert "6至12" not in html and "12" not in hint
    assert f'maxlength="{CODE_LENGTH}"' in html
    assert f'pattern="[A-Za-z0-9]{{{CODE_LENGTH}}}"' in html
    # A code one short is refused with the same length in the message.
    refused = _take(kiosk_client, huxi, action="check_in", code=new_code()[:-1])
    assert refused.status_code == 422
    assert f"{CODE_LENGTH} 碼" in refused.content.decode().split('id="code-error">')[1]


def test_a_well_formed_code_is_checked_in(kiosk_client, huxi):
    made = {}

    def check_in(office, code, *, kiosk=None, user=None, idempotency_key=None):
        made["code"] = code
        return services.issue_ticket(
            office, appointment_code=code, kiosk=kiosk, user=user, idempotency_key=idempotency_key
        )

    with mock.patch.object(services, "check_in", check_in, create=True):
        # Full-width characters and a dash, as typed on a Chinese keyboard, still count.
        ticket = _ticket_from(_take(kiosk_client, huxi, action="check_in", code="ａｂ12-34cd"))
    assert made["code"] == "AB1234CD"
    assert ticket.series.letter == "C"


def test_check_in_that_is_not_available_says_so(kiosk_client, huxi):
    error = services.QueueError("check_in_unavailable", "Check-in is not available yet.")
    with mock.patch.object(services, "check_in", side_effect=error, create=True):
        response = _take(kiosk_client, huxi, action="check_in", code="ABC123")
    assert response.status_code == 409
    assert b"Check-in is not available yet." in response.content
    assert not Ticket.objects.exists()


# --- a closed office -------------------------------------------------------------------------


def test_a_closed_office_shows_closed_and_issues_nothing(kiosk_client, huxi, settings):
    settings.HUZHENG_DEMO = False
    with mock.patch("django.utils.timezone.now", return_value=SUNDAY):
        page = kiosk_client.get(_url("kiosk", huxi))
        assert page.status_code == 200
        html = page.content.decode()
        assert "data-closed" in html
        assert 'class="office-hours"' in html
        assert "08:00" in html  # the next opening, Monday 08:00, and the hours
        assert 'name="service"' not in html
        assert "?priority=1" not in html
        response = _take(kiosk_client, huxi, service="other")
    assert response.status_code == 409
    assert "data-closed" in response.content.decode()
    assert not Ticket.objects.exists()


def test_only_the_check_in_screen_may_use_the_camera_and_its_keypad_has_the_codes_keys(
    kiosk_client, huxi
):
    start = kiosk_client.get(_url("kiosk", huxi))
    check_in = kiosk_client.get(_url("kiosk", huxi) + "?mode=check-in")
    assert "camera=()" in start["Permissions-Policy"]
    assert "camera=(self)" in check_in["Permissions-Policy"]
    assert "microphone=()" in check_in["Permissions-Policy"]
    html = check_in.content.decode()
    assert "data-keypad" in html and "data-scan" in html
    for key in services.check_in_keys():
        assert f'data-key="{key}"' in html
    assert 'data-key="O"' not in html  # booking codes leave out 0/O and 1/I


# --- the printed ticket ----------------------------------------------------------------------


def test_the_printed_ticket_needs_the_kiosk(client, kiosk_client, huxi):
    ticket = _ticket_from(_take(kiosk_client, huxi, service="other"))
    kiosk_client.logout()
    url = _url("kiosk_ticket", huxi, ticket_id=ticket.pk)
    assert client.get(url).status_code == 302


def test_a_printed_ticket_of_another_office_is_not_found(kiosk_client, demo):
    huxi, magong = demo["huxi"], demo["magong"]
    ticket = _ticket_from(_take(kiosk_client, huxi, service="other"))
    assert kiosk_client.get(_url("kiosk_ticket", huxi, ticket_id=uuid.uuid4())).status_code == 404
    # The session holds Huxi's kiosk only, so Magong first asks to sign in …
    assert kiosk_client.get(_url("kiosk_ticket", magong, ticket_id=ticket.pk)).status_code == 302
    # … and staff allowed everywhere still find no Huxi ticket there.
    kiosk_client.force_login(get_user_model().objects.get(username="admin"))
    assert kiosk_client.get(_url("kiosk_ticket", magong, ticket_id=ticket.pk)).status_code == 404


# --- the live queue --------------------------------------------------------------------------


def test_the_live_queue_shows_each_series(client, kiosk_client, huxi):
    _take(kiosk_client, huxi, service="other")
    _take(kiosk_client, huxi, service="other")
    counter = Counter.objects.get(office=huxi, number=1)
    services.set_counter_state(counter, CounterState.OPEN)
    called = services.call_next(counter)
    response = client.get(_url("live", huxi))
    assert response.status_code == 200
    html = response.content.decode()
    for letter in ("A", "B", "C", "P"):
        assert f'data-series="{letter}"' in html
    assert called.label in html
    assert 'aria-live="polite"' in html
    assert f"/api/v1/queue/{huxi.code}/status" in html
    assert _url("display", huxi) in html
    row = html.split('data-series="A"', 1)[1].split("</tr>", 1)[0]
    assert '<td class="num" data-field="waiting">1</td>' in row


def test_the_live_page_ticket_page_printed_ticket_and_api_give_one_number(
    client, kiosk_client, huxi
):
    # B tickets wait at counters that also call A: a new A ticket has them ahead of it.
    transcript = RegistrationService.objects.filter(category=Category.CERTIFICATE).first()
    for _ in range(3):
        _ticket_from(_take(kiosk_client, huxi, service=str(transcript.pk)))
    services.set_counter_state(Counter.objects.get(office=huxi, number=1), CounterState.OPEN)
    live = client.get(_url("live", huxi)).content.decode()
    row = live.split('data-series="A"', 1)[1].split("</tr>", 1)[0]
    said_ahead = int(row.split('data-field="people_ahead">', 1)[1].split("<", 1)[0])
    said_minutes = int(
        "".join(c for c in row.split('data-field="estimated_wait_minutes">', 1)[1] if c.isdigit())
    )
    assert said_ahead >= 3

    ticket = _ticket_from(_take(kiosk_client, huxi, service="other"))
    assert ticket.series.letter == "A"
    page = client.get(_url("ticket", huxi, ticket_id=ticket.pk)).content.decode()
    printed = kiosk_client.get(_url("kiosk_ticket", huxi, ticket_id=ticket.pk)).content.decode()
    api = client.get(f"/api/v1/queue/{huxi.code}/tickets/{ticket.pk}").json()
    for html in (page, printed):
        assert f"<dd data-ahead>{said_ahead}</dd>" in html
        assert f'data-minutes="{said_minutes}"' in html
    assert (api["people_ahead"], api["estimated_wait_minutes"]) == (said_ahead, said_minutes)
    assert ticket.estimated_wait_minutes == said_minutes


def test_an_unknown_office_has_no_live_queue(client, demo):
    assert client.get("/queue/nowhere/").status_code == 404
    assert client.get("/queue/NOT%20AN%20OFFICE/").status_code == 404


# --- the ticket page -------------------------------------------------------------------------


def test_the_ticket_page_shows_the_ticket_and_its_place(client, kiosk_client, huxi):
    first = _ticket_from(_take(kiosk_client, huxi, service="other"))
    second = _ticket_from(_take(kiosk_client, huxi, service="other"))
    response = client.get(_url("ticket", huxi, ticket_id=second.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert second.label in html
    assert "<dd data-ahead>1</dd>" in html
    assert 'data-status="waiting"' in html
    assert first.label not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_a_called_ticket_says_which_counter(client, kiosk_client, huxi):
    ticket = _ticket_from(_take(kiosk_client, huxi, service="other"))
    counter = Counter.objects.get(office=huxi, number=2)
    services.call_next(counter)
    html = client.get(_url("ticket", huxi, ticket_id=ticket.pk)).content.decode()
    assert 'data-status="called"' in html
    assert "ticket-status--called" in html
    status = html.split("ticket-status--called", 1)[1].split("</p>", 1)[0]
    assert "2" in status


def test_a_no_show_ticket_says_what_to_do(client, kiosk_client, huxi):
    ticket = _ticket_from(_take(kiosk_client, huxi, service="other"))
    counter = Counter.objects.get(office=huxi, number=1)
    called = services.call_next(counter)
    services.mark_no_show(called)
    html = client.get(_url("ticket", huxi, ticket_id=ticket.pk)).content.decode()
    assert 'data-status="no_show"' in html
    assert "ticket-advice" in html


def test_a_ticket_from_yesterday_has_expired(client, kiosk_client, huxi):
    ticket = _ticket_from(_take(kiosk_client, huxi, service="other"))
    Ticket.objects.filter(pk=ticket.pk).update(date=ticket.date - dt.timedelta(days=1))
    response = client.get(_url("ticket", huxi, ticket_id=ticket.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-status="expired"' in html
    assert "data-final" in html
    assert "data-ahead" not in html


def test_a_ticket_of_another_office_or_unknown_is_not_found(client, kiosk_client, demo):
    ticket = _ticket_from(_take(kiosk_client, demo["huxi"], service="other"))
    assert client.get(_url("ticket", demo["magong"], ticket_id=ticket.pk)).status_code == 404
    assert client.get(_url("ticket", demo["huxi"], ticket_id=uuid.uuid4())).status_code == 404
    assert client.get(f"/queue/huxi/t/{'0' * 5}/").status_code == 404


def test_the_ticket_page_shows_nothing_about_who_took_it(client, huxi):
    client.login(username="counter", password=DEMO_PASSWORD)
    ticket = _ticket_from(_take(client, huxi, service="other"))
    client.logout()
    html = client.get(_url("ticket", huxi, ticket_id=ticket.pk)).content.decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    for private in ("counter@", "王", "淑芬", str(ticket.idempotency_key)):
        assert private not in main
    assert ticket.status == TicketStatus.WAITING
