namespace PdeNet.Geometry.Meshes;

/// <summary>
/// The wanted edge length of a mesh near the point (x, y), in the domain's length unit. Must be
/// positive and finite wherever the mesher asks (inside the domain and on its boundary).
/// </summary>
public delegate double SizeFunction(double x, double y);
