"""Messages of the page preview (``dossier serve``) and page diffs (``dossier diff``), in Thai and English."""

from __future__ import annotations

from dossier.catalogue.entry import Entry

MESSAGES: dict[str, Entry] = {
    "diff-no-base": Entry(
        "ไม่พบกิ่งหลักที่จะเทียบ (ลองแล้ว: {branches})", "no main branch to compare with (tried: {branches})",
        "บอกฐานที่จะเทียบเอง เช่น dossier diff origin/main หรือดึงกิ่งหลักมาก่อน (git fetch origin main)",
        "name the base yourself, e.g. dossier diff origin/main, or fetch the main branch first (git fetch origin main)",
    ),
}
