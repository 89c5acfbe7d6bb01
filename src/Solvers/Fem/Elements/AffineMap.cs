namespace PdeNet.Solvers.Fem.Elements;

/// <summary>
/// The affine map x = x_0 + J ξ from the reference simplex onto one straight-sided mesh cell
/// (d = gdim = 1, 2 or 3), with |det J| and J^{-T} for transforming gradients. One instance is
/// reused cell after cell.
/// </summary>
internal sealed class AffineMap
{
    private static readonly double[] Factorial = [1, 1, 2, 6];

    public AffineMap(int dimension)
    {
        if (dimension is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "cells of dimension 1 to 3 are supported");
        Dimension = dimension;
        Vertices = new double[(dimension + 1) * dimension];
        Jacobian = new double[dimension * dimension];
        InverseTranspose = new double[dimension * dimension];
    }

    /// <summary>Dimension d.</summary>
    public int Dimension { get; }

    /// <summary>Vertex coordinates, shape (d + 1, d).</summary>
    public double[] Vertices { get; }

    /// <summary>J_ij = ∂x_i/∂ξ_j = (x_{j+1} - x_0)_i, row-major.</summary>
    public double[] Jacobian { get; }

    /// <summary>J^{-T}, row-major.</summary>
    public double[] InverseTranspose { get; }

    /// <summary>det J (positive for positively oriented cells).</summary>
    public double Determinant { get; private set; }

    /// <summary>The cell's length, area or volume, |det J| / d!.</summary>
    public double Measure => Math.Abs(Determinant) / Factorial[Dimension];

    /// <summary>Loads cell geometry from the first d + 1 <paramref name="nodes"/> (the vertices).</summary>
    /// <exception cref="ArgumentException">The cell is degenerate (zero measure).</exception>
    public void Set(double[] coordinates, ReadOnlySpan<int> nodes)
    {
        int d = Dimension;
        for (int v = 0; v <= d; v++)
        {
            for (int i = 0; i < d; i++) Vertices[v * d + i] = coordinates[nodes[v] * d + i];
        }
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++) Jacobian[i * d + j] = Vertices[(j + 1) * d + i] - Vertices[i];
        }
        var m = Jacobian;
        var t = InverseTranspose;
        switch (d)
        {
            case 1:
                Determinant = m[0];
                t[0] = 1 / m[0];
                break;
            case 2:
                Determinant = m[0] * m[3] - m[1] * m[2];
                t[0] = m[3] / Determinant;
                t[1] = -m[2] / Determinant;
                t[2] = -m[1] / Determinant;
                t[3] = m[0] / Determinant;
                break;
            default:
                double c00 = m[4] * m[8] - m[5] * m[7], c01 = m[5] * m[6] - m[3] * m[8], c02 = m[3] * m[7] - m[4] * m[6];
                double c10 = m[2] * m[7] - m[1] * m[8], c11 = m[0] * m[8] - m[2] * m[6], c12 = m[1] * m[6] - m[0] * m[7];
                double c20 = m[1] * m[5] - m[2] * m[4], c21 = m[2] * m[3] - m[0] * m[5], c22 = m[0] * m[4] - m[1] * m[3];
                Determinant = m[0] * c00 + m[1] * c01 + m[2] * c02;
                // (J^{-1})^T is the cofactor matrix divided by det J.
                t[0] = c00 / Determinant; t[1] = c01 / Determinant; t[2] = c02 / Determinant;
                t[3] = c10 / Determinant; t[4] = c11 / Determinant; t[5] = c12 / Determinant;
                t[6] = c20 / Determinant; t[7] = c21 / Determinant; t[8] = c22 / Determinant;
                break;
        }
        if (Determinant == 0 || !double.IsFinite(Determinant))
            throw new ArgumentException($"the cell with nodes {string.Join(", ", nodes[..(d + 1)].ToArray())} is degenerate (det J = {Determinant})");
    }

    /// <summary>x = Σ λ_v x_v for barycentric coordinates λ.</summary>
    public void Map(ReadOnlySpan<double> lambda, Span<double> x)
    {
        int d = Dimension;
        x[..d].Clear();
        for (int v = 0; v <= d; v++)
        {
            for (int i = 0; i < d; i++) x[i] += lambda[v] * Vertices[v * d + i];
        }
    }

    /// <summary>Barycentric coordinates of the point x: ξ = J^{-1}(x - x_0), λ = (1 - Σξ, ξ).</summary>
    public void Barycentric(ReadOnlySpan<double> x, Span<double> lambda)
    {
        int d = Dimension;
        double sum = 0;
        for (int j = 0; j < d; j++)
        {
            double xi = 0;
            // (J^{-1})_{ji} = (J^{-T})_{ij}
            for (int i = 0; i < d; i++) xi += InverseTranspose[i * d + j] * (x[i] - Vertices[i]);
            lambda[j + 1] = xi;
            sum += xi;
        }
        lambda[0] = 1 - sum;
    }

    /// <summary>Physical gradients ∇φ_a = J^{-T} ∇_ξ φ_a of <paramref name="count"/> functions, both shape (count, d).</summary>
    public void Gradients(ReadOnlySpan<double> reference, Span<double> physical, int count)
    {
        int d = Dimension;
        var t = InverseTranspose;
        for (int a = 0; a < count; a++)
        {
            for (int i = 0; i < d; i++)
            {
                double sum = 0;
                for (int j = 0; j < d; j++) sum += t[i * d + j] * reference[a * d + j];
                physical[a * d + i] = sum;
            }
        }
    }
}
