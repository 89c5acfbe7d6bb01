"""Training-epoch time of the released MgNO and LSM code on synthetic 85x85 Darcy-shaped data.

Used by `dotnet run -c Release --project validation -- operator-performance`, which runs the same
model configuration, batch size, loss and optimiser in PdeNet in the same process tree. The peer's
code is read from a local copy given on the command line (it is not part of this repository):

    git clone https://github.com/xlliu2017/MgNO
    git clone https://github.com/thuml/Latent-Spectral-Models

Prints one JSON object on stdout.
"""
import argparse
import json
import os
import sys
import time
import types


def parse():
    p = argparse.ArgumentParser()
    p.add_argument("--model", choices=["mgno", "lsm"], required=True)
    p.add_argument("--repo", required=True, help="local copy of the released code")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--samples", type=int, default=40)
    p.add_argument("--batch", type=int, default=None)
    p.add_argument("--epochs", type=int, default=2, help="timed epochs, after one warm-up epoch")
    p.add_argument("--resolution", type=int, default=85)
    p.add_argument("--dtype", choices=["float32", "float64"], default="float64")
    p.add_argument("--seed", type=int, default=0)
    return p.parse_args()


def darcy_like(n, s, generator, dtype):
    """Piecewise-constant coefficients (3 or 12) and smooth positive outputs of the right shape."""
    import torch
    psi = torch.randn(n, 1, s // 4 + 1, s // 4 + 1, generator=generator, dtype=dtype)
    psi = torch.nn.functional.interpolate(psi, size=(s, s), mode="bilinear", align_corners=True)
    a = torch.where(psi >= 0, torch.full_like(psi, 12.0), torch.full_like(psi, 3.0))
    x = torch.linspace(0, 1, s, dtype=dtype)
    bubble = (x * (1 - x))[:, None] * (x * (1 - x))[None, :]
    u = bubble[None, None] * (1 + 0.1 * torch.randn(n, 1, 1, 1, generator=generator, dtype=dtype)) / a.mean()
    return a, u


def mgno(args, torch):
    # models.py imports torchinfo.summary only to print summaries; it is not used in training.
    sys.modules.setdefault("torchinfo", types.SimpleNamespace(summary=None))
    sys.path.insert(0, args.repo)
    from models import MgNO_DC
    from utilities3 import HsLoss, LpLoss, getOptimizerScheduler

    model = MgNO_DC(num_layer=4, num_channel_u=24, num_channel_f=1, num_classes=1,
                    num_iteration=[[1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [2, 0]], padding_mode="zeros")
    optimizer, _ = getOptimizerScheduler(model.parameters(), epochs=500, lr=5e-4, weight_decay=1e-4)
    h1 = HsLoss(d=2, p=2, k=1, size_average=False, res=args.resolution)
    l2 = LpLoss(size_average=False)

    def step(x, y):
        # The released darcy.py loop with loss_type='h1'.
        optimizer.zero_grad()
        out = model(x)
        with torch.no_grad():
            l2(out, y)
        loss = h1(out, y)[0]
        loss.backward()
        optimizer.step()
        return loss.item()

    return model, step, 8, lambda a: a


def lsm(args, torch):
    sys.path.insert(0, args.repo)
    # The released LSM_2D.py moves its latent tokens to the GPU with .cuda() at construction; on a CPU-only
    # torch that call must leave the tensor where it is.
    torch.Tensor.cuda = lambda self, *unused, **unused_too: self
    from models.LSM_2D import Model
    from utils.adam import Adam
    from utils.utilities3 import LpLoss

    options = types.SimpleNamespace(in_dim=1, out_dim=1, d_model=64, num_basis=12, num_token=4,
                                    patch_size="6,6", padding="11,11")
    model = Model(options)
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    grid = model.get_grid
    model.get_grid = lambda shape, device: grid(shape, device).to(dtype)  # the released grid is float32
    optimizer = Adam(model.parameters(), lr=5e-4, weight_decay=1e-4)
    loss_fn = LpLoss(size_average=False)
    s = args.resolution

    def step(x, y):
        # The released exp_darcy.py loop (normalisers are pointwise affine maps, applied here as in PdeNet).
        b = x.shape[0]
        optimizer.zero_grad()
        out = model(x).reshape(b, s, s)
        loss = loss_fn(out.view(b, -1), y.view(b, -1))
        loss.backward()
        optimizer.step()
        return loss.item()

    return model, step, 20, lambda a: a.permute(0, 2, 3, 1).contiguous()


def main():
    args = parse()
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    import torch
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    torch.set_default_dtype(dtype)
    model, step, batch, layout = (mgno if args.model == "mgno" else lsm)(args, torch)
    model = model.to(dtype)
    batch = args.batch or batch
    generator = torch.Generator().manual_seed(args.seed)
    a, u = darcy_like(args.samples, args.resolution, generator, dtype)
    x, y = layout(a), u if args.model == "mgno" else u[:, 0]
    params = sum(p.numel() for p in model.parameters())

    def epoch():
        order = torch.randperm(args.samples, generator=generator)
        start = time.perf_counter()
        for i in range(0, args.samples, batch):
            index = order[i:i + batch]
            step(x[index], y[index])
        return time.perf_counter() - start

    model.train()
    warmup = epoch()
    times = [epoch() for _ in range(args.epochs)]
    print(json.dumps({
        "model": args.model, "parameters": params, "threads": torch.get_num_threads(), "dtype": args.dtype,
        "batch": batch, "samples": args.samples, "resolution": args.resolution, "torch": torch.__version__,
        "warmup_seconds": warmup, "epoch_seconds": times,
    }))


if __name__ == "__main__":
    main()
