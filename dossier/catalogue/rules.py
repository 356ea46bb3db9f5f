"""Messages of the award rules' checks, in Thai and English."""

from __future__ import annotations

from dossier.catalogue.entry import Entry

MESSAGES: dict[str, Entry] = {
    # --- award rules ---------------------------------------------------------------------------
    "missing-field": Entry(
        "ยังไม่มี \"{field}\" ({label_th}) ซึ่งประเภท{type_th}ต้องมี", "\"{field}\" ({label_en}) is missing; the type {type_en} requires it",
        "เพิ่มบรรทัด {field}: ... (ไฟล์ที่ dossier new สร้างมีทุกหัวข้อพร้อมคำแนะนำ)",
        "add a line `{field}: ...` (a file made by `dossier new` has every key, with what to put there)",
    ),
    "missing-section": Entry(
        "ยังไม่มีหัวข้อ \"{label_th}\" (sections.{section}) ซึ่งประเภท{type_th}ต้องมี",
        "section \"{section}\" ({label_en}) is missing; the type {type_en} requires it",
        "เพิ่มใต้ sections: บรรทัด   {section}: | แล้วเขียนเนื้อหาย่อหน้าเข้าไป", "add `{section}: |` under `sections:` with the text indented below it",
    ),
    "section-to-write": Entry(
        "หัวข้อ \"{label_th}\" (sections.{section}) ยังต้องเขียน", "section \"{section}\" ({label_en}) is still to write",
        "{prompt_th}", "{prompt_en}",
    ),
    "field-to-write": Entry(
        "\"{field}\" ({label_th}) ยังต้องเขียน", "\"{field}\" ({label_en}) is still to write",
        "เติมข้อมูลต่อจาก {field}: ตามคำแนะนำในไฟล์ (ฉบับร่างสร้างได้ด้วย dossier build --draft)",
        "fill in `{field}:` as the comments in the file say (a draft builds with `dossier build --draft`)",
    ),
    "running-too-short": Entry(
        "โครงการนี้เริ่ม {started} ดำเนินการมา {duration_th} ณ วันตัดยอด {cutoff} ต้องไม่น้อยกว่า {required_th}",
        "the project started {started} and has run {duration_en} at the cut-off {cutoff}; it must have run at least {required_en}",
        "ตรวจวันเริ่มโครงการ (started) หากถูกต้อง ผลงานนี้ยังส่งประกวดปีนี้ไม่ได้",
        "check `started`; if it is right, the work is not yet eligible this year",
    ),
    "started-in-future": Entry(
        "วันเริ่มโครงการ {started} อยู่หลังวันตัดยอด {cutoff}", "the start date {started} is after the cut-off {cutoff}",
        "ตรวจปี พ.ศ./ค.ศ. ของวันเริ่มโครงการ", "check the year (B.E. vs C.E.) of `started`",
    ),
    "not-running": Entry(
        "สถานะโครงการเป็น \"{value}\" แต่ผลงานต้องยังดำเนินการอยู่", "the status is \"{value}\", but the work must still be running",
        "ถ้ายังดำเนินการอยู่ ให้แก้เป็น status: ongoing", "if it is still running, write `status: ongoing`",
    ),
    "too-few-items": Entry(
        "\"{field}\" มี {count} รายการ ต้องมีอย่างน้อย {minimum} ({label_th})",
        "\"{field}\" has {count} entries; at least {minimum} are needed ({label_en})",
        "เพิ่มรายการใน {field}", "add entries to `{field}`",
    ),
    "indicator-no-result": Entry(
        "ตัวชี้วัด \"{name}\" ยังไม่มีผลการดำเนินงาน (result)", "indicator \"{name}\" has no result",
        "ใส่ผลที่วัดได้จริงในช่อง result ซึ่งเป็นหลักฐานผลกระทบ", "add the measured result: it is the evidence of impact",
    ),
    "too-few-sectors": Entry(
        "ภาคีเครือข่ายมาจาก {count} ภาคส่วน ({sectors}) ประเภท{type_th}ควรมีอย่างน้อย {minimum} ภาคส่วน",
        "partners come from {count} sector(s) ({sectors}); the type {type_en} needs at least {minimum}",
        "เพิ่มภาคีจากภาคส่วนอื่น (government, private, civil-society, community, academic)",
        "add partners from other sectors (government, private, civil-society, community, academic)",
    ),
    "participation-level-mismatch": Entry(
        "ระดับการมีส่วนร่วม \"{value}\" ไม่ตรงกับประเภท{type_th} ซึ่งมักอยู่ที่ระดับ {allowed}",
        "participation level \"{value}\" does not fit the type {type_en}, usually {allowed}",
        "ตรวจว่าส่งประกวดถูกประเภทหรือไม่", "check that the work is entered under the right type",
    ),
    "text-over-limit": Entry(
        "\"{field}\" ยาว {length} ตัวอักษร เกินเกณฑ์ {limit} ตัวอักษร ({label_th})",
        "\"{field}\" has {length} characters, over the limit of {limit} ({label_en})",
        "ย่อให้กระชับ หรือให้สำนักงานจังหวัดปรับเกณฑ์ใน dossier.yaml หากแบบฟอร์มจริงอนุญาต",
        "shorten it, or have the office raise the limit in dossier.yaml if the official form allows more",
    ),
    "pages-over-limit": Entry(
        "\"{label_th}\" ({field}) ยาว {pages} หน้าในเอกสาร PDF เกินเกณฑ์ {limit} หน้า",
        "\"{field}\" ({label_en}) takes {pages} pages in the PDF, over the limit of {limit}",
        "ย่อเนื้อหาให้กระชับ ลดตารางหรือภาพ หรือให้สำนักงานจังหวัดปรับเกณฑ์ใน dossier.yaml หากแบบฟอร์มจริงอนุญาต",
        "shorten the text, tables or photos, or have the office raise the limit in dossier.yaml if the official form allows more",
    ),
    "document-over-pages": Entry(
        "เอกสารผลงานยาว {pages} หน้า (ไม่นับปกและสารบัญ) เกินเกณฑ์ {limit} หน้า",
        "the dossier takes {pages} pages (cover and contents not counted), over the limit of {limit}",
        "ย่อหัวข้อที่ยาวที่สุดก่อน หรือให้สำนักงานจังหวัดปรับเกณฑ์ใน dossier.yaml หากแบบฟอร์มจริงอนุญาต",
        "shorten the longest sections first, or have the office raise the limit in dossier.yaml if the official form allows more",
    ),
    "resource-refused": Entry(
        "ไม่ได้ใส่ {url} ในเอกสาร PDF: {reason}", "{url} was left out of the PDF: {reason}",
        "ใช้เฉพาะไฟล์ภาพในคลังเอกสาร อ้างตำแหน่งเทียบกับไฟล์โครงการ", "use image files inside the repository, relative to the project file",
    ),
    "font-fallback": Entry(
        "มีตัวอักษรที่ฟอนต์ Sarabun ไม่มี จึงพิมพ์ด้วยฟอนต์ {fonts} ของเครื่องแทน", "some characters are missing from Sarabun and were printed in this machine's {fonts}",
        "หาอักขระพิเศษ (สัญลักษณ์ ตัวอักษรต่างภาษา) ในไฟล์แล้วแทนด้วยข้อความ", "find the special characters (symbols, other scripts) and write them as words",
    ),
    "source-attachment": Entry(
        "ข้อมูลต้นฉบับ {name} ที่ใช้สร้างเอกสารนี้", "the source file {name} this document was made from",
    ),
    "agency-no-reviewers": Entry(
        "หน่วยงาน \"{agency}\" ยังไม่มีผู้ตรวจ (reviewers) ใน dossier.yaml", "agency \"{agency}\" has no reviewers in dossier.yaml",
        "เพิ่ม reviewers: [\"@องค์กร/ทีม\"] ให้หน่วยงานนี้", "add `reviewers: [\"@org/team\"]` to the agency",
    ),
    "rules-invalid": Entry(
        "ไฟล์เกณฑ์รางวัลไม่ถูกต้อง: {problem}", "the award rules file is invalid: {problem}",
        "แก้ไฟล์เกณฑ์ตามตัวอย่าง rules/2564.yaml", "fix it following the built-in rules/2564.yaml",
    ),
    "rules-missing": Entry(
        "ไม่มีไฟล์เกณฑ์ของปีรางวัล {edition}", "no award rules for edition {edition}",
        "ปีที่มี: {available} หรือเพิ่มไฟล์ rules/{edition}.yaml ที่มี extends: ปีเดิม แล้วเขียนเฉพาะที่เปลี่ยน", "available: {available}; or add rules/{edition}.yaml with extends: an earlier edition and only what changes",
    ),
    "rule-unknown-override": Entry(
        "ไม่มีเกณฑ์ชื่อ \"{value}\" ให้ปรับ{suggest_th}", "no rule \"{value}\" to override{suggest_en}",
        "เกณฑ์ที่มี: {allowed}", "rules: {allowed}",
    ),
    "rule-unknown-param": Entry(
        "เกณฑ์ {rule} ไม่มีค่า \"{value}\" ให้ปรับ{suggest_th}", "the rule {rule} has no parameter \"{value}\"{suggest_en}",
        "ค่าที่ปรับได้: {allowed}", "its parameters: {allowed}",
    ),
    "rule-bad-param": Entry(
        "ค่า {param} ของเกณฑ์ {rule} ใช้ไม่ได้: \"{value}\"", "the {param} of the rule {rule} cannot be \"{value}\"",
        "ต้องเป็น{kind_th}", "it must be {kind_en}",
    ),
    "rule-missing-param": Entry(
        "เกณฑ์ {rule} ต้องมีค่า {param}", "the rule {rule} needs its parameter {param}",
        "เพิ่ม {param}: ใต้ params: ของเกณฑ์ ({kind_th})", "add {param}: under the rule's params: ({kind_en})",
    ),
    "rule-override-shape": Entry(
        "การปรับเกณฑ์ {rule} ต้องเขียนเป็นชุดหัวข้อ", "the override of {rule} must be a mapping",
        "เขียนแบบ summary-length: {{max: 4000}} หรือ poverty-sectors: {{severity: error}}",
        "write it as summary-length: {{max: 4000}} or poverty-sectors: {{severity: error}}",
    ),
    "rules-edition-mismatch": Entry(
        "ไฟล์เกณฑ์ {file} ระบุปีรางวัล {declared} แต่ใช้เป็นเกณฑ์ของปี {edition}",
        "the rules file {file} says edition {declared} but is used as the rules of edition {edition}",
        "แก้ edition: ในไฟล์ให้เป็น {edition} (ชื่อไฟล์ dossier.yaml และไฟล์เกณฑ์ต้องตรงกัน) เพื่อให้ปกและเล่มรวมพิมพ์ปีที่ถูกต้อง",
        "set edition: to {edition} in the file: its name, dossier.yaml and the file must agree, so covers and the book print the right year",
    ),
    "rules-bad-extends": Entry(
        "ขยายจากเกณฑ์ปี {base} ไม่ได้ (ต้องเป็นปีก่อน {edition} ที่มีไฟล์เกณฑ์)",
        "cannot extend the rules of {base}: it must be an edition before {edition} that has rules",
        "ปีที่ใช้ได้: {available}", "editions to extend: {available}",
    ),
}
