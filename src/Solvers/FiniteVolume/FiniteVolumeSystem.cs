using System.Globalization;
using PdeNet.Core.Symbolic;
using PdeNet.Solvers.Evolution;

namespace PdeNet.Solvers.FiniteVolume;

/// <summary>
/// The semi-discrete system du/dt = G(u, t) of <see cref="FiniteVolumeSolver"/> and one implicit
/// BDF step of it, solved by Newton's method with a tridiagonal Jacobian.
/// </summary>
internal sealed class FiniteVolumeSystem
{
    private readonly QuasilinearDiffusionEquation _equation;
    private readonly FiniteVolumeOptions _options;
    private readonly CellBoundary _left, _right;
    private readonly Func<double[], double> _rate, _source;
    private readonly double[] _x, _jet;
    private readonly int _uSlot;
    private readonly double _dx;
    private readonly double[] _g, _gShifted, _shifted, _lower, _diagonal, _upper, _residual;

    public FiniteVolumeSystem(QuasilinearDiffusionEquation equation, FiniteVolumeOptions options)
    {
        _equation = equation;
        _options = options;
        int n = options.Cells;
        _dx = equation.Interval.Length / n;
        _x = Enumerable.Range(0, n).Select(i => equation.Interval.A + (i + 0.5) * _dx).ToArray();
        _left = CellBoundary.For(equation, "left", options.Boundary);
        _right = CellBoundary.For(equation, "right", options.Boundary);
        _rate = equation.Compile(equation.Rate);
        _source = equation.Source.IsConstant(0) ? (_ => 0) : equation.Compile(equation.Source);
        var layout = equation.Layout;
        _jet = new double[layout.Count];
        _uSlot = layout.SlotOf(equation.U);
        (_g, _gShifted, _shifted, _lower, _diagonal, _upper, _residual) = (new double[n], new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
    }

    /// <summary>The cell values of the initial condition (taken at the cell centres).</summary>
    public double[] Initial()
    {
        var problem = _equation.Problem;
        var initial = EquationTerms.Compile(Lowering.Lower(problem.Initial!.Value, 1), problem, new VariableLayout(1));
        var v = new double[new VariableLayout(1).Count];
        v[1] = problem.Time!.Start;
        return _x.Select(x =>
        {
            v[0] = x;
            return initial(v);
        }).ToArray();
    }

    /// <summary>
    /// Whether the initial condition satisfies both boundary conditions at t0 (to 1e-9 relative).
    /// When it does not, u jumps at t0 and the solver grades its first steps.
    /// </summary>
    public bool InitialDataMatchBoundaries()
    {
        var problem = _equation.Problem;
        var u0 = Lowering.Lower(problem.Initial!.Value, 1);
        var layout = new VariableLayout(1);
        var value = EquationTerms.Compile(u0, problem, layout);
        var slope = EquationTerms.Compile(Differentiation.Space(u0, 0), problem, layout);
        var v = new double[layout.Count];
        v[1] = problem.Time!.Start;
        foreach (var (end, x) in new[] { (_left, _equation.Interval.A), (_right, _equation.Interval.B) })
        {
            v[0] = x;
            double u = value(v), ux = slope(v);
            if (end.Mismatch(u, ux, v[1]) > 1e-9 * (1 + Math.Abs(u) + Math.Abs(ux))) return false;
        }
        return true;
    }

    /// <summary>The boundary-face gradients u_x at the left and right ends.</summary>
    public (double Left, double Right) FaceGradients(double[] u, double t) => (_left.FaceGradient(u, t, _dx), _right.FaceGradient(u, t, _dx));

    /// <summary>The boundary values at the left and right ends.</summary>
    public (double Left, double Right) BoundaryValues(double[] u, double t) => (_left.Value(u, t, _dx), _right.Value(u, t, _dx));

    /// <summary>G(u, t): c(u_i) (F_(i+1/2) - F_(i-1/2))/dx - s(u_i).</summary>
    public void Rate(double[] u, double t, double[] result)
    {
        int n = u.Length;
        double below = _left.FaceGradient(u, t, _dx);
        _jet[1] = t;
        for (int i = 0; i < n; i++)
        {
            double above = i == n - 1 ? _right.FaceGradient(u, t, _dx) : (u[i + 1] - u[i]) / _dx;
            _jet[0] = _x[i];
            _jet[_uSlot] = u[i];
            result[i] = _rate(_jet) * (above - below) / _dx - _source(_jet);
            below = above;
        }
    }

    /// <summary>
    /// One implicit step of size <paramref name="dt"/> to time <paramref name="t"/>: variable-step BDF2
    /// from (<paramref name="previous"/>, <paramref name="current"/>) with step ratio
    /// ω = dt_n/dt_(n-1) = <paramref name="ratio"/>,
    /// <code>(1+2ω)/(1+ω) u_(n+1) - (1+ω) u_n + ω²/(1+ω) u_(n-1) = dt G(u_(n+1)),</code>
    /// or backward Euler when <paramref name="ratio"/> is null. <paramref name="next"/> holds the
    /// initial guess and receives the result.
    /// </summary>
    /// <returns>The Newton iterations taken.</returns>
    public int Step(double[] next, double[] current, double[]? previous, double t, double dt, double? ratio)
    {
        int n = next.Length;
        bool euler = ratio is null || previous is null;
        double w = ratio ?? 0;
        double gamma = euler ? 1 / dt : (1 + 2 * w) / ((1 + w) * dt);
        for (int iteration = 1; iteration <= _options.MaxNewtonIterations; iteration++)
        {
            // Φ(u) = γ u - history - G(u); J = γ I - ∂G/∂u.
            Rate(next, t, _g);
            for (int i = 0; i < n; i++)
            {
                double history = euler ? current[i] / dt : ((1 + w) * current[i] - w * w / (1 + w) * previous![i]) / dt;
                _residual[i] = -(gamma * next[i] - history - _g[i]);
            }
            Jacobian(next, t, gamma);
            Tridiagonal.Solve(_lower, _diagonal, _upper, _residual);
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                next[i] += _residual[i];
                change = Math.Max(change, Math.Abs(_residual[i]));
            }
            if (!double.IsFinite(change))
                throw new GridSolveException(string.Create(CultureInfo.InvariantCulture, $"problem '{_equation.Problem.Name}': Newton's method produced non-finite values at t = {t:G6}; take more StepsPerOutput"));
            if (change <= _options.NewtonTolerance * Math.Max(1, next.Max(Math.Abs))) return iteration;
        }
        throw new GridSolveException(string.Create(CultureInfo.InvariantCulture,
            $"problem '{_equation.Problem.Name}': Newton's method did not converge in {_options.MaxNewtonIterations} iterations at t = {t:G6}; take more StepsPerOutput or raise MaxNewtonIterations"));
    }

    /// <summary>γ I - ∂G/∂u by differences over three interleaved groups of cells (G_i depends on u_(i-1), u_i, u_(i+1) only).</summary>
    private void Jacobian(double[] u, double t, double gamma)
    {
        int n = u.Length;
        for (int colour = 0; colour < 3; colour++)
        {
            Array.Copy(u, _shifted, n);
            for (int j = colour; j < n; j += 3) _shifted[j] += Increment(u[j]);
            Rate(_shifted, t, _gShifted);
            for (int j = colour; j < n; j += 3)
            {
                double h = _shifted[j] - u[j];
                if (j > 0) _upper[j - 1] = -(_gShifted[j - 1] - _g[j - 1]) / h;
                _diagonal[j] = gamma - (_gShifted[j] - _g[j]) / h;
                if (j < n - 1) _lower[j + 1] = -(_gShifted[j + 1] - _g[j + 1]) / h;
            }
        }
    }

    private static double Increment(double value) => 1e-7 * Math.Max(1e-3, Math.Abs(value));
}
