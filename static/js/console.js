/* The counter console (櫃檯叫號台).
   1. After an action the page comes back with a message; focus moves to it so a screen
      reader reads the result at once.
   2. A form sends once: a second press while the first is on its way does nothing.
   3. The "Waiting now" panel follows the queue: it listens to the office's event stream
      and, when that is missing or broken, asks for the queue's state every 10 seconds.
      Only the numbers in that panel change; nothing else on the page is touched, so a
      clerk typing a case number is never interrupted. */
(function () {
  "use strict";
  var POLL_MS = 10000;
  var DEBOUNCE_MS = 300;

  var messagesBox = document.getElementById("console-messages");
  if (messagesBox) { messagesBox.focus(); }

  Array.prototype.forEach.call(document.querySelectorAll(".console-page main form[method='post']"), function (form) {
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-sending") === "1") {
        event.preventDefault();
        return;
      }
      form.setAttribute("data-sending", "1");
      form.setAttribute("aria-busy", "true");
      // Disabled only after the browser has taken the pressed button's value.
      window.setTimeout(function () {
        Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) { b.disabled = true; });
      }, 0);
    });
  });
  // Back/forward cache: a page shown again must have working buttons.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("form[data-sending]"), function (form) {
      form.removeAttribute("data-sending");
      form.removeAttribute("aria-busy");
      Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) { b.disabled = false; });
    });
  });

  var panel = document.getElementById("waiting-panel");
  if (!panel || !window.fetch) { return; }
  var statusUrl = panel.getAttribute("data-status-url");
  var eventsUrl = panel.getAttribute("data-events-url");
  var minutesTemplate = panel.getAttribute("data-minutes-template") || "__N__";
  var pollTimer = null;
  var pending = null;

  function setText(root, field, text) {
    var cell = root.querySelector("[data-field='" + field + "']");
    if (cell && cell.textContent !== text) { cell.textContent = text; }
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function show(state) {
    (state.series || []).forEach(function (row) {
      var tr = panel.querySelector("tr[data-series='" + row.letter + "']");
      if (!tr) { return; }
      setText(tr, "waiting", String(row.waiting));
      setText(tr, "estimated_wait_minutes", row.estimated_wait_minutes === null || row.estimated_wait_minutes === undefined
        ? "—" : minutesTemplate.replace("__N__", String(row.estimated_wait_minutes)));
      setText(tr, "now_serving", row.now_serving || "—");
    });
    if (typeof state.waiting_total === "number") { setText(panel, "waiting_total", String(state.waiting_total)); }
    var now = new Date();
    setText(panel, "updated", pad(now.getHours()) + ":" + pad(now.getMinutes()) + ":" + pad(now.getSeconds()));
  }

  function refresh() {
    return window.fetch(statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) { if (state) { show(state); } })
      .catch(function () { /* the next event or poll tries again */ });
  }

  function refreshSoon() {
    if (pending) { return; }
    pending = window.setTimeout(function () { pending = null; refresh(); }, DEBOUNCE_MS);
  }

  function poll() {
    if (pollTimer) { return; }
    pollTimer = window.setInterval(refresh, POLL_MS);
  }

  if (window.EventSource && eventsUrl) {
    var source = new window.EventSource(eventsUrl);
    source.addEventListener("changed", refreshSoon);
    source.addEventListener("open", refreshSoon);
    source.addEventListener("error", function () {
      // CLOSED means the browser gave up (no stream here, say): poll instead. While it
      // reconnects on its own, poll too, so the numbers never stand still for long.
      poll();
    });
  } else {
    poll();
  }
  panel.setAttribute("data-live", "1");
})();
