"""Messages about reading a file and the shape of its values, in Thai and English."""

from __future__ import annotations

from dossier.catalogue.entry import Entry

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
        "ลบแท็บแล้วเว้นวรรคแทน: {how_th}", "replace the tab with spaces: {how_en}",
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
        "เริ่มไฟล์โครงการด้วยคำสั่ง dossier new ซึ่งเขียนทุกหัวข้อพร้อมคำแนะนำให้",
        "start the project file with `dossier new`: it writes every key with what to put there",
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
        "ดูรูปแบบในคำแนะนำของไฟล์ที่ dossier new สร้าง หรือหัวข้อ The project file ใน README",
        "see the comments `dossier new` writes in the file, or \"The project file\" in the tool's README",
    ),
    "not-a-number": Entry(
        "\"{value}\" ไม่ใช่ตัวเลข", "\"{value}\" is not a number",
        "เขียนเป็นตัวเลขล้วน เช่น 1200, 1,200 หรือ ๑,๒๐๐{unit_th}", "write digits only (1200, 1,200 or ๑,๒๐๐){unit_en}",
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
    "number-comma-in-braces": Entry(
        "ตัวเลขที่มีจุลภาคอยู่ในวงเล็บปีกกา { } ถูกแยกเป็นสองส่วน (เหลือ \",{tail}\" เป็นหัวข้อใหม่)",
        "a number with a comma inside { } was split in two (\",{tail}\" became a key of its own)",
        "ใน { } จุลภาคคั่นหัวข้อ: เขียนตัวเลขโดยไม่มีจุลภาค (7450) หรือใส่เครื่องหมายคำพูด (\"7,450\")",
        "inside { } a comma separates keys: write the number without it (7450) or in quotes (\"7,450\")",
    ),
    # --- issue 14: messages that say what is true in the user's file --------------------------
    "yaml-text-indent": Entry(
        "ข้อความใต้ {key}: ย่อหน้าไม่ลึกกว่าบรรทัด {key}: (เว้นวรรค {found} ช่อง) จึงถูกอ่านเป็นหัวข้อใหม่",
        "the text under `{key}:` is not indented more than `{key}:` itself ({found} spaces), so YAML reads it as a new key",
        "เว้นวรรคหน้าทุกบรรทัดของข้อความ {need} ช่อง (มากกว่าบรรทัด {key}: ๒ ช่อง)",
        "indent every line of the text {need} spaces (2 more than the `{key}:` line)",
    ),
    "markdown-too-deep": Entry(
        "\"{field}\" ซ้อนรายการหรือข้อความอ้างอิงลึก {depth} ชั้น เกินขีดจำกัดของเครื่องมือ {limit} ชั้น",
        "\"{field}\" nests lists or quotes {depth} levels deep, over the tool's limit of {limit}",
        "ลดชั้นของรายการย่อยและเครื่องหมายอ้างอิง (>) ที่ซ้อนกัน", "use fewer levels of nested lists and quotes (>)",
    ),
    "path-outside": Entry(
        "{path} ชี้ออกไปนอกคลังเอกสาร (เป็น symlink ไปยังที่อื่น) เครื่องมือจึงไม่อ่านและไม่ใช้",
        "{path} leads outside the repository (a symlink to elsewhere): it is not read or used",
        "ใส่ไฟล์จริงไว้ในคลังเอกสารแทน symlink (git rm ลิงก์นั้น แล้วคัดลอกไฟล์มาวาง)",
        "put the real file inside the repository instead of the symlink (git rm the link, then copy the file in)",
    ),
    "not-regular-file": Entry(
        "{path} ไม่ใช่ไฟล์ธรรมดา (เป็นโฟลเดอร์ อุปกรณ์ หรือ pipe) เครื่องมือจึงไม่เปิดอ่าน",
        "{path} is not a regular file (a folder, a device or a pipe): it is not opened",
        "ใช้ไฟล์ธรรมดาที่บันทึกไว้ในคลังเอกสาร", "use an ordinary file saved in the repository",
    ),
}
