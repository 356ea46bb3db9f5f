"""A project as an editable Word file with the PDF's content: title, facts, summary, numbered
sections with their indicator and partner tables, budget, photos, contact; page numbers in the
footer (a PAGE field); Sarabun 16 pt for Latin *and* complex script (``w:rFonts w:cs``,
``w:szCs``, ``w:bCs``) so Word does not fall back to another font for Thai."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from dossier import thai
from dossier.office import blocks
from dossier.render.numerals import localize
from dossier.render.views import build_project_view

FONT = "Sarabun"
SIZE = 16
SECTORS = {"government": "ภาครัฐ", "private": "ภาคเอกชน", "civil-society": "ภาคประชาสังคม",
           "community": "ภาคประชาชน", "academic": "สถาบันการศึกษา"}
LEVELS = {"inform": "การให้ข้อมูล (Inform)", "consult": "การรับฟังความคิดเห็น (Consult)",
          "involve": "การเข้ามาเกี่ยวข้อง (Involve)", "collaborate": "การร่วมมือ (Collaborate)",
          "empower": "การเสริมพลัง (Empower)"}
STATUS = {"ongoing": "ยังดำเนินการอยู่", "completed": "สิ้นสุดแล้ว"}
INDICATOR_HEADER = ["ตัวชี้วัด", "หน่วย", "ค่าฐาน", "เป้าหมาย", "ผลที่ได้", "ปีที่วัดผล"]
PARTNER_HEADER = ["ภาคีเครือข่าย", "ภาคส่วน", "บทบาท"]
BUDGET_HEADER = ["แหล่งงบประมาณ", "ปีงบประมาณ", "จำนวนเงิน (บาท)"]


# The order of w:rPr's children in the OOXML schema: Word rejects a file whose order differs.
RPR_ORDER = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
             "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
             "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
             "em", "lang", "eastAsianLayout", "specVanish", "oMath"]


def child(rpr: Any, name: str) -> Any:
    """``rpr``'s ``w:<name>`` child, created at its place in the schema's order if missing."""
    found = rpr.find(qn(f"w:{name}"))
    if found is not None:
        return found
    element = OxmlElement(f"w:{name}")
    later = {qn(f"w:{n}") for n in RPR_ORDER[RPR_ORDER.index(name) + 1:]}
    for index, existing in enumerate(rpr):
        if existing.tag in later:
            rpr.insert(index, element)
            return element
    rpr.append(element)
    return element


def set_font(rpr: Any, size: int | None = SIZE, bold: bool | None = None, italic: bool | None = None) -> None:
    """Sarabun for every script of a run or style property, sizes for Latin and complex script
    (Thai is complex script: without w:cs, w:szCs and w:bCs Word uses another font and size)."""
    fonts = child(rpr, "rFonts")
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for flag, tags in ((bold, ("b", "bCs")), (italic, ("i", "iCs"))):
        if flag is not None:
            for tag in tags:
                child(rpr, tag).set(qn("w:val"), "1" if flag else "0")
    if size is not None:
        for tag in ("sz", "szCs"):
            child(rpr, tag).set(qn("w:val"), str(size * 2))
    child(rpr, "lang").set(qn("w:bidi"), "th-TH")


def _styles(document: Any) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_font(rpr)
    sizes = {"Normal": SIZE, "Title": 24, "Heading 1": 20, "Heading 2": 18, "Heading 3": SIZE, "Caption": 14}
    for name, size in sizes.items():
        style = document.styles[name]
        set_font(style.element.get_or_add_rPr(), size, bold=name.startswith(("Heading", "Title")))
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        rpr = document.styles[name].element.get_or_add_rPr()
        color = rpr.find(qn("w:color"))
        if color is not None:
            rpr.remove(color)


def _runs(paragraph: Any, runs: list[blocks.Run]) -> None:
    for item in runs:
        run = paragraph.add_run(item.text)
        set_font(run._r.get_or_add_rPr(), None, bold=item.bold or None, italic=item.italic or None)


def _text(paragraph: Any, text: str, bold: bool = False) -> None:
    _runs(paragraph, [blocks.Run(text, bold)])


def _table(document: Any, rows: list[list[str]], header: bool = True) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=0, cols=width)
    table.style = document.styles["Table Grid"]
    for index, row in enumerate(rows):
        cells = table.add_row().cells
        for cell, value in zip(cells, row + [""] * (width - len(row)), strict=True):
            paragraph = cell.paragraphs[0]
            _text(paragraph, value, bold=header and index == 0)


def _blocks(document: Any, items: list[blocks.Block], level: int = 0) -> None:
    for block in items:
        if isinstance(block, blocks.Para):
            if block.heading:
                paragraph = document.add_heading(level=min(block.heading + 1, 3))
                _runs(paragraph, block.runs)
            else:
                _runs(document.add_paragraph(), block.runs)
        elif isinstance(block, blocks.Table):
            _table(document, block.rows, block.header)
        else:
            for item in block.items:
                paragraph = document.add_paragraph(style="List Paragraph")
                paragraph.paragraph_format.left_indent = Cm(0.75 * (level + 1))
                paragraph.paragraph_format.first_line_indent = Cm(-0.6)
                first, rest = (item.blocks[0], item.blocks[1:]) if item.blocks else (blocks.Para([]), [])
                _text(paragraph, f"{item.number or '•'}\t")
                if isinstance(first, blocks.Para):
                    _runs(paragraph, first.runs)
                else:
                    rest = [first, *rest]
                for inner in rest:
                    if isinstance(inner, blocks.ListBlock):
                        _blocks(document, [inner], level + 1)
                    else:
                        _blocks(document, [inner], level)


def _page_numbers(document: Any) -> None:
    for section in document.sections:
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        set_font(rpr)
        run.append(rpr)
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)


def _amount(value: Decimal | int | None, numerals: str) -> str:
    return "" if value is None else thai.format_number(value, numerals)  # type: ignore[arg-type]


def _when(when: Any, numerals: str) -> str:
    return f"ปี พ.ศ. {localize(str(when), numerals)}" if isinstance(when, int) else thai.format_date(when, numerals)  # type: ignore[arg-type]


def _event(ws: Any, event: Any, numerals: str) -> str:
    """The timeline's wording of the PDF (templates/project.html.j2)."""
    if event.kind == "started":
        return "เริ่มดำเนินการ"
    if event.kind == "ended":
        return "สิ้นสุดการดำเนินการ"
    if event.kind == "award":
        award = event.data["award"]
        found = ws.rules.find_type(award.award_type) if award.award_type else None
        text = f"ได้รับ{ws.rules.award.get('th', '')}"
        text += f" ประเภท{found.th if found else award.award_type}" if award.award_type else ""
        return text + (f" ระดับ{award.level}" if award.level else "")
    if event.kind == "measured":
        return "วัดผลตัวชี้วัด: " + ", ".join(event.data["names"])
    if event.kind == "cutoff":
        return localize(f"วันตัดยอดของการประกวด ดำเนินการต่อเนื่องมาแล้ว {thai.duration_th(event.data['months'])}", numerals)
    return event.kind


def project_docx(ws: Any, checked: Any) -> bytes:
    project = checked.project
    numerals = ws.numerals
    view = build_project_view(checked.slug, project, checked.award_type, ws, lambda text: text or "",
                              source_path=checked.path, file=checked.file)
    document = Document()
    _styles(document)
    document.core_properties.title = project.title or ""
    document.core_properties.language = "th-TH"
    _text(document.add_paragraph(style="Title"), project.title or "(ยังไม่มีชื่อผลงาน)", bold=True)
    _text(document.add_heading(level=1), "บทสรุปผลงาน")
    facts = [["ประเภทรางวัล", view.award_type.th if view.award_type else (project.award_type or "")],
             ["หน่วยงาน", view.agency_name]]
    if project.leader:
        facts.append(["ผู้นำการเปลี่ยนแปลง", " ".join(x for x in (project.leader.name, project.leader.position,
                                                               project.leader.agency) if x)])
    if project.started:
        facts.append(["เริ่มดำเนินการ", thai.format_date(project.started, numerals)])
    if project.status:
        ended = f" ({thai.format_date(project.ended, numerals)})" if project.ended else ""
        facts.append(["สถานะ", STATUS.get(project.status, project.status) + ended])
    if project.area:
        facts.append(["พื้นที่ดำเนินการ", ", ".join(project.area)])
    if project.new_areas:
        facts.append(["พื้นที่ขยายผล", ", ".join(project.new_areas)])
    if project.participation_level:
        facts.append(["ระดับการมีส่วนร่วม", LEVELS.get(project.participation_level, project.participation_level)])
    b = project.beneficiaries
    if b and (b.households or b.people):
        who = " ".join(x for x in (f"{_amount(b.households, numerals)} ครัวเรือน" if b.households else "",
                                   f"{_amount(b.people, numerals)} คน" if b.people else "") if x)
        facts.append(["ผู้ได้รับประโยชน์", who + (f" ({b.note})" if b.note else "")])
    for index, award in enumerate(project.previous_awards or []):
        found = ws.rules.find_type(award.award_type) if award.award_type else None
        text = f"{ws.rules.award.get('th', '')} ปี พ.ศ. {localize(str(award.year), numerals)}"
        text += f" ประเภท{found.th if found else award.award_type}" if award.award_type else ""
        text += (f" ระดับ{award.level}" if award.level else "") + (f" ผลงาน “{award.title}”" if award.title else "")
        facts.append(["รางวัลที่เคยได้รับ" if index == 0 else "", text])
    _table(document, facts, header=False)
    _blocks(document, blocks.parse(project.summary, numerals))
    for section in view.sections:
        number = localize(str(section.number), numerals)
        _text(document.add_heading(level=1), f"{number}. {section.heading or 'ตัวชี้วัดผลสัมฤทธิ์'}")
        _blocks(document, blocks.parse((project.sections or {}).get(section.key), numerals))
        for block in section.blocks:
            if block == "indicators":
                _text(document.add_heading(level=2), "ตัวชี้วัดผลสัมฤทธิ์")
                _table(document, [INDICATOR_HEADER] + [
                    [i.name, i.unit or "", _amount(i.baseline, numerals), _amount(i.target, numerals),
                     _amount(i.result, numerals), localize(str(i.year), numerals) if i.year else ""]
                    for i in project.indicators])
            elif block == "partners":
                _text(document.add_heading(level=2), "ภาคีเครือข่าย")
                _table(document, [PARTNER_HEADER] + [[p.name, SECTORS.get(p.sector or "", p.sector or ""), p.role or ""]
                                                     for p in project.partners])
    if project.budget:
        _text(document.add_heading(level=1), "งบประมาณ")
        _table(document, [BUDGET_HEADER] + [[b.source, localize(str(b.year), numerals) if b.year else "",
                                             _amount(b.amount, numerals)] for b in project.budget])
    if view.timeline:
        _text(document.add_heading(level=1), "ลำดับเหตุการณ์สำคัญ")
        _table(document, [["วันที่", "เหตุการณ์"]] + [[_when(e.when, numerals), _event(ws, e, numerals)] for e in view.timeline])
    if view.photos:
        _text(document.add_heading(level=1), "ภาพประกอบ")
        for photo in view.photos:
            path = Path(photo.uri.removeprefix("file://"))
            from urllib.parse import unquote

            path = Path(unquote(str(path)))
            try:
                document.add_picture(str(path), width=Cm(14))
            except Exception:  # noqa: BLE001 - a format Word cannot embed: the caption still says which
                _text(document.add_paragraph(), f"[{path.name}]")
            _text(document.add_paragraph(style="Caption"),
                  f"ภาพที่ {localize(str(photo.number), numerals)}" + (f" {photo.caption}" if photo.caption else ""))
    if project.contact:
        _text(document.add_heading(level=1), "ผู้ประสานงาน")
        c = project.contact
        _text(document.add_paragraph(), c.name or "")
        for label, value in (("ตำแหน่ง", c.position), ("โทรศัพท์", c.phone), ("อีเมล", c.email)):
            if value:
                _text(document.add_paragraph(), f"{label} {value}")
    _page_numbers(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
