using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Solvers.Fem.Spaces;

namespace PdeNet.Solvers.Fem.Assembly;

/// <summary>
/// The unknowns whose values Dirichlet conditions prescribe: every unknown on a boundary facet
/// (vertices and, for P2, edge midpoints) covered by a Dirichlet condition, with the compiled value
/// g(x, t) at its node. The first Dirichlet condition that covers the node (in the order given)
/// decides, as in <see cref="Problem.ConditionAt"/>; for a vector unknown this is decided component
/// by component, among the conditions that hold that component (a whole vector, or
/// <see cref="Dirichlet.Component"/>). Unknowns that belong to no cell are held at zero too, so they
/// never leave a zero row.
/// </summary>
internal sealed class DirichletValues
{
    private readonly (int Dof, Func<double[], double> Value)[] _prescribed;
    private readonly int _d;

    public DirichletValues(Problem problem, FunctionSpace space)
    {
        var mesh = space.Mesh;
        _d = space.Dimension;
        int m = space.Components;
        var layout = new VariableLayout(_d);
        var dirichlet = problem.Conditions.OfType<Dirichlet>().ToArray();
        var compiled = new Dictionary<(Dirichlet, int), Func<double[], double>>();
        var prescribed = new List<(int, Func<double[], double>)>();
        Dofs = [];
        var facetElement = space.Element.Facet;
        var dofs = new int[facetElement.DofCount];
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            string part = mesh.PartNames[mesh.BoundaryFacetParts[f]];
            space.Dofs.FacetDofs(mesh.FacetNodes(f), facetElement, dofs);
            foreach (int node in dofs)
            {
                var point = space.Dofs.Coordinates.AsSpan(node * _d, _d);
                for (int c = 0; c < m; c++)
                {
                    int dof = space.DofOf(node, c);
                    if (Dofs.Contains(dof)) continue;
                    Dirichlet? condition = null;
                    foreach (var candidate in dirichlet)
                    {
                        if (!candidate.Holds(c) || !candidate.Boundary.Includes(part, point)) continue;
                        condition = candidate;
                        break;
                    }
                    if (condition is null) continue;
                    if (!compiled.TryGetValue((condition, c), out var g))
                    {
                        var value = condition.Value.Rank == 0 ? condition.Value : VectorComponents.Of(condition.Value, _d)[c];
                        compiled[(condition, c)] = g = ExpressionCompiler.Compile(Lowering.Lower(value, _d), layout, problem.ValueOf);
                    }
                    prescribed.Add((dof, g));
                    Dofs.Add(dof);
                }
            }
        }
        PrescribedByConditions = prescribed.Count > 0;
        var used = new bool[space.DofCount];
        foreach (int dof in space.CellDofs) used[dof] = true;
        for (int dof = 0; dof < used.Length; dof++)
        {
            if (!used[dof] && Dofs.Add(dof)) prescribed.Add((dof, _ => 0));
        }
        _prescribed = prescribed.ToArray();
        Coordinates = space.Dofs.Coordinates;
        Components = m;
    }

    /// <summary>Whether any unknown is held by a Dirichlet condition (not only unknowns outside every cell).</summary>
    public bool PrescribedByConditions { get; }

    /// <summary>The prescribed unknowns.</summary>
    public HashSet<int> Dofs { get; }

    private double[] Coordinates { get; }

    private int Components { get; }

    /// <summary>Sets the prescribed unknowns of <paramref name="u"/> to g(x, <paramref name="time"/>).</summary>
    public void Apply(double[] u, double time)
    {
        var v = new double[2 * _d + 1];
        v[_d] = time;
        foreach (var (dof, g) in _prescribed)
        {
            Array.Copy(Coordinates, dof / Components * _d, v, 0, _d);
            u[dof] = g(v);
        }
    }
}
