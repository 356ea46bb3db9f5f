#!/usr/bin/env bash
# Rebuilds docs/img/status-board.png: the real `dossier status --format html` board of a demo
# repository caught mid-preparation (the 8 bundled projects, committed by their agencies in
# January-February 2564; one agency still writing a file from `dossier new`, one with a typo,
# one missing a section), screenshotted with headless Chromium (apt-get install chromium).
#   usage: bash docs/status-board-demo.sh            (run at the repository root, dossier installed)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dossier="${DOSSIER:-dossier}"
demo="$(mktemp -d)"
profile="$(mktemp -d)"
trap 'rm -rf "$demo" "$profile"' EXIT
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

cp "$root/dossier.yaml" "$demo/"
mkdir "$demo/projects"
cd "$demo"
git init -q -b main
commit() {  # commit FILE AUTHOR DATE MESSAGE
  git add "$1"
  GIT_AUTHOR_DATE="$3T10:00:00+07:00" GIT_COMMITTER_DATE="$3T10:00:00+07:00" \
    git -c user.name="$2" -c user.email=agency@example.go.th commit -q -m "$4"
}
commit dossier.yaml "สำนักงานจังหวัด" 2021-01-05 "province settings"
i=0
authors=("นางสาวพิมพ์ชนก แก้วประเสริฐ" "นายธีรวัฒน์ บุญมาก" "นางสาวสมศรี ใจดี" "นายอนุชา มีสุข" "นางวิไล ศรีสุข")
for name in mangrove coconut-sugar covid-recovery beautiful-canals tha-kha-floating-market; do
  cp "$root/projects/$name.yaml" projects/
  commit "projects/$name.yaml" "${authors[$i]}" "2021-02-0$((i + 1))" "$name"
  i=$((i + 1))
done
# labour: a typo in a section key and a date typed with a two-digit year
sed -e 's/^  concept:/  concpet:/' -e 's/^started: .*/started: 1\/3\/61/' "$root/projects/natural-containers.yaml" \
  > projects/natural-containers.yaml
commit projects/natural-containers.yaml "นายสมชาย แรงดี" 2021-02-08 "natural containers: first draft"
# localgov: the results section not written yet
python3 - "$root/projects/wastewater.yaml" projects/wastewater.yaml <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
text = re.sub(r"\n  results: \|[^\n]*\n(    .*\n|\n)*", "\n  results: |\n\n", text)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
commit projects/wastewater.yaml "นางสาวรัตนา ทองดี" 2021-02-09 "wastewater: results to write"
# damrongdhama: just started with `dossier new`, not committed yet
"$dossier" new --agency damrongdhama --type open-government --title "ศูนย์ดำรงธรรมเคลื่อนที่ ฟังเสียงประชาชน" \
  --slug khlong-wat-pradu --contact "นายประยูร ดำรงสุข" --started "1 ตุลาคม 2561" --lang th >/dev/null 2>&1

"$dossier" status --format html -o "$demo/status.html" --today 2564-02-10 --lang th
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --no-first-run --hide-scrollbars --user-data-dir="$profile" --window-size=1200,800 \
  --screenshot="$root/docs/img/status-board.png" "file://$demo/status.html" 2>/dev/null
ls -l "$root/docs/img/status-board.png"
