"""Rendering project Markdown: raw HTML escaped, images only from the project's folder, links
only http(s)/mailto; everything else shown as plain text."""

from __future__ import annotations

import pytest
from dossier.render.html import markdown_html


@pytest.mark.parametrize(
    ("text", "kept", "refused"),
    [
        ("![ภาพ](images/ok.png)", '<img alt="ภาพ" src="images/ok.png"', None),
        ("![ภาพ](http://127.0.0.1/x.png)", None, '<span class="refused">ภาพ</span>'),
        ("![ภาพ](../../etc/passwd)", None, '<span class="refused">ภาพ</span>'),
        ("![ภาพ](/etc/passwd)", None, '<span class="refused">ภาพ</span>'),
        ("![ภาพ](file:///etc/passwd)", None, '<span class="refused">ภาพ</span>'),
        ("[ก.พ.ร.](https://www.opdc.go.th)", '<a href="https://www.opdc.go.th">', None),
        ("[อีเมล](mailto:somsri@example.go.th)", '<a href="mailto:somsri@example.go.th">', None),
        ("[ไฟล์](file:///etc/passwd)", None, '<span class="refused">ไฟล์</span>'),
        ("[x](javascript:alert(1))", None, '<span class="refused">x</span>'),
        ('<link rel="attachment" href="file:///etc/passwd">', None, '&lt;link rel="attachment"'),
        ('<img src="file:///etc/passwd">', None, "&lt;img src="),
        ("<style>@import 'http://x/y.css';</style>", None, "&lt;style&gt;"),
    ],
)
def test_markdown_policy(text: str, kept: str | None, refused: str | None) -> None:
    html = markdown_html(text)
    if kept:
        assert kept in html
    if refused:
        assert refused in html.replace("&#x27;", "'")
        assert "<img" not in html and "<link" not in html and "<style" not in html and "<a " not in html
