using PdeNet.Geometry.Quadrature;

namespace PdeNet.Solvers.Fem.Elements;

/// <summary>
/// An element's basis functions and reference gradients at the points of a quadrature rule,
/// computed once and read by every cell.
/// </summary>
internal sealed class ElementTabulation
{
    public ElementTabulation(LagrangeElement element, SimplexQuadrature rule)
    {
        if (rule.Dimension != element.Dimension) throw new ArgumentException($"a {rule.Dimension}-simplex rule cannot tabulate {element}", nameof(rule));
        Element = element;
        Rule = rule;
        int n = element.DofCount, d = element.Dimension;
        Values = new double[rule.Count * n];
        Gradients = new double[rule.Count * n * d];
        for (int q = 0; q < rule.Count; q++)
        {
            element.Evaluate(rule.Point(q), Values.AsSpan(q * n, n));
            element.ReferenceGradients(rule.Point(q), Gradients.AsSpan(q * n * d, n * d));
        }
    }

    /// <summary>The element.</summary>
    public LagrangeElement Element { get; }

    /// <summary>The rule.</summary>
    public SimplexQuadrature Rule { get; }

    /// <summary>Number of points.</summary>
    public int Count => Rule.Count;

    /// <summary>φ_a at point q, at index q·n + a.</summary>
    public double[] Values { get; }

    /// <summary>∂φ_a/∂ξ_j at point q, at index (q·n + a)·d + j.</summary>
    public double[] Gradients { get; }

    /// <summary>The basis values at point <paramref name="q"/>.</summary>
    public ReadOnlySpan<double> ValuesAt(int q) => Values.AsSpan(q * Element.DofCount, Element.DofCount);

    /// <summary>The reference gradients at point <paramref name="q"/>, shape (n, d).</summary>
    public ReadOnlySpan<double> GradientsAt(int q) => Gradients.AsSpan(q * Element.DofCount * Element.Dimension, Element.DofCount * Element.Dimension);
}
