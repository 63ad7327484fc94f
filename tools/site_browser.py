"""The built site in a real browser, with every other host blocked (issue 16).

Serves SITE_DIR on 127.0.0.1 under the path of ``site_url`` (as the real site is
served), drives Debian's headless Chromium (``/usr/bin/chromium``, package
``chromium``; browser builds that download themselves cannot be fetched here) with
playwright, and for each page of :data:`PAGES` records when it first painted
(``first-contentful-paint``) and whether its main text is visible; then types
"质量奖" into the search box and reads the results, and copies the quick start's
first example with its copy button.  Every request to another host
is recorded and never answered (playwright routing; Chromium resolves no other host
name) — held unanswered, as an unreachable host is — as is every response of 400 and
above and every script error.

``tests/test_site_browser.py`` asserts on :func:`browse`'s report; by hand:
``python tools/site_browser.py SITE_DIR [SCREENSHOT_DIR]`` prints it.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
SITE_URL = "https://baoshan-quality.github.io/baoshan-quality/"
#: Chromium's flags: headless, no sandbox (root in CI), no network of its own
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
#: (name, path under the site, the element that must be visible)
PAGES = [
    ("home", "", "article h1"),
    ("home (中文)", "zh/", "article h1"),
    ("quick start", "quickstart/", "article h1"),
    (
        "rank_units",
        "api/guide/#baoshan_quality.guide.ranking.rank_units",
        '[id="baoshan_quality.guide.ranking.rank_units"]',
    ),
]
SEARCH_WORD = "质量奖"
#: how long a page may take to paint, and the search to answer
PAINT_BUDGET_MS = 5000
SEARCH_BUDGET_MS = 10000


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


@contextlib.contextmanager
def serve(site: Path, site_url: str = SITE_URL) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 (a free port) under the path of ``site_url``;
    yields the base URL."""
    prefix = urlsplit(site_url).path or "/"
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def _is_sitemap_probe(url: str, base: str) -> bool:
    """Material's language switcher asks each alternate page for ``sitemap.xml``
    beside it (it expects a language's root); the plugin's alternates are the page
    itself in the other language, so these ask for a file that is not there (404),
    and the switcher follows the link as it is.  A probe on the site, nothing else.

    >>> _is_sitemap_probe("http://127.0.0.1:8000/b/zh/quickstart/sitemap.xml", "http://127.0.0.1:8000/b/")
    True
    >>> _is_sitemap_probe("http://127.0.0.1:8000/b/assets/x.js", "http://127.0.0.1:8000/b/")
    False
    """
    return url.startswith(base) and url.endswith("/sitemap.xml")


def _page_path(href: str, base: str) -> str:
    """The page a search result links to, as a location of the search index."""
    path = unquote(urlsplit(href).path)
    return path[len(urlsplit(base).path) :] if path.startswith(urlsplit(base).path) else path


def browse(
    site: Path,
    *,
    site_url: str = SITE_URL,
    chromium: str = CHROMIUM,
    screenshots: Path | None = None,
) -> dict[str, Any]:
    """Load :data:`PAGES` and search :data:`SEARCH_WORD`; the report as a dict."""
    from playwright.sync_api import sync_playwright

    report: dict[str, Any] = {
        "pages": [],
        "blocked": [],
        "failed": [],
        "errors": [],
        "sitemap_probes": 0,
    }
    with serve(site, site_url) as base, sync_playwright() as playwright:
        started = time.monotonic()
        with tempfile.TemporaryDirectory() as profile:
            context = playwright.chromium.launch_persistent_context(
                profile,
                executable_path=chromium,
                args=FLAGS,
                headless=True,
                viewport={"width": 1280, "height": 900},
                locale="zh-CN",
            )
            report["launch_s"] = round(time.monotonic() - started, 2)
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
            context.set_default_timeout(SEARCH_BUDGET_MS)

            def route(route: Any) -> None:
                # Another host is unreachable the way a blocked one is in mainland
                # China: the request is never answered (held, not refused), so a
                # render-blocking style sheet from it would stop the first paint.
                if route.request.url.startswith(base):
                    route.continue_()
                else:
                    report["blocked"].append(route.request.url)

            context.route("**/*", route)
            page = context.new_page()

            def response(r: Any) -> None:
                if r.status < 400:
                    return
                if _is_sitemap_probe(r.url, base):
                    report["sitemap_probes"] += 1
                else:
                    report["failed"].append(f"{r.status} {r.url}")

            def console(m: Any) -> None:
                where = (m.location or {}).get("url", "")
                if m.type == "error" and not _is_sitemap_probe(where, base):
                    report["errors"].append(f"{m.text} ({where})")

            page.on("response", response)
            page.on("console", console)
            page.on("pageerror", lambda e: report["errors"].append(str(e)))
            for name, path, selector in PAGES:
                loading = time.monotonic()
                page.goto(base + path, wait_until="commit")
                entry: dict[str, Any] = {"name": name, "path": path}
                try:
                    page.wait_for_function(
                        "performance.getEntriesByName('first-contentful-paint').length > 0",
                        timeout=PAINT_BUDGET_MS,
                    )
                    entry["first_paint_ms"] = round(
                        page.evaluate(
                            "performance.getEntriesByName('first-contentful-paint')[0].startTime"
                        )
                    )
                except Exception:  # no paint within the budget is the finding
                    entry["first_paint_ms"] = None
                try:
                    page.locator(selector).first.wait_for(state="visible", timeout=PAINT_BUDGET_MS)
                    entry["visible"] = True
                    entry["text"] = page.locator(selector).first.inner_text()[:80]
                except Exception:
                    entry["visible"] = False
                entry["loaded_s"] = round(time.monotonic() - loading, 2)
                if screenshots is not None:
                    page.screenshot(path=str(screenshots / f"{len(report['pages'])}.png"))
                report["pages"].append(entry)

            # The copy button of the quick start's first Python example.
            try:
                page.goto(base + "quickstart/", wait_until="commit")
                page.locator(".language-pycon button[data-md-type=copy]").first.click(
                    timeout=PAINT_BUDGET_MS
                )
                report["copied"] = page.evaluate("navigator.clipboard.readText()")
            except Exception as exc:
                report["copied"] = f"(no copy: {str(exc).splitlines()[0]})"

            search: dict[str, Any] = {"query": SEARCH_WORD}
            try:
                page.goto(base, wait_until="commit")
                page.locator("input.md-search__input").fill(SEARCH_WORD, timeout=PAINT_BUDGET_MS)
                asking = time.monotonic()
                page.locator(".md-search-result__item").first.wait_for(timeout=SEARCH_BUDGET_MS)
                search["answered_s"] = round(time.monotonic() - asking, 2)
                meta = page.locator(".md-search-result__meta").inner_text()
                count = re.search(r"\d+", meta)
                search["meta"] = meta
                search["count"] = int(count[0]) if count else None
                # Material renders ten results, then four more each time the list is
                # scrolled to its end (from above it: the end must be reached anew).
                items = page.locator(".md-search-result__list > .md-search-result__item")
                scroll = page.locator(".md-search__scrollwrap")
                shown = -1
                while items.count() != shown:
                    shown = items.count()
                    scroll.evaluate("el => el.scrollTop = 0")
                    page.wait_for_timeout(100)
                    scroll.evaluate("el => el.scrollTop = el.scrollHeight")
                    page.wait_for_timeout(300)
                links = page.locator(".md-search-result__list > .md-search-result__item > a")
                search["pages"] = sorted(
                    {_page_path(a.get_attribute("href") or "", base) for a in links.all()}
                )
            except Exception as exc:
                search["error"] = str(exc).splitlines()[0]
            if screenshots is not None:
                page.screenshot(path=str(screenshots / "search.png"))
            report["search"] = search
            context.close()
    report["total_s"] = round(time.monotonic() - started, 2)
    return report


def summary(report: dict[str, Any]) -> list[str]:
    """The report in a few lines, for CI's log."""
    lines = [
        f"{e['name']:<12} first paint {e['first_paint_ms']} ms, "
        f"main text visible: {e['visible']} (loaded in {e['loaded_s']} s)"
        for e in report["pages"]
    ]
    search = report["search"]
    lines += [
        f"search {search['query']}: {search.get('meta')} in {search.get('answered_s')} s, "
        f"{len(search.get('pages', []))} pages listed",
        f"copy button of the quick start's first example copies: {report['copied']!r}",
        f"blocked: {report['blocked']}; failed: {report['failed']}; errors: {report['errors']}; "
        f"the language switcher's sitemap probes (404, expected): {report['sitemap_probes']}",
        f"browser launched in {report['launch_s']} s; all in {report['total_s']} s",
    ]
    return lines


def main(argv: list[str]) -> int:
    shots = Path(argv[1]) if len(argv) > 1 else None
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    report = browse(Path(argv[0]), screenshots=shots)
    print("\n".join(summary(report)))
    ok = (
        not report["blocked"]
        and not report["failed"]
        and not report["errors"]
        and all(e["visible"] and e["first_paint_ms"] is not None for e in report["pages"])
        and bool(report["search"].get("pages"))
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
