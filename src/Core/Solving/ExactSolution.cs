using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;

namespace PdeNet.Core.Solving;

/// <summary>A solution given by a formula u(x, t): a problem's exact solution, or any expression.</summary>
public sealed class ExactSolution : Solution
{
    private readonly Func<double[], double> _function;
    private readonly VariableLayout _layout;

    /// <summary>Wraps <paramref name="expression"/> (a function of x and t) as a solution of <paramref name="problem"/>.</summary>
    public ExactSolution(Problem problem, Expr expression, string name = "exact") : base(problem, name)
    {
        if (expression.DependsOnUnknown) throw new ArgumentException($"{expression} depends on the unknown; an exact solution is a function of x and t", nameof(expression));
        Expression = expression;
        _layout = new VariableLayout(problem.Dimension);
        _function = ExpressionCompiler.Compile(Lowering.Lower(expression, problem.Dimension), _layout, problem.ValueOf);
    }

    /// <summary>The exact solution of <paramref name="problem"/>; throws when it has none.</summary>
    public static ExactSolution Of(Problem problem) => new(problem,
        problem.ExactSolution ?? throw new ProblemDefinitionException($"problem '{problem.Name}' has no exact solution"));

    /// <summary>The formula.</summary>
    public Expr Expression { get; }

    /// <inheritdoc/>
    public override double[] Evaluate(double[] points, double time = 0)
    {
        int d = _layout.Dimension;
        var values = new double[points.Length / d];
        var v = new double[_layout.Count];
        v[_layout.TimeSlot] = time;
        for (int i = 0; i < values.Length; i++)
        {
            Array.Copy(points, i * d, v, 0, d);
            values[i] = _function(v);
        }
        return values;
    }
}
