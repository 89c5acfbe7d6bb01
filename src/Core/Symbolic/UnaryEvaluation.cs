namespace PdeNet.Core.Symbolic;

/// <summary>The numeric value of each <see cref="UnaryFunction"/>.</summary>
internal static class UnaryEvaluation
{
    public static double Evaluate(UnaryFunction function, double a) => function switch
    {
        UnaryFunction.Negate => -a,
        UnaryFunction.Sin => Math.Sin(a),
        UnaryFunction.Cos => Math.Cos(a),
        UnaryFunction.Tan => Math.Tan(a),
        UnaryFunction.Atan => Math.Atan(a),
        UnaryFunction.Exp => Math.Exp(a),
        UnaryFunction.Log => Math.Log(a),
        UnaryFunction.Sqrt => Math.Sqrt(a),
        UnaryFunction.Sinh => Math.Sinh(a),
        UnaryFunction.Cosh => Math.Cosh(a),
        UnaryFunction.Tanh => Math.Tanh(a),
        UnaryFunction.Abs => Math.Abs(a),
        UnaryFunction.Sign => Math.Sign(a),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };
}
