/* The kiosk (取號機): a form sends once however often it is tapped (the server's
   idempotency key makes a repeat harmless anyway); appointment check-in takes its code
   from an on-screen keypad (touch or keyboard) or, where the browser reads QR codes and
   the kiosk has a camera, from the booking's QR code; the printed ticket prints itself
   once and the screen returns to the start after a countdown, which a "stay" button
   stops. */
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

  var checkIn = document.querySelector("[data-check-in]");
  if (checkIn) { setUpCheckIn(checkIn); }

  // Codes are letters and digits; full-width characters, spaces and dashes fold away,
  // as the server folds them (services.normalise_appointment_code).
  function normaliseCode(text) {
    var folded = String(text || "");
    if (folded.normalize) { folded = folded.normalize("NFKC"); }
    return folded.replace(/[\s\-]/g, "").toUpperCase();
  }

  function setUpCheckIn(form) {
    var input = form.querySelector("[data-code-input]");
    var keypad = form.querySelector("[data-keypad]");
    var spoken = form.querySelector("[data-code-spoken]");
    if (!input || !keypad) { return; }
    // The code's length is the field's maxlength, set by the server from the booking rule.
    var length = input.maxLength > 0 ? input.maxLength : 8;
    keypad.hidden = false;
    // The keypad types; a touch on the field need not open the system keyboard too.
    input.setAttribute("inputmode", "none");

    function say() {
      if (!spoken) { return; }
      var code = normaliseCode(input.value);
      spoken.textContent = code
        ? spoken.getAttribute("data-label").replace("%(code)s", code.split("").join(" "))
        : spoken.getAttribute("data-label-empty");
    }

    keypad.addEventListener("click", function (event) {
      var key = event.target.closest("button");
      if (!key) { return; }
      var code = normaliseCode(input.value);
      if (key.hasAttribute("data-key")) {
        if (code.length >= length) { return; }
        code += key.getAttribute("data-key");
      } else if (key.hasAttribute("data-key-delete")) {
        code = code.slice(0, -1);
      } else if (key.hasAttribute("data-key-clear")) {
        code = "";
      } else {
        return;
      }
      input.value = code;
      input.removeAttribute("aria-invalid");
      say();
    });

    setUpScan(form, input);
  }

  function setUpScan(form, input) {
    var scan = document.querySelector("[data-scan]");
    if (!scan || !("BarcodeDetector" in window) || !navigator.mediaDevices ||
        !navigator.mediaDevices.getUserMedia) { return; }
    var start = scan.querySelector("[data-scan-start]");
    var stop = scan.querySelector("[data-scan-stop]");
    var video = scan.querySelector("[data-scan-video]");
    var message = scan.querySelector("[data-scan-message]");
    var stream = null;
    var timer = null;
    var deadline = 0;
    var detector = null;

    function tell(name, code) {
      message.textContent = (scan.getAttribute("data-label-" + name) || "").replace("%(code)s", code || "");
    }

    function end() {
      window.clearTimeout(timer);
      if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
      stream = null;
      video.hidden = true;
      stop.hidden = true;
      start.hidden = false;
    }

    function look() {
      if (!stream) { return; }
      if (Date.now() > deadline) { end(); tell("timeout"); start.focus(); return; }
      detector.detect(video).then(function (found) {
        var code = "";
        (found || []).some(function (one) {
          var value = normaliseCode(one.rawValue);
          if (value.length === input.maxLength && /^[A-Z0-9]+$/.test(value)) { code = value; return true; }
          return false;
        });
        if (!code) { timer = window.setTimeout(look, 250); return; }
        end();
        input.value = code;
        tell("found", code);
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
      }, function () { timer = window.setTimeout(look, 250); });
    }

    var formats = window.BarcodeDetector.getSupportedFormats
      ? window.BarcodeDetector.getSupportedFormats() : Promise.resolve(["qr_code"]);
    Promise.resolve(formats).then(function (list) {
      if (!list || list.indexOf("qr_code") === -1) { return; }
      scan.hidden = false;
      start.addEventListener("click", function () {
        tell("looking");
        navigator.mediaDevices.getUserMedia({ video: true, audio: false }).then(function (got) {
          stream = got;
          detector = detector || new window.BarcodeDetector({ formats: ["qr_code"] });
          video.srcObject = got;
          video.hidden = false;
          start.hidden = true;
          stop.hidden = false;
          stop.focus();
          deadline = Date.now() + 60000;  // the camera is not left on
          var playing = video.play();
          if (playing && playing.catch) { playing.catch(function () { /* shown muted */ }); }
          look();
        }, function () {
          tell("failed");
          scan.querySelector("[data-scan-start]").hidden = true;
          input.focus();
        });
      });
      stop.addEventListener("click", function () { end(); message.textContent = ""; start.focus(); });
    }, function () { /* no QR reading here: the keypad stays */ });
  }

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
