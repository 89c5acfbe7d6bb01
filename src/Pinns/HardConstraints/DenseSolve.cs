using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// Batched dense solves. libtorch's batched LU solve with a batch of vector right-hand sides fails
/// inside MKL here (DLASWP rejects its pivots for N ≳ 250), so the symmetric positive definite systems
/// of Levenberg–Marquardt go through Cholesky, and the general ones are solved sample by sample.
/// </summary>
internal static class DenseSolve
{
    /// <summary>x with A x = b for symmetric positive definite A (batch, N, N) and b (batch, N).</summary>
    internal static Tensor Spd(Tensor a, Tensor b)
    {
        var factor = linalg.cholesky(a);
        return cholesky_solve(b.unsqueeze(-1), factor).squeeze(-1);
    }

    /// <summary>x with A x = b for general square A (batch, N, N) and b (batch, N).</summary>
    internal static Tensor General(Tensor a, Tensor b)
    {
        var parts = new Tensor[a.shape[0]];
        for (long i = 0; i < parts.Length; i++)
            parts[i] = linalg.solve(a[i], b[i].unsqueeze(-1)).squeeze(-1);
        return stack(parts, 0);
    }
}
