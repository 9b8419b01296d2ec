// Citation and glossary tooltips with one delegated listener per page.
// Material's content.footnote.tooltips and content.tooltips mount a component for every marker
// and every glossary term on load, which blocks a phone's main thread (Lighthouse TBT). This does
// the same job lazily: hover, keyboard focus or a tap on a citation marker shows its reference
// (source, date, passage, and the link that reads it in the source); hover or tap on a glossary
// term shows its description; a second tap on either hides it. Escape hides it; the pointer and the
// keyboard focus can move into the tooltip (WCAG 1.4.13), which follows its marker in the page,
// so that Tab reaches its link next. On a phone a tap opens a sheet along the screen's bottom, with a close
// button; it goes once the page has scrolled its marker out of view.
(function () {
  var HOSTS = "a.footnote-ref, abbr[title], abbr[data-qq-title]";
  var PHONE = "(max-width: 44.9375em)";  // citations.css's .qq-sheet
  var tip = null, host = null, timer = 0, touched = false, tapping = false, shownBeforeTap = false, returning = false;
  // The close button's name, in the edition's language (main.html: interface.<language>.yml's close_tooltip)
  var CLOSE = (document.currentScript && document.currentScript.getAttribute("data-close")) || "Close";

  function tooltip() {
    if (tip) return tip;
    tip = document.createElement("span");
    tip.id = "qq-tip";
    tip.className = "qq-tip md-typeset";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("mouseenter", function () { clearTimeout(timer); });
    tip.addEventListener("mouseleave", hideSoon);
    return tip;
  }

  function fill(el) {
    var box = tooltip();
    if (el.matches("a.footnote-ref")) {
      var note = document.getElementById(decodeURIComponent(el.getAttribute("href").slice(1)));
      if (!note) return false;
      var copy = note.cloneNode(true);
      // How the date is known stays in the reference and on the source page: a tooltip covers little of a phone.
      copy.querySelectorAll(".qq-date-note").forEach(function (n) { n.remove(); });
      copy.querySelectorAll(".footnote-backref").forEach(function (n) {
        var before = n.previousSibling;  // the no-break space Markdown puts before it: a line of its own
        if (before && before.nodeType === 3) before.nodeValue = before.nodeValue.replace(/\s+$/, "");
        n.remove();
      });
      copy.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
      box.replaceChildren.apply(box, Array.prototype.slice.call(copy.childNodes));
    } else {
      if (el.hasAttribute("title")) {  // keep the browser's own tooltip from doubling ours
        el.setAttribute("data-qq-title", el.getAttribute("title"));
        el.removeAttribute("title");
      }
      var p = document.createElement("p");
      p.textContent = el.getAttribute("data-qq-title");
      box.replaceChildren(p);
    }
    return true;
  }

  // Below the marker's line, where it covers none of the sentence it checks. A tap or the keyboard scrolls
  // the page up to make the room, as far as the line can go without going under the header; a hover does not
  // move the page under the pointer. What room is still missing is taken from the tooltip's height: it
  // scrolls on its own (its cap and overflow are in citations.css). Only a hover with less than a few lines
  // of room below opens above. On a phone a tap or the keyboard opens a sheet instead (placeSheet).
  function place(el, hovered) {
    var box = tip, sheet = !hovered && matchMedia(PHONE).matches;
    (el.closest("sup") || el).after(box);  // next in the page: Tab goes from the marker into the tooltip
    box.classList.toggle("qq-sheet", sheet);
    box.style.left = box.style.top = sheet ? "" : "0px"; box.style.maxHeight = "";
    if (sheet) return placeSheet(el);
    var origin = box.getBoundingClientRect();  // where (0, 0) is, whatever positioned ancestor it has
    var r = el.getBoundingClientRect(), w = box.offsetWidth, h = box.offsetHeight, gap = 6, edge = 8, few = 96;
    var left = Math.max(edge, Math.min(r.left + r.width / 2 - w / 2, document.documentElement.clientWidth - w - edge));
    var top = r.bottom + gap, room = window.innerHeight - edge - top;
    if (h > room && hovered && room < few && r.top - gap - h >= headerBottom()) {
      top = r.top - gap - h;
    } else if (h > room) {
      if (!hovered) {
        window.scrollBy({ top: Math.min(h - room, Math.max(0, r.top - headerBottom() - gap)), behavior: "instant" });
        room += r.top - el.getBoundingClientRect().top;  // what the page could scroll
      }
      if (h > room) box.style.maxHeight = Math.max(Math.floor(room), few) + "px";  // a few lines at least
    }
    box.style.left = Math.round(left - origin.left) + "px";
    box.style.top = Math.round(top - origin.top) + "px";  // from the page's top: the same before and after scrolling
  }

  // Along the screen's bottom, where the page scrolls on under it: under the marker's line it covered the lines
  // a reader reads on. The page scrolls, if it must, to show the line and two more above it, not under the header.
  // Its close button comes last, after the link that Tab reaches first; it is drawn at the sheet's top corner.
  function placeSheet(el) {
    tip.append(closeButton());
    var gap = 6, block = el.closest("p, li, td, blockquote") || el.parentNode;
    var after = 2 * (parseFloat(getComputedStyle(block).lineHeight) || 24);
    var r = el.getBoundingClientRect(), room = tip.getBoundingClientRect().top - gap - r.bottom;
    if (room < after) {
      window.scrollBy({ top: Math.min(after - room, Math.max(0, r.top - headerBottom() - gap)), behavior: "instant" });
    }
  }

  function closeButton() {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "qq-close";
    button.setAttribute("aria-label", CLOSE);
    button.addEventListener("click", function () { closeTo(true); });
    return button;
  }

  // Hide the sheet, and give the focus back to its marker if it was in the sheet (or on the close button): a
  // keyboard goes on from where it was. The marker's focus does not show it again.
  function closeTo(always) {
    var el = host, inside = tip.contains(document.activeElement);
    hide();
    if (!el || !(inside || always)) return;
    returning = true;
    el.focus({ preventScroll: true });
    returning = false;
  }

  // A sheet shows the reference of a marker the reader can see: once the page has scrolled it out of view
  // (under the header or the sheet), the sheet goes, and would otherwise cover what is read next.
  function markerOutOfView() {
    if (!host || tip.hidden || !tip.classList.contains("qq-sheet")) return false;
    var r = host.getBoundingClientRect();
    return r.bottom <= headerBottom() || r.top >= tip.getBoundingClientRect().top;
  }

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  function show(el, hovered) {
    clearTimeout(timer);
    if (host === el && !tip.hidden) return;
    hide();
    if (!fill(el)) return;
    host = el;
    tip.hidden = false;
    place(el, hovered);
    el.setAttribute("aria-describedby", "qq-tip");
  }

  function inTip(node) { return !!(tip && node && tip.contains(node)); }

  function hide() {
    clearTimeout(timer);
    if (!host) return;
    host.removeAttribute("aria-describedby");
    if (host.hasAttribute("data-qq-title")) host.setAttribute("title", host.getAttribute("data-qq-title"));
    host = null;
    tip.hidden = true;
  }

  function hideSoon() {
    clearTimeout(timer);
    timer = setTimeout(hide, 250);
  }

  function hostOf(event) {
    var el = event.target.closest && !inTip(event.target) && event.target.closest(HOSTS);
    return el && el.closest(".md-content") ? el : null;
  }

  document.addEventListener("mouseover", function (e) { var el = hostOf(e); if (el && !touched) show(el, true); });
  document.addEventListener("mouseout", function (e) { if (hostOf(e) && !touched) hideSoon(); });
  document.addEventListener("focusin", function (e) {
    var el = hostOf(e);
    if (el && !tapping && !returning) show(el);  // a tap's focus comes before its click, which shows it (may scroll)
    else if (!el && host && !inTip(e.target)) hide();  // focus moving into the tooltip keeps it
  });
  document.addEventListener("focusout", function (e) {
    if ((hostOf(e) || inTip(e.target)) && !inTip(e.relatedTarget) && e.relatedTarget !== host) hideSoon();
  });
  document.addEventListener("pointerdown", function (e) {
    touched = tapping = e.pointerType === "touch";
    shownBeforeTap = !!host && host === hostOf(e);
  }, true);
  document.addEventListener("pointercancel", function () { tapping = false; }, true);  // a swipe, not a tap
  document.addEventListener("click", function (e) {
    var el = hostOf(e);
    tapping = false;
    if (el && touched) {  // a tap shows the tooltip, a second tap hides it: the link is the tooltip's to follow
      e.preventDefault();
      if (shownBeforeTap) hide(); else show(el);
    } else if (!el && host && !inTip(e.target)) {
      hide();
    }
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  window.addEventListener("scroll", function () { if (markerOutOfView()) closeTo(false); }, { passive: true });
  // A link to a marker (from the map, the timeline, a chart, a source page's way back) opens on its passage.
  // A link to a source page's way back (shown above the passage's paragraph) marks the whole passage it
  // cites, and brings the passage into view if its paragraph is longer than the screen.
  function showTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var marker = target && target.matches("sup") ? target.querySelector("a.footnote-ref") : null;
    if (marker) show(marker);
    document.querySelectorAll("mark.qq-here").forEach(function (m) { m.classList.remove("qq-here"); });
    var marks = target && target.matches(".qq-back") ? target.getAttribute("data-marks").split(" ") : [];
    marks.forEach(function (markId) { var m = document.getElementById(markId); if (m) m.classList.add("qq-here"); });
    var first = marks.length ? document.getElementById(marks[0]) : null;
    if (first) bringIntoView(first, target);
  }
  // Scroll the passage up into view, as far as the way back can go without going under the header.
  function bringIntoView(mark, back) {
    var room = back.getBoundingClientRect().top - headerBottom() - 4;
    var over = mark.getBoundingClientRect().bottom - window.innerHeight + 16;
    if (over > 0) window.scrollBy(0, Math.min(over, Math.max(room, 0)));
    if (mark.getBoundingClientRect().top > window.innerHeight - 48) mark.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", showTarget);
  if (document.readyState === "complete") showTarget(); else window.addEventListener("load", showTarget);
  // A phone's address bar folding away on scroll resizes the window's height only: keep the tooltip then.
  var width = window.innerWidth;
  window.addEventListener("resize", function () {
    if (window.innerWidth !== width) { width = window.innerWidth; hide(); }
  });
})();
