using PdeNet.Geometry.Meshes;
using PureHDF;

namespace PdeNet.Core.Fields;

/// <summary>Builds the in-memory HDF5 tree of a field file (layout in docs/hdf5-layout.md).</summary>
internal static class FieldFileHdf5Writer
{
    /// <summary>The file: root attributes, <c>/Mesh/mesh</c> and <c>/Function</c>.</summary>
    /// <param name="mesh">The mesh every field lives on.</param>
    /// <param name="series">The fields, grouped by name.</param>
    /// <param name="rootAttributes">Root attributes, already checked and converted.</param>
    public static H5File Build(Mesh mesh, IReadOnlyList<FieldSeries> series, IReadOnlyDictionary<string, object> rootAttributes)
    {
        var file = new H5File
        {
            ["Mesh"] = new H5Group { ["mesh"] = MeshGroup(mesh) },
            ["Function"] = FunctionGroup(series),
        };
        foreach (var (key, value) in rootAttributes) file.Attributes[key] = value;
        return file;
    }

    private static H5Group MeshGroup(Mesh mesh)
    {
        int width = FieldFileLayout.GeometryWidth(mesh.GeometricDimension);
        var parts = Matrix(mesh.BoundaryFacetParts.Select(p => (long)p).ToArray(), mesh.BoundaryFacetCount);
        parts.Attributes[FieldFileLayout.PartNamesAttribute] = mesh.PartNames.ToArray();
        var group = new H5Group
        {
            ["geometry"] = Matrix(FieldFileLayout.Reshape(mesh.Coordinates, mesh.GeometricDimension, width), mesh.NodeCount, width),
            ["topology"] = Matrix(ToLong(mesh.Cells), mesh.CellCount, mesh.NodesPerCell),
            ["boundary_facets"] = Matrix(ToLong(mesh.BoundaryFacets), mesh.BoundaryFacetCount, mesh.NodesPerFacet),
            ["boundary_facet_parts"] = parts,
        };
        group.Attributes[FieldFileLayout.CellTypeAttribute] = mesh.CellType.ToString();
        group.Attributes[FieldFileLayout.GeometricDimensionAttribute] = mesh.GeometricDimension;
        if (mesh.CellTags is { } tags)
        {
            var cellTags = Matrix(ToLong(tags), mesh.CellCount);
            cellTags.Attributes[FieldFileLayout.SubdomainNamesAttribute] = mesh.SubdomainNames.ToArray();
            group["cell_tags"] = cellTags;
        }
        if (mesh.Grid is { } grid)
        {
            group["grid"] = new H5Group
            {
                [FieldFileLayout.GridOrigin] = Matrix(grid.Origin.ToArray(), grid.Dimension),
                [FieldFileLayout.GridSpacing] = Matrix(grid.Spacing.ToArray(), grid.Dimension),
                [FieldFileLayout.GridCounts] = Matrix(ToLong(grid.Counts), grid.Dimension),
            };
        }
        return group;
    }

    private static H5Group FunctionGroup(IReadOnlyList<FieldSeries> series)
    {
        var functions = new H5Group();
        foreach (var s in series)
        {
            int width = FieldFileLayout.StoredWidth(s.Components);
            var group = new H5Group();
            group.Attributes[FieldFileLayout.UnitsAttribute] = s.Units;
            group.Attributes[FieldFileLayout.ComponentsAttribute] = s.Components;
            foreach (var (key, value) in s.Attributes) group.Attributes[key] = value;
            foreach (var field in s.Steps)
            {
                var values = Matrix(FieldFileLayout.Reshape(field.Values, s.Components, width), field.Mesh.NodeCount, width);
                values.Attributes[FieldFileLayout.TimeAttribute] = field.Time + 0.0;
                group[FieldFileLayout.TimeKey(field.Time)] = values;
            }
            functions[s.Name] = group;
        }
        return functions;
    }

    /// <summary>A dataset of shape (<paramref name="rows"/>) or (rows, <paramref name="columns"/>) from row-major values.</summary>
    private static H5Dataset Matrix<T>(T[] values, int rows, int? columns = null) =>
        new(values, fileDims: columns is { } c ? [(ulong)rows, (ulong)c] : [(ulong)rows]);

    private static long[] ToLong(int[] values) => values.Select(v => (long)v).ToArray();
}
