namespace PdeNet.Geometry.Quadrature;

/// <summary>
/// Gauss–Legendre rules on the unit interval [0, 1]: n points exact for polynomials of degree
/// 2n - 1, weights summing to one. Nodes are the roots of the Legendre polynomial P_n, found by
/// Newton's method from Tricomi's initial guesses.
/// </summary>
public static class GaussLegendre
{
    /// <summary>The n-point rule on [0, 1]: points in increasing order and weights.</summary>
    /// <param name="n">Number of points, 1 to 64.</param>
    public static (double[] Points, double[] Weights) Rule(int n)
    {
        if (n is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(n), n, "Gauss–Legendre rules are available with 1 to 64 points");
        var points = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            double x = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                (double p, derivative) = Legendre(n, x);
                double step = p / derivative;
                x -= step;
                if (Math.Abs(step) < 1e-16) break;
            }
            (_, derivative) = Legendre(n, x);
            // x runs from near 1 down; map [-1, 1] to [0, 1] so the points increase.
            points[i] = (1 - x) / 2;
            weights[i] = 1 / ((1 - x * x) * derivative * derivative);
        }
        return (points, weights);
    }

    /// <summary>The cheapest rule exact for polynomials of degree <paramref name="degree"/>.</summary>
    public static (double[] Points, double[] Weights) OfDegree(int degree) => Rule(Math.Max(1, (degree + 2) / 2));

    /// <summary>P_n(x) and P_n'(x) by the three-term recurrence.</summary>
    private static (double Value, double Derivative) Legendre(int n, double x)
    {
        double previous = 1, current = x;
        for (int k = 2; k <= n; k++) (previous, current) = (current, ((2 * k - 1) * x * current - (k - 1) * previous) / k);
        if (n == 0) return (1, 0);
        return (current, n * (x * current - previous) / (x * x - 1));
    }
}
