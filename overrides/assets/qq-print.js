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
// data-qq-counterpart) takes along the heading the reader went to, the address's #id, since a heading keeps its id in
// every edition (the parity check). Without this script, the link still opens the page, at its top.
(function () {
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[data-qq-counterpart]");
    var id = location.hash && decodeURIComponent(location.hash.slice(1));
    var heading = id && document.getElementById(id);
    if (link && heading && /^H[1-6]$/.test(heading.tagName)) link.hash = location.hash;
  });
})();
