#!/usr/bin/env python3
"""The input preprocessing of the trained run (preprocessing.json beside this file), so that raw data reaches the
network exactly as it did in Netwright: standardization (value = (raw - offset) / scale, fitted on the training
part), the vocabulary of token inputs, the image size and channels of image inputs.

    python3 preprocess.py FILE        # prints the prepared sample(s) as JSON lists
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def spec():
    """preprocessing.json: per input port its field, shape and transform; per output its target and class names."""
    with open(os.path.join(HERE, "preprocessing.json"), encoding="utf-8") as f:
        return json.load(f)


def read(path, item):
    """Raw samples from a file, one row each: .npy, .csv (numbers, an optional header), .json (a list or a list of
    lists), .txt (text, for token inputs) or an image (.png, .jpg, .bmp, .gif) for image inputs."""
    ext = os.path.splitext(path)[1].lower()
    shape = item["shape"]
    if ext == ".npy":
        raw = np.load(path, allow_pickle=False).astype(np.float32)
    elif ext == ".json":
        with open(path, encoding="utf-8") as f:
            raw = np.asarray(json.load(f), dtype=np.float32)
    elif ext in (".png", ".jpg", ".jpeg", ".bmp", ".gif"):
        return image(path, item)[None]
    elif ext == ".txt" and item["kind"] == "token_ids":
        with open(path, encoding="utf-8") as f:
            return np.asarray([tokens(line.rstrip("\n"), item) for line in f if line.strip()], dtype=np.float32)
    else:
        rows = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                cells = [c.strip() for c in line.replace(";", ",").split(",") if c.strip()]
                try:
                    rows.append([float(c) for c in cells])
                except ValueError:
                    continue  # a header line
        raw = np.asarray(rows, dtype=np.float32)
    size = int(np.prod(shape))
    if raw.size % size != 0:
        raise SystemExit("%s holds %d numbers, which are not whole samples of %s" % (path, raw.size, "x".join(map(str, shape))))
    return raw.reshape((-1,) + tuple(shape))


def image(path, item):
    """An image as C×H×W values in [0, 1], resized to the input's size and converted to its channels."""
    from PIL import Image  # only image inputs need Pillow
    channels, height, width = item["shape"]
    img = Image.open(path).convert("L" if channels == 1 else "RGB").resize((width, height), Image.BILINEAR)
    pixels = np.asarray(img, dtype=np.float32) / 255.0
    return pixels[None] if channels == 1 else pixels.transpose(2, 0, 1)


def tokens(text, item):
    """Token ids of a text with the run's vocabulary (labels) and reader options, cut or padded to the length."""
    options = item.get("options", {})
    vocabulary = {word: i for i, word in enumerate(item.get("labels", []))}
    if options.get("lowercase") in ("true", True):
        text = text.lower()
    words = text.split() if options.get("tokenizer") == "word" else list(text)
    pad = int(options.get("padding_id", 0))
    ids = [vocabulary.get(w, pad) for w in words] if vocabulary else [float(w) for w in text.split()]
    length = item["shape"][0]
    return (ids + [pad] * length)[:length]


def prepare(raw, item):
    """Applies the stored standardization to raw samples (N×shape): one offset and scale for all values, or one per
    feature, repeating over the sample's values as Netwright applies them."""
    x = np.asarray(raw, dtype=np.float32)
    offset, scale = item.get("offset", []), item.get("scale", [])
    if offset:
        flat = x.reshape(len(x), -1)
        k = np.arange(flat.shape[1]) % len(offset)
        flat = (flat - np.asarray(offset, dtype=np.float64)[k]) / np.asarray(scale, dtype=np.float64)[k]
        x = flat.astype(np.float32).reshape(x.shape)
    return x


def load_inputs(path):
    """The prepared samples of a file for a network with one data input."""
    s = spec()
    items = [i for i in s["inputs"] if i["kind"] != "noise"]
    if len(items) != 1:
        raise SystemExit("this network reads %d inputs (%s); prepare each with prepare()" % (
            len(items), ", ".join(i["port"] for i in items)))
    return prepare(read(path, items[0]), items[0])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python3 preprocess.py FILE")
    for row in load_inputs(sys.argv[1]):
        print(json.dumps(row.tolist()))
