using System.Numerics;

namespace PdeNet.Solvers.Spectral;

/// <summary>
/// The discrete Fourier transform of n real values (n a power of two, at least 2), returning the
/// n/2 + 1 coefficients X_0 … X_(n/2) that determine the rest (X_(n-k) = conj X_k). It packs the
/// even and odd samples into one complex sequence of length n/2, transforms that, and separates
/// the two halves: half the work of a complex transform of the real data. Not thread-safe (it
/// owns a work buffer): use one instance per thread.
/// </summary>
public sealed class RealFourierTransform
{
    private readonly FourierTransform _half;
    private readonly Complex[] _rotation;
    private readonly Complex[] _work;

    /// <summary>Prepares the transform of <paramref name="length"/> real values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The length is not a power of two of at least 2.</exception>
    public RealFourierTransform(int length)
    {
        if (length < 2 || !BitOperations.IsPow2(length))
            throw new ArgumentOutOfRangeException(nameof(length), length, "the real FFT length must be a power of two of at least 2");
        Length = length;
        _half = new FourierTransform(length / 2);
        _work = new Complex[length / 2];
        _rotation = new Complex[length / 2 + 1];
        for (int k = 0; k <= length / 2; k++) _rotation[k] = new Complex(Math.Cos(2 * Math.PI * k / length), -Math.Sin(2 * Math.PI * k / length));
    }

    /// <summary>The number n of real values.</summary>
    public int Length { get; }

    /// <summary>The number n/2 + 1 of coefficients.</summary>
    public int Coefficients => Length / 2 + 1;

    /// <summary>X_k = Σ_j x_j e^(-2πi jk/n) for k = 0 … n/2 (unscaled).</summary>
    /// <param name="values">The n real values x_j.</param>
    /// <param name="spectrum">Receives the n/2 + 1 coefficients.</param>
    public void Forward(ReadOnlySpan<double> values, Span<Complex> spectrum)
    {
        Check(values.Length, spectrum.Length);
        int m = Length / 2;
        for (int j = 0; j < m; j++) _work[j] = new Complex(values[2 * j], values[2 * j + 1]);
        _half.Forward(_work);
        for (int k = 0; k <= m; k++)
        {
            var z = _work[k == m ? 0 : k];
            var w = Complex.Conjugate(_work[k == 0 ? 0 : m - k]);
            var even = (z + w) * 0.5;
            var odd = (z - w) * new Complex(0, -0.5);
            spectrum[k] = even + _rotation[k] * odd;
        }
    }

    /// <summary>
    /// x_j = (1/n) Σ_k X_k e^(2πi jk/n) over all n coefficients, the missing ones being
    /// conj X_(n-k). The imaginary parts of X_0 and X_(n/2) are ignored (they vanish for real data).
    /// </summary>
    /// <param name="spectrum">The n/2 + 1 coefficients X_0 … X_(n/2).</param>
    /// <param name="values">Receives the n real values.</param>
    public void Inverse(ReadOnlySpan<Complex> spectrum, Span<double> values)
    {
        Check(values.Length, spectrum.Length);
        int m = Length / 2;
        var first = new Complex(spectrum[0].Real, 0);
        var last = new Complex(spectrum[m].Real, 0);
        for (int k = 0; k < m; k++)
        {
            var x = k == 0 ? first : spectrum[k];
            var y = Complex.Conjugate(k == 0 ? last : spectrum[m - k]);
            var even = (x + y) * 0.5;
            var odd = (x - y) * Complex.Conjugate(_rotation[k]) * 0.5;
            _work[k] = even + Complex.ImaginaryOne * odd;
        }
        _half.Inverse(_work);
        for (int j = 0; j < m; j++)
        {
            values[2 * j] = _work[j].Real;
            values[2 * j + 1] = _work[j].Imaginary;
        }
    }

    private void Check(int values, int coefficients)
    {
        if (values != Length) throw new ArgumentException($"this transform takes {Length} real values; got {values}");
        if (coefficients != Coefficients) throw new ArgumentException($"this transform has {Coefficients} coefficients; got room for {coefficients}");
    }
}
