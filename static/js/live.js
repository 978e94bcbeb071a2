/* Keeps the live queue page and a ticket's page fresh. The server-rendered page works
   alone; this script fetches the state again every few seconds, and at once when the
   office's event stream says "changed". With no event stream (an old browser, a proxy
   that cuts streams, or none yet) it keeps polling quietly. A screen reader hears a
   short summary only when the numbers being served or the ticket's status change. */
(function () {
  "use strict";
  var root = document.querySelector("[data-live]");
  if (!root || !window.fetch) { return; }
  var mode = root.getAttribute("data-mode");
  var seconds = parseInt(root.getAttribute("data-refresh-seconds"), 10) || 15;
  var summary = root.querySelector("[data-live-summary]");
  var lastSummary = null;
  var busy = false;
  var again = false;
  var stopped = false;
  var timer = null;
  var stream = null;

  function label(name, values) {
    var text = root.getAttribute("data-label-" + name) || "";
    Object.keys(values || {}).forEach(function (key) {
      text = text.split("%(" + key + ")s").join(String(values[key]));
    });
    return text;
  }

  function announce(text) {
    if (!summary || !text) { return; }
    if (lastSummary !== null && text !== lastSummary) { summary.textContent = text; }
    lastSummary = text;
  }

  function stampUpdated() {
    var stamp = root.querySelector("[data-updated]");
    if (!stamp) { return; }
    var now = new Date();
    stamp.setAttribute("datetime", now.toISOString());
    stamp.textContent = now.toTimeString().slice(0, 8);
  }

  function setField(row, field, text) {
    var cell = row.querySelector('[data-field="' + field + '"]');
    if (cell && cell.textContent !== text) { cell.textContent = text; }
  }

  function applyStatus(state) {
    var none = label("none");
    var serving = [];
    (state.series || []).forEach(function (s) {
      var row = root.querySelector('[data-series="' + s.letter + '"]');
      if (s.now_serving) { serving.push(s.now_serving); }
      if (!row) { return; }
      setField(row, "now_serving", s.now_serving || none);
      setField(row, "waiting", String(s.waiting));
      setField(row, "people_ahead",
        s.people_ahead === null || s.people_ahead === undefined ? none : String(s.people_ahead));
      setField(row, "estimated_wait_minutes",
        s.estimated_wait_minutes === null || s.estimated_wait_minutes === undefined
          ? none : label("minutes", { n: s.estimated_wait_minutes }));
    });
    var list = root.querySelector("[data-counters]");
    if (list && state.counters) {
      var open = state.counters.filter(function (c) { return c.state === "open"; });
      var items = open.map(function (c) {
        var li = document.createElement("li");
        var strong = document.createElement("strong");
        strong.textContent = label("counter", { n: c.number });
        li.appendChild(strong);
        li.appendChild(document.createTextNode("：" + (c.serving || label("free"))));
        return li;
      });
      if (!items.length) {
        var empty = document.createElement("li");
        empty.textContent = label("no-counter");
        items.push(empty);
      }
      list.replaceChildren.apply(list, items);
    }
    stampUpdated();
    announce(label("summary", {
      numbers: serving.length ? serving.join(", ") : label("nobody"),
      waiting: state.waiting_total || 0
    }));
  }

  function applyPage(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.querySelector("[data-refresh-region]");
    var region = root.querySelector("[data-refresh-region]");
    if (!fresh || !region) { return; }
    region.innerHTML = fresh.innerHTML;
    if (fresh.hasAttribute("data-final")) { region.setAttribute("data-final", ""); stop(); }
    var said = fresh.querySelector("[data-summary]");
    announce(said ? said.textContent.replace(/\s+/g, " ").trim() : "");
  }

  function refresh() {
    if (stopped) { return; }
    if (busy) { again = true; return; }
    busy = true;
    var url = mode === "page" ? window.location.pathname : root.getAttribute("data-status-url");
    fetch(url, { headers: { Accept: mode === "page" ? "text/html" : "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return mode === "page" ? response.text() : response.json();
      })
      .then(function (data) { if (mode === "page") { applyPage(data); } else { applyStatus(data); } })
      .catch(function () { /* the next poll tries again */ })
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
  }

  function stop() {
    stopped = true;
    if (timer) { window.clearInterval(timer); }
    if (stream) { stream.close(); }
  }

  function listen() {
    var eventsUrl = root.getAttribute("data-events-url");
    if (!eventsUrl || !window.EventSource) { return; }
    var failures = 0;
    try { stream = new EventSource(eventsUrl); } catch (e) { return; }
    stream.addEventListener("changed", function () { failures = 0; refresh(); });
    stream.addEventListener("open", function () { failures = 0; });
    stream.addEventListener("error", function () {
      // A missing stream (404) closes itself; a flapping one is given up after a few tries.
      failures += 1;
      if (stream.readyState === EventSource.CLOSED || failures > 3) { stream.close(); stream = null; }
    });
  }

  // The first summary is the one already on the page: remember it, say nothing.
  if (mode === "page") {
    var first = root.querySelector("[data-summary]");
    lastSummary = first ? first.textContent.replace(/\s+/g, " ").trim() : null;
    if (root.querySelector("[data-refresh-region][data-final]")) { return; }
  } else {
    lastSummary = null;
  }
  timer = window.setInterval(refresh, seconds * 1000);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { refresh(); }
  });
  listen();
  if (mode !== "page") { refresh(); }
})();
