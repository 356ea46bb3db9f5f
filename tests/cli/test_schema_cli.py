"""``dossier schema``: generated from the models and rules, committed, never stale, and it
accepts what the validator accepts (the bundled projects) and rejects broken files."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from dossier.cli import main
from dossier.load import load_source, load_text, to_plain
from dossier.model import Project, Province
from dossier.rules.jsonschema import SchemaBuilder, dumps
from dossier.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "validate" / "cases"
PROJECTS = sorted((ROOT / "projects").glob("*.yaml"))
THAI = re.compile(r"[\u0e00-\u0e7f]")


@pytest.fixture(scope="module")
def builder() -> SchemaBuilder:
    ws = open_workspace(ROOT)
    return SchemaBuilder(ws.rules, ws.province, ws.limits)


@pytest.fixture(scope="module")
def validator(builder: SchemaBuilder) -> jsonschema.Draft202012Validator:
    schema = builder.project()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def plain(text: str) -> object:
    return to_plain(load_text(text, "t.yaml").root)


@pytest.mark.parametrize(("kind", "name"), [("project", "project.schema.json"), ("province", "province.schema.json")])
def test_the_committed_schemas_are_not_stale(builder: SchemaBuilder, kind: str, name: str) -> None:
    expected = dumps(builder.project() if kind == "project" else builder.province_file())
    committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
    assert committed == expected, f"schema/{name} is stale: run `dossier schema {kind} -o schema/{name}` and commit it"


def test_the_files_point_at_the_committed_schemas() -> None:
    for path in PROJECTS:
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/project.schema.json\n")
    assert (ROOT / "dossier.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=schema/province.schema.json\n")


def test_the_check_option_passes_here_and_fails_on_a_stale_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["schema", "--check", "--lang", "en"])
    assert result.exit_code == 0, result.output
    shutil.copy(ROOT / "dossier.yaml", tmp_path / "dossier.yaml")
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "project.schema.json").write_text("{}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["schema", "--check", "--lang", "en"])
    assert result.exit_code == 1 and "[schema-stale]" in result.stdout and "dossier schema -o" in result.stdout
    assert (tmp_path / "schema" / "project.schema.json").read_text(encoding="utf-8") == "{}\n"  # --check writes nothing
    result = CliRunner().invoke(main, ["schema", "-o", "schema/project.schema.json"])
    assert result.exit_code == 0
    assert json.loads((tmp_path / "schema" / "project.schema.json").read_text(encoding="utf-8"))["$schema"].endswith("2020-12/schema")


def test_printed_without_an_output_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == (ROOT / "schema" / "project.schema.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", PROJECTS, ids=[p.stem for p in PROJECTS])
def test_the_bundled_projects_validate(validator: jsonschema.Draft202012Validator, path: Path) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(to_plain(load_source(path).root))]
    assert errors == []


@pytest.mark.parametrize("path", sorted(CASES.glob("valid-*.yaml")), ids=lambda p: p.stem)
def test_the_valid_cases_validate(validator: jsonschema.Draft202012Validator, path: Path) -> None:
    assert list(validator.iter_errors(to_plain(load_source(path).root))) == []


def test_the_province_file_validates(builder: SchemaBuilder) -> None:
    schema = builder.province_file()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(to_plain(load_source(ROOT / "dossier.yaml").root), schema, jsonschema.Draft202012Validator)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"province": "สมุทรสงคราม", "edition": "2564"}, schema, jsonschema.Draft202012Validator)


BROKEN = {
    "unknown top-level key": ("title:", "titel:"),
    "unknown section key": ("  background:", "  backgroud:"),
    "award type not of the edition": ("award_type: participation-results", "award_type: เปิดใจ"),
    "agency not in dossier.yaml": ("agency: tnrs", "agency: nobody"),
    "contact as text": ("contact:\n  name: นางสาวสมศรี ใจดี\n  phone: 0 3471 3309", "contact: นางสาวสมศรี ใจดี"),
    "sector not allowed": ("sector: community", "sector: ngo"),
    "words for a number": ("baseline: 120", "baseline: ประมาณ 120 ไร่"),
    "negative number": ("result: 450", "result: -450"),
    "two-digit year": ("year: 2563", "year: 63"),
    "no partner": ("partners:\n  - {name: ชุมชนคลองโคน, sector: community}", "partners: []"),
    "a required section missing": ("  model: แบบจำลอง\n", ""),
    "status not allowed": ("status: ongoing", "status: กำลังทำ"),
    "scaling without previous awards": ("award_type: participation-results", "award_type: เลื่องลือขยายผล"),
    "a section that is a list": ("  concept: แนวคิด", "  concept: [แนวคิด]"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_files_are_rejected(validator: jsonschema.Draft202012Validator, name: str) -> None:
    valid = (CASES / "valid-minimal.yaml").read_text(encoding="utf-8")
    old, new = BROKEN[name]
    assert old in valid
    assert list(validator.iter_errors(plain(valid))) == []
    assert list(validator.iter_errors(plain(valid.replace(old, new, 1)))) != [], name


def test_thai_forms_of_values_are_accepted(validator: jsonschema.Draft202012Validator) -> None:
    valid = (CASES / "valid-minimal.yaml").read_text(encoding="utf-8")
    for old, new in [("baseline: 120", "baseline: ๑๒๐"), ("target: 400", "target: '1,400.50'"),
                     ("year: 2563", "year: ๒๕๖๓"), ("sector: community", "sector: ชุมชน"),
                     ("award_type: participation-results", "award_type: สัมฤทธิ์ผลประชาชนมีส่วนร่วม"),
                     ("status: ongoing", "status: ดำเนินการอยู่"), ("  model: แบบจำลอง", "  model: |")]:
        assert list(validator.iter_errors(plain(valid.replace(old, new)))) == [], new


def test_generated_from_the_models_and_rules(builder: SchemaBuilder) -> None:
    schema = builder.project()
    assert list(schema["properties"]) == [f.name for f in dataclasses.fields(Project)]
    assert list(builder.province_file()["properties"]) == [f.name for f in dataclasses.fields(Province)]
    assert list(schema["properties"]["sections"]["properties"]) == [s.key for s in builder.rules.sections]
    award_types = schema["properties"]["award_type"]["enum"]
    for award_type in builder.rules.types:
        assert set(award_type.names()) <= set(award_types)
    sector = schema["properties"]["partners"]["items"]["properties"]["sector"]["enum"]
    assert {"community", "ชุมชน", "academic", "มหาวิทยาลัย"} <= set(sector)
    assert schema["properties"]["agency"]["enum"] == [a.id for a in builder.province.agencies] + [None]
    model = schema["properties"]["sections"]["properties"]["model"]
    assert builder.rules.section("model").prompt_th in model["description"]


def test_every_description_is_thai_with_english_beside_it(builder: SchemaBuilder) -> None:
    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "description" in node and "x-description-en" in node:
                assert THAI.search(node["description"]), node["description"]
                assert node["x-description-en"] in node["markdownDescription"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for schema in (builder.project(), builder.province_file()):
        walk(schema)
        for name, prop in schema["properties"].items():
            assert THAI.search(prop["description"]), name
