#!/usr/bin/env bash
# System packages dossier needs, installed only when missing (Debian/Ubuntu, as root or via sudo).
#   pango + libthai   WeasyPrint's text layout and Thai line breaking (usually already present)
#   libharfbuzz-subset0  font subsetting: without it write_pdf is ~2x slower and warns
#   libdatrie1-bin   trietool: builds libthai's line-break dictionary with 61,000 more words and the
#                    repository's names (dossier.thaidict); without it libthai's own 25,000 are used
#   poppler-utils, qpdf  the tests read PDFs back (pdftotext, pdffonts, pdftoppm, qpdf --check)
#   chromium (tests, best effort)  loads the `dossier serve` page in a real browser; without it
#                        that part of the test is skipped, so a failed install does not stop CI
set -euo pipefail
need=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libpango-1.0.so.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
have_lib libthai.so.0 || need+=(libthai0)
have_lib libharfbuzz-subset.so.0 || need+=(libharfbuzz-subset0)
command -v trietool >/dev/null || need+=(libdatrie1-bin)
if [ "${1:-}" = "--test" ]; then
  command -v pdftotext >/dev/null || need+=(poppler-utils)
  command -v qpdf >/dev/null || need+=(qpdf)
fi
browser=()
if [ "${1:-}" = "--test" ] && ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
  browser=(chromium)
fi
[ ${#need[@]} -eq 0 ] && [ ${#browser[@]} -eq 0 ] && exit 0
echo "installing system packages: ${need[*]} ${browser[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  [ ${#need[@]} -eq 0 ] && { echo "no root to install ${browser[*]}: skipped" >&2; exit 0; }
  echo "need root (or sudo) to install: ${need[*]}" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get update -qq; then
  [ ${#need[@]} -eq 0 ] && { echo "apt-get update failed: ${browser[*]} not installed" >&2; exit 0; }
  exit 1
fi
if [ ${#need[@]} -gt 0 ]; then
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ${#browser[@]} -gt 0 ]; then
  $sudo apt-get install -y -qq --no-install-recommends "${browser[@]}" >/dev/null \
    || echo "could not install ${browser[*]}: the browser part of the serve test will be skipped" >&2
fi
