// The light/dark toggle of partials/palette.html (which says how it works), run as the header is parsed.
(function () {
  var form = document.querySelector("form[data-qq-palette]");
  var inputs = form ? Array.prototype.slice.call(form.querySelectorAll("input.md-option")) : [];
  var keys = ["media", "scheme", "primary", "accent"];
  if (!inputs.length) return;
  function apply(index) {
    var input = inputs[index], color = {};
    input.checked = true;
    keys.forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
      document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showButton);
    else showButton();
    return color;
  }
  function showButton() {
    inputs.forEach(function (input) {
      var button = input.nextElementSibling;
      if (button && button.tagName === "LABEL") button.hidden = !input.checked;
    });
  }
  function systemIndex() {
    return Math.max(0, inputs.findIndex(function (input) {
      return matchMedia(input.getAttribute("data-md-color-media")).matches;
    }));
  }
  var stored = __md_get("__palette");
  apply(stored && inputs[stored.index] ? stored.index : systemIndex());
  inputs.forEach(function (input, index) {
    input.addEventListener("change", function () { __md_set("__palette", { index: index, color: apply(index) }); });
  });
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    var next = inputs[(inputs.indexOf(document.activeElement) + 1) % inputs.length];
    next.click();
    next.focus();
  });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
    if (!__md_get("__palette")) apply(systemIndex());
  });
})();
