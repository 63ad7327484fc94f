"""The README can be published as it is (issue 16, items 1 and 6).

A package index shows README.md alone, away from the repository: every link is
absolute — to the documentation site (``site_url`` of mkdocs.yml) or to the
repository on GitHub (``repo_url``) — and points at a page or file that exists; the
links are labelled in words; the Chinese introduction shows the quick start's two
commands and links the Chinese pages that exist. (Its doctests run with the suite:
``README.md`` is in pytest's ``testpaths``.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI_SECTION = "## Your own units, from a file"

#: Pages written in both languages at once: their Chinese address serves the same page.
BILINGUAL = {"glossary.md"}


def _config_url(key: str) -> str:
    match = re.search(rf"^{key}: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert match is not None, key
    return match.group(1).rstrip("/") + "/"


SITE = _config_url("site_url")
REPO = _config_url("repo_url")


def _without_code(text: str) -> str:
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    return re.sub(r"`[^`\n]*`", "", text)


def _links(text: str = README) -> list[tuple[str, str]]:
    """(label, target) of every inline and reference link, and the HTML ones."""
    text = _without_code(text)
    definitions = dict(re.findall(r"^\[([^\]]+)\]: (\S+)$", text, re.M))
    links = re.findall(r"\[([^\]]+)\]\(([^)\s]+)\)", text)
    for label, ref in re.findall(r"\[([^\]]+)\]\[([^\]]*)\]", text):
        assert (ref or label) in definitions, f"no definition for [{label}][{ref}]"
        links.append((label, definitions[ref or label]))
    links += [("html", t) for t in re.findall(r"""(?:href|src)=["']([^"']+)""", text)]
    return links


def test_the_readme_has_no_relative_link() -> None:
    links = _links()
    assert len(links) > 25
    relative = [target for _, target in links if not target.startswith("https://")]
    assert relative == [], f"make these links absolute (site or GitHub): {relative}"


def _site_page(path: str) -> tuple[Path, bool]:
    """The docs page an address under the site serves, and whether it is the Chinese one."""
    chinese = path.startswith("zh/")
    path = path.removeprefix("zh/").strip("/")
    stem = DOCS / path if path else DOCS / "index"
    candidates = [stem.with_suffix(".md"), stem / "index.md"]
    page = next((c for c in candidates if c.is_file()), candidates[0])
    return page, chinese


@pytest.mark.parametrize(
    "target", sorted({t for _, t in _links() if t.startswith(SITE)}), ids=lambda t: t[len(SITE) :]
)
def test_a_site_link_opens_a_page(target: str) -> None:
    """An address on the site is a page of docs/ (the built site's directory URLs); a
    Chinese address (`zh/…`) is a page translated into Chinese, or a bilingual one."""
    path, _, anchor = target.removeprefix(SITE).partition("#")
    page, chinese = _site_page(path)
    assert page.is_file(), f"{target}: no page {page.relative_to(ROOT)}"
    if chinese and page.name not in BILINGUAL and page.name != "index.md":
        assert page.with_suffix(".zh.md").is_file(), f"{target}: {page.name} is not in Chinese"
    assert not anchor, f"{target}: link a page, not an anchor the site may change"


def _github_slugs(markdown: str) -> set[str]:
    slugs = set()
    for heading in re.findall(r"^#{1,6} (.+)$", _without_code(markdown), re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        slugs.add(slug)
    return slugs


@pytest.mark.parametrize(
    "target", sorted({t for _, t in _links() if t.startswith(REPO)}), ids=lambda t: t[len(REPO) :]
)
def test_a_repository_link_opens_a_file(target: str) -> None:
    """`blob/main/FILE` is a file of the repository, `tree/main/DIR` a folder, and an
    anchor into a Markdown file is one of its headings as GitHub spells it."""
    path, _, anchor = target.removeprefix(REPO).partition("#")
    kind, branch, *rest = path.split("/")
    assert branch == "main" and kind in {"blob", "tree"}, target
    local = ROOT.joinpath(*rest)
    assert local.is_file() if kind == "blob" else local.is_dir(), target
    if anchor:
        assert anchor in _github_slugs(local.read_text(encoding="utf-8")), target


def test_the_readme_links_the_chinese_page_of_each_page_it_links() -> None:
    """Where a page it links has a Chinese version, the README links that too."""
    targets = {t for _, t in _links()}
    for target in sorted(t for t in targets if t.startswith(SITE)):
        path = target.removeprefix(SITE).partition("#")[0]
        page, chinese = _site_page(path)
        if not chinese and page.with_suffix(".zh.md").is_file():
            assert f"{SITE}zh/{path}" in targets, f"link the Chinese page too: {SITE}zh/{path}"


def test_link_labels_are_words() -> None:
    """Labels say what a link opens; only the command-line section names its example
    files by the paths its commands use."""
    outside_cli = (
        README.split(CLI_SECTION, 1)[0] + README.split(CLI_SECTION, 1)[1].split("\n## ", 1)[1]
    )
    for label, target in _links(outside_cli):
        assert not re.search(r"\.(md|ipynb|html|json|py)\b|^https?:|^docs/", label), (
            label,
            target,
        )


def _section(heading: str) -> str:
    return README.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


def test_the_chinese_introduction_shows_the_two_commands() -> None:
    """The package index shows README.md only: a Chinese reader finds there what the
    library is, the quick start's two commands (the same lines) and an example."""
    chinese = _section("## 中文简介")
    commands = re.findall(r"```console\n(.*?)```", chinese, re.S)
    quick_start = re.findall(r"```console\n(.*?)```", _section("## Quick start"), re.S)
    assert commands[0] == quick_start[0]
    assert ">>> from baoshan_quality import UnitScore, rank_units" in chinese
    assert "《指南》" in chinese and "《办法》" in chinese
    assert f"({SITE}zh/" in chinese or "[site-zh]" in chinese
    assert README.index("## 中文简介") < README.index("## Quick start")
