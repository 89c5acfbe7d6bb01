using System.Globalization;
using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// Turns the ends of the boundary pieces into corner vertices: ends closer than a small tolerance
/// are one corner; where two different patches meet, the corner is polished onto both curves by
/// Newton's method on P1(u) = P2(v) and the pieces' end parameters follow. A lone end means the
/// boundary is open, which is reported.
/// </summary>
internal static class BoundaryCorners
{
    /// <summary>Clusters the pieces' end points into corner vertices, placed on both curves.</summary>
    public static void Merge(IReadOnlyList<BoundaryCandidate> candidates, List<BoundaryPiece> pieces, SizeField size, double diameter, Triangulation mesh)
    {
        var ends = new List<(BoundaryPiece Piece, bool AtEnd, double X, double Y)>();
        Span<double> point = stackalloc double[2];
        Span<double> normal = stackalloc double[2];
        foreach (var piece in pieces)
        {
            var patch = candidates[piece.Candidate].Patch;
            patch.Map(piece.U0, 0.5, point, normal);
            ends.Add((piece, false, point[0], point[1]));
            patch.Map(piece.U1, 0.5, point, normal);
            ends.Add((piece, true, point[0], point[1]));
        }
        var cluster = new int[ends.Count];
        var clusters = new List<List<int>>();
        for (int i = 0; i < ends.Count; i++)
        {
            double tolerance = Math.Min(1e-5 * diameter, 0.1 * size.At(ends[i].X, ends[i].Y));
            cluster[i] = -1;
            for (int k = 0; k < clusters.Count && cluster[i] < 0; k++)
            {
                var first = ends[clusters[k][0]];
                if (Math.Abs(first.X - ends[i].X) <= tolerance && Math.Abs(first.Y - ends[i].Y) <= tolerance) cluster[i] = k;
            }
            if (cluster[i] < 0)
            {
                cluster[i] = clusters.Count;
                clusters.Add([]);
            }
            clusters[cluster[i]].Add(i);
        }
        foreach (var members in clusters)
        {
            if (members.Count == 1)
            {
                var lonely = ends[members[0]];
                throw new InvalidGeometryException(string.Create(CultureInfo.InvariantCulture,
                    $"the boundary of the domain is not closed near ({lonely.X:G6}, {lonely.Y:G6}) on part '{candidates[lonely.Piece.Candidate].Patch.Part}'"));
            }
            // Ends of the same patch (a closed curve's start and end) keep the first one's point.
            double x = ends[members[0]].X, y = ends[members[0]].Y;
            if (members.Count == 2 && ends[members[0]].Piece.Candidate != ends[members[1]].Piece.Candidate)
            {
                var (p, q) = (ends[members[0]], ends[members[1]]);
                double u = p.AtEnd ? p.Piece.U1 : p.Piece.U0, v = q.AtEnd ? q.Piece.U1 : q.Piece.U0;
                if (Intersect(candidates[p.Piece.Candidate].Patch, candidates[q.Piece.Candidate].Patch, ref u, ref v, 1e-5 * diameter, out x, out y))
                {
                    SetEnd(p.Piece, p.AtEnd, u);
                    SetEnd(q.Piece, q.AtEnd, v);
                }
                else
                {
                    (x, y) = (members.Average(i => ends[i].X), members.Average(i => ends[i].Y));
                }
            }
            int corner = mesh.AddVertex(x, y, Triangulation.CornerTag);
            foreach (int i in members)
            {
                if (ends[i].AtEnd) ends[i].Piece.EndCorner = corner;
                else ends[i].Piece.StartCorner = corner;
            }
        }
    }

    private static void SetEnd(BoundaryPiece piece, bool atEnd, double u)
    {
        if (atEnd) piece.U1 = u;
        else piece.U0 = u;
    }

    /// <summary>Newton's method for P(u) = Q(v) from nearby parameters; false when it does not
    /// converge within <paramref name="reach"/> (tangential meeting, for example).</summary>
    private static bool Intersect(BoundaryPatch p, BoundaryPatch q, ref double u, ref double v, double reach, out double x, out double y)
    {
        Span<double> a = stackalloc double[2];
        Span<double> b = stackalloc double[2];
        Span<double> normal = stackalloc double[2];
        p.Map(u, 0.5, a, normal);
        q.Map(v, 0.5, b, normal);
        (double x0, double y0) = (a[0], a[1]);
        (x, y) = (a[0], a[1]);
        double nu = u, nv = v;
        for (int iteration = 0; iteration < 30; iteration++)
        {
            double fx = a[0] - b[0], fy = a[1] - b[1];
            if (Math.Sqrt(fx * fx + fy * fy) <= 4e-16 * (Math.Abs(a[0]) + Math.Abs(a[1]) + p.Measure))
            {
                if (Math.Abs(a[0] - x0) + Math.Abs(a[1] - y0) > reach) return false;
                (u, v, x, y) = (nu, nv, a[0], a[1]);
                return true;
            }
            var (pux, puy) = PatchCalculus.Derivative(p, nu);
            var (qvx, qvy) = PatchCalculus.Derivative(q, nv);
            // Solve [pu, -qv] (du, dv) = -(fx, fy).
            double det = pux * -qvy - -qvx * puy;
            if (!(Math.Abs(det) > 1e-10 * Math.Sqrt((pux * pux + puy * puy) * (qvx * qvx + qvy * qvy)))) return false;
            double du = (-fx * -qvy - -qvx * -fy) / det, dv = (pux * -fy - -fx * puy) / det;
            nu += du;
            nv += dv;
            if (nu < -1e-6 || nu > 1 + 1e-6 || nv < -1e-6 || nv > 1 + 1e-6) return false;
            nu = Math.Clamp(nu, 0, 1);
            nv = Math.Clamp(nv, 0, 1);
            p.Map(nu, 0.5, a, normal);
            q.Map(nv, 0.5, b, normal);
        }
        return false;
    }
}
