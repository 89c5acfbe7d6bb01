using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Quadrature;

namespace PdeNet.Solvers.Fem;

/// <summary>
/// Errors of a finite-element solution against an exact solution u: the L2 norm
/// ‖u_h - u‖ = (∫ (u_h - u)²)^½ and the H1 seminorm |u_h - u|₁ = (∫ |∇u_h - ∇u|²)^½, by
/// quadrature of degree 5 on every triangle (∇u symbolically).
/// </summary>
public static class FemErrorNorms
{
    /// <summary>‖u_h - u‖ in L2 and |u_h - u| in the H1 seminorm.</summary>
    public static (double L2, double H1Seminorm) Of(FemSolution solution, Expr exact, double time = 0)
    {
        var mesh = solution.Mesh;
        var problem = solution.Problem;
        var layout = new VariableLayout(2);
        var lowered = Lowering.Lower(exact, 2);
        var u = ExpressionCompiler.Compile(lowered, layout, problem.ValueOf);
        var gradient = Enumerable.Range(0, 2).Select(i => ExpressionCompiler.Compile(Differentiation.Space(lowered, i), layout, problem.ValueOf)).ToArray();
        var rule = TriangleQuadrature.OfDegree(5);
        var c = mesh.Coordinates;
        var values = solution.Values;
        var v = new double[layout.Count];
        v[layout.TimeSlot] = time;
        double l2 = 0, h1 = 0;
        for (int cell = 0; cell < mesh.CellCount; cell++)
        {
            var n = mesh.CellNodes(cell);
            double x0 = c[2 * n[0]], y0 = c[2 * n[0] + 1], x1 = c[2 * n[1]], y1 = c[2 * n[1] + 1], x2 = c[2 * n[2]], y2 = c[2 * n[2] + 1];
            double det = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
            double g1x = (y2 - y0) / det, g1y = -(x2 - x0) / det, g2x = -(y1 - y0) / det, g2y = (x1 - x0) / det;
            double uhx = values[n[0]] * (-g1x - g2x) + values[n[1]] * g1x + values[n[2]] * g2x;
            double uhy = values[n[0]] * (-g1y - g2y) + values[n[1]] * g1y + values[n[2]] * g2y;
            for (int q = 0; q < rule.Count; q++)
            {
                double l0 = rule.Barycentric[3 * q], l1 = rule.Barycentric[3 * q + 1], l2q = rule.Barycentric[3 * q + 2];
                double w = Math.Abs(det) / 2 * rule.Weights[q];
                v[0] = l0 * x0 + l1 * x1 + l2q * x2;
                v[1] = l0 * y0 + l1 * y1 + l2q * y2;
                double e = l0 * values[n[0]] + l1 * values[n[1]] + l2q * values[n[2]] - u(v);
                double ex = uhx - gradient[0](v), ey = uhy - gradient[1](v);
                l2 += w * e * e;
                h1 += w * (ex * ex + ey * ey);
            }
        }
        return (Math.Sqrt(l2), Math.Sqrt(h1));
    }
}
