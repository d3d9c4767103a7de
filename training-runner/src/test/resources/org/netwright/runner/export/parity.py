# For each (folder, inputs, expected) triple on the command line: loads an exported model.py, runs it on the inputs in inputs.npz (named in0, in1, ...), compares with the
# expected outputs in expected.npz (out0, out1, ...) and prints one JSON line: parameter count and max differences.
import importlib.util
import json
import sys

import numpy as np
import torch

torch.set_grad_enabled(False)


def check(folder, inputs_file, expected_file):
    spec = importlib.util.spec_from_file_location("exported_model", folder + "/model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.load()
    torch.set_grad_enabled(False)
    with np.load(inputs_file, allow_pickle=False) as f:
        inputs = [torch.from_numpy(f["in%d" % i]) for i in range(len(f.files))]
    outputs = model(*inputs)
    if not isinstance(outputs, tuple):
        outputs = (outputs,)
    diffs = []
    with np.load(expected_file, allow_pickle=False) as f:
        for i, out in enumerate(outputs):
            want = f["out%d" % i]
            got = out.numpy()
            if got.shape != want.shape:
                diffs.append("shape %s, expected %s" % (list(got.shape), list(want.shape)))
            else:
                diffs.append(float(np.abs(got - want).max()) if got.size else 0.0)
    print(json.dumps({"params": module.parameter_count(model), "diffs": diffs, "training": model.training}))


for i in range(1, len(sys.argv), 3):
    try:
        check(sys.argv[i], sys.argv[i + 1], sys.argv[i + 2])
    except Exception as e:  # one broken export must not hide the others' figures
        print(json.dumps({"error": "%s: %s" % (type(e).__name__, e)}))
    sys.stdout.flush()
