using System.Diagnostics;
using System.Xml.Linq;
using PdeNet.Core.Fields;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Geometry.Meshes.Gmsh;
using PureHDF;

namespace PdeNet.Tests.Core;

public class FieldFileTests
{
    private static readonly XNamespace XInclude = "http://www.w3.org/2001/XInclude";
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"pdenet-fieldfile-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Stem(string name = "run") => Path.Combine(_folder, name);

    private static Mesh Square() => GridMesher.Triangulate(new Rectangle(0, 0, 1, 1), 0.25);

    /// <summary>u = (1 + t) x y: range [0, 1 + t] on the unit square.</summary>
    private static Field Temperature(Mesh mesh, double t) =>
        new("u", mesh, Enumerable.Range(0, mesh.NodeCount).Select(i => (1 + t) * mesh.Node(i)[0] * mesh.Node(i)[1]).ToArray(), 1, t, "K",
            new Dictionary<string, object> { ["solver"] = "fem-p1", ["tolerance"] = 1e-10, ["weights"] = new[] { 0.5, 0.25 } });

    /// <summary>v = (-(1 + t) y, x).</summary>
    private static Field Velocity(Mesh mesh, double t) =>
        new("velocity", mesh, Enumerable.Range(0, mesh.NodeCount).SelectMany(i => new[] { -(1 + t) * mesh.Node(i)[1], mesh.Node(i)[0] }).ToArray(), 2, t, "m/s");

    private static Field[] TwoSteps(Mesh mesh) => [Temperature(mesh, 0), Velocity(mesh, 0), Temperature(mesh, 0.5), Velocity(mesh, 0.5)];

    private static Dictionary<string, object> Metadata() => new()
    {
        ["problem"] = "heat",
        ["h"] = 0.25,
        ["seed"] = 42L,
        ["refinements"] = 3,
        ["converged"] = true,
        ["diverged"] = false,
        ["box"] = new[] { 0.0, 0.0, 1.0, 1.0 },
        ["note"] = "",
    };

    private static Mesh Interval() =>
        new(CellType.Interval, 1, [0, 0.5, 1], [0, 1, 1, 2], [0, 2], [0, 1], ["left", "right"], new Grid([0], [0.5], [3]));

    private static Mesh Tetrahedron() =>
        new(CellType.Tetrahedron, 3, [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 1, 2, 3],
            [0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3], [0, 0, 0, 1], ["axes", "slant"]);

    private string[] FilesLeft() => Directory.GetFiles(_folder).Select(Path.GetFileName).Order().ToArray()!;

    private static void AssertSameMesh(Mesh actual, Mesh expected)
    {
        Assert.That(actual.CellType, Is.EqualTo(expected.CellType));
        Assert.That(actual.GeometricDimension, Is.EqualTo(expected.GeometricDimension));
        Assert.That(actual.Coordinates, Is.EqualTo(expected.Coordinates));
        Assert.That(actual.Cells, Is.EqualTo(expected.Cells));
        Assert.That(actual.BoundaryFacets, Is.EqualTo(expected.BoundaryFacets));
        Assert.That(actual.BoundaryFacetParts, Is.EqualTo(expected.BoundaryFacetParts));
        Assert.That(actual.PartNames, Is.EqualTo(expected.PartNames));
        Assert.That(actual.CellTags, Is.EqualTo(expected.CellTags));
        Assert.That(actual.SubdomainNames, Is.EqualTo(expected.SubdomainNames));
        if (expected.Grid is null)
        {
            Assert.That(actual.Grid, Is.Null);
            return;
        }
        Assert.That(actual.Grid, Is.Not.Null);
        Assert.That(actual.Grid!.Origin, Is.EqualTo(expected.Grid.Origin));
        Assert.That(actual.Grid.Spacing, Is.EqualTo(expected.Grid.Spacing));
        Assert.That(actual.Grid.Counts, Is.EqualTo(expected.Grid.Counts));
    }

    private static void AssertSameField(Field actual, Field expected)
    {
        Assert.That(actual.Name, Is.EqualTo(expected.Name));
        Assert.That(actual.Time, Is.EqualTo(expected.Time));
        Assert.That(actual.Components, Is.EqualTo(expected.Components));
        Assert.That(actual.Values, Is.EqualTo(expected.Values), $"values of {expected.Name} at t = {expected.Time}");
        Assert.That(actual.Units, Is.EqualTo(expected.Units));
        Assert.That(actual.Attributes, Is.EquivalentTo(expected.Attributes));
    }

    [Test]
    public void RoundTripKeepsMeshFieldsAndMetadata()
    {
        var mesh = Square();
        var fields = TwoSteps(mesh);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var paths = FieldFile.Write(Stem(), fields, Metadata());

        Assert.That(paths, Is.EqualTo(new FieldFilePaths(Stem() + ".h5", Stem() + ".xdmf")));
        Assert.That(FilesLeft(), Is.EqualTo(new[] { "run.h5", "run.xdmf" }), "no temporary files remain");

        var read = FieldFile.Read(paths.Hdf5Path);
        AssertSameMesh(read.Mesh, mesh);
        Assert.That(read.Mesh.PartNames, Is.EqualTo(new[] { "bottom", "right", "top", "left" }));
        Assert.That(read.Fields.Select(f => (f.Name, f.Time)), Is.EqualTo(new[] { ("u", 0.0), ("velocity", 0.0), ("u", 0.5), ("velocity", 0.5) }));
        foreach (var expected in fields) AssertSameField(read.FieldAt(expected.Name, expected.Time), expected);
        Assert.That(read.Fields.All(f => ReferenceEquals(f.Mesh, read.Mesh)));

        Assert.That(read.Metadata, Is.EquivalentTo(Metadata()));
        Assert.That(read.Metadata["seed"], Is.TypeOf<long>());
        Assert.That(read.Metadata["refinements"], Is.TypeOf<int>());
        Assert.That(read.Metadata["converged"], Is.TypeOf<bool>());
        Assert.That(read.PdeNetVersion, Is.EqualTo(FieldFile.Version).And.StartsWith("0."));
        Assert.That(read.Created, Is.InRange(before, DateTimeOffset.UtcNow.AddSeconds(1)));
    }

    [Test]
    public void HdfDatasetsFollowTheDolfinxLayout()
    {
        var mesh = Square();
        var paths = FieldFile.Write(Stem(), TwoSteps(mesh));
        using var file = H5File.OpenRead(paths.Hdf5Path);

        var geometry = file.Dataset("/Mesh/mesh/geometry");
        Assert.That(geometry.Space.Dimensions, Is.EqualTo(new ulong[] { 25, 2 }));
        Assert.That((geometry.Type.Class, geometry.Type.Size), Is.EqualTo((H5DataTypeClass.FloatingPoint, 8)));
        var topology = file.Dataset("/Mesh/mesh/topology");
        Assert.That(topology.Space.Dimensions, Is.EqualTo(new ulong[] { 32, 3 }));
        Assert.That((topology.Type.Class, topology.Type.Size), Is.EqualTo((H5DataTypeClass.FixedPoint, 8)));
        Assert.That(topology.Read<long[]>(), Is.EqualTo(mesh.Cells.Select(c => (long)c).ToArray()));

        Assert.That(file.Dataset("/Function/u/0_5").Space.Dimensions, Is.EqualTo(new ulong[] { 25, 1 }));
        var velocity = file.Dataset("/Function/velocity/0_5");
        Assert.That(velocity.Space.Dimensions, Is.EqualTo(new ulong[] { 25, 3 }), "2-vectors are padded to 3 columns");
        Assert.That(velocity.Read<double[]>().Where((_, i) => i % 3 == 2), Is.All.EqualTo(0.0));
        Assert.That(file.Group("/Function/velocity").Attribute("components").Read<int>(), Is.EqualTo(2));
        Assert.That(file.Group("/Function/velocity").Attribute("units").Read<string>(), Is.EqualTo("m/s"));
        Assert.That(file.Group("/Function/u").Attribute("solver").Read<string>(), Is.EqualTo("fem-p1"));
        Assert.That(file.Attribute("pdenet_version").Read<string>(), Is.EqualTo(FieldFile.Version));
    }

    [Test]
    public void XdmfIndexesEveryStepWithTheMeshIncluded()
    {
        var paths = FieldFile.Write(Stem(), TwoSteps(Square()));
        var xdmf = XDocument.Load(paths.XdmfPath).Root!;

        Assert.That(xdmf.Name.LocalName, Is.EqualTo("Xdmf"));
        Assert.That(xdmf.Attribute("Version")!.Value, Is.EqualTo("3.0"));
        var grids = xdmf.Element("Domain")!.Elements("Grid").ToList();
        Assert.That(grids.Select(g => g.Attribute("GridType")!.Value), Is.EqualTo(new[] { "Uniform", "Collection" }));

        var topology = grids[0].Element("Topology")!;
        Assert.That(topology.Attribute("TopologyType")!.Value, Is.EqualTo("Triangle"));
        Assert.That(topology.Attribute("NumberOfElements")!.Value, Is.EqualTo("32"));
        Assert.That(topology.Attribute("NodesPerElement")!.Value, Is.EqualTo("3"));
        var topologyData = topology.Element("DataItem")!;
        Assert.That(topologyData.Attribute("Dimensions")!.Value, Is.EqualTo("32 3"));
        Assert.That(topologyData.Attribute("NumberType")!.Value, Is.EqualTo("Int"));
        Assert.That(topologyData.Attribute("Precision")!.Value, Is.EqualTo("8"));
        Assert.That(topologyData.Attribute("Format")!.Value, Is.EqualTo("HDF"));
        Assert.That(topologyData.Value, Is.EqualTo("run.h5:/Mesh/mesh/topology"), "the .h5 is named relative to the .xdmf");
        var geometry = grids[0].Element("Geometry")!;
        Assert.That(geometry.Attribute("GeometryType")!.Value, Is.EqualTo("XY"));
        Assert.That(geometry.Element("DataItem")!.Attribute("Dimensions")!.Value, Is.EqualTo("25 2"));
        Assert.That(geometry.Element("DataItem")!.Value, Is.EqualTo("run.h5:/Mesh/mesh/geometry"));

        Assert.That(grids[1].Attribute("CollectionType")!.Value, Is.EqualTo("Temporal"));
        var steps = grids[1].Elements("Grid").ToList();
        Assert.That(steps.Select(s => s.Element("Time")!.Attribute("Value")!.Value), Is.EqualTo(new[] { "0", "0.5" }));
        foreach (var step in steps)
        {
            Assert.That(step.Element(XInclude + "include")!.Attribute("xpointer")!.Value,
                Is.EqualTo("xpointer(/Xdmf/Domain/Grid[@GridType='Uniform'][1]/*[self::Topology or self::Geometry])"));
            var attributes = step.Elements("Attribute").ToList();
            Assert.That(attributes.Select(a => a.Attribute("Name")!.Value), Is.EqualTo(new[] { "u", "velocity" }));
            Assert.That(attributes.Select(a => a.Attribute("Center")!.Value), Is.All.EqualTo("Node"));
            Assert.That(attributes.Select(a => a.Attribute("AttributeType")!.Value), Is.EqualTo(new[] { "Scalar", "Vector" }));
            Assert.That(attributes.Select(a => a.Element("DataItem")!.Attribute("Dimensions")!.Value), Is.EqualTo(new[] { "25 1", "25 3" }));
        }
        Assert.That(steps[1].Elements("Attribute").Select(a => a.Element("DataItem")!.Value),
            Is.EqualTo(new[] { "run.h5:/Function/u/0_5", "run.h5:/Function/velocity/0_5" }));
    }

    [Test]
    public void StepsAreTheUnionOfTheFieldTimesAndHoldTheFieldsPresent()
    {
        var mesh = Square();
        var error = new Field("error", mesh, new double[mesh.NodeCount], time: 1);
        var paths = FieldFile.Write(Stem(), [Temperature(mesh, 1), Temperature(mesh, 0), error, Temperature(mesh, 0.25)]);

        var steps = XDocument.Load(paths.XdmfPath).Root!.Element("Domain")!.Elements("Grid").Last().Elements("Grid").ToList();
        Assert.That(steps.Select(s => s.Element("Time")!.Attribute("Value")!.Value), Is.EqualTo(new[] { "0", "0.25", "1" }));
        Assert.That(steps.Select(s => string.Join(",", s.Elements("Attribute").Select(a => a.Attribute("Name")!.Value))),
            Is.EqualTo(new[] { "u", "u", "u,error" }));
        var read = FieldFile.Read(paths.XdmfPath);
        Assert.That(read.Fields.Select(f => $"{f.Name}@{f.Time}"), Is.EqualTo(new[] { "u@0", "u@0.25", "error@1", "u@1" }));
        Assert.That(read.FieldAt("error", 1).Units, Is.Empty);
        Assert.That(read.FieldAt("error", 1).Attributes, Is.Empty);
    }

    [Test]
    public void IntervalAndTetrahedronMeshesRoundTrip()
    {
        var line = Interval();
        var linePaths = FieldFile.Write(Stem("line"), [new Field("c", line, [1, 2, 3], time: -0.125)]);
        var lineRead = FieldFile.Read(Stem("line"));
        AssertSameMesh(lineRead.Mesh, line);
        Assert.That(lineRead.FieldAt("c", -0.125).Values, Is.EqualTo(new[] { 1.0, 2, 3 }));
        var lineXdmf = XDocument.Load(linePaths.XdmfPath).Root!.Element("Domain")!.Element("Grid")!;
        Assert.That(lineXdmf.Element("Topology")!.Attribute("TopologyType")!.Value, Is.EqualTo("PolyLine"));
        Assert.That(lineXdmf.Element("Geometry")!.Element("DataItem")!.Attribute("Dimensions")!.Value, Is.EqualTo("3 2"), "1D geometry is padded to XY");

        var tet = Tetrahedron();
        var displacement = new Field("displacement", tet, Enumerable.Range(0, 12).Select(i => i / 10.0).ToArray(), 3);
        var stress = new Field("stress", tet, Enumerable.Range(0, 24).Select(i => -i / 4.0).ToArray(), 6, units: "Pa");
        var tetPaths = FieldFile.Write(Stem("tet"), [displacement, stress]);
        var tetRead = FieldFile.Read(tetPaths.XdmfPath);
        AssertSameMesh(tetRead.Mesh, tet);
        AssertSameField(tetRead.FieldAt("displacement", 0), displacement);
        AssertSameField(tetRead.FieldAt("stress", 0), stress);
        var tetXdmf = XDocument.Load(tetPaths.XdmfPath).Root!.Element("Domain")!;
        Assert.That(tetXdmf.Element("Grid")!.Element("Geometry")!.Attribute("GeometryType")!.Value, Is.EqualTo("XYZ"));
        Assert.That(tetXdmf.Descendants("Attribute").Select(a => a.Attribute("AttributeType")!.Value), Is.EqualTo(new[] { "Vector", "Matrix" }));
    }

    [Test]
    public void MeshWithoutBoundaryFacetsRoundTrips()
    {
        var square = new Mesh(CellType.Quadrilateral, 2, [0, 0, 1, 0, 1, 1, 0, 1], [0, 1, 2, 3], [], [], []);
        FieldFile.Write(Stem(), [new Field("q", square, [0, 1, 2, 3], time: 2)]);
        var read = FieldFile.Read(Stem());
        AssertSameMesh(read.Mesh, square);
        Assert.That(read.Mesh.BoundaryFacetCount, Is.Zero);
        Assert.That(read.FieldAt("q", 2).Values, Is.EqualTo(new[] { 0.0, 1, 2, 3 }));
    }

    [TestCase("run.h5")]
    [TestCase("run.xdmf")]
    [TestCase("run")]
    public void ReadAcceptsEitherFileOrTheStem(string name)
    {
        FieldFile.Write(Stem(), TwoSteps(Square()));
        Assert.That(FieldFile.Read(Path.Combine(_folder, name)).Fields, Has.Count.EqualTo(4));
    }

    [Test]
    public void UnsupportedMetadataValueNamesTheKeyAndLeavesNoFile()
    {
        var metadata = Metadata();
        metadata["learning_rate"] = 1e-3f;
        var error = Assert.Throws<ArgumentException>(() => FieldFile.Write(Stem(), TwoSteps(Square()), metadata));
        Assert.That(error!.Message, Does.Contain("'learning_rate'").And.Contain("Single"));
        Assert.That(FilesLeft(), Is.Empty);
    }

    [Test]
    public void FieldOnAnotherMeshIsRefusedAndLeavesNoFile()
    {
        var error = Assert.Throws<ArgumentException>(() => FieldFile.Write(Stem(), [Temperature(Square(), 0), Velocity(Square(), 0)]));
        Assert.That(error!.Message, Does.Contain("'velocity'").And.Contain("another mesh"));
        Assert.That(FilesLeft(), Is.Empty);
    }

    [Test]
    public void FailedWriteKeepsTheFilesAlreadyThere()
    {
        var mesh = Square();
        var paths = FieldFile.Write(Stem(), TwoSteps(mesh), new Dictionary<string, object> { ["run"] = 1 });
        var hdf5 = File.ReadAllBytes(paths.Hdf5Path);
        var xdmf = File.ReadAllText(paths.XdmfPath);

        Assert.Throws<ArgumentException>(() => FieldFile.Write(Stem(), TwoSteps(mesh), new Dictionary<string, object> { ["run"] = DateTime.Now }));
        Assert.That(FilesLeft(), Is.EqualTo(new[] { "run.h5", "run.xdmf" }));
        Assert.That(File.ReadAllBytes(paths.Hdf5Path), Is.EqualTo(hdf5));
        Assert.That(File.ReadAllText(paths.XdmfPath), Is.EqualTo(xdmf));
        Assert.That(FieldFile.Read(Stem()).Metadata["run"], Is.EqualTo(1));
    }

    private static IEnumerable<TestCaseData> BadWrites()
    {
        var mesh = Square();
        var u = Temperature(mesh, 0);
        yield return new TestCaseData(new[] { u, Temperature(mesh, 0) }, null, "given 2 times at t = 0").SetName("{m}(repeated name and time)");
        yield return new TestCaseData(new[] { u, new Field("u", mesh, new double[mesh.NodeCount], time: 1, units: "C", attributes: u.Attributes) }, null, "units 'C'")
            .SetName("{m}(units change over time)");
        yield return new TestCaseData(new[] { u, new Field("u", mesh, new double[2 * mesh.NodeCount], 2, 1, "K", u.Attributes) }, null, "2 components")
            .SetName("{m}(components change over time)");
        yield return new TestCaseData(new[] { u, new Field("u", mesh, new double[mesh.NodeCount], 1, 1, "K") }, null, "other attributes")
            .SetName("{m}(attributes change over time)");
        yield return new TestCaseData(new[] { new Field("p", mesh, new double[mesh.NodeCount], attributes: new Dictionary<string, object> { ["units"] = "Pa" }) }, null, "'units'")
            .SetName("{m}(reserved field attribute)");
        yield return new TestCaseData(new[] { new Field("p", mesh, new double[mesh.NodeCount], attributes: new Dictionary<string, object> { ["ids"] = new[] { 1, 2 } }) }, null, "'ids'")
            .SetName("{m}(unsupported field attribute)");
        yield return new TestCaseData(new[] { u }, new Dictionary<string, object> { ["created"] = "yesterday" }, "'created'").SetName("{m}(reserved metadata key)");
        yield return new TestCaseData(Array.Empty<Field>(), null, "at least one field").SetName("{m}(no fields)");
    }

    [TestCaseSource(nameof(BadWrites))]
    public void BadWritesAreRefusedWithAReason(Field[] fields, Dictionary<string, object>? metadata, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => FieldFile.Write(Stem(), fields, metadata));
        Assert.That(error!.Message, Does.Contain(reason));
        Assert.That(FilesLeft(), Is.Empty);
    }

    [Test]
    public void WriteIntoAMissingFolderFails()
    {
        Assert.Throws<DirectoryNotFoundException>(() => FieldFile.Write(Path.Combine(_folder, "absent", "run"), TwoSteps(Square())));
    }

    [Test]
    public void ReadNamesTheFileAndWhatIsWrong()
    {
        var missing = Assert.Throws<FileNotFoundException>(() => FieldFile.Read(Stem("absent")));
        Assert.That(missing!.Message, Does.Contain(Stem("absent") + ".h5"));

        File.WriteAllText(Stem("text") + ".h5", "not HDF5");
        var text = Assert.Throws<InvalidDataException>(() => FieldFile.Read(Stem("text")));
        Assert.That(text!.Message, Does.StartWith(Stem("text") + ".h5: not a readable HDF5 file"));

        var noMesh = new H5File { ["Function"] = new H5Group() };
        noMesh.Write(Stem("nomesh") + ".h5");
        var noMeshError = Assert.Throws<InvalidDataException>(() => FieldFile.Read(Stem("nomesh") + ".xdmf"));
        Assert.That(noMeshError!.Message, Is.EqualTo($"{Stem("nomesh")}.h5: no group /Mesh/mesh"));

        var meshGroup = new H5Group();
        meshGroup.Attributes["cell_type"] = "Triangle";
        meshGroup.Attributes["geometric_dimension"] = 2;
        new H5File { ["Mesh"] = new H5Group { ["mesh"] = meshGroup } }.Write(Stem("nogeometry") + ".h5");
        var noGeometry = Assert.Throws<InvalidDataException>(() => FieldFile.Read(Stem("nogeometry")));
        Assert.That(noGeometry!.Message, Is.EqualTo($"{Stem("nogeometry")}.h5: no dataset /Mesh/mesh/geometry"));

        meshGroup["geometry"] = new H5Dataset(new double[] { 0, 0, 1, 0, 0, 1 }, fileDims: [3, 2]);
        meshGroup["topology"] = new H5Dataset(new long[] { 0, 1, 2, 0 }, fileDims: [1, 4]);
        new H5File { ["Mesh"] = new H5Group { ["mesh"] = meshGroup } }.Write(Stem("badtopology") + ".h5");
        var badTopology = Assert.Throws<InvalidDataException>(() => FieldFile.Read(Stem("badtopology")));
        Assert.That(badTopology!.Message, Is.EqualTo($"{Stem("badtopology")}.h5: dataset /Mesh/mesh/topology has shape (1, 4); expected (n, 3)"));

        meshGroup.Attributes["cell_type"] = "Pyramid";
        new H5File { ["Mesh"] = new H5Group { ["mesh"] = meshGroup } }.Write(Stem("badcell") + ".h5");
        var badCell = Assert.Throws<InvalidDataException>(() => FieldFile.Read(Stem("badcell")));
        Assert.That(badCell!.Message, Does.Contain("cell_type").And.Contain("'Pyramid'"));
    }

    [Test]
    public void ReadRefusesAMeshWhoseCellsPointPastTheNodes()
    {
        var paths = FieldFilePaths.For(Stem());
        var meshGroup = new H5Group
        {
            ["geometry"] = new H5Dataset(new double[] { 0, 0, 1, 0 }, fileDims: [2, 2]),
            ["topology"] = new H5Dataset(new long[] { 0, 5 }, fileDims: [1, 2]),
            ["boundary_facets"] = new H5Dataset(new long[] { 0 }, fileDims: [1, 1]),
            ["boundary_facet_parts"] = new H5Dataset(new long[] { 0 }, fileDims: [1]) { Attributes = { ["part_names"] = new[] { "left" } } },
        };
        meshGroup.Attributes["cell_type"] = "Interval";
        meshGroup.Attributes["geometric_dimension"] = 1;
        new H5File { ["Mesh"] = new H5Group { ["mesh"] = meshGroup } }.Write(paths.Hdf5Path);
        var error = Assert.Throws<InvalidDataException>(() => FieldFile.Read(paths.XdmfPath));
        Assert.That(error!.Message, Does.StartWith($"{paths.Hdf5Path}: the mesh in /Mesh/mesh is inconsistent").And.Contain("node 5"));
    }

    /// <summary>
    /// Runs validation/paraview/check_xdmf.py through pvbatch from another working folder than
    /// the file's; skipped where ParaView's Python modules are not installed.
    /// </summary>
    [Test]
    public void ParaViewReadsTheFileFromAnotherFolder()
    {
        string files = Path.Combine(_folder, "files"), elsewhere = Path.Combine(_folder, "elsewhere");
        Directory.CreateDirectory(files);
        Directory.CreateDirectory(elsewhere);
        FieldFile.Write(Path.Combine(files, "run"), TwoSteps(Square()));

        string output = CheckWithParaView(elsewhere, Path.Combine("..", "files", "run.xdmf"),
            "--expect", "u=0:1.5", "--expect", "velocity[0]=-1.5:0", "--expect", "velocity[1]=0:1", "--expect", "velocity[2]=0:0");
        Assert.That(output, Does.Contain("t = 0.5: 25 points, 32 cells"));
        Assert.That(output, Does.Contain("velocity: 3 components"));
        Assert.That(output, Does.Not.Contain("cell array"), "a mesh without cell tags has no cell arrays");
    }

    /// <summary>
    /// A gmsh mesh with two subdomains (biquadratic quadrilaterals) and one of quadratic
    /// tetrahedra: ParaView opens both, shows the subdomains as a cell array, and measures the
    /// quadratic cells correctly, which it only does when their edge nodes are in VTK order.
    /// </summary>
    [Test]
    public void ParaViewShowsSubdomainsAndQuadraticCells()
    {
        var squares = GmshReader.Read(GmshFixture("two_squares_p2.msh"));
        FieldFile.Write(Stem("squares"), [new Field("x", squares, Enumerable.Range(0, squares.NodeCount).Select(i => squares.Node(i)[0]).ToArray())]);
        string output = CheckWithParaView(_folder, Stem("squares") + ".xdmf", "--expect", "x=0:2", "--expect-cell", "subdomain=0:1", "--expect-size", "2");
        Assert.That(output, Does.Contain("cell types: vtkBiQuadraticQuad x 18"));
        Assert.That(output, Does.Contain("cell array subdomain: 1 component, range [0, 1]"));

        var box = GmshReader.Read(GmshFixture("box_p2.msh"));
        FieldFile.Write(Stem("box"), [new Field("z", box, Enumerable.Range(0, box.NodeCount).Select(i => box.Node(i)[2]).ToArray())]);
        output = CheckWithParaView(_folder, Stem("box") + ".xdmf", "--expect", "z=0:1", "--expect-cell", "subdomain=0:0", "--expect-size", "2");
        Assert.That(output, Does.Contain("t = 0: 219 points, 90 cells"));
        Assert.That(output, Does.Contain("cell types: vtkQuadraticTetra x 90"));
    }

    /// <summary>The output of check_xdmf.py on <paramref name="xdmf"/>, which must succeed; ignores the test without pvbatch.</summary>
    private static string CheckWithParaView(string workingDirectory, string xdmf, params string[] arguments)
    {
        string? script = FindUpwards(TestContext.CurrentContext.TestDirectory, Path.Combine("validation", "paraview", "check_xdmf.py"));
        if (script is null || !File.Exists("/usr/bin/pvbatch")) Assert.Ignore("pvbatch or the check script is not available");
        var start = new ProcessStartInfo("/usr/bin/pvbatch")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { script!, xdmf }.Concat(arguments)) start.ArgumentList.Add(argument);
        using var pvbatch = Process.Start(start)!;
        var stderr = pvbatch.StandardError.ReadToEndAsync();
        string output = pvbatch.StandardOutput.ReadToEnd();
        Assert.That(pvbatch.WaitForExit(TimeSpan.FromMinutes(2)), "pvbatch finished");
        if (stderr.Result.Contains("No module named 'paraview'")) Assert.Ignore("python3-paraview is not installed");
        TestContext.Out.WriteLine(output);
        Assert.That(pvbatch.ExitCode, Is.Zero, output + stderr.Result);
        Assert.That(output.TrimEnd(), Does.EndWith("OK"));
        return output;
    }

    private static string GmshFixture(string name) =>
        FindUpwards(TestContext.CurrentContext.TestDirectory, Path.Combine("tests", "Fixtures", "gmsh", name))
        ?? throw new FileNotFoundException($"fixture {name} not found above {TestContext.CurrentContext.TestDirectory}");

    [Test]
    public void CellTagsAndSubdomainNamesRoundTrip()
    {
        var mesh = GmshReader.Read(GmshFixture("two_squares_p2.msh"));
        var field = new Field("u", mesh, Enumerable.Range(0, mesh.NodeCount).Select(i => mesh.Node(i)[1]).ToArray(), time: 1);
        var paths = FieldFile.Write(Stem(), [field]);

        var read = FieldFile.Read(paths.XdmfPath);
        AssertSameMesh(read.Mesh, mesh);
        Assert.That(read.Mesh.SubdomainNames, Is.EqualTo(new[] { "left", "right" }));
        Assert.That(read.Mesh.PartNames, Is.EqualTo(new[] { "physical 7", "interface", "boundary" }));
        AssertSameField(read.FieldAt("u", 1), field);

        using (var file = H5File.OpenRead(paths.Hdf5Path))
        {
            var tags = file.Dataset("/Mesh/mesh/cell_tags");
            Assert.That(tags.Space.Dimensions, Is.EqualTo(new ulong[] { 18 }));
            Assert.That((tags.Type.Class, tags.Type.Size), Is.EqualTo((H5DataTypeClass.FixedPoint, 8)));
            Assert.That(tags.Read<long[]>(), Is.EqualTo(mesh.CellTags!.Select(t => (long)t).ToArray()));
            Assert.That(tags.Attribute("subdomain_names").Read<string[]>(), Is.EqualTo(new[] { "left", "right" }));
            Assert.That(file.Group("/Mesh/mesh").Attribute("cell_type").Read<string>(), Is.EqualTo("Quadrilateral9"));
        }

        var domain = XDocument.Load(paths.XdmfPath).Root!.Element("Domain")!;
        var meshGrid = domain.Element("Grid")!;
        Assert.That(meshGrid.Element("Topology")!.Attribute("TopologyType")!.Value, Is.EqualTo("Quadrilateral_9"));
        Assert.That(meshGrid.Element("Topology")!.Attribute("NodesPerElement")!.Value, Is.EqualTo("9"));
        var step = domain.Elements("Grid").Last().Element("Grid")!;
        foreach (var grid in new[] { meshGrid, step })
        {
            var subdomain = grid.Elements("Attribute").Single(a => a.Attribute("Name")!.Value == "subdomain");
            Assert.That(subdomain.Attribute("Center")!.Value, Is.EqualTo("Cell"));
            Assert.That(subdomain.Attribute("AttributeType")!.Value, Is.EqualTo("Scalar"));
            Assert.That(subdomain.Element("DataItem")!.Attribute("Dimensions")!.Value, Is.EqualTo("18"));
            Assert.That(subdomain.Element("DataItem")!.Attribute("NumberType")!.Value, Is.EqualTo("Int"));
            Assert.That(subdomain.Element("DataItem")!.Value, Is.EqualTo("run.h5:/Mesh/mesh/cell_tags"));
        }
    }

    [Test]
    public void QuadraticTetrahedraRoundTrip()
    {
        var mesh = GmshReader.Read(GmshFixture("box_p2.msh"));
        var displacement = new Field("displacement", mesh, mesh.Coordinates.Select(x => x / 10).ToArray(), 3);
        var paths = FieldFile.Write(Stem(), [displacement]);

        var read = FieldFile.Read(paths.Hdf5Path);
        AssertSameMesh(read.Mesh, mesh);
        Assert.That(read.Mesh.CellType, Is.EqualTo(CellType.Tetrahedron10));
        Assert.That(read.Mesh.NodesPerFacet, Is.EqualTo(6));
        AssertSameField(read.FieldAt("displacement", 0), displacement);
        var topology = XDocument.Load(paths.XdmfPath).Root!.Element("Domain")!.Element("Grid")!.Element("Topology")!;
        Assert.That(topology.Attribute("TopologyType")!.Value, Is.EqualTo("Tetrahedron_10"));
        Assert.That(topology.Element("DataItem")!.Attribute("Dimensions")!.Value, Is.EqualTo("90 10"));
    }

    [Test]
    public void MeshWithoutCellTagsHasNoCellTagDataset()
    {
        var paths = FieldFile.Write(Stem(), TwoSteps(Square()));
        using (var file = H5File.OpenRead(paths.Hdf5Path))
        {
            Assert.That(file.LinkExists("/Mesh/mesh/cell_tags"), Is.False);
        }
        Assert.That(XDocument.Load(paths.XdmfPath).Descendants("Attribute").Select(a => a.Attribute("Center")!.Value), Is.All.EqualTo("Node"));
        Assert.That(FieldFile.Read(Stem()).Mesh.CellTags, Is.Null);
    }

    [Test]
    public void ReadRefusesCellTagsOfTheWrongLength()
    {
        var mesh = GmshReader.Read(GmshFixture("lshape.msh"));
        long[] Long(int[] values) => values.Select(v => (long)v).ToArray();
        var meshGroup = new H5Group
        {
            ["geometry"] = new H5Dataset(mesh.Coordinates, fileDims: [(ulong)mesh.NodeCount, 2]),
            ["topology"] = new H5Dataset(Long(mesh.Cells), fileDims: [(ulong)mesh.CellCount, 3]),
            ["boundary_facets"] = new H5Dataset(Long(mesh.BoundaryFacets), fileDims: [(ulong)mesh.BoundaryFacetCount, 2]),
            ["boundary_facet_parts"] = new H5Dataset(Long(mesh.BoundaryFacetParts), fileDims: [(ulong)mesh.BoundaryFacetCount])
            {
                Attributes = { ["part_names"] = mesh.PartNames.ToArray() },
            },
            ["cell_tags"] = new H5Dataset(new long[] { 0, 0 }, fileDims: [2]) { Attributes = { ["subdomain_names"] = new[] { "domain" } } },
        };
        meshGroup.Attributes["cell_type"] = "Triangle";
        meshGroup.Attributes["geometric_dimension"] = 2;
        string path = Stem() + ".h5";
        new H5File { ["Mesh"] = new H5Group { ["mesh"] = meshGroup } }.Write(path);
        var error = Assert.Throws<InvalidDataException>(() => FieldFile.Read(path));
        Assert.That(error!.Message, Is.EqualTo($"{path}: dataset /Mesh/mesh/cell_tags has shape (2); expected (126)"));
    }

    private static string? FindUpwards(string folder, string relative)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
