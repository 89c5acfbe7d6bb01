using System.Reflection;
using PdeNet.Core.Fields;
using PdeNet.Core.IO;
using PureHDF;
using PureHDF.VOL.Native;

namespace PdeNet.Operators.Data;

/// <summary>
/// Reads and writes <see cref="OperatorDataset"/>s as HDF5 in PDEBench's conventions
/// (docs/datasets.md): the output as <c>tensor</c> (N, T, n_1, ..., n_d), each input field under
/// its name (N, n_1, ..., n_d), <c>x-coordinate</c>, <c>y-coordinate</c>, <c>t-coordinate</c>,
/// <c>sample-index</c> (N) and the generating configuration as root attributes. All floats are
/// float64. Files are written atomically (temporary file, then rename).
/// </summary>
public static class OperatorDatasetFile
{
    /// <summary>Value of the root attribute <c>format</c>.</summary>
    public const string Format = "pdenet-operator-dataset";

    /// <summary>Version of the layout, root attribute <c>format_version</c>.</summary>
    public const long FormatVersion = 1;

    /// <summary>The output dataset's name (PDEBench's).</summary>
    public const string OutputDataset = "tensor";

    /// <summary>The dataset of generator sample indices.</summary>
    public const string SampleIndexDataset = "sample-index";

    /// <summary>The t-coordinate dataset.</summary>
    public const string TimeDataset = "t-coordinate";

    private static readonly HashSet<string> LayoutAttributes = ["format", "format_version", "inputs", "output", "pdenet_version"];

    /// <summary>The coordinate dataset of <paramref name="axis"/>: x-coordinate, y-coordinate, z-coordinate.</summary>
    public static string CoordinateDataset(int axis) => $"{"xyz"[axis]}-coordinate";

    /// <summary>Writes <paramref name="dataset"/> to <paramref name="path"/> (replacing it atomically).</summary>
    /// <exception cref="ArgumentException">A field or attribute name clashes with the layout, or an attribute has an unsupported type.</exception>
    public static void Write(string path, OperatorDataset dataset)
    {
        var reserved = new HashSet<string>([OutputDataset, SampleIndexDataset, TimeDataset, "x-coordinate", "y-coordinate", "z-coordinate"]);
        foreach (var name in dataset.InputNames)
        {
            if (reserved.Contains(name) || name.Contains('/') || name.Length == 0) throw new ArgumentException($"input name '{name}' clashes with the data-set layout", nameof(dataset));
        }
        var attributes = MetadataValue.ToStored(dataset.Attributes, "data-set attribute", LayoutAttributes, nameof(dataset));
        ulong n = (ulong)dataset.Count;
        var grid = dataset.GridShape.Select(s => (ulong)s).ToArray();
        var file = new H5File
        {
            [OutputDataset] = new H5Dataset(dataset.Outputs.ToArray(), fileDims: [n, (ulong)dataset.Times.Count, .. grid]),
            [TimeDataset] = new H5Dataset(dataset.Times.ToArray(), fileDims: [(ulong)dataset.Times.Count]),
            [SampleIndexDataset] = new H5Dataset(dataset.SampleIndices.ToArray(), fileDims: [n]),
        };
        for (int k = 0; k < dataset.Dimension; k++) file[CoordinateDataset(k)] = new H5Dataset(dataset.Coordinates[k].ToArray(), fileDims: [grid[k]]);
        for (int c = 0; c < dataset.InputNames.Count; c++) file[dataset.InputNames[c]] = new H5Dataset(dataset.Inputs(c).ToArray(), fileDims: [n, .. grid]);
        file.Attributes["format"] = Format;
        file.Attributes["format_version"] = FormatVersion;
        file.Attributes["inputs"] = string.Join(",", dataset.InputNames);
        file.Attributes["output"] = dataset.OutputName;
        file.Attributes["pdenet_version"] = typeof(OperatorDatasetFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
        foreach (var (key, value) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal)) file.Attributes[key] = value;
        AtomicFile.Write(path, temporary => file.Write(temporary));
    }

    /// <summary>Reads the data set at <paramref name="path"/>, optionally keeping every <paramref name="stride"/>-th grid point.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a PdeNet operator data set, or a shape is wrong; the message names the file.</exception>
    public static OperatorDataset Read(string path, int stride = 1)
    {
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride), stride, "the stride must be at least 1");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        NativeFile file;
        try
        {
            file = H5File.OpenRead(path);
        }
        catch (Exception e) when (e is not (IOException or UnauthorizedAccessException))
        {
            throw new InvalidDataException($"{path}: not a readable HDF5 file ({e.Message})", e);
        }
        using (file)
        {
            try
            {
                return ReadContents(file, path).Subsample(stride);
            }
            catch (Exception e) when (e is not (InvalidDataException or IOException or OutOfMemoryException))
            {
                throw new InvalidDataException($"{path}: cannot be read as an operator data set ({e.Message})", e);
            }
        }
    }

    /// <summary>Reads the data set at <paramref name="path"/> and checks that <paramref name="problem"/> generated it (root attribute <c>problem</c>).</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Not a data set, or one of another problem; the message names the file and both problems.</exception>
    public static OperatorDataset Read(string path, string problem, int stride = 1)
    {
        var data = Read(path, stride);
        string found = data.Attributes.GetValueOrDefault("problem") as string ?? "an unnamed problem";
        if (found != problem) throw new InvalidDataException($"{path} holds a data set of '{found}', not of '{problem}'");
        return data;
    }

    private static OperatorDataset ReadContents(NativeFile file, string path)
    {
        InvalidDataException Error(string what) => new($"{path}: {what}");
        var attributes = new Dictionary<string, object>();
        foreach (var attribute in file.Attributes())
        {
            attributes[attribute.Name] = MetadataValue.FromStored(attribute, out string problem) ?? throw Error($"root attribute {attribute.Name} {problem}");
        }
        if (!attributes.TryGetValue("format", out var format) || format as string != Format)
            throw Error($"not a PdeNet operator data set (root attribute format is '{format ?? "missing"}', expected '{Format}')");
        if (attributes.GetValueOrDefault("format_version") is not long version || version > FormatVersion)
            throw Error($"data-set layout version {attributes.GetValueOrDefault("format_version")} is newer than this reader ({FormatVersion})");
        string[] inputNames = (attributes["inputs"] as string ?? throw Error("attribute inputs is not a string")).Split(',');
        string outputName = attributes["output"] as string ?? throw Error("attribute output is not a string");

        IH5Dataset Dataset(string name)
        {
            if (!file.LinkExists(name)) throw Error($"no dataset /{name}");
            return file.Get(name) as IH5Dataset ?? throw Error($"/{name} is not a dataset");
        }
        double[] Floats(string name, ulong[] expected)
        {
            var dataset = Dataset(name);
            var dims = dataset.Space.Dimensions;
            if (!dims.SequenceEqual(expected)) throw Error($"dataset /{name} has shape ({string.Join(", ", dims)}); expected ({string.Join(", ", expected)})");
            if (dataset.Type.Class != H5DataTypeClass.FloatingPoint) throw Error($"dataset /{name} is not floating point");
            return dataset.Type.Size == 8 ? dataset.Read<double[]>() : dataset.Read<float[]>().Select(v => (double)v).ToArray();
        }

        var indexSet = Dataset(SampleIndexDataset);
        if (indexSet.Space.Rank != 1 || indexSet.Type.Class != H5DataTypeClass.FixedPoint || indexSet.Type.Size != 8) throw Error($"dataset /{SampleIndexDataset} must be a 1-D int64 array");
        long[] indices = indexSet.Read<long[]>();
        ulong n = (ulong)indices.Length;
        var coordinates = new List<double[]>();
        for (int k = 0; k < 3 && file.LinkExists(CoordinateDataset(k)); k++)
        {
            var dims = Dataset(CoordinateDataset(k)).Space.Dimensions;
            if (dims.Length != 1) throw Error($"dataset /{CoordinateDataset(k)} must be 1-D");
            coordinates.Add(Floats(CoordinateDataset(k), dims));
        }
        if (coordinates.Count == 0) throw Error("no dataset /x-coordinate");
        var grid = coordinates.Select(c => (ulong)c.Length).ToArray();
        var timeDims = Dataset(TimeDataset).Space.Dimensions;
        if (timeDims.Length != 1) throw Error($"dataset /{TimeDataset} must be 1-D");
        var times = Floats(TimeDataset, timeDims);
        var outputs = Floats(OutputDataset, [n, (ulong)times.Length, .. grid]);
        var inputs = inputNames.Select(name => Floats(name, [n, .. grid])).ToArray();
        foreach (var key in LayoutAttributes) attributes.Remove(key);
        return new OperatorDataset(coordinates.ToArray(), times, inputNames, inputs, outputName, outputs, indices, attributes);
    }

    /// <summary>
    /// Merges shards generated apart (same problem, resolution, seed and settings, disjoint sample
    /// ranges) into one data set ordered by sample index, written to <paramref name="output"/>: the
    /// same file one run over the whole range would have written.
    /// </summary>
    /// <returns>The merged data set.</returns>
    /// <exception cref="InvalidDataException">The shards differ in their settings, overlap, or leave a gap; the message names the files.</exception>
    public static OperatorDataset Merge(IReadOnlyList<string> shards, string output)
    {
        if (shards.Count == 0) throw new ArgumentException("give at least one shard to merge", nameof(shards));
        var parts = shards.Select(path => (Path: path, Data: Read(path))).OrderBy(p => p.Data.SampleIndices.FirstOrDefault()).ToList();
        var merged = Combine(parts, $"merging into {output}");
        Write(output, merged);
        return merged;
    }

    /// <summary>Attributes that differ between shards of one data set.</summary>
    internal static readonly HashSet<string> RangeAttributes = ["first_sample", "samples"];

    /// <summary>
    /// Concatenates <paramref name="parts"/> (sorted by first sample index) after checking that they
    /// form one contiguous range with equal settings, and sets first_sample and samples.
    /// </summary>
    internal static OperatorDataset Combine(IReadOnlyList<(string Path, OperatorDataset Data)> parts, string context)
    {
        var first = parts[0];
        foreach (var part in parts.Skip(1))
        {
            string? difference = first.Data.DifferenceTo(part.Data, RangeAttributes);
            if (difference is not null) throw new InvalidDataException($"{context}: {part.Path} does not match {first.Path} ({difference})");
        }
        long expected = first.Data.SampleIndices.FirstOrDefault();
        foreach (var (path, data) in parts)
        {
            foreach (long index in data.SampleIndices)
            {
                if (index != expected)
                    throw new InvalidDataException(index < expected
                        ? $"{context}: {path} repeats sample {index}; the shards overlap"
                        : $"{context}: samples {expected} to {index - 1} are missing before {path}");
                expected++;
            }
        }
        var merged = OperatorDataset.Concatenate(parts.Select(p => p.Data).ToList(), RangeAttributes);
        var attributes = new Dictionary<string, object>(merged.Attributes)
        {
            ["first_sample"] = merged.SampleIndices.FirstOrDefault(),
            ["samples"] = (long)merged.Count,
        };
        return new OperatorDataset(merged.Coordinates.ToArray(), merged.Times.ToArray(), merged.InputNames,
            Enumerable.Range(0, merged.InputNames.Count).Select(c => merged.Inputs(c).ToArray()).ToArray(),
            merged.OutputName, merged.Outputs.ToArray(), merged.SampleIndices.ToArray(), attributes);
    }
}
