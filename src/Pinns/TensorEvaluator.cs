using PdeNet.Core.Symbolic;
using PdeNet.Neural;
using static TorchSharp.torch;

namespace PdeNet.Pinns;

/// <summary>
/// Evaluates a lowered scalar expression on a batch of points as a differentiable tensor of shape
/// (n): coordinates, time and normals come from the batch, derivatives of u from a
/// <see cref="ITensorJet"/> (autograd of a network in <see cref="TensorJet"/>), parameters are fixed numbers unless <paramref name="trainable"/> holds a tensor for them
/// (fitted coefficients of an inverse problem). Repeated subexpressions are evaluated once.
/// </summary>
internal sealed class TensorEvaluator(ITensorJet jet, Func<Parameter, double> parameterValue, ScalarType dtype, IReadOnlyDictionary<string, Tensor>? trainable = null)
{
    private readonly Dictionary<Expr, Tensor> _memo = [];

    public Tensor Evaluate(Expr e)
    {
        if (_memo.TryGetValue(e, out var known)) return known;
        var value = Compute(e);
        _memo[e] = value;
        return value;
    }

    private Tensor Scalar(double value) => tensor(value, dtype);

    private Tensor Compute(Expr e)
    {
        switch (e)
        {
            case Constant c: return Scalar(c.Value);
            case Parameter p: return trainable is not null && trainable.TryGetValue(p.Name, out var fitted) ? fitted : Scalar(parameterValue(p));
            case Coordinate x: return jet.Coordinate(x.Axis);
            case TimeVariable: return jet.Time;
            case NormalComponent n: return jet.Normal(n.Axis);
            case Unknown u: return jet.Get(u);
            case Coefficient k: return Evaluate(k.Definition);
            case GridCoefficientSlope s:
                throw new NotSupportedException($"the grid-sampled coefficient '{s.Source.Name}' cannot be evaluated on tensors (PINN residuals); solve this problem with the finite-element reference, or give the coefficient as an expression");
            case GridCoefficient g:
                throw new NotSupportedException($"the grid-sampled coefficient '{g.Name}' cannot be evaluated on tensors (PINN residuals); solve this problem with the finite-element reference, or give the coefficient as an expression");
            case Unary f:
            {
                var a = Evaluate(f.Argument);
                return f.Function switch
                {
                    UnaryFunction.Negate => -a,
                    UnaryFunction.Sin => a.sin(),
                    UnaryFunction.Cos => a.cos(),
                    UnaryFunction.Tan => a.tan(),
                    UnaryFunction.Atan => a.atan(),
                    UnaryFunction.Exp => a.exp(),
                    UnaryFunction.Log => a.log(),
                    UnaryFunction.Sqrt => a.sqrt(),
                    UnaryFunction.Sinh => a.sinh(),
                    UnaryFunction.Cosh => a.cosh(),
                    UnaryFunction.Tanh => a.tanh(),
                    UnaryFunction.Abs => a.abs(),
                    UnaryFunction.Sign => a.sign(),
                    _ => throw new NotSupportedException($"no tensor rule for {f.Function}"),
                };
            }
            case Binary { Operator: BinaryOperator.Power, Right: Constant exponent } power:
                return Evaluate(power.Left).Power(exponent.Value);
            case Binary b:
            {
                var (l, r) = (Evaluate(b.Left), Evaluate(b.Right));
                return b.Operator switch
                {
                    BinaryOperator.Add => l.Plus(r),
                    BinaryOperator.Subtract => l.Minus(r),
                    BinaryOperator.Multiply => l * r,
                    BinaryOperator.Divide => l / r,
                    BinaryOperator.Power => l.pow(r),
                    BinaryOperator.Atan2 => l.atan2(r),
                    _ => throw new InvalidOperationException($"{b.Operator} of vectors does not evaluate; lower the expression first"),
                };
            }
            default:
                throw new InvalidOperationException($"only lowered scalar expressions evaluate on tensors; {e} contains {e.GetType().Name.ToLowerInvariant()}");
        }
    }
}
