"""``dossier build``: what to make (``plan``, ``freshness``, the ``manifest``), the workers that
make it (``workers``), the book's assembly (``front``, ``book``), and the steps that tie them
(``stages``, ``pipeline``). One project to one PDF is ``dossier.render``'s; nothing here lays
out a page. Importing this package imports nothing: a build with nothing to do stays light."""
