#!/usr/bin/env bash
# Builds Netwright for Linux with jpackage: an app-image and a .deb (installers/target/dist).
#
#   installers/build-linux.sh                 app-image + .deb, CPU libtorch (the default build)
#   installers/build-linux.sh --app-image     the app-image only (no fakeroot needed)
#   installers/build-linux.sh --gpu DIR       the GPU flavor: bundles the CUDA 12.8 libtorch 2.7.1 found in DIR
#                                             (PyTorch's libtorch-cxx11-abi-shared-with-deps-2.7.1+cu128.zip,
#                                             unzipped) instead of the CPU one; see installers/README.md
#
# JavaFX goes on the module path (jlink bakes it into the runtime); everything else, JFreeChart and the DJL/libtorch
# jars included, stays on the class path (jlink refuses automatic modules).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target"
version="0.1.0"
deb=1
gpu_dir=""
while (($#)); do
  case "$1" in
    --app-image) deb=0 ;;
    --deb) deb=1 ;;  # kept for scripts written against the first version of this script
    --gpu) shift; gpu_dir="${1:?--gpu needs the folder of an unzipped CUDA libtorch 2.7.1}" ;;
    *) echo "build-linux: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

command -v jpackage >/dev/null || { echo "build-linux: jpackage (JDK 17+) is needed" >&2; exit 2; }
if ((deb)); then
  for tool in fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null || { echo "build-linux: a .deb needs $tool (apt-get install -y fakeroot dpkg-dev)" >&2; exit 2; }
  done
fi
if [[ -n "$gpu_dir" ]]; then
  lib="$gpu_dir/lib"
  [[ -d "$lib" ]] || lib="$gpu_dir"
  [[ -f "$lib/libtorch_cuda.so" ]] || { echo "build-linux: $gpu_dir holds no CUDA libtorch (no lib/libtorch_cuda.so)" >&2; exit 2; }
fi

rm -rf "$out" && mkdir -p "$out/input" "$out/fx" "$out/config" "$out/deps"
# One reactor build: our modules' jars come from their target folders, never from a stale ~/.m2.
(cd "$root" && mvn -B -q -DskipTests package dependency:copy-dependencies -pl app -am \
   -DincludeScope=runtime -DoutputDirectory="$out/deps")
# JavaFX goes on the module path; only its platform jars carry classes, the classifier-less ones are empty stubs.
mv "$out"/deps/javafx-*-linux.jar "$out/fx/"
rm -f "$out"/deps/javafx-*.jar
mv "$out"/deps/*.jar "$out/input/"
cp "$root/app/target/netwright-app-${version}-SNAPSHOT.jar" "$out/input/"
# Makes the class-data archive where the package is installed (the .deb's postinst runs it; see below).
cp "$here/resources/netwright-cds.sh" "$out/input/"

# The archive is named whether or not it exists: without it (an app-image, or before postinst made it) the JVM
# starts without it, silently. The JIT's quick tier only, as ./netwright starts the window (README "Large graphs"):
# the launcher is the CLI too, where training steps measured the same (libtorch does their work) and the app's own
# training runs in a child JVM with the full JIT.
java_options=(-Dai.djl.offline=true -Dai.djl.pytorch.num_interop_threads=1 -XX:TieredStopAtLevel=1
  '-XX:SharedArchiveFile=$APPDIR/netwright.jsa')
name="Netwright"
if [[ -n "$gpu_dir" ]]; then
  # The GPU flavor: libtorch comes from the bundled CUDA build (PYTORCH_LIBRARY_PATH), the JNI glue for cu128 from
  # pytorch-jni's jar; the CPU libtorch jar is left out. A CUDA libtorch also runs on the CPU, so a machine without
  # a working driver still trains, and the runner says why it fell back.
  rm -f "$out"/input/pytorch-native-cpu-*.jar
  mkdir -p "$out/input/libtorch"
  cp -a "$lib"/. "$out/input/libtorch/"
  java_options+=('-DPYTORCH_LIBRARY_PATH=$APPDIR/libtorch' -DPYTORCH_FLAVOR=cu128 -Dnetwright.flavor=gpu)
  name="Netwright-GPU"
fi

# The .nwproj file type: double-clicking a project opens it (the launcher's Main opens a lone .nwproj argument).
cat > "$out/config/nwproj.properties" <<EOF
extension=nwproj
mime-type=application/x-netwright-project
description=Netwright project
icon=$here/resources/netwright.png
EOF

# Only the modules we use (checked with jdeps; see installers/README.md): JavaFX's controls and Swing bridge, SQL for
# the project file, desktop/prefs/logging, jdk.unsupported for DJL's and sqlite's native access.
modules=javafx.controls,javafx.swing,java.sql,java.logging,java.desktop,java.prefs,java.management,jdk.unsupported

common=(--name "$name" --app-version "$version" --vendor "Netwright"
  --description "Build, train and understand neural networks visually"
  --icon "$here/resources/netwright.png"
  --input "$out/input" --main-jar "netwright-app-${version}-SNAPSHOT.jar" --main-class org.netwright.app.Main
  --module-path "$out/fx" --add-modules "$modules"
  --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2"
  --java-options "${java_options[*]}")

jpackage --type app-image "${common[@]}" --dest "$out/dist"
image="$out/dist/$name"

# Class-data sharing: the JVM maps the classes a start needs from an archive instead of loading them from the jars
# one by one (the first window 0.85-0.9 s after launch here instead of 1.4 s). JDK 17 ties an archive to the jars'
# absolute paths, so only the list of classes is made here, by starting the app-image once on a virtual screen
# until it stops loading classes; lib/app/netwright-cds.sh turns it into the archive where the package is installed.
# Without xvfb-run there is no list and the installed app starts without an archive.
if command -v xvfb-run >/dev/null; then
  cds_home="$(mktemp -d)"
  HOME="$cds_home" JAVA_TOOL_OPTIONS="-Duser.home=$cds_home -XX:DumpLoadedClassList=$out/classes.lst" \
    xvfb-run -a -s '-screen 0 1600x1000x24' bash -c '
      "$1" >/dev/null 2>&1 & pid=$!
      last=-1
      for i in $(seq 1 60); do
        sleep 3
        n=$(wc -l < "$2" 2>/dev/null || echo 0)
        if ((n > 3000 && n == last)); then break; fi
        last=$n
      done
      kill $pid; wait $pid 2>/dev/null || true' _ "$image/bin/$name" "$out/classes.lst"
  rm -rf "$cds_home"
  # Lambda forms are left out, as ./netwright does: JDK 17 makes them again at dump time.
  grep -v '^@lambda' "$out/classes.lst" > "$image/lib/app/netwright.classlist" || true
  echo "build-linux: class list for the installed archive: $(grep -vc '^#' "$image/lib/app/netwright.classlist") classes"
else
  echo "build-linux: no xvfb-run, so no class list: the installed app starts without a class-data archive" >&2
fi
echo "build-linux: app-image $image ($(du -sh "$image" | cut -f1))"

if ((deb)); then
  package="$(echo "$name" | tr '[:upper:]' '[:lower:]')"
  # The .deb packages the app-image just built (no second jlink). jpackage's own .deb is only unpacked again below,
  # so it is written uncompressed (dpkg-deb reads DPKG_DEB_COMPRESSOR_TYPE since dpkg 1.21.10).
  DPKG_DEB_COMPRESSOR_TYPE=none jpackage --type deb --app-image "$image" --dest "$out/deb-build" \
    --name "$name" --app-version "$version" --vendor "Netwright" \
    --description "Build, train and understand neural networks visually" \
    --icon "$here/resources/netwright.png" \
    --linux-package-name "$package" \
    --linux-deb-maintainer "netwright@users.noreply.github.com" \
    --linux-menu-group "Development;Education;Science;" \
    --linux-app-category science \
    --linux-shortcut \
    --file-associations "$out/config/nwproj.properties" \
    --linux-package-deps "libgtk-3-0, libgl1"
  built="$(ls "$out"/deb-build/*.deb)"
  # Put the CLI on the PATH from the package itself (not from a maintainer script): /usr/bin/netwright is a link to
  # the installed launcher, which runs the CLI when given a sub-command. jpackage has no option for this, so the
  # package is unpacked, the link added, and packed again with the same control data.
  work="$out/deb-repack"
  rm -rf "$work" && mkdir -p "$work"
  dpkg-deb -R "$built" "$work/root"
  mkdir -p "$work/root/usr/bin"
  ln -s "/opt/$package/bin/$name" "$work/root/usr/bin/$package"
  # JDK 17's jpackage writes the menu entry's Exec line without a field code, so a double-clicked project would start
  # the app without its file: add %f (the launcher opens a lone .nwproj argument), and keep md5sums true if there are any.
  desktop="$(cd "$work/root" && ls opt/"$package"/lib/*.desktop)"
  if ! grep -q '^Exec=.*%[fFuU]' "$work/root/$desktop"; then
    sed -i 's|^Exec=\(.*\)$|Exec=\1 %f|' "$work/root/$desktop"
    if [[ -f "$work/root/DEBIAN/md5sums" ]]; then
      sum="$(cd "$work/root" && md5sum "$desktop")"
      sed -i "s|^[0-9a-f]*  $desktop\$|$sum|" "$work/root/DEBIAN/md5sums"
    fi
  fi
  # The class-data archive is made by the package's own scripts, where it is installed (see netwright-cds.sh): on
  # configure, and removed on remove or upgrade before dpkg removes the files (dpkg does not own it).
  sed -i "/^    configure)\$/a sh /opt/$package/lib/app/netwright-cds.sh || true" "$work/root/DEBIAN/postinst"
  sed -i "/^    remove|upgrade|deconfigure)\$/a sh /opt/$package/lib/app/netwright-cds.sh --remove || true" \
    "$work/root/DEBIAN/prerm"
  grep -q 'netwright-cds.sh || true' "$work/root/DEBIAN/postinst" \
    || { echo "build-linux: jpackage's postinst changed; the class-data archive is not made on install" >&2; exit 1; }
  grep -q 'netwright-cds.sh --remove' "$work/root/DEBIAN/prerm" \
    || { echo "build-linux: jpackage's prerm changed; the class-data archive would outlive the package" >&2; exit 1; }
  mkdir -p "$out/dist"
  final="$out/dist/$(basename "$built")"
  fakeroot dpkg-deb -Zgzip --root-owner-group --build "$work/root" "$final" >/dev/null
  rm -rf "$work" "$out/deb-build"
  size_mb=$(( $(stat -c %s "$final") / 1024 / 1024 ))
  echo "build-linux: package $final (${size_mb} MB; goal under 200 MB for the CPU build)"
fi
