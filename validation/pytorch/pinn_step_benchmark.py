#!/usr/bin/python3
"""Training steps per second of a plain PyTorch PINN, the peer of PdeNet's `pinn-performance` validation.

The PINN is the one PdeNet's PinnSolver builds for poisson-square (-Lap u = f on the unit square,
f = 2 (k pi)^2 sin(k pi x) sin(k pi y), u = 0 on the boundary) with PinnOptions' defaults apart from
the network and the interior point count:

- inputs scaled to [-1, 1] by v = (x - c) / w with c = w = 0.5 (PdeNet's EmbeddedMlp);
- an MLP 2 -> 50 -> 50 -> 50 -> 50 -> 1 with tanh, Glorot-normal weights and zero biases, float32;
- loss = mean over the interior points of (-(u_xx + u_yy) - f)^2
         + boundary_weight * mean over the boundary points of u^2      (PinnLoss, boundary weight 10);
- the Laplacian by autograd: du = grad(sum u, x), then grad(sum du_i, x) for each axis (create_graph);
- Adam with the learning rate decaying exponentially from lr to final_lr over the configured steps
  (PinnTraining); the loss is read back to the host every step, as PdeNet does for its NaN guard.

Given --data FILE (written by the C# validation) the points and initial parameters are PdeNet's own,
and the loss of the first --trace steps is printed so that both sides can be compared number for
number. Without it the script draws its own points and weights from --seed.

Prints one JSON object: steps per second, ms per step (wall clock, and the process's CPU time, which
a load from other processes distorts less at one thread) and the wall time per phase (ms per step):
  loss      = zero_grad + forward + derivatives + residual + boundary term + reading the loss back
  backward  = loss.backward()
  optimizer = optimizer.step() + setting the learning rate
and, inside `loss`: forward (interior network pass), derivatives (the three grad calls),
residual (f, the residual and its mean), boundary (network on the boundary points and its mean).
"""
import argparse
import json
import math
import platform
import sys
import time

import torch


def build_network(hidden, dtype):
    widths = [2] + hidden + [1]
    layers = []
    for i in range(len(widths) - 1):
        layer = torch.nn.Linear(widths[i], widths[i + 1], dtype=dtype)
        with torch.no_grad():
            torch.nn.init.xavier_normal_(layer.weight)
            torch.nn.init.zeros_(layer.bias)
        layers.append(layer)
    return torch.nn.ModuleList(layers)


def forward(layers, x, centre, half_width):
    h = (x - centre) / half_width
    for i, layer in enumerate(layers):
        h = layer(h)
        if i + 1 < len(layers):
            h = torch.tanh(h)
    return h.squeeze(1)


def sample(interior, boundary, generator, dtype):
    x = torch.rand(interior, 2, generator=generator, dtype=torch.float64)
    s = torch.rand(boundary, generator=generator, dtype=torch.float64) * 4
    side = s.floor().clamp(max=3)
    t = s - side
    zeros, ones = torch.zeros_like(t), torch.ones_like(t)
    bx = torch.where(side == 0, t, torch.where(side == 1, ones, torch.where(side == 2, 1 - t, zeros)))
    by = torch.where(side == 0, zeros, torch.where(side == 1, t, torch.where(side == 2, ones, 1 - t)))
    return x.to(dtype), torch.stack([bx, by], 1).to(dtype)


def loaded_blas():
    """The BLAS libraries this process has mapped (Linux), to say which one torch calls."""
    try:
        with open("/proc/self/maps") as f:
            paths = {line.split()[-1] for line in f if "blas" in line.lower() and "/" in line}
        return sorted(paths)
    except OSError:
        return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--steps", type=int, default=200, help="timed steps")
    parser.add_argument("--interior", type=int, default=4096)
    parser.add_argument("--boundary", type=int, default=500)
    parser.add_argument("--hidden", default="50,50,50,50")
    parser.add_argument("--boundary-weight", type=float, default=10.0)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--final-lr", type=float, default=1e-4)
    parser.add_argument("--schedule-steps", type=int, default=None,
                        help="steps over which the learning rate decays (default: warm-up + timed steps)")
    parser.add_argument("--k", type=float, default=1.0, help="wave number of the manufactured solution")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data", default=None, help="JSON with PdeNet's points and initial parameters")
    parser.add_argument("--trace", type=int, default=0, help="record the loss of this many first steps")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    dtype = torch.float32
    hidden = [int(w) for w in args.hidden.split(",")]
    layers = build_network(hidden, dtype)
    if args.data:
        with open(args.data) as f:
            data = json.load(f)
        interior = torch.tensor(data["interior"], dtype=dtype).reshape(-1, 2)
        boundary = torch.tensor(data["boundary"], dtype=dtype).reshape(-1, 2)
        with torch.no_grad():
            for p, values in zip(layers.parameters(), data["parameters"]):
                p.copy_(torch.tensor(values, dtype=dtype).reshape(p.shape))
        if list(p.numel() for p in layers.parameters()) != [len(v) for v in data["parameters"]]:
            sys.exit("the parameters in --data do not fit the network")
    else:
        interior, boundary = sample(args.interior, args.boundary, torch.Generator().manual_seed(args.seed), dtype)
    interior.requires_grad_(True)
    centre = torch.tensor([0.5, 0.5], dtype=dtype)
    half_width = torch.tensor([0.5, 0.5], dtype=dtype)
    kpi = args.k * math.pi

    total_steps = args.warmup + args.steps
    schedule = args.schedule_steps or total_steps
    gamma = (args.final_lr / args.lr) ** (1.0 / schedule)
    learning_rate = args.lr
    optimizer = torch.optim.Adam(layers.parameters(), lr=args.lr)

    phases = dict(loss=0.0, backward=0.0, optimizer=0.0, forward=0.0, derivatives=0.0, residual=0.0, boundary=0.0)
    trace = []
    clock = time.perf_counter
    start = None
    for step in range(total_steps):
        if step == args.warmup:
            phases = {k: 0.0 for k in phases}
            start, start_cpu = clock(), time.process_time()
        t0 = clock()
        optimizer.zero_grad()
        x = interior
        u = forward(layers, x, centre, half_width)
        t1 = clock()
        du = torch.autograd.grad(u.sum(), x, create_graph=True)[0]
        u_xx = torch.autograd.grad(du[:, 0].sum(), x, create_graph=True)[0][:, 0]
        u_yy = torch.autograd.grad(du[:, 1].sum(), x, create_graph=True)[0][:, 1]
        t2 = clock()
        f = 2 * kpi * kpi * torch.sin(kpi * x[:, 0]) * torch.sin(kpi * x[:, 1])
        pde = (-(u_xx + u_yy) - f).square().mean()
        t3 = clock()
        boundary_term = forward(layers, boundary, centre, half_width).square().mean()
        loss = pde + args.boundary_weight * boundary_term
        value = loss.item()
        t4 = clock()
        if not math.isfinite(value):
            sys.exit(f"the loss is {value} at step {step}")
        if step < args.trace:
            trace.append(value)
        loss.backward()
        t5 = clock()
        optimizer.step()
        learning_rate *= gamma
        for group in optimizer.param_groups:
            group["lr"] = learning_rate
        t6 = clock()
        phases["forward"] += t1 - t0
        phases["derivatives"] += t2 - t1
        phases["residual"] += t3 - t2
        phases["boundary"] += t4 - t3
        phases["loss"] += t4 - t0
        phases["backward"] += t5 - t4
        phases["optimizer"] += t6 - t5
    seconds, cpu_seconds = clock() - start, time.process_time() - start_cpu
    n = args.steps
    print(json.dumps({
        "framework": "pytorch",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "blas": loaded_blas(),
        "threads": torch.get_num_threads(),
        "interior_points": interior.shape[0],
        "boundary_points": boundary.shape[0],
        "parameters": sum(p.numel() for p in layers.parameters()),
        "warmup_steps": args.warmup,
        "timed_steps": n,
        "seconds": seconds,
        "steps_per_second": n / seconds,
        "ms_per_step": 1000 * seconds / n,
        "cpu_ms_per_step": 1000 * cpu_seconds / n,
        "phases_ms_per_step": {k: 1000 * v / n for k, v in phases.items()},
        "final_loss": value,
        "loss_trace": trace,
    }))


if __name__ == "__main__":
    main()
