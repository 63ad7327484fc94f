"""The documentation site cannot drift from the code.

* the clause traceability table is regenerated and must equal the committed page;
* every public module has an API reference entry;
* every code name in the glossary exists;
* the quick start's command-line examples run and print what the page shows;
* the docstring rewriting of the API reference (tools/griffe_rst.py) keeps the text;
* the traceability table links each object to its API entry;
* every Chinese page has its English page and the same examples, which run.
"""

from __future__ import annotations

import doctest
import importlib.util
import pkgutil
import re
import shlex
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import baoshan_quality as bq
from baoshan_quality._index import MODULES
from baoshan_quality.cli import main
from tests.public import public

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_tools_{name}", ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_traceability_table_is_current() -> None:
    """docs/traceability.md is what tools/traceability.py generates from the code now."""
    expected = _tool("traceability").generate()
    committed = (DOCS / "traceability.md").read_text(encoding="utf-8")
    assert committed == expected, (
        "docs/traceability.md is stale: run `python tools/traceability.py` and commit it"
    )


def test_traceability_lists_every_article_of_the_measures() -> None:
    table = (DOCS / "traceability.md").read_text(encoding="utf-8")
    for article in range(1, 29):
        assert f"| Art. {article} |" in table


def test_traceability_row_keys_follow_clause_boundaries() -> None:
    row_key = _tool("traceability")._row_key
    assert row_key("MEASURES", "Art. 18(7)") == "Art. 18"
    assert row_key("MEASURES", "Art. 1") == "Art. 1"
    assert row_key("MEASURES", "Art. 12(3)") == "Art. 12"
    assert row_key("GUIDE", "Appendix C, Table C.1 2.3") == "Appendix C"
    assert row_key("GUIDE", "Appendix C, note 3") == "Appendix C, note 3"
    assert row_key("GUIDE", "§5.2.1.2.4") == "§5.2.1"
    assert row_key("GUIDE", "§8") == "§8"


def _api_page_of(module: str) -> str:
    for page in sorted((DOCS / "api").glob("*.md")):
        if re.search(rf"^::: {re.escape(module)}$", page.read_text(encoding="utf-8"), re.M):
            return f"api/{page.name}"
    raise AssertionError(f"no API page documents {module}")


def test_traceability_links_each_object_to_its_api_entry() -> None:
    """Issue 16: the table's objects link to their entries on the API pages, at the
    anchor mkdocstrings gives them (the defining module's dotted path and the name),
    or at their module's entry when they have none; `mkdocs build --strict` checks
    that every anchor exists."""
    table = (DOCS / "traceability.md").read_text(encoding="utf-8")
    assert "[`rank_units`](api/guide.md#baoshan_quality.guide.ranking.rank_units)" in table
    links = re.findall(r"\[`([\w.]+)`\]\(([^)#]+)#([\w.]+)\)", table)
    assert len(links) > 100
    defined_in = {name: module for module, names in MODULES.items() for name in names}
    for shown, page, target in links:
        name = shown.rsplit(".", 1)[-1]
        module = defined_in[name]
        assert page == _api_page_of(module), shown
        assert target in (f"{module}.{name}", module), shown
    unlinked = re.findall(r"(?<!\[)`[\w.]+`(?!\])", table.split("| --- |", 1)[1])
    assert [u for u in unlinked if not u.startswith("`tests/")] == []


def test_traceability_links_to_the_entry_when_there_is_one() -> None:
    """An object with a docstring has an entry of its own (mkdocstrings renders it)."""
    entries = _tool("traceability").with_docstring
    import ast

    module = ast.parse('X = 1\n"""X."""\nY = 2\nclass C:\n    """C."""\ndef f(): pass\n')
    assert entries(module) == {"X", "C"}


def _public_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(bq.__path__, "baoshan_quality."):
        leaf = info.name.rsplit(".", 1)[-1]
        if not leaf.startswith("_") and not info.ispkg:
            names.append(info.name)
    return sorted(names)


def test_every_public_module_is_in_the_api_reference() -> None:
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (DOCS / "api").glob("*.md"))
    documented = set(re.findall(r"^::: (baoshan_quality[\w.]*)$", pages, re.MULTILINE))
    missing = [m for m in _public_modules() if m not in documented]
    assert missing == [], f"add these modules to a page under docs/api/: {missing}"


def _resolve(name: str) -> object:
    first, *rest = name.split(".")
    obj: object = public(first)
    for part in rest:
        if isinstance(obj, type) and attrs.has(obj) and part in attrs.fields_dict(obj):
            return attrs.fields_dict(obj)[part]
        obj = getattr(obj, part)
    return obj


def test_every_code_name_in_the_glossary_exists() -> None:
    names = []
    for row in (DOCS / "glossary.md").read_text(encoding="utf-8").splitlines():
        if row.startswith("| ") and not row.startswith("| 中文") and "`" in row:
            names += re.findall(r"`([^`]+)`", row.rstrip(" |").rsplit("|", 1)[-1])
    assert len(names) > 80
    for name in names:
        assert _resolve(name) is not None, name


def _console_examples(page: Path) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The titled JSON files and the ``$ baoshan-quality …`` commands with their output."""
    text = page.read_text(encoding="utf-8")
    files = dict(re.findall(r'```json title="([^"]+)"\n(.*?)```', text, re.DOTALL))
    commands = []
    for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
        current: list[str] | None = None
        for line in block.splitlines():
            if line.startswith("$ "):
                current = [line[2:], ""]
                commands.append(current)
            elif current is not None:
                current[1] += line + "\n"
    return files, [(c, out) for c, out in commands]


@pytest.mark.parametrize("page", ["quickstart.md", "quickstart.zh.md"])
def test_the_quick_start_commands_print_what_the_page_shows(
    page: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files, commands = _console_examples(DOCS / page)
    assert files and commands
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for command, expected in commands:
        argv = shlex.split(command)
        assert argv[0] == "baoshan-quality", command
        redirect = argv.index(">") if ">" in argv else None
        status = main(argv[1:redirect])
        out, err = capsys.readouterr()
        shown = out if status == 0 else err
        if redirect is not None:  # `> file`: the page shows no output
            shown = ""
        assert [line.rstrip() for line in shown.splitlines()] == [
            line.rstrip() for line in expected.splitlines()
        ], command
        assert status == (0 if not expected.startswith("error:") else 2)


def test_api_reference_docstrings_become_markdown() -> None:
    rewrite = _tool("griffe_rst").markdown_docstring
    text = "Ranks by :func:`~baoshan_quality.rank_units`.\n\n>>> 1 + 1\n2\n\nThen :class:`Tier`."
    assert rewrite(text) == (
        "Ranks by `rank_units`.\n\n```pycon\n>>> 1 + 1\n2\n```\n\nThen `Tier`."
    )
    assert rewrite(rewrite(text)) == rewrite(text)
    indented = "* item\n\n  >>> x\n  1"
    assert rewrite(indented) == "* item\n\n  ```pycon\n  >>> x\n  1\n  ```"


def test_doctest_fences_render_as_console_sessions() -> None:
    relabel = _tool("mkdocs_hooks").doctest_fences_as_console
    assert relabel("```python\n>>> 1\n1\n```") == "```pycon\n>>> 1\n1\n```"
    assert relabel("```python\nx = 1\n```") == "```python\nx = 1\n```"


# --- the site's configuration (issue 16) ----------------------------------------------


@pytest.mark.parametrize("page", ["index.md", "index.zh.md"])
def test_home_page_links_are_labelled_in_words(page: str) -> None:
    """Issue 16: the home page's links were labelled with file names (`guide.md`)."""
    links = re.findall(r"\[([^\]]+)\]\(([^)]+)\)", (DOCS / page).read_text(encoding="utf-8"))
    assert len(links) >= 15
    for label, target in links:
        assert not re.search(r"\.(md|ipynb|html)\b", label), (label, target)
        assert not label.strip("`*").endswith("/"), (label, target)


def _mkdocs_config() -> dict[str, object]:
    yaml = pytest.importorskip("yaml")
    config: dict[str, object] = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return config


def _plugin(config: dict[str, object], name: str) -> dict[str, object]:
    plugins = config["plugins"]
    assert isinstance(plugins, list)
    for plugin in plugins:
        if plugin == name:
            return {}
        if isinstance(plugin, dict) and name in plugin:
            options: dict[str, object] = plugin[name]
            return options
    raise AssertionError(f"no plugin {name} in mkdocs.yml")


def test_the_site_loads_no_web_fonts() -> None:
    """Issue 16: Google Fonts kept the site blank where the host is unreachable."""
    config = _mkdocs_config()
    theme = config["theme"]
    assert isinstance(theme, dict)
    assert theme["font"] is False
    css = (DOCS / "stylesheets" / "site.css").read_text(encoding="utf-8")
    for family in ("Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei"):
        assert f'"{family}"' in css


def test_search_splits_at_the_segmenters_zero_width_spaces() -> None:
    """jieba marks the words of a Chinese phrase with U+200B; the separator must split
    there and at Chinese punctuation, or "质量奖" is not a word of the index."""
    separator = str(_plugin(_mkdocs_config(), "search")["separator"])
    pattern = re.compile(separator.replace("\\u200b", "\u200b").replace("\\u3000", "\u3000"))
    assert pattern.split("宝山区\u200b质量奖，质量金奖（《办法》）") == [
        "宝山区",
        "质量奖",
        "质量金奖",
        "办法",
        "",
    ]


def test_every_navigation_title_has_a_chinese_title() -> None:
    """The Chinese site's navigation is in Chinese, page by page as it is added."""
    config = _mkdocs_config()
    i18n = _plugin(config, "i18n")
    languages = i18n["languages"]
    assert isinstance(languages, list)
    assert [lang["locale"] for lang in languages] == ["en", "zh"]
    translations = languages[1]["nav_translations"]

    def titles(items: object) -> list[str]:
        found: list[str] = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                for title, value in item.items():
                    found += [title, *titles(value)]
        return found

    missing = [t for t in titles(config["nav"]) if t not in translations]
    assert missing == [], f"add these to nav_translations of zh in mkdocs.yml: {missing}"


def test_the_site_tools_know_the_sites_url() -> None:
    """The checks read URLs under site_url as the site's own; the schemas' `$id`s are
    under it, so the build can publish them there."""
    from baoshan_quality.schema import SCHEMA_BASE

    site_url = _mkdocs_config()["site_url"]
    assert site_url == _tool("check_site").SITE_URL
    assert site_url == _tool("site_browser").SITE_URL
    assert isinstance(site_url, str)
    assert SCHEMA_BASE.startswith(site_url)


# --- the Chinese pages (issue 16, item 1) ---------------------------------------------

CHINESE_PAGES = sorted(p.name for p in DOCS.glob("*.zh.md"))
_FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS


def _english(page: str) -> Path:
    return DOCS / page.replace(".zh.md", ".md")


def test_the_chinese_pages_are_there() -> None:
    assert {"index.zh.md", "quickstart.zh.md", "excellence.zh.md", "report.zh.md"} <= set(
        CHINESE_PAGES
    )


@pytest.mark.parametrize("page", CHINESE_PAGES)
def test_a_chinese_page_has_its_english_page(page: str) -> None:
    """The suffix layout: `page.zh.md` translates `page.md`, which must exist."""
    assert _english(page).is_file(), f"{page} has no English page {_english(page).name}"


@pytest.mark.parametrize("page", CHINESE_PAGES)
def test_a_chinese_page_runs_the_same_examples(page: str) -> None:
    """Every `>>>` example of a Chinese page passes, and there are as many as on the
    English page (the same examples; a Chinese page may print the Chinese form)."""
    parser = doctest.DocTestParser()
    text = (DOCS / page).read_text(encoding="utf-8")
    test = parser.get_doctest(text, {}, page, str(DOCS / page), 0)
    english = parser.get_examples(_english(page).read_text(encoding="utf-8"))
    assert len(test.examples) == len(english), (
        f"{page} has {len(test.examples)} examples, {_english(page).name} {len(english)}"
    )
    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    runner.run(test)
    assert runner.failures == 0, f"{runner.failures} example(s) of {page} failed"


@pytest.mark.parametrize("page", CHINESE_PAGES)
def test_chinese_headings_have_their_own_anchors(page: str) -> None:
    """A heading in Chinese would get `_1`, `_2` … as its anchor (the slug drops Han
    characters): each says `{#id}`, a stable address for links into the page."""
    fenced = re.sub(r"```.*?```", "", (DOCS / page).read_text(encoding="utf-8"), flags=re.S)
    for heading in re.findall(r"^#{1,6} .*$", fenced, re.M):
        if re.search(r"[\u4e00-\u9fff]", heading):
            assert re.search(r"\{#[\w-]+\}$", heading), heading


def test_the_chinese_home_page_lists_the_translated_pages() -> None:
    """The Chinese home page says which pages are in Chinese: each translated page is
    linked from its section on the translation's progress."""
    home = (DOCS / "index.zh.md").read_text(encoding="utf-8")
    progress = home.split("{#chinese-version}", 1)[1].split("\n## ", 1)[0]
    linked = set(re.findall(r"\]\(([\w-]+\.md)\)", progress))
    translated = {page.replace(".zh.md", ".md") for page in CHINESE_PAGES} - {"index.md"}
    assert translated <= linked, sorted(translated - linked)


@pytest.mark.parametrize(
    "page", [*CHINESE_PAGES, "glossary.md", "traceability.md", "quickstart.md"]
)
def test_link_labels_are_words(page: str) -> None:
    """Issue 16: links are labelled with words or names, never with file names."""
    text = re.sub(r"```.*?```", "", (DOCS / page).read_text(encoding="utf-8"), flags=re.S)
    for label, target in re.findall(r"\[([^\]]+)\]\(([^)]+)\)", text):
        assert not re.search(r"\.(md|ipynb|html|json|py)\b", label), (label, target)
        assert not label.strip("`*").endswith("/"), (label, target)


def test_the_glossary_is_one_page_in_both_languages() -> None:
    """The glossary's table is already 中文 | English | code: one page serves both
    sites, with its headings and introduction in both languages."""
    assert not (DOCS / "glossary.zh.md").exists()
    glossary = (DOCS / "glossary.md").read_text(encoding="utf-8")
    for heading in re.findall(r"^#{1,2} .*$", glossary, re.M):
        assert re.search(r"[\u4e00-\u9fff]", heading) and re.search(r"[A-Za-z]{4}", heading)
