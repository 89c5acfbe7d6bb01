using PdeNet.Neural;
using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// One block of least-squares rows r = F(T_1 w, …, T_m w; data), for instance the PDE residual at the
/// interior collocation points or the initial-condition rows. The terms T_j are linear images of the
/// basis functions (the basis itself, its finite-difference derivatives) at the block's rows.
/// </summary>
public sealed class ResidualBlock
{
    /// <summary>Creates a block and checks that its shapes agree.</summary>
    /// <param name="name">Name, for messages ("pde", "initial", "left").</param>
    /// <param name="terms">T_j, each (batch, rows, N), float64.</param>
    /// <param name="data">Per-row data, each (batch or 1, rows), float64; may be empty.</param>
    /// <param name="residual">F, pointwise in the row.</param>
    /// <param name="points">For each row, the flat index of the grid point that owns it (used by the expert router).</param>
    public ResidualBlock(string name, IReadOnlyList<Tensor> terms, IReadOnlyList<Tensor> data, PointwiseResidual residual, long[] points)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(residual);
        ArgumentNullException.ThrowIfNull(points);
        if (terms.Count == 0) throw new ArgumentException($"block '{name}' needs at least one term", nameof(terms));
        var first = terms[0].shape;
        if (first.Length != 3) throw new ArgumentException($"block '{name}': terms must be (batch, rows, N), got ({string.Join(", ", first)})", nameof(terms));
        foreach (var t in terms)
        {
            if (!t.shape.SequenceEqual(first))
                throw new ArgumentException($"block '{name}': all terms must have shape ({string.Join(", ", first)}), got ({string.Join(", ", t.shape)})", nameof(terms));
            if (t.dtype != ScalarType.Float64) throw new ArgumentException($"block '{name}': terms must be float64, got {t.dtype}", nameof(terms));
        }
        foreach (var d in data)
        {
            if (d.dim() != 2 || d.shape[1] != first[1] || (d.shape[0] != 1 && d.shape[0] != first[0]))
                throw new ArgumentException($"block '{name}': data must be (batch or 1, {first[1]}), got ({string.Join(", ", d.shape)})", nameof(data));
        }
        if (points.Length != first[1]) throw new ArgumentException($"block '{name}': {first[1]} rows but {points.Length} owning points", nameof(points));
        Name = name;
        Terms = terms;
        Data = data;
        Residual = residual;
        Points = points;
    }

    /// <summary>A linear block r = T w - target.</summary>
    /// <param name="name">Name of the block.</param>
    /// <param name="term">T, (batch, rows, N).</param>
    /// <param name="target">Target values, (batch or 1, rows).</param>
    /// <param name="points">Owning grid point of each row.</param>
    public static ResidualBlock Linear(string name, Tensor term, Tensor target, long[] points) =>
        new(name, [term], [target], (v, d) => v[0].Minus(d[0]), points);

    /// <summary>Name of the block.</summary>
    public string Name { get; }

    /// <summary>T_j, each (batch, rows, N).</summary>
    public IReadOnlyList<Tensor> Terms { get; }

    /// <summary>Per-row data, each (batch or 1, rows).</summary>
    public IReadOnlyList<Tensor> Data { get; }

    /// <summary>F, pointwise in the row.</summary>
    public PointwiseResidual Residual { get; }

    /// <summary>Owning grid point of each row.</summary>
    public long[] Points { get; }

    /// <summary>Number of rows.</summary>
    public long Rows => Terms[0].shape[1];

    /// <summary>The same block with other term tensors (same shapes).</summary>
    internal ResidualBlock WithTerms(IReadOnlyList<Tensor> terms) => new(Name, terms, Data, Residual, Points);

    /// <summary>The rows whose owning point satisfies <paramref name="owns"/>; null when there are none.</summary>
    internal ResidualBlock? Restrict(Func<long, bool> owns)
    {
        var rows = Enumerable.Range(0, Points.Length).Where(i => owns(Points[i])).Select(i => (long)i).ToArray();
        if (rows.Length == 0) return null;
        if (rows.Length == Points.Length) return this;
        using var index = tensor(rows, ScalarType.Int64);
        return new ResidualBlock(Name,
            Terms.Select(t => t.index_select(1, index)).ToArray(),
            Data.Select(d => d.index_select(1, index)).ToArray(),
            Residual,
            rows.Select(i => Points[i]).ToArray());
    }
}
