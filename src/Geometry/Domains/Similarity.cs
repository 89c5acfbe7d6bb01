namespace PdeNet.Geometry.Domains;

/// <summary>
/// A similarity map x ↦ s·Q·x + t of R^d (Q a rotation, s &gt; 0 a uniform scale, t a shift). It
/// multiplies distances by s, so signed distances stay exact, and turns normals by Q.
/// </summary>
public sealed class Similarity
{
    private Similarity(int dimension, double[] rotation, double scale, double[] shift)
    {
        Dimension = dimension;
        Rotation = rotation;
        Scale = scale;
        Shift = shift;
    }

    /// <summary>Space dimension d.</summary>
    public int Dimension { get; }

    /// <summary>Q, row-major (d, d), orthogonal with determinant 1.</summary>
    public double[] Rotation { get; }

    /// <summary>s, positive.</summary>
    public double Scale { get; }

    /// <summary>t, length d.</summary>
    public double[] Shift { get; }

    /// <summary>x ↦ x + t.</summary>
    public static Similarity Translation(double[] shift) => new(shift.Length, Identity(shift.Length), 1, shift.ToArray());

    /// <summary>x ↦ s·x about the origin.</summary>
    public static Similarity Scaling(int dimension, double scale)
    {
        if (!(scale > 0) || double.IsInfinity(scale)) throw new InvalidGeometryException($"a scaling needs a positive finite factor, got {scale}");
        return new(dimension, Identity(dimension), scale, new double[dimension]);
    }

    /// <summary>The 2D rotation by <paramref name="angle"/> radians counter-clockwise about the origin.</summary>
    public static Similarity Rotation2D(double angle)
    {
        var (s, c) = Math.SinCos(angle);
        return new(2, [c, -s, s, c], 1, [0, 0]);
    }

    /// <summary>The 3D rotation by <paramref name="angle"/> radians about <paramref name="axis"/> (right-hand rule, Rodrigues' formula).</summary>
    public static Similarity Rotation3D((double X, double Y, double Z) axis, double angle)
    {
        double length = Math.Sqrt(axis.X * axis.X + axis.Y * axis.Y + axis.Z * axis.Z);
        if (!(length > 0)) throw new InvalidGeometryException("a rotation axis must be non-zero");
        double x = axis.X / length, y = axis.Y / length, z = axis.Z / length;
        var (s, c) = Math.SinCos(angle);
        double k = 1 - c;
        return new(3,
        [
            c + x * x * k, x * y * k - z * s, x * z * k + y * s,
            y * x * k + z * s, c + y * y * k, y * z * k - x * s,
            z * x * k - y * s, z * y * k + x * s, c + z * z * k,
        ], 1, [0, 0, 0]);
    }

    /// <summary>This map followed by <paramref name="next"/>.</summary>
    public Similarity Then(Similarity next)
    {
        int d = Dimension;
        var rotation = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                for (int k = 0; k < d; k++) rotation[i * d + j] += next.Rotation[i * d + k] * Rotation[k * d + j];
            }
        }
        var shift = new double[d];
        next.Apply(Shift, shift);
        return new(d, rotation, Scale * next.Scale, shift);
    }

    /// <summary>y = s·Q·x + t.</summary>
    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        int d = Dimension;
        Span<double> result = stackalloc double[d];
        for (int i = 0; i < d; i++)
        {
            double sum = 0;
            for (int j = 0; j < d; j++) sum += Rotation[i * d + j] * x[j];
            result[i] = Scale * sum + Shift[i];
        }
        result.CopyTo(y);
    }

    /// <summary>x = Qᵀ(y - t)/s.</summary>
    public void Invert(ReadOnlySpan<double> y, Span<double> x)
    {
        int d = Dimension;
        Span<double> result = stackalloc double[d];
        for (int j = 0; j < d; j++)
        {
            double sum = 0;
            for (int i = 0; i < d; i++) sum += Rotation[i * d + j] * (y[i] - Shift[i]);
            result[j] = sum / Scale;
        }
        result.CopyTo(x);
    }

    /// <summary>n' = Q·n (unit normals stay unit).</summary>
    public void Turn(ReadOnlySpan<double> n, Span<double> turned)
    {
        int d = Dimension;
        Span<double> result = stackalloc double[d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++) result[i] += Rotation[i * d + j] * n[j];
        }
        result.CopyTo(turned);
    }

    /// <summary>n = Qᵀ·n'.</summary>
    public void TurnBack(ReadOnlySpan<double> turned, Span<double> n)
    {
        int d = Dimension;
        Span<double> result = stackalloc double[d];
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < d; i++) result[j] += Rotation[i * d + j] * turned[i];
        }
        result.CopyTo(n);
    }

    private static double[] Identity(int d)
    {
        if (d is < 1 or > 3) throw new InvalidGeometryException($"transformations act in 1 to 3 dimensions, got {d}");
        var identity = new double[d * d];
        for (int i = 0; i < d; i++) identity[i * d + i] = 1;
        return identity;
    }
}
