using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Solvers.Evolution;

namespace PdeNet.Solvers.FiniteVolume;

/// <summary>
/// One end of the finite-volume grid: the condition that governs it (<see cref="Problem.ConditionAt"/>),
/// turned into the gradient u_x on the boundary face and the boundary value, from the cell values.
/// A Dirichlet condition fixes u = g(t); a natural condition must be affine in u,
/// ∂u/∂n = h0(t) + h1(t) u (Neumann, Robin); no condition means ∂u/∂n = 0.
/// </summary>
internal sealed class CellBoundary
{
    private readonly Func<double[], double>? _value, _h0, _h1;
    private readonly double[] _point;
    private readonly int _side;
    private readonly BoundaryTreatment _treatment;

    private CellBoundary(int side, double x, BoundaryTreatment treatment, Func<double[], double>? value, Func<double[], double>? h0, Func<double[], double>? h1, int slots)
    {
        (_side, _treatment, _value, _h0, _h1) = (side, treatment, value, h0, h1);
        _point = new double[slots];
        _point[0] = x;
    }

    /// <summary>The end of <paramref name="equation"/>'s interval on part <paramref name="part"/> ("left" or "right").</summary>
    /// <exception cref="NotSupportedException">The condition is not affine in u.</exception>
    public static CellBoundary For(QuasilinearDiffusionEquation equation, string part, BoundaryTreatment treatment)
    {
        var problem = equation.Problem;
        int side = part == "left" ? -1 : 1;
        double x = side < 0 ? equation.Interval.A : equation.Interval.B;
        var layout = equation.Layout;
        var condition = problem.ConditionAt(part, [x]);
        switch (condition)
        {
            case Dirichlet dirichlet:
                return new CellBoundary(side, x, treatment, equation.Compile(Lowering.Lower(dirichlet.Value, 1)), null, null, layout.Count);
            case NaturalCondition natural:
            {
                var h = Lowering.Lower(natural.NormalDerivative(equation.U), 1);
                var h1 = Differentiation.WithRespectTo(h, equation.U);
                if (h1.DependsOnUnknown || h.Nodes().OfType<Unknown>().Any(j => !j.Equals(equation.U)))
                    throw new NotSupportedException($"problem '{problem.Name}': the condition '{condition}' on '{part}' is not affine in u (∂u/∂n = h0 + h1 u); the finite-volume solver needs it to be");
                var h0 = EquationTerms.Substitute(h, new Dictionary<Unknown, double> { [equation.U] = 0 });
                return new CellBoundary(side, x, treatment, null, equation.Compile(h0), equation.Compile(h1), layout.Count);
            }
            case null:
                return new CellBoundary(side, x, treatment, null, _ => 0, _ => 0, layout.Count);
            default:
                throw new NotSupportedException($"problem '{problem.Name}': the finite-volume solver cannot impose the condition '{condition}'");
        }
    }

    /// <summary>
    /// How far a state with value <paramref name="value"/> and slope u_x = <paramref name="slope"/> at
    /// this end misses the condition at time <paramref name="t"/>: |u - g| or |∂u/∂n - h(u)|.
    /// </summary>
    public double Mismatch(double value, double slope, double t)
    {
        _point[1] = t;
        if (_value is not null) return Math.Abs(_value(_point) - value);
        return Math.Abs(_side * slope - (_h0!(_point) + _h1!(_point) * value));
    }

    /// <summary>True for a Dirichlet end.</summary>
    public bool IsDirichlet => _value is not null;

    /// <summary>The gradient u_x on the boundary face at time <paramref name="t"/>.</summary>
    public double FaceGradient(ReadOnlySpan<double> u, double t, double dx)
    {
        double boundary = Value(u, t, dx);
        double cell = u[_side < 0 ? 0 : u.Length - 1];
        double distance = _treatment == BoundaryTreatment.Faces ? dx / 2 : dx;
        return _side * (boundary - cell) / distance;
    }

    /// <summary>
    /// The boundary value: on the face (<see cref="BoundaryTreatment.Faces"/>), or the ghost cell's
    /// value (<see cref="BoundaryTreatment.PdeBenchGhostCells"/>, which places it one spacing out).
    /// </summary>
    public double Value(ReadOnlySpan<double> u, double t, double dx)
    {
        _point[1] = t;
        if (_value is not null) return _value(_point);
        double h0 = _h0!(_point), h1 = _h1!(_point);
        double cell = u[_side < 0 ? 0 : u.Length - 1];
        if (_treatment == BoundaryTreatment.Faces) return (2 * cell / dx + h0) / (2 / dx - h1);
        if (h1 == 0) return cell + h0 * dx;
        // PDEBench: ∂u/∂n from the two cells next to the boundary, then u = (∂u/∂n - h0)/h1.
        double inner = u[_side < 0 ? 1 : u.Length - 2];
        return ((cell - inner) / dx - h0) / h1;
    }
}
