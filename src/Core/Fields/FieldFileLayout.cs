using System.Globalization;

namespace PdeNet.Core.Fields;

/// <summary>
/// Names and shapes of the field file layout (docs/hdf5-layout.md), shared by the HDF5 writer,
/// the XDMF writer and the reader so that the three cannot drift apart.
/// </summary>
internal static class FieldFileLayout
{
    /// <summary>Group holding the mesh, named as DOLFINx names it.</summary>
    public const string MeshGroup = "/Mesh/mesh";

    /// <summary>Node coordinates, float64 (nodes, max(gdim, 2)).</summary>
    public const string GeometryDataset = MeshGroup + "/geometry";

    /// <summary>Cell nodes, int64 (cells, nodes per cell).</summary>
    public const string TopologyDataset = MeshGroup + "/topology";

    /// <summary>Boundary facet nodes, int64 (facets, nodes per facet).</summary>
    public const string BoundaryFacets = MeshGroup + "/boundary_facets";

    /// <summary>Boundary part index per facet, int64 (facets).</summary>
    public const string BoundaryFacetParts = MeshGroup + "/boundary_facet_parts";

    /// <summary>Subdomain index per cell, int64 (cells); present only for a mesh with cell tags.</summary>
    public const string CellTagsDataset = MeshGroup + "/cell_tags";

    /// <summary>Group present only for a mesh with a grid: origin, spacing and counts datasets.</summary>
    public const string GridGroup = MeshGroup + "/grid";

    /// <summary>Group with one subgroup per field name, one dataset per time inside.</summary>
    public const string FunctionGroup = "/Function";

    /// <summary>Attribute of <see cref="MeshGroup"/>: the <see cref="PdeNet.Geometry.Meshes.CellType"/> name.</summary>
    public const string CellTypeAttribute = "cell_type";

    /// <summary>Attribute of <see cref="MeshGroup"/>: gdim, which the geometry width hides for 1D meshes.</summary>
    public const string GeometricDimensionAttribute = "geometric_dimension";

    /// <summary>Attribute of <see cref="BoundaryFacetParts"/>: the part names the indices refer to.</summary>
    public const string PartNamesAttribute = "part_names";

    /// <summary>Attribute of <see cref="CellTagsDataset"/>: the subdomain names the tags refer to.</summary>
    public const string SubdomainNamesAttribute = "subdomain_names";

    /// <summary>Name of the cell-centred XDMF attribute that shows the cell tags in ParaView.</summary>
    public const string SubdomainXdmfName = "subdomain";

    /// <summary>Attribute of a field group: the unit of the values.</summary>
    public const string UnitsAttribute = "units";

    /// <summary>Attribute of a field group: components per node before padding.</summary>
    public const string ComponentsAttribute = "components";

    /// <summary>Attribute of a field dataset: its time, exactly.</summary>
    public const string TimeAttribute = "time";

    /// <summary>Root attribute: the writing assembly's informational version.</summary>
    public const string VersionAttribute = "pdenet_version";

    /// <summary>Root attribute: UTC time of writing, ISO-8601.</summary>
    public const string CreatedAttribute = "created";

    /// <summary>Grid dataset names inside <see cref="GridGroup"/>.</summary>
    public const string GridOrigin = "origin", GridSpacing = "spacing", GridCounts = "counts";

    /// <summary>Root attributes every file carries; user metadata may not use these keys.</summary>
    public static readonly IReadOnlySet<string> ReservedRootAttributes = new HashSet<string> { VersionAttribute, CreatedAttribute };

    /// <summary>Field group attributes the layout uses; field attributes may not use these keys.</summary>
    public static readonly IReadOnlySet<string> ReservedFieldAttributes = new HashSet<string> { UnitsAttribute, ComponentsAttribute };

    /// <summary>The time as text: shortest round-trip form, invariant culture, -0 written as 0.</summary>
    public static string TimeText(double time) => (time + 0.0).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The dataset name of a time, DOLFINx style: '.' replaced by '_' (0.5 gives "0_5").</summary>
    public static string TimeKey(double time) => TimeText(time).Replace('.', '_');

    /// <summary>The HDF5 path of the values of field <paramref name="name"/> at <paramref name="time"/>.</summary>
    public static string FieldPath(string name, double time) => $"{FunctionGroup}/{name}/{TimeKey(time)}";

    /// <summary>Columns of the geometry dataset: XDMF has no 1D geometry, so 1D is padded to XY.</summary>
    public static int GeometryWidth(int geometricDimension) => Math.Max(geometricDimension, 2);

    /// <summary>Columns of a field dataset: 2-vectors are padded to 3 so ParaView sees vectors.</summary>
    public static int StoredWidth(int components) => components == 2 ? 3 : components;

    /// <summary>The XDMF AttributeType for a field with <paramref name="components"/> components.</summary>
    public static string XdmfAttributeType(int components) => components switch
    {
        1 => "Scalar",
        2 or 3 => "Vector",
        _ => "Matrix",
    };

    /// <summary>
    /// Copies a row-major (rows, width) array into (rows, <paramref name="targetWidth"/>): columns
    /// beyond the source width become 0, columns beyond the target width are dropped.
    /// </summary>
    public static double[] Reshape(double[] values, int width, int targetWidth)
    {
        if (width == targetWidth) return values.ToArray();
        int rows = values.Length / width, shared = Math.Min(width, targetWidth);
        var result = new double[rows * targetWidth];
        for (int r = 0; r < rows; r++)
        {
            Array.Copy(values, r * width, result, r * targetWidth, shared);
        }
        return result;
    }
}
