"""dossier: validated, print-ready Thai submission dossiers for the Public Sector Excellence Award.

The package is a library first: ``dossier.load`` → ``dossier.validate`` → ``dossier.render``
→ ``dossier.render.pdf``. The command line in ``dossier.cli`` only wires these stages.
"""

__version__ = "0.1.0"
