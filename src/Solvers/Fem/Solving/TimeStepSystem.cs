using PdeNet.Solvers.Fem.Assembly;
using PdeNet.Solvers.LinearAlgebra;

namespace PdeNet.Solvers.Fem.Solving;

/// <summary>
/// One step of a linear multistep scheme for M dU/dt + r(U, t) = 0:
/// <code>
///   G(U) = M (a0 U + a1 U^n + a2 U^{n-1}) / Δt + θ r(U, t^{n+1}) + (1 - θ) r(U^n, t^n) = 0,
///   G'(U) = (a0/Δt) M + θ J_r(U).
/// </code>
/// Backward Euler: a = (1, -1, 0), θ = 1; the θ-scheme: a = (1, -1, 0); BDF2: a = (3/2, -2, 1/2), θ = 1.
/// When G' does not change (an affine form with time-independent coefficients and mass), it is
/// assembled once per value of a0/Δt and copied afterwards; only the residual is assembled.
/// </summary>
internal sealed class TimeStepSystem(FormAssembler assembler, CsrMatrix mass, bool isLinear, bool constantJacobian) : INonlinearSystem
{
    private readonly Dictionary<(double, double), double[]> _jacobians = [];
    private double[] _history = [];
    private double _a0, _theta, _time, _dt;
    private double[] _product = [];

    /// <inheritdoc/>
    public bool IsLinear => isLinear;

    /// <summary>
    /// Sets up the step to <paramref name="time"/>: the known part
    /// M (a1 U^n + a2 U^{n-1}) / Δt + (1 - θ) r(U^n, t^n) from the previous states and residual.
    /// </summary>
    public void Prepare(double time, double dt, double theta, double a0, double a1, double a2, double[] previous, double[]? beforePrevious, double[]? previousResidual)
    {
        int n = previous.Length;
        (_time, _dt, _theta, _a0) = (time, dt, theta, a0);
        if (_history.Length != n)
        {
            _history = new double[n];
            _product = new double[n];
        }
        var combination = new double[n];
        for (int i = 0; i < n; i++) combination[i] = a1 * previous[i] + (beforePrevious is null ? 0 : a2 * beforePrevious[i]);
        mass.Multiply(combination, _history);
        for (int i = 0; i < n; i++) _history[i] /= dt;
        if (theta < 1 && previousResidual is not null)
        {
            for (int i = 0; i < n; i++) _history[i] += (1 - theta) * previousResidual[i];
        }
    }

    /// <inheritdoc/>
    public void Evaluate(double[] solution, double[] residual, CsrMatrix? jacobian)
    {
        double scale = _a0 / _dt;
        bool cached = false;
        if (jacobian is not null && constantJacobian && _jacobians.TryGetValue((scale, _theta), out var stored))
        {
            stored.CopyTo(jacobian.Values, 0);
            cached = true;
        }
        assembler.Assemble(solution, _time, residual, cached ? null : jacobian);
        mass.Multiply(solution, _product);
        for (int i = 0; i < residual.Length; i++) residual[i] = _theta * residual[i] + scale * _product[i] + _history[i];
        if (jacobian is null || cached) return;
        var values = jacobian.Values;
        var massValues = mass.Values;
        for (int k = 0; k < values.Length; k++) values[k] = _theta * values[k] + scale * massValues[k];
        if (constantJacobian) _jacobians[(scale, _theta)] = (double[])values.Clone();
    }
}
