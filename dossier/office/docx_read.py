"""A Word report (.docx) read into project data: headings mapped to parts (rules data),
paragraphs kept as Markdown (bold, lists with their numbers, tables), tables of indicators,
partners and budget read as data, images collected as photos; what could not be placed is
listed with its place in the Word file (paragraph or table number and the heading above it)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.limits import DEFAULT_LIMITS
from dossier.office import wordtables
from dossier.office.headings import match, normal
from dossier.office.textclean import clean

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
SUB_PARTS = ("indicators", "partners")            # tables inside a section: they do not end it
BEFORE = "(ก่อนหัวข้อแรก)"
_LITERAL_NUMBER = re.compile(r"^\s*[\(]?([0-9๐-๙]{1,3})\s*[.)]\s*(?=\S)")
_LITERAL_BULLET = re.compile(r"^\s*[•●▪◦\-–]\s*(?=\S)")
_CAPTION = re.compile(r"^ภาพ(?:ที่)?\s*[0-9๐-๙]*\s*[.:]?\s*")


@dataclass
class Unmapped:
    place: str          # "ย่อหน้าที่ 12" / "ตารางที่ 2"
    heading: str
    text: str


@dataclass
class Imported:
    data: dict[str, Any] = field(default_factory=dict)
    parts: dict[str, list[str]] = field(default_factory=dict)     # summary / section key → Markdown blocks
    images: list[tuple[str, bytes, str]] = field(default_factory=list)   # (file name, bytes, caption)
    unmapped: list[Unmapped] = field(default_factory=list)
    cleaned: int = 0


class _Reader:
    def __init__(self, document: Any, headings: dict[str, list[str]], agencies: dict[str, str]) -> None:
        self.document = document
        self.headings = headings
        self.agencies = agencies
        self.out = Imported()
        self.part: str | None = None
        self.part_level = 0
        self.heading = BEFORE
        self.counters: dict[tuple[str, int], int] = {}
        self.pending_table: str | None = None
        self.title_seen = False
        self.list_open = False
        self.candidates: list[tuple[str, str, list[dict[str, Any]]]] = []
        self.narrative: set[str] = set()

    # --- text -------------------------------------------------------------------------------
    def text(self, raw: str) -> str:
        cleaned, changed = clean(raw)
        self.out.cleaned += changed
        return re.sub(r"[ \t]+", " ", cleaned)

    def runs_markdown(self, p: Any) -> str:
        pieces: list[tuple[str, bool]] = []
        for run in p.iter(f"{W}r"):
            rpr = run.find(f"{W}rPr")
            bold = rpr is not None and any(
                (b := rpr.find(f"{W}{tag}")) is not None and b.get(f"{W}val", "1") not in ("0", "false") for tag in ("b", "bCs"))
            text = "".join(t.text or "" if t.tag == f"{W}t" else "\t" if t.tag == f"{W}tab" else "\n"
                           for t in run if t.tag in (f"{W}t", f"{W}tab", f"{W}br"))
            if text:
                pieces.append((text, bold))
        out = []
        for text, bold in _merge(pieces):
            text = self.text(text)
            escaped = _escape(text)
            if bold and escaped.strip():
                core = escaped.strip()
                lead, trail = escaped[:len(escaped) - len(escaped.lstrip())], escaped[len(escaped.rstrip()):]
                out.append(f"{lead}**{core}**{trail}")
            else:
                out.append(escaped)
        return "".join(out).strip()

    def plain(self, p: Any) -> str:
        return self.text("".join(t.text or "" for t in p.iter(f"{W}t"))).strip()

    # --- structure --------------------------------------------------------------------------
    def style_of(self, p: Any) -> Any:
        ppr = p.find(f"{W}pPr")
        style_id = ppr.find(f"{W}pStyle").get(f"{W}val") if ppr is not None and ppr.find(f"{W}pStyle") is not None else None
        try:
            return self.document.styles.get_by_id(style_id, 1) if style_id else self.document.styles.default(1)
        except (KeyError, ValueError):
            return None

    def heading_level(self, p: Any) -> int:
        """1… for a heading (by style or outline level), 0 otherwise; -1 for a title."""
        style = self.style_of(p)
        chain: list[Any] = []
        while style is not None and len(chain) < 10:
            chain.append(style)
            style = style.base_style
        for s in chain:
            name = (s.name or "").lower()
            if name == "title":
                return -1
            level = re.match(r"heading (\d)", name)
            if level:
                return int(level.group(1))
        for element in [p.find(f"{W}pPr"), *(s.element.find(f"{W}pPr") for s in chain)]:
            outline = element.find(f"{W}outlineLvl") if element is not None else None
            if outline is not None and outline.get(f"{W}val", "9").isdigit() and int(outline.get(f"{W}val")) < 9:
                return int(outline.get(f"{W}val")) + 1
        return 0

    def list_marker(self, p: Any) -> tuple[int, str] | None:
        """(level, Markdown marker) of a paragraph in a Word list, numbering counted."""
        num = None
        for element in [p.find(f"{W}pPr")] + [s.element.find(f"{W}pPr") for s in [self.style_of(p)] if s is not None]:
            found = element.find(f"{W}numPr") if element is not None else None
            if found is not None:
                num = found
                break
        if num is None or num.find(f"{W}numId") is None:
            return None
        num_id = num.find(f"{W}numId").get(f"{W}val")
        ilvl = int(num.find(f"{W}ilvl").get(f"{W}val")) if num.find(f"{W}ilvl") is not None else 0
        if num_id == "0":
            return None
        fmt, start = self.numbering(num_id, ilvl)
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]
        return ilvl, ("- " if fmt in ("bullet", "none") else f"{self.counters[key]}. ")

    def list_marker_peek(self, p: Any) -> bool:
        ppr = p.find(f"{W}pPr")
        return ppr is not None and ppr.find(f"{W}numPr") is not None

    def numbering(self, num_id: str, ilvl: int) -> tuple[str, int]:
        try:
            root = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return "decimal", 1
        for num in root.findall(f"{W}num"):
            if num.get(f"{W}numId") == num_id:
                abstract = num.find(f"{W}abstractNumId").get(f"{W}val")
                for definition in root.findall(f"{W}abstractNum"):
                    if definition.get(f"{W}abstractNumId") == abstract:
                        for lvl in definition.findall(f"{W}lvl"):
                            if lvl.get(f"{W}ilvl") == str(ilvl):
                                fmt = lvl.find(f"{W}numFmt")
                                start = lvl.find(f"{W}start")
                                return (fmt.get(f"{W}val") if fmt is not None else "decimal",
                                        int(start.get(f"{W}val")) if start is not None else 1)
        return "decimal", 1

    def images(self, p: Any) -> list[tuple[str, bytes]]:
        found = []
        for element in [*p.iter(A_BLIP), *p.iter(V_IMAGEDATA)]:
            rid = element.get(R_EMBED) or element.get(R_ID)
            part = self.document.part.related_parts.get(rid) if rid else None
            if part is not None and getattr(part, "blob", None):
                ext = Path(str(part.partname)).suffix.lower()
                ext = ext if re.fullmatch(r"\.[a-z0-9]{1,5}", ext) else ".bin"
                found.append((ext, part.blob))
        return found

    # --- output -----------------------------------------------------------------------------
    def add(self, markdown: str, place: str, is_list: bool = False) -> None:
        if self.part not in self.narrative:
            self.out.unmapped.append(Unmapped(place, self.heading, markdown[:80]))
            self.list_open = False
            return
        blocks = self.out.parts.setdefault(self.part, [])
        if is_list and self.list_open and blocks:
            blocks[-1] += "\n" + markdown
        else:
            blocks.append(markdown)
        self.list_open = is_list


def _escape(text: str) -> str:
    return re.sub(r"([\\*_`])", r"\\\1", text)


def _merge(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    merged: list[tuple[str, bool]] = []
    for text, bold in pieces:
        if merged and merged[-1][1] == bold:
            merged[-1] = (merged[-1][0] + text, bold)
        else:
            merged.append((text, bold))
    return merged


def _bold_all(p: Any) -> bool:
    runs = [r for r in p.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
    return bool(runs) and all(
        (rpr := r.find(f"{W}rPr")) is not None and any(
            (b := rpr.find(f"{W}{tag}")) is not None and b.get(f"{W}val", "1") not in ("0", "false") for tag in ("b", "bCs"))
        for r in runs)


def _cells(reader: _Reader, table: Any) -> list[list[str]]:
    rows = []
    for tr in table.iter(f"{W}tr"):
        row = []
        for tc in tr.findall(f"{W}tc"):
            row.append(" ".join(reader.plain(p) for p in tc.iter(f"{W}p")).strip())
        rows.append(row)
    return [r for r in rows if any(r)]


def _list_item(reader: _Reader, p: Any, markdown: str) -> tuple[str, bool]:
    marker = reader.list_marker(p)
    if marker is not None:
        level, mark = marker
        return "    " * level + mark + markdown.replace("\t", " ").strip(), True
    bold = markdown.startswith("**")
    body = markdown[2:] if bold else markdown
    number = _LITERAL_NUMBER.match(body)
    if number:
        from dossier import thai

        rest = body[number.end():].replace("\t", " ").strip()
        return f"{thai.to_arabic_digits(number.group(1))}. " + ("**" if bold else "") + rest, True
    bullet = _LITERAL_BULLET.match(body)
    if bullet and not body.startswith("**"):
        return "- " + ("**" if bold else "") + body[bullet.end():].replace("\t", " ").strip(), True
    text = markdown.replace("\t", " ")
    if re.match(r"[#>]|[-+*] |\d+[.)] ", text):  # text that Markdown would read as a heading, quote or list
        text = "\\" + text
    return text, False


def _contact(data: dict[str, Any], text: str) -> bool:
    contact = data.setdefault("contact", {})
    for label, key in (("ตำแหน่ง", "position"), ("โทรศัพท์", "phone"), ("โทร", "phone"), ("อีเมล", "email"),
                       ("e-mail", "email"), ("email", "email")):
        if text.lower().startswith(label):
            contact.setdefault(key, text[len(label):].strip(" :.\t"))
            return True
    if "name" not in contact:
        contact["name"] = text
        return True
    return False


MAX_DOCX_BYTES = DEFAULT_LIMITS.max_docx_bytes  # larger is refused before it is opened
MAX_UNPACKED_BYTES = DEFAULT_LIMITS.max_docx_unpacked_bytes


class TooLarge(ValueError):
    pass


def _check_size(path: Path) -> None:
    import zipfile

    if path.stat().st_size > MAX_DOCX_BYTES:
        raise TooLarge(f"larger than {MAX_DOCX_BYTES // 1_000_000} MB / ใหญ่เกิน {MAX_DOCX_BYTES // 1_000_000} MB")
    with zipfile.ZipFile(path) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise TooLarge(f"more than {MAX_UNPACKED_BYTES // 1_000_000} MB once unpacked / ขยายแล้วใหญ่เกิน "
                           f"{MAX_UNPACKED_BYTES // 1_000_000} MB")


def read_docx(path: Path, headings: dict[str, list[str]], sections: list[str], agencies: dict[str, str]) -> Imported:
    """Read a Word report. ``sections``: the narrative section keys of the rules, in order;
    ``agencies``: normalised agency name → id."""
    from docx import Document

    _check_size(path)
    document = Document(str(path))
    reader = _Reader(document, headings, agencies)
    reader.narrative = {"summary", *sections}
    out, data = reader.out, reader.out.data
    paragraph_no = table_no = 0
    last_image: int | None = None
    for element in document.element.body.iterchildren():
        if element.tag == f"{W}tbl":
            table_no += 1
            last_image = None
            _table(reader, _cells(reader, element), f"ตารางที่ {table_no}")
            continue
        if element.tag != f"{W}p":
            continue
        paragraph_no += 1
        place = f"ย่อหน้าที่ {paragraph_no}"
        for ext, blob in reader.images(element):
            out.images.append((f"image-{len(out.images) + 1}{ext}", blob, ""))
            last_image = len(out.images) - 1
        text = reader.plain(element)
        if not text:
            continue
        style = reader.style_of(element)
        if last_image is not None and ((style is not None and (style.name or "").lower() == "caption") or _CAPTION.match(text)):
            name, blob, _ = out.images[last_image]
            out.images[last_image] = (name, blob, _CAPTION.sub("", text).strip())
            last_image = None
            continue
        last_image = None
        level = reader.heading_level(element)
        if level == -1 or ("title" not in data and reader.part is None and reader.heading == BEFORE and level == 0
                           and not match(text, headings, strict=True) and len(text) <= 200):
            data.setdefault("title", text)
            continue
        numbered = bool(_LITERAL_NUMBER.match(text)) or reader.list_marker_peek(element)
        if level > 0 or (len(text) <= 90 and (_bold_all(element) or numbered) and match(text, headings, strict=True)):
            found = match(text, headings, strict=level == 0)
            if found is not None:
                part = found[0]
                if part in SUB_PARTS and reader.part in reader.narrative:
                    reader.pending_table = part
                    continue
                reader.part, reader.part_level, reader.heading = part, max(level, 1), text
                reader.pending_table = part if part in SUB_PARTS else None
                reader.list_open = False
                continue
            if level > 0:
                if reader.part in reader.narrative and level > reader.part_level:
                    reader.add("**" + _escape(text) + "**", place)
                else:
                    reader.part, reader.part_level, reader.heading = None, level, text
                    out.unmapped.append(Unmapped(place, text, text[:80]))
                continue
        if reader.part == "contact" and _contact(data, text):
            continue
        markdown, is_list = _list_item(reader, element, reader.runs_markdown(element))
        reader.add(markdown, place, is_list)
    if "indicators" not in data:
        for part, markdown, items in reader.candidates:
            reader.out.parts[part].remove(markdown)
            data.setdefault("indicators", []).extend(items)
    if reader.out.parts.get("summary"):
        data["summary"] = "\n\n".join(reader.out.parts["summary"])
    texts = {key: "\n\n".join(reader.out.parts[key]) for key in sections if reader.out.parts.get(key)}
    if texts:
        data["sections"] = texts
    return out


def _table(reader: _Reader, rows: list[list[str]], place: str) -> None:
    data = reader.out.data
    if not rows:
        return
    pending, reader.pending_table = reader.pending_table, None
    header = " ".join(normal(c) for c in rows[0])
    if "award_type" not in data and "agency" not in data and (found := wordtables.facts(rows, reader.agencies)):
        values, left = found
        for key, value in values.items():
            data.setdefault(key, value)
        reader.out.unmapped.extend(Unmapped(place, reader.heading, text[:80]) for text in left)
        return
    if pending == "indicators" or "ตัวชี้วัด" in header:
        items = wordtables.indicators(rows)
        if items and (pending == "indicators" or reader.part not in reader.narrative):
            data.setdefault("indicators", []).extend(items)
            return
        if items:  # a table in the text: indicators only if the report has no indicator table of its own
            markdown = wordtables.markdown_table(rows)
            reader.candidates.append((str(reader.part), markdown, items))
            reader.add(markdown, place)
            return
    if pending == "partners" or "ภาคี" in header:
        items = wordtables.partners(rows)
        if items:
            data.setdefault("partners", []).extend(items)
            return
    if reader.part == "budget" or "งบประมาณ" in header:
        items = wordtables.budget(rows)
        if items:
            data.setdefault("budget", []).extend(items)
            return
    reader.add(wordtables.markdown_table(rows), place)
