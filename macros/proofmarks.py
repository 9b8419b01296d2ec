"""The proof marks: what a reader takes for checked, so that only the citation engine may write it.

The engine writes them (render/markup.py); the check of the built site (sitecheck/proof.py)
refuses any that no call in claims.json made, and the static pass refuses the footnotes and
block quotes a page writes by hand (pages/handmade.py). qq-tooltips.js makes the tooltip, with
TOOLTIP as its id and class, when the page is read: no page's HTML may hold them.

Layout classes (qq-facts, qq-cards, qq-gaps, qq-about, qq-editors-note, the visuals') are not
proof marks: they arrange text, and say nothing about where it comes from.
Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

LABEL = "qq"  # the engine's footnote names: [^qq1], [^qq2] … (reserved: a page writes no footnote)
MARKER = "fnref:"  # id of a marker's <sup>: fnref:qq1
MARKER_ELEMENT = "sup"  # a marker is a superscript, and every superscript is a marker (write ² as a character)
NOTE = "fn:"  # id of a reference's <li>: fn:qq1
MARKER_LINK = "footnote-ref"  # class of a marker's link: the tooltips open the reference it points to
BACK_LINK = "footnote-backref"  # class of a reference's link back to its marker
NOTES = "footnote"  # class of the <div> Python-Markdown writes the references in
REFERENCES = "qq-references"  # class of the <details> around it, with the id REFERENCES_ID
REFERENCES_ID = "references"
QUOTE = "qq-quote"  # class of the <q> around a quote()'s passage
BLOCKQUOTE = "qq-blockquote"  # class of the <blockquote> of a blockquote()
FIGURE = "qq-figure"  # class of the <span> around a figure()'s words
PASSAGE = "qq-passage"  # class of the <q> around the passage in a reference
OURS = "qq-ours"  # class of the <span> that marks, in a reference or a block quote's signature, our translation
TOOLTIP = "qq-tip"  # id and class of the tooltip (overrides/assets/qq-tooltips.js)

