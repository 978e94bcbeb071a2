"""The eight journeys of issue 16, walked as a citizen or a staff member would walk them, on a
desktop and on a 390x844 phone: a lost ID card, a move with a booking, a visit with a ticket,
searching, a clerk's case, the director, an editor, and English and print.

Each journey starts at one address and then goes on only by the links and buttons a person
would use (on the phone, the navigation is behind the menu button). Every new page passes
axe-core (WCAG 2.1 A/AA) once; the back office is checked on the project's own parts."""

import io
import re

import pytest
import segno

from huzheng.core.demo import DEMO_PASSWORD
from huzheng.core.identity import check_digit_for
from huzheng.queueing.demo import DEMO_KIOSK_TOKEN

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])


@pytest.fixture
def visitor(browser, viewport, axe):
    """A browser window of the viewport's size, and a journey helper around it."""
    context = browser.new_context(locale="zh-TW", viewport=viewport, bypass_csp=True)
    yield Journey(context.new_page(), axe, phone=viewport == PHONE)
    context.close()


class Journey:
    """Walks pages by their links and buttons, checking each new page with axe once."""

    def __init__(self, page, axe, *, phone):
        self.page = page
        self.axe = axe
        self.phone = phone
        self.checked = set()

    def check(self, context=None):
        """axe on the page (or a part of it), once per address and part."""
        key = (re.sub(r"[?#].*$", "", self.page.url), context)
        if key not in self.checked:
            self.checked.add(key)
            self.axe(self.page, context=context)

    def go(self, url):
        self.page.goto(url)
        self.check()

    def click(self, locator, *, check=True):
        with self.page.expect_navigation():
            locator.click()
        if check:
            self.check()

    def enter(self, locator, *, check=True):
        """Submit by keyboard: Enter in a field, or on a focused link or button."""
        with self.page.expect_navigation():
            locator.press("Enter")
        if check:
            self.check()

    def nav(self, name):
        """Follow a link of the main navigation; on a phone, open the menu first."""
        links = self.page.locator("#site-nav-list")
        link = links.get_by_role("link", name=name, exact=True)
        if self.phone:
            menu = self.page.locator(".site-nav__toggle")
            assert menu.is_visible() and not link.is_visible()
            menu.click()
            assert menu.get_attribute("aria-expanded") == "true"
        self.click(link)

    def search(self, words):
        field = self.page.locator("#site-search-q")
        field.fill(words)
        self.enter(field)

    def sign_in(self, site, username, next_url):
        self.page.goto(f"{site}/admin/login/?next={next_url}")
        self.page.locator("#id_username").fill(username)
        self.page.locator("#id_password").fill(DEMO_PASSWORD)
        self.enter(self.page.locator("#id_password"), check=False)
        assert next_url in self.page.url


def _id(prefix):
    return prefix + check_digit_for(prefix)


# 1 ------------------------------------------------------------------------------------------


@VIEWPORTS
def test_a_lost_id_card_is_reported_online_and_the_confirmation_leads_to_the_new_card(
    visitor, live_site
):
    from huzheng.core import roc
    from huzheng.idcards.models import LossReport
    from huzheng.idcards.tests.helpers import person

    j, page = visitor, visitor.page
    j.go(live_site + "/")
    j.search("身分證掛失")
    # The guide first; it leads to the online report.
    j.click(page.locator(".search-hits").get_by_role("link", name="國民身分證掛失、撤銷掛失"))
    j.click(page.get_by_role("link", name="立即線上掛失身分證"))
    assert page.url.endswith("/idcards/lost/")

    p = person(1)
    page.fill("#id_national_id", p["national_id"])
    page.fill("#id_name", p["name"])
    page.fill("#id_birth_date", roc.format_short(p["birth_date"]))
    j.enter(page.locator("#id_birth_date"))
    reference = page.locator("#loss-reference").inner_text()
    assert LossReport.objects.filter(reference=reference).exists()

    # The confirmation leads on: what to bring, the fee, a time at the office.
    next_steps = page.locator("ul[aria-labelledby=next-heading] a")
    hrefs = next_steps.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    guide = "/services/id-card-replacement/"
    assert hrefs == [f"{guide}#documents", f"{guide}#fees", "/appointments/"]
    j.click(page.get_by_role("link", name="補領身分證應備證件"))
    assert page.url.endswith(f"{guide}#documents")
    assert page.locator("#documents").is_visible() and page.locator("#fees").is_visible()
    # The guide books this very service.
    j.click(page.get_by_role("link", name="可以，線上預約時段"))
    assert page.url.endswith("/appointments/id-card-replacement/")
    assert page.locator("table.calendar").is_visible()


# 2 ------------------------------------------------------------------------------------------


@VIEWPORTS
def test_a_move_is_read_up_booked_and_the_booking_managed(visitor, live_site):
    from huzheng.appointments.models import Booking

    j, page = visitor, visitor.page
    j.go(live_site + "/")
    j.nav("申辦項目與須知")
    j.click(page.get_by_role("link", name="遷入登記", exact=True).first)
    assert page.get_by_role("heading", level=1, name="遷入登記").is_visible()
    j.click(page.get_by_role("link", name="可以，線上預約時段"))

    # The first day with free times (next month's, late in a month), then its first time.
    days = page.locator("table.calendar a[href*='day=']")
    if not days.count():
        j.click(page.locator("a[rel=next]"))
    j.click(days.first)
    page.locator("#id_start_0").check()
    page.fill("#id_name", "王小明")
    national_id = _id("A12345678")
    page.fill("#id_national_id", national_id)
    page.fill("#id_phone", "0912345678")
    j.enter(page.locator("#id_phone"))
    code = page.locator(".booking-card__code").inner_text()
    booking = Booking.objects.get(code=code)
    assert booking.status == Booking.Status.BOOKED

    # Managing it: found again with the code and the ID number.
    j.click(page.get_by_role("link", name="改期或取消這個預約"))
    page.fill("#id_code", code)
    page.fill("#id_national_id", national_id)
    j.enter(page.locator("#id_national_id"))
    assert page.locator(".booking-card__code").inner_text() == code
    j.click(page.get_by_role("link", name="取消預約"))
    j.click(page.get_by_role("button", name="是，取消預約"))
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED


# 3 ------------------------------------------------------------------------------------------


@VIEWPORTS
def test_a_visit_with_a_ticket_from_the_kiosk_to_the_live_queue(visitor, live_site, settings):
    from huzheng.queueing.models import Ticket

    settings.HUZHENG_DEMO = True  # the demo office takes tickets at any hour
    j, page = visitor, visitor.page
    j.go(live_site + "/queue/huxi/kiosk/sign-in/")
    page.fill("#kiosk-token", DEMO_KIOSK_TOKEN)
    j.enter(page.locator("#kiosk-token"))
    j.click(page.locator(".kiosk-button--other"))
    ticket = Ticket.objects.get()
    assert page.locator(".ticket__number").inner_text() == ticket.label
    ahead = page.locator("[data-ahead]").inner_text()

    # The citizen scans the ticket's code with a phone: it holds the ticket page's address.
    url = f"{live_site}/queue/huxi/t/{ticket.pk}/"
    drawn = segno.make(url, error="m").svg_inline(scale=4, border=2)
    modules = re.search(r' d="([^"]+)"', drawn).group(1)
    assert modules in page.locator(".ticket__qr svg").evaluate("e => e.outerHTML")
    j.go(url)
    assert page.locator("[data-ahead]").inner_text() == ahead
    j.click(page.get_by_role("link", name="查看全部叫號進度"))
    row = page.locator(f"tr[data-series={ticket.series.letter}]")
    assert row.locator("[data-field=waiting]").inner_text() == "1"


# 4 ------------------------------------------------------------------------------------------


@VIEWPORTS
def test_an_everyday_question_is_searched_and_answered_by_its_guide(visitor, live_site):
    j, page = visitor, visitor.page
    j.go(live_site + "/")
    # By keyboard: the header's search field, a question as people type it.
    page.locator("#site-search-q").focus()
    page.keyboard.type("戶籍謄本要帶什麼")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    j.check()
    first = page.locator(".search-hits > li h3 a").first
    assert "戶籍謄本" in first.inner_text()
    first.focus()
    j.enter(first)
    assert "/services/" in page.url
    assert page.locator("#documents").is_visible()


# 5 ------------------------------------------------------------------------------------------


@VIEWPORTS
def test_a_clerks_case_from_the_counter_to_the_citizens_query(visitor, live_site, browser):
    from pypdf import PdfReader

    from huzheng.cases.models import Case, Stage
    from huzheng.catalog.models import RegistrationService

    j, page = visitor, visitor.page
    j.sign_in(live_site, "counter", "/admin/cases/new/")
    j.check()
    service = RegistrationService.objects.get(slug="house-number-assignment")
    page.select_option("#id_service", value=str(service.pk))
    page.fill("#id_applicant_name", "陳美玲")
    national_id = _id("E22345678")
    page.fill("#id_national_id", national_id)
    page.fill("#id_birth_date", "75/8/9")
    page.locator("#id_notify_email").uncheck()
    j.click(page.locator("form.cases-register button[type=submit]"))
    [case] = [c for c in Case.objects.all() if c.applicant_name == "陳美玲"]
    assert case.number in page.content()

    # The clerk moves its stage, by keyboard.
    button = page.locator(f"button[data-stage={Stage.REVIEW}]")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    case.refresh_from_db()
    assert case.stage == Stage.REVIEW

    # The receipt the citizen takes home names the case number.
    receipt = page.get_by_role("link", name="列印收件收據（PDF）")
    response = page.request.get(live_site + receipt.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert case.number in text.replace(" ", "")

    # The citizen, at home, follows it from the site's online services.
    citizen = browser.new_context(locale="zh-TW", viewport=page.viewport_size, bypass_csp=True)
    try:
        c = Journey(citizen.new_page(), j.axe, phone=j.phone)
        c.go(live_site + "/")
        c.click(c.page.locator("#online-services").get_by_role("link", name=re.compile("案件進度")))
        c.page.fill("#id_case_number", case.number)
        c.page.fill("#id_national_id", national_id)
        c.enter(c.page.locator("#id_national_id"))
        assert c.page.locator(".case-timeline [aria-current=step]").count() == 1
    finally:
        citizen.close()


# 6 ------------------------------------------------------------------------------------------


@VIEWPORTS
def test_the_director_reads_the_plan_and_approves_an_editors_notice(visitor, live_site):
    from django.contrib.auth import get_user_model

    from huzheng.core.models import Office
    from huzheng.queueing import marquee
    from huzheng.queueing.models import MarqueeMessage

    editor = get_user_model().objects.get(username="editor")
    notice = marquee.save_message(
        MarqueeMessage(
            office=Office.objects.get(code="huxi"),
            text="本所週六上午加開服務",
            starts_at=_now(),
            ends_at=_now(days=7),
        ),
        user=editor,
    )
    assert notice.approved_at is None

    j, page = visitor, visitor.page
    j.sign_in(live_site, "director", "/admin/")
    home = page.url
    j.check()
    # The plan's self-evaluation, from the home's links.
    j.click(page.locator(".director-home__links a", has_text="自評"))
    assert page.locator("input[name$='-self_score']").count() > 0
    page.go_back()
    page.wait_for_url(home)

    # The marquee, where the editor's notice waits for the director.
    j.click(page.locator(".director-home a[href='/admin/marquee/']"))
    assert "待主任核可" in page.content()
    j.click(page.get_by_role("link", name="本所週六上午加開服務"))
    j.click(page.get_by_role("button", name="儲存", exact=True), check=False)
    notice.refresh_from_db()
    assert notice.approved_by.username == "director"


def _now(**delta):
    import datetime as dt

    from django.utils import timezone

    return timezone.now() + dt.timedelta(**delta)


# 7 ------------------------------------------------------------------------------------------


@VIEWPORTS
def test_an_editor_changes_a_news_page_and_submits_it_for_approval(visitor, live_site):
    from huzheng.site.models import NewsPage

    news = NewsPage.objects.live().get(slug="village-outreach-service")
    j, page = visitor, visitor.page
    j.sign_in(live_site, "editor", f"/admin/pages/{news.get_parent().pk}/")
    j.check()
    j.click(page.get_by_role("link", name=news.title, exact=True))
    assert page.url.endswith(f"/admin/pages/{news.pk}/edit/")
    page.locator("#id_title").fill(news.title + "（時間更新）")
    page.get_by_role("button", name="更多操作").click()
    j.click(page.get_by_role("button", name=re.compile("^提交至")), check=False)
    news.refresh_from_db()
    assert news.get_latest_revision().content["title"].endswith("（時間更新）")
    assert news.current_workflow_state.status == "in_progress"
    assert not news.title.endswith("（時間更新）")  # citizens read the approved text still


# 8 ------------------------------------------------------------------------------------------


@VIEWPORTS
def test_in_english_a_guide_is_walked_and_printed_without_live_badge_or_navigation(
    visitor, live_site
):
    j, page = visitor, visitor.page
    page.goto(live_site + "/")
    j.click(page.get_by_role("link", name="English"))
    assert page.locator("html").get_attribute("lang") == "en"
    j.nav("Services and application guides")
    j.click(page.get_by_role("link", name="Move-in registration", exact=True).first)
    assert page.locator("html").get_attribute("lang") == "en"
    badge = page.locator(".office-status")
    assert badge.is_visible()  # "Now: open" on screen
    page.emulate_media(media="print")
    assert not badge.is_visible() and not page.locator(".site-nav").is_visible()
    assert page.get_by_role("heading", level=1, name="Move-in registration").is_visible()
    assert page.locator("#documents").is_visible()
    page.emulate_media(media="screen")
    # On to the questions people ask, from the menu: still in English.
    j.nav("Frequently asked questions")
    assert page.locator("html").get_attribute("lang") == "en"
