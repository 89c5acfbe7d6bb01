using PdeNet.Solvers.LinearAlgebra;

namespace PdeNet.Solvers.Fem.Solving;

/// <summary>What a finite-element solve cost and how it ended: times, iteration counts, residuals.</summary>
internal sealed class SolveStatistics
{
    /// <summary>Seconds spent assembling residuals, Jacobians and mass matrices.</summary>
    public double AssembleSeconds { get; set; }

    /// <summary>Seconds spent in linear solves.</summary>
    public double SolveSeconds { get; set; }

    /// <summary>Seconds spent testing symmetry and setting up preconditioners (part of <see cref="SolveSeconds"/> when the caller times the whole solve).</summary>
    public double PreconditionerSeconds { get; set; }

    /// <summary>Krylov iterations over all linear solves.</summary>
    public int KrylovIterations { get; private set; }

    /// <summary>Linear solves done.</summary>
    public int LinearSolves { get; private set; }

    /// <summary>Newton iterations over all solves (time steps).</summary>
    public int NewtonIterations { get; set; }

    /// <summary>The Krylov method of the last solve.</summary>
    public string LinearSolver { get; private set; } = "cg+jacobi";

    /// <summary>The preconditioner of the last solve, e.g. the multigrid levels and operator complexity.</summary>
    public string Preconditioner { get; private set; } = "none";

    /// <summary>Relative residual of the last linear solve.</summary>
    public double LinearRelativeResidual { get; private set; }

    /// <summary>Residual norm before the first Newton step (of the first time step).</summary>
    public double InitialResidual { get; set; } = double.NaN;

    /// <summary>Residual norm at the end (of the last time step).</summary>
    public double FinalResidual { get; set; } = double.NaN;

    /// <summary>Residual norms of every Newton iterate of the last solve.</summary>
    public List<double> ResidualHistory { get; } = [];

    /// <summary>Adds one linear solve's iterations and setup time and keeps its method, preconditioner and residual.</summary>
    public void RecordLinearSolve(LinearSolveReport report)
    {
        var result = report.Result;
        LinearSolver = report.Method;
        Preconditioner = report.Preconditioner;
        PreconditionerSeconds += report.SetupSeconds;
        KrylovIterations += result.Iterations;
        LinearSolves++;
        LinearRelativeResidual = result.RelativeResidual;
    }
}
