"""The Thai word list Pango's line breaker uses (issue 13): libthai's dictionary plus a well-kept
word list and the repository's own names, built once and cached, keyed by its inputs.

Pango breaks Thai with libthai, whose dictionary (``thbrk.tri``, about 25,000 words) has few
compounds and none of a province's own names, so lines broke inside ครัว|เรือน or กอง|แขก.
libthai reads ``$LIBTHAI_DICTDIR/thbrk.tri`` when that variable is set before its first use in
the process (Pango keeps one shared breaker), so :func:`activate` builds a copy of the installed
trie with more words (``trietool`` from Debian's ``libdatrie1-bin``) and sets the variable; worker
processes inherit it. The words are:

* PyThaiNLP's ``words_th.txt`` (CC0, 62,106 entries, about 61,000 words once reduced to what a
  trie takes), shipped whole as ``dossier/data/words_th.txt.gz`` (300 KB: the ``pythainlp``
  package is 68 MB), reduced when the dictionary is made;
* the repository's vocabulary: the province, office and agency names of ``dossier.yaml``, and
  from every project file the title, area, partner, contact, leader and budget-source names, cut
  at spaces and punctuation, with administrative prefixes (ตำบล, บ้าน, นาย …) taken off, so that
  กองแขก, หนองแดง and ชัยวัฒน์ become words of their own;
* an optional ``words.txt`` at the repository's root: one word a line, ``#`` starts a comment.

The same words, as ``words.txt`` next to the trie, are what :mod:`dossier.render.thaiwrap`
segments the text with before layout (``$DOSSIER_THAI_WORDS``). Without ``trietool`` or an
installed ``thbrk.tri`` only that list is made and libthai keeps its own dictionary
(:func:`activate` says why). No WeasyPrint here.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Dictionary", "activate", "base_trie", "pythainlp_words", "repository_words", "segmenter", "shipped_words",
           "vocabulary_of"]

ENV = "LIBTHAI_DICTDIR"
WORDS_ENV = "DOSSIER_THAI_WORDS"  # the same words as a list, for the renderer's segmenter
WORD_LIST = Path(__file__).parent / "data" / "words_th.txt.gz"
WORDS_FILE = "words.txt"
#: Where a Debian/Ubuntu libthai-data keeps its trie (the library's compiled-in default).
TRIE_DIRS = (Path("/usr/share/libthai"), Path("/usr/local/share/libthai"))
VERSION = "4"  # bump when the way the word list is made changes
# A word libthai can take: Thai letters and marks only (trietool refuses spaces, dots, digits).
_WORD = re.compile(r"[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]{2,40}")
_CHUNK = re.compile(r"[\u0e01-\u0e3a\u0e40-\u0e4e]+")
# Prefixes that make a name a compound: what follows them is the name itself.
PREFIXES = sorted((
    "นางสาว", "นาง", "นาย", "ตำบล", "อำเภอ", "จังหวัด", "บ้าน", "หมู่บ้าน", "ชุมชน", "เทศบาลตำบล",
    "เทศบาลเมือง", "เทศบาลนคร", "เทศบาล", "องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนจังหวัด", "วัด",
    "โรงเรียน", "โรงพยาบาลส่งเสริมสุขภาพตำบล", "โรงพยาบาล", "มหาวิทยาลัย", "คณะ", "กลุ่ม", "ชมรม",
    "มูลนิธิ", "สำนักงาน", "ศูนย์", "คลอง", "แม่น้ำ", "ห้วย", "ดอย", "เกาะ", "ลุ่มน้ำ", "พระครู", "ตลาด",
    "ป่า", "สภาองค์กรชุมชนตำบล", "กองทุน", "บริษัท", "ห้างหุ้นส่วน", "สหกรณ์"), key=len, reverse=True)
#: Top-level keys whose ``name:`` values are phrases, not names (an indicator: บาทต่อคนต่อปี).
PHRASES = ("indicators", "sections", "summary")
MAX_NAME = 16
#: Longer entries of the word list are long compounds, mostly agency names
#: (องค์กรปกครองส่วนท้องถิ่น, กรมส่งเสริมคุณภาพสิ่งแวดล้อม: 418 of them): left out, they break
#: between their own words instead of running out of a narrow table column.
LONGEST = 20
#: Royal titles and names stay whole whatever their length (สมเด็จพระกนิษฐาธิราชเจ้า).
#: Longer pieces are phrases, not names: they stay breakable between their words.
ROYAL = ("สมเด็จพระ", "กรมสมเด็จพระ", "พระบาทสมเด็จ", "เจ้าฟ้า", "กรมพระ", "กรมหลวง", "พระเจ้า")
_ABBREVIATION = re.compile(r"[\u0e01-\u0e4e]{1,4}\.")
_NAME_KEYS = re.compile(r"^\s*(?:-\s+)?(?:\{\s*)?(?:title|name|source|agency|province|position)\s*:\s*(.+)$")
_LIST_KEYS = re.compile(r"^\s*(?:area|new_areas)\s*:\s*$")
_ITEM = re.compile(r"^\s*-\s+(.+)$")


@dataclass(frozen=True)
class Dictionary:
    """The outcome of :func:`activate`: the folder set as ``$LIBTHAI_DICTDIR`` (None when libthai
    keeps its own dictionary, and why), and how many words were added (the repository's own
    when the dictionary was already in the cache)."""

    folder: Path | None
    words: int = 0
    reason: str = ""
    trie: bool = False  # a thbrk.tri is there (else libthai keeps its own dictionary)


def base_trie() -> Path | None:
    """The installed libthai dictionary (``thbrk.tri``)."""
    return next((d / "thbrk.tri" for d in TRIE_DIRS if (d / "thbrk.tri").is_file()), None)


def pythainlp_words() -> Path:
    """PyThaiNLP's word list as shipped with dossier (``dossier/data/README.md``)."""
    return WORD_LIST


def reduce(entries: Iterable[str]) -> list[str]:
    """What a line-break dictionary can hold of a word list: entries split at spaces, ฯ taken
    off, pieces of Thai letters and marks only."""
    return sorted({piece.strip("ฯ") for entry in entries for piece in entry.split()
                   if _WORD.fullmatch(piece.strip("ฯ"))})


def name_words(text: str) -> set[str]:
    """The words a name contributes: its Thai pieces (cut at spaces, punctuation and และ), each
    with its administrative prefixes taken off too, when short enough to be a name."""
    found: set[str] = set()
    text = _ABBREVIATION.sub(" ", text)  # อบต. รพ.สต. are not names
    for chunk in _CHUNK.findall(text):
        for piece in chunk.split("และ"):
            while piece:
                if len(piece) <= MAX_NAME and _WORD.fullmatch(piece):
                    found.add(piece)
                prefix = next((p for p in PREFIXES if piece.startswith(p) and len(piece) > len(p) + 1), None)
                if prefix is None:
                    break
                piece = piece[len(prefix):]
    return found


def vocabulary_of(texts: Iterable[str]) -> set[str]:
    """Name words of YAML texts: values of name-like keys and items of ``area`` lists (read
    line by line: a file that does not parse still gives its names)."""
    found: set[str] = set()
    for text in texts:
        in_list, top = False, ""
        for line in text.splitlines():
            line = line.split(" #", 1)[0]
            if line[:1].isalpha():
                top = line.split(":", 1)[0]
            if top in PHRASES:
                continue
            if _LIST_KEYS.match(line):
                in_list = True
                continue
            item = _ITEM.match(line)
            if in_list and item:
                found |= name_words(item[1])
                continue
            in_list = False
            named = _NAME_KEYS.match(line)
            if named:
                found |= name_words(named[1])
    return found


def repository_words(root: Path) -> set[str]:
    """The vocabulary of the repository at ``root``: dossier.yaml, projects/*.yaml, words.txt."""
    texts = []
    for path in [root / "dossier.yaml", *sorted((root / "projects").glob("*.yaml"))]:
        try:
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
    found = vocabulary_of(texts)
    try:
        listed = (root / WORDS_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        listed = ""
    for line in listed.splitlines():
        word = line.split("#", 1)[0].strip()
        if _WORD.fullmatch(word):
            found.add(word)
    return found


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dossier" / "libthai"


def _stamp(path: Path | None) -> str:
    if path is None:
        return "-"
    stat = path.stat()
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def _all_words(own: set[str], listed: Path) -> list[str]:
    with gzip.open(listed, "rt", encoding="utf-8") as lines:
        return sorted(own | {w for w in reduce(lines) if len(w) <= LONGEST or w.startswith(ROYAL)})


def _key(trie: Path | None, listed: Path | None, own: set[str]) -> str:
    """Keyed by its inputs: the installed trie and word list (path, size, time) and our words."""
    text = "\n".join([VERSION, _stamp(trie), _stamp(listed), str(shutil.which("trietool")), *sorted(own)])
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def key(root: Path) -> str:
    """What the line breaks of the repository at ``root`` depend on (for the build's keys)."""
    return _key(base_trie(), pythainlp_words(), repository_words(root))


def build(root: Path, cache: Path | None = None) -> Dictionary:
    """The dictionary for the repository at ``root``, built into the cache unless already there:
    ``words.txt`` always, ``thbrk.tri`` when libthai's trie and ``trietool`` are installed."""
    trie, tool = base_trie(), shutil.which("trietool")
    reason = ("libthai's thbrk.tri is not installed (libthai-data)" if trie is None else
              "trietool is not installed (libdatrie1-bin): libthai's own dictionary is used" if tool is None else "")
    own, listed = repository_words(root), pythainlp_words()
    folder = (cache or cache_root()) / _key(trie, listed, own)
    if (folder / "words.txt").is_file():
        return Dictionary(folder, len(own), reason, (folder / "thbrk.tri").is_file())
    words = _all_words(own, listed)
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".new-", dir=folder.parent))
    try:
        (work / "words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
        if trie is not None and tool is not None:
            shutil.copyfile(trie, work / "thbrk.tri")
            # trietool reads DIR/NAME.tri relative to its -p folder (an absolute NAME is refused)
            subprocess.run([tool, "-p", str(work), "thbrk", "add-list", "-e", "utf-8", str(work / "words.txt")],
                           check=True, capture_output=True, timeout=120)
        try:
            work.rename(folder)  # atomic: another process may have made the same one meanwhile
        except OSError:
            if not (folder / "words.txt").is_file():
                raise
    except (OSError, subprocess.SubprocessError) as exc:
        return Dictionary(None, reason=f"the dictionary could not be built: {exc}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Dictionary(folder, len(words), reason, (folder / "thbrk.tri").is_file())


def activate(root: Path, cache: Path | None = None) -> Dictionary:
    """Build (or find) the repository's dictionary and point libthai at it for this process and
    the processes it starts. It takes effect only if no Thai has been broken into lines in this
    process yet: libthai loads its dictionary once."""
    found = build(root, cache)
    if found.folder is not None:
        os.environ[WORDS_ENV] = str(found.folder / "words.txt")
        if found.trie:
            os.environ[ENV] = str(found.folder)
    return found


@functools.lru_cache(maxsize=4)
def _load(path: str) -> str | None:
    try:
        import nlpo3
    except ImportError:
        return None
    name = f"dossier:{path}"
    _message, ok = nlpo3.load_dict(path, name)
    return name if ok else None


def segmenter(path: Path | None = None) -> Callable[[str], list[str]] | None:
    """newmm with the word list at ``path`` (default: ``$DOSSIER_THAI_WORDS``, set by
    :func:`activate`); None when there is none or nlpo3 is missing."""
    where = str(path) if path else os.environ.get(WORDS_ENV, "")
    if not where or not Path(where).is_file():
        return None
    name = _load(where)
    if name is None:
        return None
    import nlpo3

    return lambda text: nlpo3.segment(text, name)


def shipped_words(cache: Path | None = None) -> Path:
    """PyThaiNLP's word list as shipped, whole, as a plain file in the cache (the segmenter reads
    no gzip): what a segmenter that counts words uses, as PyThaiNLP's own newmm would."""
    listed = pythainlp_words()
    path = (cache or cache_root()) / f"shipped-{_key(None, listed, set())}.txt"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".new-", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                with gzip.open(listed, "rt", encoding="utf-8") as lines:
                    out.write("".join(line for line in lines if line.strip()))
            os.replace(temporary, path)  # atomic: another process may write the same file
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    return path
