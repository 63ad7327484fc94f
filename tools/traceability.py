"""Generate docs/traceability.md: clause → the public objects that encode it → their tests.

Run ``python tools/traceability.py`` after adding or changing a rule; the test
``tests/test_docs_site.py::test_traceability_table_is_current`` regenerates the
table and fails when the committed page differs, so it cannot go stale.

Where the facts come from — the code itself, never a hand-kept list:

* **citations in the source** — every literal clause passed to ``guide(…)``,
  ``measures(…)``, ``criteria(…)``, ``criteria_guide(…)``, ``civil_code(…)``,
  ``Citation(Document.X, …)`` or ``scheme.cite(…)`` (an award rule's clause, numbered
  as the Measures number it, cited in the scheme's document) inside a public
  function, class or constant of a
  module (its ``__all__``) is credited to that object; a private helper's citations
  are credited to the public objects of the same module that use it;
* **citations in the data** — every ``Citation`` held by a public constant
  (``RUBRIC``, ``MATURITY``, ``GBT_19580_2012`` …) is credited to it, and so is every
  clause an award scheme's records carry (``BAOSHAN_2023``: its tables cite its own
  document; the award's other tables, e.g. ``PRIORITY_RECOMMENDATIONS``, cite the
  Measures);
* **tests** — a test module exercises an object when one of its test functions
  names it (``tests/**/test_*.py``);
* **the clauses** — the clause list of each text (:data:`CLAUSES`, keyed from the
  texts' headings) is the checklist: a clause that no object cites shows as
  **not encoded**;
* **the links** — each object links to its entry in the API reference: the page that
  documents its module (the ``::: module`` lines of ``docs/api/*.md``) and the anchor
  mkdocstrings gives it, the dotted path of the defining module and the name
  (``api/guide.md#baoshan_quality.guide.ranking.rank_units``). mkdocstrings renders
  only an object with a docstring (``show_if_no_docstring: false``), so an object
  without one — a constant with no docstring after it — links to its module's entry.
  ``mkdocs build --strict`` checks every anchor.
"""

from __future__ import annotations

import ast
import enum
import importlib
import pkgutil
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
TESTS = ROOT / "tests"
OUTPUT = ROOT / "docs" / "traceability.md"
API = ROOT / "docs" / "api"
PACKAGE = "baoshan_quality"

#: The clause checklist of each text, in the text's order: (key, 中文, English).
#: A cited clause belongs to the row of the longest key it starts with.
CLAUSES: dict[str, list[tuple[str, str, str]]] = {
    "GUIDE": [
        ("designation", "标准编号 DB31113/Z 005—2022", "designation and edition"),
        ("§1", "范围", "scope"),
        ("§2", "规范性引用文件", "normative references"),
        ("§3", "术语和定义", "terms and definitions"),
        ("§4", "评价原则", "evaluation principles"),
        ("§5.1.1", "组织保障", "organisational support"),
        ("§5.1.2", "实施质量提升计划", "quality improvement plan"),
        ("§5.2.1", "质量状况分析报告", "quality status analysis report"),
        ("§5.2.2", "质量宣传", "quality publicity"),
        ("§5.2.3", "质量教育", "quality education"),
        ("§5.2.4", "质量服务", "quality services"),
        ("§5.3", "质量品牌", "quality brands"),
        ("§5.4", "质量协同", "quality coordination"),
        ("§5.5.1", "质量提升", "quality improvement"),
        ("§5.5.2", "质量特色", "quality features"),
        ("§6", "评价主体", "evaluator"),
        ("§7", "评价方式", "evaluation steps"),
        ("§8", "评价结果", "evaluation results"),
        ("§8.1", "A 档和 B 档", "tiers A and B"),
        ("§8.2", "排名与 A 档", "ranking and tier A"),
        ("§8.3", "优秀", "excellent"),
        ("Appendix A", "质量状况分析报告封面", "report cover"),
        ("Appendix B", "考核评分表", "the rubric (table B.1)"),
        ("Appendix B, 加分项", "加分项", "bonus"),
        ("Appendix B, 减分项", "减分项", "deduction"),
        ("Appendix C", "自评成熟度", "maturity self-assessment (table C.1)"),
        ("Appendix C, note 1", "注 1", "note 1"),
        ("Appendix C, note 2", "注 2", "note 2"),
        ("Appendix C, note 3", "注 3", "note 3: no 优秀 after a major incident"),
    ],
    "MEASURES": [
        ("Art. 1", "目的宗旨", "purpose"),
        ("Art. 2", "奖项设置", "classes and tracks"),
        ("Art. 3", "评奖对象", "who may be awarded"),
        ("Art. 4", "评选原则", "principles of selection"),
        ("Art. 5", "评选周期", "the two-year cycle"),
        ("Art. 6", "培育孵化", "incubation"),
        ("Art. 7", "奖项内容", "quotas per edition"),
        ("Art. 8", "评选费用", "no fee"),
        ("Art. 9", "管理机构和职能", "the committee"),
        ("Art. 10", "办事机构及职能", "the office"),
        ("Art. 11", "评审机构及职能", "the expert panel"),
        ("Art. 12", "评审人员资格条件", "reviewer qualifications"),
        ("Art. 13", "推荐部门及职能", "recommending departments"),
        ("Art. 14", "先进质量管理模式申报条件", "conditions for organisations"),
        ("Art. 15", "先进质量管理成果申报条件", "conditions for individuals"),
        ("Art. 16", "避免重复申报", "repeat applications"),
        ("Art. 17", "评审标准", "evaluation standard (GB/T 19580)"),
        ("Art. 18", "组织评审", "the procedure"),
        ("Art. 19", "表彰奖励", "prizes"),
        ("Art. 20", "经费来源", "funding"),
        ("Art. 21", "优先推荐", "priority recommendation"),
        ("Art. 22", "经费使用", "use of funds"),
        ("Art. 23", "获奖者义务", "winners' duties"),
        ("Art. 24", "称号使用", "use of the title"),
        ("Art. 25", "撤销条件", "revocation"),
        ("Art. 26", "评审纪律", "review discipline and recusal"),
        ("Art. 27", "资料保存", "record retention"),
        ("Art. 28", "实施日期", "validity"),
    ],
    "CRITERIA": [
        ("4.1", "领导", "leadership"),
        ("4.2", "战略", "strategy"),
        ("4.3", "顾客与市场", "customers and markets"),
        ("4.4", "资源", "resources"),
        ("4.5", "过程管理", "process management"),
        ("4.6", "测量、分析与改进", "measurement, analysis and improvement"),
        ("4.7", "结果", "results"),
    ],
}

_CITERS = {
    "guide": "GUIDE",
    "measures": "MEASURES",
    "cite": "MEASURES",
    "criteria": "CRITERIA",
    "criteria_guide": "CRITERIA_GUIDE",
    "civil_code": "CIVIL_CODE",
}


def _row_key(document: str, clause: str) -> str | None:
    """The checklist row a cited clause belongs to (longest matching key), if any.

    >>> _row_key("MEASURES", "Art. 16 para 1"), _row_key("MEASURES", "Art. 1")
    ('Art. 16', 'Art. 1')
    >>> _row_key("GUIDE", "§8.1-8.2"), _row_key("GUIDE", "Appendix B, 减分项")
    ('§8.1', 'Appendix B, 减分项')
    >>> _row_key("GUIDE", "§5.2.10") is None, _row_key("CIVIL_CODE", "Art. 201")
    (True, None)
    """
    best: str | None = None
    for key, _, _ in CLAUSES.get(document, []):
        matches = clause == key or (
            clause.startswith(key) and not re.match(r"[0-9A-Za-z]", clause[len(key)])
        )
        if matches and (best is None or len(key) > len(best)):
            best = key
    return best


# --- citations in the source -----------------------------------------------------------


def _literal_citations(node: ast.AST) -> Iterator[tuple[str, str]]:
    for call in ast.walk(node):
        if not isinstance(call, ast.Call) or not call.args:
            continue
        func = call.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        first = call.args[0]
        if name in _CITERS and isinstance(first, ast.Constant) and isinstance(first.value, str):
            yield _CITERS[name], first.value
        elif (
            name == "Citation"
            and len(call.args) >= 2
            and isinstance(first, ast.Attribute)
            and isinstance(call.args[1], ast.Constant)
            and isinstance(call.args[1].value, str)
        ):
            yield first.attr, call.args[1].value


_SUMMARY_ARTICLES = re.compile(r"Measures Art\. ((?:[0-9]+(?:\([0-9]+\))?(?:[–-][0-9]+)?(?:, )?)+)")


def _summary_citations(node: ast.AST) -> Iterator[tuple[str, str]]:
    """The Measures articles a public function's or class's one-line summary names.

    An award rule read from a scheme cites its clause from the scheme's data, so its
    code holds no literal: its summary names the articles it encodes
    (``"… (Measures Art. 3, 14, 15, 16, 25)."``, ``"(Measures Art. 5–6, R10)"``).
    """
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return
    summary = (ast.get_docstring(node) or "").split("\n", 1)[0]
    for match in _SUMMARY_ARTICLES.finditer(summary):
        for item in match.group(1).split(", "):
            item = item.strip(", ")
            if not item:
                continue
            first, _, last = item.replace("–", "-").partition("-")
            if last and first.isdigit() and last.isdigit():
                for number in range(int(first), int(last) + 1):
                    yield "MEASURES", f"Art. {number}"
            else:
                yield "MEASURES", f"Art. {item}"


def _top_level(tree: ast.Module) -> dict[str, ast.AST]:
    nodes: dict[str, ast.AST] = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            nodes[node.name] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    nodes[target.id] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            nodes[node.target.id] = node
    return nodes


def _names_in(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def source_citations(
    module: object, path: Path, public: Iterable[str]
) -> dict[str, set[tuple[str, str]]]:
    """Public name → the (document, clause) its code cites.

    Counted: the literal citations in its own code and in the private helpers of
    its module that it uses, and the citation constants it uses (of its module or
    imported, e.g. ``DEDUCTION_CITATION``; not the whole tables a default holds).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = _top_level(tree)
    public = set(public)
    direct = {
        name: set(_literal_citations(node)) | set(_summary_citations(node))
        for name, node in nodes.items()
    }
    names = {name: _names_in(node) for name, node in nodes.items()}
    result: dict[str, set[tuple[str, str]]] = {}
    for name in sorted(public & set(nodes)):
        seen, todo, found = {name}, [name], set()
        while todo:
            current = todo.pop()
            found |= direct.get(current, set())
            for used in names.get(current, set()):
                if used in nodes and used not in seen and used not in public:
                    seen.add(used)
                    todo.append(used)
                elif used not in nodes and used not in seen:
                    seen.add(used)
                    value = getattr(module, used, None)
                    if type(value).__name__ == "Citation":  # a constant citation it uses
                        found |= data_citations(value)
        result[name] = found
    return result


# --- citations in the data -------------------------------------------------------------


def _document_key(document: object) -> str:
    """The key of a library document (``"MEASURES"``): the name of its Document constant."""
    from baoshan_quality.citations import Document

    for name in ("GUIDE", "MEASURES", "CRITERIA", "CRITERIA_GUIDE", "CIVIL_CODE", "GBT_1_1",
                 "HOLIDAY_NOTICE"):  # fmt: skip
        if getattr(Document, name) == document:
            return name
    return str(getattr(document, "number", document))


def data_citations(value: object) -> set[tuple[str, str]]:
    """Every Citation a constant holds, as (document, clause)."""
    import attrs

    from baoshan_quality.citations import Citation

    found: set[tuple[str, str]] = set()
    seen: set[int] = set()
    todo = [value]
    while todo:
        item = todo.pop()
        if id(item) in seen or isinstance(item, (str, bytes, int, float, enum.Enum, type)):
            continue
        seen.add(id(item))
        if isinstance(item, Citation):
            found.add((_document_key(item.document), item.clause))
        elif callable(getattr(item, "citations", None)) and hasattr(item, "document"):
            found |= {(_document_key(c.document), c.clause) for c in item.citations()}
        elif attrs.has(type(item)) and isinstance(getattr(item, "clause", None), str):
            found.add(("MEASURES", item.clause))  # a row of the award's own tables
            todo.extend(getattr(item, f.name) for f in attrs.fields(type(item)))
        elif attrs.has(type(item)):
            todo.extend(getattr(item, f.name) for f in attrs.fields(type(item)))
        elif isinstance(item, (tuple, list, frozenset, set)):
            todo.extend(item)
        elif hasattr(item, "values") and callable(item.values):
            todo.extend(item.values())
    return found


# --- tests -------------------------------------------------------------------------------


def _imports(tree: ast.Module) -> tuple[dict[str, str], set[str]]:
    """Names a test module imports from the package (local → original), and module aliases."""
    names: dict[str, str] = {}
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PACKAGE):
            for alias in node.names:
                names[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PACKAGE):
                    modules.add(alias.asname or alias.name.split(".")[0])
    # ``from baoshan_quality import schema`` imports a module: attributes of it count too
    modules |= set(names)
    return names, modules


def usage_in_tests(folder: Path = TESTS) -> dict[str, set[str]]:
    """Name → the test modules (relative paths) whose test functions use it.

    Used means named in a test function's body, imported from the package by that
    module (``from baoshan_quality import rank_units``) or reached through an
    imported package module (``bq.rank_units``).
    """
    usage: dict[str, set[str]] = defaultdict(set)
    for path in sorted(folder.rglob("test_*.py")):
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported, modules = _imports(tree)
        for node in ast.walk(tree):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if not node.name.startswith("test"):
                continue
            for sub in ast.walk(node):
                if isinstance(sub, ast.Name) and sub.id in imported:
                    usage[imported[sub.id]].add(rel)
                elif (
                    isinstance(sub, ast.Attribute)
                    and isinstance(sub.value, ast.Name)
                    and sub.value.id in modules
                ):
                    usage[sub.attr].add(rel)
    return usage


# --- links to the API reference ----------------------------------------------------------


def api_pages(folder: Path = API) -> dict[str, str]:
    """Module → the API page that documents it (``api/guide.md``), from its ``:::`` line."""
    pages: dict[str, str] = {}
    for page in sorted(folder.glob("*.md")):
        for module in re.findall(
            r"^::: (baoshan_quality[\w.]*)\s*$", page.read_text(encoding="utf-8"), re.M
        ):
            pages[module] = f"{folder.name}/{page.name}"
    return pages


def with_docstring(tree: ast.Module) -> set[str]:
    """The top-level names mkdocstrings renders as entries: those with a docstring.

    A function or class has one as its first statement; a constant (griffe's
    attribute) when a string literal follows its assignment.

    >>> sorted(with_docstring(ast.parse('A = 1\\n"A."\\nB = 2\\ndef f():\\n    "f."')))
    ['A', 'f']
    """
    names: set[str] = set()
    body = tree.body
    for index, node in enumerate(body):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if ast.get_docstring(node):
                names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            after = body[index + 1] if index + 1 < len(body) else None
            if (
                isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


# --- the table -----------------------------------------------------------------------------


def _modules() -> list[str]:
    """The modules that define public names (packages only re-export theirs)."""
    package = importlib.import_module(PACKAGE)
    names = []
    for info in pkgutil.walk_packages(package.__path__, PACKAGE + "."):
        if not info.name.rsplit(".", 1)[-1].startswith("_") and not info.ispkg:
            names.append(info.name)
    return sorted(set(names) - {f"{PACKAGE}.cli", f"{PACKAGE}.__main__"})


def collect() -> dict[tuple[str, str], set[tuple[str, str]]]:
    """(document, row key) → the public objects that encode it: (display name, link)."""
    package = importlib.import_module(PACKAGE)
    exported = set(package.__all__)
    pages = api_pages()
    rows: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)

    for module_name in _modules():
        module = importlib.import_module(module_name)
        public = list(getattr(module, "__all__", []))
        path = Path(module.__file__ or "")
        if module_name not in pages:
            raise LookupError(f"{module_name} has no `::: {module_name}` in docs/api/*.md")
        entries = with_docstring(ast.parse(path.read_text(encoding="utf-8")))
        # A name is shown where a user imports it: the top level, else its document's
        # package (``guide.``, ``award.``, ``excellence.``) or its kernel module.
        short = module_name.removeprefix(PACKAGE + ".").split(".")[0]
        objects = {
            name: (
                name if name in exported else f"{short}.{name}",
                f"{pages[module_name]}#{module_name}" + (f".{name}" if name in entries else ""),
            )
            for name in public
        }
        cited = [
            (name, citation)
            for name, citations in source_citations(module, path, public).items()
            for citation in citations
        ]
        for name in public:
            value = getattr(module, name, None)
            if value is None or callable(value) or isinstance(value, type):
                continue
            cited += [(name, citation) for citation in data_citations(value)]
        for name, (document, clause) in cited:
            key = _row_key(document, clause)
            if key is not None:
                rows[(document, key)].add(objects[name])
    return rows


_TITLES = {
    "GUIDE": "The Guide — DB31113/Z 005—2022",
    "MEASURES": "The Measures — 宝府规〔2023〕3号",
    "CRITERIA": "GB/T 19580-2012 (Measures Art. 17), categories",
}


def _cell(items: Iterable[str], limit: int = 12) -> str:
    items = sorted(items, key=lambda s: (s.lower(), s))
    shown = ", ".join(f"`{i}`" for i in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _linked(objects: Iterable[tuple[str, str]], limit: int = 12) -> str:
    """The objects as links to their API entries, labelled with their names."""
    items = sorted(objects, key=lambda o: (o[0].lower(), o[0]))
    shown = ", ".join(f"[`{name}`]({href})" for name, href in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def generate() -> str:
    """The Markdown of docs/traceability.md (deterministic)."""
    if str(SRC) not in sys.path:
        sys.path.insert(0, str(SRC))
    rows = collect()
    usage = usage_in_tests()
    lines = [
        "# Clause traceability",
        "",
        "<!-- GENERATED by tools/traceability.py: do not edit by hand. Regenerate with",
        "     `python tools/traceability.py`; tests/test_docs_site.py fails when stale. -->",
        "",
        "For each clause of the texts: the public objects whose code or data cite it,",
        "and the test modules whose tests name one of those objects. Each object links",
        "to its entry in the [API reference](api/index.md) (a constant without an entry",
        "of its own, to its module's). The table is generated from the citations the",
        "code carries (see `tools/traceability.py`), so a clause no object cites shows",
        "here as **not encoded**. Read a gap with its clause: the Guide's §5 describes",
        "what a unit does, and the library scores it through the rows of Appendix B",
        "(which cite Appendix B, not §5); the Measures' articles on purpose and funding",
        "(Art. 1, 8, 20, 22) state no checkable rule.",
        "",
    ]
    summary = []
    for document, clauses in CLAUSES.items():
        encoded = sum(1 for key, _, _ in clauses if rows.get((document, key)))
        summary.append(
            f"| {_TITLES[document]} | {len(clauses)} | {encoded} | {len(clauses) - encoded} |"
        )
    lines += [
        "| text | clauses | encoded | not encoded |",
        "| --- | --- | --- | --- |",
        *summary,
        "",
    ]
    for document, clauses in CLAUSES.items():
        lines += [
            f"## {_TITLES[document]}",
            "",
            "| clause | 中文 | English | encoded by | tests |",
            "| --- | --- | --- | --- | --- |",
        ]
        for key, zh, en in clauses:
            objects = rows.get((document, key), set())
            tests: set[str] = set()
            for obj, _ in objects:
                tests |= usage.get(obj.rsplit(".", 1)[-1], set())
            encoded = _linked(objects) if objects else "**not encoded**"
            tested = _cell(tests, limit=8) if tests else ("—" if not objects else "**untested**")
            lines.append(f"| {key} | {zh} | {en} | {encoded} | {tested} |")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    OUTPUT.write_text(generate(), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
