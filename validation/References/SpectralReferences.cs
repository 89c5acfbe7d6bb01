namespace PdeNet.Validation.References;

/// <summary>
/// The classical references for the periodic and PDEBench benchmarks: accuracy against exact
/// solutions and published values, conservation, observed orders and time per solve, for the
/// spectral solver (convection, reaction–diffusion, Burgers, 2D Navier–Stokes) and the
/// finite-volume solver (diffusion–sorption), plus the FFT against MathNet.Numerics.
/// </summary>
internal sealed class SpectralReferences : IValidation
{
    public string Name => "spectral-references";

    public string Description => "spectral and finite-volume references: errors vs exact/published values, conservation, orders, times";

    public ValidationReport Run(string outputDirectory)
    {
        var report = new ValidationReport(Name, "Spectral and finite-volume reference solvers: accuracy, conservation and cost");
        PeriodicStudies.Convection(report);
        PeriodicStudies.ReactionDiffusion(report);
        PeriodicStudies.Burgers(report);
        PeriodicStudies.BurgersShock(report);
        NavierStokesStudies.Run(report);
        DiffusionSorptionStudies.Run(report);
        FourierTimings.Run(report);
        report.Note("Timings were taken on a shared 2-core machine under heavy load from other jobs (load average far above 2): treat them as upper bounds and re-run this report on a quiet machine for real figures.");
        return report;
    }
}
