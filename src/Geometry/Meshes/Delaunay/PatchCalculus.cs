using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>Derivatives of a boundary patch's parameterisation.</summary>
internal static class PatchCalculus
{
    /// <summary>dP/du by a central difference (one-sided at the ends of [0, 1]).</summary>
    public static (double X, double Y) Derivative(BoundaryPatch patch, double u)
    {
        const double step = 1e-7;
        double lo = Math.Max(0, u - step), hi = Math.Min(1, u + step);
        Span<double> a = stackalloc double[2];
        Span<double> b = stackalloc double[2];
        Span<double> normal = stackalloc double[2];
        patch.Map(lo, 0.5, a, normal);
        patch.Map(hi, 0.5, b, normal);
        return ((b[0] - a[0]) / (hi - lo), (b[1] - a[1]) / (hi - lo));
    }
}
