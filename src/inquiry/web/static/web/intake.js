/* Interview intake and coding: passage selection, adding person codes, upload progress. No framework. */
(function () {
  "use strict";
  var lastSelection = "";

  document.addEventListener("selectionchange", function () {
    var box = document.getElementById("source-text");
    var sel = window.getSelection();
    if (!box || !sel || sel.rangeCount === 0) return;
    if (box.contains(sel.anchorNode) && box.contains(sel.focusNode)) {
      var text = sel.toString().trim();
      if (text) lastSelection = text;
    }
  });

  function say(id, text) {
    var el = document.getElementById(id);
    if (el) el.textContent = text;
  }

  function addCode(input, code) {
    var codes = input.value.split(",").map(function (c) { return c.trim(); }).filter(Boolean);
    if (codes.indexOf(code) === -1) codes.push(code);
    input.value = codes.join(", ");
  }

  document.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add-code]");
    if (add) {
      var input = document.getElementById(add.getAttribute("data-target"));
      if (input) {
        addCode(input, add.getAttribute("data-add-code"));
        input.focus();
      }
      return;
    }
    if (event.target.closest("#use-selection")) {
      var area = document.getElementById("id_passage");
      if (!area) return;
      if (lastSelection) {
        area.value = lastSelection;
        say("selection-status", "");
        area.focus();
      } else {
        var button = document.getElementById("use-selection");
        say("selection-status", button ? button.getAttribute("data-empty") || "" : "");
      }
    }
  });

  document.addEventListener("htmx:xhr:progress", function (event) {
    var bar = document.getElementById("upload-progress");
    if (!bar || !event.detail || !event.detail.lengthComputable) return;
    bar.hidden = false;
    bar.value = Math.round((event.detail.loaded / event.detail.total) * 100);
  });
})();
