namespace PdeNet.Geometry;

/// <summary>Thrown when a domain description is not a valid region: a self-intersecting polygon,
/// a zero radius, an empty set operation result. The message names the offending input.</summary>
public sealed class InvalidGeometryException(string message) : ArgumentException(message);
