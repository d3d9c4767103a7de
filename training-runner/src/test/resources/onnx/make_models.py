"""Makes the ONNX models from outside Netwright that OnnxForeignModelsTest imports.

Run with Debian's python3-torch (/usr/bin/python3 make_models.py); it writes NAME.onnx and NAME.json (a fixed
input and PyTorch's output for it) for each model. The files are committed, so the tests need no Python.
"""
import json

import torch
from torch import nn

torch.manual_seed(0)


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 16)
        self.fc2 = nn.Linear(16, 8)
        self.out = nn.Linear(8, 3)

    def forward(self, x):
        return self.out(torch.tanh(self.fc2(nn.functional.leaky_relu(self.fc1(x), 0.1))))


class Cnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(6)
        self.pool = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(6, 8, 3, padding=1, bias=False)
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(8, 5)

    def forward(self, x):
        x = self.pool(torch.relu(self.bn1(self.conv1(x))))
        x = torch.relu(self.conv2(x))
        return self.fc(torch.flatten(self.gap(x), 1))


class Residual(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Conv2d(3, 3, 3, padding=1)
        self.b = nn.Conv2d(3, 3, 3, padding=1)
        self.head = nn.Linear(3 * 8 * 8, 2)

    def forward(self, x):
        y = torch.relu(self.a(x))
        y = torch.sigmoid(self.b(y)) + x
        return self.head(torch.flatten(y, 1))


class Recurrent(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(3, 8, batch_first=True)
        self.head = nn.Linear(8, 2)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1, :])


class Gru(nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(3, 6, batch_first=True)
        self.head = nn.Linear(6, 2)

    def forward(self, x):
        out, _ = self.gru(x)
        return self.head(out[:, -1, :])


class StackedBidirectional(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(3, 5, num_layers=2, batch_first=True, bidirectional=True)
        self.head = nn.Linear(10, 2)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out)


class Unsupported(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)

    def forward(self, x):
        return nn.functional.hardswish(nn.functional.softplus(self.fc(x)))


class TokenClassifier(nn.Module):
    """Token ids through an embedding, flattened with view(batch, -1) (Shape, Gather, Unsqueeze, Concat, Reshape)."""

    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(20, 4)
        self.fc = nn.Linear(6 * 4, 3)

    def forward(self, ids):
        x = self.embed(ids)
        return self.fc(torch.tanh(x.view(x.size(0), -1)))


class TokenLstm(nn.Module):
    """Token ids through an embedding into an LSTM whose last step is classified."""

    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(30, 5)
        self.lstm = nn.LSTM(5, 7, batch_first=True)
        self.head = nn.Linear(7, 2)

    def forward(self, ids):
        out, _ = self.lstm(self.embed(ids))
        return self.head(out[:, -1, :])


class ShapeArithmetic(nn.Module):
    """A CNN whose flatten is written with the sizes multiplied out: reshape(b, c * h * w)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 4, 3, padding=1)
        self.fc = nn.Linear(4 * 3 * 3, 2)

    def forward(self, x):
        x = torch.relu(self.conv(x))
        b, c, h, w = x.shape
        return self.fc(x.reshape(b, c * h * w))


class GroupedConvolutions(nn.Module):
    """A grouped convolution, a depthwise one and a pointwise one (as MobileNet's blocks); the image flattened to a
    sequence (Shape, Slice, Concat, Reshape) for a depthwise 1-D convolution; a head."""

    def __init__(self):
        super().__init__()
        self.grouped = nn.Conv2d(4, 6, 3, padding=1, groups=2)
        self.depthwise = nn.Conv2d(6, 6, 3, padding=1, groups=6, bias=False)
        self.pointwise = nn.Conv2d(6, 8, 1)
        self.depthwise1d = nn.Conv1d(8, 8, 3, padding=1, groups=8)
        self.fc = nn.Linear(8 * 25, 3)

    def forward(self, x):
        x = torch.relu(self.pointwise(torch.relu(self.depthwise(torch.relu(self.grouped(x))))))
        x = torch.flatten(x, 2)
        x = torch.relu(self.depthwise1d(x))
        return self.fc(torch.flatten(x, 1))


def export(name, model, shape):
    model.eval()
    for p in model.parameters():
        p.data.normal_(0, 0.3)
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.normal_(0, 0.2)
            m.running_var.uniform_(0.5, 1.5)
    x = torch.randint(0, 20, shape) if name.startswith("torch_tokens") else torch.randn(*shape)
    with torch.no_grad():
        y = model(x)
    torch.onnx.export(model, x, name + ".onnx", input_names=["x"], output_names=["y"], opset_version=17,
                      dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}})
    with open(name + ".json", "w") as f:
        json.dump({"input_shape": list(x.shape), "input": x.flatten().tolist(), "output": y.flatten().tolist()}, f)


export("torch_mlp", Mlp(), (2, 4))
export("torch_cnn", Cnn(), (2, 1, 8, 8))
export("torch_residual", Residual(), (2, 3, 8, 8))
export("torch_lstm", Recurrent(), (2, 5, 3))
export("torch_gru", Gru(), (2, 5, 3))
export("torch_bilstm", StackedBidirectional(), (2, 5, 3))
export("torch_unsupported", Unsupported(), (2, 4))
export("torch_tokens", TokenClassifier(), (2, 6))
export("torch_shape_arithmetic", ShapeArithmetic(), (2, 2, 3, 3))
export("torch_grouped", GroupedConvolutions(), (2, 4, 5, 5))
export("torch_tokens_lstm", TokenLstm(), (2, 5))
