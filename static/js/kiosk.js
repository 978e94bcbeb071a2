/* The kiosk (取號機): a form sends once however often it is tapped (the server's
   idempotency key makes a repeat harmless anyway); the printed ticket prints itself once
   and the screen returns to the start after a countdown, which a "stay" button stops. */
(function () {
  "use strict";

  Array.prototype.forEach.call(document.querySelectorAll(".kiosk-form"), function (form) {
    var sent = false;
    form.addEventListener("submit", function (event) {
      if (sent) { event.preventDefault(); return; }
      sent = true;
      form.setAttribute("aria-busy", "true");
    });
  });

  var actions = document.querySelector("[data-ticket-actions]");
  if (!actions) { return; }
  var printButton = actions.querySelector("[data-print]");
  var countdown = actions.querySelector("[data-countdown]");
  var secondsShown = actions.querySelector("[data-countdown-seconds]");
  var stayButton = actions.querySelector("[data-stay]");
  var returnUrl = actions.getAttribute("data-return-url");
  var left = parseInt(actions.getAttribute("data-return-seconds"), 10) || 20;
  var timer = null;

  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }

  // Print once: drop ?print=1 from the address first, so a reload does not print again.
  if (actions.hasAttribute("data-auto-print")) {
    try {
      var url = new URL(window.location.href);
      url.searchParams.delete("print");
      window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    } catch (e) { /* an old browser keeps the address */ }
    window.setTimeout(function () { window.print(); }, 300);
  }

  function tick() {
    left -= 1;
    if (secondsShown) { secondsShown.textContent = String(Math.max(left, 0)); }
    if (left <= 0) {
      window.clearInterval(timer);
      window.location.assign(returnUrl);
    }
  }

  if (countdown && returnUrl) {
    countdown.hidden = false;
    timer = window.setInterval(tick, 1000);
    if (stayButton) {
      stayButton.addEventListener("click", function () {
        window.clearInterval(timer);
        countdown.hidden = true;
        var back = actions.querySelector("a");
        if (back) { back.focus(); }
      });
    }
  }
})();
