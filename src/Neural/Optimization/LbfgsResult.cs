namespace PdeNet.Neural.Optimization;

/// <summary>How an L-BFGS run ended.</summary>
/// <param name="Value">f at the final point.</param>
/// <param name="Iterations">Iterations done.</param>
/// <param name="Evaluations">Function evaluations done.</param>
/// <param name="Reason">Why it stopped, in words.</param>
/// <param name="Converged">True when a tolerance (gradient or change) was met.</param>
public sealed record LbfgsResult(double Value, int Iterations, int Evaluations, string Reason, bool Converged);
