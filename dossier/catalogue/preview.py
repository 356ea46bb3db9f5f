"""Messages of the page preview (``dossier serve``) and page diffs (``dossier diff``), in Thai and English."""

from __future__ import annotations

from dossier.catalogue.entry import Entry

MESSAGES: dict[str, Entry] = {
    "diff-no-base": Entry(
        "ไม่พบกิ่งหลักที่จะเทียบ (ลองแล้ว: {branches})", "no main branch to compare with (tried: {branches})",
        "บอกฐานที่จะเทียบเอง เช่น dossier diff origin/main หรือดึงกิ่งหลักมาก่อน (git fetch origin main)",
        "name the base yourself, e.g. dossier diff origin/main, or fetch the main branch first (git fetch origin main)",
    ),
    "serve-projects": Entry("โครงการ", "projects"),
    "serve-state-ok": Entry("พร้อมส่ง", "ready"),
    "serve-state-warnings": Entry("มีคำเตือน", "warnings"),
    "serve-state-errors": Entry("มีข้อผิดพลาด (ฉบับร่าง)", "errors (draft)"),
    "serve-state-broken": Entry("สร้างไม่ได้: แสดงหน้าที่ดีล่าสุด", "cannot be built: the last good pages are shown"),
    "serve-state-none": Entry("ยังไม่มีเอกสาร", "no document yet"),
    "serve-stale-pages": Entry("หน้าเหล่านี้มาจากการสร้างที่ดีครั้งล่าสุด (ครั้งที่ {version}) แก้ปัญหาด้านข้างแล้วบันทึกไฟล์",
                               "these pages are from the last good build ({version}): fix the problems beside them and save"),
    "serve-back": Entry("กลับหน้ารวม", "back to the index"),
    "serve-page": Entry("หน้า {number}", "page {number}"),
    "serve-open-pdf": Entry("เปิด PDF", "open the PDF"),
}
