"""The documentation site works where its users are (issue 16).

The checks of ``tools/check_site.py`` and the hooks of ``tools/mkdocs_hooks.py`` on
small pages here (always run); then the same checks on the built site, when
``BAOSHAN_QUALITY_SITE`` names it — ``.ci/run`` builds the site with
``mkdocs build --strict`` and runs this file on it:

    mkdocs build --strict --site-dir /tmp/site
    BAOSHAN_QUALITY_SITE=/tmp/site python -m pytest tests/test_site_offline.py

* no page loads anything from another host (fonts, scripts, styles, images);
* English at ``/``, Chinese at ``/zh/``, each page with a switch to the other;
* search finds "质量奖" on every page that contains it;
* every JSON Schema is published at its ``$id``;
* the notebook is rendered executed; copy buttons copy code without prompts; the
  API signatures are wrapped.
"""

from __future__ import annotations

import doctest
import html
import importlib.util
import json
import os
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE_ENV = "BAOSHAN_QUALITY_SITE"
#: the width mkdocs.yml gives mkdocstrings' signatures (`line_length`)
SIGNATURE_WIDTH = 72


def _tool(name: str) -> ModuleType:
    if f"_tools_{name}" in sys.modules:
        return sys.modules[f"_tools_{name}"]
    spec = importlib.util.spec_from_file_location(f"_tools_{name}", ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


check = _tool("check_site")
hooks = _tool("mkdocs_hooks")


# --- the checks themselves, on small pages ------------------------------------------


@pytest.mark.parametrize("name", ["check_site", "mkdocs_hooks", "site_browser"])
def test_the_site_tools_examples_hold(name: str) -> None:
    """The doctests of the site's tools (tools/ is not among pytest's testpaths)."""
    result = doctest.testmod(_tool(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize(
    "page",
    [
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
        '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>',
        '<script src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js"></script>',
        '<img src="//img.shields.io/badge/x.svg">',
        '<img srcset="a.png 1x, https://example.com/b.png 2x">',
        "<style>@import 'https://fonts.googleapis.com/css2?family=Noto+Sans+SC';</style>",
        '<div style="background: url(https://example.com/bg.png)"></div>',
        '<svg><use href="https://example.com/icons.svg#x"></use></svg>',
        '<iframe src="https://www.youtube.com/embed/x"></iframe>',
    ],
)
def test_a_resource_from_another_host_is_found(page: str, tmp_path: Path) -> None:
    """Issue 16: Google Fonts (or any CDN) blocks the first paint where the host is slow."""
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    assert len(check.external_resources(tmp_path)) == 1


def test_links_a_reader_follows_and_the_sites_own_urls_are_not_resources(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<a href="https://github.com/baoshan-quality/baoshan-quality">repo</a>'
        f'<link rel="canonical" href="{check.SITE_URL}quickstart/">'
        '<link rel="stylesheet" href="assets/stylesheets/main.css">'
        '<img src="data:image/png;base64,iVBORw0KGgo=">'
        '<script src="../assets/javascripts/bundle.js"></script>',
        encoding="utf-8",
    )
    (tmp_path / "site.css").write_text(
        "body{background:url('img/a.png')}\n/*# sourceMappingURL=site.css.map */", "utf-8"
    )
    assert check.external_resources(tmp_path) == []


def test_a_style_sheet_importing_web_fonts_is_found(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text(
        '@import "https://fonts.googleapis.com/css?family=Roboto";', encoding="utf-8"
    )
    (tmp_path / "b.js").write_text("//# sourceMappingURL=https://cdn.example/b.js.map", "utf-8")
    assert len(check.external_resources(tmp_path)) == 2


def test_search_segments_a_chinese_query_at_the_index_words() -> None:
    """Material's worker cuts a Han run at the longest index word that ends before
    the run's end: "质量奖" is asked as "质量*" when "质量" is a word of the index."""
    assert check.segment("质量奖", {"质量", "奖", "质量奖"}) == ["质量"]
    assert check.segment("宝山区质量奖", {"宝山区", "质量奖", "质量"}) == ["宝山区", "质量"]
    assert check.segment("质量奖", set()) == ["质量奖"]


def test_search_over_a_small_index(tmp_path: Path) -> None:
    """A page whose phrase holds the word (segmented by jieba: zero-width spaces) is
    found; with spaces as the only separator it would not be (issue 16)."""
    (tmp_path / "search").mkdir()
    index = {
        "config": {"separator": r"[\s\u200b\-]+"},
        "docs": [
            {"location": "", "title": "首页", "text": "宝山区\u200b质量奖\u200b管理办法"},
            {"location": "guide/", "title": "指南", "text": "质量\u200b提升"},
            {"location": "json/", "title": "JSON", "text": "plain English only"},
        ],
    }
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), "utf-8")
    assert check.pages_containing(tmp_path, "质量奖") == {""}
    assert check.search_found(tmp_path, "质量奖") == {"", "guide/"}
    index["config"] = {"separator": r"[\s\-]+"}
    index["docs"][0]["text"] = "宝山区质量奖管理办法"  # type: ignore[index]
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), "utf-8")
    assert check.search_found(tmp_path, "质量奖") == set()


def test_copy_text_of_a_doctest_is_its_code_only() -> None:
    """Copy buttons copy code without `>>>`/`...` prompts or outputs (issue 16)."""
    session = (
        ">>> from baoshan_quality import rank_units\n"
        ">>> for entry in rank_units([]):\n"
        "...     print(entry)\n"
        ">>> 1 + 1\n"
        "2\n"
        ">>> print('...')\n"
        "...\n"
    )
    assert hooks.session_code(session, "pycon") == (
        "from baoshan_quality import rank_units\n"
        "for entry in rank_units([]):\n"
        "    print(entry)\n"
        "1 + 1\n"
        "print('...')\n"
        ""
    )


def test_copy_text_of_a_console_block_is_its_commands() -> None:
    session = "$ baoshan-quality rank units.json\nrank  unit\n1     顾村镇\n$ echo done\ndone\n"
    assert hooks.session_code(session, "console") == "baoshan-quality rank units.json\necho done"
    assert hooks.session_code("python -m pip install .\n", "console") is None


def test_copy_attribute_is_escaped_html() -> None:
    block = (
        '<div class="language-pycon highlight"><pre><span></span><code>'
        '<span class="gp">&gt;&gt;&gt; </span>print(&quot;&lt;b&gt; &amp; 质量&quot;)\n'
        '<span class="go">&lt;b&gt; &amp; 质量</span>\n</code></pre></div>'
    )
    rendered = hooks.copy_without_prompts(block)
    copied = re.search(r'data-copy="([^"]*)"', rendered)
    assert copied is not None
    assert html.unescape(copied[1]) == 'print("<b> & 质量")'
    assert rendered.endswith("</code></pre></div>")


def test_a_notebook_renders_with_its_outputs() -> None:
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Title\n\nSome *text*."),
        nbformat.v4.new_code_cell(
            "print('hi')",
            outputs=[nbformat.v4.new_output("stream", name="stdout", text="hi <&>\n")],
        ),
        nbformat.v4.new_code_cell(
            "ranking",
            outputs=[
                nbformat.v4.new_output(
                    "execute_result",
                    data={"text/html": "<table><tr><td>1</td></tr></table>", "text/plain": "x"},
                    execution_count=1,
                )
            ],
        ),
    ]
    markdown = hooks.notebook_markdown(notebook, "t.ipynb")
    assert markdown.startswith("## Title\n\nSome *text*.\n\n```python\nprint('hi')\n```")
    content = hooks.on_page_content(re.sub(r"```.*?```", "", markdown, flags=re.DOTALL))
    assert '<div class="nb-output"><pre>hi &lt;&amp;&gt;\n</pre></div>' in content
    assert '<div class="nb-output"><table><tr><td>1</td></tr></table></div>' in content


def test_a_notebook_error_fails_the_build() -> None:
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "1/0",
            outputs=[
                nbformat.v4.new_output(
                    "error", ename="ZeroDivisionError", evalue="division by zero", traceback=[]
                )
            ],
        )
    ]
    with pytest.raises(hooks.PluginError, match="ZeroDivisionError"):
        hooks.notebook_markdown(notebook, "t.ipynb")


# --- the built site -----------------------------------------------------------------


@pytest.fixture(scope="module")
def site() -> Path:
    where = os.environ.get(SITE_ENV)
    if not where:
        pytest.skip(
            f"the built-site checks need a built site: `mkdocs build --strict --site-dir DIR`, "
            f"then {SITE_ENV}=DIR (.ci/run does this)"
        )
    path = Path(where)
    assert (path / "index.html").is_file(), f"{SITE_ENV}={where} holds no built site"
    return path


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    """Issue 16: with Google Fonts unreachable nothing painted within 10 s."""
    assert check.external_resources(site) == []
    assert len(_pages(site)) > 30


def test_no_page_asks_for_web_fonts_or_the_github_api(site: Path) -> None:
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text, page
        assert "fonts.gstatic.com" not in text, page
        assert 'data-md-component="source"' not in text, page  # stars and forks from GitHub


def test_the_site_is_in_english_and_in_chinese(site: Path) -> None:
    english = (site / "index.html").read_text(encoding="utf-8")
    chinese = (site / "zh" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english
    assert '<html lang="zh"' in chinese
    assert "两条命令上手" in chinese
    assert "python -m baoshan_quality demo" in html.unescape(chinese)


def test_every_page_has_a_language_switch_to_the_same_page(site: Path) -> None:
    """Each English page links to its Chinese page (the English text until it is
    translated) and back."""
    english = [p for p in _pages(site) if not p.relative_to(site).as_posix().startswith("zh/")]
    checked = 0
    for page in english:
        relative = page.relative_to(site)
        if relative.name != "index.html" or relative.as_posix() == "404.html":
            continue
        twin = site / "zh" / relative
        assert twin.is_file(), f"no Chinese page for {relative}"
        text = page.read_text(encoding="utf-8")
        assert 'hreflang="zh"' in text and 'hreflang="en"' in text, relative
        assert 'hreflang="en"' in twin.read_text(encoding="utf-8"), relative
        checked += 1
    assert checked > 20


def test_search_finds_chinese_words_inside_phrases(site: Path) -> None:
    """Issue 16: "质量奖" found 1 page though 5 contained it. Every page whose text
    contains it is found now; an untranslated Chinese page is its English page."""
    word = "质量奖"
    found = check.search_found(site, word)
    indexed = check.pages_containing(site, word)
    assert len(indexed) >= 5
    assert indexed <= found
    assert check.search_misses(site, word) == []


def test_every_json_schema_is_published_at_its_id(site: Path) -> None:
    """The `$id`s point at the site's schemas/ folder (issue 16)."""
    from baoshan_quality.schema import schema, schema_names

    site_url = check.SITE_URL
    for name in schema_names():
        document = schema(name)
        assert document["$id"].startswith(site_url), name
        published = site / document["$id"][len(site_url) :]
        assert json.loads(published.read_text(encoding="utf-8")) == document, name


def test_the_notebook_is_rendered_executed(site: Path) -> None:
    page = (site / "notebooks" / "index.html").read_text(encoding="utf-8")
    assert 'class="nb-output"' in page
    assert '<img alt="figure" src="data:image/png;base64,' in page  # the plot
    assert "<table" in page.split('class="nb-output"', 1)[1]  # the ranking
    executed = json.loads((site / "notebooks" / "example.ipynb").read_text(encoding="utf-8"))
    outputs = [o for c in executed["cells"] for o in c.get("outputs", [])]
    assert len(outputs) >= 5  # the download is the executed copy
    assert not [o for o in outputs if o["output_type"] == "error"]


def test_copy_buttons_copy_code_without_prompts_or_outputs(site: Path) -> None:
    blocks = 0
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(r'<div class="language-pycon highlight"([^>]*)>', text):
            copied = re.search(r'data-copy="([^"]*)"', match[1])
            assert copied is not None, page
            lines = html.unescape(copied[1]).splitlines()
            assert not any(line.startswith((">>>", "...")) for line in lines), page
            blocks += 1
    assert blocks > 100


def test_api_signatures_are_wrapped(site: Path) -> None:
    """Signatures are wrapped to the width mkdocs.yml gives them: rank_units's was cut
    off (issue 16). A line holding one parameter with its default may overrun."""
    lines: list[str] = []
    for page in sorted((site / "api").rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        for signature in re.findall(
            r'doc-signature highlight">(.*?)</code></pre>', text, re.DOTALL
        ):
            lines += html.unescape(re.sub(r"<[^>]+>", "", signature)).splitlines()
    assert len(lines) > 200
    assert all(len(line) <= SIGNATURE_WIDTH or line.count(": ") <= 1 for line in lines)
    page = (site / "api" / "guide" / "index.html").read_text(encoding="utf-8")
    start = page.index('id="baoshan_quality.guide.ranking.rank_units"')
    signature = re.search(r'doc-signature highlight">(.*?)</code></pre>', page[start:], re.DOTALL)
    assert signature is not None
    text = html.unescape(re.sub(r"<[^>]+>", "", signature[1]))
    assert text.startswith("rank_units(\n")
    assert max(len(line) for line in text.splitlines()) <= SIGNATURE_WIDTH
