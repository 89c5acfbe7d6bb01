namespace PdeNet.Solvers.Spectral;

/// <summary>
/// The exact solution of viscous Burgers' equation u_t + u u_x = ν u_xx on the line for
/// u(x, 0) = c + g(x), by the Cole–Hopf transform: with P' = g and the Galilean shift
/// u(x, t) = c + v(x - c t, t),
/// <code>v(x, t) = ∫ g(x - η) W(η) dη / ∫ W(η) dη,   W(η) = exp(-P(x - η)/(2ν) - η²/(4νt)).</code>
/// The weights are positive, so the quotient has no cancellation; the integrals are taken by the
/// trapezoidal rule (geometrically convergent for these smooth, Gaussian-decaying integrands) in
/// s = η/√(4νt), with the exponent shifted by its maximum so that exp never overflows even for
/// ν = 0.01/π. For periodic g the result is the periodic solution.
/// </summary>
public sealed class BurgersColeHopf
{
    private readonly double _nu, _mean, _range;
    private readonly Func<double, double> _g, _potential, _slope;

    /// <summary>The solution for u(x, 0) = <paramref name="mean"/> + g(x).</summary>
    /// <param name="viscosity">ν &gt; 0.</param>
    /// <param name="mean">The constant c.</param>
    /// <param name="fluctuation">g(x), bounded.</param>
    /// <param name="potential">P(x) with P' = g, bounded.</param>
    /// <param name="slope">g'(x).</param>
    /// <param name="potentialRange">max P - min P (bounds where the weights live).</param>
    public BurgersColeHopf(double viscosity, double mean, Func<double, double> fluctuation, Func<double, double> potential, Func<double, double> slope, double potentialRange)
    {
        if (!(viscosity > 0) || double.IsInfinity(viscosity)) throw new ArgumentOutOfRangeException(nameof(viscosity), viscosity, "the Cole–Hopf solution needs a positive viscosity");
        (_nu, _mean, _g, _potential, _slope, _range) = (viscosity, mean, fluctuation, potential, slope, potentialRange);
    }

    /// <summary>The solution for u(x, 0) = c + a sin(k x).</summary>
    public static BurgersColeHopf Sine(double viscosity, double amplitude, double wavenumber, double mean = 0) => new(viscosity, mean,
        x => amplitude * Math.Sin(wavenumber * x),
        x => -amplitude * Math.Cos(wavenumber * x) / wavenumber,
        x => amplitude * wavenumber * Math.Cos(wavenumber * x),
        2 * Math.Abs(amplitude / wavenumber));

    /// <summary>u(x, t).</summary>
    public double Value(double x, double t)
    {
        if (t == 0) return _mean + _g(x);
        var (first, _) = Moments(x - _mean * t, t, _g);
        return _mean + first;
    }

    /// <summary>∂u/∂x at (x, t): ⟨g'⟩ - Var(g)/(2ν) over the same weights.</summary>
    public double Slope(double x, double t)
    {
        if (t == 0) return _slope(x);
        double y = x - _mean * t;
        var (_, variance) = Moments(y, t, _g);
        var (slope, _) = Moments(y, t, _slope);
        return slope - variance / (2 * _nu);
    }

    /// <summary>The weighted mean and variance of f(x - η) under W.</summary>
    private (double Mean, double Variance) Moments(double x, double t, Func<double, double> f)
    {
        if (!(t > 0)) throw new ArgumentOutOfRangeException(nameof(t), t, "the Cole–Hopf solution is evaluated for t ≥ 0");
        double sigma = Math.Sqrt(4 * _nu * t);
        double reach = Math.Sqrt(_range / (2 * _nu) + 40);
        double step = Math.Min(0.02, 0.02 * Math.Sqrt(2 * _nu) / sigma);
        int count = (int)Math.Ceiling(reach / step);
        var exponent = new double[2 * count + 1];
        var values = new double[exponent.Length];
        double max = double.NegativeInfinity;
        for (int i = 0; i < exponent.Length; i++)
        {
            double s = (i - count) * step, y = x - sigma * s;
            exponent[i] = -_potential(y) / (2 * _nu) - s * s;
            values[i] = f(y);
            max = Math.Max(max, exponent[i]);
        }
        double weightSum = 0, sum = 0;
        for (int i = 0; i < exponent.Length; i++)
        {
            double w = Math.Exp(exponent[i] - max);
            exponent[i] = w;
            weightSum += w;
            sum += w * values[i];
        }
        double mean = sum / weightSum, spread = 0;
        for (int i = 0; i < exponent.Length; i++) spread += exponent[i] * (values[i] - mean) * (values[i] - mean);
        return (mean, spread / weightSum);
    }
}
