using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Operators.Layers;

/// <summary>
/// The Fourier layer's kernel integral K v of the FNO in 2D: real FFT over both axes, multiplication of the
/// lowest <c>modes1</c> (both signs) × <c>modes2</c> (non-negative) frequencies by learned complex matrices
/// (C_in × C_out per mode), the other frequencies set to zero, inverse real FFT. The complex weights are
/// held as real and imaginary parts (real parameters, so any real optimiser applies).
/// (batch, C_in, n_1, n_2) → (batch, C_out, n_1, n_2), with 2·modes1 ≤ n_1 and modes2 ≤ n_2/2 + 1.
/// </summary>
internal sealed class SpectralConv2d : nn.Module<Tensor, Tensor>
{
    private readonly int _in, _out, _modes1, _modes2;
    private readonly Parameter _lowReal, _lowImaginary, _highReal, _highImaginary;

    public SpectralConv2d(int inChannels, int outChannels, int modes1, int modes2) : base(nameof(SpectralConv2d))
    {
        (_in, _out, _modes1, _modes2) = (inChannels, outChannels, modes1, modes2);
        // The FNO scale: uniform in [0, 1/(C_in C_out)) for real and imaginary parts.
        double scale = 1.0 / (inChannels * outChannels);
        Parameter Draw() => new(rand(inChannels, outChannels, modes1, modes2) * scale);
        _lowReal = Draw();
        _lowImaginary = Draw();
        _highReal = Draw();
        _highImaginary = Draw();
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        long batch = x.shape[0], n1 = x.shape[2], n2 = x.shape[3];
        if (x.dim() != 4 || x.shape[1] != _in)
            throw new ArgumentException($"expected (batch, {_in}, n1, n2), got ({string.Join(", ", x.shape)})", nameof(x));
        long half = n2 / 2 + 1;
        if (2 * _modes1 > n1 || _modes2 > half)
            throw new ArgumentException($"a {n1} x {n2} grid holds at most {n1 / 2} x {half} modes; the layer keeps {_modes1} x {_modes2}", nameof(x));
        var spectrum = fft.rfft2(x);
        var low = spectrum.narrow(2, 0, _modes1).narrow(3, 0, _modes2);
        var high = spectrum.narrow(2, n1 - _modes1, _modes1).narrow(3, 0, _modes2);
        var (lowReal, lowImaginary) = Multiply(low, _lowReal, _lowImaginary);
        var (highReal, highImaginary) = Multiply(high, _highReal, _highImaginary);
        Tensor Assemble(Tensor lowPart, Tensor highPart)
        {
            var middle = zeros(batch, _out, n1 - 2 * _modes1, _modes2, dtype: lowPart.dtype);
            var columns = cat([lowPart, middle, highPart], 2);
            return nn.functional.pad(columns, [0, half - _modes2]);
        }
        var result = complex(Assemble(lowReal, highReal), Assemble(lowImaginary, highImaginary));
        return fft.irfft2(result, s: [n1, n2]);
    }

    /// <summary>(a + ib)(c + id) summed over the input channel, per mode.</summary>
    private static (Tensor Real, Tensor Imaginary) Multiply(Tensor modes, Tensor real, Tensor imaginary)
    {
        var a = modes.real;
        var b = modes.imag;
        const string product = "bixy,ioxy->boxy";
        return (einsum(product, a, real) - einsum(product, b, imaginary), einsum(product, a, imaginary) + einsum(product, b, real));
    }
}
