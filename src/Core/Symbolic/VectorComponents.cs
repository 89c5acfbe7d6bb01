namespace PdeNet.Core.Symbolic;

/// <summary>
/// The components of a vector expression without lowering it: sums, differences, negations,
/// scalar multiples and quotients are split component by component, grad(a) becomes
/// (∂a/∂x_1, ..., ∂a/∂x_d), so divergences inside the components stay divergences (the weak form
/// needs them unlowered).
/// </summary>
public static class VectorComponents
{
    /// <summary>
    /// The values of a scalar or vector quantity (a solution, a boundary value): a scalar as its one
    /// component, a vector as <see cref="Of"/> splits it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="e"/> is a vector that cannot be split.</exception>
    public static IReadOnlyList<Expr> OfValue(Expr e, int dimension) => e.Rank == 0 ? [e] : Of(e, dimension);

    /// <summary>The components of the vector <paramref name="e"/> in <paramref name="dimension"/> dimensions.</summary>
    /// <exception cref="ArgumentException"><paramref name="e"/> is not a vector, or is built in a way that cannot be split.</exception>
    public static IReadOnlyList<Expr> Of(Expr e, int dimension)
    {
        if (e.Rank != 1) throw new ArgumentException($"{e} is not a vector");
        switch (e)
        {
            case VectorExpr v:
                return v.Components;
            case Gradient g:
                return Enumerable.Range(0, dimension).Select(i => Expr.D(g.Operand, Expr.CoordinateAlong(i))).ToArray();
            case Coefficient k:
                return Of(k.Definition, dimension);
            case Unary { Function: UnaryFunction.Negate } neg:
                return Of(neg.Argument, dimension).Select(c => -c).ToArray();
            case Binary { Operator: BinaryOperator.Add or BinaryOperator.Subtract } b:
            {
                var (left, right) = (Of(b.Left, dimension), Of(b.Right, dimension));
                if (left.Count != right.Count) throw new ArgumentException($"{e} adds vectors of {left.Count} and {right.Count} components");
                return left.Zip(right, (x, y) => b.Operator == BinaryOperator.Add ? x + y : x - y).ToArray();
            }
            case Binary { Operator: BinaryOperator.Multiply } m:
                return m.Left.Rank == 1 ? Of(m.Left, dimension).Select(c => c * m.Right).ToArray() : Of(m.Right, dimension).Select(c => m.Left * c).ToArray();
            case Binary { Operator: BinaryOperator.Divide } q:
                return Of(q.Left, dimension).Select(c => c / q.Right).ToArray();
            default:
                throw new ArgumentException($"the vector {e} cannot be split into components; write it with Vector(...), grad, sums and scalar multiples");
        }
    }
}
