namespace PdeNet.Solvers.FiniteVolume;

/// <summary>Options of the finite-volume reference solver.</summary>
/// <param name="Cells">Number of equal cells (PDEBench's diffusion–sorption data use 1024).</param>
/// <param name="StepsPerOutput">BDF2 steps per output interval.</param>
/// <param name="OutputIntervals">Number of equal intervals between stored snapshots over the problem's time interval.</param>
/// <param name="Boundary">How boundary conditions are imposed.</param>
/// <param name="NewtonTolerance">Newton stops when the step's largest change is below this (absolute, in units of u).</param>
/// <param name="MaxNewtonIterations">Newton iterations allowed per time step.</param>
public sealed record FiniteVolumeOptions(
    int Cells = 1024,
    int StepsPerOutput = 10,
    int OutputIntervals = 100,
    BoundaryTreatment Boundary = BoundaryTreatment.Faces,
    double NewtonTolerance = 1e-12,
    int MaxNewtonIterations = 25)
{
    /// <summary>Throws when an option is out of range, naming it.</summary>
    public FiniteVolumeOptions Validate()
    {
        if (Cells < 3) throw new ArgumentOutOfRangeException(nameof(Cells), Cells, "at least 3 cells are needed");
        if (StepsPerOutput < 1) throw new ArgumentOutOfRangeException(nameof(StepsPerOutput), StepsPerOutput, "at least one step per output interval is needed");
        if (OutputIntervals < 1) throw new ArgumentOutOfRangeException(nameof(OutputIntervals), OutputIntervals, "at least one output interval is needed");
        if (!Enum.IsDefined(Boundary)) throw new ArgumentOutOfRangeException(nameof(Boundary), Boundary, "unknown boundary treatment");
        if (!(NewtonTolerance > 0) || double.IsInfinity(NewtonTolerance)) throw new ArgumentOutOfRangeException(nameof(NewtonTolerance), NewtonTolerance, "the Newton tolerance must be positive");
        if (MaxNewtonIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxNewtonIterations), MaxNewtonIterations, "at least one Newton iteration is needed");
        return this;
    }
}
