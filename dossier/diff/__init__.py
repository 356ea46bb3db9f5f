"""``dossier diff``: what a branch changed on the printed pages, and in the project files.

``pages`` reads a PDF's pages (text and image) and matches two versions' pages; ``fields``
compares a project file's sections and fields; ``run`` builds both versions (the base in a
temporary git worktree); ``report`` writes the HTML report.
"""
