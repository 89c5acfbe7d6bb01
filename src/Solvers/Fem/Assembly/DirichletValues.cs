using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Solvers.Fem.Spaces;

namespace PdeNet.Solvers.Fem.Assembly;

/// <summary>
/// The unknowns whose values Dirichlet conditions prescribe: every unknown on a boundary facet
/// (vertices and, for P2, edge midpoints) whose governing condition (<see cref="Problem.ConditionAt"/>)
/// is a Dirichlet condition, with the compiled value g(x, t) at its node. Unknowns that belong to
/// no cell are held at zero too, so they never leave a zero row.
/// </summary>
internal sealed class DirichletValues
{
    private readonly (int Dof, Func<double[], double> Value)[] _prescribed;
    private readonly int _d;

    public DirichletValues(Problem problem, FunctionSpace space)
    {
        var mesh = space.Mesh;
        _d = space.Dimension;
        var layout = new VariableLayout(_d);
        var compiled = new Dictionary<Dirichlet, Func<double[], double>>(ReferenceEqualityComparer.Instance);
        var prescribed = new List<(int, Func<double[], double>)>();
        Dofs = [];
        var facetElement = space.Element.Facet;
        var dofs = new int[facetElement.DofCount];
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            string part = mesh.PartNames[mesh.BoundaryFacetParts[f]];
            space.Dofs.FacetDofs(mesh.FacetNodes(f), facetElement, dofs);
            foreach (int dof in dofs)
            {
                if (Dofs.Contains(dof) || problem.ConditionAt(part, space.Dofs.Coordinates.AsSpan(dof * _d, _d)) is not Dirichlet dirichlet) continue;
                if (!compiled.TryGetValue(dirichlet, out var g))
                    compiled[dirichlet] = g = ExpressionCompiler.Compile(Lowering.Lower(dirichlet.Value, _d), layout, problem.ValueOf);
                prescribed.Add((dof, g));
                Dofs.Add(dof);
            }
        }
        PrescribedByConditions = prescribed.Count > 0;
        var used = new bool[space.DofCount];
        foreach (int dof in space.Dofs.CellDofs) used[dof] = true;
        for (int dof = 0; dof < used.Length; dof++)
        {
            if (!used[dof] && Dofs.Add(dof)) prescribed.Add((dof, _ => 0));
        }
        _prescribed = prescribed.ToArray();
        Coordinates = space.Dofs.Coordinates;
    }

    /// <summary>Whether any unknown is held by a Dirichlet condition (not only unknowns outside every cell).</summary>
    public bool PrescribedByConditions { get; }

    /// <summary>The prescribed unknowns.</summary>
    public HashSet<int> Dofs { get; }

    private double[] Coordinates { get; }

    /// <summary>Sets the prescribed unknowns of <paramref name="u"/> to g(x, <paramref name="time"/>).</summary>
    public void Apply(double[] u, double time)
    {
        var v = new double[2 * _d + 1];
        v[_d] = time;
        foreach (var (dof, g) in _prescribed)
        {
            Array.Copy(Coordinates, dof * _d, v, 0, _d);
            u[dof] = g(v);
        }
    }
}
