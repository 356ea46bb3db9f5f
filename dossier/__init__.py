"""dossier: validated, print-ready Thai submission dossiers for the Public Sector Excellence Award.

The package is a library first: ``dossier.load`` → ``dossier.validate`` → ``dossier.render``
→ ``dossier.render.pdf``. The command line in ``dossier.cli`` only wires these stages.
"""

__version__ = "0.1.0"
# The one WeasyPrint release the render is written for (its internals are patched: textlayer,
# leaders, compose); the build key names it, and pyproject.toml pins it (a test keeps them equal).
WEASYPRINT_VERSION = "70.0"
