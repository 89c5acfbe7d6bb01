using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Quadrature;
using PdeNet.Solvers.Fem.Elements;
using PdeNet.Solvers.Fem.Spaces;
using PdeNet.Solvers.LinearAlgebra;

namespace PdeNet.Solvers.Fem.Assembly;

/// <summary>
/// Assembles, for a <see cref="WeakForm"/> on a <see cref="FunctionSpace"/>, the residual vector
/// r_a(U) = r(u_h; φ_a), the Jacobian J_ab = ∂r_a/∂U_b and the mass matrix M_ab = ∫ m φ_a φ_b
/// straight into CSR storage. Volume integrals use a simplex rule of the chosen degree on every
/// cell through the affine map of the cell, natural boundary terms a rule of the same degree on
/// every boundary facet that carries one. Local matrices are added through the precomputed
/// positions of the <see cref="SparsityPattern"/>.
/// </summary>
internal sealed class FormAssembler
{
    private readonly FunctionSpace _space;
    private readonly ElementTabulation _cells;
    private readonly ElementTabulation? _facets;
    private readonly VariableLayout _layout;
    private readonly CompiledScalar[] _flux, _fluxByU, _fluxByGradient;
    private readonly CompiledScalar _source, _sourceByU, _mass;
    private readonly CompiledScalar[] _sourceByGradient;
    private readonly NaturalFacet[] _naturalFacets;
    private readonly int[] _facetPositions;

    /// <summary>One boundary facet with a normal-flux term: its unknowns, vertices, normal, measure and compiled integrand.</summary>
    private sealed record NaturalFacet(int Facet, int[] Dofs, CompiledScalar Flux, CompiledScalar FluxByU);

    /// <summary>
    /// ∂F_i/∂(∂_j u) when it is the whole linearisation and constant (constant-coefficient diffusion) on P1, whose
    /// gradients are constant on a cell: the local Jacobian is then measure · Σ_q w_q · (-K∇φ_b·∇φ_a), formed once per
    /// cell instead of at every quadrature point. Null otherwise.
    /// </summary>
    private readonly double[]? _constantDiffusion;
    private readonly double _weightSum;

    public FormAssembler(WeakForm form, FunctionSpace space, int quadratureDegree)
    {
        _space = space;
        var element = space.Element;
        int d = space.Dimension;
        _cells = new ElementTabulation(element, SimplexQuadrature.OfDegree(d, quadratureDegree));
        _layout = new VariableLayout(d, form.Jet);
        var problem = form.Problem;
        CompiledScalar Compile(Expr e) => CompiledScalar.Of(e, _layout, problem);
        _flux = form.Flux.Select(Compile).ToArray();
        _fluxByU = form.Flux.Select(f => Compile(Differentiation.WithRespectTo(f, form.Unknown))).ToArray();
        _fluxByGradient = form.Flux.SelectMany(f => form.Gradient.Select(g => Compile(Differentiation.WithRespectTo(f, g)))).ToArray();
        _source = Compile(form.Source);
        _sourceByU = Compile(Differentiation.WithRespectTo(form.Source, form.Unknown));
        _sourceByGradient = form.Gradient.Select(g => Compile(Differentiation.WithRespectTo(form.Source, g))).ToArray();
        _mass = Compile(form.Mass ?? 0);
        if (element.Degree == 1 && _fluxByU.All(c => c.IsZero) && _sourceByGradient.All(c => c.IsZero) && _sourceByU.IsZero && _fluxByGradient.All(c => c.IsConstant))
        {
            _constantDiffusion = _fluxByGradient.Select(c => c.Evaluate([])).ToArray();
            _weightSum = _cells.Rule.Weights.Sum();
        }
        var linearisation = form.Flux.Append(form.Source).SelectMany(e => form.Jet.Select(w => Differentiation.WithRespectTo(e, w)));
        JacobianDependsOnTime = !form.IsLinear || linearisation.Any(e => e.Contains(n => n is TimeVariable));
        Pattern = new SparsityPattern(space.DofCount, space.Dofs.CellDofs, element.DofCount);

        var facetElement = element.Facet;
        _facets = new ElementTabulation(facetElement, SimplexQuadrature.OfDegree(d - 1, quadratureDegree));
        Boundary = new BoundaryGeometry(space.Mesh);
        _naturalFacets = NaturalFacets(form, space, facetElement, Compile, out bool boundaryMoves);
        JacobianDependsOnTime |= boundaryMoves;
        int kf = facetElement.DofCount;
        _facetPositions = new int[_naturalFacets.Length * kf * kf];
        for (int f = 0; f < _naturalFacets.Length; f++)
        {
            var dofs = _naturalFacets[f].Dofs;
            for (int a = 0; a < kf; a++)
            {
                for (int b = 0; b < kf; b++) _facetPositions[(f * kf + a) * kf + b] = Pattern.Find(dofs[a], dofs[b]);
            }
        }
    }

    /// <summary>
    /// False when the Jacobian is the same at every state and time (an affine form whose
    /// linearisation, boundary terms included, has no t): a time stepper may then reuse it.
    /// </summary>
    public bool JacobianDependsOnTime { get; private set; }

    /// <summary>The matrix pattern of the space.</summary>
    public SparsityPattern Pattern { get; }

    /// <summary>Normals and measures of the boundary facets.</summary>
    public BoundaryGeometry Boundary { get; }

    /// <summary>A zero matrix with the space's pattern.</summary>
    public CsrMatrix CreateMatrix() => Pattern.CreateMatrix();

    /// <summary>The boundary facets that carry a normal-flux term, with its compiled integrand.</summary>
    private static NaturalFacet[] NaturalFacets(WeakForm form, FunctionSpace space, LagrangeElement facetElement, Func<Expr, CompiledScalar> compile, out bool linearisationMoves)
    {
        bool moves = false;
        var problem = form.Problem;
        var mesh = space.Mesh;
        int d = mesh.GeometricDimension;
        var kernels = new Dictionary<BoundaryCondition, (CompiledScalar, CompiledScalar)>(ReferenceEqualityComparer.Instance);
        (CompiledScalar, CompiledScalar)? zeroFlux = null;
        var facets = new List<NaturalFacet>();
        Span<double> midpoint = stackalloc double[d];
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            var nodes = mesh.FacetNodes(f);
            midpoint.Clear();
            for (int v = 0; v < d; v++)
            {
                for (int i = 0; i < d; i++) midpoint[i] += mesh.Node(nodes[v])[i] / d;
            }
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
            if (kernel.Flux.IsZero && kernel.ByU.IsZero) continue;
            var dofs = new int[facetElement.DofCount];
            space.Dofs.FacetDofs(nodes, facetElement, dofs);
            facets.Add(new NaturalFacet(f, dofs, kernel.Flux, kernel.ByU));
        }
        linearisationMoves = moves;
        return facets.ToArray();

        (CompiledScalar, CompiledScalar) Kernel(Expr normalFlux)
        {
            var byU = Differentiation.WithRespectTo(normalFlux, form.Unknown);
            moves |= byU.Contains(n => n is TimeVariable);
            return (compile(normalFlux), compile(byU));
        }
    }

    /// <summary>
    /// Assembles r(U) at time <paramref name="time"/> into <paramref name="residual"/> and, when
    /// given, J(U) into <paramref name="jacobian"/> (both overwritten).
    /// </summary>
    public void Assemble(double[] solution, double time, double[] residual, CsrMatrix? jacobian)
    {
        Array.Clear(residual);
        jacobian?.Clear();
        var mesh = _space.Mesh;
        var cellDofs = _space.Dofs.CellDofs;
        int d = _space.Dimension, k = _space.Element.DofCount, points = _cells.Count;
        var map = new AffineMap(d);
        var v = new double[_layout.Count];
        v[_layout.TimeSlot] = time;
        int ju = _layout.JetOffset;
        var gradients = new double[points * k * d];
        var local = new double[k];
        var localMatrix = new double[k * k];
        var coefficients = new double[k];
        Span<double> flux = stackalloc double[d];
        Span<double> dFlux = stackalloc double[d];
        var weights = _cells.Rule.Weights;
        var positions = Pattern.Positions;
        double[]? values = jacobian?.Values;
        for (int cell = 0; cell < mesh.CellCount; cell++)
        {
            map.Set(mesh.Coordinates, mesh.CellNodes(cell));
            map.Gradients(_cells.Gradients, gradients, points * k);
            double measure = map.Measure;
            for (int a = 0; a < k; a++) coefficients[a] = solution[cellDofs[cell * k + a]];
            Array.Clear(local);
            if (values is not null) Array.Clear(localMatrix);
            for (int q = 0; q < points; q++)
            {
                var phi = _cells.ValuesAt(q);
                var grad = gradients.AsSpan(q * k * d, k * d);
                double w = measure * weights[q];
                map.Map(_cells.Rule.Point(q), v);
                double u = 0;
                for (int a = 0; a < k; a++) u += coefficients[a] * phi[a];
                v[ju] = u;
                for (int i = 0; i < d; i++)
                {
                    double gi = 0;
                    for (int a = 0; a < k; a++) gi += coefficients[a] * grad[a * d + i];
                    v[ju + 1 + i] = gi;
                }
                for (int i = 0; i < d; i++) flux[i] = _flux[i].Evaluate(v);
                double s = _source.Evaluate(v);
                for (int a = 0; a < k; a++)
                {
                    double fDotGrad = 0;
                    for (int i = 0; i < d; i++) fDotGrad += flux[i] * grad[a * d + i];
                    local[a] += w * (s * phi[a] - fDotGrad);
                }
                if (values is null || _constantDiffusion is not null) continue;
                AddLinearisation(v, phi, grad, w, k, d, localMatrix, dFlux);
            }
            if (values is not null && _constantDiffusion is not null) AddConstantDiffusion(gradients.AsSpan(0, k * d), measure * _weightSum, k, d, localMatrix);
            for (int a = 0; a < k; a++) residual[cellDofs[cell * k + a]] += local[a];
            if (values is null) continue;
            int offset = cell * k * k;
            for (int e = 0; e < k * k; e++) values[positions[offset + e]] += localMatrix[e];
        }
        AssembleBoundary(solution, residual, values, v);
    }

    /// <summary>Adds w (-K∇φ_b·∇φ_a) to the local matrix, with K = <see cref="_constantDiffusion"/> and the cell's constant gradients.</summary>
    private void AddConstantDiffusion(ReadOnlySpan<double> grad, double w, int k, int d, double[] localMatrix)
    {
        var conductivity = _constantDiffusion!;
        Span<double> flux = stackalloc double[d];
        for (int b = 0; b < k; b++)
        {
            for (int i = 0; i < d; i++)
            {
                double sum = 0;
                for (int j = 0; j < d; j++) sum += conductivity[i * d + j] * grad[b * d + j];
                flux[i] = sum;
            }
            for (int a = 0; a < k; a++)
            {
                double dot = 0;
                for (int i = 0; i < d; i++) dot += flux[i] * grad[a * d + i];
                localMatrix[a * k + b] -= w * dot;
            }
        }
    }

    /// <summary>Adds w ∂(-F·∇φ_a + s φ_a)/∂U_b at one point to the local matrix.</summary>
    private void AddLinearisation(double[] v, ReadOnlySpan<double> phi, ReadOnlySpan<double> grad, double w, int k, int d, double[] localMatrix, Span<double> dFlux)
    {
        Span<double> fluxByU = stackalloc double[d];
        Span<double> fluxByGradient = stackalloc double[d * d];
        Span<double> sourceByGradient = stackalloc double[d];
        for (int i = 0; i < d; i++)
        {
            fluxByU[i] = _fluxByU[i].Evaluate(v);
            sourceByGradient[i] = _sourceByGradient[i].Evaluate(v);
            for (int j = 0; j < d; j++) fluxByGradient[i * d + j] = _fluxByGradient[i * d + j].Evaluate(v);
        }
        double sourceByU = _sourceByU.Evaluate(v);
        for (int b = 0; b < k; b++)
        {
            double ds = sourceByU * phi[b];
            for (int j = 0; j < d; j++) ds += sourceByGradient[j] * grad[b * d + j];
            for (int i = 0; i < d; i++)
            {
                double sum = fluxByU[i] * phi[b];
                for (int j = 0; j < d; j++) sum += fluxByGradient[i * d + j] * grad[b * d + j];
                dFlux[i] = sum;
            }
            for (int a = 0; a < k; a++)
            {
                double dfDotGrad = 0;
                for (int i = 0; i < d; i++) dfDotGrad += dFlux[i] * grad[a * d + i];
                localMatrix[a * k + b] += w * (ds * phi[a] - dfDotGrad);
            }
        }
    }

    private void AssembleBoundary(double[] solution, double[] residual, double[]? values, double[] v)
    {
        if (_naturalFacets.Length == 0) return;
        var mesh = _space.Mesh;
        var tabulation = _facets!;
        int d = _space.Dimension, kf = tabulation.Element.DofCount, ju = _layout.JetOffset, normal = _layout.NormalOffset;
        var rule = tabulation.Rule;
        for (int i = 0; i < d; i++) v[ju + 1 + i] = 0;
        for (int n = 0; n < _naturalFacets.Length; n++)
        {
            var (facet, dofs, flux, fluxByU) = _naturalFacets[n];
            var vertices = mesh.FacetNodes(facet);
            for (int i = 0; i < d; i++) v[normal + i] = Boundary.Normals[facet * d + i];
            double measure = Boundary.Measures[facet];
            for (int q = 0; q < rule.Count; q++)
            {
                var lambda = rule.Point(q);
                var psi = tabulation.ValuesAt(q);
                for (int i = 0; i < d; i++)
                {
                    double x = 0;
                    for (int c = 0; c < d; c++) x += lambda[c] * mesh.Coordinates[vertices[c] * d + i];
                    v[i] = x;
                }
                double u = 0;
                for (int a = 0; a < kf; a++) u += psi[a] * solution[dofs[a]];
                v[ju] = u;
                double w = measure * rule.Weights[q];
                double g = flux.Evaluate(v);
                for (int a = 0; a < kf; a++) residual[dofs[a]] += w * g * psi[a];
                if (values is null || fluxByU.IsZero) continue;
                double dg = fluxByU.Evaluate(v);
                for (int a = 0; a < kf; a++)
                {
                    for (int b = 0; b < kf; b++) values[_facetPositions[(n * kf + a) * kf + b]] += w * dg * psi[a] * psi[b];
                }
            }
        }
    }

    /// <summary>Assembles the mass matrix M_ab = ∫ m(x, t) φ_a φ_b dx into <paramref name="mass"/> (overwritten).</summary>
    public void AssembleMass(double time, CsrMatrix mass)
    {
        mass.Clear();
        var mesh = _space.Mesh;
        int d = _space.Dimension, k = _space.Element.DofCount;
        var map = new AffineMap(d);
        var v = new double[_layout.Count];
        v[_layout.TimeSlot] = time;
        var positions = Pattern.Positions;
        for (int cell = 0; cell < mesh.CellCount; cell++)
        {
            map.Set(mesh.Coordinates, mesh.CellNodes(cell));
            double measure = map.Measure;
            for (int q = 0; q < _cells.Count; q++)
            {
                map.Map(_cells.Rule.Point(q), v);
                double w = measure * _cells.Rule.Weights[q] * _mass.Evaluate(v);
                var phi = _cells.ValuesAt(q);
                for (int a = 0; a < k; a++)
                {
                    for (int b = 0; b < k; b++) mass.Values[positions[(cell * k + a) * k + b]] += w * phi[a] * phi[b];
                }
            }
        }
    }

    /// <summary>∫ φ_a dx for every unknown a: u_h's integral is their dot product with its coefficients.</summary>
    public double[] BasisIntegrals()
    {
        var mesh = _space.Mesh;
        int d = _space.Dimension, k = _space.Element.DofCount;
        var integrals = new double[_space.DofCount];
        var map = new AffineMap(d);
        for (int cell = 0; cell < mesh.CellCount; cell++)
        {
            map.Set(mesh.Coordinates, mesh.CellNodes(cell));
            var dofs = _space.Dofs.Dofs(cell);
            for (int q = 0; q < _cells.Count; q++)
            {
                var phi = _cells.ValuesAt(q);
                double w = map.Measure * _cells.Rule.Weights[q];
                for (int a = 0; a < k; a++) integrals[dofs[a]] += w * phi[a];
            }
        }
        return integrals;
    }
}
