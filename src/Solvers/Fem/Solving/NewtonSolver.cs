using System.Diagnostics;
using PdeNet.Solvers.LinearAlgebra;
using static PdeNet.Solvers.LinearAlgebra.VectorOperations;

namespace PdeNet.Solvers.Fem.Solving;

/// <summary>
/// Newton's method for G(U) = 0 with prescribed (Dirichlet) unknowns held fixed: each step solves
/// J δ = -G with the fixed rows and columns eliminated, then halves the step until the residual
/// norm decreases (at most ten times). An affine system takes one step. It stops when the
/// residual norm has dropped by <see cref="FemOptions.NewtonTolerance"/> and fails with a message
/// that says what to change when it does not within <see cref="FemOptions.MaxNewtonIterations"/>.
/// </summary>
internal sealed class NewtonSolver(FemOptions options, FemLinearSolver linear, SolveStatistics statistics)
{
    /// <summary>
    /// Solves <paramref name="system"/> starting from <paramref name="solution"/> (which must hold
    /// the prescribed values at <paramref name="fixedDofs"/>), in place.
    /// </summary>
    /// <param name="system">G and its Jacobian.</param>
    /// <param name="solution">Initial guess on entry, solution on exit.</param>
    /// <param name="fixedDofs">Unknowns held at their values.</param>
    /// <param name="jacobian">Storage for the Jacobian, with the space's pattern.</param>
    /// <param name="mean">The mean-value constraint of a pure Neumann problem, or null.</param>
    /// <param name="report">Called with (iteration, residual norm) before each step and at the end.</param>
    /// <param name="cancellation">Stops between steps.</param>
    public void Solve(INonlinearSystem system, double[] solution, HashSet<int> fixedDofs, CsrMatrix jacobian, MeanConstraint? mean,
        Action<int, double>? report, CancellationToken cancellation)
    {
        int n = solution.Length;
        var residual = new double[n];
        var correction = new double[n];
        var trial = new double[n];
        var eliminated = fixedDofs;
        if (mean is not null) eliminated = [.. fixedDofs, mean.Pinned];
        statistics.ResidualHistory.Clear();
        double initial = double.NaN;

        double Measure(double[] u, CsrMatrix? j)
        {
            var clock = Stopwatch.StartNew();
            system.Evaluate(u, residual, j);
            statistics.AssembleSeconds += clock.Elapsed.TotalSeconds;
            foreach (int i in fixedDofs) residual[i] = 0;
            mean?.Project(residual, fixedDofs);
            return Norm(residual);
        }

        for (int iteration = 1; ; iteration++)
        {
            cancellation.ThrowIfCancellationRequested();
            double norm = Measure(solution, jacobian);
            if (iteration == 1) initial = norm;
            statistics.ResidualHistory.Add(norm);
            report?.Invoke(iteration, norm);
            if (norm == 0 || (iteration > 1 && norm <= options.NewtonTolerance * initial))
            {
                statistics.FinalResidual = norm;
                return;
            }
            if (iteration > options.MaxNewtonIterations)
                throw new FemSolveException($"Newton's method did not converge in {options.MaxNewtonIterations} iterations (residual {norm:E2}, started at {initial:E2}); raise MaxNewtonIterations, refine the mesh or time step, or start closer to the solution");

            var clock = Stopwatch.StartNew();
            jacobian.EliminateSymmetric(eliminated);
            for (int i = 0; i < n; i++) residual[i] = -residual[i];
            foreach (int i in eliminated) residual[i] = 0;
            Array.Clear(correction);
            linear.Solve(jacobian, residual, correction, eliminated);
            statistics.SolveSeconds += clock.Elapsed.TotalSeconds;
            statistics.NewtonIterations++;

            double step = 1;
            for (int halving = 0; ; halving++)
            {
                for (int i = 0; i < n; i++) trial[i] = solution[i] + step * correction[i];
                if (system.IsLinear || halving == 10) break;
                double trialNorm = Measure(trial, null);
                if (trialNorm < norm || trialNorm <= options.NewtonTolerance * initial) break;
                step /= 2;
            }
            Array.Copy(trial, solution, n);
            mean?.Shift(solution);
            if (system.IsLinear)
            {
                // For an affine G, G(U + δ) = G(U) + J δ: the final residual is the linear solve's.
                statistics.FinalResidual = statistics.LinearRelativeResidual * norm;
                return;
            }
        }
    }
}
