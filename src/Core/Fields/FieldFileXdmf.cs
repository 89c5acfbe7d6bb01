using System.Text;
using System.Xml;
using System.Xml.Linq;
using PdeNet.Geometry.Meshes;

namespace PdeNet.Core.Fields;

/// <summary>
/// Builds the XDMF 3 index of a field file, in the form DOLFINx writes: a Uniform grid named
/// "mesh" holding Topology and Geometry, and a Temporal collection whose steps include them by
/// XPointer and carry a Time and one node-centred Attribute per field present at that time.
/// A mesh with cell tags also gets a cell-centred scalar Attribute "subdomain", on the mesh grid
/// and on every step. Heavy data is referenced as <c>&lt;h5 file name&gt;:&lt;dataset path&gt;</c>,
/// relative to the .xdmf.
/// </summary>
internal static class FieldFileXdmf
{
    /// <summary>The XInclude namespace the steps use to include the mesh.</summary>
    public static readonly XNamespace XInclude = "http://www.w3.org/2001/XInclude";

    /// <summary>What each step includes: the mesh grid's Topology and Geometry.</summary>
    public const string MeshPointer = "xpointer(/Xdmf/Domain/Grid[@GridType='Uniform'][1]/*[self::Topology or self::Geometry])";

    /// <summary>The XDMF document.</summary>
    /// <param name="mesh">The mesh of all fields.</param>
    /// <param name="series">The fields, grouped by name.</param>
    /// <param name="hdf5FileName">File name (no folder) of the HDF5 file, resolved beside the .xdmf.</param>
    public static XDocument Build(Mesh mesh, IReadOnlyList<FieldSeries> series, string hdf5FileName)
    {
        var meshGrid = new XElement("Grid", new XAttribute("Name", "mesh"), new XAttribute("GridType", "Uniform"),
            new XElement("Topology",
                new XAttribute("TopologyType", mesh.CellType.XdmfName()),
                new XAttribute("NumberOfElements", mesh.CellCount),
                new XAttribute("NodesPerElement", mesh.NodesPerCell),
                DataItem(hdf5FileName, FieldFileLayout.TopologyDataset, mesh.CellCount, mesh.NodesPerCell, "Int")),
            new XElement("Geometry",
                new XAttribute("GeometryType", mesh.GeometricDimension == 3 ? "XYZ" : "XY"),
                DataItem(hdf5FileName, FieldFileLayout.GeometryDataset, mesh.NodeCount, FieldFileLayout.GeometryWidth(mesh.GeometricDimension), "Float")),
            Subdomains(mesh, hdf5FileName));

        var steps = FieldSeries.Times(series).Select((time, index) =>
            new XElement("Grid", new XAttribute("Name", $"step_{index}"), new XAttribute("GridType", "Uniform"),
                new XElement(XInclude + "include", new XAttribute("xpointer", MeshPointer)),
                new XElement("Time", new XAttribute("Value", FieldFileLayout.TimeText(time))),
                Subdomains(mesh, hdf5FileName),
                series.Select(s => s.At(time)).OfType<Field>().Select(field => Attribute(field, hdf5FileName))));

        var root = new XElement("Xdmf", new XAttribute("Version", "3.0"), new XAttribute(XNamespace.Xmlns + "xi", XInclude.NamespaceName),
            new XElement("Domain", meshGrid,
                new XElement("Grid", new XAttribute("Name", "fields"), new XAttribute("GridType", "Collection"), new XAttribute("CollectionType", "Temporal"),
                    steps)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XDocumentType("Xdmf", null, "Xdmf.dtd", ""), root);
    }

    /// <summary>Writes <paramref name="document"/> to <paramref name="path"/> as indented UTF-8 without a byte order mark.</summary>
    public static void Save(XDocument document, string path)
    {
        using var text = new StreamWriter(path, append: false, new UTF8Encoding(false));
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, IndentChars = "  " }))
        {
            document.Save(writer);
        }
        text.WriteLine();
    }

    private static XElement Attribute(Field field, string hdf5FileName) =>
        new("Attribute",
            new XAttribute("Name", field.Name),
            new XAttribute("AttributeType", FieldFileLayout.XdmfAttributeType(field.Components)),
            new XAttribute("Center", "Node"),
            DataItem(hdf5FileName, FieldFileLayout.FieldPath(field.Name, field.Time), field.Mesh.NodeCount,
                FieldFileLayout.StoredWidth(field.Components), "Float"));

    /// <summary>The cell tags as a cell-centred scalar, or null for a mesh without them.</summary>
    private static XElement? Subdomains(Mesh mesh, string hdf5FileName) =>
        mesh.CellTags is null
            ? null
            : new("Attribute",
                new XAttribute("Name", FieldFileLayout.SubdomainXdmfName),
                new XAttribute("AttributeType", "Scalar"),
                new XAttribute("Center", "Cell"),
                DataItem(hdf5FileName, FieldFileLayout.CellTagsDataset, mesh.CellCount, null, "Int"));

    /// <summary>A reference to an HDF5 dataset of shape (rows) or (rows, columns).</summary>
    private static XElement DataItem(string hdf5FileName, string dataset, int rows, int? columns, string numberType) =>
        new("DataItem",
            new XAttribute("Dimensions", columns is { } c ? $"{rows} {c}" : $"{rows}"),
            new XAttribute("NumberType", numberType),
            new XAttribute("Precision", 8),
            new XAttribute("Format", "HDF"),
            $"{hdf5FileName}:{dataset}");
}
