using PdeNet.Core.Fields;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.Fem.Spaces;

namespace PdeNet.Solvers.Fem;

/// <summary>
/// A finite-element solution: the coefficients of u_h in a P1 or P2 <see cref="FunctionSpace"/>,
/// at one time for a steady problem or at a series of times for an evolution problem (the
/// stored steps); for a vector unknown the m components interleaved node by node
/// (<see cref="FunctionSpace.Components"/>), and its fields are vector fields. Evaluating at a point uses the element's basis in the cell that contains it
/// (NaN outside the mesh); between stored times the coefficients are interpolated linearly in t.
/// </summary>
public sealed class FemSolution : Solution
{
    private readonly double[][] _steps;
    private readonly double[] _times;

    /// <summary>Wraps the coefficients of a steady solution in <paramref name="space"/>.</summary>
    public FemSolution(Problem problem, FunctionSpace space, double[] values) : this(problem, space, [0], [values])
    {
        IsTimeSeries = false;
    }

    /// <summary>Wraps nodal values of a P1 function on <paramref name="mesh"/>.</summary>
    public FemSolution(Problem problem, Mesh mesh, double[] values) : this(problem, new FunctionSpace(mesh, FiniteElement.P1), values)
    {
    }

    /// <summary>Wraps the coefficients of an evolution problem's solution at increasing <paramref name="times"/>.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="space">The space.</param>
    /// <param name="times">The stored times, increasing.</param>
    /// <param name="steps">The coefficients at each time, <see cref="FunctionSpace.DofCount"/> each (unknowns that a periodic condition identified are set from their representatives, in place).</param>
    public FemSolution(Problem problem, FunctionSpace space, IReadOnlyList<double> times, IReadOnlyList<double[]> steps) : base(problem, "fem")
    {
        if (times.Count == 0 || times.Count != steps.Count) throw new ArgumentException($"give one coefficient vector per time: {times.Count} times, {steps.Count} vectors", nameof(steps));
        for (int i = 0; i < steps.Count; i++)
        {
            if (steps[i].Length != space.DofCount) throw new ArgumentException($"expected {space.DofCount} coefficients at t = {times[i]}, got {steps[i].Length}", nameof(steps));
            if (i > 0 && !(times[i] > times[i - 1])) throw new ArgumentException("the times must increase", nameof(times));
        }
        Space = space;
        foreach (var step in steps) space.Dofs.Synchronise(step);
        _times = times.ToArray();
        _steps = steps.ToArray();
        IsTimeSeries = true;
    }

    /// <summary>The finite-element space.</summary>
    public FunctionSpace Space { get; }

    /// <summary>The (linear) mesh.</summary>
    public Mesh Mesh => Space.Mesh;

    /// <summary>The coefficients u_h at the unknowns' nodes (the final time of an evolution problem); for P1 the nodal values.</summary>
    public double[] Values => _steps[^1];

    /// <summary>True for the solution of an evolution problem.</summary>
    public bool IsTimeSeries { get; }

    /// <summary>The stored times (one, 0, for a steady solution).</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>The coefficients at each stored time.</summary>
    public IReadOnlyList<double[]> Steps => _steps;

    /// <summary>
    /// The coefficients at <paramref name="time"/>: a stored step, or the linear interpolation of the
    /// two around it. Steady solutions ignore the time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The time lies outside the stored interval.</exception>
    public double[] ValuesAt(double time)
    {
        if (!IsTimeSeries || _steps.Length == 1) return _steps[0];
        double slack = 1e-9 * (_times[^1] - _times[0]);
        if (time < _times[0] - slack || time > _times[^1] + slack)
            throw new ArgumentOutOfRangeException(nameof(time), time, $"the finite-element solution is stored for t in [{_times[0]}, {_times[^1]}]");
        int j = Array.BinarySearch(_times, time);
        if (j >= 0) return _steps[j];
        int upper = Math.Clamp(~j, 1, _times.Length - 1);
        double s = Math.Clamp((time - _times[upper - 1]) / (_times[upper] - _times[upper - 1]), 0, 1);
        var a = _steps[upper - 1];
        var b = _steps[upper];
        var values = new double[a.Length];
        for (int i = 0; i < values.Length; i++) values[i] = (1 - s) * a[i] + s * b[i];
        return values;
    }

    /// <inheritdoc/>
    public override double[] Evaluate(double[] points, double time = 0) => Space.Evaluate(ValuesAt(time), points);

    /// <inheritdoc/>
    /// <remarks>
    /// On <see cref="Mesh"/> the field holds the values at the mesh nodes; on
    /// <see cref="FunctionSpace.NodalMesh"/> (the quadratic mesh of a P2 space) every coefficient.
    /// </remarks>
    public override Field ToField(Mesh mesh, string? name = null, double time = 0)
    {
        if (ReferenceEquals(mesh, Space.NodalMesh))
            return new Field(name ?? SolverName, mesh, (double[])ValuesAt(time).Clone(), Space.Components, time, attributes: FieldAttributes());
        if (ReferenceEquals(mesh, Mesh))
            return new Field(name ?? SolverName, mesh, ValuesAt(time)[..(mesh.NodeCount * Space.Components)], Space.Components, time, attributes: FieldAttributes());
        return base.ToField(mesh, name, time);
    }

    /// <summary>The stored steps as fields on <see cref="FunctionSpace.NodalMesh"/>, one per stored time, for a field file.</summary>
    public IReadOnlyList<Field> ToFields(string? name = null) =>
        _times.Select(t => ToField(Space.NodalMesh, name, IsTimeSeries ? t : 0)).ToArray();
}
