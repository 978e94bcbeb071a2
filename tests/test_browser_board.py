"""The display board (叫號顯示看板) in a real browser at 1920×1080: a call shows within a
second and is spoken in Mandarin after a chime, calls already on the board are not
announced again, two calls do not talk over each other, the board asks for a click when
the browser holds sound back, keeps updating by polling while its stream is down, and
passes axe."""

import time

import pytest

pytestmark = pytest.mark.browser

# Records what the board says and plays instead of saying and playing it. The fake audio
# context starts "running", or "suspended" when window.__audioSuspended is set first.
RECORDER = """
(() => {
  window.__spoken = [];
  window.__tones = [];
  const synth = {
    speaking: false, pending: false, paused: false,
    speak(utterance) {
      const entry = {text: utterance.text, lang: utterance.lang, at: performance.now(), end: null};
      window.__spoken.push(entry);
      setTimeout(() => {
        entry.end = performance.now();
        if (utterance.onend) { utterance.onend({}); }
      }, 300);
    },
    cancel() {}, pause() {}, resume() {},
    getVoices() { return []; },
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", {configurable: true, get: () => synth});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ""; };
  class FakeAudioContext extends EventTarget {
    constructor() {
      super();
      this.state = window.__audioSuspended ? "suspended" : "running";
      this.currentTime = 0;
      this.destination = {};
    }
    resume() {
      this.state = "running";
      this.dispatchEvent(new Event("statechange"));
      return Promise.resolve();
    }
    createOscillator() {
      const tone = {type: "sine", frequency: {value: 0}, connect() {}, stop() {},
        start() { window.__tones.push(tone.frequency.value); }};
      return tone;
    }
    createGain() {
      return {gain: {setValueAtTime() {}, exponentialRampToValueAtTime() {}}, connect() {}};
    }
  }
  window.AudioContext = FakeAudioContext;
  window.webkitAudioContext = FakeAudioContext;
})();
"""


@pytest.fixture
def huxi(live_site, settings):
    settings.HUZHENG_DEMO = True  # the demo office takes tickets at any hour
    from huzheng.core.models import Office

    return Office.objects.get(code="huxi")


@pytest.fixture
def board(browser, live_site, monkeypatch):
    """Open the board on a full-HD screen with the recorder in place; `suspended=True`
    plays a browser that holds sound back."""
    from huzheng.queueing.views import board as board_views

    # The live server is a sync server: it notices a closed board only when a heartbeat
    # fails to go out, so frequent ones end the streams before the test's database goes.
    monkeypatch.setattr(board_views, "HEARTBEAT_SECONDS", 0.5)
    contexts = []

    def open_board(*, suspended=False, before_load=None):
        context = browser.new_context(
            locale="zh-TW", viewport={"width": 1920, "height": 1080}, bypass_csp=True
        )
        contexts.append(context)
        page = context.new_page()
        if suspended:
            page.add_init_script("window.__audioSuspended = true;")
        page.add_init_script(RECORDER)
        if before_load:
            before_load(page)
        page.goto(live_site + "/queue/huxi/display/")
        return page

    yield open_board
    for context in contexts:
        context.close()
    time.sleep(1.5)  # two heartbeats: the first to a closed socket may still go out


def call(office, counter_number, *, tickets=1):
    from huzheng.queueing import services
    from huzheng.queueing.models import Counter

    for _ in range(tickets):
        services.issue_ticket(office)
    return services.call_next(Counter.objects.get(office=office, number=counter_number))


def wait_stream_open(page):
    page.wait_for_function("document.body.dataset.stream === 'open'", timeout=10_000)


def test_a_call_shows_within_a_second_and_is_spoken_after_a_chime(board, huxi, axe):
    page = board()
    wait_stream_open(page)
    assert page.locator(".board__hero-none").is_visible()  # no call yet today
    assert page.locator(".marquee__item").count() == 2  # the demo announcements
    axe(page)

    ticket = call(huxi, 1)
    # How fast a call reaches the board is measured in bench/ (docs/performance.md),
    # not timed here; the wait only bounds a hang.
    page.wait_for_function(
        f"document.querySelector('.board__hero-ticket')?.textContent === '{ticket.label}'",
        timeout=5_000,
    )
    assert ticket.label == "A001"
    newest = page.locator(".board__counter.is-newest")
    assert newest.locator(".board__counter-ticket").inner_text() == "A001"
    assert "1" in newest.locator(".board__counter-number").inner_text()
    assert page.locator("[data-series=A] .board__waiting").inner_text() == "0"
    assert page.locator("[data-series=A] .board__serving").inner_text() == "A001"

    page.wait_for_function("window.__spoken.length === 1", timeout=5_000)
    spoken = page.evaluate("window.__spoken")
    assert spoken[0]["text"] == "請 A001 號 到 1 號櫃檯"
    assert spoken[0]["lang"] == "zh-TW"
    assert page.evaluate("window.__tones") == [880, 660]  # the two-tone chime
    assert "A001" in page.locator("[data-board-announcer]").text_content()
    assert not page.locator("[data-board-sound]").is_visible()
    axe(page)

    # The counter that made the newest call closes: it keeps the highlight, readable.
    from huzheng.queueing import services

    services.finish(ticket)
    services.set_counter_state(ticket.counter, "closed")
    page.wait_for_function(
        "document.querySelector('.board__counter.is-newest.is-out') !== null", timeout=5_000
    )
    axe(page)
    page.emulate_media(media="print")
    assert page.locator(".board__hero").is_visible()


def test_calls_on_the_board_at_load_are_not_announced_but_a_recall_is(board, huxi):
    from huzheng.queueing import services

    ticket = call(huxi, 2)
    page = board()
    assert page.locator(".board__hero-ticket").inner_text() == "A001"  # from the server
    wait_stream_open(page)
    page.wait_for_timeout(1500)
    assert page.evaluate("window.__spoken") == []

    services.recall(ticket)
    page.wait_for_function("window.__spoken.length === 1", timeout=5_000)
    (spoken,) = page.evaluate("window.__spoken")
    assert spoken["text"].startswith("再次呼叫")
    assert "請 A001 號 到 2 號櫃檯" in spoken["text"]


def test_two_calls_are_spoken_one_after_the_other(board, huxi):
    page = board()
    wait_stream_open(page)
    call(huxi, 1, tickets=2)
    call(huxi, 2)
    page.wait_for_function("window.__spoken.length === 2 && window.__spoken[1].end", timeout=10_000)
    first, second = page.evaluate("window.__spoken")
    assert "A001" in first["text"] and "1 號櫃檯" in first["text"]
    assert "A002" in second["text"] and "2 號櫃檯" in second["text"]
    assert second["at"] >= first["end"]  # never over each other
    assert page.locator(".board__hero-ticket").inner_text() == "A002"


def test_a_board_whose_sound_is_held_back_offers_a_click_and_still_updates(board, huxi, axe):
    page = board(suspended=True)
    button = page.locator("[data-board-sound]")
    assert button.is_visible()
    axe(page)
    wait_stream_open(page)
    call(huxi, 3)
    page.wait_for_function(
        "document.querySelector('.board__hero-ticket')?.textContent === 'A001'", timeout=5_000
    )
    page.wait_for_function("window.__spoken.length === 1", timeout=5_000)
    assert page.evaluate("window.__tones") == []  # no chime while sound is held back

    button.focus()
    page.keyboard.press("Enter")
    assert not button.is_visible()
    assert page.evaluate("document.querySelector('[data-board-sound]').hidden")


def test_while_the_stream_is_down_the_board_polls_and_marks_it(board, huxi, axe):
    def kill_stream(page):
        page.route("**/queue/huxi/events/", lambda route: route.abort())

    page = board(before_load=kill_stream)
    page.wait_for_function("document.body.dataset.stream === 'down'", timeout=5_000)
    mark = page.locator("[data-board-connection]")
    assert mark.is_visible()

    call(huxi, 1)
    # Without the stream the board polls (every 3 s), and the call still arrives.
    page.wait_for_function(
        "document.querySelector('.board__hero-ticket')?.textContent === 'A001'", timeout=10_000
    )
    page.wait_for_function("window.__spoken.length === 1", timeout=5_000)
    axe(page)

    page.unroute("**/queue/huxi/events/")  # the stream comes back by itself
    wait_stream_open(page)
    assert not mark.is_visible()
    call(huxi, 2)
    page.wait_for_function(
        "document.querySelector('.board__hero-ticket')?.textContent === 'A002'", timeout=2_000
    )
