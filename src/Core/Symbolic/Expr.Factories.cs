namespace PdeNet.Core.Symbolic;

// Building expressions: variables, elementary functions and differential operators, written as
// on paper after `using static PdeNet.Core.Symbolic.Expr;`. Every builder folds trivial cases.
public abstract partial class Expr
{
    /// <summary>The coordinate x.</summary>
    public static Coordinate X { get; } = new(0);

    /// <summary>The coordinate y.</summary>
    public static Coordinate Y { get; } = new(1);

    /// <summary>The coordinate z.</summary>
    public static Coordinate Z { get; } = new(2);

    /// <summary>The time t.</summary>
    public static TimeVariable T => TimeVariable.Instance;

    /// <summary>π as a constant.</summary>
    public static Expr Pi { get; } = new Constant(Math.PI);

    /// <summary>The coordinate x_i.</summary>
    public static Coordinate CoordinateAlong(int axis) => axis switch { 0 => X, 1 => Y, 2 => Z, _ => new Coordinate(axis) };

    /// <summary>A named parameter with a default value.</summary>
    public static Parameter Param(string name, double defaultValue, string description = "", string units = "") => new(name, defaultValue, description, units);

    /// <summary>Names <paramref name="definition"/> as the coefficient <paramref name="name"/>.</summary>
    public static Coefficient Named(string name, Expr definition) => new(name, definition);

    /// <summary>sin a.</summary>
    public static Expr Sin(Expr a) => Apply(UnaryFunction.Sin, a);

    /// <summary>cos a.</summary>
    public static Expr Cos(Expr a) => Apply(UnaryFunction.Cos, a);

    /// <summary>tan a.</summary>
    public static Expr Tan(Expr a) => Apply(UnaryFunction.Tan, a);

    /// <summary>arctan a.</summary>
    public static Expr Atan(Expr a) => Apply(UnaryFunction.Atan, a);

    /// <summary>e^a.</summary>
    public static Expr Exp(Expr a) => Apply(UnaryFunction.Exp, a);

    /// <summary>ln a.</summary>
    public static Expr Log(Expr a) => Apply(UnaryFunction.Log, a);

    /// <summary>√a.</summary>
    public static Expr Sqrt(Expr a) => Apply(UnaryFunction.Sqrt, a);

    /// <summary>sinh a.</summary>
    public static Expr Sinh(Expr a) => Apply(UnaryFunction.Sinh, a);

    /// <summary>cosh a.</summary>
    public static Expr Cosh(Expr a) => Apply(UnaryFunction.Cosh, a);

    /// <summary>tanh a.</summary>
    public static Expr Tanh(Expr a) => Apply(UnaryFunction.Tanh, a);

    /// <summary>|a|.</summary>
    public static Expr Abs(Expr a) => Apply(UnaryFunction.Abs, a);

    /// <summary>sign a.</summary>
    public static Expr Sign(Expr a) => Apply(UnaryFunction.Sign, a);

    /// <summary>a^b.</summary>
    public static Expr Pow(Expr a, Expr b) => Apply(BinaryOperator.Power, a, b);

    /// <summary>atan2(a, b): the angle of the point (b, a), in (-π, π].</summary>
    public static Expr Atan2(Expr a, Expr b) => Apply(BinaryOperator.Atan2, a, b);

    /// <summary>a · b for two vectors.</summary>
    public static Expr Dot(Expr a, Expr b) => Apply(BinaryOperator.Dot, a, b);

    /// <summary>The vector with the given scalar components.</summary>
    public static Expr Vector(params Expr[] components) => new VectorExpr(components);

    /// <summary>grad(a).</summary>
    public static Expr Grad(Expr a) => new Gradient(a);

    /// <summary>div(v).</summary>
    public static Expr Div(Expr v) => new Divergence(v);

    /// <summary>The Laplacian Δa = div(grad(a)).</summary>
    public static Expr Laplacian(Expr a) => Div(Grad(a));

    /// <summary>∂a/∂v for v a coordinate or t.</summary>
    public static Expr D(Expr a, Expr variable) => new Derivative(a, variable);

    /// <summary>∂a/∂x.</summary>
    public static Expr Dx(Expr a) => D(a, X);

    /// <summary>∂a/∂y.</summary>
    public static Expr Dy(Expr a) => D(a, Y);

    /// <summary>∂a/∂z.</summary>
    public static Expr Dz(Expr a) => D(a, Z);

    /// <summary>∂a/∂t.</summary>
    public static Expr Dt(Expr a) => D(a, T);

    /// <summary>The unit outward normal n = (n_x, ..., ) in <paramref name="dimension"/> dimensions.</summary>
    public static Expr Normal(int dimension) => Vector(Enumerable.Range(0, dimension).Select(i => (Expr)new NormalComponent(i)).ToArray());

    /// <summary>The normal derivative ∂a/∂n = grad(a) · n in <paramref name="dimension"/> dimensions.</summary>
    public static Expr NormalDerivative(Expr a, int dimension) => Dot(Grad(a), Normal(dimension));

    /// <summary>a + b, folding zeros and constants.</summary>
    public static Expr Add(Expr a, Expr b)
    {
        if (a is Constant ca && b is Constant cb) return ca.Value + cb.Value;
        if (a.IsConstant(0) && b.Rank == 0) return b;
        if (b.IsConstant(0) && a.Rank == 0) return a;
        if (b is Unary { Function: UnaryFunction.Negate } nb) return Subtract(a, nb.Argument);
        if (b is Constant { Value: < 0 } negative) return Subtract(a, -negative.Value);
        return new Binary(BinaryOperator.Add, a, b);
    }

    /// <summary>a - b, folding zeros and constants.</summary>
    public static Expr Subtract(Expr a, Expr b)
    {
        if (a is Constant ca && b is Constant cb) return ca.Value - cb.Value;
        if (b.IsConstant(0) && a.Rank == 0) return a;
        if (a.IsConstant(0) && b.Rank == 0) return Negate(b);
        if (b is Unary { Function: UnaryFunction.Negate } nb) return Add(a, nb.Argument);
        if (b is Constant { Value: < 0 } negative) return Add(a, -negative.Value);
        if (a.Equals(b) && a.Rank == 0) return 0;
        return new Binary(BinaryOperator.Subtract, a, b);
    }

    /// <summary>a · b, folding ones, zeros and constants.</summary>
    public static Expr Multiply(Expr a, Expr b)
    {
        if (a is Constant ca && b is Constant cb) return ca.Value * cb.Value;
        if (b is Constant && a is not Constant) (a, b) = (b, a);
        if (a is Constant c)
        {
            if (c.Value == 0 && b.Rank == 0) return 0;
            if (c.Value == 1) return b;
            if (c.Value == -1) return Negate(b);
            if (b is Binary { Operator: BinaryOperator.Multiply, Left: Constant inner } product) return Multiply(c.Value * inner.Value, product.Right);
        }
        if (a is Unary { Function: UnaryFunction.Negate } na) return Negate(Multiply(na.Argument, b));
        if (b is Unary { Function: UnaryFunction.Negate } nb) return Negate(Multiply(a, nb.Argument));
        return new Binary(BinaryOperator.Multiply, a, b);
    }

    /// <summary>a / b, folding ones, zeros and constants.</summary>
    public static Expr Divide(Expr a, Expr b)
    {
        if (a is Constant ca && b is Constant cb) return ca.Value / cb.Value;
        if (b.IsConstant(1)) return a;
        if (a.IsConstant(0) && !b.IsConstant(0)) return 0;
        return new Binary(BinaryOperator.Divide, a, b);
    }

    /// <summary>-a, folding constants and double negation.</summary>
    public static Expr Negate(Expr a) => a switch
    {
        Constant c => -c.Value,
        Unary { Function: UnaryFunction.Negate } n => n.Argument,
        _ => new Unary(UnaryFunction.Negate, a),
    };

    /// <summary>f(a) for a function of one argument, evaluated at once on constants.</summary>
    public static Expr Apply(UnaryFunction function, Expr a)
    {
        if (function == UnaryFunction.Negate) return Negate(a);
        if (a is Constant c) return UnaryEvaluation.Evaluate(function, c.Value);
        return new Unary(function, a);
    }

    /// <summary>a ∘ b for a binary operation, folding trivial cases.</summary>
    public static Expr Apply(BinaryOperator op, Expr a, Expr b)
    {
        switch (op)
        {
            case BinaryOperator.Add: return Add(a, b);
            case BinaryOperator.Subtract: return Subtract(a, b);
            case BinaryOperator.Multiply: return Multiply(a, b);
            case BinaryOperator.Divide: return Divide(a, b);
            case BinaryOperator.Power:
                if (a is Constant pa && b is Constant pb) return Math.Pow(pa.Value, pb.Value);
                if (b.IsConstant(0)) return 1;
                if (b.IsConstant(1)) return a;
                if (a.IsConstant(1)) return 1;
                return new Binary(op, a, b);
            case BinaryOperator.Atan2:
                if (a is Constant ya && b is Constant xb) return Math.Atan2(ya.Value, xb.Value);
                return new Binary(op, a, b);
            default:
                if (a is VectorExpr va && b is VectorExpr vb && va.Components.Count == vb.Components.Count)
                {
                    Expr sum = 0;
                    for (int i = 0; i < va.Components.Count; i++) sum = Add(sum, Multiply(va.Components[i], vb.Components[i]));
                    return sum;
                }
                return new Binary(op, a, b);
        }
    }
}
