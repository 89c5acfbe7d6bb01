using System.Globalization;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry;
using PdeNet.Geometry.Boundary;

namespace PdeNet.Core.Problems;

/// <summary>
/// Periodicity between two boundary parts: u(x) = u(x + s) for x on <see cref="Source"/>, where
/// x + s lies on <see cref="Image"/> (for a second-order equation the normal fluxes match too).
/// Solvers handle the points in pairs: a PINN penalises the mismatch of values and normal
/// derivatives (or builds periodicity into its inputs); a finite-element solver identifies the
/// matching nodes.
/// </summary>
public sealed record Periodic : BoundaryCondition
{
    /// <summary>Pairs <paramref name="source"/> with <paramref name="image"/> by the shift <paramref name="shift"/>.</summary>
    public Periodic(string source, string image, double[] shift) : base(BoundarySelector.Parts(source, image))
    {
        if (source == image) throw new ProblemDefinitionException($"a periodic condition pairs two different parts, not '{source}' with itself");
        if (shift.Length == 0 || shift.All(s => s == 0) || shift.Any(s => !double.IsFinite(s)))
            throw new ProblemDefinitionException("a periodic condition needs a finite, non-zero shift");
        Source = source;
        Image = image;
        Shift = shift;
    }

    /// <summary>u(x) = u(x + <paramref name="shift"/>) from part <paramref name="source"/> to part <paramref name="image"/>.</summary>
    public static Periodic Between(string source, string image, params double[] shift) => new(source, image, shift);

    /// <summary>The part whose points are shifted.</summary>
    public string Source { get; }

    /// <summary>The part the shifted points land on.</summary>
    public string Image { get; }

    /// <summary>The shift s from source to image.</summary>
    public double[] Shift { get; }

    /// <summary>The axis of the shift when it is along one coordinate axis, else null.</summary>
    public int? Axis => Shift.Count(s => s != 0) == 1 ? Array.FindIndex(Shift, s => s != 0) : null;

    /// <inheritdoc/>
    public override string Kind => "periodic";

    /// <inheritdoc/>
    public override IEnumerable<Expr> Expressions => [];

    /// <summary>Throws unless the shift fits the domain and carries the source part onto the image part.</summary>
    public void Check(Domain domain)
    {
        if (Shift.Length != domain.Dimension)
            throw new ProblemDefinitionException($"the periodic shift has {Shift.Length} entries; the domain is {domain.Dimension}D");
        var sample = domain.SampleBoundary(16, new Random(0), BoundarySelector.Parts(Source));
        Span<double> moved = stackalloc double[domain.Dimension];
        Span<double> normal = stackalloc double[domain.Dimension];
        double tolerance = 1e-9 * domain.Bounds.Diameter;
        for (int k = 0; k < sample.Count; k++)
        {
            for (int i = 0; i < moved.Length; i++) moved[i] = sample.Points[k * moved.Length + i] + Shift[i];
            if (domain.BoundaryPartAt(moved, tolerance, normal) != Image)
                throw new ProblemDefinitionException($"shifting part '{Source}' by ({string.Join(", ", Shift.Select(s => s.ToString("G6", CultureInfo.InvariantCulture)))}) does not land on part '{Image}'");
        }
    }

    /// <inheritdoc/>
    protected override string Describe() => $"u(x) = u(x + [{string.Join(", ", Shift.Select(s => s.ToString("G6", CultureInfo.InvariantCulture)))}]) from {Source} to {Image}";
}
