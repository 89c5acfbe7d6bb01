using System.Diagnostics;
using PdeNet.Solvers.LinearAlgebra;
using PdeNet.Solvers.LinearAlgebra.Multigrid;

namespace PdeNet.Solvers.Fem;

/// <summary>
/// The Krylov solve of one Newton step: CG for a symmetric matrix, right-preconditioned GMRES(m)
/// otherwise, with the preconditioner <see cref="FemOptions.Preconditioner"/> names.
/// </summary>
internal static class FemLinearSolver
{
    /// <summary>Restart length of GMRES.</summary>
    public const int Restart = 50;

    /// <summary>Solves J x = rhs from the given x.</summary>
    public static Outcome Solve(CsrMatrix jacobian, double[] rhs, double[] x, FemOptions options)
    {
        var clock = Stopwatch.StartNew();
        bool symmetric = jacobian.Asymmetry(options.Threads) <= 1e-12 * MaxAbs(jacobian.Values);
        IPreconditioner preconditioner;
        string details;
        if (options.Preconditioner == PreconditionerKind.Jacobi)
        {
            preconditioner = new JacobiPreconditioner(jacobian);
            details = "jacobi";
        }
        else
        {
            var amg = new AlgebraicMultigrid(jacobian, (options.Amg ?? new AmgOptions()) with { Threads = options.Threads });
            preconditioner = amg;
            details = $"amg: {amg.LevelCount} levels ({string.Join(", ", amg.LevelSizes)} unknowns), operator complexity {amg.OperatorComplexity:F2}";
        }
        double setupSeconds = clock.Elapsed.TotalSeconds;
        string name = $"{(symmetric ? "cg" : "gmres")}+{options.Preconditioner.ToString().ToLowerInvariant()}";
        var result = symmetric
            ? ConjugateGradient.Solve(jacobian, rhs, x, preconditioner, options.Tolerance, options.MaxIterations, options.Threads)
            : GeneralizedMinimalResidual.Solve(jacobian, rhs, x, preconditioner, options.Tolerance, options.MaxIterations, Restart, options.Threads);
        return new Outcome(result, name, details, setupSeconds);
    }

    /// <summary>How a solve went.</summary>
    /// <param name="Result">The Krylov solver's result.</param>
    /// <param name="Name">Solver and preconditioner, e.g. "cg+amg".</param>
    /// <param name="Preconditioner">The preconditioner, e.g. the multigrid levels.</param>
    /// <param name="SetupSeconds">Seconds for the symmetry test and the preconditioner's setup.</param>
    public sealed record Outcome(KrylovResult Result, string Name, string Preconditioner, double SetupSeconds);

    private static double MaxAbs(double[] values)
    {
        double max = 0;
        foreach (double v in values) max = Math.Max(max, Math.Abs(v));
        return max;
    }
}
