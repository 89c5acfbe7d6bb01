namespace PdeNet.Geometry.Boundary;

/// <summary>A yes/no test on a point of R^d (coordinates in the domain's units).</summary>
public delegate bool PointPredicate(ReadOnlySpan<double> point);
