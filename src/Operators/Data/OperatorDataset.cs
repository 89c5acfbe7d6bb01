namespace PdeNet.Operators.Data;

/// <summary>
/// An operator-learning data set in memory: N samples of input fields and one output field on a
/// shared tensor grid. Every array is row-major with the first axis slowest: input c of sample s
/// has shape (n_1, ..., n_d), the output of sample s has shape (T, n_1, ..., n_d) with T output
/// times (T = 1 for a steady problem). The HDF5 form is written and read by
/// <see cref="OperatorDatasetFile"/> (layout in docs/datasets.md).
/// </summary>
public sealed class OperatorDataset
{
    private readonly double[][] _inputs;
    private readonly double[] _outputs;

    /// <summary>Creates a data set, checking every shape.</summary>
    /// <param name="coordinates">Grid coordinates along each of the d axes (x, then y).</param>
    /// <param name="times">The T output times (t-coordinate).</param>
    /// <param name="inputNames">Names of the input fields, in channel order.</param>
    /// <param name="inputs">One array per input, shape (N, n_1, ..., n_d).</param>
    /// <param name="outputName">Name of the output field.</param>
    /// <param name="outputs">Shape (N, T, n_1, ..., n_d).</param>
    /// <param name="sampleIndices">The generator's index i of each of the N samples.</param>
    /// <param name="attributes">Generation attributes (problem, configuration, seed, ...): string, double, long, int, bool or double[].</param>
    /// <exception cref="ArgumentException">A shape does not match.</exception>
    public OperatorDataset(double[][] coordinates, double[] times, IReadOnlyList<string> inputNames, IReadOnlyList<double[]> inputs,
        string outputName, double[] outputs, long[] sampleIndices, IReadOnlyDictionary<string, object> attributes)
    {
        if (coordinates.Length is < 1 or > 3) throw new ArgumentException("a data set grid has 1 to 3 axes", nameof(coordinates));
        if (coordinates.Any(c => c.Length < 1)) throw new ArgumentException("every grid axis needs at least one point", nameof(coordinates));
        if (times.Length < 1) throw new ArgumentException("at least one output time is needed (0 for a steady problem)", nameof(times));
        if (inputNames.Count != inputs.Count || inputNames.Count == 0) throw new ArgumentException($"give one array per input name ({inputNames.Count} names, {inputs.Count} arrays)", nameof(inputs));
        if (inputNames.Distinct().Count() != inputNames.Count || inputNames.Contains(outputName))
            throw new ArgumentException("input and output names must be distinct", nameof(inputNames));
        Coordinates = coordinates.Select(c => c.ToArray()).ToArray();
        Times = times.ToArray();
        GridShape = coordinates.Select(c => c.Length).ToArray();
        GridSize = GridShape.Aggregate(1, (a, b) => a * b);
        Count = sampleIndices.Length;
        for (int c = 0; c < inputs.Count; c++)
        {
            if (inputs[c].LongLength != (long)Count * GridSize)
                throw new ArgumentException($"input '{inputNames[c]}' has {inputs[c].LongLength} values; expected N x grid = {Count} x {GridSize}", nameof(inputs));
        }
        if (outputs.LongLength != (long)Count * Times.Count * GridSize)
            throw new ArgumentException($"output '{outputName}' has {outputs.LongLength} values; expected N x T x grid = {Count} x {Times.Count} x {GridSize}", nameof(outputs));
        InputNames = inputNames.ToArray();
        OutputName = outputName;
        _inputs = inputs.ToArray();
        _outputs = outputs;
        SampleIndices = sampleIndices.ToArray();
        Attributes = new Dictionary<string, object>(attributes);
    }

    /// <summary>Number of samples N.</summary>
    public int Count { get; }

    /// <summary>Grid coordinates per axis.</summary>
    public IReadOnlyList<double[]> Coordinates { get; }

    /// <summary>Output times (t-coordinate), T of them.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>Points per axis (n_1, ..., n_d).</summary>
    public IReadOnlyList<int> GridShape { get; }

    /// <summary>Points of the grid, n_1 ⋯ n_d.</summary>
    public int GridSize { get; }

    /// <summary>Space dimension d.</summary>
    public int Dimension => GridShape.Count;

    /// <summary>Names of the input fields in channel order.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>Name of the output field.</summary>
    public string OutputName { get; }

    /// <summary>The generator's sample index i of each sample.</summary>
    public IReadOnlyList<long> SampleIndices { get; }

    /// <summary>Generation attributes (see docs/datasets.md).</summary>
    public IReadOnlyDictionary<string, object> Attributes { get; }

    /// <summary>Input <paramref name="channel"/> of all samples, shape (N, n_1, ..., n_d).</summary>
    public ReadOnlySpan<double> Inputs(int channel) => _inputs[channel];

    /// <summary>All outputs, shape (N, T, n_1, ..., n_d).</summary>
    public ReadOnlySpan<double> Outputs => _outputs;

    /// <summary>Input <paramref name="channel"/> of sample <paramref name="sample"/>, shape (n_1, ..., n_d).</summary>
    public ReadOnlySpan<double> Input(int channel, int sample) => _inputs[channel].AsSpan(sample * GridSize, GridSize);

    /// <summary>The output of sample <paramref name="sample"/>, shape (T, n_1, ..., n_d).</summary>
    public ReadOnlySpan<double> Output(int sample) => _outputs.AsSpan(sample * Times.Count * GridSize, Times.Count * GridSize);

    /// <summary>The grid points as an array of shape (n_1 ⋯ n_d, d), in the order of the field arrays.</summary>
    public double[] GridPoints()
    {
        int d = Dimension;
        var points = new double[GridSize * d];
        var index = new int[d];
        for (int p = 0; p < GridSize; p++)
        {
            int rest = p;
            for (int k = d - 1; k >= 0; k--)
            {
                index[k] = rest % GridShape[k];
                rest /= GridShape[k];
            }
            for (int k = 0; k < d; k++) points[p * d + k] = Coordinates[k][index[k]];
        }
        return points;
    }

    /// <summary>The samples at positions <paramref name="positions"/> (0 ≤ position &lt; N), in that order.</summary>
    public OperatorDataset Select(IReadOnlyList<int> positions)
    {
        foreach (int p in positions)
        {
            if (p < 0 || p >= Count) throw new ArgumentOutOfRangeException(nameof(positions), p, $"the data set has {Count} samples");
        }
        int block = Times.Count * GridSize;
        var inputs = _inputs.Select(input =>
        {
            var selected = new double[(long)positions.Count * GridSize];
            for (int s = 0; s < positions.Count; s++) Array.Copy(input, (long)positions[s] * GridSize, selected, (long)s * GridSize, GridSize);
            return selected;
        }).ToArray();
        var outputs = new double[(long)positions.Count * block];
        for (int s = 0; s < positions.Count; s++) Array.Copy(_outputs, (long)positions[s] * block, outputs, (long)s * block, block);
        return new OperatorDataset(Coordinates.ToArray(), Times.ToArray(), InputNames, inputs, OutputName, outputs,
            positions.Select(p => SampleIndices[p]).ToArray(), Attributes);
    }

    /// <summary>
    /// The data set on every <paramref name="stride"/>-th grid point along each space axis,
    /// starting with the first: n points become (n - 1)/stride + 1 (FNO's Darcy: 421 → 85 with
    /// stride 5). Times are kept. The attribute <c>subsample_stride</c> records the total stride.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stride"/> is less than 1.</exception>
    public OperatorDataset Subsample(int stride)
    {
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride), stride, "the stride must be at least 1");
        if (stride == 1) return this;
        var coordinates = Coordinates.Select(c => c.Where((_, i) => i % stride == 0).ToArray()).ToArray();
        var shape = coordinates.Select(c => c.Length).ToArray();
        int size = shape.Aggregate(1, (a, b) => a * b);
        // Source offset of each kept point within one field.
        var source = new int[size];
        var index = new int[Dimension];
        for (int p = 0; p < size; p++)
        {
            int rest = p;
            for (int k = Dimension - 1; k >= 0; k--)
            {
                index[k] = rest % shape[k] * stride;
                rest /= shape[k];
            }
            int offset = 0;
            for (int k = 0; k < Dimension; k++) offset = offset * GridShape[k] + index[k];
            source[p] = offset;
        }
        double[] Gather(double[] data, int fields)
        {
            var result = new double[(long)fields * size];
            for (long f = 0; f < fields; f++)
            {
                long from = f * GridSize, to = f * size;
                for (int p = 0; p < size; p++) result[to + p] = data[from + source[p]];
            }
            return result;
        }
        var attributes = new Dictionary<string, object>(Attributes)
        {
            ["subsample_stride"] = (Attributes.TryGetValue("subsample_stride", out var previous) && previous is long before ? before : 1L) * stride,
        };
        return new OperatorDataset(coordinates, Times.ToArray(), InputNames, _inputs.Select(i => Gather(i, Count)).ToArray(), OutputName,
            Gather(_outputs, Count * Times.Count), SampleIndices.ToArray(), attributes);
    }

    /// <summary>
    /// The samples of <paramref name="parts"/> one after another. The parts must share grid,
    /// times, field names and attributes (<paramref name="ignoredAttributes"/> excepted, which the
    /// result takes from the first part).
    /// </summary>
    /// <exception cref="ArgumentException">The parts differ.</exception>
    public static OperatorDataset Concatenate(IReadOnlyList<OperatorDataset> parts, IReadOnlySet<string>? ignoredAttributes = null)
    {
        if (parts.Count == 0) throw new ArgumentException("nothing to concatenate", nameof(parts));
        var first = parts[0];
        foreach (var part in parts.Skip(1))
        {
            string? difference = first.DifferenceTo(part, ignoredAttributes ?? new HashSet<string>());
            if (difference is not null) throw new ArgumentException($"the data sets differ: {difference}", nameof(parts));
        }
        var inputs = Enumerable.Range(0, first.InputNames.Count).Select(c => parts.SelectMany(p => p._inputs[c]).ToArray()).ToArray();
        return new OperatorDataset(first.Coordinates.ToArray(), first.Times.ToArray(), first.InputNames, inputs, first.OutputName,
            parts.SelectMany(p => p._outputs).ToArray(), parts.SelectMany(p => p.SampleIndices).ToArray(), first.Attributes);
    }

    /// <summary>A description of the first difference in grid, times, names or attributes (outside <paramref name="ignored"/>), or null.</summary>
    public string? DifferenceTo(OperatorDataset other, IReadOnlySet<string> ignored)
    {
        if (!GridShape.SequenceEqual(other.GridShape)) return $"grid {string.Join("x", GridShape)} vs {string.Join("x", other.GridShape)}";
        for (int k = 0; k < Dimension; k++)
        {
            if (!Coordinates[k].SequenceEqual(other.Coordinates[k])) return $"coordinates along axis {k}";
        }
        if (!Times.SequenceEqual(other.Times)) return "output times";
        if (!InputNames.SequenceEqual(other.InputNames) || OutputName != other.OutputName) return "field names";
        foreach (var key in Attributes.Keys.Union(other.Attributes.Keys).Where(k => !ignored.Contains(k)).Order(StringComparer.Ordinal))
        {
            if (!Attributes.TryGetValue(key, out var a)) return $"attribute '{key}' missing in the first";
            if (!other.Attributes.TryGetValue(key, out var b)) return $"attribute '{key}' missing in the second";
            if (!Core.Fields.MetadataValue.AreEqual(a, b)) return $"attribute '{key}': {Show(a)} vs {Show(b)}";
        }
        return null;
    }

    private static string Show(object value) => value is double[] array ? $"[{string.Join(", ", array)}]" : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
