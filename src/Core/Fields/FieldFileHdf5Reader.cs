using System.Globalization;
using PdeNet.Geometry.Meshes;
using PureHDF;
using PureHDF.VOL.Native;
using static PdeNet.Core.Fields.FieldFileLayout;

namespace PdeNet.Core.Fields;

/// <summary>
/// Reads the HDF5 file of a field file back into a mesh, fields and metadata, checking names,
/// types and shapes; every error names the file and what is missing or malformed.
/// </summary>
internal sealed class FieldFileHdf5Reader
{
    private readonly NativeFile _file;
    private readonly string _path;

    private FieldFileHdf5Reader(NativeFile file, string path)
    {
        _file = file;
        _path = path;
    }

    /// <summary>Reads the HDF5 file at <paramref name="hdf5Path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="hdf5Path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not HDF5 or does not hold a valid field file.</exception>
    public static FieldFileContents Read(string hdf5Path)
    {
        if (!File.Exists(hdf5Path)) throw new FileNotFoundException($"{hdf5Path}: no such file", hdf5Path);
        NativeFile file;
        try
        {
            file = H5File.OpenRead(hdf5Path);
        }
        catch (Exception e) when (e is not (IOException or UnauthorizedAccessException))
        {
            throw new InvalidDataException($"{hdf5Path}: not a readable HDF5 file ({e.Message})", e);
        }
        using (file)
        {
            var reader = new FieldFileHdf5Reader(file, hdf5Path);
            try
            {
                var mesh = reader.ReadMesh();
                var fields = reader.ReadFields(mesh);
                var (metadata, version, created) = reader.ReadRootAttributes();
                return new FieldFileContents(mesh, fields, metadata, version, created);
            }
            catch (Exception e) when (e is not (InvalidDataException or IOException or OutOfMemoryException))
            {
                throw reader.Error($"cannot be read ({e.Message})", e);
            }
        }
    }

    private Mesh ReadMesh()
    {
        var meshGroup = Object<IH5Group>(MeshGroup, "group");
        string cellTypeName = Attribute<string>(meshGroup, MeshGroup, CellTypeAttribute);
        if (!Enum.GetNames<CellType>().Contains(cellTypeName) || !Enum.TryParse<CellType>(cellTypeName, out var cellType))
            throw Error($"attribute {CellTypeAttribute} of {MeshGroup} is '{cellTypeName}'; known cell types: {string.Join(", ", Enum.GetNames<CellType>())}");
        int gdim = Attribute<int>(meshGroup, MeshGroup, GeometricDimensionAttribute);
        if (gdim is < 1 or > 3) throw Error($"attribute {GeometricDimensionAttribute} of {MeshGroup} is {gdim}; it must be 1, 2 or 3");

        int width = GeometryWidth(gdim);
        var geometry = Floats(GeometryDataset, null, width);
        var cells = Indices(TopologyDataset, null, cellType.NodeCount());
        var facets = Indices(BoundaryFacets, null, cellType.FacetNodeCount());
        int facetCount = facets.Length / cellType.FacetNodeCount();
        var parts = Indices(BoundaryFacetParts, facetCount, null);
        var partsDataset = Object<IH5Dataset>(BoundaryFacetParts, "dataset");
        var partNames = StringArrayAttribute(partsDataset, BoundaryFacetParts, PartNamesAttribute);
        var grid = _file.LinkExists(GridGroup) ? ReadGrid() : null;
        int[]? cellTags = null;
        string[] subdomainNames = [];
        if (_file.LinkExists(CellTagsDataset))
        {
            cellTags = Indices(CellTagsDataset, cells.Length / cellType.NodeCount(), null);
            subdomainNames = StringArrayAttribute(Object<IH5Dataset>(CellTagsDataset, "dataset"), CellTagsDataset, SubdomainNamesAttribute);
        }
        try
        {
            return new Mesh(cellType, gdim, Reshape(geometry, width, gdim), cells, facets, parts, partNames, grid, cellTags, subdomainNames);
        }
        catch (ArgumentException e)
        {
            throw Error($"the mesh in {MeshGroup} is inconsistent: {e.Message}", e);
        }
    }

    private Grid ReadGrid()
    {
        var counts = Indices($"{GridGroup}/{GridCounts}", null, null);
        var origin = Floats($"{GridGroup}/{GridOrigin}", counts.Length, null);
        var spacing = Floats($"{GridGroup}/{GridSpacing}", counts.Length, null);
        return new Grid(origin, spacing, counts);
    }

    private List<Field> ReadFields(Mesh mesh)
    {
        var fields = new List<Field>();
        if (!_file.LinkExists(FunctionGroup)) return fields;
        foreach (var child in Object<IH5Group>(FunctionGroup, "group").Children())
        {
            string groupPath = $"{FunctionGroup}/{child.Name}";
            if (child is not IH5Group group) throw Error($"{groupPath} is not a group");
            string units = "";
            int? components = null;
            var attributes = new Dictionary<string, object>();
            foreach (var attribute in group.Attributes())
            {
                var value = Value(attribute, groupPath);
                if (attribute.Name == UnitsAttribute) units = value as string ?? throw Error($"attribute {UnitsAttribute} of {groupPath} is not a string");
                else if (attribute.Name == ComponentsAttribute) components = value as int? ?? throw Error($"attribute {ComponentsAttribute} of {groupPath} is not an int32");
                else attributes[attribute.Name] = value;
            }
            foreach (var step in group.Children())
            {
                string path = $"{groupPath}/{step.Name}";
                if (step is not IH5Dataset) throw Error($"{path} is not a dataset");
                var stored = Floats(path, 2, mesh.NodeCount, null, out int width);
                int c = components ?? width;
                if (c < 1 || c > width) throw Error($"{path} has {width} columns, but attribute {ComponentsAttribute} of {groupPath} is {c}");
                try
                {
                    fields.Add(new Field(child.Name, mesh, Reshape(stored, width, c), c, TimeOf(step, path), units, attributes));
                }
                catch (ArgumentException e)
                {
                    throw Error($"{path} is not a valid field: {e.Message}", e);
                }
            }
        }
        return fields.OrderBy(f => f.Time).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private double TimeOf(IH5Object dataset, string path)
    {
        if (dataset.AttributeExists(TimeAttribute)) return Attribute<double>(dataset, path, TimeAttribute);
        if (double.TryParse(dataset.Name.Replace('_', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out double time)) return time;
        throw Error($"{path} has no attribute {TimeAttribute}, and its name is not a time");
    }

    private (Dictionary<string, object> Metadata, string Version, DateTimeOffset Created) ReadRootAttributes()
    {
        var metadata = new Dictionary<string, object>();
        foreach (var attribute in _file.Attributes())
        {
            if (!ReservedRootAttributes.Contains(attribute.Name)) metadata[attribute.Name] = Value(attribute, "/");
        }
        string version = Attribute<string>(_file, "/", VersionAttribute);
        string createdText = Attribute<string>(_file, "/", CreatedAttribute);
        if (!DateTimeOffset.TryParse(createdText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
            throw Error($"attribute {CreatedAttribute} of / is '{createdText}', not an ISO-8601 time");
        return (metadata, version, created.ToUniversalTime());
    }

    /// <summary>The object at <paramref name="path"/>, which must exist and be a <typeparamref name="T"/>.</summary>
    private T Object<T>(string path, string kind) where T : class
    {
        if (!_file.LinkExists(path)) throw Error($"no {kind} {path}");
        return _file.Get(path) as T ?? throw Error($"{path} is not a {kind}");
    }

    /// <summary>A float64 dataset of rank 1 (<paramref name="columns"/> null) or 2; null sizes are not checked.</summary>
    private double[] Floats(string path, int? rows, int? columns) => Floats(path, columns is null ? 1 : 2, rows, columns, out _);

    private double[] Floats(string path, int rank, int? rows, int? columns, out int width)
    {
        var dataset = Shaped(path, H5DataTypeClass.FloatingPoint, "float64", rank, rows, columns, out width);
        if (dataset.Type.Size != 8) throw Error($"dataset {path} holds {8 * dataset.Type.Size}-bit floats; expected float64");
        return dataset.Read<double[]>();
    }

    /// <summary>An int64 (or int32) dataset of rank 1 (<paramref name="columns"/> null) or 2, as int.</summary>
    private int[] Indices(string path, int? rows, int? columns)
    {
        var dataset = Shaped(path, H5DataTypeClass.FixedPoint, "int64", columns is null ? 1 : 2, rows, columns, out _);
        long[] values = dataset.Type.Size switch
        {
            8 => dataset.Read<long[]>(),
            4 => dataset.Read<int[]>().Select(v => (long)v).ToArray(),
            _ => throw Error($"dataset {path} holds {8 * dataset.Type.Size}-bit integers; expected int64"),
        };
        int bad = Array.FindIndex(values, v => v is < int.MinValue or > int.MaxValue);
        if (bad >= 0) throw Error($"dataset {path} holds {values[bad]} at flat index {bad}, beyond the 32-bit range");
        return values.Select(v => (int)v).ToArray();
    }

    /// <summary>
    /// The dataset at <paramref name="path"/> after checking its type class, its rank and the
    /// sizes that are given; <paramref name="width"/> is its column count (1 for rank 1).
    /// </summary>
    private IH5Dataset Shaped(string path, H5DataTypeClass type, string typeName, int rank, int? rows, int? columns, out int width)
    {
        var dataset = Object<IH5Dataset>(path, "dataset");
        if (dataset.Type.Class != type) throw Error($"dataset {path} has type {dataset.Type.Class}; expected {typeName}");
        var dims = dataset.Space.Dimensions;
        if (dataset.Space.Type != H5DataspaceType.Simple || dims.Length != rank
            || (rows is { } r && dims[0] != (ulong)r) || (rank == 2 && columns is { } c && dims[1] != (ulong)c))
        {
            string Size(int? n, string symbol) => n?.ToString(CultureInfo.InvariantCulture) ?? symbol;
            string expected = rank == 1 ? $"({Size(rows, "n")})" : $"({Size(rows, "n")}, {Size(columns, "m")})";
            throw Error($"dataset {path} has shape ({string.Join(", ", dims)}); expected {expected}");
        }
        width = rank == 2 ? (int)dims[1] : 1;
        return dataset;
    }

    private T Attribute<T>(IH5Object owner, string ownerPath, string name)
    {
        if (!owner.AttributeExists(name)) throw Error($"no attribute {name} on {ownerPath}");
        return Value(owner.Attribute(name), ownerPath) is T value ? value : throw Error($"attribute {name} of {ownerPath} is not a {typeof(T).Name}");
    }

    private string[] StringArrayAttribute(IH5Object owner, string ownerPath, string name)
    {
        if (!owner.AttributeExists(name)) throw Error($"no attribute {name} on {ownerPath}");
        var attribute = owner.Attribute(name);
        if (attribute.Type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength) || attribute.Space.Rank != 1)
            throw Error($"attribute {name} of {ownerPath} is not a 1-D string array");
        return attribute.Read<string[]>();
    }

    private object Value(IH5Attribute attribute, string ownerPath) =>
        MetadataValue.FromStored(attribute, out string problem) ?? throw Error($"attribute {attribute.Name} of {ownerPath} {problem}");

    private InvalidDataException Error(string what, Exception? inner = null) => new($"{_path}: {what}", inner);
}
