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
    """Raw samples from a file, as `netwright predict --input FILE` reads it: .npy, .json (a list or a list of lists),
    an image (.png, .jpg, .jpeg, .bmp, .gif) for image inputs, a .csv table (a header row naming the columns: the
    run's feature columns are taken by name, a label column is left out), else text: for token inputs the whole file
    is one text."""
    ext = os.path.splitext(path)[1].lower()
    shape = item["shape"]
    if ext == ".npy":
        raw = np.load(path, allow_pickle=False).astype(np.float32)
    elif ext == ".json":
        with open(path, encoding="utf-8") as f:
            raw = np.asarray(json.load(f), dtype=np.float32)
    elif ext in (".png", ".jpg", ".jpeg", ".bmp", ".gif"):
        return image(path, item).reshape((1,) + tuple(shape))
    elif ext != ".csv" and item["kind"] == "token_ids":
        with open(path, encoding="utf-8") as f:
            return np.asarray([tokens(f.read(), item)[0]], dtype=np.float32)
    else:
        raw = table(path, item)
    size = int(np.prod(shape))
    if raw.size % size != 0:
        raise SystemExit("%s holds %d numbers, which are not whole samples of %s" % (path, raw.size, "x".join(map(str, shape))))
    return raw.reshape((-1,) + tuple(shape))


def table(path, item):
    """The rows of a CSV file as numbers: the run's feature columns by name (preprocessing.json's "columns" option),
    else every column but one named label or label_id, in the file's order. A file of numbers only is read whole."""
    with open(path, encoding="utf-8-sig") as f:
        rows = [split(line) for line in f if line.strip()]
    if not rows:
        raise SystemExit("%s is empty; a CSV file needs a header row and data rows" % path)
    try:
        return np.asarray([[float(c) for c in r] for r in rows], dtype=np.float32)
    except ValueError:
        pass  # a header row names the columns
    header = [h.strip().lower() for h in rows[0]]
    wanted = item.get("options", {}).get("columns")
    names = [n.strip() for n in wanted.split(",")] if wanted else \
        [h for h in rows[0] if h.strip().lower() not in ("label", "label_id")]
    at = []
    for name in names:
        if name.strip().lower() not in header:
            raise SystemExit("%s has no column '%s'; the run trained on the columns %s" % (path, name, ", ".join(names)))
        at.append(header.index(name.strip().lower()))
    out = []
    for n, cells in enumerate(rows[1:], start=2):
        if len(cells) != len(header):
            raise SystemExit("%s line %d has %d values but the header has %d columns" % (path, n, len(cells), len(header)))
        try:
            out.append([float(cells[c]) for c in at])
        except ValueError:
            raise SystemExit("%s line %d: the feature columns must be numbers" % (path, n))
    return np.asarray(out, dtype=np.float32).reshape(len(out), len(at))


def split(line):
    """One CSV line's cells, split at commas outside double quotes, quotes removed."""
    cells, cell, quoted = [], [], False
    for ch in line.rstrip("\r\n"):
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            cells.append("".join(cell))
            cell = []
        else:
            cell.append(ch)
    cells.append("".join(cell))
    return cells


def image_size(item):
    """(channels, height, width) of an image input: C×H×W, or a flat input that took square images."""
    shape = item["shape"]
    if len(shape) == 3:
        return tuple(shape)
    n = int(np.prod(shape))
    side, side3 = int(round(n ** 0.5)), int(round((n / 3) ** 0.5))
    if side * side == n:
        return 1, side, side
    if 3 * side3 * side3 == n:
        return 3, side3, side3
    raise SystemExit("this network's input takes %s values, not an image" % "x".join(map(str, shape)))


def image(path, item):
    """An image as C×H×W values in [0, 1], read as Netwright reads it: a grey image's values over its largest value,
    else red, green and blue over 255 (grey from colour is the luma 0.299 R + 0.587 G + 0.114 B); an image of another
    size is first resized with bilinear interpolation to 8-bit RGB, as Java2D does it."""
    from PIL import Image  # only image inputs need Pillow
    channels, height, width = image_size(item)
    img = Image.open(path)
    grey_modes = {"L": 255.0, "LA": 255.0, "I;16": 65535.0, "I;16B": 65535.0, "I": 65535.0}
    if img.size == (width, height) and img.mode in grey_modes:
        band = np.asarray(img.getchannel(0) if img.mode == "LA" else img, dtype=np.float64)
        grey = (band / grey_modes[img.mode]).astype(np.float32)
        return np.repeat(grey[None], channels, axis=0)
    rgb = np.asarray(img.convert("RGB"), dtype=np.int64)
    if img.size != (width, height):
        rgb = resize_bilinear(rgb, height, width)
    r, g, b = (rgb[..., k].astype(np.float32) / np.float32(255) for k in range(3))
    if channels == 1:
        return (np.float32(0.299) * r + np.float32(0.587) * g + np.float32(0.114) * b)[None]
    return np.stack([r, g, b])


def resize_bilinear(rgb, height, width):
    """Java2D's bilinear resize of 8-bit pixels: each new pixel's centre mapped back into the image, the four nearest
    pixels (edges repeated) weighted with 8-bit fractions, rounded to 8 bits."""
    h, w = rgb.shape[:2]

    def axis(new, old):
        pos = (np.arange(new) + 0.5) * (old / new) - 0.5
        low = np.floor(pos)
        frac = np.floor((pos - low) * 256).astype(np.int64)
        low = low.astype(np.int64)
        return np.clip(low, 0, old - 1), np.clip(low + 1, 0, old - 1), frac

    y0, y1, fy = axis(height, h)
    x0, x1, fx = axis(width, w)
    fx = fx[None, :, None]
    fy = fy[:, None, None]
    tl, tr = rgb[y0][:, x0], rgb[y0][:, x1]
    bl, br = rgb[y1][:, x0], rgb[y1][:, x1]
    top = (tl << 8) + (tr - tl) * fx
    bottom = (bl << 8) + (br - bl) * fx
    return ((top << 8) + (bottom - top) * fy + (1 << 15)) >> 16


def tokens(text, item):
    """Token ids of a text with the run's vocabulary (labels) and reader options: unknown words become <unk> (else
    id 0); the last tokens that fit the input's length, padded after them. Returns the ids and the position of the
    last real token, where a language model's prediction is read."""
    options = item.get("options", {})
    labels = item.get("labels", [])
    if labels:
        vocabulary = {}
        for i, word in enumerate(labels):
            vocabulary.setdefault(word, i)
        if options.get("lowercase") in ("true", True):
            text = text.lower()
        words = text.split() if options.get("tokenizer") == "word" else list(text)
        unknown = vocabulary.get("<unk>", 0)
        ids = [vocabulary.get(w, unknown) for w in words]
    else:
        ids = [int(p) for p in text.replace(",", " ").split()]
    if not ids:
        raise SystemExit("the text holds no tokens")
    length = item["shape"][0]
    kept = ids[-length:]
    pad = int(item.get("padding_id", 0))
    return kept + [pad] * (length - len(kept)), len(kept) - 1


def prepare(raw, item):
    """Applies the stored standardization to raw samples (N×shape): one offset and scale for all values, or one per
    feature, repeating over the sample's values as Netwright applies them (a feature of scale 0 becomes 0). An
    image's pixel scale alone (offset 0) is already applied by image(), so load_inputs leaves it out."""
    x = np.asarray(raw, dtype=np.float32)
    offset, scale = item.get("offset", []), item.get("scale", [])
    if offset:
        flat = x.reshape(len(x), -1).astype(np.float64)
        k = np.arange(flat.shape[1]) % len(offset)
        s = np.asarray(scale, dtype=np.float64)[k]
        flat = np.where(s > 0, (flat - np.asarray(offset, dtype=np.float64)[k]) / np.where(s > 0, s, 1), 0)
        x = flat.astype(np.float32).reshape(x.shape)
    return x


def load_inputs(path):
    """The prepared samples of a file for a network with one data input."""
    return load_inputs_at(path)[0]


def load_inputs_at(path):
    """The prepared samples of a file and, for a text, the position of its last real token (else None)."""
    s = spec()
    items = [i for i in s["inputs"] if i["kind"] != "noise"]
    if len(items) != 1:
        raise SystemExit("this network reads %d inputs (%s); prepare each with prepare()" % (
            len(items), ", ".join(i["port"] for i in items)))
    item = items[0]
    ext = os.path.splitext(path)[1].lower()
    if ext not in (".npy", ".json", ".csv") and item["kind"] == "token_ids" and not is_image(path):
        with open(path, encoding="utf-8") as f:
            ids, last = tokens(f.read(), item)
        return np.asarray([ids], dtype=np.float32), last
    raw = read(path, item)
    if is_image(path) and item.get("offset") == [0]:
        return raw.reshape((len(raw),) + tuple(item["shape"])), None  # pixels are on the run's 0..1 scale already
    return prepare(raw, item), None


def is_image(path):
    return os.path.splitext(path)[1].lower() in (".png", ".jpg", ".jpeg", ".bmp", ".gif")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python3 preprocess.py FILE")
    for row in load_inputs(sys.argv[1]):
        print(json.dumps(row.tolist()))
