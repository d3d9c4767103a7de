#!/usr/bin/env python3
"""Device checks for one PyTorch export: model.py on CUDA vs CPU, and (with --onnx) model.onnx in ONNX Runtime vs
model.py on the CPU. Prints one JSON line. Written for torch 1.13 (Debian, local) and 2.x (device)."""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch


def inputs_for(export_dir, n):
    """The same inputs train.py feeds: the test split's first n samples, noise from a fixed seed, a node graph whole."""
    with open(os.path.join(export_dir, "run.json"), encoding="utf-8") as f:
        config = json.load(f)
    data = np.load(os.path.join(export_dir, "data.npz"), allow_pickle=False)
    if config["recipe"] == "nodes":
        return [data["features"][None].astype(np.float32), data["adjacency"][None].astype(np.float32)]
    g = torch.Generator().manual_seed(1234)
    out = []
    for spec in config["inputs"]:
        if spec["kind"] == "noise":
            shape = (n,) + tuple(spec["shape"])
            t = torch.rand(shape, generator=g) * 2 - 1 if spec.get("distribution") == "uniform" \
                else torch.randn(shape, generator=g)
            out.append(t.numpy().astype(np.float32))
        else:
            out.append(np.ascontiguousarray(data["test/" + spec["field"]][:n]).astype(np.float32))
    return out


def as_tuple(x):
    return x if isinstance(x, (tuple, list)) else (x,)


def run_model(net, arrays, device):
    with torch.no_grad():
        outs = as_tuple(net.to(device)(*[torch.from_numpy(a).to(device) for a in arrays]))
    return [o.detach().float().cpu().numpy() for o in outs]


def max_diff(a, b):
    return float(max(np.max(np.abs(x.astype(np.float64) - y.astype(np.float64))) if x.size else 0.0
                     for x, y in zip(a, b)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("export_dir")
    p.add_argument("--name", default="model_under_check")
    p.add_argument("--n", type=int, default=16)
    p.add_argument("--onnx", default=None, help="a model.onnx to compare with model.py on the CPU")
    p.add_argument("--tol", type=float, default=1e-4)
    p.add_argument("--save-ref", default=None, help="write model.py's CPU outputs here (.npz)")
    p.add_argument("--ref", default=None, help="compare model.py's CPU outputs with these (made on another machine)")
    args = p.parse_args()
    d = os.path.abspath(args.export_dir)
    import importlib.util
    spec = importlib.util.spec_from_file_location(args.name, os.path.join(d, "model.py"))
    exported = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(exported)
    arrays = inputs_for(d, args.n)
    result = {"export": os.path.basename(d), "torch": torch.__version__,
              "inputs": [list(a.shape) for a in arrays]}
    net = exported.load()
    torch.manual_seed(0)
    cpu = run_model(net, arrays, "cpu")
    result["outputs"] = [list(o.shape) for o in cpu]
    ok = all(np.isfinite(o).all() for o in cpu)
    if args.save_ref:
        np.savez(args.save_ref, *cpu)
    if args.ref and os.path.exists(args.ref):
        with np.load(args.ref) as r:
            ref = [r["arr_%d" % i] for i in range(len(r.files))]
        result["max_diff_cpu_vs_local_ref"] = max_diff(cpu, ref)
        ok = ok and result["max_diff_cpu_vs_local_ref"] <= args.tol
    if torch.cuda.is_available():
        dev = "cuda"
        result["cuda_device"] = torch.cuda.get_device_name(0)
        # Default TF32 settings of this torch first, then strict fp32 (TF32 off for matmul and cuDNN).
        result["tf32_defaults"] = {"matmul": torch.backends.cuda.matmul.allow_tf32,
                                   "cudnn": torch.backends.cudnn.allow_tf32}
        t0 = time.time()
        gpu_default = run_model(net, arrays, dev)
        torch.cuda.synchronize()
        result["cuda_first_forward_s"] = round(time.time() - t0, 3)
        result["max_diff_cuda_vs_cpu_default"] = max_diff(gpu_default, cpu)
        try:  # torch 2.9+ also has fp32_precision; the legacy switches still work there
            torch.backends.cuda.matmul.allow_tf32 = False
            torch.backends.cudnn.allow_tf32 = False
            gpu_strict = run_model(net, arrays, dev)
            result["max_diff_cuda_vs_cpu_strict"] = max_diff(gpu_strict, cpu)
            torch.backends.cuda.matmul.allow_tf32 = True
            torch.backends.cudnn.allow_tf32 = True
            gpu_tf32 = run_model(net, arrays, dev)
            result["max_diff_cuda_vs_cpu_tf32_on"] = max_diff(gpu_tf32, cpu)
        except Exception as e:
            result["tf32_switch_error"] = (type(e).__name__ + ": " + str(e))[:300]
            result["max_diff_cuda_vs_cpu_strict"] = result["max_diff_cuda_vs_cpu_default"]
        ok = ok and result["max_diff_cuda_vs_cpu_strict"] <= args.tol
        net.to("cpu")
    else:
        result["cuda_device"] = None
    if args.onnx:
        try:
            import onnxruntime as ort
            avail = ort.get_available_providers()
            result["ort"] = ort.__version__
            result["ort_available_providers"] = avail
            tried = (["CUDAExecutionProvider"] if "CUDAExecutionProvider" in avail else []) + ["CPUExecutionProvider"]
            for prov in tried:
                key = "CUDA" if prov.startswith("CUDA") else "CPU"
                try:
                    sess = ort.InferenceSession(args.onnx, providers=[prov])
                    names = [i.name for i in sess.get_inputs()]
                    result["onnx_inputs"] = names
                    outs = sess.run(None, {nm: a for nm, a in zip(names, arrays)})
                    result["onnx_session_providers_" + key] = sess.get_providers()
                    result["max_diff_onnx_" + key + "_vs_torch_cpu"] = max_diff(outs, cpu)
                    if key == "CPU":  # the CUDA provider's figure is information: ONNX Runtime's GPU build is optional
                        ok = ok and result["max_diff_onnx_CPU_vs_torch_cpu"] <= args.tol
                except Exception as e:  # the failure's text is the answer
                    result["onnx_error_" + key] = (type(e).__name__ + ": " + str(e))[:400]
                    ok = ok and key != "CPU"
        except ImportError as e:
            result["onnx_skipped"] = "onnxruntime not importable: " + str(e)
    result["ok"] = bool(ok)
    print(json.dumps(result), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
