"""`dossier export --to docx`: an editable Word file, opened with python-docx and read back."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from PIL import Image

from support.cli_runner import run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _with_photo(province: Path) -> None:
    Image.new("RGB", (64, 48), (20, 120, 60)).save(province / "projects" / "mangrove-plot.png")
    path = province / "projects" / "mangrove.yaml"
    photo = "photos:\n  - file: mangrove-plot.png\n    caption: แปลงปลูกป่าชายเลนตำบลคลองโคน\n"
    path.write_text(path.read_text(encoding="utf-8") + photo, encoding="utf-8")


def test_word_file_has_the_pdf_content_in_thai(province: Path) -> None:
    _with_photo(province)
    code, _, err = run(["export", "--to", "docx", "projects/mangrove.yaml"], province)
    assert code == 0, err
    document = docx.Document(str(province / "build" / "docx" / "mangrove.docx"))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", "การส่งเสริมกิจกรรมการปลูกป่าชายเลน")
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings[:8] == ["บทสรุปผลงาน", "๑. ความเป็นมาและสภาพปัญหา", "๒. แนวคิดในการดำเนินการ", "๓. วัตถุประสงค์",
                            "๔. แบบจำลองหรือกรอบแนวทางที่ใช้ในการขับเคลื่อน",
                            "๕. วิธีการและผลของการบูรณาการความร่วมมือระหว่างภาครัฐและภาคประชาชน",
                            "๖. ผลสัมฤทธิ์และผลกระทบ", "๗. ความยั่งยืนและการขยายผล"]
    assert headings[8:] == ["งบประมาณ", "ลำดับเหตุการณ์สำคัญ", "ภาพประกอบ", "ผู้ประสานงาน"]
    timeline = next(t for t in document.tables if t.rows[0].cells[0].text == "วันที่")
    assert [c.text for c in timeline.rows[1].cells] == ["๑๒ สิงหาคม ๒๕๖๐", "เริ่มดำเนินการ"]
    texts = [text for _, text in paragraphs]
    assert "๑.\tเพื่อฟื้นฟูและเพิ่มพื้นที่ป่าชายเลนตามแนวชายฝั่งทะเลของจังหวัดสมุทรสงคราม" in texts
    assert "ภาพที่ ๑ แปลงปลูกป่าชายเลนตำบลคลองโคน" in texts
    # the bold step names of the model stay bold, for complex script too
    step = next(p for p in document.paragraphs if p.text.startswith("•\tเพาะ"))
    bold = [r for r in step.runs if r.bold]
    assert [r.text for r in bold] == ["เพาะ"] and bold[0]._r.rPr.find(qn("w:bCs")).get(qn("w:val")) == "1"
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    indicators = next(t for t in tables if t[0][0] == "ตัวชี้วัด" and len(t[0]) == 6)
    assert indicators[0] == ["ตัวชี้วัด", "หน่วย", "ค่าฐาน", "เป้าหมาย", "ผลที่ได้", "ปีที่วัดผล"]
    assert indicators[1] == ["พื้นที่ป่าชายเลนที่ปลูกเพิ่ม", "ไร่", "๑๒๐", "๔๐๐", "๔๕๐", "๒๕๖๓"]
    markdown_table = next(t for t in tables if t[0] == ["ตัวชี้วัด", "ปี ๒๕๖๐", "ปี ๒๕๖๓"])
    assert markdown_table[3] == ["ผู้เข้าร่วมกิจกรรม (คนต่อปี)", "๖๐๐", "๑,๘๒๐"]
    assert any(row[0] == "คณะประมง มหาวิทยาลัยเกษตรศาสตร์" and row[1] == "สถาบันการศึกษา" for t in tables for row in t)
    assert ["หน่วยงาน", "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดสมุทรสงคราม"] in tables[0]
    assert len(document.inline_shapes) == 1
    blob = next(r for r in document.part.rels.values() if "image" in r.reltype).target_part.blob
    assert blob == (province / "projects" / "mangrove-plot.png").read_bytes()


def test_sarabun_16pt_for_complex_script_and_a_page_number_field(province: Path) -> None:
    code, _, err = run(["export", "--to", "docx", "projects/wastewater.yaml"], province)
    assert code == 0, err
    document = docx.Document(str(province / "build" / "docx" / "wastewater.docx"))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for rpr in (defaults, document.styles["Normal"].element.rPr):
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:cs")) == "Sarabun" and fonts.get(qn("w:ascii")) == "Sarabun"
        assert rpr.find(qn("w:szCs")).get(qn("w:val")) == "32" and rpr.find(qn("w:sz")).get(qn("w:val")) == "32"
    heading = document.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading.get(qn("w:cs")) == "Sarabun" and heading.get(qn("w:asciiTheme")) is None
    for paragraph in document.paragraphs:
        for r in paragraph.runs:
            assert r._r.rPr.find(qn("w:rFonts")).get(qn("w:cs")) == "Sarabun"
            order = [child.tag.removeprefix(W) for child in r._r.rPr]
            assert order == sorted(order, key=["rFonts", "b", "bCs", "i", "iCs", "sz", "szCs", "lang"].index)
    footer = document.sections[0].footer._element
    fields = footer.findall(f".//{W}fldSimple")
    assert [f.get(qn("w:instr")) for f in fields] == ["PAGE"]
