using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;

namespace PdeNet.Solvers.Fem;

/// <summary>A lowered scalar expression ready to evaluate: a constant, or a compiled delegate.</summary>
internal readonly struct CompiledScalar
{
    private readonly Func<double[], double>? _function;
    private readonly double _constant;

    private CompiledScalar(Func<double[], double>? function, double constant) => (_function, _constant) = (function, constant);

    public static CompiledScalar Of(Expr lowered, VariableLayout layout, Problem problem) =>
        lowered is Constant c ? new CompiledScalar(null, c.Value) : new CompiledScalar(ExpressionCompiler.Compile(lowered, layout, problem.ValueOf), 0);

    public bool IsZero => _function is null && _constant == 0;

    /// <summary>True when the expression is a number (<see cref="Evaluate"/> ignores its variables).</summary>
    public bool IsConstant => _function is null;

    public double Evaluate(double[] variables) => _function is null ? _constant : _function(variables);
}
