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
/// <para>
/// For a system of m equations on an m-component space the local unknowns are (a, c) ↦ a·m + c:
/// equation c tested with φ_a gives row (a, c), and the linearisation couples it with every
/// component e through ∂F_c/∂u_e, ∂F_c/∂∇u_e, ∂s_c/∂u_e and ∂s_c/∂∇u_e (blocks that vanish
/// symbolically are skipped). Natural boundary terms are the scalar F·n of a Neumann or Robin
/// condition, or, for a system, the prescribed traction g: ∫ (F_c·n) φ_a = -∫ g_c φ_a.
/// </para>
/// </summary>
internal sealed class FormAssembler
{
    private readonly FunctionSpace _space;
    private readonly int _m, _d;
    private readonly ElementTabulation _cells;
    private readonly ElementTabulation? _facets;
    private readonly VariableLayout _layout;

    /// <summary>F_ci at index c·d + i; s_c at index c.</summary>
    private readonly CompiledScalar[] _flux, _source;

    /// <summary>
    /// The linearisation: ∂F_ci/∂w at ((c·d + i)·m + e)·(d + 1) + j and ∂s_c/∂w at (c·m + e)·(d + 1) + j,
    /// for w = u_e (j = 0) or ∂_(j-1) u_e (j ≥ 1).
    /// </summary>
    private readonly CompiledScalar[] _fluxByJet, _sourceByJet;

    /// <summary>Whether block (c, e) of the linearisation has a term that is not symbolically zero, at c·m + e.</summary>
    private readonly bool[] _coupled;

    private readonly CompiledScalar _mass;
    private readonly NaturalFacet[] _naturalFacets;
    private readonly int[] _facetPositions;

    /// <summary>
    /// One boundary facet with a normal-flux term: its (nodal) unknowns and the compiled F_c·n per component,
    /// with its derivative in u for a scalar equation (Robin terms).
    /// </summary>
    private sealed record NaturalFacet(int Facet, int[] Dofs, CompiledScalar[] Flux, CompiledScalar FluxByU);

    /// <summary>
    /// ∂F_ci/∂(∂_j u_e) at ((c·d + i)·m + e)·d + j when it is the whole linearisation and constant (constant-coefficient
    /// diffusion, linear elasticity with constant Lamé parameters) on P1, whose gradients are constant on a cell: the local
    /// Jacobian is then measure · Σ_q w_q · (-Σ_ij C_ciej ∂_jφ_b ∂_iφ_a), formed once per cell instead of at every quadrature
    /// point. Null otherwise.
    /// </summary>
    private readonly double[]? _constantDiffusion;
    private readonly double _weightSum;

    /// <summary>
    /// Whether, besides <see cref="_constantDiffusion"/> (which also means that the sources do not depend on u or ∇u), the flux
    /// is exactly F = C ∇u (no x, t or constant offset): its part of the residual, -∫ F·∇φ_a, is then
    /// measure · Σ_q w_q · (-F·∇φ_a) with F formed once per cell, and the quadrature points only evaluate the sources.
    /// </summary>
    private readonly bool _linearFlux;

    public FormAssembler(WeakForm form, FunctionSpace space, int quadratureDegree)
    {
        if (space.Components != form.Components)
            throw new ArgumentException($"the weak form has {form.Components} components, the space {space.Components}", nameof(space));
        _space = space;
        var element = space.Element;
        int d = _d = space.Dimension, m = _m = form.Components;
        _cells = new ElementTabulation(element, SimplexQuadrature.OfDegree(d, quadratureDegree));
        _layout = new VariableLayout(d, form.Jet);
        var problem = form.Problem;
        CompiledScalar Compile(Expr e) => CompiledScalar.Of(e, _layout, problem);
        _flux = form.Fluxes.SelectMany(f => f).Select(Compile).ToArray();
        _source = form.Sources.Select(Compile).ToArray();
        _fluxByJet = form.Fluxes.SelectMany(f => f).SelectMany(f => form.Jet.Select(w => Compile(Differentiation.WithRespectTo(f, w)))).ToArray();
        _sourceByJet = form.Sources.SelectMany(s => form.Jet.Select(w => Compile(Differentiation.WithRespectTo(s, w)))).ToArray();
        _coupled = new bool[m * m];
        for (int c = 0; c < m; c++)
        {
            for (int e = 0; e < m; e++)
            {
                bool any = false;
                for (int j = 0; j <= d; j++)
                {
                    any |= !_sourceByJet[(c * m + e) * (d + 1) + j].IsZero;
                    for (int i = 0; i < d; i++) any |= !_fluxByJet[((c * d + i) * m + e) * (d + 1) + j].IsZero;
                }
                _coupled[c * m + e] = any;
            }
        }
        _mass = Compile(form.Mass ?? 0);
        bool onlyConstantGradientTerms = _sourceByJet.All(c => c.IsZero);
        for (int n = 0; n < _fluxByJet.Length; n++) onlyConstantGradientTerms &= n % (d + 1) == 0 ? _fluxByJet[n].IsZero : _fluxByJet[n].IsConstant;
        if (element.Degree == 1 && onlyConstantGradientTerms)
        {
            _constantDiffusion = new double[m * d * m * d];
            for (int n = 0; n < _constantDiffusion.Length; n++) _constantDiffusion[n] = _fluxByJet[n / d * (d + 1) + 1 + n % d].Evaluate([]);
            _weightSum = _cells.Rule.Weights.Sum();
            var atOrigin = new double[_layout.Count];
            _linearFlux = !form.Fluxes.SelectMany(f => f).Any(f => f.Contains(n => n is Coordinate or TimeVariable or GridCoefficient or GridCoefficientSlope or NormalComponent))
                && _flux.All(f => f.Evaluate(atOrigin) == 0);
        }
        var linearisation = form.Fluxes.SelectMany(f => f).Concat(form.Sources).SelectMany(e => form.Jet.Select(w => Differentiation.WithRespectTo(e, w)));
        JacobianDependsOnTime = !form.IsLinear || linearisation.Any(e => e.Contains(n => n is TimeVariable));
        Pattern = new SparsityPattern(space.DofCount, space.CellDofs, element.DofCount * m);

        var facetElement = element.Facet;
        _facets = new ElementTabulation(facetElement, SimplexQuadrature.OfDegree(d - 1, quadratureDegree));
        Boundary = new BoundaryGeometry(space.Mesh);
        _naturalFacets = NaturalFacets(form, space, facetElement, Compile, out bool boundaryMoves);
        JacobianDependsOnTime |= boundaryMoves;
        int kf = facetElement.DofCount;
        _facetPositions = new int[_naturalFacets.Length * kf * kf * m];
        for (int f = 0; f < _naturalFacets.Length; f++)
        {
            var dofs = _naturalFacets[f].Dofs;
            for (int a = 0; a < kf; a++)
            {
                for (int b = 0; b < kf; b++)
                {
                    for (int c = 0; c < m; c++) _facetPositions[((f * kf + a) * kf + b) * m + c] = Pattern.Find(space.DofOf(dofs[a], c), space.DofOf(dofs[b], c));
                }
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
        var kernels = new Dictionary<BoundaryCondition, (CompiledScalar[], CompiledScalar)>(ReferenceEqualityComparer.Instance);
        (CompiledScalar[], CompiledScalar)? zeroFlux = null;
        var facets = new List<NaturalFacet>();
        var tractions = problem.Conditions.OfType<Traction>().ToArray();
        Span<double> midpoint = stackalloc double[d];
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            var nodes = mesh.FacetNodes(f);
            midpoint.Clear();
            for (int v = 0; v < d; v++)
            {
                for (int i = 0; i < d; i++) midpoint[i] += mesh.Node(nodes[v])[i] / d;
            }
            string part = mesh.PartNames[mesh.BoundaryFacetParts[f]];
            (CompiledScalar[] Flux, CompiledScalar ByU) kernel;
            if (form.Components > 1)
            {
                // A system: the traction that covers the facet (rows held by Dirichlet values are eliminated later); none is a free surface.
                Traction? traction = null;
                foreach (var candidate in tractions)
                {
                    if (!candidate.Boundary.Includes(part, midpoint)) continue;
                    traction = candidate;
                    break;
                }
                if (traction is null) continue;
                if (!kernels.TryGetValue(traction, out kernel))
                    kernels[traction] = kernel = (VectorComponents.Of(traction.Value, d).Select(g => compile(Lowering.Lower(-g, d))).ToArray(), default);
            }
            else
            {
                var condition = problem.ConditionAt(part, midpoint);
                if (condition is Dirichlet) continue;
                if (condition is NaturalCondition natural)
                {
                    if (!kernels.TryGetValue(natural, out kernel)) kernels[natural] = kernel = Kernel(form.NormalFlux(natural.NormalDerivative(form.Unknown)));
                }
                else
                {
                    kernel = zeroFlux ??= Kernel(form.NormalFlux(0));
                }
            }
            if (kernel.Flux.All(g => g.IsZero) && kernel.ByU.IsZero) continue;
            var dofs = new int[facetElement.DofCount];
            space.Dofs.FacetDofs(nodes, facetElement, dofs);
            facets.Add(new NaturalFacet(f, dofs, kernel.Flux, kernel.ByU));
        }
        linearisationMoves = moves;
        return facets.ToArray();

        (CompiledScalar[], CompiledScalar) Kernel(Expr normalFlux)
        {
            var byU = Differentiation.WithRespectTo(normalFlux, form.Unknown);
            moves |= byU.Contains(n => n is TimeVariable);
            return ([compile(normalFlux)], compile(byU));
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
        var cellDofs = _space.CellDofs;
        int d = _d, m = _m, k = _space.Element.DofCount, km = k * m, points = _cells.Count;
        var map = new AffineMap(d);
        var v = new double[_layout.Count];
        v[_layout.TimeSlot] = time;
        int ju = _layout.JetOffset;
        var gradients = new double[points * k * d];
        var local = new double[km];
        var localMatrix = new double[km * km];
        var coefficients = new double[km];
        var flux = new double[m * d];
        var source = new double[m];
        var linearisation = new Linearisation(m, d);
        var weights = _cells.Rule.Weights;
        var positions = Pattern.Positions;
        double[]? values = jacobian?.Values;
        // P1 gradients are constant on a cell: those of the first point serve every point.
        bool constantGradients = _space.Element.Degree == 1;
        for (int cell = 0; cell < mesh.CellCount; cell++)
        {
            map.Set(mesh.Coordinates, mesh.CellNodes(cell));
            map.Gradients(_cells.Gradients, gradients, constantGradients ? k : points * k);
            double measure = map.Measure;
            for (int a = 0; a < km; a++) coefficients[a] = solution[cellDofs[cell * km + a]];
            Array.Clear(local);
            if (values is not null) Array.Clear(localMatrix);
            if (_linearFlux) AddLinearFlux(coefficients, gradients.AsSpan(0, k * d), measure * _weightSum, k, local);
            for (int q = 0; q < points; q++)
            {
                var phi = _cells.ValuesAt(q);
                var grad = gradients.AsSpan(constantGradients ? 0 : q * k * d, k * d);
                double w = measure * weights[q];
                map.Map(_cells.Rule.Point(q), v);
                if (_linearFlux)
                {
                    // The flux part was added per cell, and the source does not depend on u (see _linearFlux).
                    for (int c = 0; c < m; c++)
                    {
                        double s = w * _source[c].Evaluate(v);
                        for (int a = 0; a < k; a++) local[a * m + c] += s * phi[a];
                    }
                    continue;
                }
                for (int e = 0; e < m; e++)
                {
                    int slot = ju + e * (d + 1);
                    double u = 0;
                    for (int a = 0; a < k; a++) u += coefficients[a * m + e] * phi[a];
                    v[slot] = u;
                    for (int i = 0; i < d; i++)
                    {
                        double gi = 0;
                        for (int a = 0; a < k; a++) gi += coefficients[a * m + e] * grad[a * d + i];
                        v[slot + 1 + i] = gi;
                    }
                }
                for (int n = 0; n < flux.Length; n++) flux[n] = _flux[n].Evaluate(v);
                for (int c = 0; c < m; c++) source[c] = _source[c].Evaluate(v);
                for (int a = 0; a < k; a++)
                {
                    for (int c = 0; c < m; c++)
                    {
                        double fDotGrad = 0;
                        for (int i = 0; i < d; i++) fDotGrad += flux[c * d + i] * grad[a * d + i];
                        local[a * m + c] += w * (source[c] * phi[a] - fDotGrad);
                    }
                }
                if (values is null || _constantDiffusion is not null) continue;
                AddLinearisation(v, phi, grad, w, k, localMatrix, linearisation);
            }
            if (values is not null && _constantDiffusion is not null) AddConstantDiffusion(gradients.AsSpan(0, k * d), measure * _weightSum, k, localMatrix);
            for (int a = 0; a < km; a++) residual[cellDofs[cell * km + a]] += local[a];
            if (values is null) continue;
            int offset = cell * km * km;
            for (int e = 0; e < km * km; e++) values[positions[offset + e]] += localMatrix[e];
        }
        AssembleBoundary(solution, residual, values, v);
    }

    /// <summary>Adds w (-F_c·∇φ_a) with F_ci = Σ_ej C_ciej ∂_j u_e to the local residual, for a cell's constant gradients.</summary>
    private void AddLinearFlux(double[] coefficients, ReadOnlySpan<double> grad, double w, int k, double[] local)
    {
        var conductivity = _constantDiffusion!;
        int d = _d, m = _m;
        Span<double> gradU = stackalloc double[m * d];
        for (int e = 0; e < m; e++)
        {
            for (int j = 0; j < d; j++)
            {
                double g = 0;
                for (int b = 0; b < k; b++) g += coefficients[b * m + e] * grad[b * d + j];
                gradU[e * d + j] = g;
            }
        }
        for (int c = 0; c < m; c++)
        {
            for (int i = 0; i < d; i++)
            {
                double f = 0;
                for (int e = 0; e < m; e++)
                {
                    for (int j = 0; j < d; j++) f += conductivity[((c * d + i) * m + e) * d + j] * gradU[e * d + j];
                }
                for (int a = 0; a < k; a++) local[a * m + c] -= w * f * grad[a * d + i];
            }
        }
    }

    /// <summary>Adds w (-Σ_ij C_ciej ∂_jφ_b ∂_iφ_a) to the local matrix, with C = <see cref="_constantDiffusion"/> and the cell's constant gradients.</summary>
    private void AddConstantDiffusion(ReadOnlySpan<double> grad, double w, int k, double[] localMatrix)
    {
        var conductivity = _constantDiffusion!;
        int d = _d, m = _m, km = k * m;
        Span<double> flux = stackalloc double[d];
        for (int c = 0; c < m; c++)
        {
            for (int e = 0; e < m; e++)
            {
                if (!_coupled[c * m + e]) continue;
                for (int b = 0; b < k; b++)
                {
                    for (int i = 0; i < d; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < d; j++) sum += conductivity[((c * d + i) * m + e) * d + j] * grad[b * d + j];
                        flux[i] = sum;
                    }
                    for (int a = 0; a < k; a++)
                    {
                        double dot = 0;
                        for (int i = 0; i < d; i++) dot += flux[i] * grad[a * d + i];
                        localMatrix[(a * m + c) * km + b * m + e] -= w * dot;
                    }
                }
            }
        }
    }

    /// <summary>Work arrays for the linearisation at one point.</summary>
    private sealed class Linearisation(int m, int d)
    {
        public readonly double[] FluxByJet = new double[m * d * m * (d + 1)];
        public readonly double[] SourceByJet = new double[m * m * (d + 1)];
        public readonly double[] DFlux = new double[d];
    }

    /// <summary>Adds w ∂(-F_c·∇φ_a + s_c φ_a)/∂U_(b, e) at one point to the local matrix.</summary>
    private void AddLinearisation(double[] v, ReadOnlySpan<double> phi, ReadOnlySpan<double> grad, double w, int k, double[] localMatrix, Linearisation work)
    {
        int d = _d, m = _m, km = k * m, jet = d + 1;
        var fluxByJet = work.FluxByJet;
        var sourceByJet = work.SourceByJet;
        var dFlux = work.DFlux;
        for (int n = 0; n < fluxByJet.Length; n++) fluxByJet[n] = _fluxByJet[n].Evaluate(v);
        for (int n = 0; n < sourceByJet.Length; n++) sourceByJet[n] = _sourceByJet[n].Evaluate(v);
        for (int c = 0; c < m; c++)
        {
            for (int e = 0; e < m; e++)
            {
                if (!_coupled[c * m + e]) continue;
                int s0 = (c * m + e) * jet;
                for (int b = 0; b < k; b++)
                {
                    double ds = sourceByJet[s0] * phi[b];
                    for (int j = 0; j < d; j++) ds += sourceByJet[s0 + 1 + j] * grad[b * d + j];
                    for (int i = 0; i < d; i++)
                    {
                        int f0 = ((c * d + i) * m + e) * jet;
                        double sum = fluxByJet[f0] * phi[b];
                        for (int j = 0; j < d; j++) sum += fluxByJet[f0 + 1 + j] * grad[b * d + j];
                        dFlux[i] = sum;
                    }
                    for (int a = 0; a < k; a++)
                    {
                        double dfDotGrad = 0;
                        for (int i = 0; i < d; i++) dfDotGrad += dFlux[i] * grad[a * d + i];
                        localMatrix[(a * m + c) * km + b * m + e] += w * (ds * phi[a] - dfDotGrad);
                    }
                }
            }
        }
    }

    private void AssembleBoundary(double[] solution, double[] residual, double[]? values, double[] v)
    {
        if (_naturalFacets.Length == 0) return;
        var mesh = _space.Mesh;
        var tabulation = _facets!;
        int d = _d, m = _m, kf = tabulation.Element.DofCount, ju = _layout.JetOffset, normal = _layout.NormalOffset;
        var rule = tabulation.Rule;
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
                for (int e = 0; e < m; e++)
                {
                    int slot = ju + e * (d + 1);
                    double u = 0;
                    for (int a = 0; a < kf; a++) u += psi[a] * solution[dofs[a] * m + e];
                    v[slot] = u;
                    for (int i = 0; i < d; i++) v[slot + 1 + i] = 0;
                }
                double w = measure * rule.Weights[q];
                for (int c = 0; c < m; c++)
                {
                    double g = flux[c].Evaluate(v);
                    for (int a = 0; a < kf; a++) residual[dofs[a] * m + c] += w * g * psi[a];
                }
                if (values is null || fluxByU.IsZero) continue;
                double dg = fluxByU.Evaluate(v);
                for (int a = 0; a < kf; a++)
                {
                    for (int b = 0; b < kf; b++) values[_facetPositions[((n * kf + a) * kf + b) * m]] += w * dg * psi[a] * psi[b];
                }
            }
        }
    }

    /// <summary>Assembles the mass matrix M_ab = ∫ m(x, t) φ_a φ_b dx (block diagonal in the components) into <paramref name="mass"/> (overwritten).</summary>
    public void AssembleMass(double time, CsrMatrix mass)
    {
        mass.Clear();
        var mesh = _space.Mesh;
        int d = _d, m = _m, k = _space.Element.DofCount, km = k * m;
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
                    for (int b = 0; b < k; b++)
                    {
                        for (int c = 0; c < m; c++) mass.Values[positions[(cell * km + a * m + c) * km + b * m + c]] += w * phi[a] * phi[b];
                    }
                }
            }
        }
    }

    /// <summary>∫ φ_a dx for every unknown a: u_h's integral (of each component) is their dot product with its coefficients.</summary>
    public double[] BasisIntegrals()
    {
        var mesh = _space.Mesh;
        int d = _d, m = _m, k = _space.Element.DofCount;
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
                for (int a = 0; a < k; a++)
                {
                    for (int c = 0; c < m; c++) integrals[dofs[a] * m + c] += w * phi[a];
                }
            }
        }
        return integrals;
    }
}
