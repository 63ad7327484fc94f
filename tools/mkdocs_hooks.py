"""MkDocs hooks for the documentation site (loaded by ``mkdocs.yml``).

* **Doctests as console sessions.** The pages' examples are doctests that
  ``python -m pytest`` runs (``--doctest-glob``): fenced as ```` ```python ```` blocks
  whose lines start with ``>>>``.  They are rendered with the ``pycon`` (Python
  console) lexer, so prompts and outputs are highlighted as a session; their text is
  unchanged.
* **Chinese prose without stray spaces.** A line break between two Chinese characters
  is removed (outside code blocks): Markdown would render it as a space.
* **Copy buttons copy code.** Each ``pycon`` block (and each ``console`` block with
  ``$`` prompts) gets a ``data-copy`` attribute holding its code without prompts or
  outputs; Material's copy button copies that attribute when present.
* **The executed notebook on the site.** A line ``<!-- notebook: NAME.ipynb -->`` in a
  page is replaced by that notebook (beside the page), executed top to bottom in a
  fresh ``python3`` kernel (nbclient, from the ``docs`` extra): its Markdown, its code
  and its outputs (text, the library's HTML tables, figures as inline images).  A
  cell that raises fails the build.  The executed copy is written into the site
  beside the page, so its download link gives the outputs too.
* **JSON Schemas at their ``$id``.** Every schema of ``baoshan_quality.schema`` is
  written to the site at the path its ``$id`` names under ``site_url``
  (``schemas/NAME.schema.json``), the same text ``baoshan-quality schema NAME`` prints.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.exceptions import PluginError
else:
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:  # the pure functions are tested without the docs extra

        class PluginError(Exception):
            """Stands in for mkdocs' own when mkdocs is not installed."""


_DOCTEST_FENCE = re.compile(r"^(\s*)```python[ \t]*\n(?=\s*>>>)", re.MULTILINE)


def doctest_fences_as_console(markdown: str) -> str:
    """Relabel ```` ```python ```` fences whose first line is a ``>>>`` prompt.

    >>> doctest_fences_as_console("```python\\n>>> 1\\n1\\n```\\n```python\\nx = 1\\n```")
    '```pycon\\n>>> 1\\n1\\n```\\n```python\\nx = 1\\n```'
    """
    return _DOCTEST_FENCE.sub(r"\1```pycon\n", markdown)


# --- Chinese prose ---------------------------------------------------------------------

_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_LINE_BREAK = re.compile(rf"(?<=[{_CJK}])\n[ \t]*(?=[{_CJK}])")
_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)


def join_chinese_lines(markdown: str) -> str:
    """Join a paragraph's lines where both sides of the break are Chinese.

    Markdown turns a line break inside a paragraph into a space, which Chinese text
    does not have (“质量 奖”); the source keeps its short lines. Code blocks are left
    as they are.

    >>> join_chinese_lines("宝山区政府质量\\n  奖的类别\\n\\n新段落\\n- 列表")
    '宝山区政府质量奖的类别\\n\\n新段落\\n- 列表'
    >>> join_chinese_lines("```text\\n质量\\n奖\\n```")
    '```text\\n质量\\n奖\\n```'
    """
    parts, last = [], 0
    for fence in _FENCE.finditer(markdown):
        parts += [_CJK_LINE_BREAK.sub("", markdown[last : fence.start()]), fence[0]]
        last = fence.end()
    parts.append(_CJK_LINE_BREAK.sub("", markdown[last:]))
    return "".join(parts)


# --- copy buttons ---------------------------------------------------------------------

_SESSION_BLOCK = re.compile(
    r'<div class="language-(?P<lang>pycon|console) highlight">(?P<body>.*?)</code></pre>',
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")


def session_code(text: str, lang: str) -> str | None:
    """The code of a console session, without prompts or outputs.

    ``pycon`` (a doctest): the ``>>>`` lines and the ``...`` lines that continue them,
    as doctest reads them; every other line is output.  ``console``: the ``$``
    commands and the lines a trailing backslash continues.  None when the block has
    no prompt at all (copy it as it is).

    >>> session_code(">>> x = [1,\\n...      2]\\n>>> x\\n[1, 2]\\n>>>\\n", "pycon")
    'x = [1,\\n     2]\\nx\\n'
    >>> session_code("$ baoshan-quality rank \\\\\\n    units.json\\nrank  unit\\n", "console")
    'baoshan-quality rank \\\\\\n    units.json'
    >>> session_code("python -m pip install .", "console") is None
    True
    """
    prompt, continuation = (">>>", "...") if lang == "pycon" else ("$", None)
    code: list[str] = []
    in_source = False
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped == prompt or stripped.startswith(prompt + " "):
            code.append(stripped[len(prompt) + 1 :])
            in_source = True
        elif in_source and continuation and stripped.startswith(continuation):
            code.append(stripped[len(continuation) + 1 :])
        elif in_source and not continuation and code and code[-1].endswith("\\"):
            code.append(line)
        else:
            in_source = False
    if not code:
        return None
    return "\n".join(code)


def copy_without_prompts(page_html: str) -> str:
    """Give each ``pycon``/``console`` block a ``data-copy`` text: its code only.

    >>> block = (
    ...     '<div class="language-pycon highlight"><pre><span></span><code>'
    ...     '<span class="gp">&gt;&gt;&gt; </span><span class="mi">1</span>'
    ...     '<span class="o">+</span><span class="mi">1</span>\\n'
    ...     '<span class="go">2</span>\\n</code></pre></div>'
    ... )
    >>> copy_without_prompts(block)[:59]
    '<div class="language-pycon highlight" data-copy="1+1"><pre>'
    """

    def give(match: re.Match[str]) -> str:
        body = match["body"]
        code = body[body.find("<code") :]
        text = html.unescape(_TAG.sub("", code))
        copied = session_code(text, match["lang"])
        if copied is None:
            return match[0]
        attribute = html.escape(copied, quote=True).replace("\n", "&#10;")
        return (
            f'<div class="language-{match["lang"]} highlight" data-copy="{attribute}">{body}'
            "</code></pre>"
        )

    return _SESSION_BLOCK.sub(give, page_html)


# --- the executed notebook ------------------------------------------------------------

_NOTEBOOK_LINE = re.compile(r"^<!-- notebook: (?P<name>[\w.-]+\.ipynb) -->[ \t]*$", re.MULTILINE)
_HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)
_PLACEHOLDER = re.compile(r"<!-- nb-output (?P<key>[0-9a-f]{16}) -->")

#: the executed notebooks of this build, by path and modification time
_EXECUTED: dict[tuple[Path, float], Any] = {}
#: raw HTML of the notebooks' outputs, by the key of its placeholder
_OUTPUTS: dict[str, str] = {}


def execute_notebook(path: Path) -> Any:
    """``path`` executed top to bottom in a fresh ``python3`` kernel (cached per build)."""
    key = (path, path.stat().st_mtime)
    if key not in _EXECUTED:
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError

        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(
            notebook,
            timeout=300,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        )
        try:
            client.execute()
        except CellExecutionError as exc:
            raise PluginError(f"notebook {path.name} failed:\n{exc}") from exc
        _EXECUTED[key] = notebook
    return _EXECUTED[key]


def _placeholder(raw_html: str) -> str:
    key = hashlib.sha256(raw_html.encode("utf-8")).hexdigest()[:16]
    _OUTPUTS[key] = raw_html
    return f"<!-- nb-output {key} -->"


def _output_html(output: dict[str, Any], name: str) -> str | None:
    kind = output.get("output_type")
    if kind == "error":
        raise PluginError(f"notebook {name}: {output.get('ename')}: {output.get('evalue')}")
    if kind == "stream":
        return f"<pre>{html.escape(''.join(output.get('text', '')))}</pre>"
    data = output.get("data", {})
    if "image/png" in data:
        png = "".join(data["image/png"]).replace("\n", "")
        base64.b64decode(png, validate=True)  # an image, nothing else, in the page
        return f'<img alt="figure" src="data:image/png;base64,{png}">'
    if "image/svg+xml" in data:
        return "".join(data["image/svg+xml"])
    if "text/html" in data:
        return "".join(data["text/html"])
    if "text/plain" in data:
        return f"<pre>{html.escape(''.join(data['text/plain']))}</pre>"
    return None


def notebook_markdown(notebook: Any, name: str) -> str:
    """One notebook as Markdown: its Markdown cells (headings one level down), its code
    as ``python`` blocks, each output as a placeholder for its HTML (``on_page_content``
    puts the HTML back after Markdown, which would otherwise rewrite it).  Text
    outputs are ``<pre>`` without ``<code>``: no copy button on an output."""
    parts: list[str] = []
    for cell in notebook.cells:
        source = "".join(cell.source).strip("\n")
        if cell.cell_type == "markdown":
            parts.append(_HEADING.sub(r"#\1 ", source))
        elif cell.cell_type == "code" and source:
            parts.append(f"```python\n{source}\n```")
            for output in cell.get("outputs", []):
                raw = _output_html(output, name)
                if raw is not None:
                    parts.append(_placeholder(f'<div class="nb-output">{raw}</div>'))
    return "\n\n".join(parts) + "\n"


def render_notebooks(markdown: str, page_dir: Path) -> str:
    def render(match: re.Match[str]) -> str:
        path = (page_dir / match["name"]).resolve()
        if not path.is_file():
            raise PluginError(f"no notebook {path} (named in a page)")
        return notebook_markdown(execute_notebook(path), match["name"])

    return _NOTEBOOK_LINE.sub(render, markdown)


# --- JSON Schemas ---------------------------------------------------------------------


def publish_schemas(site_dir: Path, site_url: str) -> list[Path]:
    """Write every schema where its ``$id`` points under ``site_url``."""
    from baoshan_quality.schema import schema, schema_names

    written = []
    for name in schema_names():
        document = schema(name)
        identifier = document["$id"]
        if not identifier.startswith(site_url):
            raise PluginError(f"schema {name}: $id {identifier} is not under {site_url}")
        path = site_dir / identifier[len(site_url) :]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
        written.append(path)
    return written


# --- the hooks ------------------------------------------------------------------------


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    markdown = render_notebooks(markdown, Path(page.file.abs_src_path).parent)
    return join_chinese_lines(doctest_fences_as_console(markdown))


def on_page_content(html_text: str, **kwargs: Any) -> str:
    html_text = _PLACEHOLDER.sub(lambda m: _OUTPUTS[m["key"]], html_text)
    return copy_without_prompts(html_text)


def on_post_build(config: Any, **kwargs: Any) -> None:
    site_dir = Path(config["site_dir"])
    publish_schemas(site_dir, config["site_url"])
    for (path, _), notebook in _EXECUTED.items():
        import nbformat

        relative = path.relative_to(Path(config["docs_dir"]).resolve())
        target = site_dir / relative
        if target.parent.is_dir():
            nbformat.write(notebook, target)
