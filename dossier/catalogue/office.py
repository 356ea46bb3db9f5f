"""Messages of the office formats (``dossier import``, ``dossier export``), in Thai and English."""

from __future__ import annotations

from dossier.catalogue.entry import Entry

MESSAGES: dict[str, Entry] = {
    "office-rules-invalid": Entry(
        "ข้อมูลแบบฟอร์มหรือหัวข้อสำหรับนำเข้าในไฟล์เกณฑ์ไม่ถูกต้อง: {problem}",
        "the form or import-heading data of the rules file is wrong: {problem}",
        "แก้ค่าที่ตำแหน่งนี้ในไฟล์เกณฑ์ (import_headings: หรือ form:)", "correct the value at this place (import_headings: or form:)",
    ),
    "form-over-limit": Entry(
        "ช่อง \"{field_th}\" ของแบบฟอร์มออนไลน์ยาว {count} {measure_th} เกินขีดจำกัด {limit}",
        "the online form's field \"{field_en}\" has {count} {measure_en}, over its limit of {limit}",
        "ตัดข้อความส่วนนี้ให้สั้นลง หรือแก้ขีดจำกัดใน form: ของไฟล์เกณฑ์ถ้าแบบฟอร์มเปลี่ยน",
        "shorten this text, or correct the limit in the rules file's form: if the form changed",
    ),
    "import-exists": Entry(
        "มี {path} อยู่แล้ว การนำเข้าไม่เขียนทับไฟล์เดิม", "{path} already exists: import never overwrites a file",
        "ตั้งชื่อไฟล์ใหม่ด้วย -o projects/ชื่อใหม่.yaml หรือย้ายไฟล์เดิมออกก่อน", "name another file with -o projects/new-name.yaml, or move the existing one away first",
    ),
    "import-unreadable": Entry(
        "อ่านไฟล์ Word {path} ไม่ได้: {reason}", "cannot read the Word file {path}: {reason}",
        "เปิดไฟล์ใน Word แล้วบันทึกเป็นชนิด .docx (Word Document) แล้วนำเข้าใหม่", "open it in Word, save it as a .docx (Word Document) and import that",
    ),
    "import-unmapped": Entry(
        "{place} (ใต้หัวข้อ \"{heading}\") ไม่ได้นำเข้า: {text}", "{place} (under the heading \"{heading}\") was not imported: {text}",
        "คัดลอกส่วนนี้ไปใส่ในหัวข้อที่ถูกต้องของไฟล์โครงการเอง หรือตั้งชื่อหัวข้อใน Word ให้ตรงกับ import_headings: ของไฟล์เกณฑ์",
        "copy it into the right part of the project file yourself, or name the Word heading as in the rules file's import_headings:",
    ),
    "import-cleaned": Entry(
        "แก้อักขระแปลกปลอมจาก Word {count} ตัว (อักษรไทยจากฟอนต์รุ่นเก่า ช่องว่างพิเศษ หรือตัวอักษรที่เว้นวรรคทีละตัว)",
        "{count} odd characters from Word were cleaned (old Thai font characters, special spaces, letter-spaced Thai)",
    ),
    "import-done": Entry(
        "นำเข้า {source} เป็น {path} แล้ว: {parts} ส่วน ตัวชี้วัด {indicators} รายการ ภาพ {images} ภาพ ผลการตรวจอยู่ด้านล่าง",
        "imported {source} as {path}: {parts} parts, {indicators} indicators, {images} images; the validation report follows",
    ),
}
