# ---------------------------------------------------------------------------------------------------------------
# Layers. Each class computes what Netwright's runner computes for the layer of the same name, on batch-first
# tensors (batch axis first, then the per-sample shape Netwright shows). Weights are named as in weights.npz.
# ---------------------------------------------------------------------------------------------------------------
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

# Added to the score of a masked pair: a large finite number, so a query whose keys are all masked spreads its
# weight evenly instead of turning the batch into NaN.
MASKED = -1e9


class Flatten(nn.Module):
    def forward(self, x):
        return x.reshape(x.shape[0], -1)


class Reshape(nn.Module):
    def __init__(self, target):
        super().__init__()
        self.target = tuple(target)

    def forward(self, x):
        return x.reshape((x.shape[0],) + self.target)


class Permute(nn.Module):
    def __init__(self, order):
        super().__init__()
        self.axes = (0,) + tuple(o + 1 for o in order)

    def forward(self, x):
        return x.permute(self.axes)


class Embedding(nn.Module):
    """Row `id` of `weight` for each token id (ids may come as floats); the padding id gives zeros."""

    def __init__(self, vocabulary, dimension, padding_id, trainable=True):
        super().__init__()
        self.padding_id = padding_id
        self.weight = nn.Parameter(torch.randn(vocabulary, dimension), requires_grad=trainable)

    def forward(self, ids):
        out = F.embedding(ids.long(), self.weight)
        if self.padding_id >= 0:
            out = out * (ids != self.padding_id).unsqueeze(-1).to(out.dtype)
        return out


class BatchNorm(nn.Module):
    """Batch normalization over axis 1 for any rank, with PyTorch's momentum (the weight of the new batch)."""

    def __init__(self, channels, momentum=0.1, epsilon=1e-5):
        super().__init__()
        self.momentum = momentum
        self.epsilon = epsilon
        self.weight = nn.Parameter(torch.ones(channels))
        self.bias = nn.Parameter(torch.zeros(channels))
        self.register_buffer("running_mean", torch.zeros(channels))
        self.register_buffer("running_var", torch.ones(channels))

    def forward(self, x):
        return F.batch_norm(x, self.running_mean, self.running_var, self.weight, self.bias, self.training,
                            self.momentum, self.epsilon)


class Softmax(nn.Module):
    """Softmax of scores divided by a temperature; at a network's output it returns the scores (raw scores out)."""

    def __init__(self, temperature=1.0, scores_only=False):
        super().__init__()
        self.temperature = temperature
        self.scores_only = scores_only

    def forward(self, x):
        x = x / self.temperature
        return x if self.scores_only else x.softmax(-1)


class PReLU(nn.Module):
    def __init__(self, slopes, per_channel):
        super().__init__()
        self.per_channel = per_channel
        self.weight = nn.Parameter(torch.full((slopes,), 0.25))

    def forward(self, x):
        shape = [1] * x.dim()
        if self.per_channel:
            shape[1] = x.shape[1]
        return x.clamp(min=0) + x.clamp(max=0) * self.weight.reshape(shape)


class GlobalPool(nn.Module):
    """Mean or max over every axis after the channel axis: B×C×... becomes B×C."""

    def __init__(self, mode):
        super().__init__()
        self.mode = mode

    def forward(self, x):
        axes = tuple(range(2, x.dim()))
        return x.mean(dim=axes) if self.mode == "avg" else x.amax(dim=axes)


class Upsample(nn.Module):
    def __init__(self, scale, mode):
        super().__init__()
        self.scale = scale
        self.mode = mode

    def forward(self, x):
        size = (x.shape[2] * self.scale, x.shape[3] * self.scale)
        if self.mode == "bilinear":
            return F.interpolate(x, size=size, mode="bilinear", align_corners=False)
        return F.interpolate(x, size=size, mode="nearest")


class Add(nn.Module):
    def forward(self, *xs):
        out = xs[0]
        for x in xs[1:]:
            out = out + x
        return out


class Multiply(nn.Module):
    def forward(self, *xs):
        out = xs[0]
        for x in xs[1:]:
            out = out * x
        return out


def _axis(axis, rank):
    """Netwright counts axes without the batch axis (negative from the end); PyTorch counts with it."""
    return (rank + axis if axis < 0 else axis) + 1


class Concatenate(nn.Module):
    def __init__(self, axis):
        super().__init__()
        self.axis = axis

    def forward(self, *xs):
        return torch.cat(xs, dim=_axis(self.axis, xs[0].dim() - 1))


class Split(nn.Module):
    def __init__(self, parts, axis):
        super().__init__()
        self.parts = parts
        self.axis = axis

    def forward(self, x):
        dim = _axis(self.axis, x.dim() - 1)
        return tuple(torch.split(x, x.shape[dim] // self.parts, dim=dim))


class Recurrent(nn.Module):
    """
    Stacked one-way recurrent layers over batch-first sequences (B×T×F), the backward direction of a bidirectional
    layer reading the sequence flipped in time. Gate order is PyTorch's (LSTM i, f, g, o; GRU r, z, n). Returns the
    whole sequence, or the final state of each direction (forward after the last step, backward after the first).
    """

    def __init__(self, kind, input_size, hidden, layers=1, bidirectional=False, dropout=0.0,
                 return_sequences=False, activation="tanh"):
        super().__init__()
        self.layers = layers
        self.bidirectional = bidirectional
        self.dropout = dropout
        self.return_sequences = return_sequences
        width = input_size
        for layer in range(layers):
            self.add_module("l%d_forward" % layer, self._one_way(kind, width, hidden, activation))
            if bidirectional:
                self.add_module("l%d_backward" % layer, self._one_way(kind, width, hidden, activation))
            width = hidden * (2 if bidirectional else 1)

    @staticmethod
    def _one_way(kind, width, hidden, activation):
        if kind == "lstm":
            return nn.LSTM(width, hidden, 1, batch_first=True)
        if kind == "gru":
            return nn.GRU(width, hidden, 1, batch_first=True)
        return nn.RNN(width, hidden, 1, nonlinearity=activation, batch_first=True)

    def forward(self, x):
        last_forward = last_backward = None
        for layer in range(self.layers):
            if layer > 0 and self.dropout > 0:
                x = F.dropout(x, self.dropout, self.training)
            f = getattr(self, "l%d_forward" % layer)(x)[0]
            last_forward = f
            if self.bidirectional:
                b = getattr(self, "l%d_backward" % layer)(x.flip(1))[0].flip(1)
                last_backward = b
                x = torch.cat([f, b], dim=2)
            else:
                x = f
        if self.return_sequences:
            return x
        last = last_forward[:, -1, :]
        if self.bidirectional:
            last = torch.cat([last, last_backward[:, 0, :]], dim=1)
        return last


def causal_mask(tq, tk, device):
    """0 where key j <= query i, MASKED above that diagonal: T_q×T_k."""
    i = torch.arange(tq, device=device).unsqueeze(1)
    j = torch.arange(tk, device=device).unsqueeze(0)
    return torch.where(j <= i, torch.zeros((), device=device), torch.full((), MASKED, device=device))


def attention_mask(causal, ids, padding_id, tq, tk, with_heads, device):
    """The additive mask for the options that are on, broadcasting against scores (B, [H,] T_q, T_k), or None."""
    mask = causal_mask(tq, tk, device) if causal else None
    if ids is not None:
        pad = (ids.float() == padding_id).float() * MASKED
        pad = pad.reshape(ids.shape[0], 1, 1, tk) if with_heads else pad.reshape(ids.shape[0], 1, tk)
        mask = pad if mask is None else pad + mask
    return mask


def attend(q, k, v, mask, dropout, training):
    """softmax(Q·Kᵀ/√d_k + mask)·V and the attention weights (before dropout)."""
    scores = q.matmul(k.transpose(-1, -2)) * (1.0 / math.sqrt(q.shape[-1]))
    if mask is not None:
        scores = scores + mask
    weights = scores.softmax(-1)
    used = F.dropout(weights, dropout, training) if dropout > 0 else weights
    return used.matmul(v), weights


class ScaledDotProductAttention(nn.Module):
    def __init__(self, causal=False, padding_id=None):
        super().__init__()
        self.causal = causal
        self.padding_id = padding_id

    def forward(self, q, k, v, ids=None):
        mask = attention_mask(self.causal, ids if self.padding_id is not None else None, self.padding_id,
                              q.shape[1], k.shape[1], False, q.device)
        return attend(q, k, v, mask, 0.0, self.training)


class MultiHeadAttention(nn.Module):
    """Query, key, value and output projections around per-head scaled dot-product attention; returns the output
    (B×T_q×d_model) and the attention weights per head (B×heads×T_q×T_k)."""

    def __init__(self, d_model, heads, causal=False, dropout=0.0, padding_id=None, query_width=None,
                 key_width=None, value_width=None):
        super().__init__()
        self.d_model = d_model
        self.heads = heads
        self.causal = causal
        self.dropout = dropout
        self.padding_id = padding_id
        self.query = nn.Linear(query_width or d_model, d_model)
        self.key = nn.Linear(key_width or d_model, d_model)
        self.value = nn.Linear(value_width or d_model, d_model)
        self.out = nn.Linear(d_model, d_model)

    def _split(self, x):
        b, t = x.shape[0], x.shape[1]
        return x.reshape(b, t, self.heads, self.d_model // self.heads).transpose(1, 2)

    def forward(self, xq, xk=None, xv=None, ids=None):
        xk = xq if xk is None else xk
        xv = xq if xv is None else xv
        b, tq, tk = xq.shape[0], xq.shape[1], xk.shape[1]
        q = self._split(self.query(xq))
        k = self._split(self.key(xk))
        v = self._split(self.value(xv))
        mask = attention_mask(self.causal, ids if self.padding_id is not None else None, self.padding_id, tq, tk,
                              True, xq.device)
        y, weights = attend(q, k, v, mask, self.dropout, self.training)
        y = y.transpose(1, 2).reshape(b, tq, self.d_model)
        return self.out(y), weights


class FeedForward(nn.Module):
    def __init__(self, width, hidden, activation="relu", dropout=0.0):
        super().__init__()
        self.gelu = activation == "gelu"
        self.dropout = dropout
        self.linear1 = nn.Linear(width, hidden)
        self.linear2 = nn.Linear(hidden, width)

    def forward(self, x):
        h = self.linear1(x)
        h = F.gelu(h) if self.gelu else F.relu(h)
        if self.dropout > 0:
            h = F.dropout(h, self.dropout, self.training)
        return self.linear2(h)


class TransformerEncoderBlock(nn.Module):
    """As nn.TransformerEncoderLayer: self-attention and a feed-forward net, each with dropout, a residual
    connection and a LayerNorm placed before (norm_first) or after each sub-layer."""

    def __init__(self, d_model, heads, ff_dim, activation="relu", dropout=0.0, norm_first=False):
        super().__init__()
        self.norm_first = norm_first
        self.dropout = dropout
        self.self_attention = MultiHeadAttention(d_model, heads, False, dropout)
        self.feed_forward = FeedForward(d_model, ff_dim, activation, dropout)
        self.norm1 = nn.LayerNorm(d_model, eps=1e-5)
        self.norm2 = nn.LayerNorm(d_model, eps=1e-5)

    def _drop(self, x):
        return F.dropout(x, self.dropout, self.training) if self.dropout > 0 else x

    def forward(self, x):
        if self.norm_first:
            n = self.norm1(x)
            x = x + self._drop(self.self_attention(n)[0])
            x = x + self._drop(self.feed_forward(self.norm2(x)))
        else:
            x = self.norm1(x + self._drop(self.self_attention(x)[0]))
            x = self.norm2(x + self._drop(self.feed_forward(x)))
        return x


class TransformerDecoderBlock(nn.Module):
    """As nn.TransformerDecoderLayer: (causal) self-attention, cross-attention to the memory, a feed-forward net."""

    def __init__(self, d_model, heads, ff_dim, activation="relu", dropout=0.0, norm_first=False, causal=True,
                 memory_width=None):
        super().__init__()
        self.norm_first = norm_first
        self.dropout = dropout
        self.self_attention = MultiHeadAttention(d_model, heads, causal, dropout)
        self.cross_attention = MultiHeadAttention(d_model, heads, False, dropout, None, d_model, memory_width,
                                                  memory_width)
        self.feed_forward = FeedForward(d_model, ff_dim, activation, dropout)
        self.norm1 = nn.LayerNorm(d_model, eps=1e-5)
        self.norm2 = nn.LayerNorm(d_model, eps=1e-5)
        self.norm3 = nn.LayerNorm(d_model, eps=1e-5)

    def _drop(self, x):
        return F.dropout(x, self.dropout, self.training) if self.dropout > 0 else x

    def forward(self, x, memory):
        if self.norm_first:
            x = x + self._drop(self.self_attention(self.norm1(x))[0])
            x = x + self._drop(self.cross_attention(self.norm2(x), memory, memory)[0])
            x = x + self._drop(self.feed_forward(self.norm3(x)))
        else:
            x = self.norm1(x + self._drop(self.self_attention(x)[0]))
            x = self.norm2(x + self._drop(self.cross_attention(x, memory, memory)[0]))
            x = self.norm3(x + self._drop(self.feed_forward(x)))
        return x


def sinusoidal_table(steps, width):
    """PE(t, 2i) = sin(t / 10000^(2i/D)), PE(t, 2i+1) = cos(t / 10000^(2i/D)), as float32 T×D."""
    table = np.zeros((steps, width), dtype=np.float64)
    for t in range(steps):
        for j in range(width):
            angle = t / math.pow(10000.0, float(j - j % 2) / width)
            table[t, j] = math.sin(angle) if j % 2 == 0 else math.cos(angle)
    return torch.from_numpy(table.astype(np.float32))


class PositionalEncoding(nn.Module):
    """Adds a learned vector per position (`embedding`, max_len×D) or the fixed sinusoidal table to B×T×D."""

    def __init__(self, kind, steps, width, max_len=None):
        super().__init__()
        self.learned = kind == "learned"
        if self.learned:
            self.embedding = nn.Parameter(torch.randn(max_len, width) * 0.02)
        else:
            self.register_buffer("table", sinusoidal_table(steps, width), persistent=False)

    def forward(self, x):
        t = x.shape[1]
        return x + (self.embedding[:t] if self.learned else self.table[:t])


class PatchEmbedding(nn.Module):
    def __init__(self, channels, patch, embed_dim):
        super().__init__()
        self.embed_dim = embed_dim
        self.projection = nn.Conv2d(channels, embed_dim, patch, stride=patch)

    def forward(self, x):
        y = self.projection(x)
        return y.reshape(y.shape[0], self.embed_dim, -1).transpose(1, 2)


class ClassToken(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.token = nn.Parameter(torch.randn(width) * 0.02)

    def forward(self, x):
        t = self.token.reshape(1, 1, -1).expand(x.shape[0], 1, x.shape[2])
        return torch.cat([t, x], dim=1)


def _with_self_loops(a):
    return a + torch.eye(a.shape[1], dtype=a.dtype, device=a.device)


class GCN(nn.Module):
    """H' = D^-1/2 (A+I) D^-1/2 H W + b on features B×N×F and adjacency B×N×N."""

    def __init__(self, features, units, bias=True, self_loops=True):
        super().__init__()
        self.self_loops = self_loops
        self.weight = nn.Parameter(torch.empty(features, units))
        nn.init.xavier_uniform_(self.weight)
        self.bias = nn.Parameter(torch.zeros(units)) if bias else None

    def forward(self, h, a):
        a = _with_self_loops(a) if self.self_loops else a
        degree = a.sum(2)
        inverse_root = torch.where(degree > 0, degree.clamp(min=1e-30).pow(-0.5), torch.zeros_like(degree))
        propagate = inverse_root.unsqueeze(2) * a * inverse_root.unsqueeze(1)
        out = propagate.matmul(h.matmul(self.weight))
        return out + self.bias if self.bias is not None else out


class GAT(nn.Module):
    """Graph attention: per head e_ij = LeakyReLU(att_i·Wh_i + att_j·Wh_j) over the neighbours (and self), softmax
    over j, heads concatenated or averaged, then a bias."""

    def __init__(self, features, units, heads=1, concat=True, negative_slope=0.2, bias=True):
        super().__init__()
        self.units = units
        self.heads = heads
        self.concat = concat
        self.slope = negative_slope
        self.weight = nn.Parameter(torch.empty(features, heads * units))
        self.att_i = nn.Parameter(torch.empty(heads, units))
        self.att_j = nn.Parameter(torch.empty(heads, units))
        for p in (self.weight, self.att_i, self.att_j):
            nn.init.xavier_uniform_(p)
        self.bias = nn.Parameter(torch.zeros(heads * units if concat else units)) if bias else None

    def forward(self, h, a):
        b, n = h.shape[0], h.shape[1]
        wh = h.matmul(self.weight).reshape(b, n, self.heads, self.units).transpose(1, 2)
        score_i = (wh * self.att_i.reshape(1, self.heads, 1, self.units)).sum(3)
        score_j = (wh * self.att_j.reshape(1, self.heads, 1, self.units)).sum(3)
        e = F.leaky_relu(score_i.unsqueeze(3) + score_j.unsqueeze(2), self.slope)
        keep = (_with_self_loops(a) != 0).to(h.dtype).unsqueeze(1)
        alpha = (e + (keep - 1) * -MASKED).softmax(-1)
        out = alpha.matmul(wh)
        out = out.transpose(1, 2).reshape(b, n, self.heads * self.units) if self.concat else out.mean(1)
        return out + self.bias if self.bias is not None else out


class MessagePassing(nn.Module):
    """h_i' = act(W_self h_i + AGG_j W_msg h_j + b) over neighbours j (A_ij != 0), AGG sum, mean or max."""

    def __init__(self, features, units, aggregation="sum", activation="relu", bias=True):
        super().__init__()
        self.aggregation = aggregation
        self.activation = activation
        self.self_weight = nn.Parameter(torch.empty(features, units))
        self.message_weight = nn.Parameter(torch.empty(features, units))
        nn.init.xavier_uniform_(self.self_weight)
        nn.init.xavier_uniform_(self.message_weight)
        self.bias = nn.Parameter(torch.zeros(units)) if bias else None

    def forward(self, h, a):
        edges = (a != 0).to(h.dtype)
        messages = h.matmul(self.message_weight)
        degree = edges.sum(2, keepdim=True)
        if self.aggregation == "sum":
            agg = edges.matmul(messages)
        elif self.aggregation == "mean":
            agg = edges.matmul(messages) / degree.clamp(min=1.0)
        else:
            candidates = messages.unsqueeze(1) + (edges.unsqueeze(3) - 1) * -MASKED
            agg = candidates.amax(2) * (degree > 0).to(h.dtype)
        out = h.matmul(self.self_weight) + agg
        if self.bias is not None:
            out = out + self.bias
        if self.activation == "relu":
            return F.relu(out)
        if self.activation == "tanh":
            return torch.tanh(out)
        return out


class GraphReadout(nn.Module):
    """Pools node features B×N×F to B×F by sum, mean or max; masked, only over the nodes the mask marks with 1."""

    def __init__(self, mode="mean", masked=False):
        super().__init__()
        self.mode = mode
        self.masked = masked

    def forward(self, h, mask=None):
        if not self.masked:
            if self.mode == "sum":
                return h.sum(1)
            if self.mode == "max":
                return h.amax(1)
            return h.mean(1)
        m = mask.unsqueeze(-1)
        count = m.sum(1)
        if self.mode == "sum":
            return (h * m).sum(1)
        if self.mode == "max":
            return (h + (m - 1) * 1e9).amax(1) * (count > 0).to(h.dtype)
        return (h * m).sum(1) / count.clamp(min=1.0)


class Sampling(nn.Module):
    """The VAE's sampling step: mu + exp(log_var / 2)·eps while training, mu otherwise. Keeps the KL term of its
    last call (summed over latent axes, averaged over the batch) for the loss."""

    def __init__(self):
        super().__init__()
        self.kl = None

    def forward(self, mu, log_var):
        axes = tuple(range(1, mu.dim()))
        self.kl = (-0.5 * (1 + log_var - mu.pow(2) - log_var.exp()).sum(axes)).mean()
        if self.training:
            return mu + (0.5 * log_var).exp() * torch.randn_like(mu)
        return mu


def load_weights(model, path):
    """Copies the tensors of an .npz file (read with numpy, no pickle) into the model, every name checked."""
    with np.load(path, allow_pickle=False) as stored:
        state = {name: torch.from_numpy(np.ascontiguousarray(stored[name])) for name in stored.files}
    model.load_state_dict(state, strict=True)
    return model


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())
