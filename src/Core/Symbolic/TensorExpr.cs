namespace PdeNet.Core.Symbolic;

/// <summary>
/// A symbolic second-order tensor A (d × d scalar expressions) for writing systems as on paper,
/// for example linear elasticity:
/// <code>
/// var u = Unknown.Vector("u", 2);
/// var eps = TensorExpr.Sym(TensorExpr.Grad(u));                                  // ε(u) = (∇u + ∇uᵀ)/2
/// var sigma = 2 * mu * eps + lambda * eps.Trace() * TensorExpr.Identity(2);  // σ(u)
/// problem.Solve(-TensorExpr.Div(sigma) == f);
/// </code>
/// A tensor is not itself an expression node: it builds ordinary expressions (its entries, its
/// trace, the row-wise divergence, A·n), which the solvers read.
/// </summary>
public sealed class TensorExpr
{
    private readonly Expr[,] _entries;

    /// <summary>The tensor with entries A_ij = <paramref name="entries"/>[i, j] (square, scalar entries).</summary>
    public TensorExpr(Expr[,] entries)
    {
        int d = entries.GetLength(0);
        if (d is < 1 or > 3 || entries.GetLength(1) != d) throw new ArgumentException($"a tensor is square with 1 to 3 rows; got {d} x {entries.GetLength(1)}", nameof(entries));
        foreach (var entry in entries)
        {
            if (entry.Rank != 0) throw new ArgumentException($"tensor entries must be scalars; got {entry}", nameof(entries));
        }
        _entries = (Expr[,])entries.Clone();
    }

    /// <summary>Rows (and columns).</summary>
    public int Size => _entries.GetLength(0);

    /// <summary>The entry A_ij.</summary>
    public Expr this[int i, int j] => _entries[i, j];

    /// <summary>The identity I in <paramref name="dimension"/> dimensions.</summary>
    public static TensorExpr Identity(int dimension) => Build(dimension, (i, j) => i == j ? 1 : 0);

    /// <summary>The gradient (∇u)_ij = ∂u_i/∂x_j of a vector given componentwise (<see cref="Expr.Vector"/>, <see cref="Unknown.Vector"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="vector"/> is not a vector.</exception>
    public static TensorExpr Grad(Expr vector)
    {
        var components = vector as VectorExpr ?? throw new ArgumentException($"the gradient of a tensor needs a vector written by components; got {vector}", nameof(vector));
        int d = components.Components.Count;
        return Build(d, (i, j) => Expr.D(components.Components[i], Expr.CoordinateAlong(j)));
    }

    /// <summary>The symmetric part (A + Aᵀ)/2.</summary>
    public static TensorExpr Sym(TensorExpr a) => Build(a.Size, (i, j) => i == j ? a[i, i] : (a[i, j] + a[j, i]) / 2);

    /// <summary>The row-wise divergence (div A)_i = Σ_j ∂A_ij/∂x_j, as the vector (div(A_i1, ..., A_id))_i.</summary>
    public static Expr Div(TensorExpr a) => Expr.Vector(Enumerable.Range(0, a.Size).Select(i => Expr.Div(a.Row(i))).ToArray());

    /// <summary>Row i as a vector expression.</summary>
    public Expr Row(int i) => Expr.Vector(Enumerable.Range(0, Size).Select(j => _entries[i, j]).ToArray());

    /// <summary>The transpose Aᵀ.</summary>
    public TensorExpr Transpose() => Build(Size, (i, j) => _entries[j, i]);

    /// <summary>The trace Σ_i A_ii.</summary>
    public Expr Trace()
    {
        Expr sum = 0;
        for (int i = 0; i < Size; i++) sum += _entries[i, i];
        return sum;
    }

    /// <summary>The vector A·v, for example the traction σ n.</summary>
    public Expr Times(Expr vector)
    {
        var v = vector as VectorExpr ?? throw new ArgumentException($"A·v needs a vector written by components; got {vector}", nameof(vector));
        if (v.Components.Count != Size) throw new ArgumentException($"a {Size} x {Size} tensor times a vector of {v.Components.Count} components", nameof(vector));
        return Expr.Vector(Enumerable.Range(0, Size).Select(i =>
        {
            Expr sum = 0;
            for (int j = 0; j < Size; j++) sum += _entries[i, j] * v.Components[j];
            return sum;
        }).ToArray());
    }

    /// <summary>A + B.</summary>
    public static TensorExpr operator +(TensorExpr a, TensorExpr b) => Combine(a, b, (x, y) => x + y);

    /// <summary>A - B.</summary>
    public static TensorExpr operator -(TensorExpr a, TensorExpr b) => Combine(a, b, (x, y) => x - y);

    /// <summary>c·A for a scalar c.</summary>
    public static TensorExpr operator *(Expr c, TensorExpr a) => Build(a.Size, (i, j) => c * a[i, j]);

    /// <summary>A·c for a scalar c.</summary>
    public static TensorExpr operator *(TensorExpr a, Expr c) => c * a;

    /// <summary>c·A for a number c.</summary>
    public static TensorExpr operator *(double c, TensorExpr a) => (Expr)c * a;

    /// <summary>-A.</summary>
    public static TensorExpr operator -(TensorExpr a) => Build(a.Size, (i, j) => -a[i, j]);

    private static TensorExpr Combine(TensorExpr a, TensorExpr b, Func<Expr, Expr, Expr> op)
    {
        if (a.Size != b.Size) throw new ArgumentException($"tensors of sizes {a.Size} and {b.Size} cannot be combined");
        return Build(a.Size, (i, j) => op(a[i, j], b[i, j]));
    }

    private static TensorExpr Build(int d, Func<int, int, Expr> entry)
    {
        var entries = new Expr[d, d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++) entries[i, j] = entry(i, j);
        }
        return new TensorExpr(entries);
    }
}
