// Behaviour every page may need, here rather than in inline scripts or on* attributes, which the
// Content-Security-Policy refuses (script-src 'self').

// A select that changes a setting (the language switcher) submits its form when changed; without
// JavaScript its <noscript> button does.
document.addEventListener("change", function (event) {
  var select = event.target;
  if (select && select.matches && select.matches("select[data-autosubmit]") && select.form) {
    select.form.submit();
  }
});

// Linkage review: 1, 2 and 3 press the verdict buttons, outside fields and with no modifier.
document.addEventListener("keydown", function (event) {
  var form = document.getElementById("verdict-form");
  if (!form || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
  var tag = (event.target && event.target.tagName) || "";
  if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
  var button = form.querySelector('button[data-key="' + event.key + '"]');
  if (button) { event.preventDefault(); button.click(); }
});
