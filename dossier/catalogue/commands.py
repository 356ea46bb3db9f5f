"""The words of the commands themselves, in Thai and English: the help of every option
(:data:`HELP`, shown as ``English / ไทย``) and the phrases the commands print around the
diagnostics, prompts, progress lines and table headings (:data:`TEXT`, ``str.format`` templates
filled as given: numbers keep the digits the command passes)."""

from __future__ import annotations

from dossier.catalogue.entry import Entry

HELP: dict[str, Entry] = {
    "out": Entry("โฟลเดอร์ผลลัพธ์", "Output folder (default: build/ in the repository)."),
    "jobs": Entry("จำนวนงานที่ทำพร้อมกัน", "Worker processes (default: the number of CPUs)."),
    "force": Entry("สร้างใหม่ทั้งหมด", "Rebuild everything, even what is up to date."),
    "draft": Entry("สร้างฉบับร่างของโครงการที่ยังไม่ผ่านการตรวจ", "Also render projects with errors, as drafts (<name>.draft.pdf, watermarked, problems listed at the end)."),
    "book": Entry("สร้างเล่มรวมผลงานของจังหวัด", "Make the province's book <province>-<edition>.pdf (default: when no PATHS are given)."),
    "pdf-variant": Entry("มาตรฐาน PDF", "PDF standard claimed (none: plain tagged PDF)."),
    "null": Entry("คั่นด้วย NUL", "Separate names with NUL (for xargs -0)."),
    "lang": Entry("ภาษาของข้อความ", "Language of messages."),
    "check": Entry("ตรวจว่าไฟล์เป็นปัจจุบัน", "Write nothing; exit 1 if the committed file is stale."),
    "strict": Entry("ถือว่าคำเตือนเป็นข้อผิดพลาด", "Treat warnings as errors (exit 1)."),
    "quiet": Entry("แสดงเฉพาะปัญหา", "Only problems, no progress or summary."),
    "common-lang": Entry("ภาษาของข้อความ", "Language of messages (default: from the locale, Thai first)."),
    "diff-out": Entry("โฟลเดอร์รายงาน", "Report folder (default: build/diff)."),
    "to": Entry("รูปแบบ", "xlsx/csv/json: the province summary; form: the online form's text; docx: a Word file per project."),
    "export-out": Entry("ปลายทาง", "Output file (summary; - for standard output) or folder (form, docx). Default: build/summary.<ext>, build/form/, build/docx/."),
    "export-lang": Entry("ภาษา", "Language of messages."),
    "export-strict": Entry("ถือว่าเกินขีดจำกัดเป็นข้อผิดพลาด", "Exit 1 when a form field is over its limit."),
    "import-out": Entry("ไฟล์โครงการใหม่", "The new project file (default: projects/<FILE's name>.yaml); never overwritten."),
    "agency": Entry("รหัสหน่วยงาน", "Agency id from dossier.yaml."),
    "type": Entry("ประเภทรางวัล", "Award type."),
    "province": Entry("ชื่อจังหวัด", "Province name in Thai, e.g. น่าน."),
    "edition": Entry("ปีรางวัล (พ.ศ.)", "Award edition (B.E.), default: the newest built-in rules."),
    "cutoff": Entry("วันตัดยอด", "Cut-off date, default: 31 ธันวาคม of the year before the edition."),
    "deadline": Entry("กำหนดส่งผลงาน", "Submission deadline (optional)."),
    "numerals": Entry("รูปแบบตัวเลข", "Numerals in the documents."),
    "office": Entry("ชื่อสำนักงานผู้รวบรวม", "The coordinating office's name."),
    "init-agency": Entry("หน่วยงาน", "An agency as ID=NAME (repeat the option)."),
    "github-org": Entry("องค์กรใน GitHub", "GitHub organisation: reviewers become @ORG/ID and @ORG/office."),
    "interactive": Entry("ถามข้อมูลที่ขาด", "Ask for what is missing (default: only at a terminal)."),
    "new-type": Entry("ประเภทรางวัล", "Award type: slug or Thai name."),
    "title": Entry("ชื่อผลงาน", "Title of the work."),
    "slug": Entry("ชื่อไฟล์", "File name without .yaml (default: AGENCY-TYPE)."),
    "contact": Entry("ผู้ประสานงาน", "Contact person (optional)."),
    "phone": Entry("โทรศัพท์", "Contact's phone (optional)."),
    "email": Entry("อีเมล", "Contact's e-mail (optional)."),
    "started": Entry("วันเริ่มดำเนินการ", "Start date, e.g. '1 มิถุนายน 2561' (optional)."),
    "schema-out": Entry("เขียนลงไฟล์", "Write to FILE instead of printing."),
    "schema-check": Entry("ตรวจว่าไฟล์เป็นปัจจุบัน", "With -o: write nothing; exit 1 if FILE is stale."),
    "host": Entry("ที่อยู่ที่เปิดให้เข้าดู", "Address to listen on (the default is this computer only)."),
    "port": Entry("พอร์ต", "Port (0: any free one)."),
    "serve-draft": Entry("สร้างฉบับร่างของโครงการที่ยังไม่ผ่าน", "Render projects that do not pass yet as drafts."),
    "serve-book": Entry("สร้างเล่มรวมด้วย", "Also make the province's book (default: when no PATHS are given)."),
    "open": Entry("เปิดหน้าเว็บให้อัตโนมัติ", "Open the page in the web browser."),
    "serve-lang": Entry("ภาษา", "Language of messages and of the page (default: from the locale, Thai first)."),
    "format": Entry("รูปแบบผลลัพธ์", "text for people, json for tools, html for a one-page board."),
    "status-out": Entry("เขียนลงไฟล์", "Write to FILE (html default: build/status.html)."),
    "today": Entry("นับจากวันที่", "Count days to the deadline from DATE (any date form; default: today)."),
    "status-lang": Entry("ภาษา", "Language."),
    "changed": Entry("ตรวจเฉพาะไฟล์ที่เปลี่ยนเทียบกับกิ่ง BASE", "Only the project files changed against the git ref BASE (all of them when rules/, templates/ or dossier.yaml changed)."),
    "validate-draft": Entry("ส่วนที่ยังต้องเขียนเป็นคำเตือน ไม่ใช่ข้อผิดพลาด", "Parts still to write (keys left empty, as `dossier new` writes them) are warnings, not errors."),
    "fix": Entry("แก้คำที่พิมพ์ผิดแบบในไฟล์ให้อัตโนมัติ", "Rewrite the files to correct Thai typing errors (ํ+า → ำ, เ+เ → แ, tone mark order, doubled marks, invisible characters) and save them as UTF-8."),
}

TEXT: dict[str, Entry] = {
}
