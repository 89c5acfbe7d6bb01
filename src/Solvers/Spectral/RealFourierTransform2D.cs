using System.Numerics;

namespace PdeNet.Solvers.Spectral;

/// <summary>
/// The two-dimensional discrete Fourier transform of n × n real values (n a power of two, at
/// least 2), stored row by row with x fastest (index ix + n iy). The spectrum keeps the
/// n × (n/2 + 1) coefficients X(kx, ky) with kx = 0 … n/2, at index kx + (n/2 + 1) ky, ky = 0 … n - 1
/// in FFT order (ky ≥ n/2 stands for ky - n). Rows are transformed with the real FFT, then columns
/// with the complex FFT. Forward is unscaled; inverse divides by n². Not thread-safe.
/// </summary>
public sealed class RealFourierTransform2D
{
    private readonly RealFourierTransform _rows;
    private readonly FourierTransform _columns;
    private readonly Complex[] _column;

    /// <summary>Prepares the transform of an n × n grid, n = <paramref name="size"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is not a power of two of at least 2.</exception>
    public RealFourierTransform2D(int size)
    {
        _rows = new RealFourierTransform(size);
        _columns = new FourierTransform(size);
        _column = new Complex[size];
        Size = size;
    }

    /// <summary>Points per side, n.</summary>
    public int Size { get; }

    /// <summary>Coefficients per row, n/2 + 1.</summary>
    public int RowCoefficients => Size / 2 + 1;

    /// <summary>Number of stored coefficients, n (n/2 + 1).</summary>
    public int Coefficients => Size * RowCoefficients;

    /// <summary>X(kx, ky) = Σ x(ix, iy) e^(-2πi (kx ix + ky iy)/n), unscaled.</summary>
    /// <param name="values">n² real values, x fastest.</param>
    /// <param name="spectrum">Receives n (n/2 + 1) coefficients.</param>
    public void Forward(ReadOnlySpan<double> values, Span<Complex> spectrum)
    {
        Check(values.Length, spectrum.Length);
        int n = Size, c = RowCoefficients;
        for (int iy = 0; iy < n; iy++) _rows.Forward(values.Slice(iy * n, n), spectrum.Slice(iy * c, c));
        for (int kx = 0; kx < c; kx++)
        {
            for (int iy = 0; iy < n; iy++) _column[iy] = spectrum[kx + c * iy];
            _columns.Forward(_column);
            for (int ky = 0; ky < n; ky++) spectrum[kx + c * ky] = _column[ky];
        }
    }

    /// <summary>The inverse of <see cref="Forward"/>: real values from the half spectrum, scaled by 1/n².</summary>
    /// <param name="spectrum">n (n/2 + 1) coefficients; it is used as work space and left changed.</param>
    /// <param name="values">Receives n² real values, x fastest.</param>
    public void Inverse(Span<Complex> spectrum, Span<double> values)
    {
        Check(values.Length, spectrum.Length);
        int n = Size, c = RowCoefficients;
        for (int kx = 0; kx < c; kx++)
        {
            for (int ky = 0; ky < n; ky++) _column[ky] = spectrum[kx + c * ky];
            _columns.Inverse(_column);
            for (int iy = 0; iy < n; iy++) spectrum[kx + c * iy] = _column[iy];
        }
        for (int iy = 0; iy < n; iy++) _rows.Inverse(spectrum.Slice(iy * c, c), values.Slice(iy * n, n));
    }

    private void Check(int values, int coefficients)
    {
        if (values != Size * Size) throw new ArgumentException($"this transform takes {Size}² = {Size * Size} real values; got {values}");
        if (coefficients != Coefficients) throw new ArgumentException($"this transform has {Coefficients} coefficients; got room for {coefficients}");
    }
}
