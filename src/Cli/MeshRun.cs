using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PdeNet.Core.Fields;
using PdeNet.Geometry.Meshes;
using PdeNet.Geometry.Meshes.Gmsh;
using PdeNet.Problems;
using PdeNet.Reporting.Plots;
using PdeNet.Solvers.Fem;

namespace PdeNet.Cli;

/// <summary>
/// <c>pdenet mesh</c>: meshes a problem's domain (or reads a gmsh .msh file), writes it as
/// HDF5/XDMF with a nodal field "boundary_part" (the part index on boundary nodes, -1 inside) and a
/// PNG picture, and prints the counts, the boundary parts with their facet counts and the quality.
/// </summary>
internal sealed class MeshRun(TextWriter output)
{
    public int Execute(string source, double? h, string outputDirectory, bool json)
    {
        var clock = Stopwatch.StartNew();
        bool file = source.EndsWith(".msh", StringComparison.OrdinalIgnoreCase);
        var mesh = file
            ? GmshReader.Read(source)
            : Meshing.For(ProblemLibrary.Get(source).Validate().Domain!, h ?? new FemOptions().MeshSize);
        double seconds = clock.Elapsed.TotalSeconds;
        string name = file ? Path.GetFileNameWithoutExtension(source) : source;
        string directory = SolveRun.PrepareOutput(outputDirectory);

        var part = Enumerable.Repeat(-1.0, mesh.NodeCount).ToArray();
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            foreach (int node in mesh.FacetNodes(f)) part[node] = mesh.BoundaryFacetParts[f];
        }
        string stem = Path.Combine(directory, $"{name}-mesh");
        var paths = FieldFile.Write(stem, [new Field("boundary_part", mesh, part)], new Dictionary<string, object>
        {
            ["source"] = source,
            ["part_names"] = string.Join(", ", mesh.PartNames),
        });
        string picture = $"{stem}.png";
        MeshPlot.Save(picture, mesh, $"{name}: {mesh.CellCount} {mesh.CellType} cells, {mesh.NodeCount} nodes");
        var files = new[] { paths.Hdf5Path, paths.XdmfPath, picture };

        var parts = mesh.PartNames.Select((p, i) => (p, Enumerable.Range(0, mesh.BoundaryFacetCount).Count(f => mesh.BoundaryFacetParts[f] == i)))
            .ToDictionary(x => x.p, x => x.Item2);
        MeshQuality? quality = mesh.GeometricDimension == 2 && mesh.CellType is CellType.Triangle or CellType.Quadrilateral ? MeshQuality.Of(mesh) : null;
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new MeshReport(source, mesh.CellType.ToString(), mesh.NodeCount, mesh.CellCount, parts,
                quality?.MinAngle, quality?.MaxAngle, seconds, files), new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        output.WriteLine($"{name}: {mesh.NodeCount} nodes, {mesh.CellCount} {mesh.CellType} cells ({seconds.ToString("F3", CultureInfo.InvariantCulture)} s)");
        output.WriteLine("boundary parts:");
        foreach (var (partName, facets) in parts) output.WriteLine($"  {partName}: {facets} facets");
        if (quality is not null) output.WriteLine(quality.ToString());
        else output.WriteLine("quality: reported for 2D triangle and quadrilateral meshes");
        output.WriteLine("files:");
        foreach (var f in files) output.WriteLine($"  {f}");
        return 0;
    }
}
