using System.Diagnostics;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Solvers.Fem.Assembly;
using PdeNet.Solvers.Fem.Spaces;
using PdeNet.Solvers.LinearAlgebra;

namespace PdeNet.Solvers.Fem.Solving;

/// <summary>
/// Steps M dU/dt + r(U, t) = 0 from the interpolated initial state over the problem's time
/// interval with the scheme of the options (backward Euler, Crank–Nicolson, θ, BDF2), each step
/// a Newton solve of <see cref="TimeStepSystem"/> with the Dirichlet values of the new time.
/// Refuses a θ &lt; 1/2 whose explicit part would be unstable at the chosen Δt.
/// </summary>
internal sealed class TimeStepper(FemOptions options, NewtonSolver newton, FemLinearSolver linear, SolveStatistics statistics)
{
    /// <summary>Runs the time loop; returns the stored times and coefficient vectors.</summary>
    public (List<double> Times, List<double[]> Steps) Run(WeakForm form, FunctionSpace space, FormAssembler assembler, DirichletValues dirichlet,
        IProgress<SolverProgress>? progress, CancellationToken cancellation)
    {
        var problem = form.Problem;
        var interval = problem.Time!;
        var (steps, dt) = options.StepsOver(interval.Length);
        double theta = options.EffectiveTheta;
        int n = space.DofCount;

        var clock = Stopwatch.StartNew();
        var current = Interpolate(problem.Initial!.Value, space, problem, interval.Start);
        dirichlet.Apply(current, interval.Start);
        var mass = assembler.CreateMatrix();
        assembler.AssembleMass(interval.Start, mass);
        bool massMoves = form.Mass!.Contains(e => e is TimeVariable);
        var jacobian = assembler.CreateMatrix();
        statistics.AssembleSeconds += clock.Elapsed.TotalSeconds;
        if (theta < 0.5) CheckStable(assembler, current, interval.Start, mass, dirichlet.Dofs, theta, dt, interval.Length);

        var system = new TimeStepSystem(assembler, mass, form.IsLinear, constantJacobian: !assembler.JacobianDependsOnTime && !massMoves);
        var times = new List<double> { interval.Start };
        var stored = new List<double[]> { (double[])current.Clone() };
        double[]? previous = null;
        double[]? residual = null;
        if (theta < 1) residual = Residual(assembler, current, interval.Start);
        for (int step = 1; step <= steps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            double time = step == steps ? interval.End : interval.Start + step * dt;
            bool bdf2 = options.Scheme == TimeScheme.Bdf2 && previous is not null;
            var (a0, a1, a2) = bdf2 ? (1.5, -2.0, 0.5) : (1.0, -1.0, 0.0);
            if (massMoves)
            {
                clock.Restart();
                assembler.AssembleMass(time, mass);
                statistics.AssembleSeconds += clock.Elapsed.TotalSeconds;
            }
            system.Prepare(time, dt, theta, a0, a1, a2, current, bdf2 ? previous : null, residual);
            var next = (double[])current.Clone();
            dirichlet.Apply(next, time);
            newton.Solve(system, next, dirichlet.Dofs, jacobian, null, null, cancellation);
            if (step == 1) statistics.InitialResidual = statistics.ResidualHistory[0];
            if (theta < 1) residual = Residual(assembler, next, time);
            (previous, current) = (current, next);
            if (step % options.OutputEvery == 0 || step == steps)
            {
                times.Add(time);
                stored.Add((double[])current.Clone());
            }
            progress?.Report(new SolverProgress("time stepping", step, steps, new Dictionary<string, double> { ["t"] = time, ["residual"] = statistics.ResidualHistory[^1] }));
        }
        statistics.FinalResidual = statistics.ResidualHistory[^1];
        return (times, stored);

        double[] Residual(FormAssembler a, double[] u, double t)
        {
            var watch = Stopwatch.StartNew();
            var r = new double[n];
            a.Assemble(u, t, r, null);
            statistics.AssembleSeconds += watch.Elapsed.TotalSeconds;
            return r;
        }
    }

    private void CheckStable(FormAssembler assembler, double[] state, double time, CsrMatrix mass, HashSet<int> fixedDofs, double theta, double dt, double length)
    {
        var stiffness = assembler.CreateMatrix();
        assembler.Assemble(state, time, new double[state.Length], stiffness);
        var reducedMass = assembler.CreateMatrix();
        Array.Copy(mass.Values, reducedMass.Values, mass.Values.Length);
        reducedMass.EliminateSymmetric(fixedDofs);
        double lambda = ExplicitStability.Safety * ExplicitStability.LargestEigenvalue(stiffness, reducedMass, fixedDofs, linear);
        double limit = 2 / ((1 - 2 * theta) * lambda);
        if (dt > limit)
            throw new FemSolveException(
                $"the θ-scheme with θ = {theta:G3} < 1/2 is only conditionally stable, and Δt = {dt:G3} exceeds its limit 2/((1 - 2θ) λ_max) ≈ {limit:G3} " +
                $"(λ_max ≈ {lambda:G3}, the largest eigenvalue of M⁻¹K on this mesh): the solution would blow up. " +
                $"Use at least {Math.Ceiling(length / limit)} time steps, or θ ≥ 1/2 (Crank–Nicolson, backward Euler or BDF2)");
    }

    /// <summary>The coefficients of the Lagrange interpolant of <paramref name="value"/> (a function of x and t) at <paramref name="time"/>.</summary>
    public static double[] Interpolate(Expr value, FunctionSpace space, PdeNet.Core.Problems.Problem problem, double time)
    {
        int d = space.Dimension;
        var layout = new VariableLayout(d);
        var f = ExpressionCompiler.Compile(Lowering.Lower(value, d), layout, problem.ValueOf);
        var v = new double[layout.Count];
        v[layout.TimeSlot] = time;
        var coefficients = new double[space.DofCount];
        for (int i = 0; i < coefficients.Length; i++)
        {
            Array.Copy(space.Dofs.Coordinates, i * d, v, 0, d);
            coefficients[i] = f(v);
        }
        return coefficients;
    }
}
