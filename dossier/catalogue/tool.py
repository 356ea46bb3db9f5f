"""Messages of the repository, the command line, the build and git, in Thai and English."""

from __future__ import annotations

from dossier.catalogue.entry import Entry

MESSAGES: dict[str, Entry] = {
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
    # --- dossier serve: its messages and the preview page's labels ---------------------------
    "serve-ready": Entry("ดูตัวอย่างได้ที่ {url}  (บันทึกไฟล์แล้วหน้าเว็บจะปรับเอง กด Ctrl+C เพื่อหยุด)",
                         "preview at {url}  (save a file and the page follows; Ctrl+C stops)"),
    "serve-rebuilt": Entry("สร้างใหม่ครั้งที่ {version}: PDF {documents} ไฟล์, ปัญหา {problems} รายการ ({seconds} วินาที)",
                           "rebuild {version}: {documents} PDFs, {problems} problems ({seconds} s)"),
    "serve-stopped": Entry("หยุดแสดงตัวอย่างแล้ว", "preview stopped"),
    "serve-port-busy": Entry(
        "เปิดพอร์ต {port} ไม่ได้: {reason}", "cannot listen on port {port}: {reason}",
        "ใช้พอร์ตอื่น เช่น dossier serve --port 8001 หรือ --port 0 ให้ระบบเลือกเอง",
        "choose another, e.g. dossier serve --port 8001, or --port 0 for any free one",
    ),
    "serve-title": Entry("ตัวอย่างเอกสาร", "preview"),
    "serve-status": Entry("สร้างล่าสุดเวลา {when} ({seconds} วินาที) ครั้งที่ {version}",
                          "last built at {when} ({seconds} s), build {version}"),
    "serve-problems": Entry("ปัญหาที่ต้องแก้", "problems to fix"),
    "serve-no-problems": Entry("ไม่พบปัญหา", "no problems"),
    "serve-documents": Entry("เอกสาร", "documents"),
    "serve-no-documents": Entry("ยังไม่มีเอกสาร: แก้ปัญหาข้างบนแล้วบันทึกไฟล์", "no documents yet: fix the problems above and save"),
    "serve-pages": Entry("{pages} หน้า", "{pages} pages"),
    "serve-draft": Entry("ฉบับร่าง", "draft"),
    "serve-book": Entry("เล่มรวมของจังหวัด", "the province's book"),
    "serve-watching": Entry("เฝ้าดูการแก้ไขใน {paths}", "watching {paths}"),
    # --- processes and signals (issue 11) ---------------------------------------------------
    "stopped-by-signal": Entry("หยุดตามคำสั่ง ({signal})", "interrupted ({signal})"),
    "lock-taken-over": Entry("การสร้างครั้งก่อน (process {pid}) จบไปโดยไม่ได้ปลดล็อก {path} (ถูกหยุดกลางคัน): "
                             "ใช้ล็อกต่อและลบไฟล์ที่ค้างแล้ว",
                             "the previous build (process {pid}) ended without releasing {path} (it was killed): "
                             "lock taken over, its leftovers removed"),
}
