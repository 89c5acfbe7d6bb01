using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;

namespace PdeNet.Solvers.Evolution;

/// <summary>
/// Small operations on lowered residuals that the grid solvers use to read an equation from a
/// problem: the jet variables it involves, whether a coefficient is a constant, substituting
/// numbers for jet variables, and compiling with the problem's parameter values.
/// </summary>
internal static class EquationTerms
{
    /// <summary>The distinct jet variables (u, u_x, u_t, ...) of <paramref name="e"/>.</summary>
    public static IReadOnlyList<Unknown> Jets(Expr e) => e.Nodes().OfType<Unknown>().Distinct().ToArray();

    /// <summary>True when <paramref name="e"/> involves neither the unknown, nor x, nor t (parameters are allowed).</summary>
    public static bool IsConstant(Expr e) => !e.Contains(n => n is Unknown or Coordinate or TimeVariable or NormalComponent);

    /// <summary>True when <paramref name="e"/> involves x or t.</summary>
    public static bool DependsOnSpaceOrTime(Expr e) => e.Contains(n => n is Coordinate or TimeVariable);

    /// <summary>The value of a constant expression with the problem's parameter values.</summary>
    public static double Value(Expr e, Problem problem)
    {
        if (!IsConstant(e)) throw new ArgumentException($"{e} is not a constant", nameof(e));
        var layout = new VariableLayout(problem.Dimension);
        return ExpressionCompiler.Compile(e, layout, problem.ValueOf)(new double[layout.Count]);
    }

    /// <summary><paramref name="e"/> with the given jet variables replaced by numbers.</summary>
    public static Expr Substitute(Expr e, IReadOnlyDictionary<Unknown, double> values) =>
        e.Replace(node => node is Unknown u && values.TryGetValue(u, out double value) ? value : null);

    /// <summary>Compiles <paramref name="e"/> over <paramref name="layout"/> with the problem's parameter values.</summary>
    public static Func<double[], double> Compile(Expr e, Problem problem, VariableLayout layout) =>
        ExpressionCompiler.Compile(e, layout, problem.ValueOf);
}
