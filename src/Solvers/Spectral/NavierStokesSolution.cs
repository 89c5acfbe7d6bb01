using System.Numerics;
using PdeNet.Core.Fields;
using PdeNet.Core.Problems;

namespace PdeNet.Solvers.Spectral;

/// <summary>
/// A spectral solution of the 2D vorticity equation: the streamfunction ψ (the problem's unknown,
/// what <see cref="PdeNet.Core.Solving.Solution.Evaluate"/> returns) and the vorticity w = -Δψ on the grid at every
/// output time, with the velocity, kinetic energy and enstrophy derived from them.
/// </summary>
public sealed class NavierStokesSolution : PeriodicGridSolution
{
    private readonly double[][] _vorticity;

    /// <summary>Wraps streamfunction and vorticity snapshots (n² values each, x fastest).</summary>
    public NavierStokesSolution(Problem problem, PeriodicGrid grid, IReadOnlyList<double> times, IReadOnlyList<double[]> streamfunction, IReadOnlyList<double[]> vorticity)
        : base(problem, "spectral", grid, times, streamfunction)
    {
        if (vorticity.Count != times.Count || vorticity.Any(w => w.Length != grid.Count))
            throw new ArgumentException($"give {times.Count} vorticity snapshots of {grid.Count} values", nameof(vorticity));
        _vorticity = vorticity.ToArray();
    }

    /// <summary>The vorticity w = -Δψ on the grid at output time <paramref name="snapshot"/> (n² values, x fastest).</summary>
    public ReadOnlySpan<double> Vorticity(int snapshot) => _vorticity[snapshot];

    /// <summary>The name of the vorticity for <see cref="EvaluateQuantity"/>.</summary>
    public const string VorticityQuantity = "vorticity";

    /// <inheritdoc/>
    /// <remarks>
    /// "vorticity": w = -Δψ, interpolated from the grid vorticity like ψ (exact at grid points and output times).
    /// </remarks>
    public override double[] EvaluateQuantity(string name, double[] points, double time = 0)
    {
        if (name != VorticityQuantity) return base.EvaluateQuantity(name, points, time);
        return InterpolateInTime(points.Length / Problem.Dimension, time, k => PeriodicInterpolation.Lagrange(Grid, _vorticity[k], points));
    }

    /// <summary>The velocity (u, v) = (ψ_y, -ψ_x) on the grid at output time <paramref name="snapshot"/>, computed spectrally.</summary>
    public (double[] U, double[] V) Velocity(int snapshot)
    {
        int n = Grid.Points, c = n / 2 + 1;
        var fft = new RealFourierTransform2D(n);
        var psi = new Complex[n * c];
        fft.Forward(GridValues(snapshot), psi);
        var work = new Complex[psi.Length];
        var (u, v) = (new double[n * n], new double[n * n]);
        for (int i = 0; i < psi.Length; i++) work[i] = new Complex(0, Grid.OddWavenumber(1, i / c)) * psi[i];
        fft.Inverse(work, u);
        for (int i = 0; i < psi.Length; i++) work[i] = new Complex(0, -Grid.OddWavenumber(0, i % c)) * psi[i];
        fft.Inverse(work, v);
        return (u, v);
    }

    /// <summary>The kinetic energy per unit area ½ ⟨u² + v²⟩ at output time <paramref name="snapshot"/>.</summary>
    public double Energy(int snapshot)
    {
        var (u, v) = Velocity(snapshot);
        double sum = 0;
        for (int j = 0; j < u.Length; j++) sum += u[j] * u[j] + v[j] * v[j];
        return 0.5 * sum / u.Length;
    }

    /// <summary>The enstrophy per unit area ½ ⟨w²⟩ at output time <paramref name="snapshot"/>.</summary>
    public double Enstrophy(int snapshot)
    {
        double sum = 0;
        foreach (double w in _vorticity[snapshot]) sum += w * w;
        return 0.5 * sum / _vorticity[snapshot].Length;
    }

    /// <summary>The mean vorticity ⟨w⟩ at output time <paramref name="snapshot"/>.</summary>
    public double MeanVorticity(int snapshot) => _vorticity[snapshot].Average();

    /// <inheritdoc/>
    protected override IReadOnlyList<Field> AllFields()
    {
        var fields = new List<Field>(Fields());
        for (int k = 0; k < Times.Count; k++)
            fields.Add(new Field("vorticity", NativeMesh, Grid.ToMeshValues(_vorticity[k]), time: Times[k]));
        return fields;
    }
}
