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
}
