"""Checks of the built documentation site (``.ci/run`` runs them through
``tests/test_site_offline.py``; by hand: ``python tools/check_site.py SITE_DIR``).

* **Nothing from another host.** Every resource a page loads — ``<link href>``,
  ``<script src>``, ``<img src/srcset>``, ``<source>``, ``<video>``, ``<audio>``,
  ``<iframe>``, ``<embed>``, ``<object data>``, SVG ``<image>``/``<use>``, ``url()`` and
  ``@import`` in ``<style>``, ``style=""`` and the CSS files, ``sourceMappingURL`` in
  the CSS and JS files — is on the site: a relative URL, a ``data:`` URI, or an
  absolute URL under ``site_url``.  Links a reader follows (``<a href>``) may go
  anywhere.  What scripts request while the page runs is checked by the browser test
  (``tools/site_browser.py``), which blocks every other host.
* **Search finds Chinese words inside phrases.** :func:`search_recall` answers the
  question the way Material's search does (the index's tokens, the query segmented
  against them, a trailing wildcard) and compares the pages found with the pages
  whose text contains the word.

Standard library only, so the test suite imports it without the ``docs`` extra.
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

#: the site's own URL, as in mkdocs.yml (read from it when it is at hand)
SITE_URL = "https://baoshan-quality.github.io/baoshan-quality/"

#: tag → the attributes whose URL the browser loads without a click
_LOADING = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]*)\1\s*\)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+(['"])(?P<url>[^'"]*)\1""", re.IGNORECASE)
_SOURCE_MAP = re.compile(r"[#@]\s*sourceMappingURL\s*=\s*(?P<url>\S+)")


def is_external(url: str, site_url: str = SITE_URL) -> bool:
    """Whether loading ``url`` from a page of the site asks another host.

    >>> is_external("../assets/main.css"), is_external("data:image/png;base64,AAAA")
    (False, False)
    >>> is_external("https://fonts.googleapis.com/css?family=Roboto")
    True
    >>> is_external("//cdn.example.com/x.js"), is_external(SITE_URL + "schemas/a.json")
    (True, False)
    """
    url = url.strip()
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    if parts.scheme in ("", "data", "blob", "about", "javascript", "mailto"):
        return False
    return not url.startswith(site_url)


def css_urls(css: str) -> list[str]:
    """The URLs a style sheet loads: ``url(...)`` and ``@import "..."``.

    >>> css_urls('@import "https://x.org/a.css"; b{background:url( "i.png" )}')
    ['i.png', 'https://x.org/a.css']
    """
    return [m["url"] for m in _CSS_URL.finditer(css)] + [
        m["url"] for m in _CSS_IMPORT.finditer(css)
    ]


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in _LOADING.get(tag, ()):
            if name in values:
                urls = [values[name]]
                if name == "srcset":
                    urls = [c.strip().split(" ")[0] for c in values[name].split(",") if c.strip()]
                self.found += [(f"<{tag} {name}>", url) for url in urls]
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = values.get("content", "").partition("url=")[2]
            if target:
                self.found.append(("<meta refresh>", target))
        if "style" in values:
            self.found += [(f"<{tag} style>", url) for url in css_urls(values["style"])]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found += [("<style>", url) for url in css_urls(data)]


def page_resources(page_html: str) -> list[tuple[str, str]]:
    """(where, URL) of every resource an HTML page loads.

    >>> page_resources('<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
    ...                '<a href="https://github.com/">repo</a><img srcset="a.png 1x, b.png 2x">')
    [('<link href>', 'https://fonts.googleapis.com/css'), ('<img srcset>', 'a.png'), ('<img srcset>', 'b.png')]
    """
    parser = _Resources()
    parser.feed(page_html)
    parser.close()
    return parser.found


def external_resources(site: Path, site_url: str = SITE_URL) -> list[str]:
    """Every resource of the built site that another host would serve, as
    ``file: <tag attr> URL`` lines (empty when the site is self-contained)."""
    problems = []
    for path in sorted(site.rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in (".html", ".css", ".js"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if suffix == ".html":
            found = page_resources(text)
        else:
            found = [("source map", m["url"]) for m in _SOURCE_MAP.finditer(text)]
            if suffix == ".css":
                found += [("css", url) for url in css_urls(text)]
        problems += [
            f"{path.relative_to(site)}: {where} {url}"
            for where, url in found
            if is_external(url, site_url)
        ]
    return problems


# --- search -----------------------------------------------------------------------------

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _lunr_separator(separator: str) -> re.Pattern[str]:
    r"""The search separator (a JavaScript regular expression) for Python's ``re``.

    >>> _lunr_separator(r"[\s\u200b\-]+").split("a\u200bb c")
    ['a', 'b', 'c']
    """
    pattern = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), separator)
    return re.compile(pattern)


def segment(query: str, words: set[str]) -> list[str]:
    """Material's query segmentation for Chinese (its search worker's ``segment``).

    A run of Han characters is cut greedily at the index's own words: at each
    position the longest word of the index that starts there and ends *before* the
    end of the run; the cut ends when no word continues it.  A run in which no word
    of the index starts is kept whole.

    >>> segment("质量奖", {"质量", "奖", "质量奖"})
    ['质量']
    >>> segment("质量奖", {"评价"})
    ['质量奖']
    """
    cuts = [0] * len(query)
    for i in range(len(query)):
        for j in range(i + 1, len(query)):
            if query[i:j] in words:
                cuts[i] = j - i
    segments: list[str] = []
    stack = [0]
    while stack:
        p = stack.pop()
        for q in range(1, cuts[p]):
            if cuts[p + q] > cuts[p] - q:
                segments.append(query[p : p + q])
                stack.append(p + q)
        q = p + cuts[p]
        if q < len(query) and cuts[q] and q < len(query) - 1:
            stack.append(q)
        segments.append(query[p:q])
    if "" in segments:
        return [query]
    return list(dict.fromkeys(segments))


def search_index(site: Path) -> dict[str, object]:
    index: dict[str, object] = json.loads(
        (site / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    return index


def search_found(site: Path, query: str) -> set[str]:
    """The pages (locations without their anchors) Material's search lists for
    ``query``: the query segmented against the index's tokens, each segment a prefix
    (trailing wildcard), any segment enough (lunr's default: optional terms)."""
    index = search_index(site)
    config = index["config"]
    assert isinstance(config, dict)
    split = _lunr_separator(str(config["separator"]))
    docs = index["docs"]
    assert isinstance(docs, list)
    tokens_of = {}
    for doc in docs:
        text = f"{doc['title']} {doc['text']}".lower()
        tokens_of[doc["location"]] = {t for t in split.split(text) if t}
    words = set().union(*tokens_of.values())
    terms: list[str] = []
    for part in split.split(query.lower()):
        if _HAN_RUN.fullmatch(part):
            terms += segment(part, words)
        elif part:
            terms.append(part)
    return {
        location.split("#")[0]
        for location, tokens in tokens_of.items()
        if any(token.startswith(term) for term in terms for token in tokens)
    }


def pages_containing(site: Path, word: str) -> set[str]:
    """The indexed pages whose text contains ``word`` (the search index's own text,
    zero-width spaces of the segmenter removed), as locations."""
    docs = search_index(site)["docs"]
    assert isinstance(docs, list)
    return {
        doc["location"].split("#")[0]
        for doc in docs
        if word in f"{doc['title']} {doc['text']}".replace("\u200b", "")
    }


_ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def html_pages_containing(site: Path, word: str) -> set[str]:
    """Like ``grep -l`` over the built pages, but in each page's article only (the
    navigation, which names every page, is not what search indexes)."""
    found = set()
    for path in site.rglob("index.html"):
        article = _ARTICLE.search(path.read_text(encoding="utf-8"))
        if article and word in _TAG.sub("", article[0]):
            location = path.parent.relative_to(site).as_posix()
            found.add("" if location == "." else location + "/")
    return found


def search_misses(site: Path, word: str) -> list[str]:
    """The built pages whose article holds ``word`` and that search does not lead to.

    A Chinese page that is still the English text (the plugin's fallback) is not in
    the index — the search lists its English original — so it counts as found when
    that original is.
    """
    found = search_found(site, word)
    return sorted(
        location
        for location in html_pages_containing(site, word)
        if location not in found
        and not (location.startswith("zh/") and location.removeprefix("zh/") in found)
    )


def main(argv: list[str]) -> int:
    site = Path(argv[0])
    problems = external_resources(site)
    for problem in problems:
        print(f"external resource: {problem}", file=sys.stderr)
    pages = sum(1 for _ in site.rglob("*.html"))
    word = "质量奖"
    containing, found = html_pages_containing(site, word), search_found(site, word)
    indexed = pages_containing(site, word)
    misses = search_misses(site, word)
    print(
        f"site check: {pages} HTML pages, {len(problems)} resources from another host; "
        f"'{word}': in the articles of {len(containing)} built pages "
        f"({len([c for c in containing if c.startswith('zh/')])} under zh/), in the text of "
        f"{len(indexed)} pages of the search index; search lists {len(found)} pages, "
        f"all {len(indexed)} among them; pages search does not lead to: {misses}"
    )
    return 1 if problems or misses or not indexed <= found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
