using PdeNet.Geometry.Meshes;
using ScottPlot;

namespace PdeNet.Reporting.Plots;

/// <summary>
/// A picture of a mesh as a PNG: the cell edges in grey and the boundary facets coloured by
/// boundary part, with a legend naming the parts and their facet counts. 2D meshes are drawn as
/// they are (x and y scaled alike); 3D meshes show their boundary facets in an oblique projection
/// (x, y) + z·(-0.5 cos 30°, -0.5 sin 30°); 1D meshes show their nodes along a line.
/// </summary>
public static class MeshPlot
{
    /// <summary>Writes the picture of <paramref name="mesh"/> to <paramref name="path"/>, atomically.</summary>
    /// <param name="path">Target file; its folder must exist.</param>
    /// <param name="mesh">The mesh.</param>
    /// <param name="title">Title above the picture.</param>
    /// <param name="size">Width and height of the image in pixels.</param>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void Save(string path, Mesh mesh, string title, int size = 700)
    {
        if (size < 100) throw new ArgumentOutOfRangeException(nameof(size), size, "the picture needs at least 100 pixels");
        PngFile.Write(path, () =>
        {
            using var plot = new Plot();
            int gdim = mesh.GeometricDimension;
            (double X, double Y) Project(int node)
            {
                var x = mesh.Node(node);
                return gdim switch
                {
                    1 => (x[0], 0),
                    2 => (x[0], x[1]),
                    _ => (x[0] - 0.5 * Math.Cos(Math.PI / 6) * x[2], x[1] - 0.5 * Math.Sin(Math.PI / 6) * x[2]),
                };
            }
            void Edge(int a, int b, Color colour, float width)
            {
                var (p, q) = (Project(a), Project(b));
                var line = plot.Add.Line(p.X, p.Y, q.X, q.Y);
                line.LineColor = colour;
                line.LineWidth = width;
            }
            if (gdim == 2 && mesh.CellCount <= 200_000)
            {
                // Cell edges, each drawn once.
                var drawn = new HashSet<long>();
                int corners = mesh.CellType.VertexCount();
                for (int c = 0; c < mesh.CellCount; c++)
                {
                    var n = mesh.CellNodes(c);
                    for (int e = 0; e < corners; e++)
                    {
                        int a = n[e], b = n[(e + 1) % corners];
                        if (drawn.Add((long)Math.Min(a, b) << 32 | (uint)Math.Max(a, b))) Edge(a, b, Colors.Gray.WithAlpha(0.5), 0.5f);
                    }
                }
            }
            if (gdim == 1)
            {
                var xs = Enumerable.Range(0, mesh.NodeCount).Select(i => mesh.Node(i)[0]).ToArray();
                var markers = plot.Add.ScatterPoints(xs, new double[xs.Length]);
                markers.Color = Colors.Gray;
                markers.MarkerSize = 4;
            }
            var palette = new ScottPlot.Palettes.Category10();
            for (int part = 0; part < mesh.PartNames.Count; part++)
            {
                var colour = palette.GetColor(part);
                int count = 0;
                for (int f = 0; f < mesh.BoundaryFacetCount; f++)
                {
                    if (mesh.BoundaryFacetParts[f] != part) continue;
                    count++;
                    var n = mesh.FacetNodes(f);
                    if (n.Length == 1)
                    {
                        var (x, y) = Project(n[0]);
                        plot.Add.Marker(x, y, MarkerShape.FilledCircle, 10, colour);
                        continue;
                    }
                    int corners = mesh.CellType.FacetType()!.Value.VertexCount();
                    for (int e = 0; e < (corners == 2 ? 1 : corners); e++) Edge(n[e], n[(e + 1) % corners], colour, 1.5f);
                }
                if (count == 0) continue;
                var legend = plot.Add.Marker(double.NaN, double.NaN, MarkerShape.FilledSquare, 10, colour);
                legend.LegendText = $"{mesh.PartNames[part]} ({count})";
            }
            plot.Axes.SquareUnits();
            plot.HideGrid();
            plot.Title(title);
            plot.XLabel(gdim == 3 ? "x (oblique view)" : "x");
            plot.YLabel(gdim == 1 ? "" : gdim == 3 ? "y (oblique view)" : "y");
            plot.ShowLegend(Alignment.UpperRight);
            PlotText.Apply(plot);
            return plot.GetImage(size, size);
        });
    }
}
