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
