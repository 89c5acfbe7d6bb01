using PdeNet.Solvers.Fem.Assembly;
using PdeNet.Solvers.LinearAlgebra;

namespace PdeNet.Solvers.Fem.Solving;

/// <summary>The steady discrete residual r(U) = 0 of a weak form.</summary>
internal sealed class SteadySystem(FormAssembler assembler, bool isLinear, double time = 0) : INonlinearSystem
{
    /// <inheritdoc/>
    public bool IsLinear => isLinear;

    /// <inheritdoc/>
    public void Evaluate(double[] solution, double[] residual, CsrMatrix? jacobian) => assembler.Assemble(solution, time, residual, jacobian);
}
