using PdeNet.Geometry.Boundary;
using PdeNet.Geometry.Sampling;

namespace PdeNet.Geometry;

/// <summary>
/// A spatial domain times a time interval, Ω × [t0, t1], for sampling evolution problems: points
/// inside (x, t), on the lateral boundary ∂Ω × [t0, t1] with the spatial outward normal, and on the
/// initial slice Ω × {t0}. Points have d + 1 coordinates, time last.
/// </summary>
public sealed class SpaceTime
{
    /// <summary>Creates Ω × [start, end]; throws unless start &lt; end.</summary>
    public SpaceTime(Domain space, double start, double end)
    {
        if (!double.IsFinite(start) || !double.IsFinite(end) || !(end > start))
            throw new InvalidGeometryException($"a time interval needs finite start < end, got [{start}, {end}]");
        Space = space;
        Start = start;
        End = end;
    }

    /// <summary>The spatial domain Ω.</summary>
    public Domain Space { get; }

    /// <summary>Initial time t0.</summary>
    public double Start { get; }

    /// <summary>Final time t1.</summary>
    public double End { get; }

    /// <summary>Coordinates per point: d + 1.</summary>
    public int Dimension => Space.Dimension + 1;

    /// <summary>Points in Ω × (t0, t1), shape (n, d + 1).</summary>
    public double[] SampleInterior(int count, PointSampler sampler) => DomainSampling.Interior(Space, count, sampler, [(Start, End)]);

    /// <summary>Points on ∂Ω × [t0, t1] (selected parts), with spatial normals (n, d) and part names.</summary>
    public BoundarySample SampleBoundary(int count, PointSampler sampler, BoundarySelector? selector = null) =>
        DomainSampling.Boundary(Space, count, sampler, selector ?? BoundarySelector.All, [(Start, End)]);

    /// <summary>Points on Ω × {t0}, shape (n, d + 1).</summary>
    public double[] SampleInitial(int count, PointSampler sampler)
    {
        var space = Space.SampleInterior(count, sampler);
        int d = Space.Dimension, n = space.Length / d;
        var points = new double[n * (d + 1)];
        for (int i = 0; i < n; i++)
        {
            Array.Copy(space, i * d, points, i * (d + 1), d);
            points[i * (d + 1) + d] = Start;
        }
        return points;
    }
}
