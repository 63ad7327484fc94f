"""tools/docs_examples.py: the docs' examples as one module for pyright (issue 13).

The extraction is tested here; pyright itself runs on the module in ``.ci/run``.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> ModuleType:
    path = ROOT / "tools" / "docs_examples.py"
    spec = importlib.util.spec_from_file_location("_tools_docs_examples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAGE = """\
Some text.

```python
>>> from decimal import Decimal
>>> total = Decimal("1.5")
>>> for n in range(2):
...     total += n
>>> total
Decimal('2.5')
>>> f(wrong=1)
Traceback (most recent call last):
...
TypeError: f() got an unexpected keyword argument 'wrong'

```
"""


def test_each_page_is_a_function_of_its_examples_with_lines_mapped_back() -> None:
    gen = _tool().generate({"docs/a.md": PAGE, "docs/empty.md": "No examples."})
    tree = ast.parse(gen.code)
    (function,) = tree.body  # a page without examples adds nothing
    assert isinstance(function, ast.FunctionDef) and function.name == "page_docs_a_md"
    lines = gen.code.splitlines()
    assert lines[2] == "# pyright: reportUnusedExpression=false"
    source_lines = [n for n, line in enumerate(lines, 1) if line.startswith("    ")]
    assert [gen.where[n] for n in source_lines] == [
        ("docs/a.md", 4),
        ("docs/a.md", 5),
        ("docs/a.md", 6),
        ("docs/a.md", 7),
        ("docs/a.md", 8),
        ("docs/a.md", 10),
    ]
    assert lines[source_lines[3] - 1] == "        total += n"  # a continuation keeps its indent
    # the example that shows a wrong call must be flagged by pyright, not pass
    assert gen.wrong_calls == {("docs/a.md", 10)}


def test_every_page_of_the_docs_gives_valid_python() -> None:
    tool = _tool()
    gen = tool.generate(tool._texts(ROOT))
    tree = ast.parse(gen.code)
    names = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert {"page_README_md", "page_docs_excellence_md", "page_docs_quickstart_md"} <= names
    assert gen.wrong_calls  # docs/guide.md shows a misspelt keyword
