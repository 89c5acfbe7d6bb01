using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;

namespace PdeNet.Validation.Meshing;

/// <summary>
/// Meshes the unit disk at h = 0.005 with <see cref="TriangleMesher"/> (best and median of several
/// runs after a warm-up) and, when gmsh is on the PATH, with gmsh's default Frontal-Delaunay on
/// the same circle and size, and compares times, triangle counts and shape quality.
/// </summary>
internal sealed partial class MesherBenchmark : IValidation
{
    private const double H = 0.005;
    private const int Runs = 7;
    private const int GmshRuns = 3;

    public string Name => "mesher-benchmark";

    public string Description => "unit disk at h = 0.005: PdeNet's triangle mesher against gmsh (time, triangles, angles)";

    public ValidationReport Run(string outputDirectory)
    {
        var report = new ValidationReport(Name, "Triangle mesher: unit disk at h = 0.005, PdeNet against gmsh");
        var disk = new Disk((0, 0), 1);
        TriangleMesher.Triangulate(disk, 0.05);
        TriangleMesher.Triangulate(disk, H);
        var seconds = new List<double>();
        Mesh mesh = null!;
        for (int run = 0; run < Runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            mesh = TriangleMesher.Triangulate(disk, H);
            seconds.Add(clock.Elapsed.TotalSeconds);
        }
        var ours = MeshQuality.Of(mesh);
        double best = seconds.Min(), median = Median(seconds);

        var gmsh = RunGmsh(Path.Combine(outputDirectory, "mesher-benchmark"));
        var rows = report.Table("Meshes of the unit disk, h = 0.005", "mesher", "triangles", "nodes", "best s", "median s", "runs",
            "min angle °", "max angle °", "mean R/2r", "max R/2r");
        rows(["PdeNet TriangleMesher", mesh.CellCount, mesh.NodeCount, best, median, Runs,
            ours.MinAngle, ours.MaxAngle, ours.MeanAspectRatio, ours.MaxAspectRatio]);
        report.Figure("pdenet_triangles", mesh.CellCount);
        report.Figure("pdenet_seconds_best", best);
        report.Figure("pdenet_seconds_median", median);
        report.Figure("pdenet_min_angle", ours.MinAngle);
        report.Figure("pdenet_min_angle_histogram", ours.MinAngleHistogram.Counts);
        report.Figure("pdenet_aspect_ratio_histogram", ours.AspectRatioHistogram.Counts);
        report.Target($"PdeNet meshes the unit disk at h = {H} in at most 2 s (best of {Runs}: {best:F3} s)", best <= 2);
        if (gmsh is null)
        {
            report.Note("gmsh is not on the PATH (Debian: apt-get install gmsh); only PdeNet was measured.");
            report.Passed = false;
            AddHistograms(report, ours, null);
            return report;
        }
        var (theirs, meshSeconds, processSeconds, version) = gmsh.Value;
        var theirQuality = MeshQuality.Of(theirs);
        rows([$"gmsh {version} (meshing time it reports)", theirs.CellCount, theirs.NodeCount, meshSeconds.Min(), Median(meshSeconds), GmshRuns,
            theirQuality.MinAngle, theirQuality.MaxAngle, theirQuality.MeanAspectRatio, theirQuality.MaxAspectRatio]);
        rows([$"gmsh {version} (whole process)", theirs.CellCount, theirs.NodeCount, processSeconds.Min(), Median(processSeconds), GmshRuns,
            theirQuality.MinAngle, theirQuality.MaxAngle, theirQuality.MeanAspectRatio, theirQuality.MaxAspectRatio]);
        AddHistograms(report, ours, theirQuality);
        double ratio = best / meshSeconds.Min(), processRatio = best / processSeconds.Min();
        report.Figure("gmsh_triangles", theirs.CellCount);
        report.Figure("gmsh_mesh_seconds_best", meshSeconds.Min());
        report.Figure("gmsh_process_seconds_best", processSeconds.Min());
        report.Figure("gmsh_min_angle", theirQuality.MinAngle);
        report.Figure("gmsh_min_angle_histogram", theirQuality.MinAngleHistogram.Counts);
        report.Figure("gmsh_aspect_ratio_histogram", theirQuality.AspectRatioHistogram.Counts);
        report.Figure("time_ratio_pdenet_over_gmsh", ratio);
        report.Figure("time_ratio_pdenet_over_gmsh_process", processRatio);
        report.Target($"time ratio PdeNet / gmsh (gmsh's own 1D + 2D meshing time) at most 1 ({ratio:F3})", ratio <= 1);
        report.Target($"minimum angle no worse than gmsh's ({ours.MinAngle:F2}° against {theirQuality.MinAngle:F2}°)", ours.MinAngle >= theirQuality.MinAngle);
        report.Note($"Best-of-{Runs} wall time of TriangleMesher.Triangulate after two warm-up calls (h = 0.05 and h = {H}), one thread; gmsh best of {GmshRuns} runs of `gmsh -2 disk.geo -format msh41`, its meshing time read from its 'Done meshing 1D/2D (Wall ...)' lines, the process time including start-up and writing the .msh file.");
        report.Note("Both meshers get the same circle of radius 1 and target edge length 0.005 everywhere (gmsh: Mesh.CharacteristicLengthMin = Max = 0.005 and the point sizes). Equilateral triangles of side 0.005 tile the disk with about 4π / (√3 h²) ≈ 290,000 triangles, which both produce.");
        report.Note(BuildNote());
        report.Note("Aspect ratio R/2r: circumradius over twice the inradius, 1 for the equilateral triangle. Histograms count cells by their smallest angle and by their aspect ratio.");
        return report;
    }

    /// <summary>Whether the mesher ran JIT-optimised: `dotnet run` builds Debug, which disables the optimiser for PdeNet's assemblies.</summary>
    private static string BuildNote()
    {
        var debuggable = typeof(TriangleMesher).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().FirstOrDefault();
        return debuggable?.IsJITOptimizerDisabled == true
            ? "PdeNet ran from a Debug build (the default of `dotnet run`), with the JIT optimiser off for its assemblies; a Release build (`dotnet run -c Release --project validation -- mesher-benchmark`) is faster."
            : "PdeNet ran from an optimised (Release) build.";
    }

    private static void AddHistograms(ValidationReport report, MeshQuality ours, MeshQuality? theirs)
    {
        foreach (var (caption, pick) in new (string, Func<MeshQuality, QualityHistogram>)[]
                 {
                     ("Cells by smallest angle (degrees)", q => q.MinAngleHistogram),
                     ("Cells by aspect ratio R/2r", q => q.AspectRatioHistogram),
                 })
        {
            var histogram = pick(ours);
            var bins = Enumerable.Range(0, histogram.Counts.Length).Select(i => Bin(histogram, i)).ToArray();
            var add = report.Table(caption, ["mesher", .. bins]);
            add(["PdeNet", .. histogram.Counts.Cast<object?>()]);
            if (theirs is not null) add(["gmsh", .. pick(theirs).Counts.Cast<object?>()]);
        }
    }

    private static string Bin(QualityHistogram histogram, int i)
    {
        string upper = double.IsPositiveInfinity(histogram.Edges[i + 1]) ? "∞" : histogram.Edges[i + 1].ToString("G4", CultureInfo.InvariantCulture);
        return $"[{histogram.Edges[i].ToString("G4", CultureInfo.InvariantCulture)}, {upper}{(i == histogram.Counts.Length - 1 ? "]" : ")")}";
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Runs gmsh on the disk; null when gmsh cannot be started.</summary>
    private static (Mesh Mesh, List<double> MeshSeconds, List<double> ProcessSeconds, string Version)? RunGmsh(string directory)
    {
        Directory.CreateDirectory(directory);
        string geo = Path.Combine(directory, "disk.geo"), msh = Path.Combine(directory, "disk.msh");
        File.WriteAllText(geo, string.Create(CultureInfo.InvariantCulture, $"""
            // Unit disk, target edge length {H} everywhere (gmsh's default 2D algorithm, Frontal-Delaunay).
            lc = {H};
            Point(1) = {"{"}0, 0, 0, lc{"}"};
            Point(2) = {"{"}1, 0, 0, lc{"}"};
            Point(3) = {"{"}0, 1, 0, lc{"}"};
            Point(4) = {"{"}-1, 0, 0, lc{"}"};
            Point(5) = {"{"}0, -1, 0, lc{"}"};
            Circle(1) = {"{"}2, 1, 3{"}"};
            Circle(2) = {"{"}3, 1, 4{"}"};
            Circle(3) = {"{"}4, 1, 5{"}"};
            Circle(4) = {"{"}5, 1, 2{"}"};
            Curve Loop(1) = {"{"}1, 2, 3, 4{"}"};
            Plane Surface(1) = {"{"}1{"}"};
            Mesh.CharacteristicLengthMin = lc;
            Mesh.CharacteristicLengthMax = lc;

            """));
        var meshSeconds = new List<double>();
        var processSeconds = new List<double>();
        string version = "";
        for (int run = 0; run < GmshRuns; run++)
        {
            var clock = Stopwatch.StartNew();
            var result = ExternalProgram.Run("gmsh", ["-2", geo, "-format", "msh41", "-o", msh]);
            double elapsed = clock.Elapsed.TotalSeconds;
            if (result is null) return null;
            if (result.Value.Exit != 0) throw new InvalidOperationException($"gmsh failed:\n{result.Value.Output}");
            processSeconds.Add(elapsed);
            meshSeconds.Add(WallTimes(result.Value.Output).Sum());
            var match = VersionLine().Match(result.Value.Output);
            if (match.Success) version = match.Groups[1].Value;
        }
        return (MinimalMsh.ReadTriangles(msh), meshSeconds, processSeconds, version);
    }

    /// <summary>The wall times of gmsh's "Done meshing 1D (Wall 0.002s, CPU 0s)" and "Done meshing 2D" lines.</summary>
    private static IEnumerable<double> WallTimes(string output) =>
        MeshingTime().Matches(output).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"Done meshing [12]D \(Wall ([0-9.eE+-]+)s")]
    private static partial Regex MeshingTime();

    [GeneratedRegex(@"Running '.*' \[Gmsh ([0-9.]+)")]
    private static partial Regex VersionLine();
}
