using PdeNet.Solvers.LinearAlgebra;

namespace PdeNet.Solvers.Fem.Solving;

/// <summary>A discrete system G(U) = 0 that Newton's method solves: a steady residual, or one time step.</summary>
internal interface INonlinearSystem
{
    /// <summary>True when G is affine in U: one Newton step solves it.</summary>
    bool IsLinear { get; }

    /// <summary>G(U) into <paramref name="residual"/> and, when given, G'(U) into <paramref name="jacobian"/> (both overwritten).</summary>
    void Evaluate(double[] solution, double[] residual, CsrMatrix? jacobian);
}
