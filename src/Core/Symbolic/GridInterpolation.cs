namespace PdeNet.Core.Symbolic;

/// <summary>How a <see cref="GridCoefficient"/> is evaluated between its grid nodes.</summary>
public enum GridInterpolation
{
    /// <summary>Piecewise constant: the value of the nearest node (ties to the lower index),
    /// for discontinuous fields such as a thresholded permeability.</summary>
    Nearest,

    /// <summary>Piecewise (bi)linear: linear in 1D, bilinear on each grid cell in 2D.</summary>
    Linear,
}
