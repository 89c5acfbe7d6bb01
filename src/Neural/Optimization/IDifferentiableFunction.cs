namespace PdeNet.Neural.Optimization;

/// <summary>A function f: R^n → R with its gradient, the thing an optimiser minimises.</summary>
public interface IDifferentiableFunction
{
    /// <summary>Number of variables n.</summary>
    int Dimension { get; }

    /// <summary>Evaluates f(x) and writes ∇f(x) into <paramref name="gradient"/> (length n).</summary>
    double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);
}
