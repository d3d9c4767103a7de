#!/usr/bin/env python3
"""Helpers for devcheck.sh: run an export's train.py and report the device it used; judge its log; compare
predict.py's JSON with the one recorded on the development machine. Works with torch 1.13 and 2.x."""
import json
import math
import os
import runpy
import sys


def train_wrap(argv):
    """python3 dctool.py train EXPORT_DIR [train.py args]: runs train.py as __main__, then one JSON line with
    the CUDA memory it used (0 = it did not touch the GPU)."""
    force_ddp = argv[0] == "--force-ddp"
    if force_ddp:
        argv = argv[1:]
    export, rest = argv[0], argv[1:]
    import torch
    sys.argv = [os.path.join(export, "train.py")] + rest
    sys.path.insert(0, export)
    try:
        if not force_ddp:
            runpy.run_path(sys.argv[0], run_name="__main__")
        else:
            # train.py starts a process group only for 2+ processes, and NCCL refuses two processes on one GPU; so with
            # one process (torchrun --nproc_per_node=1) World is made distributed anyway: NCCL + DDP at world size 1.
            import importlib.util
            import torch.distributed as dist
            spec = importlib.util.spec_from_file_location("train_under_check", sys.argv[0])
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)

            def forced_init(self, device):
                self.size = int(os.environ.get("WORLD_SIZE", "1"))
                self.rank = int(os.environ.get("RANK", "0"))
                self.distributed = True
                self.device = torch.device(device)
                backend = "nccl" if self.device.type == "cuda" else "gloo"
                dist.init_process_group(backend)
                print(json.dumps({"devcheck": "process_group", "backend": dist.get_backend(),
                                  "world_size": dist.get_world_size()}), flush=True)
                if self.device.type == "cuda":
                    self.device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
                    torch.cuda.set_device(self.device)
            mod.World.__init__ = forced_init
            mod.main()
    finally:
        info = {"devcheck": "train_done", "rank": int(os.environ.get("RANK", "0")),
                "cuda_available": torch.cuda.is_available()}
        if torch.cuda.is_available():
            info["cuda_max_mem_bytes"] = int(torch.cuda.max_memory_allocated())
            info["cuda_device"] = torch.cuda.get_device_name(0)
        print(json.dumps(info), flush=True)


def check_train(argv):
    """python3 dctool.py check LOG RECIPE EXPECT_CUDA(0/1): PASS when epochs ran, losses are finite, the validation
    loss after the last epoch is below epoch 0's (not asked of a GAN: its swd must be finite), and the GPU was used
    when expected."""
    log, recipe, expect_cuda = argv[0], argv[1], argv[2] == "1"
    epochs, done = [], []
    for line in open(log, encoding="utf-8", errors="replace"):
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            o = json.loads(line)
        except ValueError:
            continue
        if "epoch" in o:
            epochs.append(o)
        if o.get("devcheck") == "train_done":
            done.append(o)
    problems = []
    if len(epochs) < 2:
        problems.append("fewer than 2 epoch lines (%d)" % len(epochs))
    for o in epochs:
        for k, v in o.items():
            if isinstance(v, float) and not math.isfinite(v):
                problems.append("epoch %s %s=%s" % (o.get("epoch"), k, v))
    summary = {}
    if epochs:
        first, last = epochs[0], epochs[-1]
        key = "swd" if recipe == "gan" else "val_loss"
        summary = {key + "_epoch0": first.get(key), key + "_last": last.get(key), "epochs": len(epochs) - 1}
        if first.get(key) is None or last.get(key) is None:
            problems.append("no " + key)
        elif recipe != "gan" and not last[key] < first[key]:
            problems.append("val_loss did not fall (%s -> %s)" % (first[key], last[key]))
    if not done:
        problems.append("no devcheck end line (train.py crashed?)")
    else:
        mem = max(d.get("cuda_max_mem_bytes", 0) for d in done)
        summary["cuda_mem_MB"] = round(mem / 1e6, 1)
        summary["processes"] = epochs[-1].get("processes") if epochs else None
        if expect_cuda and mem == 0:
            problems.append("CUDA available but train.py allocated no GPU memory")
    verdict = "PASS" if not problems else "FAIL"
    print("%s %s %s" % (verdict, json.dumps(summary), "; ".join(problems)))
    return 0 if not problems else 1


def compare_predict(argv):
    """python3 dctool.py predict GOT.json EXPECTED.json: same classes in the same order, probabilities within 1e-5."""
    got_text = [l for l in open(argv[0], encoding="utf-8", errors="replace") if l.strip().startswith("{")]
    if not got_text:
        print("FAIL no JSON from predict.py")
        return 1
    got = json.loads(got_text[-1])
    want = json.loads(open(argv[1], encoding="utf-8").read().strip().splitlines()[-1])
    g, w = got.get("predictions", []), want.get("predictions", [])
    if [p["class"] for p in g] != [p["class"] for p in w]:
        print("FAIL classes differ: got %s want %s" % ([p["class"] for p in g], [p["class"] for p in w]))
        return 1
    diff = max(abs(a["probability"] - b["probability"]) for a, b in zip(g, w))
    verdict = "PASS" if diff <= 1e-5 else "FAIL"
    print("%s max probability difference %.3g vs %s" % (verdict, diff, os.path.basename(argv[1])))
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    cmd = sys.argv[1]
    fn = {"train": train_wrap, "check": check_train, "predict": compare_predict}[cmd]
    sys.exit(fn(sys.argv[2:]) or 0)
