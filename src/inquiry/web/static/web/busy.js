// Long operations (a linkage run, a large export): once the form is sent, say so and keep the
// button from being pressed twice. The message comes from the page, in the user's language.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var message = form.getAttribute("data-busy-message");
  if (!message || event.defaultPrevented) return;
  form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
  var status = document.createElement("p");
  status.className = "busy";
  status.setAttribute("role", "status");
  var bar = document.createElement("progress");  // indeterminate: the server gives no percentage
  status.appendChild(bar);
  status.appendChild(document.createTextNode(" " + message));
  form.appendChild(status);
});
