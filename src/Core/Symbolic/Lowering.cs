using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Core.Symbolic;

/// <summary>
/// Rewrites an expression for a given space dimension d so that it contains no differential
/// operators: grad, div and ∂ are carried out symbolically down to the coordinates and to the
/// jet variables u, u_x, u_xx, u_t, ... (<see cref="Unknown"/> nodes). Vector-valued results are
/// <see cref="VectorExpr"/>s with d components. Lowered expressions are what the evaluators,
/// the FEM assembly and the PINN residual work on.
/// </summary>
public static class Lowering
{
    /// <summary>Lowers <paramref name="e"/> for a <paramref name="dimension"/>-dimensional problem.</summary>
    /// <exception cref="ArgumentException">The expression uses a coordinate or normal component beyond the dimension.</exception>
    public static Expr Lower(Expr e, int dimension)
    {
        if (dimension is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "problems are 1D, 2D or 3D");
        return LowerNode(e, dimension);
    }

    /// <summary>Lowers a vector expression and returns its d components.</summary>
    public static IReadOnlyList<Expr> LowerVector(Expr e, int dimension)
    {
        var lowered = Lower(e, dimension);
        return lowered is VectorExpr v ? v.Components : throw new ArgumentException($"{e} is not a vector");
    }

    private static Expr LowerNode(Expr e, int d)
    {
        switch (e)
        {
            case Coordinate c when c.Axis >= d:
                throw new ArgumentException($"the expression uses {c.Name}, but the problem is {d}D");
            case NormalComponent n when n.Axis >= d:
                throw new ArgumentException($"the expression uses normal component {n.Axis}, but the problem is {d}D");
            case GridCoefficient g when g.Dimension > d:
                throw new ArgumentException($"the expression uses the {g.Dimension}D grid coefficient '{g.Name}', but the problem is {d}D");
            case Leaf:
                return e;
            case Gradient g:
            {
                var operand = LowerNode(g.Operand, d);
                return Vector(Enumerable.Range(0, d).Select(i => Differentiation.Space(operand, i)).ToArray());
            }
            case Divergence div:
            {
                var components = Components(LowerNode(div.Operand, d), d, div);
                Expr sum = 0;
                for (int i = 0; i < d; i++) sum += Differentiation.Space(components[i], i);
                return sum;
            }
            case Derivative der:
            {
                var operand = LowerNode(der.Operand, d);
                if (der.Variable is Coordinate axis)
                {
                    if (axis.Axis >= d) throw new ArgumentException($"the expression differentiates in {axis.Name}, but the problem is {d}D");
                    return Differentiation.Space(operand, axis.Axis);
                }
                return Differentiation.Time(operand);
            }
            case Coefficient k:
            {
                var definition = LowerNode(k.Definition, d);
                return definition.Rank == 0 ? new Coefficient(k.Name, definition) : definition;
            }
            case Unary { Function: UnaryFunction.Negate } neg:
            {
                var a = LowerNode(neg.Argument, d);
                return a is VectorExpr v ? Vector(v.Components.Select(c => -c).ToArray()) : -a;
            }
            case Binary b:
            {
                var (a, c) = (LowerNode(b.Left, d), LowerNode(b.Right, d));
                return (b.Operator, a, c) switch
                {
                    (BinaryOperator.Add, VectorExpr va, VectorExpr vc) => Componentwise(va, vc, d, b, (x, y) => x + y),
                    (BinaryOperator.Subtract, VectorExpr va, VectorExpr vc) => Componentwise(va, vc, d, b, (x, y) => x - y),
                    (BinaryOperator.Multiply, VectorExpr va, _) => Vector(va.Components.Select(x => x * c).ToArray()),
                    (BinaryOperator.Multiply, _, VectorExpr vc) => Vector(vc.Components.Select(y => a * y).ToArray()),
                    (BinaryOperator.Divide, VectorExpr va, _) => Vector(va.Components.Select(x => x / c).ToArray()),
                    (BinaryOperator.Dot, _, _) => Dot(Vector(Components(a, d, b).ToArray()), Vector(Components(c, d, b).ToArray())),
                    _ => Apply(b.Operator, a, c),
                };
            }
            default:
                return e.WithChildren(e.Children.Select(child => LowerNode(child, d)).ToArray());
        }
    }

    private static IReadOnlyList<Expr> Components(Expr lowered, int d, Expr context)
    {
        if (lowered is not VectorExpr v) throw new ArgumentException($"{context} needs a vector operand; got {lowered}");
        if (v.Components.Count != d) throw new ArgumentException($"{context}: the vector {v} has {v.Components.Count} components in a {d}D problem");
        return v.Components;
    }

    private static Expr Componentwise(VectorExpr a, VectorExpr b, int d, Expr context, Func<Expr, Expr, Expr> op)
    {
        var (ca, cb) = (Components(a, d, context), Components(b, d, context));
        return Vector(Enumerable.Range(0, d).Select(i => op(ca[i], cb[i])).ToArray());
    }
}
