"""User Markdown to safe HTML, for every app that shows what people wrote.

Two layers: the CommonMark parser (markdown-it-py, linear time, bounded nesting) is told not to pass raw HTML
through (it shows as text), and its output then goes through nh3 with a short allow-list, so a bug in either
layer alone cannot let a script, a `javascript:` link or an event handler reach a reader. Every link gets
rel="nofollow noopener" (and "noreferrer" when it leaves the site).

Python-Markdown was replaced because it is recursive and partly quadratic: `"- " * 24000` raised RecursionError
and `"[" * 8000` took seconds, and one such body broke every page that shows it.
"""

import html as html_lib
import re
from urllib.parse import unquote, urlsplit

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.token import Token

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

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TOO_DEEP = "hearten_too_deep"


def _is_external(href: str) -> bool:
    parts = urlsplit(href.strip())
    return bool(parts.netloc) or parts.scheme in {"http", "https"}


def _is_safe_href(href: str) -> bool:
    """False for any scheme outside URL_SCHEMES, however it is disguised (case, whitespace, percent-encoding)."""
    candidate = _INVISIBLE.sub("", unquote(href)).lower()
    match = _SCHEME.match(candidate)
    return match is None or match.group(1) in URL_SCHEMES


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    # Every destination is parsed as a link, so a script link keeps its text but loses its target below,
    # instead of showing the raw `javascript:` text to the reader.
    md.validateLink = lambda url: True
    # Past `maxNesting` levels of lists or quotes markdown-it silently drops the rest of the text; note it, so
    # the whole text is shown as plain escaped paragraphs instead of losing words.
    tokenize = md.block.tokenize

    def tokenize_noting_depth(state, start_line, end_line):
        if state.level >= state.md.options.maxNesting and start_line < end_line:
            state.env[_TOO_DEEP] = True
        tokenize(state, start_line, end_line)

    md.block.tokenize = tokenize_noting_depth
    return md


_MD = _parser()


def _link_open(href: str) -> Token:
    token = Token("link_open", "a", 1)
    if _is_safe_href(href):
        token.attrSet("href", href)
    token.attrSet("rel", EXTERNAL_REL if _is_external(href) else INTERNAL_REL)
    return token


def _safe_inline(children: list[Token]) -> list[Token]:
    """Links get their rel; images become plain links (no tracking pixels)."""
    result = []
    for token in children:
        if token.type == "image":
            src = str(token.attrGet("src") or "")
            alt = token.content or src
            text = Token("text", "", 0, content=alt)
            result += [_link_open(src), text, Token("link_close", "a", -1)]
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "")
            title = token.attrGet("title")
            link = _link_open(href)
            if title:
                link.attrSet("title", title)
            result.append(link)
        else:
            result.append(token)
    return result


def _safe_tokens(tokens: list[Token]) -> list[Token]:
    for token in tokens:
        if token.type == "inline" and token.children:
            token.children = _safe_inline(token.children)
        elif token.type in {"heading_open", "heading_close"} and token.tag in {"h1", "h2", "h3", "h4", "h5"}:
            # Headings start at h2, under the page's own h1.
            token.tag = f"h{int(token.tag[1]) + 1}"
    return tokens


def render_markdown(text: str) -> SafeString:
    """Safe HTML for `text`, ready to put in a template as it is."""
    if not text:
        return mark_safe("")  # noqa: S308  (empty)
    env: dict = {}
    tokens = _MD.parse(text, env)
    if env.get(_TOO_DEEP):
        html = "".join(f"<p>{html_lib.escape(part)}</p>" for part in _BLANK_LINE.split(text) if part.strip())
    else:
        html = _MD.renderer.render(_safe_tokens(tokens), _MD.options, env).strip()
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
