#!/usr/bin/env bash
# Builds the Debian package from a finished build, checks its declared dependencies and desktop
# entry, unpacks it into a scratch root (dpkg-deb -x: the files as `apt install` would place them,
# without touching the machine) and runs the installed programs from there: --version of both,
# and segment on the installed sample case with the installed model.
#   check-package.sh BUILD_DIR
set -euo pipefail
build="$(cd "$1" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/pkg" > "$work/cpack.txt" 2>&1) || { cat "$work/cpack.txt"; fail "cpack could not build the package"; }
deb="$(ls "$work"/pkg/lesiondelta_*.deb)"
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for lib in libtorch1.13 libinsighttoolkit5.2 libvtk9.1 libqt6widgets6 libqt6openglwidgets6 libqcustomplot2.1-qt6 libqt6svg6 fonts-dejavu-core; do
  [[ "$depends" == *"$lib"* ]] || fail "the package does not depend on $lib"
done

root="$work/root"
dpkg-deb -x "$deb" "$root"
usr="$root/usr"
for f in bin/lesiondelta bin/lesiondelta-cli share/lesiondelta/models/lesiondelta-cnn.safetensors \
         share/lesiondelta/sample/case.json share/applications/lesiondelta.desktop \
         share/icons/hicolor/scalable/apps/lesiondelta.svg share/doc/lesiondelta/copyright; do
  [ -e "$usr/$f" ] || fail "the package lacks /usr/$f"
done
[ ! -e "$usr/share/lesiondelta/sample/results" ] || fail "the package carries the sample's local results"
if command -v desktop-file-validate > /dev/null; then
  desktop-file-validate "$usr/share/applications/lesiondelta.desktop" || fail "invalid desktop entry"
fi

version="$("$usr/bin/lesiondelta-cli" --version)"
echo "installed CLI: $version"
[[ "$version" == lesiondelta-cli\ * ]] || fail "lesiondelta-cli --version printed '$version'"
gui_version="$(QT_QPA_PLATFORM=offscreen "$usr/bin/lesiondelta" --version 2>/dev/null)"
echo "installed GUI: $gui_version"
[[ "$gui_version" == LesionDelta\ * ]] || fail "lesiondelta --version printed '$gui_version'"

sample="$usr/share/lesiondelta/sample"
start=$(date +%s)
env -u LESIONDELTA_MODEL "$usr/bin/lesiondelta-cli" segment --bl "$sample/study1_FLAIR.nii.gz" \
  --fu "$sample/study2_FLAIR.nii.gz" --out "$work/segment" > "$work/segment.txt" 2>&1 \
  || { cat "$work/segment.txt"; fail "segment failed on the installed sample"; }
[ -s "$work/segment/new_lesions.nii.gz" ] || fail "segment wrote no new_lesions.nii.gz"
grep -q "$usr/share/lesiondelta/models/lesiondelta-cnn.safetensors" "$work/segment/summary.json" \
  || fail "segment did not use the installed model: $(grep -o '"model[^,]*' "$work/segment/summary.json")"
echo "segment on the installed sample with the installed model: $(( $(date +%s) - start )) s, $(grep -c . "$work/segment/lesions.csv") lines in lesions.csv"
echo "package check passed"
