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
    foldMenu();
    // Print buttons: printing is the browser's own; the button only makes it easy to find.
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }
  // The main menu on a phone: thirteen links would fill the first screen, so they fold
  // behind a "Menu" button there; on wider screens the button is hidden and the menu open.
  function foldMenu() {
    var nav = document.querySelector("[data-site-nav]");
    var button = nav && nav.querySelector(".site-nav__toggle");
    if (!button || !window.matchMedia) {
      return;
    }
    var narrow = window.matchMedia("(max-width: 40rem)");
    function set(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-folded", !open);
    }
    function fit() {
      button.hidden = !narrow.matches;
      set(!narrow.matches);
    }
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && narrow.matches && button.getAttribute("aria-expanded") === "true") {
        set(false);
        button.focus();
      }
    });
    if (narrow.addEventListener) {
      narrow.addEventListener("change", fit);
    }
    fit();
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
