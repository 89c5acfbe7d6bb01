using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Quadrature;
using PdeNet.Solvers.Fem.Elements;

namespace PdeNet.Solvers.Fem;

/// <summary>
/// Errors of a finite-element solution against an exact solution u: the L2 norm
/// ‖u_h - u‖ = (∫ (u_h - u)²)^½ and the H1 seminorm |u_h - u|₁ = (∫ |∇u_h - ∇u|²)^½, by a simplex
/// rule of degree max(5, 2k + 2) on every cell (k the element degree; ∇u symbolically). Works for
/// P1 and P2 on intervals, triangles and tetrahedra. For a vector unknown u is a vector and the
/// norms sum the components: ‖u_h - u‖² = Σ_c ‖u_h,c - u_c‖², |u_h - u|₁² = Σ_c |u_h,c - u_c|₁².
/// </summary>
public static class FemErrorNorms
{
    /// <summary>‖u_h - u‖ in L2 and |u_h - u| in the H1 seminorm at time <paramref name="time"/>.</summary>
    public static (double L2, double H1Seminorm) Of(FemSolution solution, Expr exact, double time = 0)
    {
        var space = solution.Space;
        var mesh = space.Mesh;
        var problem = solution.Problem;
        int d = space.Dimension, k = space.Element.DofCount, m = space.Components;
        var layout = new VariableLayout(d);
        var components = VectorComponents.OfValue(exact, d);
        if (components.Count != m) throw new ArgumentException($"the exact solution has {components.Count} components, the solution {m}", nameof(exact));
        var lowered = components.Select(c => Lowering.Lower(c, d)).ToArray();
        var u = lowered.Select(c => ExpressionCompiler.Compile(c, layout, problem.ValueOf)).ToArray();
        var gradient = lowered.SelectMany(c => Enumerable.Range(0, d).Select(i => ExpressionCompiler.Compile(Differentiation.Space(c, i), layout, problem.ValueOf))).ToArray();
        var table = new ElementTabulation(space.Element, SimplexQuadrature.OfDegree(d, Math.Max(5, 2 * space.Element.Degree + 2)));
        var coefficients = solution.ValuesAt(time);
        var map = new AffineMap(d);
        var gradients = new double[table.Count * k * d];
        var v = new double[layout.Count];
        v[layout.TimeSlot] = time;
        double l2 = 0, h1 = 0;
        for (int cell = 0; cell < mesh.CellCount; cell++)
        {
            map.Set(mesh.Coordinates, mesh.CellNodes(cell));
            map.Gradients(table.Gradients, gradients, table.Count * k);
            var dofs = space.Dofs.Dofs(cell);
            for (int q = 0; q < table.Count; q++)
            {
                var phi = table.ValuesAt(q);
                double w = map.Measure * table.Rule.Weights[q];
                map.Map(table.Rule.Point(q), v);
                for (int c = 0; c < m; c++)
                {
                    double uh = 0;
                    for (int a = 0; a < k; a++) uh += coefficients[dofs[a] * m + c] * phi[a];
                    double e = uh - u[c](v);
                    l2 += w * e * e;
                    for (int i = 0; i < d; i++)
                    {
                        double gh = 0;
                        for (int a = 0; a < k; a++) gh += coefficients[dofs[a] * m + c] * gradients[(q * k + a) * d + i];
                        double ei = gh - gradient[c * d + i](v);
                        h1 += w * ei * ei;
                    }
                }
            }
        }
        return (Math.Sqrt(l2), Math.Sqrt(h1));
    }
}
