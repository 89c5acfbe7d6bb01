namespace PdeNet.Solvers.Evolution;

/// <summary>A grid solver (spectral or finite-volume) failed, for example because the solution became non-finite; the message says what to change.</summary>
public sealed class GridSolveException(string message) : Exception(message);
