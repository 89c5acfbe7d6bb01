namespace PdeNet.Solvers.Fem.Convergence;

/// <summary>One mesh of a convergence study and the errors of the solution on it.</summary>
/// <param name="H">Mesh size: the longest cell edge, in the domain's length unit.</param>
/// <param name="Cells">Number of cells.</param>
/// <param name="Dofs">Number of unknowns.</param>
/// <param name="TimeSteps">Time steps taken (evolution problems), else null.</param>
/// <param name="L2">‖u_h - u‖ in L2 (at the final time of an evolution problem).</param>
/// <param name="H1">|u_h - u| in the H1 seminorm.</param>
/// <param name="RateL2">Observed order log(L2_prev / L2) / log(h_prev / h); null on the first level.</param>
/// <param name="RateH1">Observed order of the H1 seminorm error; null on the first level.</param>
/// <param name="Seconds">Wall time of the solve.</param>
public sealed record FemConvergenceLevel(double H, int Cells, int Dofs, int? TimeSteps, double L2, double H1, double? RateL2, double? RateH1, double Seconds);
