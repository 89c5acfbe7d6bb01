using System.Globalization;
using System.Numerics;
using PdeNet.Core.Problems;
using PdeNet.Geometry;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;

namespace PdeNet.Solvers.Spectral;

/// <summary>
/// The uniform grid of a periodic box [a_i, a_i + L_i): n points per axis at x_j = a + j L/n
/// (the point a + L is the image of a and is not stored). Grid values are stored with x fastest:
/// index ix + n iy. Wavenumbers are κ = 2π k / L for k = 0, 1, …, n/2 (and negative ones).
/// </summary>
public sealed record PeriodicGrid
{
    /// <summary>Creates the grid; n must be a power of two of at least 4.</summary>
    public PeriodicGrid(double[] origin, double[] lengths, int points)
    {
        if (origin.Length != lengths.Length || origin.Length is < 1 or > 2) throw new ArgumentException("a periodic grid is 1D or 2D, with one origin and length per axis");
        if (lengths.Any(l => !(l > 0) || double.IsInfinity(l))) throw new ArgumentOutOfRangeException(nameof(lengths), "periods must be positive and finite");
        if (points < 4 || !BitOperations.IsPow2(points)) throw new ArgumentOutOfRangeException(nameof(points), points, "the spectral grid needs a power of two of at least 4 points per axis");
        Origin = origin;
        Lengths = lengths;
        Points = points;
    }

    /// <summary>The corner a of the box.</summary>
    public double[] Origin { get; }

    /// <summary>The periods L per axis.</summary>
    public double[] Lengths { get; }

    /// <summary>Points per axis, n.</summary>
    public int Points { get; }

    /// <summary>Space dimension (1 or 2).</summary>
    public int Dimension => Origin.Length;

    /// <summary>Total number of grid points, n^d.</summary>
    public int Count => Dimension == 1 ? Points : Points * Points;

    /// <summary>Grid spacing L/n along <paramref name="axis"/>.</summary>
    public double Spacing(int axis) => Lengths[axis] / Points;

    /// <summary>Coordinate of grid index <paramref name="j"/> along <paramref name="axis"/>.</summary>
    public double Coordinate(int axis, int j) => Origin[axis] + j * Lengths[axis] / Points;

    /// <summary>The angular wavenumber 2π k / L of FFT index <paramref name="k"/> (k ≥ n/2 stands for k - n).</summary>
    public double Wavenumber(int axis, int k) => 2 * Math.PI / Lengths[axis] * (k <= Points / 2 ? k : k - Points);

    /// <summary>
    /// The wavenumber used for odd derivatives: as <see cref="Wavenumber"/>, but 0 for the Nyquist
    /// index n/2, whose mode has no well-defined first derivative on the grid.
    /// </summary>
    public double OddWavenumber(int axis, int k) => k == Points / 2 ? 0 : Wavenumber(axis, k);

    /// <summary>Whether FFT index <paramref name="k"/> survives 2/3-rule dealiasing: |k| ≤ n/3.</summary>
    public bool Keeps(int k) => Math.Abs(k <= Points / 2 ? k : k - Points) <= Points / 3;

    /// <summary>The grid points, shape (n^d, d), x fastest.</summary>
    public double[] Coordinates()
    {
        int d = Dimension, n = Points;
        var points = new double[Count * d];
        for (int i = 0; i < Count; i++)
        {
            points[i * d] = Coordinate(0, i % n);
            if (d == 2) points[i * d + 1] = Coordinate(1, i / n);
        }
        return points;
    }

    /// <summary>
    /// The mesh whose nodes are the grid points plus their periodic images on the closing side
    /// (n + 1 nodes per axis): intervals in 1D, triangles in 2D. Values at the images repeat the
    /// first grid line (see <see cref="ToMeshValues"/>).
    /// </summary>
    public Mesh Mesh(Domain domain) => GridMesher.Generate(domain, Enumerable.Repeat(Points, Dimension).ToArray(), Dimension == 1 ? CellType.Interval : CellType.Triangle);

    /// <summary>Grid values extended to the nodes of <see cref="Mesh"/> by periodicity.</summary>
    public double[] ToMeshValues(ReadOnlySpan<double> values)
    {
        int n = Points, m = n + 1;
        if (Dimension == 1)
        {
            var line = new double[m];
            values.CopyTo(line);
            line[n] = values[0];
            return line;
        }
        var plane = new double[m * m];
        for (int iy = 0; iy < m; iy++)
        {
            for (int ix = 0; ix < m; ix++) plane[ix + m * iy] = values[ix % n + n * (iy % n)];
        }
        return plane;
    }

    /// <summary>
    /// The grid of <paramref name="points"/> points per axis on the periodic box of
    /// <paramref name="problem"/>: an interval or a rectangle with a periodic condition along every
    /// axis whose shift is the box's side, and no other boundary condition.
    /// </summary>
    /// <exception cref="NotSupportedException">The problem is not posed on such a box, naming what differs.</exception>
    public static PeriodicGrid Of(Problem problem, int points)
    {
        var (origin, lengths) = problem.Domain switch
        {
            Interval interval => (new[] { interval.A }, new[] { interval.Length }),
            Rectangle rectangle => (new[] { rectangle.X0, rectangle.Y0 }, new[] { rectangle.X1 - rectangle.X0, rectangle.Y1 - rectangle.Y0 }),
            var other => throw new NotSupportedException($"problem '{problem.Name}': the spectral solver needs an interval or a rectangle with periodic conditions; the domain is a {other?.GetType().Name.ToLowerInvariant() ?? "missing"}"),
        };
        foreach (var condition in problem.Conditions)
        {
            if (condition is not Periodic)
                throw new NotSupportedException($"problem '{problem.Name}': the condition '{condition}' is not periodic; the spectral solver solves periodic problems only (use the finite-element or finite-volume solver)");
        }
        for (int axis = 0; axis < origin.Length; axis++)
        {
            var periodic = problem.Conditions.OfType<Periodic>().FirstOrDefault(p => p.Axis == axis);
            string name = PdeNet.Core.Symbolic.Coordinate.AxisName(axis);
            if (periodic is null)
                throw new NotSupportedException($"problem '{problem.Name}': no periodic condition along {name}; the spectral solver needs u(x) = u(x + L) along every axis");
            if (Math.Abs(Math.Abs(periodic.Shift[axis]) - lengths[axis]) > 1e-12 * lengths[axis])
                throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                    $"problem '{problem.Name}': the periodic shift along {name} is {Math.Abs(periodic.Shift[axis]):G6}, but the domain's side is {lengths[axis]:G6}"));
        }
        return new PeriodicGrid(origin, lengths, points);
    }
}
