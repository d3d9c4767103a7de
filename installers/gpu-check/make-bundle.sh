#!/usr/bin/env bash
# Builds the GPU device check's bundle in .devcheck/ at the repository root (ignored by git): the scripts beside this
# file, eight PyTorch exports trained here with their CPU outputs and CLI predictions recorded, a Java 17 runtime made
# by jlink and the runner CLI's jars (without the CPU libtorch and ONNX Runtime, which the GPU machine does not need).
# Then, on a lent GPU machine (the `device` tool): run `bash .devcheck/devcheck.sh` carrying [".devcheck"]; here, on
# the CPU: `DEVCHECK_LOCAL=1 OUT=/tmp/devout bash .devcheck/devcheck.sh`. See README.md beside this file.
# Needs: a build (`mvn -B install -DskipTests`), Debian's python3-torch and python3-numpy, xz, zip, ImageMagick.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/.devcheck"
work="$(mktemp -d /tmp/gpu-check-XXXXXX)"
trap 'rm -rf "$work"' EXIT
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
py=/usr/bin/python3
cd "$root"

rm -rf "$out"
mkdir -p "$out" "$work/exp/refs"
cp "$here/devcheck.sh" "$here/parity.py" "$here/dctool.py" "$here/README.md" "$out/"

# 1. The exports: each template trained two epochs (seed 42), exported as PyTorch source; three also as ONNX.
models=(shapes-cnn resnet-mini transformer-classifier gpt-mini lstm-forecast gan-2d vae gcn-node)
with_onnx=" shapes-cnn transformer-classifier lstm-forecast "
convert -size 16x16 xc:black -fill white -draw "circle 8,8 8,3" "$work/exp/circle16.png"
convert -size 16x16 xc:black -fill white -draw "rectangle 4,4 11,11" "$work/exp/square16.png"
for m in "${models[@]}"; do
  echo "export $m"
  ./netwright train --template "$m" --epochs 2 --seed 42 --save "$work/$m.nwproj" >"$work/$m.train.log" 2>&1
  ./netwright export "$work/$m.nwproj" --format pytorch --out "$work/exp/$m" >/dev/null
  if [[ "$with_onnx" == *" $m "* ]]; then
    ./netwright export "$work/$m.nwproj" --format onnx --out "$work/onnx-$m" >/dev/null
    cp "$work/onnx-$m/model.onnx" "$work/exp/$m/model.onnx"
  fi
  # model.py's outputs on this CPU, which the GPU machine's CPU and GPU are held to.
  (cd "$work/exp" && "$py" "$out/parity.py" "$work/exp/$m" --save-ref "$work/exp/refs/$m.npz" >/dev/null)
done
for m in shapes-cnn resnet-mini; do
  for img in circle16 square16; do
    ./netwright predict "$work/$m.nwproj" --input "$work/exp/$img.png" --json \
      >"$work/exp/$m/expected-$img.netwright.json"
  done
done
tar -C "$work" -cJf "$out/exports.tar.xz" exp

# 2. Java: a runtime of the modules the CLI uses, and its jars as the runner's build resolves them.
mvn -B -o -q dependency:build-classpath -pl training-runner -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
mkdir -p "$work/java/lib"
tr ':' '\n' <"$work/cp.txt" | grep -v -e pytorch-native-cpu -e onnxruntime -e junit \
  | while read -r jar; do cp "$jar" "$work/java/lib/"; done
cp training-runner/target/netwright-training-runner-*.jar "$work/java/lib/"
# Natives for other systems are most of these two jars; the GPU machine is Linux x86-64.
(cd "$work/java/lib" && zip -q -d sqlite-jdbc-*.jar 'org/sqlite/native/Windows/*' 'org/sqlite/native/Mac/*' \
  'org/sqlite/native/FreeBSD/*' 'org/sqlite/native/Linux-Android/*' 'org/sqlite/native/Linux-Musl/*' \
  'org/sqlite/native/Linux/aarch64/*' 'org/sqlite/native/Linux/arm*' 'org/sqlite/native/Linux/x86/*' \
  'org/sqlite/native/Linux/ppc64/*' 'org/sqlite/native/Linux/riscv64/*' 'org/sqlite/native/Linux/armv*' || true)
(cd "$work/java/lib" && zip -q -d pytorch-jni-*.jar 'jnilib/linux-aarch64/*' 'jnilib/osx-*' 'jnilib/win-*' || true)
(cd "$work/java/lib" && for j in jna-*.jar; do
  others="$(unzip -Z1 "$j" | grep -E '^com/sun/jna/[^/]+/' | grep -v '^com/sun/jna/linux-x86-64/' | grep -v -e '\.class$' -e '/$' || true)"
  [[ -z "$others" ]] || echo "$others" | zip -q -d "$j" -@; done)
# The CLI's own log through slf4j-simple, so DJL's lines (libraries loaded, GPUs seen) reach djl.log.
simple="$(find ~/.m2/repository/org/slf4j/slf4j-simple -name 'slf4j-simple-*.jar' | sort | tail -1)"
[[ -n "$simple" ]] || { echo "slf4j-simple is not in ~/.m2; run: mvn dependency:get -Dartifact=org.slf4j:slf4j-simple:2.0.17" >&2; exit 2; }
cp "$simple" "$out/"
# The modules jdeps finds in the CLI's jars (java.desktop for ImageIO), and those DJL and SQLite reach by reflection.
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.prefs,java.sql,java.xml
modules="$modules,jdk.management,jdk.unsupported,jdk.zipfs"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages \
  --no-header-files --compress=0 --output "$work/java/jre"
# Uncompressed modules and native code without symbols: xz packs the runtime to a third of jlink's own compression.
find "$work/java/jre" -name '*.so' -exec strip --strip-unneeded {} +
# Libraries the runtime's AWT links to, for a machine that lacks them (found with ldd here).
mkdir -p "$work/java/jre/lib/deps"
ldd "$work"/java/jre/lib/*.so 2>/dev/null | awk '/=> \// {print $3}' | sort -u \
  | grep -v -e '/libc\.so' -e '/libm\.so' -e '/libdl\.so' -e '/libpthread\.so' -e '/librt\.so' -e '/ld-linux' \
         -e '/libgcc_s\.so' -e '/libstdc++\.so' -e "$work" \
  | while read -r lib; do cp -L "$lib" "$work/java/jre/lib/deps/"; done
# Jars stored, not compressed, so xz finds their repeats: 25 MB instead of 42.
(cd "$work/java/lib" && for j in *.jar; do mkdir x && (cd x && unzip -q "../$j") && rm "$j" \
  && (cd x && zip -q -0 -r "../$j" .) && rm -rf x; done)
tar -C "$work/java" -cf - jre lib | xz -T0 -6 >"$out/java.tar.xz"

echo "bundle: $(du -sh "$out" | cut -f1) in $out"
