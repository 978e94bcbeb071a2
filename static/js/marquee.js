/* The marquee (跑馬燈) as a progressive enhancement of a plain list of messages.
   Without this script, or when the reader prefers reduced motion, the list stays still
   and whole. Otherwise it scrolls, and a Pause/Play button stops it (WCAG 2.2.2) and
   shows every message still; the choice is remembered on this device. */
(function () {
  "use strict";
  var STORAGE_KEY = "huzheng-marquee-paused";
  var PIXELS_PER_SECOND = 60;
  var reduceMotion = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;

  function remembered() {
    try { return window.localStorage.getItem(STORAGE_KEY) === "1"; } catch (e) { return false; }
  }

  function remember(paused) {
    try { window.localStorage.setItem(STORAGE_KEY, paused ? "1" : "0"); } catch (e) { /* private mode */ }
  }

  function setup(root) {
    var viewport = root.querySelector(".marquee__viewport");
    var list = root.querySelector(".marquee__list");
    var button = root.querySelector(".marquee__toggle");
    if (!viewport || !list || !button) { return; }

    function show(paused) {
      root.classList.toggle("marquee--paused", paused);
      button.textContent = paused ? button.getAttribute("data-label-play") : button.getAttribute("data-label-pause");
      if (!paused) { measure(); }
    }

    // The list starts one viewport to the right; a negative delay starts it with the first
    // message at the left edge, so nobody waits for an empty band.
    function measure() {
      var distance = list.scrollWidth || viewport.clientWidth;
      var seconds = Math.max(12, distance / PIXELS_PER_SECOND);
      root.style.setProperty("--marquee-duration", seconds + "s");
      root.style.setProperty("--marquee-delay", -(seconds * viewport.clientWidth / Math.max(distance, 1)) + "s");
    }

    function apply() {
      var animate = !(reduceMotion && reduceMotion.matches);
      root.classList.toggle("marquee--animated", animate);
      button.hidden = !animate;
      if (animate) {
        show(remembered());
      }
    }

    button.addEventListener("click", function () {
      var paused = !root.classList.contains("marquee--paused");
      remember(paused);
      show(paused);
    });
    if (reduceMotion) {
      if (reduceMotion.addEventListener) { reduceMotion.addEventListener("change", apply); }
      else if (reduceMotion.addListener) { reduceMotion.addListener(apply); }
    }
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-marquee]"), setup);
})();
