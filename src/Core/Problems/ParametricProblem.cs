using PdeNet.Core.Solving;

namespace PdeNet.Core.Problems;

/// <summary>
/// A family of problems with random inputs (coefficient fields, forcings, initial conditions)
/// drawn from seeded random fields: the object from which operator-learning data sets are made.
/// Sample i of seed s is a pure function of (s, i) and the resolution: draw it with
/// <see cref="Draw"/>, then compute the output with <see cref="Reference"/>. Inputs and outputs
/// live on the tensor grid given by <see cref="Coordinates"/>: arrays are row-major with the first
/// axis slowest, inputs of shape (n_1, ..., n_d), outputs of shape (T, n_1, ..., n_d) with T the
/// number of <see cref="OutputTimes"/> (1 for a steady problem).
/// </summary>
public abstract class ParametricProblem
{
    /// <summary>The name on the command line and in data files, for example "darcy-2d".</summary>
    public abstract string Name { get; }

    /// <summary>One line saying what the problem is.</summary>
    public abstract string Description { get; }

    /// <summary>Where the problem comes from.</summary>
    public abstract string Citation { get; }

    /// <summary>Space dimension d of the sample grid.</summary>
    public abstract int Dimension { get; }

    /// <summary>The names of the input fields, in channel order (for example "nu" for Darcy's coefficient).</summary>
    public abstract IReadOnlyList<string> InputNames { get; }

    /// <summary>The name of the output field.</summary>
    public virtual string OutputName => "u";

    /// <summary>The reference that computes outputs: "fem", "spectral" or "exact" (no solver needed).</summary>
    public abstract string ReferenceSolver { get; }

    /// <summary>
    /// The largest time step the reference solver may take, in the problem's time unit, when its
    /// automatic step (a Courant number) is not accurate enough for the data; null lets the solver choose.
    /// </summary>
    public virtual double? ReferenceTimeStep => null;

    /// <summary>The resolution used when none is given.</summary>
    public abstract int DefaultResolution { get; }

    /// <summary>The smallest resolution the problem accepts.</summary>
    public virtual int MinimumResolution => 2;

    /// <summary>
    /// The fixed parameters of the problem (random-field hyper-parameters, coefficient values,
    /// viscosity, ...) by name, numbers or strings: written into data-set attributes, compared on
    /// resume and merge.
    /// </summary>
    public abstract IReadOnlyDictionary<string, object> Configuration { get; }

    /// <summary>The grid coordinates along each axis at <paramref name="resolution"/> points per axis.</summary>
    public abstract double[][] Coordinates(int resolution);

    /// <summary>The output times (t-coordinate); a single 0 for a steady problem.</summary>
    public virtual double[] OutputTimes(int resolution) => [0];

    /// <summary>
    /// The problem definition shared by all samples (equation, domain, boundary conditions, fixed
    /// parameters), from which physics-informed operators read their constraint rows, the initial state
    /// coming per sample; null when the family has none (the random input is not an initial state).
    /// </summary>
    public virtual Problem? Template => null;

    /// <summary>
    /// The output field as an expression of the unknown of <see cref="Template"/> (for example the
    /// vorticity -Δψ of a streamfunction ψ); null when the output is the unknown itself.
    /// </summary>
    public virtual Symbolic.Expr? Observed => null;

    /// <summary>Draws the random inputs of sample <paramref name="index"/> for <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative or the resolution too small.</exception>
    public abstract ParametricSample Draw(long seed, long index, int resolution);

    /// <summary>
    /// The output of <paramref name="sample"/> on the grid, shape (T, n_1, ..., n_d), computed with
    /// <paramref name="solver"/> (which must be given unless <see cref="ReferenceSolver"/> is "exact").
    /// </summary>
    public abstract double[] Reference(ParametricSample sample, ISolver? solver, CancellationToken cancellation = default);

    /// <summary>Checks <paramref name="resolution"/> against <see cref="MinimumResolution"/>.</summary>
    protected void CheckResolution(int resolution)
    {
        if (resolution < MinimumResolution)
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"problem '{Name}' needs a resolution of at least {MinimumResolution}");
    }

    /// <summary>The n points i/(n-1) (L - a) + a on [a, L] including both ends.</summary>
    protected static double[] Vertices(double lower, double upper, int count) =>
        Enumerable.Range(0, count).Select(i => i == count - 1 ? upper : lower + (upper - lower) * i / (count - 1)).ToArray();
}
