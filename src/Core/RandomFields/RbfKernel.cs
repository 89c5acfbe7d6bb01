using System.Globalization;

namespace PdeNet.Core.RandomFields;

/// <summary>
/// The squared-exponential (RBF) kernel k(r) = σ² exp(-r² / (2 l²)), the one DeepONet's
/// antiderivative data uses with l = 0.2 on [0, 1]. Its samples are infinitely smooth.
/// </summary>
/// <param name="LengthScale">Correlation length l (units of x), positive.</param>
/// <param name="Variance">Pointwise variance σ², positive.</param>
public sealed record RbfKernel(double LengthScale, double Variance = 1) : CovarianceKernel
{
    /// <summary>Checks the parameters.</summary>
    public RbfKernel Validate()
    {
        if (!(LengthScale > 0) || double.IsInfinity(LengthScale)) throw new ArgumentOutOfRangeException(nameof(LengthScale), LengthScale, "the length scale must be positive");
        if (!(Variance > 0) || double.IsInfinity(Variance)) throw new ArgumentOutOfRangeException(nameof(Variance), Variance, "the variance must be positive");
        return this;
    }

    /// <inheritdoc/>
    public override double At(double distance) => Variance * Math.Exp(-distance * distance / (2 * LengthScale * LengthScale));

    /// <inheritdoc/>
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"rbf(l={LengthScale:R}, sigma2={Variance:R})");
}
