#!/usr/bin/env bash
# Builds the .deb and uses it as a new user would, without root: unpacks it with dpkg -x into a temporary root,
# checks what the package declares (dependencies, the CLI on the PATH, menu entry, .nwproj file type), runs the
# installed CLI (templates, a one-epoch train, an export of the result) and opens the installed app under Xvfb
# for a screenshot that must not be blank. Any failure exits non-zero, so a broken package fails CI.
#
#   installers/test-deb.sh                build, then test
#   installers/test-deb.sh --no-build     test the .deb already in installers/target/dist
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build=1
[[ "${1:-}" == "--no-build" ]] && build=0

fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
step() { echo "test-deb: $*"; }

if ((build)); then
  "$here/build-linux.sh"
fi
deb="$(ls "$here"/target/dist/netwright_*.deb 2>/dev/null | head -1)"
[[ -f "$deb" ]] || fail "no .deb in $here/target/dist (build it with installers/build-linux.sh)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
root="$tmp/root"
dpkg -x "$deb" "$root"
app="$root/opt/netwright"
launcher="$app/bin/Netwright"

step "package $(basename "$deb"): $(( $(stat -c %s "$deb") / 1024 / 1024 )) MB"
(( $(stat -c %s "$deb") < 200 * 1024 * 1024 )) || fail "the package is over 200 MB"

# What the package declares.
depends="$(dpkg-deb -f "$deb" Depends)"
for dep in libgtk-3-0 libgl1; do
  [[ "$depends" == *"$dep"* ]] || fail "Depends lacks $dep: $depends"
done
[[ -L "$root/usr/bin/netwright" ]] || fail "the package has no /usr/bin/netwright link"
[[ "$(readlink "$root/usr/bin/netwright")" == "/opt/netwright/bin/Netwright" ]] \
  || fail "/usr/bin/netwright points at $(readlink "$root/usr/bin/netwright")"
[[ -x "$launcher" ]] || fail "no launcher at /opt/netwright/bin/Netwright"
desktop="$(ls "$app"/lib/*.desktop 2>/dev/null | head -1)"
[[ -f "$desktop" ]] || fail "no menu entry (.desktop file) in the package"
grep -q '^Exec=/opt/netwright/bin/Netwright %f$' "$desktop" \
  || fail "the menu entry does not start the launcher with the double-clicked file ($(grep '^Exec=' "$desktop"))"
if dpkg-deb -I "$deb" md5sums >/dev/null 2>&1; then
  md5_listed="$(dpkg-deb -I "$deb" md5sums | grep "lib/$(basename "$desktop")" | cut -d' ' -f1)"
  [[ "$md5_listed" == "$(md5sum < "$desktop" | cut -d' ' -f1)" ]] || fail "md5sums does not match the menu entry"
fi
grep -q '^Icon=' "$desktop" || fail "the menu entry has no icon"
grep -q 'application/x-netwright-project' "$desktop" || fail "the menu entry does not open .nwproj files"
grep -rqs 'glob pattern="\*.nwproj"' "$app/lib" || fail "the package does not register the .nwproj file type"
dpkg-deb -I "$deb" postinst 2>/dev/null | grep -q 'xdg-desktop-menu' || fail "postinst does not install the menu entry"
step "declares: Depends=$depends; /usr/bin/netwright; menu entry $(basename "$desktop"); .nwproj type"

# The class-data archive, made as postinst makes it (here under the temporary root instead of /opt); the launcher
# must then start on it: -Xshare:on refuses to start when the archive cannot be used (missing, or made for other jars).
dpkg-deb -I "$deb" postinst | grep -q 'netwright-cds.sh || true' || fail "postinst does not make the class-data archive"
dpkg-deb -I "$deb" prerm | grep -q 'netwright-cds.sh --remove' || fail "prerm does not remove the class-data archive"
[[ -s "$app/lib/app/netwright.classlist" ]] || fail "the package has no class list for the class-data archive"
sh "$app/lib/app/netwright-cds.sh" || fail "netwright-cds.sh failed"
[[ -s "$app/lib/app/netwright.jsa" ]] || fail "netwright-cds.sh made no archive"
HOME="$tmp" JAVA_TOOL_OPTIONS="-Duser.home=$tmp -Xshare:on -Xlog:class+load:file=$tmp/cds.log" "$launcher" templates \
  > /dev/null 2>&1 || fail "the launcher does not start on the class-data archive (-Xshare:on refused it)"
shared="$(grep -c 'source: shared objects file' "$tmp/cds.log" || true)"
(( shared > 500 )) || fail "only $shared classes came from the class-data archive"
step "class-data archive: $(( $(stat -c %s "$app/lib/app/netwright.jsa") / 1024 / 1024 )) MB from $(grep -vc '^#' "$app/lib/app/netwright.classlist") classes; the CLI mapped $shared classes from it"
# The window's JVM on the JIT's quick tier (README "Large graphs"), as ./netwright starts it.
grep -qx 'java-options=-XX:TieredStopAtLevel=1' "$app/lib/app/Netwright.cfg" \
  || fail "the launcher does not start the JVM on the JIT's quick tier"

# The installed CLI, in a fresh home, with what it needs from the package alone.
home="$tmp/home"
mkdir -p "$home"
# Java takes user.home from the password database, not from $HOME; JAVA_TOOL_OPTIONS reaches the launcher's JVM
# and the child JVMs that train.
export JAVA_TOOL_OPTIONS="-Duser.home=$home"
run() { HOME="$home" "$launcher" "$@"; }
run templates | grep -q two-moons-mlp || fail "netwright templates does not list the templates"
project="$home/first.nwproj"
run train --template two-moons-mlp --epochs 1 --save "$project" > "$tmp/train.txt" 2>&1 \
  || { cat "$tmp/train.txt" >&2; fail "a one-epoch train failed"; }
grep -q "Run completed" "$tmp/train.txt" || { cat "$tmp/train.txt" >&2; fail "train did not complete"; }
step "trained: $(grep 'Run completed' "$tmp/train.txt")"
run export "$project" --format onnx --out "$tmp/export" > "$tmp/export.txt" 2>&1 \
  || { cat "$tmp/export.txt" >&2; fail "export of the trained project failed"; }
[[ -s "$tmp/export/model.onnx" ]] || fail "export wrote no model.onnx"
step "exported: $(ls "$tmp/export" | tr '\n' ' ')"

# The installed app on a virtual screen: it opens the sample project in the user's documents and draws it.
if command -v xvfb-run >/dev/null && command -v import >/dev/null; then
  shot="$here/target/installed-app.png"
  # Under load the first window can take a while: look every 5 s for up to 3 minutes until the sample project
  # exists and the screen shows more than a blank window.
  HOME="$home" xvfb-run -a -s '-screen 0 1600x1000x24' bash -c '
    "$1" > "$3" 2>&1 & pid=$!
    for i in $(seq 1 36); do
      sleep 5
      import -window root "$2"
      if [[ -f "$HOME/Documents/Netwright/Two moons sample.nwproj" || -f "$HOME/Netwright/Two moons sample.nwproj" ]] \
         && (( $(convert "$2" -format "%k" info:) > 64 )); then break; fi
    done
    kill $pid; wait $pid 2>/dev/null || true' _ "$launcher" "$shot" "$tmp/app.log"
  [[ -f "$shot" ]] || fail "no screenshot of the installed app"
  [[ -f "$home/Netwright/Two moons sample.nwproj" || -f "$home/Documents/Netwright/Two moons sample.nwproj" ]] \
    || { cat "$tmp/app.log" >&2; fail "the installed app did not create the sample project in the user's folder"; }
  colours="$(convert "$shot" -format '%k' info:)"
  spread="$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)"
  (( colours > 64 )) || fail "the installed app's window looks blank ($colours colours)"
  awk -v s="$spread" 'BEGIN { exit !(s > 0.05) }' || fail "the installed app's window looks blank (spread $spread)"
  step "opened under Xvfb: $colours colours, screenshot $shot"
else
  fail "xvfb-run and ImageMagick's import are needed to check the installed app (apt-get install -y xvfb imagemagick)"
fi
step "the .deb works"
