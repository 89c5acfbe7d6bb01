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
    private CollocationSet(Tensor interior, IReadOnlyList<BoundaryGroup> boundary, Tensor? initial, int boundaryCount)
    {
        Interior = interior;
        Boundary = boundary;
        Initial = initial;
        BoundaryCount = boundaryCount;
    }

    /// <summary>Interior points.</summary>
    public Tensor Interior { get; }

    /// <summary>Boundary points by governing condition.</summary>
    public IReadOnlyList<BoundaryGroup> Boundary { get; }

    /// <summary>Total number of boundary points.</summary>
    public int BoundaryCount { get; }

    /// <summary>Points at t = t0, or null for a steady problem.</summary>
    public Tensor? Initial { get; }

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
            foreach (var (condition, members) in byCondition)
            {
                var residual = condition is BoundaryCondition c ? c.Residual(u, d) : Expr.NormalDerivative(u, d);
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
        return new CollocationSet(interior, groups, initial, boundaryCount);
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
        Initial?.Dispose();
    }
}
