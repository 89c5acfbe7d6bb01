using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Meshes;
using PdeNet.Geometry.Quadrature;
using PdeNet.Solvers.LinearAlgebra;

namespace PdeNet.Solvers.Fem;

/// <summary>
/// Assembles the residual vector r_a(U) = r(u_h; φ_a) and the Jacobian J_ab = ∂r_a/∂U_b of a
/// <see cref="WeakForm"/> for continuous piecewise-linear (P1) elements on a 2D triangle mesh.
/// Volume integrals use a triangle rule of the chosen degree, boundary integrals a 3-point
/// Gauss–Legendre rule per edge.
/// </summary>
internal sealed class P1Assembler
{
    private static readonly double[] EdgePoints = [0.5 - Math.Sqrt(0.15), 0.5, 0.5 + Math.Sqrt(0.15)];
    private static readonly double[] EdgeWeights = [5.0 / 18, 8.0 / 18, 5.0 / 18];

    private readonly Mesh _mesh;
    private readonly TriangleQuadrature _rule;
    private readonly VariableLayout _layout;
    private readonly CompiledScalar[] _flux, _fluxByU, _fluxByGradient;
    private readonly CompiledScalar _source, _sourceByU;
    private readonly CompiledScalar[] _sourceByGradient;
    private readonly (int Facet, CompiledScalar Flux, CompiledScalar FluxByU)[] _naturalFacets;
    private readonly double[] _facetNormals;
    private CellScatter? _scatter;

    public P1Assembler(WeakForm form, Mesh mesh, int quadratureDegree)
    {
        if (mesh.CellType != CellType.Triangle || mesh.GeometricDimension != 2)
            throw new NotSupportedException($"the P1 assembler handles 2D triangle meshes; got {mesh.CellType} in {mesh.GeometricDimension}D");
        _mesh = mesh;
        _rule = TriangleQuadrature.OfDegree(quadratureDegree);
        _layout = new VariableLayout(2, form.Jet);
        var problem = form.Problem;
        CompiledScalar Compile(Expr e) => CompiledScalar.Of(e, _layout, problem);
        _flux = form.Flux.Select(Compile).ToArray();
        _fluxByU = form.Flux.Select(f => Compile(Differentiation.WithRespectTo(f, form.Unknown))).ToArray();
        _fluxByGradient = form.Flux.SelectMany(f => form.Gradient.Select(g => Compile(Differentiation.WithRespectTo(f, g)))).ToArray();
        _source = Compile(form.Source);
        _sourceByU = Compile(Differentiation.WithRespectTo(form.Source, form.Unknown));
        _sourceByGradient = form.Gradient.Select(g => Compile(Differentiation.WithRespectTo(form.Source, g))).ToArray();
        _facetNormals = mesh.BoundaryFacetNormals();
        _naturalFacets = NaturalFacets(form, mesh, Compile);
    }

    /// <summary>The boundary facets that carry a normal-flux term, with its compiled integrand.</summary>
    private static (int, CompiledScalar, CompiledScalar)[] NaturalFacets(WeakForm form, Mesh mesh, Func<Expr, CompiledScalar> compile)
    {
        var problem = form.Problem;
        var kernels = new Dictionary<BoundaryCondition, (CompiledScalar, CompiledScalar)>(ReferenceEqualityComparer.Instance);
        (CompiledScalar, CompiledScalar)? zeroFlux = null;
        var facets = new List<(int, CompiledScalar, CompiledScalar)>();
        Span<double> midpoint = stackalloc double[2];
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            var nodes = mesh.FacetNodes(f);
            for (int i = 0; i < 2; i++) midpoint[i] = (mesh.Node(nodes[0])[i] + mesh.Node(nodes[1])[i]) / 2;
            var condition = problem.ConditionAt(mesh.PartNames[mesh.BoundaryFacetParts[f]], midpoint);
            if (condition is Dirichlet) continue;
            (CompiledScalar Flux, CompiledScalar ByU) kernel;
            if (condition is NaturalCondition natural)
            {
                if (!kernels.TryGetValue(natural, out kernel)) kernels[natural] = kernel = Kernel(form.NormalFlux(natural.NormalDerivative(form.Unknown)));
            }
            else
            {
                kernel = zeroFlux ??= Kernel(form.NormalFlux(0));
            }
            if (!kernel.Flux.IsZero || !kernel.ByU.IsZero) facets.Add((f, kernel.Flux, kernel.ByU));
        }
        return facets.ToArray();

        (CompiledScalar, CompiledScalar) Kernel(Expr normalFlux) => (compile(normalFlux), compile(Differentiation.WithRespectTo(normalFlux, form.Unknown)));
    }

    /// <summary>Assembles r(U) into <paramref name="residual"/> and, when given, J(U) into <paramref name="jacobian"/>.</summary>
    public void Assemble(double[] solution, double[] residual, CsrMatrix? jacobian)
    {
        Array.Clear(residual);
        jacobian?.Clear();
        if (jacobian is not null && _scatter?.Matches(jacobian) != true) _scatter = new CellScatter(jacobian, _mesh.Cells, _mesh.NodesPerCell);
        var coordinates = _mesh.Coordinates;
        var v = new double[_layout.Count];
        Span<double> gx = stackalloc double[3];
        Span<double> gy = stackalloc double[3];
        Span<double> local = stackalloc double[9];
        int ju = _layout.JetOffset;
        for (int cell = 0; cell < _mesh.CellCount; cell++)
        {
            var nodes = _mesh.CellNodes(cell);
            double x0 = coordinates[2 * nodes[0]], y0 = coordinates[2 * nodes[0] + 1];
            double x1 = coordinates[2 * nodes[1]], y1 = coordinates[2 * nodes[1] + 1];
            double x2 = coordinates[2 * nodes[2]], y2 = coordinates[2 * nodes[2] + 1];
            double det = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
            double area = Math.Abs(det) / 2;
            (gx[1], gy[1]) = ((y2 - y0) / det, -(x2 - x0) / det);
            (gx[2], gy[2]) = (-(y1 - y0) / det, (x1 - x0) / det);
            (gx[0], gy[0]) = (-gx[1] - gx[2], -gy[1] - gy[2]);
            double ux = 0, uy = 0;
            for (int a = 0; a < 3; a++)
            {
                ux += solution[nodes[a]] * gx[a];
                uy += solution[nodes[a]] * gy[a];
            }
            local.Clear();
            for (int q = 0; q < _rule.Count; q++)
            {
                double l0 = _rule.Barycentric[3 * q], l1 = _rule.Barycentric[3 * q + 1], l2 = _rule.Barycentric[3 * q + 2];
                double w = area * _rule.Weights[q];
                v[0] = l0 * x0 + l1 * x1 + l2 * x2;
                v[1] = l0 * y0 + l1 * y1 + l2 * y2;
                v[ju] = l0 * solution[nodes[0]] + l1 * solution[nodes[1]] + l2 * solution[nodes[2]];
                v[ju + 1] = ux;
                v[ju + 2] = uy;
                double fx = _flux[0].Evaluate(v), fy = _flux[1].Evaluate(v), s = _source.Evaluate(v);
                ReadOnlySpan<double> lambda = [l0, l1, l2];
                for (int a = 0; a < 3; a++) residual[nodes[a]] += w * (-(fx * gx[a] + fy * gy[a]) + s * lambda[a]);
                if (jacobian is null) continue;
                double fxu = _fluxByU[0].Evaluate(v), fyu = _fluxByU[1].Evaluate(v);
                double fxx = _fluxByGradient[0].Evaluate(v), fxy = _fluxByGradient[1].Evaluate(v);
                double fyx = _fluxByGradient[2].Evaluate(v), fyy = _fluxByGradient[3].Evaluate(v);
                double su = _sourceByU.Evaluate(v), sx = _sourceByGradient[0].Evaluate(v), sy = _sourceByGradient[1].Evaluate(v);
                for (int b = 0; b < 3; b++)
                {
                    double dFx = fxu * lambda[b] + fxx * gx[b] + fxy * gy[b];
                    double dFy = fyu * lambda[b] + fyx * gx[b] + fyy * gy[b];
                    double ds = su * lambda[b] + sx * gx[b] + sy * gy[b];
                    for (int a = 0; a < 3; a++) local[3 * a + b] += w * (-(dFx * gx[a] + dFy * gy[a]) + ds * lambda[a]);
                }
            }
            if (jacobian is not null) _scatter!.Add(jacobian, cell, local);
        }
        AssembleBoundary(solution, residual, jacobian, v);
    }

    private void AssembleBoundary(double[] solution, double[] residual, CsrMatrix? jacobian, double[] v)
    {
        int ju = _layout.JetOffset, normal = _layout.NormalOffset;
        foreach (var (facet, flux, fluxByU) in _naturalFacets)
        {
            var nodes = _mesh.FacetNodes(facet);
            var a = _mesh.Node(nodes[0]);
            var b = _mesh.Node(nodes[1]);
            double length = Math.Sqrt(Math.Pow(b[0] - a[0], 2) + Math.Pow(b[1] - a[1], 2));
            v[normal] = _facetNormals[2 * facet];
            v[normal + 1] = _facetNormals[2 * facet + 1];
            v[ju + 1] = v[ju + 2] = 0;
            for (int q = 0; q < EdgePoints.Length; q++)
            {
                double s = EdgePoints[q], w = length * EdgeWeights[q];
                ReadOnlySpan<double> phi = [1 - s, s];
                v[0] = phi[0] * a[0] + phi[1] * b[0];
                v[1] = phi[0] * a[1] + phi[1] * b[1];
                v[ju] = phi[0] * solution[nodes[0]] + phi[1] * solution[nodes[1]];
                double g = flux.Evaluate(v);
                for (int i = 0; i < 2; i++) residual[nodes[i]] += w * g * phi[i];
                if (jacobian is null || fluxByU.IsZero) continue;
                double dg = fluxByU.Evaluate(v);
                for (int i = 0; i < 2; i++)
                {
                    for (int j = 0; j < 2; j++) jacobian.Add(nodes[i], nodes[j], w * dg * phi[i] * phi[j]);
                }
            }
        }
    }
}
