using System.Globalization;
using System.Text;

namespace PdeNet.Geometry.Meshes;

/// <summary>
/// Counts of cells per bin: bin i holds the values in [Edges[i], Edges[i+1]); the last bin also
/// holds its upper edge (which may be +∞).
/// </summary>
/// <param name="Edges">Bin edges in increasing order, one more than the bins.</param>
/// <param name="Counts">Cells per bin.</param>
public sealed record QualityHistogram(double[] Edges, int[] Counts)
{
    /// <summary>Counts <paramref name="values"/> into bins with the given edges; values outside go to the nearest end bin.</summary>
    public static QualityHistogram Of(IEnumerable<double> values, double[] edges)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (edges.Length < 2) throw new ArgumentException("a histogram needs at least two bin edges", nameof(edges));
        var counts = new int[edges.Length - 1];
        foreach (double value in values)
        {
            int bin = Array.BinarySearch(edges, value);
            bin = bin >= 0 ? bin : ~bin - 1;
            counts[Math.Clamp(bin, 0, counts.Length - 1)]++;
        }
        return new QualityHistogram(edges, counts);
    }

    /// <summary>Total count.</summary>
    public int Total => Counts.Sum();

    /// <summary>Bins as "[lo,hi):count", space separated.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (int i = 0; i < Counts.Length; i++)
        {
            if (i > 0) text.Append(' ');
            string close = i == Counts.Length - 1 ? "]" : ")";
            text.Append(CultureInfo.InvariantCulture, $"[{Edges[i]:G4},{(double.IsPositiveInfinity(Edges[i + 1]) ? "∞" : Edges[i + 1].ToString("G4", CultureInfo.InvariantCulture))}{close}:{Counts[i]}");
        }
        return text.ToString();
    }
}
