"""The ``dossier`` command line: it only wires the library's stages together.

Heavy modules (WeasyPrint above all) are imported inside the commands that need them, so
``dossier --help`` and ``dossier validate`` start fast.
"""

from __future__ import annotations

import click

from dossier import __version__
from dossier.cli.build import build_command
from dossier.cli.changed import changed_command
from dossier.cli.codeowners import codeowners_command
from dossier.cli.diff import diff_command
from dossier.cli.export import export_command
from dossier.cli.import_ import import_command
from dossier.cli.init import init_command
from dossier.cli.new import new_command
from dossier.cli.schema import schema_command
from dossier.cli.serve import serve_command
from dossier.cli.status import status_command
from dossier.cli.validate import validate_command


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="dossier")
def main() -> None:
    """Validated, print-ready Thai dossiers for the Public Sector Excellence Award
    (รางวัลเลิศรัฐ), branch Participatory Governance.

    \b
    เครื่องมือจัดทำเอกสารผลงานส่งประกวดรางวัลเลิศรัฐ สาขาการบริหารราชการแบบมีส่วนร่วม
    Run commands in the province's repository (the folder with dossier.yaml).

    \b
    Examples / ตัวอย่าง:
      dossier init nan-2564             # เริ่มคลังเอกสารของจังหวัดใหม่
      dossier validate                  # ตรวจทุกโครงการใน projects/
      dossier build                     # สร้าง PDF ทุกโครงการใน build/
      dossier build projects/mangrove.yaml
      dossier new                       # เริ่มไฟล์โครงการใหม่ (ถามทีละข้อ)
      dossier status --format html      # กระดานสถานะของทุกผลงาน build/status.html
      dossier serve                     # ดูตัวอย่างในเว็บเบราว์เซอร์ ปรับตามทุกครั้งที่บันทึก
      dossier validate --changed origin/main --format github   # ใน pull request
    """


main.add_command(validate_command)
main.add_command(build_command)
main.add_command(codeowners_command)
main.add_command(schema_command)
main.add_command(new_command)
main.add_command(status_command)
main.add_command(changed_command)
main.add_command(serve_command)
main.add_command(init_command)
main.add_command(export_command)
main.add_command(import_command)
main.add_command(diff_command)
