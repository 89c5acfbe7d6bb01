namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// Smoothing that never lowers the angle bound: each free (non-boundary) vertex whose star has an
/// angle below 50° is tried at the mean of its neighbours (then halfway, then a quarter of the
/// way); a star with an angle below 40° also gets a compass search that maximises its smallest
/// angle. A move is kept only when every triangle of the star stays positive (exact test) and the
/// star's smallest angle grows. Delaunay flips around the moved vertices follow each sweep (a flip
/// never lowers the smaller of the two minimum angles it changes), so the mesh's minimum angle can
/// only grow.
/// </summary>
internal sealed class Smoothing(Triangulation mesh, EdgeFlips flips)
{
    private int[] _ring = new int[32];
    private int _ringCount;

    /// <summary>Stars whose smallest angle is at least this (cosine of 50°) are left alone: moving their vertex gains little.</summary>
    private static readonly double GoodCosine = Math.Cos(50 * Math.PI / 180);

    /// <summary>Stars whose smallest angle is below this (cosine of 40°) also get a local search for the best position.</summary>
    private static readonly double PoorCosine = Math.Cos(40 * Math.PI / 180);

    private int[] _queued = [];
    private int _pass;

    /// <summary>
    /// Runs up to <paramref name="passes"/> sweeps: the first over all free vertices, the next ones
    /// over the neighbours of the vertices that moved; the flips follow each sweep.
    /// </summary>
    public void Run(int passes)
    {
        _queued = new int[mesh.VertexCount];
        var current = new List<int>();
        var next = new List<int>();
        var moved = new List<int>();
        for (int v = 3; v < mesh.VertexCount; v++)
        {
            if (mesh.VertexTag[v] == -1) current.Add(v);
        }
        for (_pass = 1; _pass <= passes && current.Count > 0; _pass++)
        {
            moved.Clear();
            next.Clear();
            foreach (int v in current)
            {
                if (!Ring(v) || !TryMove(v)) continue;
                moved.Add(v);
                for (int i = 0; i < _ringCount; i++) Queue(_ring[i], next);
                Queue(v, next);
            }
            foreach (int v in moved)
            {
                if (!Ring(v)) continue;
                int start = mesh.VertexTriangle[v], t = start;
                do
                {
                    flips.PushTriangle(t);
                    int k = mesh.IndexOf(t, v);
                    t = mesh.Neighbour[3 * t + (k + 1) % 3] / 3;
                }
                while (t != start);
            }
            flips.RestoreDelaunay();
            (current, next) = (next, current);
        }
    }

    private void Queue(int v, List<int> list)
    {
        if (mesh.VertexTag[v] != -1 || _queued[v] == _pass) return;
        _queued[v] = _pass;
        list.Add(v);
    }

    private bool TryMove(int v)
    {
        var xs = mesh.X;
        var ys = mesh.Y;
        double x0 = xs[v], y0 = ys[v];
        double before = WorstCosine(x0, y0);
        if (before <= GoodCosine) return false;
        double mx = 0, my = 0, spread = 0;
        for (int i = 0; i < _ringCount; i++)
        {
            mx += xs[_ring[i]];
            my += ys[_ring[i]];
            spread += Math.Abs(xs[_ring[i]] - x0) + Math.Abs(ys[_ring[i]] - y0);
        }
        mx /= _ringCount;
        my /= _ringCount;
        double bestX = x0, bestY = y0, best = before;
        for (double step = 1; step >= 0.25; step /= 2)
        {
            double x = x0 + step * (mx - x0), y = y0 + step * (my - y0);
            if (!Positive(x, y)) continue;
            double worst = WorstCosine(x, y);
            if (worst < best)
            {
                (bestX, bestY, best) = (x, y, worst);
                break;
            }
        }
        if (best > PoorCosine)
        {
            // Compass search on the star's smallest angle from the best point so far.
            double radius = 0.1 * spread / (2 * _ringCount);
            for (int shrink = 0; shrink < 6; shrink++, radius /= 2)
            {
                bool improved = true;
                for (int guard = 0; improved && guard < 8; guard++)
                {
                    improved = false;
                    for (int d = 0; d < 8; d++)
                    {
                        double angle = d * Math.PI / 4;
                        double x = bestX + radius * Math.Cos(angle), y = bestY + radius * Math.Sin(angle);
                        if (!Positive(x, y)) continue;
                        double worst = WorstCosine(x, y);
                        if (worst < best)
                        {
                            (bestX, bestY, best) = (x, y, worst);
                            improved = true;
                        }
                    }
                }
            }
        }
        if (!(best < before)) return false;
        mesh.MoveVertex(v, bestX, bestY);
        return true;
    }

    /// <summary>Collects the neighbours of v counter-clockwise; false when the star is not a closed fan of inside triangles.</summary>
    private bool Ring(int v)
    {
        _ringCount = 0;
        int start = mesh.VertexTriangle[v], t = start;
        do
        {
            if (t < 0 || mesh.Region[t] != Triangulation.Inside) return false;
            int k = mesh.IndexOf(t, v);
            if (_ringCount == _ring.Length) Array.Resize(ref _ring, 2 * _ring.Length);
            _ring[_ringCount++] = mesh.Vertices[3 * t + (k + 1) % 3];
            int twin = mesh.Neighbour[3 * t + (k + 1) % 3];
            t = twin < 0 ? -1 : twin / 3;
        }
        while (t != start && _ringCount < 1000);
        return t == start;
    }

    private bool Positive(double x, double y)
    {
        for (int i = 0; i < _ringCount; i++)
        {
            int a = _ring[i], b = _ring[(i + 1) % _ringCount];
            if (mesh.Orient(a, b, x, y) <= 0) return false;
        }
        return true;
    }

    /// <summary>The largest cosine of a smallest angle over the star with v at (x, y).</summary>
    private double WorstCosine(double x, double y)
    {
        var xs = mesh.X;
        var ys = mesh.Y;
        double worst = -1;
        for (int i = 0; i < _ringCount; i++)
        {
            int a = _ring[i], b = _ring[(i + 1) % _ringCount];
            worst = Math.Max(worst, TriangleShape.CosineOfSmallestAngle(x, y, xs[a], ys[a], xs[b], ys[b]));
        }
        return worst;
    }
}
