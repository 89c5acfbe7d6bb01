using System.Linq.Expressions;
using System.Reflection;
using LinqExpression = System.Linq.Expressions.Expression;

namespace PdeNet.Core.Symbolic;

/// <summary>
/// Compiles a lowered scalar expression into a delegate over a variable array laid out by a
/// <see cref="VariableLayout"/>, with parameter values fixed at compile time. The delegate runs
/// at the speed of hand-written C#, which the FEM assembly and error norms rely on.
/// </summary>
public static class ExpressionCompiler
{
    /// <summary>Compiles <paramref name="e"/>.</summary>
    /// <param name="e">A lowered scalar expression.</param>
    /// <param name="layout">Where coordinates, time, normal and jet variables sit.</param>
    /// <param name="parameterValue">The value of each parameter.</param>
    public static Func<double[], double> Compile(Expr e, VariableLayout layout, Func<Parameter, double> parameterValue)
    {
        if (e.Rank != 0) throw new ArgumentException($"only scalar expressions compile; {e} is a vector");
        var variables = LinqExpression.Parameter(typeof(double[]), "v");
        var body = Build(e, variables, layout, parameterValue);
        return LinqExpression.Lambda<Func<double[], double>>(body, variables).Compile();
    }

    private static readonly Dictionary<UnaryFunction, MethodInfo> MathFunctions = new()
    {
        [UnaryFunction.Sin] = Method(nameof(Math.Sin)),
        [UnaryFunction.Cos] = Method(nameof(Math.Cos)),
        [UnaryFunction.Tan] = Method(nameof(Math.Tan)),
        [UnaryFunction.Atan] = Method(nameof(Math.Atan)),
        [UnaryFunction.Exp] = Method(nameof(Math.Exp)),
        [UnaryFunction.Log] = Method(nameof(Math.Log)),
        [UnaryFunction.Sqrt] = Method(nameof(Math.Sqrt)),
        [UnaryFunction.Sinh] = Method(nameof(Math.Sinh)),
        [UnaryFunction.Cosh] = Method(nameof(Math.Cosh)),
        [UnaryFunction.Tanh] = Method(nameof(Math.Tanh)),
        [UnaryFunction.Abs] = Method(nameof(Math.Abs)),
    };

    private static MethodInfo Method(string name, int arguments = 1) =>
        typeof(Math).GetMethod(name, Enumerable.Repeat(typeof(double), arguments).ToArray())!;

    private static LinqExpression Build(Expr e, ParameterExpression v, VariableLayout layout, Func<Parameter, double> parameterValue)
    {
        LinqExpression Recurse(Expr a) => Build(a, v, layout, parameterValue);
        LinqExpression Slot(int index) => LinqExpression.ArrayIndex(v, LinqExpression.Constant(index));
        switch (e)
        {
            case Constant c: return LinqExpression.Constant(c.Value);
            case Parameter p: return LinqExpression.Constant(parameterValue(p));
            case Coordinate x: return Slot(layout.CoordinateSlot(x.Axis));
            case TimeVariable: return Slot(layout.TimeSlot);
            case NormalComponent n: return Slot(layout.NormalOffset + n.Axis);
            case Unknown u: return Slot(layout.SlotOf(u));
            case Coefficient k: return Recurse(k.Definition);
            case GridCoefficientSlope s:
                return LinqExpression.Call(LinqExpression.Constant(s), typeof(GridCoefficientSlope).GetMethod(nameof(GridCoefficientSlope.At))!,
                    Slot(layout.CoordinateSlot(0)), s.Source.Dimension == 1 ? LinqExpression.Constant(0.0) : Slot(layout.CoordinateSlot(1)));
            case GridCoefficient g when g.Dimension == 1:
                return LinqExpression.Call(LinqExpression.Constant(g), typeof(GridCoefficient).GetMethod(nameof(GridCoefficient.At), [typeof(double)])!, Slot(layout.CoordinateSlot(0)));
            case GridCoefficient g:
                if (layout.Dimension < 2) throw new InvalidOperationException($"grid coefficient '{g.Name}' is 2D, but the expression is evaluated in {layout.Dimension}D");
                return LinqExpression.Call(LinqExpression.Constant(g), typeof(GridCoefficient).GetMethod(nameof(GridCoefficient.At), [typeof(double), typeof(double)])!,
                    Slot(layout.CoordinateSlot(0)), Slot(layout.CoordinateSlot(1)));
            case Unary { Function: UnaryFunction.Negate } neg: return LinqExpression.Negate(Recurse(neg.Argument));
            case Unary { Function: UnaryFunction.Sign } sign:
                return LinqExpression.Convert(LinqExpression.Call(Method(nameof(Math.Sign)), Recurse(sign.Argument)), typeof(double));
            case Unary f: return LinqExpression.Call(MathFunctions[f.Function], Recurse(f.Argument));
            case Binary { Operator: BinaryOperator.Power, Right: Constant { Value: 2 } } square:
            {
                var a = LinqExpression.Variable(typeof(double));
                return LinqExpression.Block([a], LinqExpression.Assign(a, Recurse(square.Left)), LinqExpression.Multiply(a, a));
            }
            case Binary b:
            {
                var (l, r) = (Recurse(b.Left), Recurse(b.Right));
                return b.Operator switch
                {
                    BinaryOperator.Add => LinqExpression.Add(l, r),
                    BinaryOperator.Subtract => LinqExpression.Subtract(l, r),
                    BinaryOperator.Multiply => LinqExpression.Multiply(l, r),
                    BinaryOperator.Divide => LinqExpression.Divide(l, r),
                    BinaryOperator.Power => LinqExpression.Call(Method(nameof(Math.Pow), 2), l, r),
                    BinaryOperator.Atan2 => LinqExpression.Call(Method(nameof(Math.Atan2), 2), l, r),
                    _ => throw new InvalidOperationException($"{b.Operator} of vectors does not compile; lower the expression first"),
                };
            }
            default:
                throw new InvalidOperationException($"only lowered scalar expressions compile; {e} contains {e.GetType().Name.ToLowerInvariant()} (call Lowering.Lower first)");
        }
    }
}
