#!/usr/bin/env python3
"""Continues training the exported network with the run's settings (run.json) on the run's data (data.npz).

    python3 train.py --epochs 5
    torchrun --nproc_per_node=4 train.py --epochs 5     # DistributedDataParallel, one process per CPU or GPU

It starts from the trained weights (weights.npz), prints one JSON line per epoch (on the first process) and writes
the new weights to weights-trained.npz beside this file (load them with model.load("weights-trained.npz")).
"""
import argparse
import json
import math
import os
import sys

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import model as exported  # noqa: E402  (model.py beside this file)


def parse_args():
    p = argparse.ArgumentParser(description="Train the exported network on the run's data with the run's settings.")
    p.add_argument("--epochs", type=int, default=None, help="epochs to train (default: the run's own count)")
    p.add_argument("--batch-size", type=int, default=None, help="samples per step over all processes")
    p.add_argument("--lr", type=float, default=None, help="base learning rate (default: the run's)")
    p.add_argument("--out", default=os.path.join(HERE, "weights-trained.npz"), help="where to write the weights")
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    return p.parse_args()


# ----------------------------------------------------------------------------------------------------- losses
def parse_spec(spec):
    name, _, rest = spec.partition(":")
    params = {}
    for part in filter(None, rest.split(",")):
        key, _, value = part.partition("=")
        params[key.strip()] = float(value)
    return name, params


def objective_loss(spec, output, target, target_kind):
    """One objective's mean loss, shaped as Netwright shapes it: class and token ids stay ids for cross-entropy
    and focal and become one-hot rows for the other losses; values are compared number by number."""
    name, p = parse_spec(spec)
    if target_kind in ("class_id", "token_ids"):
        k = output.shape[-1]
        scores = output.reshape(-1, k)
        ids = target.reshape(-1).long()
        if name == "cross_entropy":
            return F.cross_entropy(scores, ids, label_smoothing=p.get("label_smoothing", p.get("smoothing", 0.0)))
        if name == "focal":
            logp = F.log_softmax(scores, -1).gather(1, ids.unsqueeze(1)).squeeze(1)
            gamma, alpha = p.get("gamma", 2.0), p.get("alpha", 1.0)
            return (-alpha * (1 - logp.exp()).pow(gamma) * logp).mean()
        target = F.one_hot(ids, k).to(scores.dtype)
        output = scores
    else:
        output = output.reshape(target.shape)
    if name == "mse":
        return F.mse_loss(output, target)
    if name == "mae":
        return F.l1_loss(output, target)
    if name == "huber":
        return F.huber_loss(output, target, delta=p.get("delta", 1.0))
    if name == "bce_with_logits":
        return F.binary_cross_entropy_with_logits(output, target)
    if name == "kl":
        return F.kl_div(F.log_softmax(output, -1), target, reduction="batchmean")
    if name == "cross_entropy":
        return -(target * F.log_softmax(output, -1)).sum(-1).mean()
    raise SystemExit("train.py: unknown loss '%s'" % spec)


# ----------------------------------------------------------------------------------------------------- optimizer
def optimizer_for(config, params, lr):
    o = config["options"]
    name = config["optimizer"]
    decay = o["weight_decay"]
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, weight_decay=decay)
    if name in ("momentum", "nesterov"):
        return torch.optim.SGD(params, lr=lr, momentum=o["momentum"], nesterov=name == "nesterov", weight_decay=decay)
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, eps=1e-10, weight_decay=decay)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.99, eps=o["epsilon"], weight_decay=decay)
    if name == "adamw":
        return torch.optim.AdamW(params, lr=lr, betas=(o["beta1"], o["beta2"]), eps=o["epsilon"], weight_decay=decay)
    return torch.optim.Adam(params, lr=lr, betas=(o["beta1"], o["beta2"]), eps=o["epsilon"], weight_decay=decay)


def schedule(spec, base, steps_per_epoch, total):
    """The learning rate as a function of the step, for Netwright's schedule specs (plateau stays constant here)."""
    warmup = None
    main = lambda step: base  # noqa: E731
    for part in spec.split("+"):
        name, p = parse_spec(part.strip())
        if name == "warmup":
            warmup = int(p.get("steps", 1))
        elif name == "step":
            every, gamma = p.get("every", 1), p.get("gamma", 0.1)
            main = lambda step, e=every, g=gamma: base * g ** math.floor(step // steps_per_epoch / e)  # noqa: E731
        elif name == "exponential":
            main = lambda step, g=p.get("gamma", 0.9): base * g ** (step // steps_per_epoch)  # noqa: E731
        elif name == "cosine":
            low, t = p.get("min", 0.0), p.get("steps", total)
            main = lambda step, m=low, t=t: m if step >= t else m + (base - m) * (1 + math.cos(math.pi * step / t)) / 2  # noqa: E731
        elif name == "onecycle":
            mx, pct, div, fdiv, t = p.get("max", base), p.get("pct", 0.3), p.get("div", 25), p.get("final_div", 1e4), p.get("steps", total)
            a, b = pct * t - 1, t - 1
            cos = lambda s, e, q: e + (s - e) * (1 + math.cos(math.pi * q)) / 2  # noqa: E731
            main = lambda step: (cos(mx / div, mx, step / a) if step <= a else  # noqa: E731
                                 cos(mx, mx / (div * fdiv), (step - a) / (b - a)) if step <= b else mx / (div * fdiv))
    if warmup:
        inner = main
        return lambda step: inner(step) * ((step + 1) / warmup if step < warmup else 1.0)
    return main


class Stepper:
    """One optimizer on its schedule with Netwright's L1 term and gradient clipping."""

    def __init__(self, config, params, lr, steps_per_epoch, epochs):
        self.params = [p for p in params if p.requires_grad]
        self.optimizer = optimizer_for(config, self.params, lr)
        self.rate = schedule(config["options"]["schedule"], lr, steps_per_epoch, max(1, steps_per_epoch * epochs))
        self.l1 = config["options"]["l1"]
        self.clip_norm = config["options"]["clip_norm"]
        self.clip_value = config["options"]["clip_value"]
        self.step_count = 0

    def step(self):
        for group in self.optimizer.param_groups:
            group["lr"] = self.rate(self.step_count)
        if self.l1 > 0:
            for p in self.params:
                if p.grad is not None:
                    p.grad.add_(self.l1 * p.detach().sign())
        if self.clip_value > 0:
            torch.nn.utils.clip_grad_value_(self.params, self.clip_value)
        if self.clip_norm > 0:
            torch.nn.utils.clip_grad_norm_(self.params, self.clip_norm)
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        self.step_count += 1


# ----------------------------------------------------------------------------------------------------- helpers
class World:
    """This process's place among torchrun's processes (one process alone when not started by torchrun)."""

    def __init__(self, device):
        self.size = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        self.distributed = self.size > 1
        self.device = torch.device(device)
        if self.distributed:
            backend = "nccl" if self.device.type == "cuda" else "gloo"
            dist.init_process_group(backend)
            if self.device.type == "cuda":
                self.device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
                torch.cuda.set_device(self.device)

    def wrap(self, module):
        if not self.distributed:
            return module
        ids = [self.device.index] if self.device.type == "cuda" else None
        return DistributedDataParallel(module, device_ids=ids, find_unused_parameters=True)

    def mean(self, total, count):
        """The mean of a sum and a count summed over all processes."""
        if self.distributed:
            # On this process's device: NCCL sums only tensors on the GPU (a CPU tensor stopped every run on GPUs
            # at its first epoch's end, "No backend type associated with device type cpu"; gloo takes either).
            t = torch.tensor([total, count], dtype=torch.float64, device=self.device)
            dist.all_reduce(t)
            total, count = t.tolist()
        return total / max(count, 1)

    def shard(self, order):
        """This process's share of a shuffled index order, the same length on every process."""
        usable = len(order) - len(order) % self.size if len(order) >= self.size else len(order)
        return order[:usable][self.rank::self.size]

    def close(self):
        if self.distributed:
            dist.barrier()
            dist.destroy_process_group()


def noise(spec, n, generator, device):
    shape = (n,) + tuple(spec["shape"])
    if spec.get("distribution") == "uniform":
        return (torch.rand(shape, generator=generator) * 2 - 1).to(device)
    return torch.randn(shape, generator=generator).to(device)


def batch_inputs(config, data, part, index, generator, device):
    out = []
    for spec in config["inputs"]:
        if spec["kind"] == "noise":
            out.append(noise(spec, len(index), generator, device))
        else:
            out.append(torch.from_numpy(data[part + "/" + spec["field"]][index]).to(device))
    return out


def as_tuple(x):
    return x if isinstance(x, tuple) else (x,)


class EpochLosses:
    """A training epoch's step losses: the mean, and the means of its first and last quarter of steps."""

    def __init__(self, world):
        self.world = world
        self.values = []
        self.weights = []

    def add(self, loss, n):
        self.values.append(loss)
        self.weights.append(n)

    def summary(self, prefix="", name="loss"):
        v, w = np.asarray(self.values), np.asarray(self.weights, dtype=np.float64)
        q = max(1, len(v) // 4)
        return {prefix + name: self.world.mean(float((v * w).sum()), float(w.sum())),
                prefix + name + "_first_quarter": self.world.mean(float((v[:q] * w[:q]).sum()), float(w[:q].sum())),
                prefix + name + "_last_quarter": self.world.mean(float((v[-q:] * w[-q:]).sum()), float(w[-q:].sum()))}


def kl_term(net):
    terms = [m.kl for m in net.modules() if isinstance(m, exported.Sampling) and m.kl is not None]
    return sum(terms) if terms else None


# ----------------------------------------------------------------------------------------------------- recipes
def samples_loss(config, net, outputs, data, part, index, device):
    total = 0
    for o in config["objectives"]:
        target = torch.from_numpy(data[part + "/" + o["target"]][index]).to(device)
        total = total + o["weight"] * objective_loss(o["loss"], outputs[o["output"]], target, o["target_kind"])
    if config["recipe"] == "vae":
        kl = kl_term(net)
        if kl is not None:
            total = total + config.get("kl_weight", 1.0) * kl
    return total


def train_samples(config, net, world, args, data, epochs, batch, lr, log):
    size = len(next(data[k] for k in data.files if k.startswith("train/")))
    per_process = max(1, batch // world.size)
    steps = max(1, -(-len(world.shard(np.arange(size))) // per_process))
    wrapped = world.wrap(net)
    stepper = Stepper(config, net.parameters(), lr, steps, epochs)
    generator = torch.Generator().manual_seed(config["seed"] + 1000 * world.rank)
    log({"epoch": 0, "val_loss": evaluate_samples(config, net, data, "validation", batch, generator, world)})
    for epoch in range(1, epochs + 1):
        net.train()
        order = world.shard(np.random.default_rng(config["seed"] + epoch).permutation(size))
        losses = EpochLosses(world)
        for start in range(0, len(order), per_process):
            index = np.sort(order[start:start + per_process])
            inputs = batch_inputs(config, data, "train", index, generator, world.device)
            loss = samples_loss(config, net, as_tuple(wrapped(*inputs)), data, "train", index, world.device)
            loss.backward()
            stepper.step()
            losses.add(loss.item(), len(index))
        line = {"epoch": epoch, **losses.summary("train_")}
        line["val_loss"] = evaluate_samples(config, net, data, "validation", batch, generator, world)
        log(line)


def evaluate_samples(config, net, data, part, batch, generator, world):
    keys = [k for k in data.files if k.startswith(part + "/")]
    if not keys or len(data[keys[0]]) == 0:
        return None
    net.eval()
    size = len(data[keys[0]])
    total = 0.0
    with torch.no_grad():
        for start in range(0, size, batch):
            index = np.arange(start, min(size, start + batch))
            outputs = as_tuple(net(*batch_inputs(config, data, part, index, generator, world.device)))
            total += samples_loss(config, net, outputs, data, part, index, world.device).item() * len(index)
    return total / size


def bce(logits, real):
    return F.binary_cross_entropy_with_logits(logits, torch.full_like(logits, 1.0 if real else 0.0))


def sample_distance(real, fake, directions):
    """The sliced Wasserstein distance between two equally many samples, as Netwright's runner reports it (swd):
    both sets, flattened, are projected on fixed unit directions; along each direction the sorted projections are
    paired and their mean absolute difference taken; the mean over the directions, in the data's units. It falls as
    the generator's samples come to lie where the real ones do, which the two adversarial losses do not show."""
    a = np.sort(real.reshape(len(real), -1).astype(np.float64) @ directions.T.astype(np.float64), axis=0)
    b = np.sort(fake.reshape(len(fake), -1).astype(np.float64) @ directions.T.astype(np.float64), axis=0)
    return float(np.abs(a - b).mean())


def train_gan(config, net, world, args, data, epochs, batch, lr, log):
    """The discriminator learns to tell real samples (1) from generated ones (0), then the generator learns to
    make the discriminator say 1; Adam for each part with the run's settings.

    Progress is measured by swd (see sample_distance): the generator's samples from the fixed noise in data.npz
    (quality/noise/PORT, with the validation samples' own conditions) against the first validation samples, before
    the first epoch and after each; at the same weights it is the number Netwright's run reported as val_swd. Each
    epoch also reports batch_swd, the distance of every step's generated batch to its real batch (noisier: fewer
    samples), as means over the epoch and over its first and last quarter of steps."""
    gan = config["gan"]
    inputs = config["inputs"]
    nodes = [spec["port"].rsplit(".", 1)[0] for spec in inputs]
    generator_net, critic_net = exported.part(net, gan["generator"]), exported.part(net, gan["discriminator"])
    g_inputs = [i for i, spec in enumerate(inputs) if spec["port"] in generator_net.INPUTS]
    d_inputs = [i for i, spec in enumerate(inputs) if spec["port"] in critic_net.INPUTS]
    real = next(i for i in d_inputs if nodes[i] == gan["real_input"])
    g_wrapped, d_wrapped = world.wrap(generator_net), world.wrap(critic_net)
    real_field = inputs[real]["field"]
    size = len(data["train/" + real_field])
    per_process = max(1, batch // world.size)
    steps = max(1, -(-len(world.shard(np.arange(size))) // per_process))
    g_step = Stepper(config, generator_net.parameters(), lr, steps, epochs)
    d_step = Stepper(config, critic_net.parameters(), lr, steps, epochs)
    generator = torch.Generator().manual_seed(config["seed"] + 1000 * world.rank)
    directions = data["quality/directions"] if "quality/directions" in data.files else None
    shown = gan.get("quality_samples", 0)

    def quality():
        if directions is None or shown == 0 or world.rank != 0:
            return None
        fixed = [torch.from_numpy(data["quality/noise/" + inputs[i]["port"]]) if inputs[i]["kind"] == "noise"
                 else torch.from_numpy(data["validation/" + inputs[i]["field"]][:shown]) for i in g_inputs]
        net.eval()
        with torch.no_grad():
            fake = generator_net(*[t.to(world.device) for t in fixed]).cpu().numpy()
        net.train()
        return sample_distance(data["validation/" + real_field][:shown], fake, directions)

    log({"epoch": 0, "swd": quality()})
    for epoch in range(1, epochs + 1):
        net.train()
        order = world.shard(np.random.default_rng(config["seed"] + epoch).permutation(size))
        d_losses, g_losses, batch_distances = EpochLosses(world), EpochLosses(world), EpochLosses(world)
        for start in range(0, len(order), per_process):
            index = np.sort(order[start:start + per_process])
            x = batch_inputs(config, data, "train", index, generator, world.device)
            with torch.no_grad():
                fake = generator_net(*[x[i] for i in g_inputs])
            both = [torch.cat([x[i], fake]) if i == real else torch.cat([x[i], x[i]]) for i in d_inputs]
            scores = d_wrapped(*both)
            n = len(index)
            d_loss = bce(scores[:n], True) + bce(scores[n:], False)
            d_loss.backward()
            d_step.step()
            g_step.optimizer.zero_grad(set_to_none=True)
            fake = g_wrapped(*[x[i] for i in g_inputs])
            fed = [fake if i == real else x[i] for i in d_inputs]
            g_loss = bce(critic_net(*fed), True)
            g_loss.backward()
            g_step.step()
            d_step.optimizer.zero_grad(set_to_none=True)
            d_losses.add(d_loss.item(), n)
            g_losses.add(g_loss.item(), n)
            if directions is not None:
                batch_distances.add(sample_distance(x[real].cpu().numpy(), fake.detach().cpu().numpy(), directions), n)
        line = {"epoch": epoch, **d_losses.summary("d_"), **g_losses.summary("g_")}
        if directions is not None:
            line.update(batch_distances.summary("batch_", "swd"))
        line["swd"] = quality()
        log(line)


def train_nodes(config, net, world, args, data, epochs, batch, lr, log):
    """Node classification on one graph: every step runs the whole graph, the loss covers a batch of training nodes."""
    features = torch.from_numpy(data["features"]).unsqueeze(0).to(world.device)
    adjacency = torch.from_numpy(data["adjacency"]).unsqueeze(0).to(world.device)
    labels = torch.from_numpy(data["labels"]).long().to(world.device)
    train, validation = data["train"].astype(np.int64), data["validation"].astype(np.int64)
    per_process = max(1, batch // world.size)
    shard = world.shard(np.arange(len(train)))
    steps = max(1, -(-len(shard) // per_process))
    wrapped = world.wrap(net)
    stepper = Stepper(config, net.parameters(), lr, steps, epochs)

    def loss_of(scores, nodes):
        scores = scores[0, nodes]
        if config["loss"] == "mse":
            return F.mse_loss(scores, F.one_hot(labels[nodes], scores.shape[-1]).to(scores.dtype))
        return F.cross_entropy(scores, labels[nodes])

    def validate():
        net.eval()
        with torch.no_grad():
            return loss_of(as_tuple(net(features, adjacency))[0], torch.from_numpy(validation)).item() \
                if len(validation) else None

    log({"epoch": 0, "val_loss": validate()})
    for epoch in range(1, epochs + 1):
        net.train()
        order = world.shard(train[np.random.default_rng(config["seed"] + epoch).permutation(len(train))])
        losses = EpochLosses(world)
        for start in range(0, len(order), per_process):
            nodes = torch.from_numpy(order[start:start + per_process]).to(world.device)
            loss = loss_of(as_tuple(wrapped(features, adjacency))[0], nodes)
            loss.backward()
            stepper.step()
            losses.add(loss.item(), len(nodes))
        log({"epoch": epoch, **losses.summary("train_"), "val_loss": validate()})


def train_graphs(config, net, world, args, data, epochs, batch, lr, log):
    """Graph classification: batches of graphs padded to the graph input's node count, with their node masks."""
    arrays = [torch.from_numpy(data[k]) for k in ("features", "adjacency", "mask")][:len(exported.INPUTS)]
    labels = torch.from_numpy(data["labels"]).long()
    train, validation = data["train"].astype(np.int64), data["validation"].astype(np.int64)
    per_process = max(1, batch // world.size)
    steps = max(1, -(-len(world.shard(train)) // per_process))
    wrapped = world.wrap(net)
    stepper = Stepper(config, net.parameters(), lr, steps, epochs)

    def loss_of(module, index):
        index = torch.from_numpy(index)
        scores = as_tuple(module(*[a[index].to(world.device) for a in arrays]))[0]
        if config["loss"] == "mse":
            return F.mse_loss(scores, F.one_hot(labels[index], scores.shape[-1]).to(scores.dtype).to(world.device))
        return F.cross_entropy(scores, labels[index].to(world.device))

    def validate():
        net.eval()
        with torch.no_grad():
            return loss_of(net, validation).item() if len(validation) else None

    log({"epoch": 0, "val_loss": validate()})
    for epoch in range(1, epochs + 1):
        net.train()
        order = world.shard(train[np.random.default_rng(config["seed"] + epoch).permutation(len(train))])
        losses = EpochLosses(world)
        for start in range(0, len(order), per_process):
            index = order[start:start + per_process]
            loss = loss_of(wrapped, index)
            loss.backward()
            stepper.step()
            losses.add(loss.item(), len(index))
        log({"epoch": epoch, **losses.summary("train_"), "val_loss": validate()})


def save(net, path):
    state = {name: t.detach().cpu().numpy() for name, t in net.state_dict().items()}
    tmp = path + ".tmp.npz"
    np.savez(tmp, **state)
    os.replace(tmp, path)


def main():
    args = parse_args()
    with open(os.path.join(HERE, "run.json"), encoding="utf-8") as f:
        config = json.load(f)
    world = World(args.device)
    torch.manual_seed(config["seed"] + world.rank)
    net = exported.load().to(world.device)
    epochs = args.epochs if args.epochs is not None else config["epochs"]
    batch = args.batch_size or config["batch_size"]
    lr = args.lr or config["learning_rate"]

    def log(line):
        if world.rank == 0:
            line = {k: (round(v, 6) if isinstance(v, float) else v) for k, v in line.items()}
            line["processes"] = world.size
            print(json.dumps(line), flush=True)

    recipe = config["recipe"]
    with np.load(os.path.join(HERE, "data.npz"), allow_pickle=False) as data:
        loaded = _Arrays(data)
        trainer = {"gan": train_gan, "nodes": train_nodes, "graphs": train_graphs}.get(recipe, train_samples)
        trainer(config, net, world, args, loaded, epochs, batch, lr, log)
    if world.rank == 0:
        save(net, args.out)
        print(json.dumps({"saved": args.out}), flush=True)
    world.close()


class _Arrays:
    """The arrays of data.npz read once each (an .npz decompresses an array on every access)."""

    def __init__(self, npz):
        self.files = list(npz.files)
        self._npz = npz
        self._cache = {}

    def __getitem__(self, key):
        if key not in self._cache:
            self._cache[key] = self._npz[key]
        return self._cache[key]


if __name__ == "__main__":
    main()
