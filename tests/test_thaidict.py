"""The Thai line-break dictionary (dossier.thaidict) and the hints put in the HTML before layout
(dossier.render.thaiwrap): real files, real trietool, real libthai and nlpo3."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier import thaidict

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"


def test_the_repository_names_are_words() -> None:
    words = thaidict.repository_words(CORPUS)
    # places and people, prefixes (ตำบล, บ้าน, นาย) taken off; abbreviations are not words
    assert {"กองแขก", "หนองแดง", "แม่แจ่ม", "ชัยวัฒน์", "ศรีวิชัย", "สยามบรมราชกุมารี"} <= words
    assert not {"อบต", "รพ", "สต"} & words
    # an indicator's name is a phrase, not a name
    assert "บาทต่อคนต่อปี" not in thaidict.repository_words(ROOT)


def test_words_txt_adds_words(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "dossier.yaml", tmp_path / "dossier.yaml")
    (tmp_path / "words.txt").write_text("# คำที่สำนักงานต้องการ\nโคกหนองนาโมเดล\nnot thai\n", encoding="utf-8")
    assert "โคกหนองนาโมเดล" in thaidict.repository_words(tmp_path)


@pytest.mark.skipif(shutil.which("trietool") is None or thaidict.base_trie() is None,
                    reason="trietool (libdatrie1-bin) or libthai-data is not installed")
def test_the_dictionary_is_cached_by_its_inputs(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copy(CORPUS / "dossier.yaml", repo / "dossier.yaml")
    first = thaidict.build(repo, tmp_path / "cache")
    assert first.trie and first.folder is not None and (first.folder / "thbrk.tri").stat().st_size > 1_000_000
    assert first.words > 60_000
    assert "เชียงใหม่" in (first.folder / "words.txt").read_text(encoding="utf-8").split()
    again = thaidict.build(repo, tmp_path / "cache")
    assert again.folder == first.folder
    (repo / "words.txt").write_text("โคกหนองนาโมเดล\n", encoding="utf-8")
    changed = thaidict.build(repo, tmp_path / "cache")
    assert changed.folder != first.folder and thaidict.key(repo) == changed.folder.name


def test_without_trietool_only_the_word_list_is_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no trietool to be found
    found = thaidict.build(CORPUS, tmp_path / "cache")
    assert not found.trie and "trietool" in found.reason
    assert found.folder is not None and (found.folder / "words.txt").is_file()
    assert not (found.folder / "thbrk.tri").exists()


def test_line_edge_hints(tmp_path: Path) -> None:
    from dossier.render import thaiwrap

    words = thaidict.build(CORPUS, tmp_path)
    assert words.folder is not None
    segment = thaiwrap.segmenter(words.folder / "words.txt")
    if segment is None:
        pytest.skip("nlpo3 is not installed")
    html, _ = thaiwrap.wrap_text("แนวคิด “ป่ากินได้” พื้นที่ ๔๕๐ ไร่ ใน พ.ศ. ๒๕๖๓ เด็ก ๆ ไป", segment)
    nobr = thaiwrap.NOBR
    for kept in ("“ป่า", "ได้”", "๔๕๐ ไร่", "พ.ศ. ๒๕๖๓", "เด็ก ๆ"):
        assert f"{nobr}{kept}</span>" in html, (kept, html)
    assert html.replace(thaiwrap.ZWSP, "").count(nobr) == 5


def test_no_line_ends_at_a_hyphen_inside_a_word(tmp_path: Path) -> None:
    """pdftotext and pdfium drop a hyphen that ends a line (maejo-|city read "maejocity"): a
    word joiner follows a hyphen between Latin letters or digits, and a Thai one is held."""
    from dossier.render import thaiwrap

    words = thaidict.build(CORPUS, tmp_path)
    assert words.folder is not None
    segment = thaiwrap.segmenter(words.folder / "words.txt")
    if segment is None:
        pytest.skip("nlpo3 is not installed")
    html = thaiwrap.wrap_html('<p class="a-b">ทางเว็บไซต์ www.maejo-city.go.th ปี ๒๕๖๒-๒๕๖๓ COVID-19</p>'
                              "<p>e-mail</p>", segment)
    assert "maejo-\u2060city" in html and "COVID-\u206019" in html and "e-\u2060mail" in html
    assert "๒๕๖๒-๒๕๖๓</span>" in html and "๒๕๖๒-\u2060" not in html
    assert 'class="a-b"' in html  # tags are left alone
    # A long web address may need its hyphens to fit a line at all: there they stay break points.
    long = "https://www.example.go.th/samut-songkhram-provincial-office"
    assert thaiwrap.wrap_html(f"<p>ดูที่ {long}</p>", segment) == f"<p>ดูที่ {long}</p>"
