"""The theme's stylesheets as shipped, smaller (used by overrides/hooks/purge_css.py): what no page of the site
can use goes. `selectors` drops the rules whose selectors cannot match any built page; `unread` then drops the
custom properties and @keyframes nothing reads. Both copy what they keep as the stylesheet writes it (`source`)."""
