/* The display board (叫號顯示看板). The server renders the board whole; this script keeps it
   current. The office's event stream only says "something changed", and the board then
   fetches the queue's state and draws it again, so a missed event costs nothing. Every
   new call rings a two-tone chime and is spoken in Mandarin, one call after another.
   The board never freezes: the browser reconnects the stream by itself, a watchdog
   reopens a silent one, and while the stream is down the board polls the state. */
(function () {
  "use strict";
  var POLL_MS = 3000;          // state polling while the stream is down
  var WATCHDOG_MS = 10000;     // the server sends something at least every 5 s
  var REOPEN_MS = 2000;        // pause before reopening a failed stream
  var GRACE_MS = 3000;         // a reconnect quicker than this is not "down"
  var MARQUEE_MS = 30000;      // announcements change rarely
  var SPEECH_LIMIT_MS = 12000; // a voice that never says "end" does not stall the line

  var configNode = document.getElementById("board-config");
  if (!configNode) { return; }
  var config = JSON.parse(configNode.textContent);
  var text = config.text;

  var hero = document.querySelector("[data-board-hero]");
  var counterList = document.querySelector("[data-board-counters]");
  var seriesBody = document.querySelector("[data-board-series]");
  var connectionMark = document.querySelector("[data-board-connection]");
  var announcer = document.querySelector("[data-board-announcer]");
  var soundButton = document.querySelector("[data-board-sound]");
  var clock = document.querySelector("[data-board-clock]");
  var marqueeHolder = document.querySelector("[data-board-marquee]");

  // Calls already on the board when it loaded are not announced again.
  var lastCallId = config.last_call_id || 0;
  var shownEventId = config.event_id || 0;

  // --- state ------------------------------------------------------------------------------

  var fetching = false;
  var fetchAgain = false;

  function refresh() {
    if (fetching) { fetchAgain = true; return; }
    fetching = true;
    fetch(config.status_url, { headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.json();
      })
      .then(render)
      .catch(function () { /* the next event or poll tries again */ })
      .then(function () {
        fetching = false;
        if (fetchAgain) { fetchAgain = false; refresh(); }
      });
  }

  function render(state) {
    // A new day: numbers restart and the date in the header is the server's, so start over.
    if (state.date && config.date && state.date !== config.date) {
      window.location.reload();
      return;
    }
    // Answers can overtake each other; an older state never replaces a newer one.
    if (typeof state.event_id === "number" && state.event_id < shownEventId) { return; }
    shownEventId = state.event_id || shownEventId;
    var calls = state.calls || [];
    renderHero(calls[0]);
    renderCounters(state.counters || [], calls);
    renderSeries(state.series || []);
    var fresh = calls.filter(function (call) { return call.id > lastCallId; });
    if (fresh.length) {
      lastCallId = Math.max.apply(null, fresh.map(function (call) { return call.id; }));
      fresh.reverse().forEach(announce);  // oldest first
      flash();
    }
  }

  function renderHero(call) {
    clear(hero);
    if (!call) {
      hero.appendChild(span("board__hero-none", text.none));
      return;
    }
    hero.appendChild(span("board__hero-ticket", call.ticket));
    var arrow = span("board__hero-arrow", "→");
    arrow.setAttribute("aria-hidden", "true");
    hero.appendChild(document.createTextNode(" "));
    hero.appendChild(arrow);
    hero.appendChild(document.createTextNode(" "));
    hero.appendChild(span("board__hero-counter", counterName(call.counter)));
  }

  function renderCounters(counters, calls) {
    var lastCalled = {};
    calls.forEach(function (call) {
      if (!(call.counter in lastCalled)) { lastCalled[call.counter] = call.ticket; }
    });
    var newest = calls.length ? calls[0].counter : null;
    clear(counterList);
    counters.forEach(function (counter) {
      var out = counter.state !== "open" && !counter.serving;
      var item = document.createElement("li");
      item.className = "board__counter" + (counter.number === newest ? " is-newest" : "") + (out ? " is-out" : "");
      item.appendChild(span("board__counter-number", counterName(counter.number)));
      item.appendChild(document.createTextNode(" "));
      var ticket = out
        ? (counter.state === "paused" ? text.paused : text.closed)
        : (lastCalled[counter.number] || counter.serving || "—");
      item.appendChild(span("board__counter-ticket", ticket));
      counterList.appendChild(item);
    });
  }

  function renderSeries(series) {
    clear(seriesBody);
    series.forEach(function (s) {
      var row = document.createElement("tr");
      row.setAttribute("data-series", s.letter);
      var head = document.createElement("th");
      head.setAttribute("scope", "row");
      head.appendChild(span("board__letter", s.letter));
      head.appendChild(document.createTextNode(" "));
      head.appendChild(span("board__series-name", config.series_names[s.letter] || s.name));
      row.appendChild(head);
      row.appendChild(cell("board__serving", s.now_serving || "—"));
      row.appendChild(cell("board__waiting", String(s.waiting)));
      seriesBody.appendChild(row);
    });
  }

  function flash() {
    hero.classList.remove("is-fresh");
    void hero.offsetWidth;  // restart the animation
    hero.classList.add("is-fresh");
  }

  // --- announcements: chime, then the spoken call, one at a time ------------------------

  var queue = [];
  var speaking = false;
  var audio = null;

  function announce(call) {
    var words = (call.is_recall ? text.recall : text.call)
      .replace("%(ticket)s", call.ticket)
      .replace("%(counter)s", call.counter);
    announcer.textContent = words;
    queue.push(call);
    if (!speaking) { next(); }
  }

  function next() {
    var call = queue.shift();
    if (!call) { speaking = false; return; }
    speaking = true;
    chime();
    // The chime is two short tones; the voice starts when it has rung.
    window.setTimeout(function () { speak(call, next); }, 700);
  }

  function speak(call, done) {
    var synth = window.speechSynthesis;
    var Utterance = window.SpeechSynthesisUtterance;
    var finished = false;
    function finish() {
      if (finished) { return; }
      finished = true;
      window.setTimeout(done, 400);
    }
    if (!synth || !Utterance) { window.setTimeout(finish, 800); return; }
    try {
      var sentence = (call.is_recall ? "再次呼叫，" : "") + "請 " + call.ticket + " 號 到 " + call.counter + " 號櫃檯";
      var utterance = new Utterance(sentence);
      utterance.lang = "zh-TW";
      utterance.rate = 0.9;
      var voice = taiwanVoice(synth);
      if (voice) { utterance.voice = voice; }
      utterance.onend = finish;
      utterance.onerror = finish;
      synth.speak(utterance);
      window.setTimeout(finish, SPEECH_LIMIT_MS);
    } catch (e) {
      finish();  // the chime alone then
    }
  }

  function taiwanVoice(synth) {
    var voices = (synth.getVoices && synth.getVoices()) || [];
    var best = null;
    for (var i = 0; i < voices.length; i += 1) {
      var lang = (voices[i].lang || "").replace("_", "-").toLowerCase();
      if (lang === "zh-tw") { return voices[i]; }
      if (!best && lang.indexOf("zh") === 0) { best = voices[i]; }
    }
    return best;
  }

  function audioContext() {
    if (audio) { return audio; }
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return null; }
    try { audio = new Context(); } catch (e) { return null; }
    return audio;
  }

  function chime() {
    var context = audioContext();
    if (!context || context.state !== "running") { return; }
    try {
      var start = context.currentTime + 0.02;
      [880, 660].forEach(function (frequency, index) {
        var tone = context.createOscillator();
        var gain = context.createGain();
        var at = start + index * 0.32;
        tone.type = "sine";
        tone.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.4, at + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
        tone.connect(gain);
        gain.connect(context.destination);
        tone.start(at);
        tone.stop(at + 0.32);
      });
    } catch (e) { /* no sound, the board still shows the call */ }
  }

  // Browsers hold sound back until someone interacts with the page: offer one click.
  function checkSound() {
    var context = audioContext();
    soundButton.hidden = !(context && context.state === "suspended");
  }

  function enableSound() {
    var context = audioContext();
    var done = function () { soundButton.hidden = true; };
    if (context && context.resume) {
      context.resume().then(done, done);
    } else {
      done();
    }
  }

  soundButton.addEventListener("click", enableSound);
  document.addEventListener("keydown", function () { if (!soundButton.hidden) { enableSound(); } });
  var initial = audioContext();
  if (initial && initial.addEventListener) { initial.addEventListener("statechange", checkSound); }
  checkSound();

  // --- the event stream, its watchdog, and polling while it is down ----------------------

  var source = null;
  var lastMessageAt = 0;
  var pollTimer = null;
  var reopenTimer = null;
  var graceTimer = null;

  function open() {
    if (!window.EventSource) { down(); return; }
    source = new EventSource(config.events_url);
    lastMessageAt = Date.now();
    source.addEventListener("open", function () {
      lastMessageAt = Date.now();
      up();
      refresh();  // whatever happened while the stream was down
    });
    source.addEventListener("changed", function (event) {
      lastMessageAt = Date.now();
      up();
      var id = 0;
      try { id = JSON.parse(event.data).id; } catch (e) { id = 0; }
      if (!id || id > shownEventId) { refresh(); }
    });
    source.addEventListener("ping", function () { lastMessageAt = Date.now(); });
    source.addEventListener("error", function () {
      // CLOSED (an HTTP error): we reopen. CONNECTING: the browser retries by itself, as
      // after the server ends a stream every few minutes, so only a retry that does not
      // come back soon counts as the stream being down.
      if (source && source.readyState === EventSource.CLOSED) {
        down();
        reopen();
      } else if (!graceTimer) {
        graceTimer = window.setTimeout(down, GRACE_MS);
      }
    });
  }

  function reopen() {
    if (source) { source.close(); source = null; }
    window.clearTimeout(reopenTimer);
    reopenTimer = window.setTimeout(open, REOPEN_MS);
  }

  // data-stream on the body tells tests and the curious whether the stream is up.
  function down() {
    window.clearTimeout(graceTimer);
    graceTimer = null;
    document.body.setAttribute("data-stream", "down");
    connectionMark.hidden = false;
    if (!pollTimer) {
      pollTimer = window.setInterval(refresh, POLL_MS);
      refresh();
    }
  }

  function up() {
    window.clearTimeout(graceTimer);
    graceTimer = null;
    document.body.setAttribute("data-stream", "open");
    connectionMark.hidden = true;
    if (pollTimer) { window.clearInterval(pollTimer); pollTimer = null; }
  }

  window.setInterval(function () {
    if (source && Date.now() - lastMessageAt > WATCHDOG_MS) {
      down();
      reopen();
    }
  }, 1000);

  // --- announcements band and clock --------------------------------------------------------

  function marqueeSignature(root) {
    var items = root.querySelectorAll(".marquee__item");
    return Array.prototype.map.call(items, function (item) {
      return item.className + "|" + item.textContent.replace(/\s+/g, " ").trim();
    }).join("\n");
  }

  function refreshMarquee() {
    fetch(config.marquee_url, { cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var fresh = document.createElement("div");
        fresh.innerHTML = html;
        var script = fresh.querySelector("script");
        if (script) { script.parentNode.removeChild(script); }
        if (marqueeSignature(fresh) === marqueeSignature(marqueeHolder)) { return; }
        marqueeHolder.innerHTML = fresh.innerHTML;
        if (script && marqueeHolder.querySelector("[data-marquee]")) {
          var run = document.createElement("script");
          run.src = script.getAttribute("src");
          document.body.appendChild(run);  // sets the new band scrolling
        }
      })
      .catch(function () { /* keep what is shown */ });
  }

  function tick() {
    var now = new Date();
    clock.textContent = pad(now.getHours()) + ":" + pad(now.getMinutes());
  }

  // --- helpers ----------------------------------------------------------------------------

  function counterName(number) {
    return text.counter.replace("%(number)s", number);
  }

  function span(className, content) {
    var node = document.createElement("span");
    node.className = className;
    node.textContent = content;
    return node;
  }

  function cell(className, content) {
    var node = document.createElement("td");
    node.className = className;
    node.textContent = content;
    return node;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  tick();
  window.setInterval(tick, 10000);
  window.setInterval(refreshMarquee, MARQUEE_MS);
  open();
})();
