"""The Markdown policy of rendering: what project text may put in a PDF.

Raw HTML is already escaped (``html.markdown_html``). This tree processor then keeps images only
when they are relative paths inside the project's folder (no scheme, no absolute path, no
``..``), and links only to http(s) and mailto (shown, never fetched); anything else becomes its
plain text. Validation reports the same cases on their line (``dossier.validate.content``); the
URL sandbox of the engine is the last line of defence behind both.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import PurePosixPath

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
LINK_SCHEMES = ("http", "https", "mailto")


def image_allowed(src: str) -> bool:
    if not src or _SCHEME.match(src) or src.startswith(("/", "\\")):
        return False
    return ".." not in PurePosixPath(src.replace("\\", "/")).parts


def link_allowed(href: str) -> bool:
    scheme = _SCHEME.match(href or "")
    return scheme is not None and scheme[0][:-1].lower() in LINK_SCHEMES


class _Policy(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img" and not image_allowed(child.get("src", "")):
                    parent[index] = _as_text(child, child.get("alt", ""))
                elif child.tag == "a" and not link_allowed(child.get("href", "")):
                    parent[index] = _as_text(child, None)


def _as_text(element: etree.Element, text: str | None) -> etree.Element:
    span = etree.Element("span", {"class": "refused"})
    if text is None:
        span.text, span.tail = element.text, element.tail
        span.extend(list(element))
    else:
        span.text, span.tail = text, element.tail
    return span


class PolicyExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - the Markdown API's name
        md.treeprocessors.register(_Policy(md), "dossier-policy", 1)
