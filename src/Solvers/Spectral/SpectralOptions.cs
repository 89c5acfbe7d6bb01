namespace PdeNet.Solvers.Spectral;

/// <summary>Options of the spectral reference solver.</summary>
/// <param name="GridPoints">
/// Grid points per axis (a power of two). Null chooses: in 1D, 256 doubled until the spectral tail
/// (<see cref="ResolutionTolerance"/>) is met or <see cref="MaxGridPoints"/> is reached; in 2D, 64.
/// </param>
/// <param name="Scheme">The time integration scheme.</param>
/// <param name="TimeStep">
/// Largest internal time step, in the problem's time unit; null to choose it from the state at the
/// start of every output interval: Courant / (max |∂n/∂u_x| κ_max + max |∂n/∂u|) in 1D (κ_max the
/// largest dealiased wavenumber; no limit when the equation is linear with constant coefficients),
/// Courant / max(|u|/h_x + |v|/h_y) in 2D.
/// </param>
/// <param name="Courant">The Courant number of the automatic time step.</param>
/// <param name="OutputIntervals">Number of equal intervals between stored snapshots over the problem's time interval.</param>
/// <param name="ResolutionTolerance">
/// The largest acceptable spectral tail of a 1D solution: over all snapshots after the initial one, the norm of the
/// Fourier modes above n/4 relative to that of all non-constant modes (or to a thousandth of the
/// whole state's norm, if larger).
/// </param>
/// <param name="MaxGridPoints">The largest 1D grid the automatic resolution tries.</param>
public sealed record SpectralOptions(
    int? GridPoints = null,
    SpectralScheme Scheme = SpectralScheme.Automatic,
    double? TimeStep = null,
    double Courant = 0.5,
    int OutputIntervals = 100,
    double ResolutionTolerance = 1e-10,
    int MaxGridPoints = 16384)
{
    /// <summary>Throws when an option is out of range, naming it.</summary>
    public SpectralOptions Validate()
    {
        if (GridPoints is { } n && (n < 4 || (n & (n - 1)) != 0))
            throw new ArgumentOutOfRangeException(nameof(GridPoints), n, "the spectral grid needs a power of two of at least 4 points per axis");
        if (TimeStep is { } dt && (!(dt > 0) || double.IsInfinity(dt))) throw new ArgumentOutOfRangeException(nameof(TimeStep), dt, "the time step must be positive");
        if (!(Courant > 0) || double.IsInfinity(Courant)) throw new ArgumentOutOfRangeException(nameof(Courant), Courant, "the Courant number must be positive");
        if (OutputIntervals < 1) throw new ArgumentOutOfRangeException(nameof(OutputIntervals), OutputIntervals, "at least one output interval is needed");
        if (!(ResolutionTolerance > 0 && ResolutionTolerance < 1)) throw new ArgumentOutOfRangeException(nameof(ResolutionTolerance), ResolutionTolerance, "the resolution tolerance must lie in (0, 1)");
        if (MaxGridPoints < 4 || (MaxGridPoints & (MaxGridPoints - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(MaxGridPoints), MaxGridPoints, "the largest grid must be a power of two of at least 4");
        if (!Enum.IsDefined(Scheme)) throw new ArgumentOutOfRangeException(nameof(Scheme), Scheme, "unknown scheme");
        return this;
    }
}
