using System.Globalization;

namespace PdeNet.Core.Symbolic;

/// <summary>
/// A coefficient sampled on a uniform grid of a line or a rectangle, such as a random
/// permeability a(x, y) drawn for one sample of a parametric problem: printed by its name,
/// evaluated at any point of the box by <see cref="Interpolation"/> (points outside are clamped
/// to the box). It does not depend on u, so its derivative with respect to u or ∇u is 0. Its
/// space derivative is a <see cref="GridCoefficientSlope"/>, the derivative of the interpolant
/// where it exists (0 for piecewise constants: jumps are not represented), so use it inside a
/// flux -div(a grad u), which the finite-element weak form integrates by parts and which never
/// needs that slope. The tensor (PINN) evaluator refuses grid coefficients.
/// </summary>
public sealed class GridCoefficient : Leaf
{
    private readonly double[] _values;

    /// <summary>Creates the coefficient.</summary>
    /// <param name="name">Name shown in printed equations.</param>
    /// <param name="lower">Lower corner of the box, one coordinate per axis (1 or 2 axes).</param>
    /// <param name="upper">Upper corner, greater than <paramref name="lower"/> on every axis.</param>
    /// <param name="counts">Nodes per axis (at least 2): node i_k sits at lower_k + i_k (upper_k - lower_k)/(counts_k - 1).</param>
    /// <param name="values">Values at the nodes, row-major with the first axis slowest: node (i, j) at i counts[1] + j.</param>
    /// <param name="interpolation">How values between nodes are found.</param>
    public GridCoefficient(string name, double[] lower, double[] upper, int[] counts, double[] values, GridInterpolation interpolation)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("a grid coefficient needs a name", nameof(name));
        if (counts.Length is not (1 or 2)) throw new ArgumentException($"grid coefficient '{name}': 1D and 2D grids are supported, not {counts.Length}D", nameof(counts));
        if (lower.Length != counts.Length || upper.Length != counts.Length) throw new ArgumentException($"grid coefficient '{name}': give one lower and upper coordinate per axis", nameof(lower));
        for (int k = 0; k < counts.Length; k++)
        {
            if (counts[k] < 2) throw new ArgumentOutOfRangeException(nameof(counts), counts[k], $"grid coefficient '{name}' needs at least 2 nodes per axis");
            if (!(upper[k] > lower[k]) || !double.IsFinite(lower[k]) || !double.IsFinite(upper[k]))
                throw new ArgumentException($"grid coefficient '{name}': the box must have finite upper > lower on axis {k}", nameof(upper));
        }
        int total = counts.Aggregate(1, (a, b) => a * b);
        if (values.Length != total) throw new ArgumentException($"grid coefficient '{name}' has {values.Length} values for {total} nodes", nameof(values));
        if (values.Any(v => !double.IsFinite(v))) throw new ArgumentException($"grid coefficient '{name}' has non-finite values", nameof(values));
        if (!Enum.IsDefined(interpolation)) throw new ArgumentOutOfRangeException(nameof(interpolation), interpolation, "unknown interpolation");
        Name = name;
        Lower = lower.ToArray();
        Upper = upper.ToArray();
        Counts = counts.ToArray();
        _values = values.ToArray();
        Interpolation = interpolation;
    }

    /// <summary>Name shown in printed equations.</summary>
    public string Name { get; }

    /// <summary>Lower corner of the box.</summary>
    public IReadOnlyList<double> Lower { get; }

    /// <summary>Upper corner of the box.</summary>
    public IReadOnlyList<double> Upper { get; }

    /// <summary>Nodes per axis.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>Space dimension of the grid (1 or 2).</summary>
    public int Dimension => Counts.Count;

    /// <summary>Values at the nodes (row-major, first axis slowest).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>How values between nodes are found.</summary>
    public GridInterpolation Interpolation { get; }

    /// <summary>The value at x (1D grid; for a 2D grid use the two-argument overload).</summary>
    public double At(double x)
    {
        if (Dimension != 1) throw new InvalidOperationException($"grid coefficient '{Name}' is {Dimension}D; evaluate it at (x, y)");
        var (i, w) = Locate(0, x);
        return Interpolation == GridInterpolation.Nearest
            ? _values[w < 0.5 ? i : i + 1]
            : (1 - w) * _values[i] + w * _values[i + 1];
    }

    /// <summary>The value at (x, y) (2D grid).</summary>
    public double At(double x, double y)
    {
        if (Dimension != 2) throw new InvalidOperationException($"grid coefficient '{Name}' is {Dimension}D; evaluate it at x");
        var (i, wx) = Locate(0, x);
        var (j, wy) = Locate(1, y);
        int n = Counts[1];
        if (Interpolation == GridInterpolation.Nearest) return _values[(wx < 0.5 ? i : i + 1) * n + (wy < 0.5 ? j : j + 1)];
        int k = i * n + j;
        return (1 - wx) * ((1 - wy) * _values[k] + wy * _values[k + 1]) + wx * ((1 - wy) * _values[k + n] + wy * _values[k + n + 1]);
    }

    /// <summary>
    /// ∂a/∂x_axis of the interpolant at (x, y) (y ignored in 1D), where it exists: 0 for
    /// <see cref="GridInterpolation.Nearest"/>, the cell's slope for <see cref="GridInterpolation.Linear"/>.
    /// </summary>
    public double Slope(int axis, double x, double y = 0)
    {
        if (axis < 0 || axis >= Dimension) throw new ArgumentOutOfRangeException(nameof(axis), axis, $"grid coefficient '{Name}' is {Dimension}D");
        if (Interpolation == GridInterpolation.Nearest) return 0;
        var (i, wx) = Locate(0, x);
        double hx = (Upper[0] - Lower[0]) / (Counts[0] - 1);
        if (Dimension == 1) return (_values[i + 1] - _values[i]) / hx;
        var (j, wy) = Locate(1, y);
        int n = Counts[1];
        int k = i * n + j;
        if (axis == 0) return ((1 - wy) * (_values[k + n] - _values[k]) + wy * (_values[k + n + 1] - _values[k + 1])) / hx;
        double hy = (Upper[1] - Lower[1]) / (n - 1);
        return ((1 - wx) * (_values[k + 1] - _values[k]) + wx * (_values[k + n + 1] - _values[k + n])) / hy;
    }

    /// <summary>The cell index along <paramref name="axis"/> holding <paramref name="x"/> (clamped to the box) and the position in it, in [0, 1].</summary>
    private (int Cell, double Weight) Locate(int axis, double x)
    {
        int cells = Counts[axis] - 1;
        double s = (x - Lower[axis]) / (Upper[axis] - Lower[axis]) * cells;
        if (!(s > 0)) return (0, 0);   // also NaN
        if (s >= cells) return (cells - 1, 1);
        int cell = (int)s;
        return (cell, s - cell);
    }

    /// <summary>A one-line description for metadata: name, grid and interpolation.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {string.Join(" x ", Counts)} grid on [{string.Join(", ", Lower)}]..[{string.Join(", ", Upper)}], {Interpolation.ToString().ToLowerInvariant()} interpolation");

    /// <inheritdoc/>
    protected override bool SameNode(Expr other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    protected override int NodeHash() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
