#!/usr/bin/env bash
# Times opening a large project (1,000 layers, a run of a million steps) in the window: README "Large graphs".
#   app/bench-open.sh open [ROUNDS] [--small-first]  File > Open in a running app, headless (bench.OpenTiming)
#   app/bench-open.sh launch                         a launch with the project, under Xvfb (bench.LaunchTiming)
# Uses the build's class folders (not ~/.m2's jars, which another checkout may have installed) and writes the projects
# once into app/target/bench. Run `mvn -B install -DskipTests` (or ./netwright once) first. The JVM runs as ./netwright
# runs the window (the JIT's quick tier only); NETWRIGHT_BENCH_JIT=full times it with the full JIT instead.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bench="$here/app/target/bench"
mkdir -p "$bench"
mvn -B -q test-compile dependency:build-classpath -pl app -Dmdep.includeScope=test \
  -Dmdep.outputFile="$bench/classpath.txt" >"$bench/build.log" 2>&1 || { cat "$bench/build.log" >&2; exit 2; }
# This checkout's modules first, from their class folders; the rest (libraries) as Maven resolved them.
cp="app/target/test-classes:app/target/classes:model/target/classes:graph-editor/target/classes"
cp="$cp:training-runner/target/classes:templates/target/classes"
cp="$cp:$(tr ':' '\n' <"$bench/classpath.txt" | grep -v '/org/netwright/' | paste -sd:)"
large="$bench/large.nwproj"
jit=(-XX:TieredStopAtLevel=1)
[[ "${NETWRIGHT_BENCH_JIT:-}" == full ]] && jit=()
# Written again when what shapes the file changed since: the schema (a run's packed losses came with schema 4), the
# run's writer or the project's graph.
for source in model/src/main/java/org/netwright/model/store/Schema.java \
    training-runner/src/main/java/org/netwright/runner/bench/GraphScale.java \
    app/src/test/java/org/netwright/app/bench/LargeProject.java; do
  [[ -f "$large" && "$large" -nt "$source" ]] || rm -f "$large"
done
[[ -f "$large" ]] || java -cp "$cp" org.netwright.app.bench.LargeProject "$large"
case "${1:-open}" in
  open)
    shift || true
    exec java ${jit[@]+"${jit[@]}"} -Dai.djl.offline=true -Dprism.order=sw -Dprism.text=t2k -Dglass.platform=Monocle \
      -Dmonocle.platform=Headless -Dheadless.geometry=1600x1000-32 -Djava.awt.headless=true \
      -Duser.home="$bench/home" -cp "$cp" org.netwright.app.bench.OpenTiming "$large" "$bench/small.nwproj" \
      "${1:-3}" "${@:2}" ;;
  launch)
    exec xvfb-run -a -s '-screen 0 1600x1000x24' java ${jit[@]+"${jit[@]}"} -Dai.djl.offline=true -Duser.home="$bench/home" \
      -cp "$cp" org.netwright.app.bench.LaunchTiming "$large" ;;
  *) echo "usage: app/bench-open.sh open [ROUNDS] [--small-first] | launch" >&2; exit 2 ;;
esac
