using PdeNet.Core.Metrics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Geometry.Meshes;
using PdeNet.Problems;
using PdeNet.Solvers.Fem;

namespace PdeNet.Validation.Foundation;

/// <summary>P1 convergence on the manufactured square problem (rates 2 and 1 expected) and on the
/// L-shape (rate 4/3 in L2 expected, limited by the corner singularity), with solve times.</summary>
internal sealed class FemConvergence : IValidation
{
    public string Name => "fem-convergence";

    public string Description => "P1 finite-element errors and observed rates on poisson-square and poisson-lshape";

    public ValidationReport Run(string outputDirectory)
    {
        var report = new ValidationReport(Name, "P1 finite elements: convergence on a manufactured solution and on the L-shape");
        var square = Study(report, PoissonSquare.Create(), [8, 16, 32, 64, 128, 256], 1.0);
        report.Target("poisson-square L2 rate at the finest level in [1.9, 2.1]", square.RateL2 is >= 1.9 and <= 2.1);
        report.Target("poisson-square H1 rate at the finest level in [0.9, 1.1]", square.RateH1 is >= 0.9 and <= 1.1);
        var lshape = Study(report, PoissonLShape.Create(), [16, 32, 64, 128, 256], 2.0);
        report.Target("poisson-lshape L2 rate near 4/3 (in [1.2, 1.45])", lshape.RateL2 is >= 1.2 and <= 1.45);
        report.Note("h is the cell side (domain width / cells per side); each square cell is cut into two triangles.");
        report.Note("The L-shape's gradient is singular at the re-entrant corner, so uniform refinement cannot reach rate 2: theory gives h^(4/3) in L2 and h^(2/3) in H1.");
        return report;
    }

    private static (double RateL2, double RateH1) Study(ValidationReport report, Problem problem, int[] cells, double width)
    {
        var add = report.Table($"{problem.Name}: {problem.Equation}", "cells per side", "h", "unknowns", "L2 error", "rate", "H1 error", "rate", "rel. L2", "CG iterations", "seconds");
        double previousL2 = double.NaN, previousH1 = double.NaN, rateL2 = double.NaN, rateH1 = double.NaN;
        foreach (int n in cells)
        {
            var mesh = GridMesher.Triangulate(problem.Domain!, n, n);
            var solution = new FemSolver().Solve(problem, mesh);
            var (l2, h1) = FemErrorNorms.Of(solution, problem.ExactSolution!);
            rateL2 = Math.Log2(previousL2 / l2);
            rateH1 = Math.Log2(previousH1 / h1);
            double relative = ErrorNorms.RelativeL2(solution, ExactSolution.Of(problem), mesh);
            object? Rate(double rate) => double.IsNaN(rate) ? null : rate;
            add([n, width / n, mesh.NodeCount, l2, Rate(rateL2), h1, Rate(rateH1), relative, solution.Metadata["iterations"], solution.Seconds]);
            (previousL2, previousH1) = (l2, h1);
        }
        report.Figure($"{problem.Name}_rate_l2", rateL2);
        report.Figure($"{problem.Name}_rate_h1", rateH1);
        return (rateL2, rateH1);
    }
}
