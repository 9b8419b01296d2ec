// Print support: give every link in the article its absolute public URL (resolved against the
// canonical URL when the site has one), which the print stylesheet shows after the link text.
(function () {
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href : location.href;
  var links = document.querySelectorAll(".md-content a[href]:not(.headerlink):not(.footnote-backref):not(.footnote-ref)");
  for (var i = 0; i < links.length; i++) {
    var href = links[i].getAttribute("href");
    if (!href || href.charAt(0) === "#") continue;
    try { links[i].setAttribute("data-qq-url", new URL(href, base).href); } catch (e) { /* leave it */ }
  }
})();

// The language switcher keeps the reader's place: its link to this page in another edition (partials/alternate.html:
// data-qq-counterpart) takes along the heading of the part the reader is reading: the last heading scrolled into the
// top fifth of the screen, or a later one the address names that is on the screen (a last heading the page cannot
// scroll up that far). A heading keeps its id in every edition (the parity check). At the page's top it takes nothing.
// Without this script, the link still opens the page, at its top.
(function () {
  // A heading's place: its own id, or its section's (the generated figures and sources pages: one id per kind or
  // source, the same in every edition).
  function place(heading) {
    return heading.id || (heading.parentElement.tagName === "SECTION" && heading.parentElement.id) || "";
  }
  function headingRead() {
    var read = null, headings = scrollY > 0 ? document.querySelectorAll("article h2, article h3") : [];
    for (var i = 0; i < headings.length && headings[i].getBoundingClientRect().top < innerHeight / 5; i++) {
      if (place(headings[i])) read = headings[i];
    }
    return read;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[data-qq-counterpart]");
    if (!link) return;
    var id = location.hash && decodeURIComponent(location.hash.slice(1));
    var named = id && document.getElementById(id);
    var heading = headingRead(), top = named ? named.getBoundingClientRect().top : -1;
    if (named && /^H[1-6]$/.test(named.tagName) && top >= 0 && top < innerHeight &&
        (!heading || heading.compareDocumentPosition(named) & Node.DOCUMENT_POSITION_FOLLOWING)) heading = named;
    if (heading) link.hash = "#" + encodeURIComponent(place(heading));
  });
})();
