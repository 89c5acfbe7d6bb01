using PdeNet.Core.Fields;
using PdeNet.Core.Solving;
using PdeNet.Geometry.Meshes;
using PdeNet.Geometry.Quadrature;

namespace PdeNet.Core.Metrics;

/// <summary>
/// Error measures between two functions on a mesh, integrated with a quadrature rule of degree
/// 5 on every cell (docs/metrics.md):
/// <list type="bullet">
/// <item>L2 norm ‖u - v‖ = (∫_Ω (u - v)² dx)^½;</item>
/// <item>relative L2 error ‖u - v‖ / ‖v‖ (v is the reference);</item>
/// <item>maximum absolute error max_i |u(x_i) - v(x_i)| over the mesh nodes.</item>
/// </list>
/// Solutions are evaluated at the quadrature points; nodal fields are interpolated linearly.
/// </summary>
public static class ErrorNorms
{
    /// <summary>Quadrature degree used unless another is given.</summary>
    public const int DefaultDegree = 5;

    /// <summary>‖u - v‖ in L2 (‖u‖ when <paramref name="v"/> is null).</summary>
    public static double L2(Solution u, Solution? v, Mesh mesh, double time = 0, int degree = DefaultDegree)
    {
        var quadrature = MeshQuadrature.Of(mesh, degree);
        return Integrate(quadrature, u.Evaluate(quadrature.Points, time), v?.Evaluate(quadrature.Points, time));
    }

    /// <summary>Relative L2 error ‖u - v‖ / ‖v‖ of <paramref name="u"/> against the reference <paramref name="v"/>.</summary>
    public static double RelativeL2(Solution u, Solution v, Mesh mesh, double time = 0, int degree = DefaultDegree) =>
        RelativeL2(u, v, MeshQuadrature.Of(mesh, degree), [time]);

    /// <summary>
    /// Relative L2 error over space and time: (∫∫ (u - v)² / ∫∫ v²)^½ with the spatial integrals by
    /// <paramref name="quadrature"/> at each of <paramref name="times"/> and the time integral by the
    /// trapezoidal rule (a single time gives the spatial relative error at that time).
    /// </summary>
    public static double RelativeL2(Solution u, Solution v, MeshQuadrature quadrature, IReadOnlyList<double> times)
    {
        if (times.Count == 0) throw new ArgumentException("give at least one time", nameof(times));
        double error = 0, norm = 0;
        for (int k = 0; k < times.Count; k++)
        {
            double weight = times.Count == 1 || (k > 0 && k < times.Count - 1) ? 1 : 0.5;
            var (a, b) = (u.Evaluate(quadrature.Points, times[k]), v.Evaluate(quadrature.Points, times[k]));
            error += weight * Square(Integrate(quadrature, a, b));
            norm += weight * Square(Integrate(quadrature, b, null));
        }
        return Relative(Math.Sqrt(error), Math.Sqrt(norm));
    }

    private static double Square(double x) => x * x;

    /// <summary>
    /// The discrete relative L2 error on a grid, (Σ (u - v)² / Σ v²)^½ over every point of
    /// <paramref name="points"/> (shape (n, d), row-major) at every time of <paramref name="times"/>,
    /// with equal weights: the metric the PINN benchmark papers report on their evaluation grids.
    /// </summary>
    public static double RelativeL2OnGrid(Solution u, Solution v, double[] points, IReadOnlyList<double> times)
    {
        if (times.Count == 0) throw new ArgumentException("give at least one time", nameof(times));
        double error = 0, norm = 0;
        foreach (double time in times)
        {
            var (a, b) = (u.Evaluate(points, time), v.Evaluate(points, time));
            for (int i = 0; i < a.Length; i++)
            {
                error += Square(a[i] - b[i]);
                norm += Square(b[i]);
            }
        }
        return Relative(Math.Sqrt(error), Math.Sqrt(norm));
    }

    /// <summary>Relative L2 error between the linear interpolants of two nodal scalar fields on the same mesh.</summary>
    public static double RelativeL2(Field u, Field v, int degree = DefaultDegree)
    {
        CheckComparable(u, v);
        var quadrature = MeshQuadrature.Of(u.Mesh, degree);
        var (a, b) = (quadrature.InterpolateNodal(u.Values), quadrature.InterpolateNodal(v.Values));
        return Relative(Integrate(quadrature, a, b), Integrate(quadrature, b, null));
    }

    /// <summary>max_i |u(x_i) - v(x_i)| over the nodes of <paramref name="mesh"/>.</summary>
    public static double MaxAbs(Solution u, Solution v, Mesh mesh, double time = 0) =>
        MaxAbs(u.Evaluate(mesh.Coordinates, time), v.Evaluate(mesh.Coordinates, time));

    /// <summary>max_i |u_i - v_i| over the nodes of two fields on the same mesh.</summary>
    public static double MaxAbs(Field u, Field v)
    {
        CheckComparable(u, v);
        return MaxAbs(u.Values, v.Values);
    }

    private static double MaxAbs(double[] a, double[] b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }

    private static double Integrate(MeshQuadrature quadrature, double[] a, double[]? b)
    {
        // Vector-valued solutions give m values per point (a.Length = m · points): |u - v|² sums the components.
        double sum = 0;
        int m = a.Length / quadrature.Count;
        for (int k = 0; k < quadrature.Count; k++)
        {
            for (int c = 0; c < m; c++)
            {
                double e = a[k * m + c] - (b?[k * m + c] ?? 0);
                sum += quadrature.Weights[k] * e * e;
            }
        }
        return Math.Sqrt(sum);
    }

    private static double Relative(double error, double norm) =>
        norm > 0 ? error / norm : throw new ArgumentException("the reference is zero everywhere; a relative error is undefined");

    private static void CheckComparable(Field u, Field v)
    {
        if (!ReferenceEquals(u.Mesh, v.Mesh)) throw new ArgumentException($"fields '{u.Name}' and '{v.Name}' live on different meshes");
        if (u.Components != 1 || v.Components != 1) throw new ArgumentException("error norms of nodal fields are defined for scalar fields");
    }
}
