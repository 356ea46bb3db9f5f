"""The domain: a project file and the province file, as typed dataclasses.

These classes are the single source of truth for the format: the converter reads YAML into
them, the JSON Schema for editors is generated from them, and templates render them. Fields
are optional here; which ones an award type requires is data in the rules file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from dossier.model.types import Amount, Count, Email, Markdown, Phone, ThaiDate, Year, meta

Sector = Literal["government", "private", "civil-society", "community", "academic"]
SECTOR_ALIASES = {
    "ภาครัฐ": "government", "รัฐ": "government", "หน่วยงานรัฐ": "government",
    "เอกชน": "private", "ภาคเอกชน": "private", "ธุรกิจ": "private",
    "ประชาสังคม": "civil-society", "ภาคประชาสังคม": "civil-society", "มูลนิธิ": "civil-society",
    "ชุมชน": "community", "ภาคประชาชน": "community", "ประชาชน": "community",
    "วิชาการ": "academic", "สถาบันการศึกษา": "academic", "มหาวิทยาลัย": "academic",
}
Level = Literal["inform", "consult", "involve", "collaborate", "empower"]
LEVEL_ALIASES = {
    "ให้ข้อมูล": "inform", "รับฟังความคิดเห็น": "consult", "ปรึกษาหารือ": "consult",
    "เข้ามาเกี่ยวข้อง": "involve", "ร่วมมือ": "collaborate", "ความร่วมมือ": "collaborate",
    "เสริมพลัง": "empower", "เสริมอำนาจ": "empower",
}
Status = Literal["ongoing", "completed"]
STATUS_ALIASES = {"ดำเนินการอยู่": "ongoing", "ยังดำเนินการอยู่": "ongoing", "สิ้นสุดแล้ว": "completed"}
AwardLevel = Literal["ดีเด่น", "ดี"]
AWARD_LEVEL_ALIASES = {"ระดับดีเด่น": "ดีเด่น", "ระดับดี": "ดี", "outstanding": "ดีเด่น", "good": "ดี"}
NumeralStyle = Literal["thai", "arabic"]
NUMERAL_ALIASES = {"ไทย": "thai", "เลขไทย": "thai", "อารบิก": "arabic", "เลขอารบิก": "arabic"}


@dataclass
class Contact:
    name: str = meta("ชื่อผู้ประสานงาน", "contact person", required=True, example="นางสาวสมศรี ใจดี")
    position: str = meta("ตำแหน่ง", "position")
    phone: Phone = meta("โทรศัพท์", "phone", example="0 3471 3309")
    email: Email = meta("อีเมล", "e-mail", example="somsri@example.go.th")


@dataclass
class Partner:
    name: str = meta("ชื่อภาคีเครือข่าย", "partner's name", required=True)
    sector: Sector = meta("ภาคส่วน", "sector", aliases=SECTOR_ALIASES)
    role: str = meta("บทบาท", "role")


@dataclass
class Indicator:
    name: str = meta("ชื่อตัวชี้วัด", "indicator", required=True)
    unit: str = meta("หน่วยนับ", "unit", example="ไร่")
    baseline: Amount = meta("ค่าฐาน (ก่อนดำเนินการ)", "baseline (before)")
    target: Amount = meta("ค่าเป้าหมาย", "target")
    result: Amount = meta("ผลการดำเนินงาน", "result")
    year: Year = meta("ปีที่วัดผล (พ.ศ.)", "year measured (B.E.)")
    source: str = meta("แหล่งข้อมูล", "data source")


@dataclass
class Beneficiaries:
    households: Count = meta("จำนวนครัวเรือน", "households")
    people: Count = meta("จำนวนคน", "people")
    note: str = meta("หมายเหตุ", "note", length="note")


@dataclass
class BudgetLine:
    source: str = meta("แหล่งงบประมาณ", "source of funds", required=True)
    amount: Amount = meta("จำนวนเงิน (บาท)", "amount (baht)", required=True)
    year: Year = meta("ปีงบประมาณ (พ.ศ.)", "fiscal year (B.E.)")


@dataclass
class Photo:
    file: str = meta("ไฟล์ภาพ (ในคลังเอกสาร)", "image file (inside the repository)", required=True)
    caption: str = meta("คำบรรยายภาพ", "caption", length="note")


@dataclass
class PreviousAward:
    year: Year = meta("ปีที่ได้รับรางวัล (พ.ศ.)", "year of the award (B.E.)", required=True)
    award_type: str = meta("ประเภทรางวัล", "award type")
    level: AwardLevel = meta("ระดับรางวัล", "level", aliases=AWARD_LEVEL_ALIASES)
    title: str = meta("ชื่อผลงานที่ได้รับรางวัล", "title of the awarded work", length="title")


@dataclass
class Leader:
    name: str = meta("ชื่อผู้นำ", "leader's name", required=True)
    position: str = meta("ตำแหน่ง", "position")
    agency: str = meta("สังกัด", "organisation")


@dataclass
class Project:
    title: str = meta("ชื่อผลงาน", "title", length="title")
    award_type: str = meta("ประเภทรางวัล", "award type")
    agency: str = meta("หน่วยงานเจ้าของผลงาน (รหัสใน dossier.yaml)", "agency (id in dossier.yaml)")
    contact: Contact = meta("ผู้ประสานงาน", "contact")
    started: ThaiDate = meta("วันเริ่มดำเนินการ", "start date", example="1 มิถุนายน 2561")
    ended: ThaiDate = meta("วันสิ้นสุด (ถ้ามี)", "end date (if any)")
    status: Status = meta("สถานะ", "status", aliases=STATUS_ALIASES)
    area: list[str] = meta("พื้นที่ดำเนินการ", "area")
    new_areas: list[str] = meta("พื้นที่ขยายผลใหม่", "new areas the work was scaled to")
    participation_level: Level = meta("ระดับการมีส่วนร่วม (IAP2)", "participation level (IAP2)", aliases=LEVEL_ALIASES)
    partners: list[Partner] = meta("ภาคีเครือข่าย", "partners")
    indicators: list[Indicator] = meta("ตัวชี้วัดผลสัมฤทธิ์", "indicators of impact")
    beneficiaries: Beneficiaries = meta("ผู้ได้รับประโยชน์", "beneficiaries")
    budget: list[BudgetLine] = meta("งบประมาณ", "budget")
    summary: Markdown = meta("บทสรุปผลงาน", "summary")
    sections: dict[str, Markdown] = meta("เนื้อหาผลงาน", "narrative sections")
    photos: list[Photo] = meta("ภาพประกอบ", "photos")
    previous_awards: list[PreviousAward] = meta("รางวัลที่เคยได้รับ", "previous awards")
    leader: Leader = meta("ผู้นำการเปลี่ยนแปลง", "nominated leader")
    keywords: list[str] = meta("คำสำคัญ", "keywords")


@dataclass
class Agency:
    id: str = meta("รหัสหน่วยงาน", "agency id", required=True)
    name: str = meta("ชื่อหน่วยงาน", "agency name", required=True)
    reviewers: list[str] = meta("ผู้ตรวจ (GitHub)", "reviewers (GitHub)", default_factory=list)


@dataclass
class Office:
    name: str = meta("ชื่อสำนักงานผู้รวบรวม", "coordinating office")
    phone: Phone = meta("โทรศัพท์", "phone")
    reviewers: list[str] = meta("ผู้ตรวจ (GitHub)", "reviewers (GitHub)", default_factory=list)


@dataclass
class Province:
    province: str = meta("จังหวัด", "province", required=True)
    edition: Year = meta("ปีรางวัล (พ.ศ.)", "award edition (B.E.)", required=True)
    cutoff: ThaiDate = meta("วันตัดยอดระยะเวลาดำเนินการ", "cut-off date for the running time", required=True)
    deadline: ThaiDate = meta("กำหนดส่งผลงาน", "submission deadline")
    numerals: NumeralStyle = meta("รูปแบบตัวเลข", "numerals", aliases=NUMERAL_ALIASES)
    office: Office = meta("สำนักงานผู้รวบรวม", "coordinating office")
    agencies: list[Agency] = meta("หน่วยงาน", "agencies", default_factory=list)
    rules: dict[str, dict[str, Any]] = meta("ปรับค่าเกณฑ์", "rule overrides", default_factory=dict)
