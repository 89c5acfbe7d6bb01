using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Sampling;

/// <summary>
/// Places points of a <see cref="PointSampler"/> in a domain, on its boundary, or in either times
/// extra intervals (time): unit-cube points are mapped to the bounding box (interior) or onto the
/// boundary patches by measure (boundary), and those outside the domain or its selected boundary
/// are rejected. Sequences are consumed point by point; designs are generated for the expected
/// number of candidates and thinned evenly to the count; grids keep every lattice point that lands
/// inside (about, not exactly, the count).
/// </summary>
internal static class DomainSampling
{
    private const int FractionProbes = 4096;

    /// <summary>Maps a unit-cube point to a row; false when the point is rejected.</summary>
    private delegate bool Mapping(ReadOnlySpan<double> unit, Span<double> row);

    /// <summary>Interior points, shape (n, d + extra intervals).</summary>
    public static double[] Interior(Domain domain, int count, PointSampler sampler, IReadOnlyList<(double Start, double End)> extra)
    {
        var box = domain.Bounds;
        int d = domain.Dimension, columns = d + extra.Count;
        bool Map(ReadOnlySpan<double> unit, Span<double> row)
        {
            for (int i = 0; i < d; i++) row[i] = box.Min[i] + unit[i] * box.Extent(i);
            Extras(unit[d..], row[d..], extra);
            return domain.Contains(row[..d]);
        }
        return Draw(count, columns, columns, columns, sampler, Map, () => InteriorFraction(domain), $"the domain has no interior inside its bounds {box}");
    }

    /// <summary>Boundary points (with extra coordinates), unit outward normals and part names, uniform in boundary measure.</summary>
    public static BoundarySample Boundary(Domain domain, int count, PointSampler sampler, BoundarySelector selector, IReadOnlyList<(double Start, double End)> extra)
    {
        selector.Validate(domain);
        var candidates = domain.BoundaryCandidates;
        var cumulative = new double[candidates.Count];
        double total = 0;
        for (int i = 0; i < candidates.Count; i++) cumulative[i] = total += candidates[i].Patch.Measure;
        var partNames = candidates.Select(c => c.Patch.Part).Distinct().ToList();
        int d = domain.Dimension, columns = d + extra.Count;
        // Unit coordinates: s (position along the total measure), v (second surface parameter), then the extras.
        // A row: the point, its normal, the index of its part.
        bool Map(ReadOnlySpan<double> unit, Span<double> row)
        {
            var candidate = Locate(candidates, cumulative, total, unit[0], out double u);
            Span<double> x = row[..d], n = row[columns..(columns + d)];
            candidate.Patch.Map(u, unit[1], x, n);
            if (!candidate.Accepts(x, n) || !selector.Includes(candidate.Patch.Part, x)) return false;
            Extras(unit[2..], row[d..columns], extra);
            row[columns + d] = partNames.IndexOf(candidate.Patch.Part);
            return true;
        }
        int rowWidth = columns + d + 1;
        var rows = Draw(count, rowWidth, 2 + extra.Count, (d >= 3 ? 2 : 1) + extra.Count, sampler, Map,
            () => BoundaryFraction(domain, selector, cumulative, total), $"the boundary selection '{selector}' is empty on this domain");
        int n = rows.Length / rowWidth;
        var points = new double[n * columns];
        var normals = new double[n * d];
        var parts = new string[n];
        for (int k = 0; k < n; k++)
        {
            Array.Copy(rows, k * rowWidth, points, k * columns, columns);
            Array.Copy(rows, k * rowWidth + columns, normals, k * d, d);
            parts[k] = partNames[(int)rows[k * rowWidth + columns + d]];
        }
        return new BoundarySample(d, points, normals, parts);
    }

    private static void Extras(ReadOnlySpan<double> unit, Span<double> values, IReadOnlyList<(double Start, double End)> extra)
    {
        for (int i = 0; i < extra.Count; i++) values[i] = extra[i].Start + unit[i] * (extra[i].End - extra[i].Start);
    }

    private static BoundaryCandidate Locate(IReadOnlyList<BoundaryCandidate> candidates, double[] cumulative, double total, double unit, out double u)
    {
        double s = unit * total;
        int index = Array.BinarySearch(cumulative, s);
        index = Math.Min(index < 0 ? ~index : index, candidates.Count - 1);
        double start = index == 0 ? 0 : cumulative[index - 1];
        u = Math.Clamp((s - start) / candidates[index].Patch.Measure, 0, 1);
        return candidates[index];
    }

    /// <param name="count">Rows wanted.</param>
    /// <param name="width">Row width.</param>
    /// <param name="unitColumns">Coordinates of a unit-cube point.</param>
    /// <param name="gridColumns">Coordinates a grid spreads over; the others (a curve's v) sit at ½.</param>
    /// <param name="sampler">The source of unit-cube points.</param>
    /// <param name="map">Maps a unit point to a row, or rejects it.</param>
    /// <param name="fraction">The expected share of accepted points.</param>
    /// <param name="empty">The message when nothing can be accepted.</param>
    private static double[] Draw(int count, int width, int unitColumns, int gridColumns, PointSampler sampler, Mapping map, Func<double> fraction, string empty)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0) return [];
        var rows = new List<double>(count * width);
        var row = new double[width];
        int kept = 0;
        void TryKeep(ReadOnlySpan<double> unit)
        {
            if (!map(unit, row)) return;
            rows.AddRange(row);
            kept++;
        }

        if (sampler.Method == SamplingMethod.Grid)
        {
            int side = Math.Max(1, (int)Math.Round(Math.Pow(count / fraction(), 1.0 / gridColumns)));
            var lattice = GridSampler.Lattice(side, gridColumns);
            var unit = new double[unitColumns];
            int skipped = unitColumns - gridColumns;
            for (int i = 0; i < lattice.Length / gridColumns; i++)
            {
                // The unspread coordinate (a curve's v, right after s) stays at ½.
                unit[0] = lattice[i * gridColumns];
                for (int k = 1; k < unitColumns; k++)
                    unit[k] = k <= skipped ? 0.5 : lattice[i * gridColumns + k - skipped];
                TryKeep(unit);
            }
            return kept > 0 ? rows.ToArray() : throw new InvalidGeometryException(empty);
        }

        long limit = 10_000L + 10_000L * count;
        if (sampler.IsSequence)
        {
            for (long attempts = 0; kept < count; attempts++)
            {
                if (attempts > limit) throw new InvalidGeometryException(empty);
                TryKeep(sampler.Generate(1, unitColumns));
            }
            return rows.ToArray();
        }

        // Designs: enough candidates for the expected acceptance, then an even thinning to count.
        long n = (long)Math.Ceiling(count / fraction() * 1.05) + 8;
        while (true)
        {
            if (n > limit) throw new InvalidGeometryException(empty);
            rows.Clear();
            kept = 0;
            var candidates = sampler.Generate((int)n, unitColumns);
            for (int i = 0; i < n; i++) TryKeep(candidates.AsSpan(i * unitColumns, unitColumns));
            if (kept >= count)
            {
                var result = new double[count * width];
                for (int i = 0; i < count; i++) rows.CopyTo((int)((long)i * kept / count) * width, result, i * width, width);
                return result;
            }
            n = (long)Math.Ceiling(n * 1.5 * count / Math.Max(kept, 1));
        }
    }

    /// <summary>The share of the bounding box the domain fills, estimated with Halton points (at least 1/4096).</summary>
    private static double InteriorFraction(Domain domain)
    {
        var box = domain.Bounds;
        int d = domain.Dimension, inside = 0;
        var probes = new HaltonSampler(1).Generate(FractionProbes, d);
        Span<double> x = stackalloc double[d];
        for (int k = 0; k < FractionProbes; k++)
        {
            for (int i = 0; i < d; i++) x[i] = box.Min[i] + probes[k * d + i] * box.Extent(i);
            if (domain.Contains(x)) inside++;
        }
        return Math.Max(inside, 1) / (double)FractionProbes;
    }

    /// <summary>The share of the boundary patches' measure on the selected boundary, estimated with Halton points.</summary>
    private static double BoundaryFraction(Domain domain, BoundarySelector selector, double[] cumulative, double total)
    {
        var candidates = domain.BoundaryCandidates;
        int d = domain.Dimension, inside = 0;
        var probes = new HaltonSampler(1).Generate(FractionProbes, 2);
        Span<double> x = stackalloc double[d];
        Span<double> n = stackalloc double[d];
        for (int k = 0; k < FractionProbes; k++)
        {
            var candidate = Locate(candidates, cumulative, total, probes[2 * k], out double u);
            candidate.Patch.Map(u, probes[2 * k + 1], x, n);
            if (candidate.Accepts(x, n) && selector.Includes(candidate.Patch.Part, x)) inside++;
        }
        return Math.Max(inside, 1) / (double)FractionProbes;
    }
}
