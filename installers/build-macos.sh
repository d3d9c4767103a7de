#!/usr/bin/env bash
# Builds Netwright's macOS disk image (.dmg) with jpackage, on the Mac it is for (see installers/README.md).
#
#   installers/build-macos.sh                     unsigned .dmg
#   NETWRIGHT_SIGN_ID="Developer ID Application: ..." installers/build-macos.sh   signed with that identity
#
# Needs: JDK 17 (jpackage), Maven, Xcode's command line tools (sips, iconutil). Maven's osx-aarch64
# profile (Apple silicon) picks JavaFX's mac-aarch64 jars and DJL's osx-aarch64 libtorch, so the app trains offline.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target"
version="0.1.0"

[[ "$(uname -s)" == "Darwin" ]] || { echo "build-macos: run this on macOS" >&2; exit 2; }
for tool in jpackage mvn sips iconutil; do
  command -v "$tool" >/dev/null || { echo "build-macos: $tool is needed (JDK 17, Maven, Xcode command line tools)" >&2; exit 2; }
done
case "$(uname -m)" in
  arm64) fx="mac-aarch64"; djl="osx-aarch64" ;;
  x86_64) echo "build-macos: Intel Macs have no libtorch 2.7.1 to train with; see installers/README.md" >&2; exit 2 ;;
  *) echo "build-macos: unknown CPU $(uname -m)" >&2; exit 2 ;;
esac

rm -rf "$out" && mkdir -p "$out/input" "$out/fx" "$out/deps" "$out/config"
# One reactor build: our modules' jars come from their target folders, never from a stale ~/.m2.
(cd "$root" && mvn -B -q -DskipTests package dependency:copy-dependencies -pl app -am \
   -DincludeScope=runtime -DoutputDirectory="$out/deps")
mv "$out"/deps/javafx-*-"$fx".jar "$out/fx/"
rm -f "$out"/deps/javafx-*.jar
mv "$out"/deps/*.jar "$out/input/"
cp "$root/app/target/netwright-app-${version}-SNAPSHOT.jar" "$out/input/"
ls "$out"/input/pytorch-native-cpu-*-"$djl".jar >/dev/null 2>&1 \
  || { echo "build-macos: the $djl libtorch jar is missing; was Maven's $djl profile active?" >&2; exit 2; }

# The app icon: an .icns made from our PNG with macOS's own tools.
iconset="$out/config/Netwright.iconset"
mkdir -p "$iconset"
for size in 16 32 128 256; do
  sips -z $size $size "$here/resources/netwright.png" --out "$iconset/icon_${size}x${size}.png" >/dev/null
  sips -z $((size * 2)) $((size * 2)) "$here/resources/netwright.png" --out "$iconset/icon_${size}x${size}@2x.png" >/dev/null
done
iconutil -c icns "$iconset" -o "$out/config/Netwright.icns"

cat > "$out/config/nwproj.properties" <<EOF
extension=nwproj
mime-type=application/x-netwright-project
description=Netwright project
icon=$out/config/Netwright.icns
EOF
# The command line as a second launcher inside the bundle: Netwright.app/Contents/MacOS/netwright; with the full JIT
# (the window's launcher uses its quick tier only: README "Large graphs").
cat > "$out/config/cli.properties" <<EOF
main-class=org.netwright.app.Main
java-options=-Dai.djl.offline=true -Dai.djl.pytorch.num_interop_threads=1
EOF

sign=()
if [[ -n "${NETWRIGHT_SIGN_ID:-}" ]]; then
  sign=(--mac-sign --mac-signing-key-user-name "$NETWRIGHT_SIGN_ID")
fi
jpackage --type dmg --name Netwright --app-version "$version" --vendor "Netwright" \
  --description "Build, train and understand neural networks visually" \
  --icon "$out/config/Netwright.icns" \
  --input "$out/input" --main-jar "netwright-app-${version}-SNAPSHOT.jar" --main-class org.netwright.app.Main \
  --module-path "$out/fx" --add-modules javafx.controls,javafx.swing,java.sql,java.logging,java.desktop,java.prefs,java.management,jdk.unsupported \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2" \
  --java-options "-Dai.djl.offline=true -Dai.djl.pytorch.num_interop_threads=1 -XX:TieredStopAtLevel=1" \
  --add-launcher "netwright=$out/config/cli.properties" \
  --file-associations "$out/config/nwproj.properties" \
  --mac-package-identifier org.netwright.app --mac-package-name Netwright \
  "${sign[@]}" --dest "$out/dist"
dmg="$(ls "$out"/dist/*.dmg)"
echo "build-macos: $dmg ($(( $(stat -f %z "$dmg") / 1024 / 1024 )) MB)"
