// Wagtail's rich text boxes (Draftail) inside a StreamField block have no accessible
// name: the block's heading names the block's panel, not the box (axe-core:
// aria-input-field-name). Give each such box the name of its block, also for blocks
// added later.
(function () {
  "use strict";
  function name(root) {
    var boxes = root.querySelectorAll ? root.querySelectorAll(".public-DraftEditor-content[role=textbox]") : [];
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.hasAttribute("aria-label") || box.hasAttribute("aria-labelledby")) return;
      var panel = box.closest("section.w-panel[aria-labelledby]");
      if (panel) box.setAttribute("aria-labelledby", panel.getAttribute("aria-labelledby"));
    });
  }
  name(document);
  new MutationObserver(function () {
    name(document);
  }).observe(document.body, { childList: true, subtree: true });
})();
