using PdeNet.Core.Symbolic;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Core.RandomFields;

/// <summary>
/// A zero-mean trigonometric polynomial on the unit torus,
/// w(x, y) = Σ_k (a_k cos 2π(k_x x + k_y y) + b_k sin 2π(k_x x + k_y y)) over wavenumbers k ≠ 0:
/// a sample of a <see cref="PeriodicGaussianRandomField2D"/>, read as a vorticity. Its
/// streamfunction ψ, the zero-mean solution of -Δψ = w, has the coefficients divided by 4π²|k|².
/// </summary>
/// <param name="Wavenumbers">The wavenumbers k (none zero).</param>
/// <param name="Cosine">a_k, one per wavenumber.</param>
/// <param name="Sine">b_k, one per wavenumber.</param>
public sealed record PeriodicSample2D(IReadOnlyList<(int X, int Y)> Wavenumbers, double[] Cosine, double[] Sine)
{
    /// <summary>w(x, y).</summary>
    public double Value(double x, double y) => Sum(x, y, _ => 1);

    /// <summary>ψ(x, y), with -Δψ = w and zero mean.</summary>
    public double Streamfunction(double x, double y) => Sum(x, y, InverseLaplacian);

    /// <summary>w as an expression in the coordinates X and Y.</summary>
    public Expr Expression() => Series(_ => 1);

    /// <summary>ψ (-Δψ = w, zero mean) as an expression in the coordinates X and Y.</summary>
    public Expr StreamfunctionExpression() => Series(InverseLaplacian);

    /// <summary>The factor 1/(4π²|k|²) that turns a vorticity mode into its streamfunction mode.</summary>
    private static double InverseLaplacian((int X, int Y) k) => 1 / (4 * Math.PI * Math.PI * (k.X * k.X + k.Y * k.Y));

    private double Sum(double x, double y, Func<(int X, int Y), double> scale)
    {
        double sum = 0;
        for (int i = 0; i < Wavenumbers.Count; i++)
        {
            var k = Wavenumbers[i];
            double phase = 2 * Math.PI * (k.X * x + k.Y * y);
            sum += scale(k) * (Cosine[i] * Math.Cos(phase) + Sine[i] * Math.Sin(phase));
        }
        return sum;
    }

    private Expr Series(Func<(int X, int Y), double> scale)
    {
        Expr sum = 0;
        for (int i = 0; i < Wavenumbers.Count; i++)
        {
            var k = Wavenumbers[i];
            var phase = 2 * Math.PI * (k.X * X + k.Y * Y);
            sum += scale(k) * (Cosine[i] * Cos(phase) + Sine[i] * Sin(phase));
        }
        return sum;
    }
}
