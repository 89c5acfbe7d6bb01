using PdeNet.Operators.Data;
using PdeNet.Operators.Models;
using PdeNet.Operators.Training;
using static TorchSharp.torch;

namespace PdeNet.Operators.Experiments;

/// <summary>
/// How the samples of an <see cref="OperatorDataset"/> become the tensors of an operator model, in
/// float64 (the data's precision):
/// <list type="bullet">
/// <item>MgNO, LSM: inputs (N, C, n_x, n_y) with the C input fields as channels, targets (N, T, n_x, n_y)
/// with the T output times as channels (2D data sets only);</item>
/// <item>DeepONet with an MLP branch: inputs (N, C·n_x[·n_y]), the sensor values of all input fields one
/// after another; targets (N, T·n_x[·n_y]) at the trunk coordinates;</item>
/// <item>DeepONet with a CNN branch: inputs (N, C, n_x, n_y), targets as for the MLP branch.</item>
/// </list>
/// The trunk coordinates are the grid points (P, d) in the order of the field arrays, and for T &gt; 1
/// output times the pairs (t, x) with t slowest, (T·P, d + 1). A prediction of one sample, flattened,
/// is in the order of <see cref="OperatorDataset.Output"/>.
/// </summary>
public static class DatasetTensors
{
    /// <summary>Throws unless networks built from <paramref name="spec"/> accept the samples of <paramref name="data"/>.</summary>
    /// <param name="data">The data set.</param>
    /// <param name="spec">The network specification.</param>
    /// <param name="what">How to name the data set in messages (its file).</param>
    /// <exception cref="ArgumentException">The shapes do not fit; the message says which and what would.</exception>
    public static void Check(OperatorDataset data, OperatorModelSpec spec, string what)
    {
        int c = data.InputNames.Count, t = data.Times.Count, d = data.Dimension;
        string shape = $"{what} has {c} input field(s) ({string.Join(", ", data.InputNames)}) and {t} output time(s) on a {string.Join(" x ", data.GridShape)} grid";
        void Require(bool condition, string problem)
        {
            if (!condition) throw new ArgumentException($"{shape}; {problem}", nameof(data));
        }
        switch (spec.Kind)
        {
            case OperatorKind.DeepOnet:
                var o = spec.DeepOnet!;
                Require(o.Trunk[0] == TrunkDimension(data), $"the DeepONet trunk takes {o.Trunk[0]} coordinates, the data set needs {TrunkDimension(data)}");
                if (o.Cnn is { } cnn)
                {
                    Require(d == 2, "a CNN branch needs 2D fields");
                    Require(cnn.InChannels == c && cnn.Height == data.GridShape[0] && cnn.Width == data.GridShape[1],
                        $"the CNN branch takes {cnn.InChannels} channel(s) on {cnn.Height} x {cnn.Width}");
                }
                else
                {
                    Require(o.Branch[0] == c * data.GridSize, $"the DeepONet branch takes {o.Branch[0]} sensor values, the data set has {c * data.GridSize}");
                }
                break;
            case OperatorKind.Mgno:
                Require(d == 2, "MgNO works on 2D fields; use --model deeponet for 1D data");
                Require(spec.Mgno!.InChannels == c && spec.Mgno.OutChannels == t, $"the MgNO maps {spec.Mgno.InChannels} to {spec.Mgno.OutChannels} channel(s)");
                break;
            case OperatorKind.Lsm:
                Require(d == 2, "the Latent Spectral Model works on 2D fields; use --model deeponet for 1D data");
                Require(spec.Lsm!.InChannels == c && spec.Lsm.OutChannels == t, $"the LSM maps {spec.Lsm.InChannels} to {spec.Lsm.OutChannels} channel(s)");
                break;
            case OperatorKind.PhysicsInformed:
                var pi = spec.PhysicsInformed!;
                Require(d == pi.Dimension && c == 1, $"a physics-informed operator takes one {pi.Dimension}D input field, the initial state");
                Require(Enumerable.Range(0, d).All(a => pi.Axes[a].SequenceEqual(data.Coordinates[a])) && pi.Times.SequenceEqual(data.Times),
                    $"the physics-informed operator works on a {string.Join(" x ", pi.GridShape)} ({(d == 1 ? "t, x" : "t, x, y")}) grid, not this one");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown operator kind");
        }
    }

    /// <summary>Coordinates per trunk point: d, or d + 1 (time first) when the data set has several output times.</summary>
    public static int TrunkDimension(OperatorDataset data) => data.Dimension + (data.Times.Count > 1 ? 1 : 0);

    /// <summary>The samples at <paramref name="positions"/> as tensors for a network of <paramref name="spec"/> (see the class summary).</summary>
    public static OperatorSamples Samples(OperatorDataset data, IReadOnlyList<int> positions, OperatorModelSpec spec)
    {
        var selected = data.Select(positions);
        long n = positions.Count;
        var grid = data.GridShape.Select(k => (long)k).ToArray();
        var channels = Enumerable.Range(0, data.InputNames.Count).Select(c => tensor(selected.Inputs(c).ToArray(), [n, .. grid], ScalarType.Float64)).ToArray();
        var inputs = stack(channels, 1);
        foreach (var channel in channels) channel.Dispose();
        var targets = tensor(selected.Outputs.ToArray(), [n, data.Times.Count, .. grid], ScalarType.Float64);
        if (spec.Kind != OperatorKind.DeepOnet) return new OperatorSamples(inputs, targets);
        if (spec.DeepOnet!.Cnn is null) inputs = inputs.reshape(n, -1);
        return new OperatorSamples(inputs, targets.reshape(n, -1), Coordinates(data));
    }

    /// <summary>The trunk coordinates of <paramref name="data"/>: (P, d), or (T·P, d + 1) with t first for several output times.</summary>
    public static Tensor Coordinates(OperatorDataset data)
    {
        var points = data.GridPoints();
        int d = data.Dimension, size = data.GridSize;
        if (data.Times.Count == 1) return tensor(points, [size, d], ScalarType.Float64);
        var pairs = new double[data.Times.Count * size * (d + 1)];
        for (int k = 0, row = 0; k < data.Times.Count; k++)
        {
            for (int p = 0; p < size; p++, row++)
            {
                pairs[row * (d + 1)] = data.Times[k];
                Array.Copy(points, p * d, pairs, row * (d + 1) + 1, d);
            }
        }
        return tensor(pairs, [data.Times.Count * size, d + 1], ScalarType.Float64);
    }
}
