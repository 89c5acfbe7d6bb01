namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>How an iterative solve ended.</summary>
/// <param name="Iterations">Iterations taken.</param>
/// <param name="RelativeResidual">‖b - Ax‖ / ‖b‖ at the end.</param>
/// <param name="Converged">Whether the tolerance was reached.</param>
public sealed record KrylovResult(int Iterations, double RelativeResidual, bool Converged);
