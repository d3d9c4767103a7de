#!/usr/bin/env python3
"""Predicts with the trained network and prints the same JSON line as `netwright predict PROJECT --input FILE --json`:

    python3 predict.py FILE [--top-k K]
    {"predictions": [{"class": "circle", "probability": 0.93}, ...]}     one sample: its K likeliest classes (5)
    {"values": [0.41, 1.7]}                                                one sample of anything else, in data units
    {"rows": [{"predictions": [...]}, {"predictions": [...]}]}             a file of several samples (CSV rows)

FILE is read as Netwright reads it (see preprocess.py): an image, a CSV file with a header row, a text.
"""
import argparse
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import model as exported  # noqa: E402
import preprocess  # noqa: E402


def describe(scores, output, top_k, last=None):
    """One sample's output as the JSON object predict prints."""
    if output.get("kind") in ("class_id", "token_ids"):
        if scores.dim() > 1:  # scores per position (a language model): the prediction after the last token read
            scores = scores[last if last is not None else -1]
        scores = scores.float()
        probabilities = (torch.softmax(scores, -1) if output.get("logits", True) else scores).tolist()
        names = output.get("classes") or [str(i) for i in range(len(probabilities))]
        if len(names) != len(probabilities):
            names = [str(i) for i in range(len(probabilities))]
        ranked = sorted(range(len(probabilities)), key=lambda i: -probabilities[i])[:top_k]
        return {"predictions": [{"class": names[i], "probability": probabilities[i]} for i in ranked]}
    values = scores.reshape(-1).double().numpy()
    offset, scale = output.get("offset", []), output.get("scale", [])
    if offset:
        k = np.arange(values.size) % len(offset)
        values = (values * np.asarray(scale)[k] + np.asarray(offset)[k]).astype(np.float32)
    return {"values": [float(v) for v in values]}


def main():
    p = argparse.ArgumentParser(description="Predict with the trained network, as netwright predict --json does.")
    p.add_argument("file", help="an image, a CSV file with a header row, a text")
    p.add_argument("--top-k", type=int, default=5, help="classes shown per sample (default 5)")
    args = p.parse_args()
    spec = preprocess.spec()
    inputs, last = preprocess.load_inputs_at(args.file)
    net = exported.load()
    with torch.no_grad():
        out = net(torch.from_numpy(inputs))
    out = out if isinstance(out, tuple) else (out,)
    rows = [describe(row, spec["outputs"][0], args.top_k, last) for row in out[0]]
    print(json.dumps(rows[0] if len(rows) == 1 else {"rows": rows}))


if __name__ == "__main__":
    main()
