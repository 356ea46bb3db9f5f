"""Every user-facing sentence, in Thai and English, in one place.

A diagnostic names a code; the code's entry holds its message and hint in both languages as
``str.format`` templates. Arguments are rendered per language: dates in the Buddhist era with
Thai month names (Thai) or with both eras (English), integers with Thai digits in Thai text,
and keys ending in ``_th``/``_en`` are picked by language.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple


class Entry(NamedTuple):
    th: str
    en: str
    hint_th: str = ""
    hint_en: str = ""


MESSAGES: dict[str, Entry] = {
    # --- reading the file ------------------------------------------------------------------
    "file-not-found": Entry(
        "ไม่พบไฟล์ {path}", "file not found: {path}",
        "ตรวจชื่อไฟล์และโฟลเดอร์อีกครั้ง", "check the file name and folder",
    ),
    "file-unreadable": Entry(
        "อ่านไฟล์ไม่ได้: {reason}", "cannot read the file: {reason}",
        "ตรวจสิทธิ์การเข้าถึงไฟล์", "check the file's permissions",
    ),
    "file-too-large": Entry(
        "ไฟล์มีขนาด {size} ไบต์ เกินขีดจำกัด {limit} ไบต์", "the file has {size} bytes, over the limit of {limit}",
        "แยกเนื้อหาหรือย่อให้สั้นลง ไฟล์โครงการปกติมีขนาดไม่เกิน ๑๐๐ กิโลไบต์",
        "shorten it: a project file is normally under 100 KB",
    ),
    "encoding-not-utf8": Entry(
        "ไฟล์นี้ไม่ได้บันทึกเป็น UTF-8 (ไบต์ที่อ่านไม่ได้อยู่ที่บรรทัดนี้)",
        "the file is not UTF-8 (the first undecodable byte is on this line)",
        "เปิดไฟล์ใน VS Code หรือ Notepad แล้วเลือก Save with Encoding → UTF-8",
        "open it in VS Code or Notepad and save it with the UTF-8 encoding",
    ),
    "encoding-converted": Entry(
        "อ่านไฟล์เป็น {encoding} แล้วแปลงเป็น UTF-8 ให้ในหน่วยความจำ", "read as {encoding} and converted to UTF-8 in memory",
        "บันทึกไฟล์ใหม่เป็น UTF-8 เพื่อให้ทุกเครื่องอ่านได้เหมือนกัน", "save the file as UTF-8 so every tool reads it the same way",
    ),
    "encoding-mojibake": Entry(
        "ข้อความภาษาไทยในไฟล์นี้เพี้ยน (เช่น \"{sample}\") น่าจะถูกแปลงรหัสอักษรซ้ำสองครั้ง",
        "the Thai text is garbled (e.g. \"{sample}\"): it was probably converted between encodings twice",
        "คัดลอกข้อความจากต้นฉบับเดิมมาวางใหม่ แล้วบันทึกเป็น UTF-8",
        "paste the text again from the original document and save as UTF-8",
    ),
    "yaml-syntax": Entry(
        "รูปแบบ YAML ไม่ถูกต้อง: {problem_th}", "invalid YAML: {problem_en}",
        "ตรวจการย่อหน้า เครื่องหมาย : และเครื่องหมายคำพูดในบรรทัดนี้และบรรทัดก่อนหน้า",
        "check the indentation, the ':' and the quotes on this line and the one before",
    ),
    "yaml-tab": Entry(
        "พบอักขระแท็บ (Tab) ใช้ย่อหน้าใน YAML ไม่ได้", "a tab character: YAML cannot be indented with tabs",
        "ลบแท็บแล้วย่อหน้าด้วยการเว้นวรรค ๒ ช่อง", "replace the tab with two spaces",
    ),
    "yaml-unclosed": Entry(
        "เปิดเครื่องหมาย {opener} ไว้แต่ไม่ได้ปิด", "{opener} is opened here but never closed",
        "ใส่เครื่องหมายปิดให้ครบ หรือเอาเครื่องหมายเปิดออก", "add the closing mark, or remove the opening one",
    ),
    "yaml-duplicate-key": Entry(
        "หัวข้อ \"{key}\" ซ้ำ (ปรากฏแล้วที่บรรทัด {first_line}) ค่าเดิมจะถูกทับโดยไม่รู้ตัว",
        "duplicate key \"{key}\" (first at line {first_line}): one value would silently replace the other",
        "รวมเนื้อหาไว้ที่หัวข้อเดียว แล้วลบอีกหัวข้อ", "merge the two into one key and delete the other",
    ),
    "yaml-alias": Entry(
        "ไม่อนุญาตให้ใช้ anchor/alias (& และ *) ในไฟล์โครงการ", "YAML anchors and aliases (& and *) are not allowed",
        "เขียนค่าซ้ำตรง ๆ แทนการอ้างอิง หากเป็นข้อความที่ขึ้นต้นด้วย * หรือ & ให้ใส่เครื่องหมายคำพูดครอบ",
        "write the value out; if it is text starting with * or &, put it in quotes",
    ),
    "yaml-too-deep": Entry(
        "ซ้อนโครงสร้างลึกเกิน {limit} ชั้น", "nested deeper than {limit} levels",
        "ไฟล์โครงการซ้อนกันไม่เกิน ๓–๔ ชั้น ตรวจการย่อหน้า", "a project file nests 3–4 levels at most: check the indentation",
    ),
    "yaml-too-many-nodes": Entry(
        "มีรายการมากเกิน {limit} รายการ", "more than {limit} items",
        "ย่อข้อมูลให้เหลือเฉพาะที่จำเป็น", "keep only what the committee needs",
    ),
    "yaml-multiple-documents": Entry(
        "ไฟล์มีหลายเอกสาร (คั่นด้วย ---) ใช้ได้เพียงเอกสารเดียว", "the file holds several YAML documents (separated by ---)",
        "หนึ่งไฟล์ต่อหนึ่งโครงการ แยกเป็นไฟล์ใหม่", "one project per file: move the others to their own files",
    ),
    "yaml-bad-key": Entry(
        "หัวข้อต้องเป็นข้อความ ไม่ใช่ {got}", "a key must be text, not {got}",
        "ใช้ชื่อหัวข้อภาษาอังกฤษตามแบบฟอร์ม", "use the English key names of the format",
    ),
    "empty-file": Entry(
        "ไฟล์ว่างเปล่า", "the file is empty",
        "คัดลอกโครงการตัวอย่างใน projects/ หรือใช้คำสั่ง dossier new", "copy an example from projects/ or run `dossier new`",
    ),
    "not-a-mapping": Entry(
        "ไฟล์โครงการต้องเป็นชุดหัวข้อ (หัวข้อ: ค่า) แต่พบ{got_th}", "a project file must be a mapping of keys to values, not {got_en}",
        "เริ่มแต่ละบรรทัดด้วยชื่อหัวข้อ เช่น title: ชื่อโครงการ (ไม่ต้องมี - นำหน้า)",
        "start lines with a key such as `title: ...` (no leading '-')",
    ),
    # --- shape of the values -----------------------------------------------------------------
    "unknown-key": Entry(
        "ไม่รู้จักหัวข้อ \"{key}\"{suggest_th}", "unknown key \"{key}\"{suggest_en}",
        "หัวข้อที่ใช้ได้: {allowed}", "allowed keys: {allowed}",
    ),
    "wrong-type": Entry(
        "\"{field}\" ต้องเป็น{expected_th} แต่พบ{got_th}", "\"{field}\" must be {expected_en}, not {got_en}",
        "ดูตัวอย่างรูปแบบใน projects/ หรือ README", "see the examples in projects/ or the README",
    ),
    "not-a-number": Entry(
        "\"{value}\" ไม่ใช่ตัวเลข", "\"{value}\" is not a number",
        "เขียนเป็นตัวเลขล้วน เช่น 1200, 1,200 หรือ ๑,๒๐๐ แล้วใส่หน่วยในช่อง unit", "write digits only (1200, 1,200 or ๑,๒๐๐); put the unit in `unit`",
    ),
    "negative-number": Entry(
        "\"{field}\" ต้องไม่ติดลบ ({value})", "\"{field}\" must not be negative ({value})",
        "ตรวจตัวเลขอีกครั้ง", "check the figure",
    ),
    "not-a-date": Entry(
        "\"{value}\" ไม่ใช่วันที่ที่อ่านได้", "\"{value}\" is not a date this tool can read",
        "เขียนเช่น 1 มิถุนายน 2561, 1 มิ.ย. 2561, 1/6/2561 หรือ 2561-06-01 (วัน/เดือน/ปี)",
        "write e.g. 1 มิถุนายน 2561, 1/6/2561 or 2561-06-01 (day before month)",
    ),
    "date-two-digit-year": Entry(
        "ปีสองหลักใน \"{value}\" กำกวม", "the two-digit year in \"{value}\" is ambiguous",
        "เขียนปีเต็ม ๔ หลัก เช่น {be}", "write the full year, e.g. {be} (B.E.)",
    ),
    "date-bad-year": Entry(
        "ปี {year} ใน \"{value}\" ไม่สมเหตุสมผล", "the year {year} in \"{value}\" is implausible",
        "ใช้ปี พ.ศ. ๔ หลัก เช่น ๒๕๖๓", "use a four-digit Buddhist-era year such as 2563",
    ),
    "date-bad-month": Entry(
        "ไม่มีเดือนที่ {month} (ใน \"{value}\")", "there is no month {month} (in \"{value}\")",
        "เรียงเป็น วัน/เดือน/ปี เช่น 1/6/2561", "write day/month/year, e.g. 1/6/2561",
    ),
    "date-bad-month-name": Entry(
        "ไม่รู้จักชื่อเดือน \"{name}\"", "unknown month name \"{name}\"",
        "ใช้ชื่อเดือนเต็ม (มิถุนายน) หรือย่อ (มิ.ย.)", "use a Thai month name (มิถุนายน) or its abbreviation (มิ.ย.)",
    ),
    "date-impossible": Entry(
        "ไม่มีวันที่ {day} {month_th} {be_year} ในปฏิทิน", "{day} {month_en} (B.E. {be_year}) does not exist",
        "ตรวจวันที่อีกครั้ง", "check the day of the month",
    ),
    "not-a-year": Entry(
        "\"{value}\" ไม่ใช่ปี", "\"{value}\" is not a year",
        "เขียนปี พ.ศ. ๔ หลัก เช่น 2563", "write a four-digit year such as 2563 (B.E.)",
    ),
    "not-an-email": Entry(
        "\"{value}\" ไม่ใช่อีเมล", "\"{value}\" is not an e-mail address",
        "เขียนเช่น somsri@example.go.th", "write e.g. somsri@example.go.th",
    ),
    "not-a-phone": Entry(
        "\"{value}\" ไม่ใช่หมายเลขโทรศัพท์ที่ติดต่อได้", "\"{value}\" is not a usable phone number",
        "เขียนเช่น 0 3471 3309, 034-713309 หรือ 081-234-5678", "write e.g. 0 3471 3309, 034-713309 or 081-234-5678",
    ),
    "bad-choice": Entry(
        "\"{value}\" ใช้ไม่ได้ใน \"{field}\"{suggest_th}", "\"{value}\" is not allowed in \"{field}\"{suggest_en}",
        "ค่าที่ใช้ได้: {allowed}", "allowed values: {allowed}",
    ),
    "unknown-award-type": Entry(
        "ไม่รู้จักประเภทรางวัล \"{value}\"{suggest_th}", "unknown award type \"{value}\"{suggest_en}",
        "ประเภทของปี {edition}: {allowed}", "the types of edition {edition}: {allowed}",
    ),
    "unknown-agency": Entry(
        "ไม่มีหน่วยงานรหัส \"{value}\" ใน dossier.yaml{suggest_th}", "no agency with id \"{value}\" in dossier.yaml{suggest_en}",
        "รหัสที่มี: {allowed} (หรือเพิ่มหน่วยงานใน dossier.yaml)", "known ids: {allowed} (or add the agency to dossier.yaml)",
    ),
    "missing-key": Entry(
        "ยังไม่มี \"{field}\" ({label_th})", "\"{field}\" ({label_en}) is missing",
        "เพิ่มบรรทัด {field}: ... ในรายการนี้", "add `{field}: ...` to this entry",
    ),
    "text-too-long": Entry(
        "\"{field}\" ยาว {length} ตัวอักษร เกินขีดจำกัดของเครื่องมือ {limit} ตัวอักษร",
        "\"{field}\" has {length} characters, over the tool's limit of {limit}",
        "ย่อเนื้อหา หรือแบ่งเป็นหลายย่อหน้าที่สั้นลง", "shorten it or split it into shorter paragraphs",
    ),
    # --- award rules ---------------------------------------------------------------------------
    "missing-field": Entry(
        "ยังไม่มี \"{field}\" ({label_th}) ซึ่งประเภท{type_th}ต้องมี", "\"{field}\" ({label_en}) is missing; the type {type_en} requires it",
        "เพิ่มบรรทัด {field}: ... (ดูตัวอย่างใน projects/)", "add a line `{field}: ...` (see the examples in projects/)",
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
        "ปีที่มี: {available} (หรือเพิ่มไฟล์ rules/{edition}.yaml)", "available: {available} (or add rules/{edition}.yaml)",
    ),
    "rule-unknown-override": Entry(
        "ไม่มีเกณฑ์ชื่อ \"{value}\" ให้ปรับ{suggest_th}", "no rule \"{value}\" to override{suggest_en}",
        "เกณฑ์ที่มี: {allowed}", "rules: {allowed}",
    ),
    # --- repository and command line ---------------------------------------------------------
    "no-repository": Entry(
        "ไม่พบ dossier.yaml ในโฟลเดอร์นี้หรือโฟลเดอร์แม่", "no dossier.yaml in this folder or any parent",
        "ไปที่โฟลเดอร์ของคลังเอกสารจังหวัด (ที่มี dossier.yaml) แล้วสั่งใหม่", "run the command in the province's repository (the folder with dossier.yaml)",
    ),
    "no-projects": Entry(
        "ไม่พบไฟล์โครงการ (*.yaml) ใน {path}", "no project files (*.yaml) in {path}",
        "สร้างโครงการด้วย dossier new", "create one with `dossier new`",
    ),
    "render-failed": Entry(
        "สร้าง PDF ไม่สำเร็จ: {reason}", "could not render the PDF: {reason}",
        "แจ้งสำนักงานจังหวัดพร้อมไฟล์นี้", "report it to the office with this file",
    ),
    "write-failed": Entry(
        "บันทึกไฟล์ {path} ไม่ได้: {reason}", "cannot write {path}: {reason}",
        "ตรวจว่าโฟลเดอร์ปลายทางเขียนได้และพื้นที่ดิสก์เหลือพอ ไฟล์เดิมยังอยู่ครบ",
        "check the output folder is writable and the disk has room; the previous file is untouched",
    ),
    "thai-typing": Entry(
        "พิมพ์ \"{typed}\" ({typed_codes}) ซึ่งดูถูกต้องบนจอแต่ค้นหา เรียงลำดับ และคัดลอกจาก PDF ไม่ได้ ควรเป็น \"{fixed}\"",
        "\"{typed}\" ({typed_codes}) looks right on screen but breaks search, sorting and copying; it should be \"{fixed}\"",
        "สั่ง dossier validate --fix เพื่อแก้ทุกจุดในไฟล์ให้อัตโนมัติ", "run `dossier validate --fix` to correct every one in the file",
    ),
    "raw-html": Entry(
        "พบคำสั่ง HTML {tag} ใน {field} ระบบจะแสดงเป็นข้อความธรรมดา ไม่ทำงานเป็น HTML",
        "raw HTML {tag} in {field}: it is shown as text, never rendered as HTML",
        "ใช้รูปแบบ Markdown แทน เช่น **ตัวหนา** หรือ - รายการ", "use Markdown instead, e.g. **bold** or - lists",
    ),
    "image-remote": Entry(
        "ภาพ {url} อยู่บนอินเทอร์เน็ต เครื่องมือไม่ดึงข้อมูลจากเครือข่าย", "the image {url} is on the network: the tool never fetches from it",
        "ดาวน์โหลดภาพมาไว้ในโฟลเดอร์ของโครงการ แล้วอ้างชื่อไฟล์ เช่น images/ภาพ.jpg", "save the image in the project's folder and name the file, e.g. images/photo.jpg",
    ),
    "image-outside": Entry(
        "ภาพ {url} อยู่นอกโฟลเดอร์ของคลังเอกสาร", "the image {url} is outside the repository",
        "ย้ายภาพมาไว้ในโฟลเดอร์ของโครงการ แล้วอ้างตำแหน่งแบบสัมพัทธ์", "move it into the project's folder and use a relative path",
    ),
    "image-missing": Entry(
        "ไม่พบไฟล์ภาพ {path}", "image file {path} not found",
        "ตรวจชื่อไฟล์ (ตัวพิมพ์เล็ก-ใหญ่มีผล) และตำแหน่งเทียบกับไฟล์โครงการ", "check the name (case matters) and that it is relative to the project file",
    ),
    "image-not-image": Entry(
        "ไฟล์ {path} ไม่ใช่ภาพ PNG, JPEG หรือ GIF", "{path} is not a PNG, JPEG or GIF image",
        "บันทึกภาพเป็น JPEG หรือ PNG", "save the picture as JPEG or PNG",
    ),
    "image-too-large": Entry(
        "ภาพ {path} มีขนาด {width}×{height} พิกเซล เกิน {limit} ล้านพิกเซล", "the image {path} is {width}×{height} pixels, over {limit} megapixels",
        "ย่อภาพให้กว้างไม่เกิน ๓,๐๐๐ พิกเซล ก็คมชัดพอสำหรับพิมพ์ A4", "resize it to at most 3,000 pixels wide: plenty for A4 print",
    ),
    "link-scheme": Entry(
        "ลิงก์ {url} ใช้ไม่ได้ จะแสดงเป็นข้อความเท่านั้น", "the link {url} is not allowed: it is shown as text only",
        "ใช้ลิงก์ที่ขึ้นต้นด้วย https:// หรือ mailto: เท่านั้น", "use https:// or mailto: links only",
    ),
    "table-too-long": Entry(
        "ตารางใน {field} มี {rows} แถว เกินขีดจำกัด {limit} แถว", "the tables in {field} have {rows} rows, over the limit of {limit}",
        "สรุปตารางให้สั้นลง หรือแนบข้อมูลเต็มเป็นเอกสารแยก", "summarise the table; attach the full data separately",
    ),
    "render-timeout": Entry(
        "สร้าง PDF ของโครงการนี้ไม่เสร็จภายใน {seconds} วินาที จึงหยุดไว้ (โครงการอื่นยังสร้างต่อ)",
        "rendering this project did not finish within {seconds} s and was stopped (the others still build)",
        "มักเกิดจากย่อหน้าหรือตารางที่ยาวมาก แบ่งให้สั้นลง", "usually a very long paragraph or table: split it",
    ),
    "render-memory": Entry(
        "สร้าง PDF ของโครงการนี้ใช้หน่วยความจำเกินขีดจำกัด จึงหยุดไว้ (โครงการอื่นยังสร้างต่อ)",
        "rendering this project went over the memory limit and was stopped (the others still build)",
        "ลดขนาดภาพหรือความยาวของตาราง", "use smaller images or shorter tables",
    ),
    "build-locked": Entry(
        "มีการสร้างเอกสารในโฟลเดอร์ {path} อยู่แล้ว (process {pid})", "another build is writing {path} (process {pid})",
        "รอให้การสร้างครั้งก่อนเสร็จ แล้วสั่งใหม่", "wait for it to finish, then build again",
    ),
    "glyph-missing": Entry(
        "ฟอนต์ไม่มีตัวอักษร {chars} จึงพิมพ์เป็นกล่องว่าง", "the font has no glyph for {chars}: it would print as a box",
        "ลบหรือแทนอักขระนั้น", "remove or replace that character",
    ),
    # --- git, pull requests and the agencies' commands (issue 7) -----------------------------
    "git-missing": Entry(
        "ไม่พบคำสั่ง git ในเครื่องนี้", "git is not installed on this machine",
        "ติดตั้ง git (เช่น apt-get install git) แล้วสั่งใหม่", "install git (e.g. apt-get install git) and run the command again",
    ),
    "git-not-a-repository": Entry(
        "{path} ไม่ได้อยู่ในคลัง git", "{path} is not inside a git repository",
        "ใช้ --changed ได้เฉพาะในคลังเอกสารที่ clone มาด้วย git", "--changed works only in a repository cloned with git",
    ),
    "git-bad-ref": Entry(
        "git ไม่รู้จัก \"{ref}\"", "git knows no \"{ref}\"",
        "ตรวจชื่อกิ่งฐาน เช่น origin/main และดึงประวัติมาก่อน (git fetch origin หรือ actions/checkout กับ fetch-depth: 0)",
        "check the base branch name (e.g. origin/main) and fetch it first (git fetch origin, or actions/checkout with fetch-depth: 0)",
    ),
    "git-failed": Entry(
        "คำสั่ง {command} ไม่สำเร็จ: {reason}", "{command} failed: {reason}",
        "สั่งคำสั่งเดียวกันเองในโฟลเดอร์นี้เพื่อดูสาเหตุ", "run the same command yourself in this folder to see why",
    ),
    "changed-none": Entry(
        "ไม่มีไฟล์โครงการที่เปลี่ยนเทียบกับ {base}", "no project file changed against {base}",
        "ไม่มีอะไรต้องตรวจ", "nothing to check",
    ),
    "changed-everything": Entry(
        "{trigger} เปลี่ยน จึงตรวจทุกโครงการ", "{trigger} changed, so every project is checked",
        "เกณฑ์ แม่แบบ หรือ dossier.yaml มีผลกับทุกโครงการ", "rules, templates and dossier.yaml affect every project",
    ),
    "file-exists": Entry(
        "มีไฟล์ {path} อยู่แล้ว จะไม่เขียนทับ", "{path} already exists: it is not overwritten",
        "เลือกชื่อไฟล์อื่นด้วย --slug หรือแก้ไขไฟล์เดิม", "choose another name with --slug, or edit the existing file",
    ),
    "bad-slug": Entry(
        "ชื่อไฟล์ \"{value}\" ใช้ไม่ได้", "\"{value}\" cannot be a file name",
        "ใช้ตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข และขีด (-) เช่น mangrove-2564", "use lower-case letters, digits and dashes, e.g. mangrove-2564",
    ),
    "option-required": Entry(
        "ต้องระบุ {option} (ไม่ได้สั่งจากหน้าจอที่ถามตอบได้)", "{option} is required when not run at a terminal",
        "ค่าที่ใช้ได้: {allowed}", "allowed values: {allowed}",
    ),
    "new-created": Entry(
        "สร้าง {path} แล้ว: เขียนเนื้อหาแต่ละหัวข้อตามคำแนะนำในไฟล์ แล้วสั่ง dossier validate {path}",
        "created {path}: write each section following the notes in the file, then run dossier validate {path}",
    ),
    "codeowners-stale": Entry(
        "{path} ไม่ตรงกับหน่วยงานและผู้ตรวจใน dossier.yaml", "{path} does not match the agencies and reviewers in dossier.yaml",
        "สั่ง dossier codeowners แล้ว commit ไฟล์ที่ได้", "run dossier codeowners and commit the result",
    ),
    "schema-stale": Entry(
        "{path} ไม่ตรงกับแบบฟอร์มและเกณฑ์ปัจจุบัน", "{path} does not match the current format and rules",
        "สั่ง dossier schema -o {path} แล้ว commit ไฟล์ที่ได้", "run dossier schema -o {path} and commit the result",
    ),
    "option-conflict": Entry(
        "ใช้ {first} ร่วมกับ {second} ไม่ได้", "{first} cannot be used together with {second}",
        "เลือกอย่างใดอย่างหนึ่ง", "choose one of them",
    ),
    "written": Entry("เขียน {path} แล้ว", "wrote {path}"),
    "up-to-date": Entry("{path} เป็นปัจจุบันแล้ว", "{path} is up to date"),
}


def _suggest(args: dict[str, Any]) -> dict[str, str]:
    suggestion = args.get("suggestion")
    if not suggestion:
        return {"suggest_th": "", "suggest_en": ""}
    return {"suggest_th": f" หมายถึง \"{suggestion}\" หรือไม่", "suggest_en": f"; did you mean \"{suggestion}\"?"}


def _render(value: Any, lang: str) -> Any:
    from dossier import thai  # local: keeps this module free of import cycles

    if isinstance(value, (thai.ThaiDate, dt.date)):
        return thai.format_date(value, "thai", short=True) if lang == "th" else thai.format_date_en(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int) and lang == "th":
        return thai.to_thai_digits(str(value))
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_render(v, lang)) for v in value)
    return value


class _Args(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(template: str, lang: str, args: dict[str, Any]) -> str:
    rendered = _Args({k: _render(v, lang) for k, v in args.items()})
    rendered.update(_suggest(args))
    return template.format_map(rendered)


def entry(code: str) -> Entry:
    return MESSAGES.get(code) or Entry(code, code)


def message(code: str, lang: str, args: dict[str, Any]) -> str:
    e = entry(code)
    return _format(e.th if lang == "th" else e.en, lang, args)


def hint(code: str, lang: str, args: dict[str, Any]) -> str:
    e = entry(code)
    return _format(e.hint_th if lang == "th" else e.hint_en, lang, args)


# Short phrases used inside messages (type names, value kinds), in both languages.
KINDS: dict[str, tuple[str, str]] = {
    "mapping": ("ชุดหัวข้อ (หัวข้อ: ค่า)", "a mapping (key: value)"),
    "list": ("รายการ (- ...)", "a list (- ...)"),
    "text": ("ข้อความ", "text"),
    "number": ("ตัวเลข", "a number"),
    "integer": ("จำนวนเต็ม", "a whole number"),
    "date": ("วันที่", "a date"),
    "year": ("ปี พ.ศ.", "a year"),
    "boolean": ("ค่าใช่/ไม่ใช่", "true/false"),
    "empty": ("ค่าว่าง", "an empty value"),
}


def kind(name: str, lang: str) -> str:
    th, en = KINDS.get(name, (name, name))
    return th if lang == "th" else en
