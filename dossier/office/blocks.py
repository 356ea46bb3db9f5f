"""Project Markdown as a small tree of blocks (paragraphs with bold/italic runs, lists with their
numbers, tables), read from the HTML the PDF is made from, so the plain text of the online form
and the Word file show the same content as the PDF."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

from dossier.render.html import markdown_html
from dossier.render.numerals import localize


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Para:
    runs: list[Run]
    heading: int = 0           # 0: a paragraph; 1..6: a heading inside the text

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Item:
    number: str                # "1." or "๑." for an ordered list, "" for a bullet
    blocks: list[Block] = field(default_factory=list)


@dataclass
class ListBlock:
    ordered: bool
    items: list[Item]


@dataclass
class Table:
    rows: list[list[str]]
    header: bool = True


Block = Para | ListBlock | Table

_SPACE = re.compile(r"[ \t\r\n]+")


def _runs(element: lxml.html.HtmlElement, bold: bool = False, italic: bool = False) -> list[Run]:
    runs: list[Run] = []
    if element.text:
        runs.append(Run(element.text, bold, italic))
    for child in element:
        if child.tag in ("ul", "ol", "table"):
            pass
        elif child.tag == "br":
            runs.append(Run("\n", bold, italic))
        else:
            runs.extend(_runs(child, bold or child.tag in ("strong", "b"), italic or child.tag in ("em", "i")))
        if child.tail:
            runs.append(Run(child.tail, bold, italic))
    return runs


def _tidy(runs: list[Run]) -> list[Run]:
    """Collapse source line breaks and spaces as HTML does; merge runs of the same style."""
    out: list[Run] = []
    for run in runs:
        text = run.text if run.text == "\n" else _SPACE.sub(" ", run.text)
        if out and (out[-1].bold, out[-1].italic) == (run.bold, run.italic):
            out[-1] = Run(out[-1].text + text, run.bold, run.italic)
        elif text:
            out.append(Run(text, run.bold, run.italic))
    if out:
        out[0].text = out[0].text.lstrip(" ")
        out[-1].text = out[-1].text.rstrip(" ")
    return [r for r in out if r.text]


def _blocks(parent: lxml.html.HtmlElement, numerals: str) -> list[Block]:
    blocks: list[Block] = []
    loose = _tidy(_runs_direct(parent))
    if loose:
        blocks.append(Para(loose))
    for child in parent:
        tag = child.tag
        if tag in ("p", "pre", "blockquote") and not len(child.xpath("./p|./ul|./ol")):
            blocks.append(Para(_tidy(_runs(child))))
        elif tag == "blockquote":
            blocks.extend(_blocks(child, numerals))
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            blocks.append(Para(_tidy(_runs(child, bold=True)), heading=int(tag[1])))
        elif tag in ("ul", "ol"):
            ordered = tag == "ol"
            start = int(child.get("start", "1") or 1)
            items = []
            for index, li in enumerate(child.findall("li")):
                number = localize(f"{start + index}.", numerals) if ordered else ""
                items.append(Item(number, _blocks(li, numerals)))
            blocks.append(ListBlock(ordered, items))
        elif tag == "table":
            rows = [[_SPACE.sub(" ", cell.text_content()).strip() for cell in tr.xpath("./th|./td")]
                    for tr in child.xpath(".//tr")]
            blocks.append(Table(rows, header=bool(child.xpath(".//th"))))
    return [b for b in blocks if not (isinstance(b, Para) and not b.runs)]


def _runs_direct(parent: lxml.html.HtmlElement) -> list[Run]:
    """Text of an element outside its block children (a tight list item's own text)."""
    runs: list[Run] = []
    if parent.text and parent.text.strip():
        runs.append(Run(parent.text))
    for child in parent:
        if child.tag in ("p", "ul", "ol", "table", "pre", "blockquote") or child.tag[:1] == "h" and child.tag[1:].isdigit():
            continue
        if child.tag == "br":
            runs.append(Run("\n"))
        else:
            runs.extend(_runs(child, child.tag in ("strong", "b"), child.tag in ("em", "i")))
        if child.tail and child.tail.strip():
            runs.append(Run(child.tail))
    return runs


def parse(text: str | None, numerals: str = "arabic") -> list[Block]:
    """The blocks of a Markdown text, digits in ``numerals`` as in the PDF."""
    html = markdown_html(text, numerals)
    if not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return _blocks(root, numerals)


def to_text(blocks: list[Block], indent: str = "", sep: str = "\n\n") -> str:
    """Plain text ready to paste in a form: no Markdown syntax, list numbers kept, a bullet as •,
    table cells separated by tabs, blocks by a blank line (list items by a line break)."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            parts.append(indent + block.text.replace("\n", "\n" + indent))
        elif isinstance(block, Table):
            parts.append("\n".join(indent + "\t".join(row) for row in block.rows))
        else:
            lines = []
            for item in block.items:
                marker = item.number or "•"
                inner = to_text(item.blocks, indent + " " * (len(marker) + 1), "\n").lstrip(" ")
                lines.append(f"{indent}{marker} {inner}")
            parts.append("\n".join(lines))
    return sep.join(p for p in parts if p.strip())
