#!/usr/bin/env python3
"""Predicts with the trained network, one JSON line per sample of FILE, as `netwright predict FILE --json` does:

    python3 predict.py FILE
    {"predictions": [{"class": "circle", "probability": 0.93}, ...]}     (classes, most likely first)
    {"values": [0.41, 1.7]}                                                (anything else, in the data's units)
"""
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import model as exported  # noqa: E402
import preprocess  # noqa: E402


def describe(scores, output):
    """One sample's output as the JSON object predict prints."""
    if output.get("kind") in ("class_id", "token_ids") or output.get("loss", "").startswith("cross_entropy"):
        if scores.dim() > 1:  # a sequence of token scores: the prediction for the last position
            scores = scores[-1]
        probabilities = torch.softmax(scores.double(), -1).tolist()
        names = output.get("classes") or [str(i) for i in range(len(probabilities))]
        ranked = sorted(zip(names, probabilities), key=lambda p: -p[1])
        return {"predictions": [{"class": n, "probability": round(p, 6)} for n, p in ranked]}
    values = scores.reshape(-1).double().numpy()
    offset, scale = output.get("offset", []), output.get("scale", [])
    if offset:
        k = np.arange(values.size) % len(offset)
        values = values * np.asarray(scale)[k] + np.asarray(offset)[k]
    return {"values": [round(float(v), 6) for v in values]}


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: python3 predict.py FILE")
    spec = preprocess.spec()
    x = torch.from_numpy(preprocess.load_inputs(sys.argv[1]))
    net = exported.load()
    with torch.no_grad():
        out = net(x)
    out = out if isinstance(out, tuple) else (out,)
    for row in out[0]:
        print(json.dumps(describe(row, spec["outputs"][0])))


if __name__ == "__main__":
    main()
