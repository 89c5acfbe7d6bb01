using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry;
using static TorchSharp.torch;

namespace PdeNet.Pinns;

/// <summary>
/// The collocation points of one training set: interior points (× time), boundary points grouped
/// by the condition that governs them (with their outward normals), and initial points. Every
/// group carries the lowered residual it must make zero. Tensors have shape (n, d) or (n, d + 1)
/// with time last; they live until the set is disposed.
/// </summary>
internal sealed class CollocationSet : IDisposable
{
    private CollocationSet(Tensor interior, IReadOnlyList<BoundaryGroup> boundary, IReadOnlyList<PeriodicGroup> periodic, Tensor? initial, int boundaryCount)
    {
        Interior = interior;
        Boundary = boundary;
        Periodic = periodic;
        Initial = initial;
        BoundaryCount = boundaryCount;
    }

    /// <summary>Pairs of points related by periodic conditions.</summary>
    public IReadOnlyList<PeriodicGroup> Periodic { get; }

    /// <summary>Interior points.</summary>
    public Tensor Interior { get; private set; }

    /// <summary>Boundary points by governing condition.</summary>
    public IReadOnlyList<BoundaryGroup> Boundary { get; }

    /// <summary>Total number of boundary points.</summary>
    public int BoundaryCount { get; }

    /// <summary>Points at t = t0, or null for a steady problem.</summary>
    public Tensor? Initial { get; }

    /// <summary>Points x on a periodic source part and their images x + s, with the normals at x.</summary>
    /// <param name="Points">x, shape (n, columns).</param>
    /// <param name="Images">x + s, shape (n, columns).</param>
    /// <param name="Normals">Unit outward normals at x, shape (n, d); the normal at x + s is the opposite.</param>
    /// <param name="MatchFlux">Whether the normal derivatives must match too (second-order equations).</param>
    public sealed record PeriodicGroup(Tensor Points, Tensor Images, Tensor Normals, bool MatchFlux);

    /// <summary>Boundary points sharing a residual expression.</summary>
    /// <param name="Points">Points, shape (n, d) or (n, d + 1).</param>
    /// <param name="Normals">Unit outward normals, shape (n, d).</param>
    /// <param name="Residual">The lowered boundary residual, for example u - g.</param>
    public sealed record BoundaryGroup(Tensor Points, Tensor Normals, Expr Residual);

    /// <summary>Draws a set of points for <paramref name="problem"/>.</summary>
    public static CollocationSet Sample(Problem problem, PinnOptions options, CollocationSamplers samplers, ScalarType dtype)
    {
        var domain = problem.Domain!;
        int d = domain.Dimension;
        var u = problem.Unknown;
        var spaceTime = problem.IsTimeDependent ? new SpaceTime(domain, problem.Time!.Start, problem.Time.End) : null;
        int columns = spaceTime?.Dimension ?? d;
        Tensor ToTensor(double[] values, int width, bool differentiable) => tensor(values, [values.Length / width, width], dtype, requires_grad: differentiable);

        var interior = ToTensor(spaceTime?.SampleInterior(options.InteriorPoints, samplers.For("interior"))
            ?? domain.SampleInterior(options.InteriorPoints, samplers.For("interior")), columns, true);

        // Boundary points: each is governed by the condition the problem assigns to it; points no
        // condition covers get the natural condition ∂u/∂n = 0, as in the finite-element solver.
        var groups = new List<BoundaryGroup>();
        var periodic = new List<PeriodicGroup>();
        int boundaryCount = 0;
        if (options.BoundaryPoints > 0)
        {
            var sample = spaceTime?.SampleBoundary(options.BoundaryPoints, samplers.For("boundary"))
                ?? domain.SampleBoundary(options.BoundaryPoints, samplers.For("boundary"));
            boundaryCount = sample.Count;
            var byCondition = new Dictionary<object, List<int>>(ReferenceEqualityComparer.Instance);
            var zeroFlux = new object();
            for (int i = 0; i < sample.Count; i++)
            {
                var condition = (object?)problem.ConditionAt(sample.Parts[i], sample.Points.AsSpan(i * columns, d)) ?? zeroFlux;
                if (!byCondition.TryGetValue(condition, out var members)) byCondition[condition] = members = [];
                members.Add(i);
            }
            bool secondOrder = Lowering.Lower(problem.Equation!.Residual, d).Nodes().OfType<Unknown>().Any(w => w.SpatialOrders.Sum() >= 2);
            foreach (var (condition, members) in byCondition)
            {
                if (condition is Periodic pair)
                {
                    // Pairs start on the source part; image points are covered by their partners. A network
                    // periodic by construction along the shift needs no pairs at all.
                    if (IsBuiltIn(pair, options)) continue;
                    var sources = members.Where(i => sample.Parts[i] == pair.Source).ToArray();
                    if (sources.Length == 0) continue;
                    var x = sources.SelectMany(i => sample.Points.AsSpan(i * columns, columns).ToArray()).ToArray();
                    var images = (double[])x.Clone();
                    for (int k = 0; k < sources.Length; k++)
                    {
                        for (int i = 0; i < d; i++) images[k * columns + i] += pair.Shift[i];
                    }
                    var pairNormals = sources.SelectMany(i => sample.Normals.AsSpan(i * d, d).ToArray()).ToArray();
                    periodic.Add(new PeriodicGroup(ToTensor(x, columns, secondOrder), ToTensor(images, columns, secondOrder), ToTensor(pairNormals, d, false), secondOrder));
                    continue;
                }
                // Hard Dirichlet constraints hold exactly: their points carry no loss.
                if (options.HardDirichlet && condition is Dirichlet) continue;
                var residual = condition is PointwiseCondition c ? c.Residual(u, d) : Expr.NormalDerivative(u, d);
                var groupPoints = members.SelectMany(i => sample.Points.AsSpan(i * columns, columns).ToArray()).ToArray();
                var normals = members.SelectMany(i => sample.Normals.AsSpan(i * d, d).ToArray()).ToArray();
                var lowered = Lowering.Lower(residual, d);
                bool differentiable = lowered.Contains(n => n is Unknown { Order: > 0 });
                groups.Add(new BoundaryGroup(ToTensor(groupPoints, columns, differentiable), ToTensor(normals, d, false), lowered));
            }
        }

        Tensor? initial = null;
        if (spaceTime is not null && options.InitialPoints > 0)
            initial = ToTensor(spaceTime.SampleInitial(options.InitialPoints, samplers.For("initial")), columns, false);
        return new CollocationSet(interior, groups, periodic, initial, boundaryCount);
    }

    /// <summary>Interior points (× time) drawn by <paramref name="sampler"/>, row after row, time last.</summary>
    public static double[] SampleInterior(Problem problem, int count, PdeNet.Geometry.Sampling.PointSampler sampler) =>
        problem.IsTimeDependent
            ? new SpaceTime(problem.Domain!, problem.Time!.Start, problem.Time.End).SampleInterior(count, sampler)
            : problem.Domain!.SampleInterior(count, sampler);

    /// <summary>Appends <paramref name="points"/> (rows as wide as the interior's) to the interior points.</summary>
    public void AppendInterior(double[] points)
    {
        if (points.Length == 0) return;
        int columns = (int)Interior.shape[1];
        if (points.Length % columns != 0) throw new ArgumentException($"{points.Length} coordinates do not make rows of {columns}", nameof(points));
        using var scope = NewDisposeScope();
        var extra = tensor(points, [points.Length / columns, columns], Interior.dtype);
        var joined = cat([Interior.detach(), extra]).detach().requires_grad_(true).MoveToOuterDisposeScope();
        Interior.Dispose();
        Interior = joined;
    }

    /// <summary>Whether the network's inputs make it periodic along the condition's shift.</summary>
    private static bool IsBuiltIn(Periodic condition, PinnOptions options)
    {
        if (condition.Axis is not { } axis) return false;
        double length = Math.Abs(condition.Shift[axis]);
        return (options.Embeddings ?? []).OfType<PdeNet.Neural.Embeddings.PeriodicCoordinate>().Any(p =>
            p.Axis == axis && Math.Abs(length / p.Period - Math.Round(length / p.Period)) < 1e-12 && Math.Round(length / p.Period) >= 1);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Interior.Dispose();
        foreach (var group in Boundary)
        {
            group.Points.Dispose();
            group.Normals.Dispose();
        }
        foreach (var group in Periodic)
        {
            group.Points.Dispose();
            group.Images.Dispose();
            group.Normals.Dispose();
        }
        Initial?.Dispose();
    }
}
