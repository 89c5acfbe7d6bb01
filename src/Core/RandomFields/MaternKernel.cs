using System.Globalization;

namespace PdeNet.Core.RandomFields;

/// <summary>
/// The Matérn kernel for the half-integer smoothness ν = 1/2, 3/2, 5/2, where it has the closed
/// forms k(r) = σ² exp(-s), σ² (1 + s) exp(-s) and σ² (1 + s + s²/3) exp(-s) with
/// s = √(2ν) r / l. Samples are ⌈ν⌉ - 1 times differentiable.
/// </summary>
/// <param name="Smoothness">ν: 0.5, 1.5 or 2.5.</param>
/// <param name="LengthScale">Correlation length l (units of x), positive.</param>
/// <param name="Variance">Pointwise variance σ², positive.</param>
public sealed record MaternKernel(double Smoothness, double LengthScale, double Variance = 1) : CovarianceKernel
{
    /// <summary>Checks the parameters.</summary>
    public MaternKernel Validate()
    {
        if (Smoothness is not (0.5 or 1.5 or 2.5)) throw new ArgumentOutOfRangeException(nameof(Smoothness), Smoothness, "the Matérn smoothness must be 0.5, 1.5 or 2.5 (the closed forms)");
        if (!(LengthScale > 0) || double.IsInfinity(LengthScale)) throw new ArgumentOutOfRangeException(nameof(LengthScale), LengthScale, "the length scale must be positive");
        if (!(Variance > 0) || double.IsInfinity(Variance)) throw new ArgumentOutOfRangeException(nameof(Variance), Variance, "the variance must be positive");
        return this;
    }

    /// <inheritdoc/>
    public override double At(double distance)
    {
        double s = Math.Sqrt(2 * Smoothness) * distance / LengthScale;
        double polynomial = Smoothness switch
        {
            0.5 => 1,
            1.5 => 1 + s,
            _ => 1 + s + s * s / 3,
        };
        return Variance * polynomial * Math.Exp(-s);
    }

    /// <inheritdoc/>
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"matern(nu={Smoothness:R}, l={LengthScale:R}, sigma2={Variance:R})");
}
