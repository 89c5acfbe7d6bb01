namespace PdeNet.Reporting.Comparisons;

/// <summary>How one solver did on a problem.</summary>
/// <param name="Solver">Solver name, for example "fem" or "pinn".</param>
/// <param name="RelativeL2VsExact">‖u - u_exact‖ / ‖u_exact‖, when the problem has an exact solution.</param>
/// <param name="RelativeL2VsReference">‖u - u_ref‖ / ‖u_ref‖ against the reference solver, when one ran (not for the reference itself).</param>
/// <param name="MaxAbsError">max over mesh nodes of |u - u_exact| (or |u - u_ref| without an exact solution).</param>
/// <param name="Seconds">Wall time of the solve.</param>
public sealed record ComparisonRow(string Solver, double? RelativeL2VsExact, double? RelativeL2VsReference, double? MaxAbsError, double Seconds);
