namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>An approximate inverse M⁻¹ of a matrix, applied as z = M⁻¹ r.</summary>
public interface IPreconditioner
{
    /// <summary>z = M⁻¹ r.</summary>
    void Apply(ReadOnlySpan<double> r, Span<double> z);
}
