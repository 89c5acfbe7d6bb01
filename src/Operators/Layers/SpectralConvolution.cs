using PdeNet.Neural;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Operators.Layers;

/// <summary>
/// The Fourier layer's kernel integral K v of the FNO over the last d = 2 or 3 axes: real FFT over those axes,
/// multiplication of the lowest frequencies by learned complex matrices (C_in × C_out per mode), the other
/// frequencies set to zero, inverse real FFT to the input size. The kept frequencies are the lowest
/// <c>modes[k]</c> of both signs on every axis but the last, and the lowest <c>modes[d−1]</c> non-negative ones
/// on the last (the real FFT stores only those), so 2^(d−1) corner blocks of the spectrum carry weights.
/// The complex weights are held as real and imaginary parts (real parameters, so any real optimiser applies).
/// (batch, C_in, n_1, …, n_d) → (batch, C_out, n_1, …, n_d), with 2·modes[k] ≤ n_k (k &lt; d) and
/// modes[d−1] ≤ n_d/2 + 1.
/// </summary>
internal sealed class SpectralConvolution : nn.Module<Tensor, Tensor>
{
    private const string Axes = "xyz";
    private readonly int _in, _out;
    private readonly int[] _modes;
    private readonly Corner[] _corners;

    /// <summary>One block of kept frequencies: low (false) or high (true) along each axis but the last, with its weights.</summary>
    private sealed record Corner(bool[] High, Parameter Real, Parameter Imaginary);

    /// <param name="inChannels">C_in.</param>
    /// <param name="outChannels">C_out.</param>
    /// <param name="modes">Kept frequencies per transformed axis (2 or 3 entries).</param>
    public SpectralConvolution(int inChannels, int outChannels, IReadOnlyList<int> modes) : base(nameof(SpectralConvolution))
    {
        ArgumentNullException.ThrowIfNull(modes);
        if (modes.Count < 2 || modes.Count > Axes.Length)
            throw new ArgumentException($"2 or {Axes.Length} transformed axes are supported, got {modes.Count}", nameof(modes));
        if (modes.Any(m => m < 1)) throw new ArgumentOutOfRangeException(nameof(modes), $"every mode count must be positive, got ({string.Join(", ", modes)})");
        (_in, _out, _modes) = (inChannels, outChannels, modes.ToArray());
        // The FNO scale: uniform in [0, 1/(C_in C_out)) for real and imaginary parts, drawn corner by corner
        // (real, then imaginary), the low corner first.
        double scale = 1.0 / (inChannels * outChannels);
        long[] shape = [inChannels, outChannels, .. _modes.Select(m => (long)m)];
        int signedAxes = _modes.Length - 1;
        _corners = new Corner[1 << signedAxes];
        for (int c = 0; c < _corners.Length; c++)
        {
            // The first axis varies slowest, so the 2D order is low, high.
            var high = Enumerable.Range(0, signedAxes).Select(k => ((c >> (signedAxes - 1 - k)) & 1) == 1).ToArray();
            var corner = new Corner(high, new Parameter(rand(shape).Times(scale)), new Parameter(rand(shape).Times(scale)));
            // Named by corner: _lowReal, _lowImaginary, _highReal, _highImaginary in 2D (the names saved models
            // hold), _lowLowReal … _highHighImaginary in 3D.
            string name = "_" + string.Concat(high.Select((h, k) => k == 0 ? (h ? "high" : "low") : (h ? "High" : "Low")));
            register_parameter(name + "Real", corner.Real);
            register_parameter(name + "Imaginary", corner.Imaginary);
            _corners[c] = corner;
        }
    }

    public override Tensor forward(Tensor x)
    {
        int d = _modes.Length;
        if (x.dim() != d + 2 || x.shape[1] != _in)
            throw new ArgumentException($"expected (batch, {_in}, {string.Join(", ", Enumerable.Range(1, d).Select(k => $"n{k}"))}), got ({string.Join(", ", x.shape)})", nameof(x));
        long[] sizes = x.shape[2..];
        long half = sizes[d - 1] / 2 + 1;
        // Both signs on the first d − 1 axes (2·m ≤ n), non-negative on the real FFT's axis.
        long[] capacity = [.. sizes[..(d - 1)].Select(n => n / 2), half];
        if (Enumerable.Range(0, d).Any(k => _modes[k] > capacity[k]))
            throw new ArgumentException($"a {string.Join(" x ", sizes)} grid holds at most {string.Join(" x ", capacity)} modes; the layer keeps {string.Join(" x ", _modes)}", nameof(x));
        long[] dims = [.. Enumerable.Range(2, d).Select(k => (long)k)];
        var spectrum = fft.rfftn(x, dim: dims);
        long[] spectrumShape = [x.shape[0], _out, .. sizes[..(d - 1)], half];
        var real = zeros(spectrumShape, dtype: x.dtype);
        var imaginary = zeros(spectrumShape, dtype: x.dtype);
        foreach (var corner in _corners)
        {
            var (productReal, productImaginary) = Multiply(Block(spectrum, corner, sizes), corner.Real, corner.Imaginary);
            Block(real, corner, sizes).copy_(productReal);
            Block(imaginary, corner, sizes).copy_(productImaginary);
        }
        return fft.irfftn(complex(real, imaginary), s: sizes, dim: dims);
    }

    /// <summary>The corner's frequencies of a spectrum (batch, C, n_1, …, n_{d−1}, n_d/2 + 1): a view.</summary>
    private Tensor Block(Tensor spectrum, Corner corner, long[] sizes)
    {
        var block = spectrum;
        for (int k = 0; k < _modes.Length; k++)
        {
            long start = k < corner.High.Length && corner.High[k] ? sizes[k] - _modes[k] : 0;
            block = block.narrow(k + 2, start, _modes[k]);
        }
        return block;
    }

    /// <summary>(a + ib)(c + id) summed over the input channel, per mode.</summary>
    private (Tensor Real, Tensor Imaginary) Multiply(Tensor modes, Tensor real, Tensor imaginary)
    {
        var a = modes.real;
        var b = modes.imag;
        string axes = Axes[.._modes.Length];
        string product = $"bi{axes},io{axes}->bo{axes}";
        return (einsum(product, a, real).Minus(einsum(product, b, imaginary)), einsum(product, a, imaginary).Plus(einsum(product, b, real)));
    }
}
