using PdeNet.Core.Fields;
using PdeNet.Core.Solving;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Reporting.Plots;
using ScottPlot;
using SkiaSharp;

namespace PdeNet.Tests.Reporting;

public class PlotTests
{
    private static readonly Mesh LShape = GridMesher.Triangulate(Polygon.Of((0, 0), (1, 0), (1, 1), (-1, 1), (-1, -1), (0, -1)), 0.05);

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("pdenet-plots-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static Field FieldOf(string name, Mesh mesh, Func<double, double, double> f)
    {
        var values = new double[mesh.NodeCount];
        for (int i = 0; i < values.Length; i++) values[i] = f(mesh.Coordinates[2 * i], mesh.Coordinates[2 * i + 1]);
        return new Field(name, mesh, values);
    }

    private static Field Wave(string name, double amplitude = 1) =>
        FieldOf(name, LShape, (x, y) => amplitude * Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y));

    private static bool InLShape(double x, double y, double margin) =>
        x > -1 + margin && x < 1 - margin && y > -1 + margin && y < 1 - margin && !(x > -margin && y < margin);

    private static bool OutsideLShape(double x, double y, double margin) => x > margin && y < -margin;

    /// <summary>Decodes a PNG after checking its signature and size.</summary>
    private static SKBitmap ReadPng(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), "PNG signature");
        var bitmap = SKBitmap.Decode(bytes);
        Assert.That(bitmap, Is.Not.Null, "decodable PNG");
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((width, height)));
        return bitmap;
    }

    private static int DistinctColours(SKBitmap bitmap) => bitmap.Pixels.Distinct().Count();

    [Test]
    public void RasterReproducesALinearFieldAtPixelCentresAndIsBlankOutsideTheLShape()
    {
        var raster = new MeshRaster(LShape);
        Assert.That((raster.Columns, raster.Rows), Is.EqualTo((400, 400)));
        Assert.That(raster.Right - raster.Left, Is.EqualTo(raster.Columns * raster.PixelWidth).Within(1e-12));
        Assert.That(raster.Top - raster.Bottom, Is.EqualTo(raster.Rows * raster.PixelHeight).Within(1e-12));

        var samples = raster.Sample(FieldOf("linear", LShape, (x, y) => 1.5 - 2 * x + 0.25 * y));
        Assert.That(samples.GetLength(0), Is.EqualTo(raster.Rows));
        Assert.That(samples.GetLength(1), Is.EqualTo(raster.Columns));
        int inside = 0, outside = 0;
        for (int row = 0; row < raster.Rows; row++)
        {
            for (int column = 0; column < raster.Columns; column++)
            {
                var (x, y) = raster.PixelCentre(row, column);
                if (InLShape(x, y, 1e-9))
                {
                    inside++;
                    Assert.That(samples[row, column], Is.EqualTo(1.5 - 2 * x + 0.25 * y).Within(1e-12), $"pixel ({row}, {column}) at ({x}, {y})");
                }
                else if (OutsideLShape(x, y, 1e-9))
                {
                    outside++;
                    Assert.That(samples[row, column], Is.NaN, $"pixel ({row}, {column}) at ({x}, {y}) is outside");
                    Assert.That(raster.Covers(row, column), Is.False);
                }
            }
        }
        Assert.That(inside, Is.EqualTo(3 * 200 * 200));
        Assert.That(outside, Is.EqualTo(200 * 200));
        Assert.That(raster.CoveredPixels, Is.EqualTo(inside));
    }

    [Test]
    public void RasterUsesSquarePixelsAlongTheLongerSide()
    {
        var strip = GridMesher.Triangulate(new Rectangle(0, 0, 2, 0.5), 0.1);
        var raster = new MeshRaster(strip, 100);
        Assert.That((raster.Columns, raster.Rows), Is.EqualTo((100, 25)));
        Assert.That(raster.PixelWidth, Is.EqualTo(0.02).Within(1e-15));
        Assert.That(raster.PixelHeight, Is.EqualTo(raster.PixelWidth), "square pixels");
        Assert.That(raster.PixelCentre(0, 0).X, Is.EqualTo(0.01).Within(1e-12));
        Assert.That(raster.PixelCentre(0, 0).Y, Is.EqualTo(0.49).Within(1e-12), "row 0 is the top row");
    }

    [Test]
    public void RasterRefusesVectorFieldsAndFieldsOfAnotherMesh()
    {
        var raster = new MeshRaster(LShape, 20);
        var vector = new Field("v", LShape, new double[2 * LShape.NodeCount], components: 2);
        Assert.That(() => raster.Sample(vector), Throws.ArgumentException.With.Message.Contains("2 components"));
        var other = GridMesher.Triangulate(new Rectangle(0, 0, 1, 1), 0.5);
        Assert.That(() => raster.Sample(new Field("w", other, new double[other.NodeCount])), Throws.ArgumentException.With.Message.Contains("another mesh"));
    }

    [Test]
    public void FieldPlotDrawsOneRasterPixelPerImagePixelAndLeavesTheMissingQuadrantBlank()
    {
        var field = Wave("u");
        string path = Path.Combine(_folder, "u.png");
        FieldPlot.Save(path, field);

        var raster = new MeshRaster(LShape);
        var (width, height) = FieldFigure.Size(raster);
        using var bitmap = ReadPng(path, width, height);
        Assert.That(DistinctColours(bitmap), Is.GreaterThan(100));

        var (x0, y0) = FieldFigure.RasterOrigin(raster);
        var samples = raster.Sample(field);
        var scale = ColourScale.ForValues(field.Values);
        var range = new ScottPlot.Range(scale.Range.Min, scale.Range.Max);
        foreach (var (row, column) in new[] { (100, 100), (50, 300), (300, 60), (150, 250) })
        {
            var expected = scale.Colormap.GetColor(samples[row, column], range);
            var actual = bitmap.GetPixel(x0 + column, y0 + row);
            Assert.That((actual.Red, actual.Green, actual.Blue), Is.EqualTo((expected.Red, expected.Green, expected.Blue)), $"raster pixel ({row}, {column})");
        }
        Assert.That(bitmap.GetPixel(x0 + 300, y0 + 300), Is.EqualTo(SKColors.White), "the missing quadrant of the L is blank");
    }

    [Test]
    public void ErrorColoursFollowTheSignOfTheErrors()
    {
        var absolute = ColourScale.ForErrors([0.0, 1e-3, 4e-3, double.NaN]);
        Assert.That(absolute.Colormap, Is.InstanceOf<ScottPlot.Colormaps.Inferno>());
        Assert.That(absolute.Range, Is.EqualTo(new ColourRange(0, 4e-3)));

        var signed = ColourScale.ForErrors([-3e-3, 1e-3]);
        Assert.That(signed.Colormap, Is.InstanceOf<ScottPlot.Colormaps.Balance>());
        Assert.That(signed.Range, Is.EqualTo(new ColourRange(-3e-3, 3e-3)), "centred on zero");

        Assert.That(ColourScale.ForErrors([0.0, 0.0]).Range, Is.EqualTo(new ColourRange(0, 1)), "an exact solution still gets a range");
        Assert.That(() => ColourScale.ForValues([double.NaN]), Throws.ArgumentException.With.Message.Contains("no finite value"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void ErrorMapWritesAPng(bool signed)
    {
        var exact = Wave("exact");
        var approximate = FieldOf("approximate", LShape, (x, y) => Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y) + 0.01 * x * y);
        var error = signed ? approximate.Minus(exact, "error") : approximate.AbsoluteError(exact, "error");
        string path = Path.Combine(_folder, "error.png");
        ErrorMapPlot.Save(path, error, new FieldPlotOptions { Resolution = 120, Title = "error" });

        var (width, height) = FieldFigure.Size(new MeshRaster(LShape, 120));
        using var bitmap = ReadPng(path, width, height);
        Assert.That(DistinctColours(bitmap), Is.GreaterThan(50));
    }

    [Test]
    public void PanelSharesOneColourRangeAmongTheSolutions()
    {
        var exact = Wave("exact");
        var fem = Wave("fem", 0.9);
        var pinn = Wave("pinn", 1.2);
        FieldPanelEntry[] entries =
        [
            new(exact, "exact"), new(fem, "FEM"), new(pinn, "PINN"),
            new(pinn.AbsoluteError(fem, "pinn_fem"), "|PINN - FEM|", FieldRole.Error),
        ];

        var scales = FieldPanelPlot.SharedScales(entries);
        var union = ColourRange.Of(exact.Values).Union(ColourRange.Of(fem.Values)).Union(ColourRange.Of(pinn.Values));
        Assert.That(scales.Take(3).Select(s => s.Range), Is.All.EqualTo(union));
        Assert.That(scales[3].Colormap, Is.InstanceOf<ScottPlot.Colormaps.Inferno>());
        Assert.That(scales[3].Range.Min, Is.Zero);

        string path = Path.Combine(_folder, "panel.png");
        FieldPanelPlot.Save(path, entries, new FieldPanelOptions { Resolution = 100 });
        var (width, height) = FieldFigure.Size(new MeshRaster(LShape, 100));
        using var bitmap = ReadPng(path, 4 * width, height);
        Assert.That(DistinctColours(bitmap), Is.GreaterThan(100));
    }

    [Test]
    public void PanelWrapsRowsAndRefusesFieldsOfDifferentMeshes()
    {
        var entries = Enumerable.Range(0, 3).Select(i => new FieldPanelEntry(Wave($"u{i}"))).ToArray();
        string path = Path.Combine(_folder, "grid.png");
        FieldPanelPlot.Save(path, entries, new FieldPanelOptions { Resolution = 60, PanelsPerRow = 2 });
        var (width, height) = FieldFigure.Size(new MeshRaster(LShape, 60));
        ReadPng(path, 2 * width, 2 * height).Dispose();

        var square = GridMesher.Triangulate(new Rectangle(0, 0, 1, 1), 0.25);
        var stranger = new FieldPanelEntry(FieldOf("other", square, (x, y) => x));
        Assert.That(() => FieldPanelPlot.Save(Path.Combine(_folder, "bad.png"), [entries[0], stranger]),
            Throws.ArgumentException.With.Message.Contains("another mesh"));
        Assert.That(() => FieldPanelPlot.Save(Path.Combine(_folder, "none.png"), []), Throws.ArgumentException);
    }

    private static TrainingHistory History(int steps)
    {
        var history = new TrainingHistory();
        for (int s = 0; s < steps; s++)
        {
            history.Add(10 * s, new Dictionary<string, double>
            {
                ["loss"] = Math.Exp(-s / 20.0) + 1e-4,
                ["pde"] = 0.7 * Math.Exp(-s / 15.0) + 5e-5,
                ["lr"] = 1e-3,
            });
        }
        return history;
    }

    [Test]
    public void LossCurveWritesAPngOfTheRequestedSize()
    {
        string path = Path.Combine(_folder, "loss.png");
        LossCurvePlot.Save(path, History(200), new LossCurveOptions { Width = 640, Height = 400 });
        using var bitmap = ReadPng(path, 640, 400);
        Assert.That(DistinctColours(bitmap), Is.GreaterThan(10));

        LossCurvePlot.Save(path, History(1));
        ReadPng(path, 800, 500).Dispose();
    }

    [Test]
    public void LossCurveRejectsAnEmptyHistoryAndOneWithNothingToShowOnALogAxis()
    {
        string path = Path.Combine(_folder, "loss.png");
        Assert.That(() => LossCurvePlot.Save(path, new TrainingHistory()),
            Throws.ArgumentException.With.Message.Contains("training history is empty"));

        var negative = new TrainingHistory();
        negative.Add(0, new Dictionary<string, double> { ["log_likelihood"] = -3 });
        negative.Add(1, new Dictionary<string, double> { ["log_likelihood"] = -2 });
        Assert.That(() => LossCurvePlot.Save(path, negative), Throws.ArgumentException.With.Message.Contains("positive value"));
        LossCurvePlot.Save(path, negative, new LossCurveOptions { LogScale = false });
        Assert.That(Directory.GetFiles(_folder), Has.Length.EqualTo(1));
        Assert.That(() => LossCurvePlot.Save(path, History(3), new LossCurveOptions { Series = ["nope"] }),
            Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("nope"));
    }

    [Test]
    public void LogTicksAreLabelledDecadesOrRoundValues()
    {
        var wide = LogAxis.Ticks(-4.2, 0.4);
        Assert.That(wide.Where(t => t.IsMajor).Select(t => t.Label), Is.EqualTo(new[] { "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "1" }));
        Assert.That(wide.Count(t => !t.IsMajor), Is.GreaterThan(30));

        var narrow = LogAxis.Ticks(Math.Log10(0.48), Math.Log10(0.82));
        Assert.That(narrow.Where(t => t.IsMajor).Select(t => t.Label), Is.EqualTo(new[] { "0.5", "0.6", "0.7", "0.8" }));

        var tight = LogAxis.Ticks(Math.Log10(1.001), Math.Log10(1.009));
        Assert.That(tight.Count(t => t.IsMajor), Is.GreaterThanOrEqualTo(3));
        Assert.That(tight.All(t => t.Position >= Math.Log10(1.001) && t.Position <= Math.Log10(1.009)));
    }

    [TestCase(0.25, "0.25")]
    [TestCase(40000, "40000")]
    [TestCase(0, "0")]
    [TestCase(5e-7, "5×10⁻⁷")]
    [TestCase(-2.5e-12, "-2.5×10⁻¹²")]
    [TestCase(1e6, "10⁶")]
    [TestCase(4.9999999999e-8, "5×10⁻⁸")]
    public void TickLabelsWriteSmallAndLargeValuesWithPowersOfTen(double value, string label) =>
        Assert.That(TickLabels.Value(value), Is.EqualTo(label));

    [Test]
    public void PlotsIntoAMissingFolderThrowAndLeaveNothingBehind()
    {
        string missing = Path.Combine(_folder, "no-such-folder");
        var field = Wave("u");
        var actions = new Action[]
        {
            () => FieldPlot.Save(Path.Combine(missing, "u.png"), field),
            () => ErrorMapPlot.Save(Path.Combine(missing, "e.png"), field),
            () => FieldPanelPlot.Save(Path.Combine(missing, "p.png"), [new FieldPanelEntry(field)]),
            () => LossCurvePlot.Save(Path.Combine(missing, "l.png"), History(5)),
        };
        foreach (var action in actions)
        {
            Assert.That(() => action(), Throws.TypeOf<DirectoryNotFoundException>().With.Message.Contains("no-such-folder").And.Message.Contains("does not exist"));
        }
        Assert.That(Directory.Exists(missing), Is.False);
        Assert.That(Directory.EnumerateFileSystemEntries(_folder), Is.Empty);
    }

    [Test]
    public void StretchedRasterHasTheRequestedPixelCountsAndInterpolatesExactly()
    {
        var mesh = GridMesher.Triangulate(new Rectangle(0, 0, 2 * Math.PI, 1), 16, 8);
        var raster = new MeshRaster(mesh, 300, 120);
        Assert.That((raster.Columns, raster.Rows), Is.EqualTo((300, 120)));
        Assert.That(raster.PixelWidth, Is.EqualTo(2 * Math.PI / 300).Within(1e-15));
        Assert.That(raster.PixelHeight, Is.EqualTo(1.0 / 120).Within(1e-15));
        var values = Enumerable.Range(0, mesh.NodeCount).Select(i => 2 * mesh.Node(i)[0] - 3 * mesh.Node(i)[1]).ToArray();
        var samples = raster.Sample(values);
        var (x, y) = raster.PixelCentre(7, 250);
        Assert.That(samples[7, 250], Is.EqualTo(2 * x - 3 * y).Within(1e-12));
    }

    [Test]
    public void ProfilePlotWritesAPngAndRefusesCurvesOfAnotherLength()
    {
        string path = Path.Combine(_folder, "profile.png");
        double[] x = [0, 0.5, 1];
        ProfilePlot.Save(path, x, [("reference", [0.0, 1, 0]), ("prediction", [0.0, 0.9, 0.1])], "profile", width: 640, height: 400);
        using (var bitmap = ReadPng(path, 640, 400)) Assert.That(DistinctColours(bitmap), Is.GreaterThan(10));
        Assert.That(() => ProfilePlot.Save(path, x, [("short", [0.0, 1])], "profile"), Throws.ArgumentException.With.Message.Contains("'short' has 2 values"));
        Assert.That(() => ProfilePlot.Save(path, x, [], "profile"), Throws.ArgumentException);
    }
}
