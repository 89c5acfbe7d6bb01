namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// Edge flips and Lawson's algorithm: flipping every unconstrained edge that is not locally
/// Delaunay until none is left. A Delaunay flip never decreases the smaller of the two triangles'
/// minimum angles, so restoring the Delaunay property never breaks an angle bound.
/// </summary>
internal sealed class EdgeFlips(Triangulation mesh)
{
    private int[] _stack = new int[64];
    private int _count;

    /// <summary>
    /// Flips edge <paramref name="e"/> (p q r) | (r q s) → (p q s) (s r p), where p and s are the
    /// apices; the caller makes sure the quadrilateral is strictly convex and the edge is
    /// unconstrained. Returns the handle of the new edge from s to p.
    /// </summary>
    public int Flip(int e)
    {
        int f = mesh.Neighbour[e];
        int t = e / 3, i = e % 3, n = f / 3, j = f % 3;
        var v = mesh.Vertices;
        int p = v[3 * t + i], q = v[3 * t + (i + 1) % 3], r = v[3 * t + (i + 2) % 3];
        int s = v[3 * n + j];
        int eRp = 3 * t + (i + 1) % 3, ePq = 3 * t + (i + 2) % 3, eQs = 3 * n + (j + 1) % 3, eSr = 3 * n + (j + 2) % 3;
        int aRp = mesh.Neighbour[eRp], aPq = mesh.Neighbour[ePq], aQs = mesh.Neighbour[eQs], aSr = mesh.Neighbour[eSr];
        int sRp = mesh.Segment[eRp], sPq = mesh.Segment[ePq], sQs = mesh.Segment[eQs], sSr = mesh.Segment[eSr];
        sbyte region = mesh.Region[t];
        mesh.Set(t, p, q, s, region);
        mesh.Set(n, s, r, p, region);
        mesh.Stamp[t]++;
        mesh.Stamp[n]++;
        mesh.Link(3 * t, aQs);
        mesh.Segment[3 * t] = sQs;
        mesh.Link(3 * t + 2, aPq);
        mesh.Segment[3 * t + 2] = sPq;
        mesh.Link(3 * n, aRp);
        mesh.Segment[3 * n] = sRp;
        mesh.Link(3 * n + 2, aSr);
        mesh.Segment[3 * n + 2] = sSr;
        mesh.Link(3 * t + 1, 3 * n + 1);
        mesh.Segment[3 * t + 1] = mesh.Segment[3 * n + 1] = -1;
        return 3 * t + 1;
    }

    /// <summary>Whether edge <paramref name="e"/> may stay: constrained, on the hull, or locally Delaunay.</summary>
    public bool IsLocallyDelaunay(int e)
    {
        int f = mesh.Neighbour[e];
        if (f < 0 || mesh.Segment[e] >= 0) return true;
        int s = mesh.Apex(f);
        return !mesh.InCircumcircle(e / 3, mesh.X[s], mesh.Y[s]);
    }

    /// <summary>Queues edge <paramref name="e"/> for <see cref="RestoreDelaunay"/>.</summary>
    public void Push(int e)
    {
        if (_count == _stack.Length) Array.Resize(ref _stack, 2 * _stack.Length);
        _stack[_count++] = e;
    }

    /// <summary>Queues the three edges of triangle <paramref name="t"/>.</summary>
    public void PushTriangle(int t)
    {
        Push(3 * t);
        Push(3 * t + 1);
        Push(3 * t + 2);
    }

    /// <summary>Flips queued edges (and the edges that flips expose) until all are locally Delaunay; returns the flip count.</summary>
    public int RestoreDelaunay()
    {
        int flips = 0;
        while (_count > 0)
        {
            int e = _stack[--_count];
            if (mesh.Region[e / 3] == Triangulation.Dead || IsLocallyDelaunay(e)) continue;
            int diagonal = Flip(e);
            flips++;
            int t = diagonal / 3, n = mesh.Neighbour[diagonal] / 3;
            Push(3 * t);
            Push(3 * t + 2);
            Push(3 * n);
            Push(3 * n + 2);
        }
        return flips;
    }
}
