"""User Markdown to safe HTML, for every app that shows what people wrote.

Two layers: Markdown is told not to pass raw HTML through (it shows as text), and its output then goes through
nh3 with a short allow-list, so a bug in either layer alone cannot let a script, a `javascript:` link or an
event handler reach a reader. Every link gets rel="nofollow noopener" (and "noreferrer" when it leaves the site).
"""

from urllib.parse import urlsplit

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "rel"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
INTERNAL_REL = "nofollow noopener"
EXTERNAL_REL = "nofollow noopener noreferrer"


def _is_external(href: str) -> bool:
    parts = urlsplit(href.strip())
    return bool(parts.netloc) or parts.scheme in {"http", "https"}


class _SafeLinks(Treeprocessor):
    """Links get their rel; images become plain links (no tracking pixels); headings start at h2 under the page's h1."""

    def run(self, root):
        for parent in root.iter():
            for element in list(parent):
                if element.tag == "img":
                    src = element.get("src", "")
                    alt = element.get("alt", "") or src
                    element.clear()
                    element.tag = "a"
                    element.set("href", src)
                    element.text = alt
                if element.tag == "a":
                    href = element.get("href", "")
                    element.set("rel", EXTERNAL_REL if _is_external(href) else INTERNAL_REL)
                elif element.tag in {"h1", "h2", "h3", "h4", "h5"}:
                    element.tag = f"h{int(element.tag[1]) + 1}"


class _SafeMarkdown(Extension):
    def extendMarkdown(self, md):  # noqa: N802  (Markdown's name)
        # Raw HTML is escaped and shown as text instead of being passed through.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "hearten_safe_links", 5)


def render_markdown(text: str) -> SafeString:
    """Safe HTML for `text`, ready to put in a template as it is."""
    if not text:
        return mark_safe("")  # noqa: S308  (empty)
    html = markdown.markdown(text, extensions=["sane_lists", "fenced_code", "tables", _SafeMarkdown()])
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,  # set above, internal or external; nothing but our own rel reaches this point
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308  (sanitised by nh3 just above)
