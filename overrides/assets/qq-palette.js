// The light/dark toggle of partials/palette.html, run as soon as the header is parsed (before the page
// is painted): the stored choice, or else the option whose media query matches, sets the body's colour
// attributes and shows that option's button, which switches to the next option. Only a reader's own
// choice is stored (__md_get/__md_set: qq-storage.js), so until then the page follows the system's.
(function () {
  var form = document.querySelector("form[data-qq-palette]");
  var inputs = form ? Array.prototype.slice.call(form.querySelectorAll("input.md-option")) : [];
  if (!inputs.length) return;

  function apply(index) {
    var input = inputs[index];
    input.checked = true;
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, input.getAttribute("data-md-color-" + key));
    });
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showButton);
    else showButton();
    return input;
  }

  // Shown once the header is parsed: a button that appeared earlier would be moved by the header's
  // later buttons (a layout shift).
  function showButton() {
    inputs.forEach(function (input) {
      var button = input.nextElementSibling;
      if (button && button.tagName === "LABEL") button.hidden = !input.checked;
    });
  }

  function choose(index) {
    var input = apply(index);
    __md_set("__palette", { index: index, color: { media: input.getAttribute("data-md-color-media"),
      scheme: input.getAttribute("data-md-color-scheme"), primary: input.getAttribute("data-md-color-primary"),
      accent: input.getAttribute("data-md-color-accent") } });
  }

  function systemIndex() {
    var found = inputs.findIndex(function (input) {
      return matchMedia(input.getAttribute("data-md-color-media")).matches;
    });
    return Math.max(found, 0);
  }

  var stored = __md_get("__palette");
  var start = stored && typeof stored.index === "number" ? stored.index : systemIndex();
  apply(Math.max(0, Math.min(start, inputs.length - 1)));
  inputs.forEach(function (input, index) {
    input.addEventListener("change", function () { choose(index); });
  });
  form.addEventListener("keydown", function (event) {  // a focused option: Enter switches to the next
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
