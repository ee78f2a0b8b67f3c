#!/usr/bin/env bash
# Fails when a user-visible string of the GUI, viewer or reports is not translated into German:
# (1) lupdate, run over the sources into copies of translations/*.ts, finds a string that has no
#     finished translation (new, changed or never translated); (2) a user-visible call (labels,
#     buttons, menus, message boxes, status messages, report headings) is given a bare string
#     literal instead of tr("...").
#   check-translations.sh LUPDATE ROOT
set -uo pipefail
lupdate="$1"
root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dirs=()
for d in app/gui viewer/src viewer/include report/src report/include; do
  [ -d "$root/$d" ] && dirs+=("$root/$d")
done
failed=0
for ts in "$root"/translations/*.ts; do
  copy="$work/$(basename "$ts")"
  cp "$ts" "$copy"
  "$lupdate" -silent -no-obsolete -locations none -I "$root/app/gui" -I "$root/viewer/include" \
    -I "$root/report/include" "${dirs[@]}" -ts "$copy" > "$work/lupdate.txt" 2>&1 || {
    echo "lupdate failed on $(basename "$ts"):"; cat "$work/lupdate.txt"; failed=1; continue; }
  untranslated="$(grep -B3 'type="unfinished"' "$copy" | grep -o '<source>.*' | sed 's/<source>//; s/<\/source>//')"
  if [ -n "$untranslated" ]; then
    echo "$(basename "$ts"): $(printf '%s\n' "$untranslated" | wc -l) string(s) without a translation:"
    printf '  %s\n' "$untranslated" | cut -c1-160
    echo "  (run: cmake --build build --target update_translations, then translate them, e.g. in Qt Linguist)"
    failed=1
  fi
done
# User-visible calls with a bare literal (numbers, colours and object names are not text).
literal='(setText|setToolTip|setStatusTip|setWindowTitle|setPlaceholderText|addAction|addMenu|addTab|showMessage|heading|setLabelText|information|warning|critical|question|about)\(\s*(this,\s*)?(QStringLiteral\()?"[^"]*[A-Za-z]{2}'
hits="$(grep -rnP "$literal" "${dirs[@]}" --include='*.cpp' --include='*.h' 2>/dev/null | grep -v 'tr("')"
hits="$hits$(grep -rnP 'new (QLabel|QPushButton|QCheckBox|QRadioButton|QGroupBox|QAction)\(\s*(QStringLiteral\()?"[^"]*[A-Za-z]{2}' "${dirs[@]}" --include='*.cpp' 2>/dev/null)"
if [ -n "$hits" ]; then
  echo "user-visible text not passed through tr():"
  printf '%s\n' "$hits" | sed "s|$root/||" | cut -c1-200
  failed=1
fi
[ "$failed" = 0 ] && echo "translations complete: every GUI and report string has a German translation"
exit "$failed"
