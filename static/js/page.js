// Behaviour every public page shares, as a static file: the Content-Security-Policy
// allows no inline script (docs/security.md).
(function () {
  "use strict";
  function ready() {
    // A form answered with errors: move focus to the error summary, so a screen reader
    // reads the errors first and a keyboard user starts from them.
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
    // Print buttons: printing is the browser's own; the button only makes it easy to find.
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
  // A page opened to be printed (?print=1) prints itself once loaded.
  if (document.querySelector("[data-print-on-load]")) {
    window.addEventListener("load", function () { window.print(); });
  }
})();
