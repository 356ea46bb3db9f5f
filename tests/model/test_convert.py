"""The model stage on its own: a loaded tree becomes typed dataclasses, what people type is read
(Thai digits, thousands separators, Thai aliases, Buddhist-era dates), and every wrong value is a
problem at its own line while the rest of the project is still read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dossier.load import load_text
from dossier.model import Project, Province, read_model

PROJECT = """\
title: ธนาคารขยะชุมชนบ้านหนองแดง
award_type: participation-results
agency: cdd
status: ยังดำเนินการอยู่
started: ๑ มิ.ย. ๒๕๖๑
participation_level: ร่วมมือ
partners:
  - {name: อบต.หนองแดง, sector: ภาครัฐ}
  - {name: กลุ่มอาสาสมัครบ้านหนองแดง, sector: ชุมชน}
indicators:
  - {name: ขยะที่คัดแยกได้, unit: กิโลกรัม, baseline: "๑,๒๐๐", target: 5 000, result: 7450.5, year: ๒๕๖๓}
"""


SECTIONS = ("background", "concept", "objectives", "model", "collaboration", "results", "sustainability")


def read(text: str, cls: type = Project):  # -> Read
    return read_model(load_text(text, "p.yaml"), cls, sections=SECTIONS)


def test_what_people_type_is_read_into_typed_values() -> None:
    result = read(PROJECT)
    assert result.diagnostics == []
    project = result.value
    assert project.status == "ongoing" and project.participation_level == "collaborate"
    assert project.started.date == dt.date(2018, 6, 1)
    assert [p.sector for p in project.partners] == ["government", "community"]
    indicator = project.indicators[0]
    assert (indicator.baseline, indicator.target, indicator.result) == (Decimal(1200), Decimal(5000), Decimal("7450.5"))
    assert indicator.year == 2563


def test_each_wrong_value_is_a_problem_at_its_line_and_the_rest_is_still_read() -> None:
    text = PROJECT.replace("status: ยังดำเนินการอยู่", "status: กำลังทำ").replace(
        "started: ๑ มิ.ย. ๒๕๖๑", "started: 31 กุมภาพันธ์ 2561").replace('baseline: "๑,๒๐๐"', "baseline: หนึ่งพัน")
    result = read(text)
    found = {(d.line, d.code) for d in result.diagnostics}
    assert {line for line, _ in found} == {4, 5, 11}, found
    assert result.value.title == "ธนาคารขยะชุมชนบ้านหนองแดง" and len(result.value.partners) == 2
    assert result.value.status is None and result.value.started is None


def test_a_misspelt_key_is_told_the_right_one_at_its_own_column() -> None:
    result = read(PROJECT + "sections:\n  backgroud: ความเป็นมา\n")
    (problem,) = result.diagnostics
    assert (problem.code, problem.line, problem.column) == ("unknown-key", 13, 3)
    assert 'did you mean "background"' in problem.message("en")


def test_a_list_where_a_mapping_belongs_says_what_was_expected() -> None:
    result = read(PROJECT.replace("partners:\n", "contact:\n  - นายสมชาย\npartners:\n"))
    (problem,) = result.diagnostics
    assert problem.code == "wrong-type" and problem.line == 8


def test_a_number_with_a_comma_inside_braces_is_explained_not_called_an_unknown_key() -> None:
    result = read(PROJECT.replace("result: 7450.5", "result: 7,450.5"))
    (problem,) = result.diagnostics
    assert (problem.code, problem.line) == ("number-comma-in-braces", 11)
    assert '",450.5" became a key of its own' in problem.message("en") and '"7,450"' in problem.hint("en")


def test_the_province_file_reads_its_dates_and_numerals_alias() -> None:
    result = read("province: น่าน\nedition: ๒๕๖๔\ncutoff: 2563-12-31\nnumerals: เลขอารบิก\n"
                  "agencies:\n  - {id: cdd, name: สำนักงานพัฒนาชุมชนจังหวัดน่าน}\n", Province)
    assert result.diagnostics == []
    province = result.value
    assert (province.edition, province.numerals) == (2564, "arabic")
    assert province.cutoff.date == dt.date(2020, 12, 31)
    assert province.agencies[0].id == "cdd"
