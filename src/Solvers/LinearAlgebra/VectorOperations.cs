namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>Dense vector operations shared by the Krylov solvers and Newton's method.</summary>
internal static class VectorOperations
{
    /// <summary>aᵀb.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>‖a‖₂.</summary>
    public static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));

    /// <summary>r = b - A x, returning ‖b‖ (1 when b = 0, so relative residuals stay defined).</summary>
    public static double Residual(CsrMatrix matrix, ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> r)
    {
        matrix.Multiply(x, r);
        for (int i = 0; i < r.Length; i++) r[i] = b[i] - r[i];
        double normB = Norm(b);
        return normB == 0 ? 1 : normB;
    }
}
