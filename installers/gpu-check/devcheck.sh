#!/bin/bash
# Device check: Netwright's PyTorch export on CUDA (part 1), our DJL runner on the GPU (part 2), env facts (part 3).
# On the device: bash .devcheck/devcheck.sh   ($OUT set by the device tool; whole run < 6 min).
# Here (CPU):    DEVCHECK_LOCAL=1 OUT=/tmp/devout bash .devcheck/devcheck.sh
# Every step runs under `timeout`; a failure is logged and the next step runs. See installers/gpu-check/README.md.
set +e
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
START=$(date +%s)
BUDGET=${DEVCHECK_BUDGET:-330}          # seconds; optional steps are skipped when less than they need is left
LOCAL=${DEVCHECK_LOCAL:-0}
ONLY=${DEVCHECK_ONLY:-all}                # ddp: the torchrun steps with the repo's train.py, and DJL's --device auto
if [ "$LOCAL" = 1 ]; then
  OUT=${OUT:-/tmp/devout}; PY=${PY:-/usr/bin/python3}; WORK=${WORK:-/tmp/devcheck-local}
else
  PY=${PY:-python3}; WORK=${WORK:-/tmp/devcheck}
fi
: "${OUT:?OUT must be set}"
mkdir -p "$OUT"; rm -rf "$WORK"; mkdir -p "$WORK"
SUM="$OUT/summary.txt"; PYLOG="$OUT/python.log"; DJLLOG="$OUT/djl.log"; ENVLOG="$OUT/env.log"
: >"$SUM"; : >"$PYLOG"; : >"$DJLLOG"; : >"$ENVLOG"
# tar's -J needs the xz program; Python's lzma unpacks the same archive where xz is missing.
unpack() { tar -xJf "$1" -C "$2" 2>/dev/null || "$PY" -c 'import sys,tarfile
t=tarfile.open(sys.argv[1])
try: t.extractall(sys.argv[2], filter="tar")
except TypeError: t.extractall(sys.argv[2])' "$1" "$2"; }
el() { echo $(( $(date +%s) - START )); }
left() { echo $(( BUDGET - $(date +%s) + START )); }
SUMF="$SUM"                                               # the DJL part, run alongside, writes its own lines
say() { echo "$*" | tee -a "$SUMF"; }                    # one summary line: PASS|FAIL|SKIP|INFO step detail
hdr() { local f=$1; shift; printf '\n===== [%ss] %s\n' "$(el)" "$*" >>"$f"; }

# ---------------------------------------------------------------- part 3: env facts (cheap, first)
{
  echo "date: $(date -u)"; echo "nproc: $(nproc)"; free -g; uname -a
  echo "which: python3=$(command -v python3) torchrun=$(command -v torchrun) java=$(command -v java) ldd=$(command -v ldd)"
  command -v nvidia-smi >/dev/null && timeout 20 nvidia-smi
  timeout 60 "$PY" - <<'PYEOF'
import sys, torch, numpy
print("python", sys.version.split()[0], sys.executable)
print("torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available(),
      "device", torch.cuda.get_device_name(0) if torch.cuda.is_available() else None)
print("cudnn", torch.backends.cudnn.version() if torch.backends.cudnn.is_available() else None,
      "nccl", torch.cuda.nccl.version() if torch.cuda.is_available() else None, "numpy", numpy.__version__)
print("tf32 defaults: matmul", torch.backends.cuda.matmul.allow_tf32, "cudnn", torch.backends.cudnn.allow_tf32)
try:
    import onnxruntime as ort; print("onnxruntime", ort.__version__, ort.get_available_providers())
except Exception as e: print("onnxruntime: none:", e)
try:
    import onnx; print("onnx", onnx.__version__)
except Exception as e: print("onnx: none:", e)
import os; print("torch lib dir", os.path.join(os.path.dirname(torch.__file__), "lib"))
print(sorted(os.listdir(os.path.join(os.path.dirname(torch.__file__), "lib"))))
PYEOF
} >"$ENVLOG" 2>&1
CUDA=$(timeout 60 "$PY" -c 'import torch;print(1 if torch.cuda.is_available() else 0)' 2>/dev/null || echo 0)
TMAJOR=$(timeout 60 "$PY" -c 'import torch;print(torch.__version__.split(".")[0])' 2>/dev/null)
say "INFO env: cuda_available=$CUDA torch_major=$TMAJOR ($(grep -m1 '^torch ' "$ENVLOG"))"
# Debian's torch 1.13 torchrun cannot parse its default output settings (README "Export").
TORCHRUN=("$PY" -m torch.distributed.run)
[ "$TMAJOR" = 1 ] && TORCHRUN+=(--redirects 9:1 --tee 9:1)

djl_part() {
SUMF="$WORK/djl-summary.txt"
# ---------------------------------------------------------------- part 2: DJL (our runner) on the GPU
JDIR="$WORK/java"; mkdir -p "$JDIR"
if unpack "$HERE/java.tar.xz" "$JDIR"; then
  JAVA="$JDIR/jre/bin/java"
  CP=$(ls "$JDIR"/lib/*.jar | grep -v slf4j-nop | tr '\n' ':')"$HERE/slf4j-simple-2.0.17.jar"
  hdr "$DJLLOG" "java"; "$JAVA" -version >>"$DJLLOG" 2>&1
  JNI="$WORK/jni"; mkdir -p "$JNI"
  "$PY" -c 'import zipfile,sys
z=zipfile.ZipFile(sys.argv[1])
for f in ("cu128","cpu"): open(sys.argv[2]+"/libdjl_torch-"+f+".so","wb").write(z.read("jnilib/linux-x86_64/%s/libdjl_torch.so"%f))' \
    "$(ls "$JDIR"/lib/pytorch-jni-*.jar)" "$JNI" 2>>"$DJLLOG"
  if [ "$LOCAL" = 1 ]; then
    # Here: the CPU libtorch 2.7.1 DJL downloaded once, linked without its JNI so the JNI comes from the jar as there.
    SRC=$(ls -d "$HOME"/.djl.ai/pytorch/2.7.1-*cpu-linux-x86_64 | head -1)
    TORCHLIB="$WORK/libtorch-cpu"; mkdir -p "$TORCHLIB"
    for f in "$SRC"/*; do case "$f" in *djl_torch*) ;; *) ln -s "$f" "$TORCHLIB/";; esac; done
    FLAVOR=cpu; DEVICE=cpu; NVLIBS=""
  else
    TORCHLIB=$("$PY" -c 'import torch,os;print(os.path.join(os.path.dirname(torch.__file__),"lib"))')
    NVLIBS=$("$PY" -c 'import os,glob,torch
sp=os.path.dirname(os.path.dirname(torch.__file__))
print(":".join(sorted(glob.glob(os.path.join(sp,"nvidia","*","lib"))+glob.glob(os.path.join(sp,"nvidia","cu*","lib*")))))' 2>/dev/null)
    FLAVOR=cu128; DEVICE=gpu
  fi
  LDP="$TORCHLIB${NVLIBS:+:$NVLIBS}:$JDIR/jre/lib/deps"
  hdr "$DJLLOG" "paths"; echo "TORCHLIB=$TORCHLIB"$'\n'"NVLIBS=$NVLIBS"$'\n'"FLAVOR=$FLAVOR DEVICE=$DEVICE" >>"$DJLLOG"
  # 2a. does the JNI built for libtorch 2.7.1 link against this libtorch?
  if command -v ldd >/dev/null; then
    hdr "$DJLLOG" "ldd -r libdjl_torch-$FLAVOR.so"
    LD_LIBRARY_PATH="$LDP" timeout 30 ldd -r "$JNI/libdjl_torch-$FLAVOR.so" >"$WORK/ldd.txt" 2>&1
    nf=$(grep -c 'not found' "$WORK/ldd.txt"); nu=$(grep -c 'undefined symbol' "$WORK/ldd.txt")
    grep -v 'undefined symbol' "$WORK/ldd.txt" >>"$DJLLOG"
    echo "--- undefined symbols: $nu (first 20, demangled when c++filt exists)" >>"$DJLLOG"
    grep 'undefined symbol' "$WORK/ldd.txt" | head -20 | { command -v c++filt >/dev/null && c++filt || cat; } >>"$DJLLOG"
    [ "$nf" = 0 ] && [ "$nu" = 0 ] && say "PASS djl ldd: JNI ($FLAVOR) links against $TORCHLIB" \
      || say "FAIL djl ldd: $nu undefined symbols, $nf libraries not found (djl.log)"
  else
    say "SKIP djl ldd (no ldd)"
  fi
  # 2b. our CLI trains shapes-cnn on the device with DJL. A: torch's lib dir as is. B: a folder of links to the core
  # libraries only (DJL loads every file of the folder). C: PYTORCH_VERSION=2.11.0 with the JNI put in the cache by hand.
  djl_run() {  # name version libdir timeout args...
    local name=$1 ver=$2 lib=$3 t=$4; shift 4
    local cache="$WORK/djlcache-$name"; mkdir -p "$cache"
    if [ "$ver" != 2.7.1 ]; then
      mkdir -p "$cache/pytorch/$ver-$FLAVOR-linux-x86_64"; cp "$JNI/libdjl_torch-$FLAVOR.so" "$cache/pytorch/$ver-$FLAVOR-linux-x86_64/0.35.0-libdjl_torch.so"
    fi
    hdr "$DJLLOG" "djl $name: PYTORCH_VERSION=$ver PYTORCH_LIBRARY_PATH=$lib flavor=$FLAVOR: $*"
    local t0=$(date +%s)
    (cd "$WORK" && env PYTORCH_LIBRARY_PATH="$lib" PYTORCH_FLAVOR=$FLAVOR PYTORCH_VERSION=$ver ENGINE_CACHE_DIR="$cache" \
      DJL_CACHE_DIR="$cache" LD_LIBRARY_PATH="$LDP" timeout "$t" "$JAVA" -XX:ErrorFile="$OUT/hs_err_$name.log" \
      -Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.pytorch.num_interop_threads=1 -Dnetwright.flavor=gpu \
      -Djna.library.path="$LDP" -Dorg.slf4j.simpleLogger.log.ai.djl=debug -cp "$CP" org.netwright.runner.cli.Cli "$@") >"$WORK/djl-$name.log" 2>&1
    local rc=$?
    cat "$WORK/djl-$name.log" >>"$DJLLOG"; echo "--- rc=$rc in $(( $(date +%s) - t0 )) s; cache: $(find "$cache" -type f | tr '\n' ' ')" >>"$DJLLOG"
    return $rc
  }
  djl_ok() { grep -q "\"final\".*\"device\":\"$DEVICE" "$WORK/djl-$1.log"; }
  djl_final() { grep -o '"final":{[^}]*}' "$WORK/djl-$1.log" | sed 's/"activations.*//' | cut -c1-240; }
  djl_err() { grep -v -e '^\[' -e '^{' -e DEBUG -e ' INFO ' "$WORK/djl-$1.log" | grep -m2 -i -e error -e exception -e refused -e 'was asked' | cut -c1-300 | tr '\n' ' '; }
  WORKING=""; TRYALL=${DEVCHECK_DJL_TRY_ALL:-0}   # 1: run B, C, T and bench even when A worked (tests them here)
  if [ "$ONLY" = ddp ]; then
    # What a user with this mismatched libtorch gets from --device auto: a run on the CPU, saying why.
    djl_run auto 2.7.1 "$TORCHLIB" 100 train --template shapes-cnn --epochs 1 --device auto --json
    say "INFO djl --device auto (rc=$?): $(djl_final auto) $(grep -v -e '^\[' -e '^{' -e DEBUG "$WORK/djl-auto.log" | grep -m3 -i -e gpu -e cpu -e device | cut -c1-300 | tr '\n' ' ')"
    return 0
  fi
  djl_run A 2.7.1 "$TORCHLIB" 100 train --template shapes-cnn --epochs 2 --device $DEVICE --json
  if djl_ok A; then WORKING=A; say "PASS djl A train shapes-cnn --device $DEVICE: $(djl_final A)"
  else say "FAIL djl A (torch lib dir as is): $(djl_err A)"; fi
  if { [ -z "$WORKING" ] || [ "$TRYALL" = 1 ]; } && [ "$(left)" -gt 80 ]; then
    CORE="$WORK/libtorch-core"; mkdir -p "$CORE"
    for f in "$TORCHLIB"/libc10.so "$TORCHLIB"/libc10_cuda.so "$TORCHLIB"/libtorch.so "$TORCHLIB"/libtorch_cpu.so \
             "$TORCHLIB"/libtorch_cuda.so "$TORCHLIB"/libgomp*.so*; do [ -f "$f" ] && ln -s "$f" "$CORE/"; done
    djl_run B 2.7.1 "$CORE" 60 train --template shapes-cnn --epochs 2 --device $DEVICE --json
    if djl_ok B; then WORKING=${WORKING:-B}; say "PASS djl B (core libs only) train shapes-cnn: $(djl_final B)"
    else say "FAIL djl B (core libs only): $(djl_err B)"; fi
    if { [ -z "$WORKING" ] || [ "$TRYALL" = 1 ]; } && [ "$(left)" -gt 50 ]; then
      djl_run C 2.11.0 "$CORE" 40 train --template shapes-cnn --epochs 1 --device $DEVICE --json
      if djl_ok C; then WORKING=${WORKING:-C}; say "PASS djl C (PYTORCH_VERSION=2.11.0) train shapes-cnn: $(djl_final C)"
      else say "FAIL djl C (PYTORCH_VERSION=2.11.0): $(djl_err C)"; fi
    fi
  fi
  # 2c. when DJL trains on the GPU: a second family, then bench (bench picks the GPU when the engine lists one).
  if [ -n "$WORKING" ] && { [ "$LOCAL" != 1 ] || [ "$TRYALL" = 1 ]; }; then
    lib="$TORCHLIB"; [ "$WORKING" != A ] && lib="$WORK/libtorch-core"; ver=2.7.1; [ "$WORKING" = C ] && ver=2.11.0
    if [ "$(left)" -gt 60 ]; then
      djl_run T $ver "$lib" 45 train --template transformer-classifier --epochs 2 --device $DEVICE --json
      djl_ok T && say "PASS djl transformer-classifier --device $DEVICE: $(djl_final T)" || say "FAIL djl transformer-classifier: $(djl_err T)"
    fi
    # bench times steps: wait for part 1 to leave the machine quiet
    while [ ! -f "$WORK/python.done" ] && [ "$(left)" -gt 60 ]; do sleep 2; done
    if [ "$(left)" -gt 55 ] && [ -f "$WORK/python.done" ]; then
      djl_run bench $ver "$lib" 50 bench --family cnn --steps 50 --warmup 10 --rounds 1 --json
      say "INFO djl bench cnn (rc=$?): $(grep '^{' "$WORK/djl-bench.log" | tail -2 | cut -c1-300 | tr '\n' ' ')"
    fi
  fi
else
  say "FAIL unpack java.tar.xz"
fi
# JVM crash reports, if any, as one file ($OUT takes 8 files at most).
if ls "$OUT"/hs_err_*.log >/dev/null 2>&1; then
  for f in "$OUT"/hs_err_*.log; do echo "===== $f"; cat "$f"; done >"$OUT/hs_err.log"; rm -f "$OUT"/hs_err_*.log
  say "INFO the JVM crashed at least once: hs_err.log"
fi

}

# Part 2 runs alongside part 1 (16 cores, one GPU with room for both); its bench waits for part 1 to end.
djl_part >"$WORK/djl-part.out" 2>&1 &
DJLPID=$!

# ---------------------------------------------------------------- part 1: PyTorch exports on CUDA
unpack "$HERE/exports.tar.xz" "$WORK" && EXP="$WORK/exp" || say "FAIL unpack exports.tar.xz"
MODELS="shapes-cnn resnet-mini transformer-classifier gpt-mini lstm-forecast gan-2d vae gcn-node"
if [ "$ONLY" = ddp ]; then
  # The repo's train.py (fixed since the exports were made) in place of each export's.
  for d in "$EXP"/*/; do [ -f "$d/train.py" ] && cp "$HERE/../training-runner/src/main/resources/org/netwright/runner/export/pytorch/train.py" "$d/train.py"; done
  MODELS=""
fi
recipe() { "$PY" -c "import json,sys;print(json.load(open(sys.argv[1]))['recipe'])" "$EXP/$1/run.json" 2>/dev/null; }

# 1a. model.py: CUDA vs CPU (TF32 default / off / on), CPU vs this machine's CPU outputs; ONNX Runtime vs model.py.
for m in $MODELS; do
  onnx=(); [ -f "$EXP/$m/model.onnx" ] && onnx=(--onnx "$EXP/$m/model.onnx")
  hdr "$PYLOG" "parity $m"
  [ "$(left)" -lt 220 ] && { say "SKIP parity $m (time)"; continue; }
  line=$(cd "$EXP" && timeout 60 "$PY" "$HERE/parity.py" "$EXP/$m" --ref "$EXP/refs/$m.npz" "${onnx[@]}" 2>>"$PYLOG")
  rc=$?; echo "$line" >>"$PYLOG"
  short=$(echo "$line" | "$PY" -c 'import json,sys
try: o=json.loads(sys.stdin.read())
except Exception: print("no JSON"); sys.exit()
print(" ".join("%s=%s"%(k.replace("max_diff_",""),("%.2g"%v if isinstance(v,float) else v)) for k,v in o.items() if k.startswith("max_diff") or k.startswith("onnx_error") or k=="onnx_skipped" or k.startswith("tf32_switch")))' 2>/dev/null)
  [ $rc = 0 ] && say "PASS parity $m: $short" || say "FAIL parity $m (rc=$rc): $short"
done

# 1b. train.py --epochs 2 as a user runs it (cuda when available): loss falls, GPU memory used.
for m in $MODELS; do
  [ "$(left)" -lt 150 ] && { say "SKIP train $m (time)"; continue; }
  hdr "$PYLOG" "train.py $m --epochs 2"
  log="$WORK/train-$m.log"
  (cd "$EXP/$m" && timeout 60 "$PY" "$HERE/dctool.py" train "$EXP/$m" --epochs 2 --out "$WORK/w-$m.npz") >"$log" 2>&1
  rc=$?; cat "$log" >>"$PYLOG"
  v=$("$PY" "$HERE/dctool.py" check "$log" "$(recipe $m)" "$CUDA" 2>&1); crc=$?
  [ $rc = 0 ] && [ $crc = 0 ] && say "PASS train $m: ${v#PASS }" || say "FAIL train $m (rc=$rc): $v"
done

# 1c. under torchrun, one process, DDP forced on (NCCL on the GPU, gloo on the CPU): NCCL cannot put two processes on
# one GPU, and train.py starts a process group only for 2+ processes, so dctool makes World distributed at size 1.
BACKEND=gloo; [ "$CUDA" = 1 ] && BACKEND=nccl
for m in shapes-cnn transformer-classifier gan-2d vae gcn-node; do
  [ "$(left)" -lt 110 ] && { say "SKIP torchrun $m (time)"; continue; }
  hdr "$PYLOG" "torchrun --nproc_per_node=1 forced DDP $m --epochs 2"
  log="$WORK/ddp-$m.log"
  (cd "$EXP/$m" && timeout 60 "${TORCHRUN[@]}" --nproc_per_node=1 "$HERE/dctool.py" train --force-ddp "$EXP/$m" \
      --epochs 2 --out "$WORK/wd-$m.npz") >"$log" 2>&1
  rc=$?; cat "$log" >>"$PYLOG"
  v=$("$PY" "$HERE/dctool.py" check "$log" "$(recipe $m)" "$CUDA" 2>&1); crc=$?
  grep -q "\"backend\": \"$BACKEND\"" "$log" || { crc=1; v="$v; no $BACKEND process group line"; }
  [ $rc = 0 ] && [ $crc = 0 ] && say "PASS torchrun-$BACKEND $m: ${v#PASS }" || say "FAIL torchrun-$BACKEND $m (rc=$rc): $v"
done
# The unmodified command from the README (one process: no process group, just the launcher + CUDA).
if [ "$(left)" -gt 100 ]; then
  hdr "$PYLOG" "plain torchrun --nproc_per_node=1 train.py --epochs 1 (shapes-cnn)"
  log="$WORK/plain-torchrun.log"
  (cd "$EXP/shapes-cnn" && timeout 45 "${TORCHRUN[@]}" --nproc_per_node=1 train.py --epochs 1 --out "$WORK/wp.npz") >"$log" 2>&1
  rc=$?; cat "$log" >>"$PYLOG"
  n=$(grep -c '"epoch"' "$log"); [ $rc = 0 ] && [ "$n" -ge 2 ] && say "PASS plain torchrun train.py shapes-cnn (epoch lines $n)" \
    || say "FAIL plain torchrun train.py shapes-cnn (rc=$rc, epoch lines $n)"
fi

[ "$ONLY" = ddp ] && touch "$WORK/python.done"
# 1d. predict.py on two images gives the JSON `netwright predict` gave on the development machine.
PREDICT="shapes-cnn resnet-mini"; [ "$ONLY" = ddp ] && PREDICT=""
for m in $PREDICT; do for img in circle16 square16; do
  [ "$(left)" -lt 60 ] && { say "SKIP predict $m $img (time)"; continue; }
  hdr "$PYLOG" "predict.py $m $img.png"
  got="$WORK/pred-$m-$img.json"
  (cd "$EXP/$m" && timeout 30 "$PY" predict.py "$EXP/$img.png") >"$got" 2>>"$PYLOG"
  cat "$got" >>"$PYLOG"
  v=$("$PY" "$HERE/dctool.py" predict "$got" "$EXP/$m/expected-$img.netwright.json" 2>&1)
  case "$v" in PASS*) say "PASS predict $m $img: ${v#PASS }";; *) say "FAIL predict $m $img: $v";; esac
done; done

touch "$WORK/python.done"
wait "$DJLPID"
cat "$WORK/djl-summary.txt" >>"$SUM" 2>/dev/null
say "INFO total $(el) s; logs: $(cd "$OUT" && ls | tr '\n' ' ')"
echo; echo "================ SUMMARY"; cat "$SUM"
