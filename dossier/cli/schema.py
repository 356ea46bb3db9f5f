"""``dossier schema``: the JSON Schema of a project file (or of dossier.yaml) for editors."""

from __future__ import annotations

from pathlib import Path

import click

from dossier import catalogue
from dossier.cli.common import common_options, data_edge
from dossier.errors import NOWHERE, Diagnostic, DossierError, UsageError
from dossier.paths import PROVINCE_FILE

DEFAULT_FILES = {"project": "schema/project.schema.json", "province": "schema/province.schema.json"}


@click.command("schema")
@click.argument("kind", type=click.Choice(["project", "province"]), default="project")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=catalogue.option_help("schema-out"))
@click.option("--check", is_flag=True, help=catalogue.option_help("schema-check"))
@common_options
@data_edge
def schema_command(kind: str, out: Path | None, check: bool, lang: str, fmt: str, quiet: bool, strict: bool) -> int:
    """Print the JSON Schema (draft 2020-12) of a project file, or of dossier.yaml.

    \b
    พิมพ์ JSON Schema ของไฟล์โครงการ (หรือของ dossier.yaml) ที่สร้างจากแบบฟอร์มและเกณฑ์รางวัล
    เพื่อให้ VS Code (ส่วนขยาย YAML) เติมหัวข้อ แสดงคำอธิบายภาษาไทย และเสนอค่าที่ใช้ได้
    The schema is generated from the same models and rules the validator uses,
    with the award types and this province's agency ids as allowed values
    (outside a repository: the newest built-in rules, any agency id). A
    project file points at it with its first line:
      # yaml-language-server: $schema=../schema/project.schema.json

    \b
    Examples / ตัวอย่าง:
      dossier schema                                      # print it
      dossier schema -o schema/project.schema.json        # write it (commit the file)
      dossier schema province -o schema/province.schema.json
      dossier schema -o schema/project.schema.json --check   # in CI: is it up to date?
    """
    from dossier.cli.generated import write_or_check
    from dossier.paths import find_root
    from dossier.rules import available_editions, load_rules
    from dossier.rules.jsonschema import SchemaBuilder, dumps
    from dossier.workspace import display, open_workspace

    try:
        root: Path | None = find_root(Path.cwd())
    except DossierError:
        root = None  # outside a repository: the newest built-in rules, any agency id
    if root is not None:
        ws = open_workspace(root)
        builder = SchemaBuilder(ws.rules, ws.province, ws.limits)
    else:
        builder = SchemaBuilder(load_rules(available_editions()[-1]))
    text = dumps(builder.project() if kind == "project" else builder.province_file())
    if out is None:
        if check:
            if root is None:
                raise UsageError([Diagnostic(PROVINCE_FILE, NOWHERE, "no-repository")])
            out = root / DEFAULT_FILES[kind]
        else:
            click.echo(text, nl=False)
            return 0
    return write_or_check(out, text, check=check, stale_code="schema-stale", name=display(out),
                          lang=lang, fmt=fmt, quiet=quiet, root=ws.root)
