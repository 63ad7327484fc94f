"""The Chinese text of the library's strings keeps the Chinese pages' spacing (issue 16).

A space stands between a Chinese character and a Latin letter or a number ("附录 C",
"取 100% 减去", "可入 A 档", "近 3 年"), never before Chinese punctuation ("A 档，"); a
quotation of a source text and a name are copied as printed (「…」, “…”, 《…》, a
document number such as 宝府规〔2023〕3号). The check reads every string literal of
``src/baoshan_quality`` (f-strings included), so the convention holds from now on:

* a literal's own text, outside quotations, has no Chinese character directly beside an
  ASCII letter or digit;
* a placeholder directly beside a Chinese character is known to give words, not a number.
  Its value is read where the module gives it — the literals assigned to a local name
  (``how_zh, how_en = "取 100% 减去减少比例", ...``), the branches of a conditional, the
  values of a module's table, what a module's helper returns — and its edge must not be
  a letter or digit; failing that, the placeholder must say it holds words: its name
  says ``zh`` (``phase.zh``, ``count_zh``), it lists names with "、", or it is one of
  the names in ``WORDS`` (an applicant's, a reviewer's name).

Not read: docstrings and English messages (they quote Chinese labels as printed, e.g.
"band 不满100%"), the arguments of ``Citation(...)`` and ``_library_document(...)``
(clause labels such as GB/Z 19579 "附录A" and document titles are identifiers, written as
the documents write them, and are serialised), and the tables copied from a source
(``_SCALE_ROWS``: Appendix C's bands; ``HOLIDAY_NOTICES``: the notices' numbers and
titles). ``VERBATIM`` lists the few other strings that are copied as printed.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "baoshan_quality"

HAN = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
ALNUM = "[A-Za-z0-9]"
#: A Chinese character directly beside an ASCII letter or digit.
ADJACENT = re.compile(f"{HAN}{ALNUM}|{ALNUM}{HAN}")
#: Quotations and names copied as printed: 「…」, “…”, ‘…’, 《…》, a document number with
#: its issuer's abbreviation (宝府规〔2023〕3号, 国办发明电〔2024〕12号), and a national
#: standard's clause label after its number, as its citation prints it (GB/Z 19579 附录A).
AS_PRINTED = re.compile(
    r"「[^」]*」|“[^”]*”|‘[^’]*’|《[^》]*》|\S*〔\d{4}〕\d+号|GB/[TZ] \d+(?:-\d{4})? 附录[A-Z]"
)
#: English prose: two lowercase words in a row (a Chinese sentence has none).
ENGLISH = re.compile(r"\b[a-z]{2,}\s+[a-z]{2,}\b")
#: A placeholder, in a template: an f-string's ``{...}`` becomes this.
SLOT = "{}"

#: Calls whose string arguments are identifiers (clause labels, document titles).
IDENTIFIER_CALLS = {"Citation", "_library_document"}
#: Module-level tables copied from a source text.
PRINTED_TABLES = {"_SCALE_ROWS", "HOLIDAY_NOTICES"}

#: Strings copied as printed (whole templates, placeholders as ``{}``).
VERBATIM = {
    # The Measures' own words, the scheme's terms (award/baoshan.py; the same words are in
    # docs/examples/schemes/baoshan-2023.json).
    "获得先进质量管理模式或成果后3年内不得申报同一类奖项",
    "拟获奖名单向社会进行不少于5个工作日的公示",
    "获奖后3年内，应每年如实填写《宝山区政府质量奖质量绩效表》",
    "申报评审材料一般保存10年",
    # The unprinted band of Appendix C 1.2 (R32), labelled as the printed bands are
    # (30%以上, 100%以下).
    "不满100%",
    # Appendix A.2's cover title, filled in: 2024年度宝山区罗店镇质量状况分析报告.
    "{}年度宝山区{}质量状况分析报告",
}

#: Placeholders that hold names (given by the caller), read as words.
WORDS = {
    "applicant",  # 上海甲精密制造有限公司
    "r.person",  # a reviewer or a staff member: 李工
    "r.name",
    "panel.leader",
    "who",  # a self-assessment's unit (with its year: 罗店镇 2024 年度)
}

_NAMED_ZH = re.compile(r"(?<![A-Za-z])zh(?![A-Za-z])", re.IGNORECASE)


def _skipped(tree: ast.Module) -> set[int]:
    """Ids of the nodes not read: docstrings, identifiers, printed tables."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skipped.add(id(node.value))  # a docstring (module, class, function, attribute)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in IDENTIFIER_CALLS:
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    skipped.update(id(n) for n in ast.walk(arg))
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            printed = any(isinstance(t, ast.Name) and t.id in PRINTED_TABLES for t in targets)
            if printed and node.value is not None:
                skipped.update(id(n) for n in ast.walk(node.value))
    return skipped


class _Values:
    """What a placeholder's expression can be, as far as the module says: the values
    assigned to a local name (a tuple unpacked by position), the branches of a
    conditional, what a module-level function returns."""

    def __init__(self, tree: ast.Module) -> None:
        self.functions = {
            f.name: f for f in tree.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
        }
        self.module = tree
        self.scope: dict[int, ast.AST] = {}
        for scope in [tree, *ast.walk(tree)]:
            if isinstance(scope, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(scope):
                    self.scope[id(node)] = scope  # the innermost scope wins (walked last)

    def _assigned(self, name: str, scope: ast.AST) -> list[tuple[ast.expr, int | None]]:
        found: list[tuple[ast.expr, int | None]] = []
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == name:
                        found.append((node.value, None))
                    elif isinstance(target, ast.Tuple):
                        for i, elt in enumerate(target.elts):
                            if isinstance(elt, ast.Name) and elt.id == name:
                                found.append((node.value, i))
            elif (
                isinstance(node, (ast.AnnAssign, ast.AugAssign))
                and node.value is not None
                and isinstance(node.target, ast.Name)
                and node.target.id == name
            ):
                found.append((node.value, None))
        return found

    def leaves(self, expr: ast.expr, index: int | None = None, depth: int = 0) -> list[ast.expr]:
        """The expressions ``expr`` may evaluate to; [] when unknown."""
        if depth > 8:
            return []
        if isinstance(expr, ast.Tuple):
            return [] if index is None else self.leaves(expr.elts[index], None, depth + 1)
        if isinstance(expr, ast.IfExp):
            body = self.leaves(expr.body, index, depth + 1)
            orelse = self.leaves(expr.orelse, index, depth + 1)
            return body + orelse if body and orelse else []
        if isinstance(expr, ast.Name):
            scope = self.scope.get(id(expr))
            assigned = self._assigned(expr.id, scope) if scope is not None else []
            if not assigned and scope is not self.module:
                assigned = [
                    (v, i) for v, i in self._assigned(expr.id, self.module) if scope is not None
                ]
            found = [self.leaves(v, i, depth + 1) for v, i in assigned]
            return [x for xs in found for x in xs] if found and all(found) else []
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name):
            function = self.functions.get(expr.func.id)
            returns = (
                [
                    r.value
                    for r in ast.walk(function)
                    if isinstance(r, ast.Return) and r.value is not None
                ]
                if function is not None
                else []
            )
            found = [self.leaves(r, index, depth + 1) for r in returns]
            return [x for xs in found for x in xs] if found and all(found) else []
        if isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Name) and index is None:
            scope = self.scope.get(id(expr))
            tables = (
                [v for v, i in self._assigned(expr.value.id, scope) if i is None]
                if scope is not None
                else []
            )
            if not tables:  # a module-level table read inside a function
                tables = [v for v, i in self._assigned(expr.value.id, self.module) if i is None]
            if tables and all(isinstance(v, ast.Dict) for v in tables):
                found = [self.leaves(x, None, depth + 1) for v in tables for x in v.values]  # type: ignore[attr-defined]
                return [x for xs in found for x in xs] if found and all(found) else []
            return []
        if index is None and isinstance(expr, (ast.Constant, ast.JoinedStr, ast.BinOp)):
            return [expr]
        return []


def _edge(expr: ast.expr, side: int, source: str, values: _Values, depth: int = 0) -> bool:
    """Whether ``expr``'s value at ``side`` (0 start, -1 end) is known not to be a
    letter or digit."""
    if depth > 8:  # a name assigned from itself (zh += ...): read by its name
        text = ast.get_source_segment(source, expr) or ""
        return bool(_NAMED_ZH.search(text)) or text in WORDS
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return not expr.value or not re.fullmatch(ALNUM, expr.value[side])
    if isinstance(expr, ast.JoinedStr):
        if not expr.values:
            return True
        part = expr.values[side]
        if isinstance(part, ast.FormattedValue):
            return _edge(part.value, side, source, values, depth + 1)
        return _edge(part, side, source, values, depth + 1)
    if isinstance(expr, ast.IfExp):
        return _edge(expr.body, side, source, values, depth + 1) and _edge(
            expr.orelse, side, source, values, depth + 1
        )
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        return _edge(expr.left if side == 0 else expr.right, side, source, values, depth + 1)
    if (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Attribute)
        and expr.func.attr == "join"
        and isinstance(expr.func.value, ast.Constant)
        and expr.func.value.value == "、"
    ):
        return True  # names listed the Chinese way
    leaves = values.leaves(expr)
    if leaves:  # what the module says it can be
        return all(_edge(leaf, side, source, values, depth + 1) for leaf in leaves)
    text = ast.get_source_segment(source, expr) or ""
    return bool(_NAMED_ZH.search(text)) or text in WORDS


def _template(node: ast.JoinedStr) -> str:
    return "".join(
        v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else SLOT
        for v in node.values
    )


def _text_problems(text: str) -> list[str]:
    """The places where ``text`` (a template) sets Chinese directly beside a Latin
    letter or a digit, outside quotations and names copied as printed."""
    if text in VERBATIM or ENGLISH.search(text) or not re.search(HAN, text):
        return []
    bare = AS_PRINTED.sub(lambda m: "\x01" * len(m.group()), text)
    return [text[max(0, m.start() - 6) : m.end() + 6] for m in ADJACENT.finditer(bare)]


def findings(source: str, name: str = "<source>") -> list[str]:
    """Every place in ``source`` (Python) whose Chinese text breaks the convention."""
    tree = ast.parse(source)
    skipped = _skipped(tree)
    values = _Values(tree)
    inner = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped or id(node) in inner:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = _template(node)
        else:
            continue
        where = f"{name}:{node.lineno}"
        found += [f"{where}: {snippet!r}" for snippet in _text_problems(text)]
        if not isinstance(node, ast.JoinedStr) or text in VERBATIM or ENGLISH.search(text):
            continue
        parts = node.values
        for i, part in enumerate(parts):
            if not isinstance(part, ast.FormattedValue):
                continue
            before = parts[i - 1] if i > 0 else None
            after = parts[i + 1] if i + 1 < len(parts) else None
            for side, neighbour, char_at in ((0, before, -1), (-1, after, 0)):
                if not isinstance(neighbour, ast.Constant) or not isinstance(neighbour.value, str):
                    continue
                char = neighbour.value[char_at] if neighbour.value else ""
                if re.fullmatch(HAN, char) and not _edge(part.value, side, source, values):
                    shown = ast.get_source_segment(source, part.value)
                    found.append(f"{where}: {{{shown}}} beside {char!r}")
    return found


MODULES = sorted(SRC.rglob("*.py"))


def test_the_library_is_read() -> None:
    assert len(MODULES) > 40
    reasons = [p for p in MODULES if "Reason(" in p.read_text(encoding="utf-8")]
    assert len(reasons) > 20


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_chinese_text_spaces_latin_letters_and_numbers(path: Path) -> None:
    """Issue 16: 附录 C, 取 100% 减去, 可入 A 档 — a space between Chinese and a Latin
    letter or a number, as the Chinese pages write it."""
    assert findings(path.read_text(encoding="utf-8"), path.name) == []


# --- the check itself ------------------------------------------------------------------


def test_a_latin_letter_beside_chinese_is_found() -> None:
    """The wording this test was written against: "按附录C所列" (the 2.3 audiences)."""
    assert findings('zh = "按附录C所列 3 类对象"') == ["<source>:1: '按附录C所列 3 类'"]
    assert findings('zh = f"按{x}附录C所列"') != []
    assert findings('zh = "附录 C 所列 3 类对象"') == []


@pytest.mark.parametrize(
    "bad",
    ['"取100% 减去减少比例"', '"可入A 档"', '"A档"', '"近3年内"', '"附录A所列"', '"共3项"'],
)
def test_a_number_or_letter_beside_chinese_is_found(bad: str) -> None:
    assert findings(f"zh = {bad}") != []


@pytest.mark.parametrize(
    "good",
    [
        '"取 100% 减去减少比例"',
        '"可入 A 档，少一个步长则不能"',
        '"属“100%以下”档"',  # a band quoted as printed
        '"依「获奖后 3年内，应每年」"',  # a quotation keeps the source's spacing
        '"《国务院办公厅关于2026年部分节假日安排的通知》"',
        '"宝府规〔2023〕3号第十六条"',  # a document number is a name
        '"R33 备选"',
        '"the unprinted band 不满100% (R32)"',  # English quoting a label
        '"GB/T 19580-2012 (GB/Z 19579-2012 附录A)"',  # a clause label after its standard
        '"""Reading R9 (获奖后3年内，应每年)."""',  # a docstring
        'Citation(Document.CRITERIA_GUIDE, "附录A")',  # a clause label
        '"100%"',
    ],
)
def test_quotations_names_and_english_are_not_findings(good: str) -> None:
    assert findings(f"x = {good}" if not good.startswith(('"""', "Citation")) else good) == []


def test_a_placeholder_beside_chinese_must_give_words() -> None:
    """A number in a placeholder needs its spaces; words need none."""
    assert findings('zh = f"第{rank}名"') == [
        "<source>:1: {rank} beside '第'",
        "<source>:1: {rank} beside '名'",
    ]
    assert findings('zh = f"第 {rank} 名"') == []
    assert findings("zh = f\"属{phase.zh}，与{'、'.join(names)}并列\"") == []
    assert findings("zh = f\"记录{'含' if ok else '未含'}{what_zh}。\"") == []
    assert findings("zh = f\"按{'附录C' if a else '5.2.3 a)'}所列\"") != []
    assert findings("zh = f\"{'附录 C' if a else '5.2.3 a)'} 所列\"") == []
    assert findings('zh = f"年{n}"') == ["<source>:1: {n} beside '年'"]


def test_a_placeholders_value_is_read_where_the_module_gives_it() -> None:
    """A name holding words by its name (``how_zh``) is still read where it is assigned:
    the wording this test was written against, 取{how_zh} with "100% 减去减少比例", and
    可入{zh_goal} with "A 档" from a helper."""
    old = (
        "def f(literal):\n"
        "    if literal:\n"
        '        how_zh, how_en = "减少比例本身", "the decrease"\n'
        "    else:\n"
        '        how_zh, how_en = "100% 减去减少比例", "100% minus"\n'
        '    return f"属“100%以下”档，取{how_zh}：80%。"\n'
    )
    assert findings(old) == ["<source>:6: {how_zh} beside '取'"]
    new = old.replace('"100% 减去', '"取 100% 减去').replace('"减少比例本身"', '"取减少比例本身"')
    assert findings(new.replace("档，取{how_zh}", "档，{how_zh}")) == []
    goal = (
        "def _goal_text(goal):\n"
        '    return ("A 档", "tier A") if goal else ("“优秀”", "excellent")\n'
        "def g(goal):\n"
        "    zh_goal, en_goal = _goal_text(goal)\n"
        '    return f"可入{zh_goal}。"\n'
    )
    assert findings(goal) == ["<source>:5: {zh_goal} beside '入'"]
    assert findings(goal.replace('("A 档"', '(" A 档"')) == []
