"""``dossier serve``'s document preview: each project's pages as images from its real PDF
(``gallery``), the pages of the preview site (``site``, templates ``preview-*.html.j2``), and
the push of each new build to the browser by server-sent events (``events``)."""
