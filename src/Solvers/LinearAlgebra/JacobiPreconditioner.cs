using System.Runtime.CompilerServices;
namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>The diagonal (Jacobi) preconditioner M = diag(A).</summary>
public sealed class JacobiPreconditioner : IPreconditioner
{
    private readonly double[] _inverse;

    /// <summary>Builds M⁻¹ from the diagonal of <paramref name="matrix"/>; throws on a zero diagonal entry.</summary>
    public JacobiPreconditioner(CsrMatrix matrix)
    {
        var diagonal = matrix.Diagonal();
        int zero = Array.FindIndex(diagonal, v => v == 0 || !double.IsFinite(v));
        if (zero >= 0) throw new ArgumentException($"the matrix has diagonal entry {diagonal[zero]} in row {zero}; the Jacobi preconditioner needs nonzero diagonal entries", nameof(matrix));
        _inverse = diagonal.Select(v => 1 / v).ToArray();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        for (int i = 0; i < r.Length; i++) z[i] = _inverse[i] * r[i];
    }
}
