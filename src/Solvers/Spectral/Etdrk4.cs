using System.Numerics;

namespace PdeNet.Solvers.Spectral;

/// <summary>
/// The fourth-order exponential time-differencing Runge–Kutta scheme ETDRK4 (Cox and Matthews
/// 2002) for v' = L v + N(v, t) with a diagonal linear operator L (one complex number per Fourier
/// mode). The φ-function coefficients are computed by averaging over M = 64 points of a circle of
/// radius 1 around each L h (Kassam and Trefethen 2005), which avoids the cancellation of the
/// direct formulas for small |L h|; L may be complex (convection gives imaginary parts).
/// </summary>
internal sealed class Etdrk4
{
    private const int ContourPoints = 64;
    private readonly Complex[] _e, _e2, _q, _f1, _f2, _f3;
    private readonly Complex[] _nv, _na, _nb, _nc, _a, _b, _c;

    /// <summary>Prepares the scheme for the operator <paramref name="linear"/> and step <paramref name="step"/>.</summary>
    public Etdrk4(IReadOnlyList<Complex> linear, double step)
    {
        int m = linear.Count;
        Step = step;
        (_e, _e2, _q, _f1, _f2, _f3) = (new Complex[m], new Complex[m], new Complex[m], new Complex[m], new Complex[m], new Complex[m]);
        (_nv, _na, _nb, _nc, _a, _b, _c) = (new Complex[m], new Complex[m], new Complex[m], new Complex[m], new Complex[m], new Complex[m], new Complex[m]);
        var roots = Enumerable.Range(0, ContourPoints).Select(j => Complex.Exp(new Complex(0, Math.PI * (2 * j + 1) / ContourPoints))).ToArray();
        for (int k = 0; k < m; k++)
        {
            var lh = linear[k] * step;
            _e[k] = Complex.Exp(lh);
            _e2[k] = Complex.Exp(lh / 2);
            Complex q = 0, f1 = 0, f2 = 0, f3 = 0;
            foreach (var r in roots)
            {
                var z = lh + r;
                var ez = Complex.Exp(z);
                var z3 = z * z * z;
                q += (Complex.Exp(z / 2) - 1) / z;
                f1 += (-4 - z + ez * (4 - 3 * z + z * z)) / z3;
                f2 += (2 + z + ez * (z - 2)) / z3;
                f3 += (-4 - 3 * z - z * z + ez * (4 - z)) / z3;
            }
            _q[k] = step * q / ContourPoints;
            _f1[k] = step * f1 / ContourPoints;
            _f2[k] = step * f2 / ContourPoints;
            _f3[k] = step * f3 / ContourPoints;
        }
    }

    /// <summary>The step h the coefficients were computed for.</summary>
    public double Step { get; }

    /// <summary>
    /// Advances <paramref name="v"/> from t to t + h. <paramref name="nonlinear"/> writes N(v, t)
    /// into its third argument; null means N = 0 (then the step is the exact v ← e^(Lh) v).
    /// </summary>
    public void Advance(Complex[] v, double t, Action<Complex[], double, Complex[]>? nonlinear)
    {
        int m = v.Length;
        if (nonlinear is null)
        {
            for (int k = 0; k < m; k++) v[k] *= _e[k];
            return;
        }
        double h = Step;
        nonlinear(v, t, _nv);
        for (int k = 0; k < m; k++) _a[k] = _e2[k] * v[k] + _q[k] * _nv[k];
        nonlinear(_a, t + h / 2, _na);
        for (int k = 0; k < m; k++) _b[k] = _e2[k] * v[k] + _q[k] * _na[k];
        nonlinear(_b, t + h / 2, _nb);
        for (int k = 0; k < m; k++) _c[k] = _e2[k] * _a[k] + _q[k] * (2 * _nb[k] - _nv[k]);
        nonlinear(_c, t + h, _nc);
        for (int k = 0; k < m; k++) v[k] = _e[k] * v[k] + _f1[k] * _nv[k] + 2 * _f2[k] * (_na[k] + _nb[k]) + _f3[k] * _nc[k];
    }
}
