#!/usr/bin/env bash
# Builds a Linux app-image (and a .deb with --deb) of Netwright with jpackage.
# JavaFX goes on the module path (jlink bakes it into the runtime); everything else, JFreeChart
# and the DJL/libtorch jars included, stays on the class path (jlink refuses automatic modules).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target"
version="0.1.0"
type="app-image"
[[ "${1:-}" == "--deb" ]] && type="deb"

command -v jpackage >/dev/null || { echo "build-linux: jpackage (JDK 17+) is needed" >&2; exit 2; }
if [[ "$type" == "deb" ]]; then
  command -v fakeroot >/dev/null || { echo "build-linux: a .deb needs fakeroot (apt-get install -y fakeroot)" >&2; exit 2; }
fi

(cd "$root" && mvn -B -q -DskipTests install)
rm -rf "$out" && mkdir -p "$out/input" "$out/fx"
(cd "$root/app" && mvn -B -q dependency:copy-dependencies -DincludeScope=runtime \
   -DexcludeGroupIds=org.openjfx -DoutputDirectory="$out/input")
(cd "$root/app" && mvn -B -q dependency:copy-dependencies -DincludeScope=runtime \
   -DincludeGroupIds=org.openjfx -DoutputDirectory="$out/fx")
# Only the platform jars carry classes; the classifier-less ones are empty stubs.
find "$out/fx" -name 'javafx-*.jar' ! -name '*-linux.jar' -delete
cp "$root/app/target/netwright-app-${version}-SNAPSHOT.jar" "$out/input/"

args=(--type "$type" --name Netwright --app-version "$version" --vendor "Netwright"
  --input "$out/input" --main-jar "netwright-app-${version}-SNAPSHOT.jar" --main-class org.netwright.app.Main
  --module-path "$out/fx" --add-modules javafx.controls,javafx.swing,java.sql,java.logging,java.desktop,java.prefs,jdk.unsupported
  --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2"
  --java-options "-Dai.djl.offline=true" --dest "$out/dist")
[[ "$type" == "deb" ]] && args+=(--linux-package-deps libgtk-3-0 --linux-shortcut)
jpackage "${args[@]}"
echo "build-linux: written to $out/dist"
