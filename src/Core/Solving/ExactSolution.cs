using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;

namespace PdeNet.Core.Solving;

/// <summary>A solution given by a formula u(x, t): a problem's exact solution, or any expression.</summary>
public sealed class ExactSolution : Solution
{
    private readonly Func<double[], double>[] _functions;
    private readonly VariableLayout _layout;

    /// <summary>Wraps <paramref name="expression"/> (a function of x and t) as a solution of <paramref name="problem"/>.</summary>
    public ExactSolution(Problem problem, Expr expression, string name = "exact") : base(problem, name)
    {
        if (expression.DependsOnUnknown) throw new ArgumentException($"{expression} depends on the unknown; an exact solution is a function of x and t", nameof(expression));
        Expression = expression;
        _layout = new VariableLayout(problem.Dimension);
        var components = VectorComponents.OfValue(expression, problem.Dimension);
        _functions = components.Select(c => ExpressionCompiler.Compile(Lowering.Lower(c, problem.Dimension), _layout, problem.ValueOf)).ToArray();
    }

    /// <summary>The exact solution of <paramref name="problem"/>; throws when it has none.</summary>
    public static ExactSolution Of(Problem problem) => new(problem,
        problem.ExactSolution ?? throw new ProblemDefinitionException($"problem '{problem.Name}' has no exact solution"));

    /// <summary>The formula.</summary>
    public Expr Expression { get; }

    /// <inheritdoc/>
    public override double[] Evaluate(double[] points, double time = 0)
    {
        int d = _layout.Dimension, m = _functions.Length;
        var values = new double[points.Length / d * m];
        var v = new double[_layout.Count];
        v[_layout.TimeSlot] = time;
        for (int i = 0; i < points.Length / d; i++)
        {
            Array.Copy(points, i * d, v, 0, d);
            for (int c = 0; c < m; c++) values[i * m + c] = _functions[c](v);
        }
        return values;
    }
}
