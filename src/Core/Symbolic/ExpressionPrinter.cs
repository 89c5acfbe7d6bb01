using System.Globalization;

namespace PdeNet.Core.Symbolic;

/// <summary>Prints expressions as one would type them: <c>-div(k*grad(u)) - f</c>, <c>u_t + beta*u_x</c>.</summary>
internal static class ExpressionPrinter
{
    private const int Sum = 1, Product = 2, Prefix = 3, Power = 4, Atom = 5;

    public static string Print(Expr e) => Print(e, out _);

    private static string Print(Expr e, out int precedence)
    {
        precedence = Atom;
        switch (e)
        {
            case Constant c:
                if (c.Value < 0) precedence = Prefix;
                return c.Value.ToString("R", CultureInfo.InvariantCulture);
            case Parameter p: return p.Name;
            case Coordinate x: return x.Name;
            case TimeVariable: return "t";
            case NormalComponent n: return "n_" + Symbolic.Coordinate.AxisName(n.Axis);
            case Unknown u: return u.Label;
            case Coefficient k: return k.Name;
            case GridCoefficient g: return g.Name;
            case GridCoefficientSlope s: return $"d({s.Source.Name})/d{Symbolic.Coordinate.AxisName(s.Axis)}";
            case Gradient g: return $"grad({Print(g.Operand)})";
            case Divergence { Operand: Gradient inner }: return $"laplacian({Print(inner.Operand)})";
            case Divergence d: return $"div({Print(d.Operand)})";
            case Derivative { Variable: var v } der: return $"d({Print(der.Operand)})/d{Print(v)}";
            case VectorExpr v: return "[" + string.Join(", ", v.Components.Select(Print)) + "]";
            case Unary { Function: UnaryFunction.Negate } neg:
                precedence = Prefix;
                return "-" + Wrap(neg.Argument, Prefix + 1);
            case Unary f: return $"{f.Function.ToString().ToLowerInvariant()}({Print(f.Argument)})";
            case Binary b:
                switch (b.Operator)
                {
                    case BinaryOperator.Add:
                        precedence = Sum;
                        return $"{Wrap(b.Left, Sum)} + {Wrap(b.Right, Sum + 1)}";
                    case BinaryOperator.Subtract:
                        precedence = Sum;
                        return $"{Wrap(b.Left, Sum)} - {Wrap(b.Right, Sum + 1)}";
                    case BinaryOperator.Multiply:
                        precedence = Product;
                        return $"{Wrap(b.Left, Product)}*{Wrap(b.Right, Product + 1)}";
                    case BinaryOperator.Divide:
                        precedence = Product;
                        return $"{Wrap(b.Left, Product)}/{Wrap(b.Right, Product + 1)}";
                    case BinaryOperator.Power:
                        precedence = Power;
                        return $"{Wrap(b.Left, Power + 1)}^{Wrap(b.Right, Power)}";
                    case BinaryOperator.Atan2: return $"atan2({Print(b.Left)}, {Print(b.Right)})";
                    case BinaryOperator.Dot: return $"dot({Print(b.Left)}, {Print(b.Right)})";
                }
                break;
        }
        throw new NotSupportedException($"cannot print a {e.GetType().Name}");
    }

    /// <summary>Prints <paramref name="e"/>, in parentheses when it binds looser than <paramref name="needed"/>.</summary>
    private static string Wrap(Expr e, int needed)
    {
        string text = Print(e, out int precedence);
        return precedence < needed ? $"({text})" : text;
    }
}
