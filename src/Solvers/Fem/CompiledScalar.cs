using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;

namespace PdeNet.Solvers.Fem;

/// <summary>A lowered scalar expression ready to evaluate: a constant, or a compiled delegate.</summary>
internal readonly struct CompiledScalar
{
    private readonly Func<double[], double>? _function;
    private readonly double _constant;

    private CompiledScalar(Func<double[], double>? function, double constant) => (_function, _constant) = (function, constant);

    /// <summary>
    /// Compiles <paramref name="lowered"/>; an expression of numbers and parameters only (no x, t, n,
    /// unknown or grid coefficient) is evaluated once and kept as a constant.
    /// </summary>
    public static CompiledScalar Of(Expr lowered, VariableLayout layout, Problem problem)
    {
        if (lowered is Constant c) return new CompiledScalar(null, c.Value);
        var function = ExpressionCompiler.Compile(lowered, layout, problem.ValueOf);
        bool varies = lowered.Contains(n => n is Coordinate or TimeVariable or NormalComponent or Unknown or GridCoefficient or GridCoefficientSlope);
        return varies ? new CompiledScalar(function, 0) : new CompiledScalar(null, function(new double[layout.Count]));
    }

    public bool IsZero => _function is null && _constant == 0;

    /// <summary>True when the expression is a number (<see cref="Evaluate"/> ignores its variables).</summary>
    public bool IsConstant => _function is null;

    public double Evaluate(double[] variables) => _function is null ? _constant : _function(variables);
}
