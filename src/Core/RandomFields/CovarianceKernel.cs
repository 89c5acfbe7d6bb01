namespace PdeNet.Core.RandomFields;

/// <summary>
/// A stationary covariance kernel k(x, x') = k(|x - x'|) of a one-dimensional Gaussian random
/// field, in the units of the field squared (the distance in the units of x).
/// </summary>
public abstract record CovarianceKernel
{
    /// <summary>The covariance at distance <paramref name="distance"/> ≥ 0.</summary>
    public abstract double At(double distance);

    /// <summary>A short description for metadata, for example <c>rbf(l=0.2, sigma2=1)</c>.</summary>
    public abstract string Describe();
}
