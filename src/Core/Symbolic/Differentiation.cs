using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Core.Symbolic;

/// <summary>
/// Symbolic derivatives of lowered expressions (no grad, div or ∂ nodes; see
/// <see cref="Lowering"/>). One chain-rule mechanism serves all kinds of derivative; they differ
/// only in what a leaf differentiates to.
/// </summary>
public static class Differentiation
{
    /// <summary>
    /// The total derivative ∂e/∂x_axis: coordinates differentiate to 0 or 1 and the unknown u_α to
    /// u_α+e_axis, so derivatives of the unknown are carried along (chain rule through u).
    /// </summary>
    public static Expr Space(Expr e, int axis) => Differentiate(e, leaf => leaf switch
    {
        Coordinate c => c.Axis == axis ? 1 : 0,
        Unknown u => u.DifferentiateSpace(axis),
        GridCoefficient g => new GridCoefficientSlope(g, axis),
        GridCoefficientSlope s => throw new NotSupportedException(
            $"the grid coefficient '{s.Source.Name}' has no second derivatives; keep it inside a flux such as -div({s.Source.Name}*grad(u)), which the finite-element weak form integrates by parts"),
        _ => 0,
    });

    /// <summary>The total derivative ∂e/∂t (the unknown u_α differentiates to u_tα).</summary>
    public static Expr Time(Expr e) => Differentiate(e, leaf => leaf switch
    {
        TimeVariable => 1,
        Unknown u => u.DifferentiateTime(),
        _ => 0,
    });

    /// <summary>
    /// The partial derivative ∂e/∂w where w is one jet variable (u, u_x, ...) and all other jet
    /// variables, coordinates and time are held fixed: the linearisation used by Newton's method.
    /// </summary>
    public static Expr WithRespectTo(Expr e, Unknown variable) => Differentiate(e, leaf => leaf.Equals(variable) ? 1 : 0);

    /// <summary>The partial derivative ∂e/∂p with respect to a parameter.</summary>
    public static Expr WithRespectTo(Expr e, Parameter variable) => Differentiate(e, leaf => leaf.Equals(variable) ? 1 : 0);

    private static Expr Differentiate(Expr e, Func<Leaf, Expr> leafRule)
    {
        Expr D(Expr a) => Differentiate(a, leafRule);
        switch (e)
        {
            case Leaf leaf:
                return leafRule(leaf);
            case Coefficient k:
                return D(k.Definition);
            case VectorExpr v:
                return Vector(v.Components.Select(D).ToArray());
            case Unary u:
            {
                var a = u.Argument;
                var da = D(a);
                if (da.IsConstant(0)) return 0;
                return u.Function switch
                {
                    UnaryFunction.Negate => -da,
                    UnaryFunction.Sin => Cos(a) * da,
                    UnaryFunction.Cos => -(Sin(a) * da),
                    UnaryFunction.Tan => da / Pow(Cos(a), 2),
                    UnaryFunction.Atan => da / (1 + Pow(a, 2)),
                    UnaryFunction.Exp => e * da,
                    UnaryFunction.Log => da / a,
                    UnaryFunction.Sqrt => da / (2 * e),
                    UnaryFunction.Sinh => Cosh(a) * da,
                    UnaryFunction.Cosh => Sinh(a) * da,
                    UnaryFunction.Tanh => (1 - Pow(e, 2)) * da,
                    UnaryFunction.Abs => Sign(a) * da,
                    UnaryFunction.Sign => 0,
                    _ => throw new NotSupportedException($"no derivative rule for {u.Function}"),
                };
            }
            case Binary { Rank: 0 } b:
            {
                var (a, c) = (b.Left, b.Right);
                var (da, dc) = (D(a), D(c));
                bool constantA = IsZero(da), constantC = IsZero(dc);
                if (constantA && constantC) return 0;
                return b.Operator switch
                {
                    BinaryOperator.Add => da + dc,
                    BinaryOperator.Subtract => da - dc,
                    BinaryOperator.Multiply => da * c + a * dc,
                    BinaryOperator.Divide => constantC ? da / c : (da * c - a * dc) / Pow(c, 2),
                    BinaryOperator.Power => constantC ? c * Pow(a, c - 1) * da : e * (dc * Log(a) + c * da / a),
                    BinaryOperator.Atan2 => (c * da - a * dc) / (Pow(a, 2) + Pow(c, 2)),
                    BinaryOperator.Dot => Dot(da, c) + Dot(a, dc),
                    _ => throw new NotSupportedException($"no derivative rule for {b.Operator}"),
                };
            }
            default:
                throw new InvalidOperationException($"differentiate lowered expressions only; {e} still contains {e.GetType().Name.ToLowerInvariant()} (call Lowering.Lower first)");
        }
    }

    private static bool IsZero(Expr e) => e.IsConstant(0) || (e is VectorExpr v && v.Components.All(c => c.IsConstant(0)));
}
