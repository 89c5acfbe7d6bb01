using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// Turns a 2D domain's boundary into vertices and segments (a planar straight-line graph whose
/// vertices lie exactly on the true boundary). For each boundary patch the parameter intervals
/// kept by the domain (all of it for a primitive, the accepted pieces for a set operation) are
/// bounded by the parameters where the patch meets the other patches, computed in closed form;
/// each interval between two such parameters is kept or not as a whole, by the acceptance test at
/// its midpoint. Interval ends that meet become corner vertices (<see cref="BoundaryCorners"/>).
/// Each interval becomes a chain of segments whose lengths follow the size field: equal parameter
/// steps for a uniform size, otherwise equal steps of ∫ ds / h(s).
/// </summary>
internal static class BoundaryDiscretisation
{
    /// <summary>Adds the boundary vertices to <paramref name="mesh"/> and returns the chains and segments.</summary>
    public static BoundaryGraph Discretise(Domain domain, SizeField size, Triangulation mesh, IReadOnlyList<string> partNames)
    {
        var candidates = domain.BoundaryCandidates;
        double diameter = domain.Bounds.Diameter;
        var pieces = new List<BoundaryPiece>();
        for (int c = 0; c < candidates.Count; c++) FindPieces(candidates, c, diameter, pieces);
        if (pieces.Count == 0) throw new InvalidGeometryException("the domain has no boundary to mesh");
        BoundaryCorners.Merge(candidates, pieces, size, diameter, mesh);

        var chains = new List<BoundaryChain>();
        var segments = new BoundarySegments();
        var tangents = new CornerTangents();
        Span<double> point = stackalloc double[2];
        Span<double> normal = stackalloc double[2];
        foreach (var piece in pieces)
        {
            var candidate = candidates[piece.Candidate];
            bool forward = DomainOnLeft(candidate.Patch, (piece.U0 + piece.U1) / 2);
            int start = forward ? piece.StartCorner : piece.EndCorner, end = forward ? piece.EndCorner : piece.StartCorner;
            int chain = chains.Count;
            chains.Add(new BoundaryChain(candidate.Patch, IndexOf(partNames, candidate.Patch.Part), start, end));
            var parameters = Subdivide(candidate.Patch, piece.U0, piece.U1, piece.StartCorner == piece.EndCorner, size);
            if (!forward) parameters.Reverse();
            int previous = start;
            for (int k = 1; k < parameters.Count; k++)
            {
                int vertex = end;
                if (k < parameters.Count - 1)
                {
                    candidate.Patch.Map(parameters[k], 0.5, point, normal);
                    vertex = mesh.AddVertex(point[0], point[1], chain);
                }
                segments.Add(previous, vertex, chain, parameters[k - 1], parameters[k]);
                previous = vertex;
            }
            tangents.Add(start, false, candidate.Patch, parameters[0], parameters[1]);
            tangents.Add(end, true, candidate.Patch, parameters[^1], parameters[^2]);
        }
        var graph = new BoundaryGraph(chains, segments, tangents.Angles());
        BoundaryConflicts.Resolve(graph, mesh, diameter);
        return graph;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name) return i;
        }
        throw new InvalidOperationException($"boundary part '{name}' is not among the domain's parts");
    }

    /// <summary>
    /// The accepted parameter intervals of one patch. Membership can only change where the patch
    /// meets another patch, so the parameters of those meetings (found in closed form) cut it into
    /// intervals that are each tested at their midpoint; adjacent accepted intervals join.
    /// </summary>
    internal static void FindPieces(IReadOnlyList<BoundaryCandidate> candidates, int index, double diameter, List<BoundaryPiece> pieces)
    {
        var candidate = candidates[index];
        var patch = candidate.Patch;
        if (candidate.Acceptance is null)
        {
            pieces.Add(new BoundaryPiece(index, 0, 1));
            return;
        }
        var cuts = new List<double> { 0, 1 };
        for (int j = 0; j < candidates.Count; j++)
        {
            if (j != index && !PatchIntersections.Add(patch, candidates[j].Patch, cuts))
                throw new NotSupportedException($"the triangle mesher cannot intersect boundary patches of type {patch.Geometry.GetType().Name} and {candidates[j].Patch.Geometry.GetType().Name}");
        }
        cuts.Sort();
        double tolerance = 1e-9 * diameter / patch.Measure;
        Span<double> point = stackalloc double[2];
        Span<double> normal = stackalloc double[2];
        double start = -1;
        for (int i = 0; i + 1 < cuts.Count; i++)
        {
            double lo = cuts[i], hi = cuts[i + 1];
            if (hi - lo <= tolerance) continue;
            patch.Map((lo + hi) / 2, 0.5, point, normal);
            bool accepted = candidate.Accepts(point, normal);
            if (accepted && start < 0) start = lo;
            if (!accepted && start >= 0)
            {
                pieces.Add(new BoundaryPiece(index, start, lo));
                start = -1;
            }
        }
        if (start >= 0) pieces.Add(new BoundaryPiece(index, start, 1));
    }

    /// <summary>Whether the domain lies on the left when the patch is run with u increasing.</summary>
    private static bool DomainOnLeft(BoundaryPatch patch, double u)
    {
        Span<double> point = stackalloc double[2];
        Span<double> normal = stackalloc double[2];
        patch.Map(u, 0.5, point, normal);
        var (tx, ty) = PatchCalculus.Derivative(patch, u);
        // The outward normal is the tangent turned clockwise when the domain is on the left.
        return normal[0] * ty - normal[1] * tx > 0;
    }

    /// <summary>Parameters u0 = t0 &lt; t1 &lt; ... &lt; tn = u1 of the chain's vertices.</summary>
    private static List<double> Subdivide(BoundaryPatch patch, double u0, double u1, bool closed, SizeField size)
    {
        double length = (u1 - u0) * patch.Measure;
        Span<double> point = stackalloc double[2];
        Span<double> normal = stackalloc double[2];
        patch.Map(u0, 0.5, point, normal);
        double ax = point[0], ay = point[1];
        patch.Map(u1, 0.5, point, normal);
        double chord = Math.Sqrt(Math.Pow(point[0] - ax, 2) + Math.Pow(point[1] - ay, 2));
        int minimum = closed ? 3 : chord < 0.999 * length ? 2 : 1;
        var parameters = new List<double>();
        if (size.IsUniform)
        {
            int n = Math.Max(minimum, (int)Math.Round(length / size.Maximum));
            for (int k = 0; k <= n; k++) parameters.Add(k == n ? u1 : u0 + (u1 - u0) * k / n);
            return parameters;
        }
        // March along the curve in steps of a quarter of the local size, accumulating
        // Φ(s) = ∫ ds / h, then place vertices at equal steps of Φ.
        var arc = new List<double> { 0 };
        var phi = new List<double> { 0 };
        double s = 0, total = 0;
        var x = new double[2];
        var direction = new double[2];
        double Size(double at)
        {
            patch.Map(u0 + (u1 - u0) * at / length, 0.5, x, direction);
            return size.At(x[0], x[1]);
        }
        while (s < length)
        {
            double step = Math.Min(0.25 * Size(s), length - s);
            if (arc.Count > 1 << 24) throw new InvalidOperationException("the size function asks for too many boundary vertices");
            total += step / Size(s + step / 2);
            s = Math.Min(length, s + step);
            arc.Add(s);
            phi.Add(total);
        }
        int count = Math.Max(minimum, (int)Math.Round(total));
        parameters.Add(u0);
        for (int k = 1, j = 1; k < count; k++)
        {
            double target = total * k / count;
            while (phi[j] < target) j++;
            double fraction = (target - phi[j - 1]) / (phi[j] - phi[j - 1]);
            double at = arc[j - 1] + fraction * (arc[j] - arc[j - 1]);
            parameters.Add(u0 + (u1 - u0) * at / length);
        }
        parameters.Add(u1);
        return parameters;
    }
}
