namespace PdeNet.Solvers.Fem;

/// <summary>Thrown when the finite-element solve fails to converge; the message says what to change.</summary>
public sealed class FemSolveException(string message) : Exception(message);
