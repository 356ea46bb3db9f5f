"""YAML text to a tree of positioned nodes, with none of YAML 1.1's surprises.

PyYAML's C composer (libyaml) builds the node graph; we never let PyYAML *construct* values.
Every scalar stays text with its position, so ``no`` stays "no", ``0012`` stays "0012" and
``2563-10-20`` stays a string for our own Buddhist-era date parser. While walking the graph we
refuse what would silently change meaning: duplicate keys, anchors and aliases (also the
"billion laughs" bomb), absurd depth and size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from dossier.errors import Diagnostic, DossierError, Pos
from dossier.limits import DEFAULT_LIMITS, Limits
from dossier.load.indent import needed_indent, shallow_block_text
from dossier.thai import to_thai_digits

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass
class Scalar:
    text: str
    pos: Pos
    plain: bool = True  # unquoted, not a block scalar

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in _NULLS


@dataclass
class Entry:
    key: str
    key_pos: Pos
    value: Node


@dataclass
class Mapping:
    pos: Pos
    entries: dict[str, Entry] = field(default_factory=dict)

    def get(self, key: str) -> Node | None:
        entry = self.entries.get(key)
        return entry.value if entry else None


@dataclass
class Sequence:
    pos: Pos
    items: list[Node] = field(default_factory=list)


Node = Scalar | Mapping | Sequence


def _pos(mark: yaml.Mark | None) -> Pos:
    return Pos(mark.line + 1, mark.column + 1) if mark is not None else Pos(1, 1)


_PROBLEMS_TH = {
    "mapping values are not allowed": "มีเครื่องหมาย : ในตำแหน่งที่ใช้ไม่ได้ (ข้อความที่มี \": \" ต้องใส่เครื่องหมายคำพูดครอบ)",
    "could not find expected ':'": "ไม่พบเครื่องหมาย : หลังชื่อหัวข้อ",
    "did not find expected key": "ย่อหน้าไม่ตรงกับหัวข้อข้างบน",
    "did not find expected '-' indicator": "ย่อหน้าของรายการ (-) ไม่ตรงกัน",
    "found undefined alias": "อ้างถึง alias ที่ไม่มี",
    "found unexpected end of stream": "ไฟล์จบก่อนปิดเครื่องหมาย",
    "did not find expected node content": "ไม่พบค่าในตำแหน่งที่ควรมี",
    "block sequence entries are not allowed in this context": "ใช้ - ขึ้นรายการในตำแหน่งนี้ไม่ได้ (ตรวจการย่อหน้า)",
}


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    if mark is None:
        return ""
    lines = text.split("\n")
    if mark.line >= len(lines):
        return ""
    line = lines[mark.line]
    return line[mark.column] if mark.column < len(line) else ""


def _tab_diagnostic(file: str, text: str, mark: yaml.Mark | None) -> Diagnostic:
    """A tab, with the spaces its place needs: 4 before a section's text, not always 2."""
    lines = text.split("\n")
    at = min(mark.line if mark is not None else 0, len(lines) - 1)
    line = lines[at]
    lead = len(line) - len(line.lstrip(" \t"))
    if "\t" not in line:
        return Diagnostic(file, _pos(mark), "yaml-tab", args={
            "how_th": "เว้นวรรคหนึ่งช่องตรงที่เป็นแท็บ", "how_en": "one space where the tab is"})
    pos = Pos(at + 1, line.index("\t") + 1)
    if "\t" not in line[:lead]:
        return Diagnostic(file, pos, "yaml-tab", args={
            "how_th": "เว้นวรรคหนึ่งช่องตรงที่เป็นแท็บ", "how_en": "one space where the tab is"})
    spaces, key = needed_indent(lines, at)
    th_spaces = to_thai_digits(str(spaces))
    if key is not None:
        how_th = f"บรรทัดนี้ต้องเว้นวรรค {th_spaces} ช่อง (มากกว่าบรรทัด {key}: ๒ ช่อง)"
        how_en = f"this line needs {spaces} spaces before the text (2 more than the `{key}:` line)"
    else:
        how_th = f"บรรทัดนี้ต้องเว้นวรรค {th_spaces} ช่อง เท่ากับบรรทัดก่อนหน้า"
        how_en = f"this line needs {spaces} spaces, as the line before it"
    return Diagnostic(file, pos, "yaml-tab", args={"how_th": how_th, "how_en": how_en})


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, file: str, text: str) -> Diagnostic:
    problem = (exc.problem or str(exc)).strip()
    context = (exc.context or "").strip()
    pos = _pos(exc.problem_mark)
    if _char_at(text, exc.problem_mark) == "\t" or "tab" in problem.lower():
        return _tab_diagnostic(file, text, exc.problem_mark)
    if exc.problem_mark is not None:
        lines = text.split("\n")
        shallow = shallow_block_text(lines, exc.problem_mark.line)
        if shallow is not None:
            return Diagnostic(file, Pos(shallow.line + 1, shallow.indent + 1), "yaml-text-indent", args={
                "key": shallow.key, "found": shallow.indent, "need": shallow.key_indent + 2})
    opener = None
    if "quoted scalar" in context:
        opener = _char_at(text, exc.context_mark) or "\""
    elif "flow sequence" in context and ("expected ','" in problem or "stream" in problem):
        opener = "["
    elif "flow mapping" in context and ("expected ','" in problem or "stream" in problem):
        opener = "{"
    if opener is not None:
        return Diagnostic(file, _pos(exc.context_mark), "yaml-unclosed", args={"opener": opener})
    base = re.sub(r"\s+", " ", problem)
    th = next((v for k, v in _PROBLEMS_TH.items() if base.startswith(k)), base)
    return Diagnostic(file, pos, "yaml-syntax", args={"problem_th": th, "problem_en": base})


class _Walker:
    """Turns PyYAML's composed nodes into our tree, collecting problems as it goes."""

    def __init__(self, file: str, limits: Limits) -> None:
        self.file = file
        self.limits = limits
        self.problems: list[Diagnostic] = []
        self.seen: set[int] = set()
        self.count = 0

    def walk(self, node: yaml.Node, depth: int = 0) -> Node:
        pos = _pos(node.start_mark)
        if depth > self.limits.max_depth:
            raise DossierError([Diagnostic(self.file, pos, "yaml-too-deep", args={"limit": self.limits.max_depth})])
        self.count += 1
        if self.count > self.limits.max_nodes:
            raise DossierError([Diagnostic(self.file, pos, "yaml-too-many-nodes", args={"limit": self.limits.max_nodes})])
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            if id(node) in self.seen:  # reached twice: an alias (the anchor's position is reported)
                raise DossierError([Diagnostic(self.file, pos, "yaml-alias")])
            self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if id(node) in self.seen:
                raise DossierError([Diagnostic(self.file, pos, "yaml-alias")])
            self.seen.add(id(node))
            return Scalar(node.value, pos, plain=not node.style)
        if isinstance(node, yaml.SequenceNode):
            return Sequence(pos, [self.walk(item, depth + 1) for item in node.value])
        mapping = Mapping(pos)
        for key_node, value_node in node.value:
            key_pos = _pos(key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Diagnostic(self.file, key_pos, "yaml-bad-key", args={"got": "mapping/list"}))
                continue
            if key_node.value == "<<" and not key_node.style:
                raise DossierError([Diagnostic(self.file, key_pos, "yaml-alias")])
            value = self.walk(value_node, depth + 1)
            key = key_node.value
            if key in mapping.entries:
                first = mapping.entries[key].key_pos.line
                self.problems.append(
                    Diagnostic(self.file, key_pos, "yaml-duplicate-key", args={"key": key, "first_line": first})
                )
                continue
            mapping.entries[key] = Entry(key, key_pos, value)
        return mapping


@dataclass
class Parsed:
    root: Node | None
    diagnostics: list[Diagnostic]


def parse(text: str, file: str, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    """Parse YAML text into a positioned tree. Syntax errors raise :class:`DossierError`;
    recoverable problems (duplicate keys) come back in ``diagnostics``."""
    try:
        documents = yaml.compose_all(text, Loader=_Loader)
        first = next(documents, None)
        second = next(documents, None)
    except yaml.MarkedYAMLError as exc:
        raise DossierError([_syntax_diagnostic(exc, file, text)]) from None
    except yaml.YAMLError as exc:  # unmarked errors are rare (reader errors): still located
        raise DossierError([Diagnostic(file, Pos(1, 1), "yaml-syntax",
                                       args={"problem_th": str(exc), "problem_en": str(exc)})]) from None
    except RecursionError:
        raise DossierError([Diagnostic(file, Pos(1, 1), "yaml-too-deep", args={"limit": limits.max_depth})]) from None
    problems: list[Diagnostic] = []
    if second is not None:
        problems.append(Diagnostic(file, _pos(second.start_mark), "yaml-multiple-documents"))
    if first is None:
        return Parsed(None, problems)
    walker = _Walker(file, limits)
    root = walker.walk(first)
    return Parsed(root, problems + walker.problems)
