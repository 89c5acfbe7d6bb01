using System.Runtime.CompilerServices;
namespace PdeNet.Solvers.LinearAlgebra.Multigrid;

/// <summary>
/// Chebyshev smoothing: x ← x + p(D⁻¹A) D⁻¹ (b - A x) with p the Chebyshev polynomial of the given
/// degree that is smallest on [λ_max/ratio, λ_max] (the three-term recurrence of Saad, Iterative
/// Methods for Sparse Linear Systems, Alg. 12.1, applied to D⁻¹A). λ_max is 1.1 times the Lanczos estimate, at most Gershgorin's bound.
/// The operator is symmetric for symmetric A, so pre- and postsmoothing are the same.
/// </summary>
internal sealed class ChebyshevSmoother : ISmoother
{
    private readonly CsrMatrix _a;
    private readonly double[] _inverseDiagonal, _r, _d, _next;
    private readonly int _degree, _sweeps, _threads;
    private readonly double _theta, _delta;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ChebyshevSmoother(CsrMatrix a, int degree, double ratio, int sweeps, int threads)
    {
        int n = a.Size;
        _a = a;
        _degree = degree;
        _sweeps = sweeps;
        _threads = threads;
        var diagonal = a.Diagonal();
        _inverseDiagonal = new double[n];
        for (int i = 0; i < n; i++)
        {
            if (diagonal[i] == 0 || !double.IsFinite(diagonal[i])) throw new ArgumentException($"row {i} has diagonal entry {diagonal[i]}; the Chebyshev smoother needs nonzero diagonal entries", nameof(a));
            _inverseDiagonal[i] = 1 / diagonal[i];
        }
        double upper = Math.Min(1.1 * Spectrum.LanczosEstimate(a, diagonal, Spectrum.LanczosSteps, threads), Spectrum.GershgorinBound(a, diagonal)), lower = upper / ratio;
        (_theta, _delta) = ((upper + lower) / 2, (upper - lower) / 2);
        (_r, _d, _next) = (new double[n], new double[n], new double[n]);
    }

    public void Presmooth(double[] b, double[] x, bool zeroGuess)
    {
        for (int sweep = 0; sweep < _sweeps; sweep++) Smooth(b, x, zeroGuess && sweep == 0);
    }

    public void Postsmooth(double[] b, double[] x)
    {
        for (int sweep = 0; sweep < _sweeps; sweep++) Smooth(b, x, false);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Smooth(double[] b, double[] x, bool zero)
    {
        int n = x.Length;
        double[] r = _r, d = _d, inverse = _inverseDiagonal;
        if (zero) Array.Clear(x);
        else _a.Residual(b, x, r, _threads);
        var source = zero ? b : r;
        for (int i = 0; i < n; i++)
        {
            r[i] = inverse[i] * source[i];
            d[i] = r[i] / _theta;
        }
        double sigma = _theta / _delta, rho = 1 / sigma;
        for (int k = 1; k <= _degree; k++)
        {
            for (int i = 0; i < n; i++) x[i] += d[i];
            if (k == _degree) break;
            double rhoNext = 1 / (2 * sigma - rho);
            _a.Multiply(d, _next, _threads);
            for (int i = 0; i < n; i++)
            {
                r[i] -= inverse[i] * _next[i];
                d[i] = rhoNext * rho * d[i] + 2 * rhoNext / _delta * r[i];
            }
            rho = rhoNext;
        }
    }
}
