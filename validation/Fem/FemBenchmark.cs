using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using PdeNet.Geometry.Meshes;
using PdeNet.Problems;
using PdeNet.Solvers.Fem;

namespace PdeNet.Validation.Fem;

/// <summary>
/// P1 Poisson on the unit square (poisson-square: u = sin(πx) sin(πy)) on structured meshes of
/// 256², 512² and 1024² squares (66k, 263k and 1.05M unknowns): the finite-element solver with
/// CG + algebraic multigrid to relative residual 1e-10, one thread and two, against DOLFINx with
/// CG + hypre BoomerAMG on the same mesh (validation/dolfinx/poisson_p1.py, one thread) when
/// Debian's python3-dolfinx is installed. Times are wall clock after a warm-up solve (the JIT's
/// counterpart of DOLFINx's form compilation), the best of two runs on both sides; meshing is not
/// timed on either side.
/// </summary>
internal sealed class FemBenchmark(string root) : IValidation
{
    private static readonly int[] Cells = [256, 512, 1024];
    private static readonly int[] ThreadCounts = [1, 2];
    private const int Repeats = 2;

    public string Name => "fem-benchmark";

    public string Description => "P1 Poisson, 66k to 1.05M unknowns: assemble + CG/AMG solve times, 1 and 2 threads, against DOLFINx (CG + BoomerAMG)";

    public ValidationReport Run(string outputDirectory)
    {
        var report = new ValidationReport(Name, "Finite-element performance: P1 Poisson on the unit square, PdeNet against DOLFINx");
        bool debug = typeof(FemSolver).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;
        if (debug)
        {
            const string warning = "this is a Debug build: timings are not representative; run `dotnet run -c Release --project validation -- fem-benchmark`";
            Console.Error.WriteLine($"warning: {warning}");
            report.Note($"WARNING: {warning}.");
        }
        report.Figure("build", debug ? "Debug" : "Release");

        var problem = PoissonSquare.Create();
        var exact = problem.ExactSolution!;
        foreach (int threads in ThreadCounts) new FemSolver(new FemOptions(Threads: threads)).Solve(problem, GridMesher.Triangulate(problem.Domain!, 64, 64));

        var ours = new Dictionary<(int Cells, int Threads), Measurement>();
        var rows = report.Table("PdeNet: FemSolver (CG + smoothed-aggregation AMG, tolerance 1e-10)", "cells per side", "unknowns", "threads",
            "assemble s", "AMG setup s", "solve s (incl. setup)", "total s", "iterations", "L2 error", "time growth", "unknowns growth");
        string preconditioner = "";
        foreach (int n in Cells)
        {
            var mesh = GridMesher.Triangulate(problem.Domain!, n, n);
            foreach (int threads in ThreadCounts)
            {
                Measurement? best = null;
                for (int repeat = 0; repeat < Repeats; repeat++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var clock = Stopwatch.StartNew();
                    var solution = new FemSolver(new FemOptions(Threads: threads)).Solve(problem, mesh);
                    double total = clock.Elapsed.TotalSeconds;
                    var m = solution.Metadata;
                    double? setup = m.TryGetValue("preconditioner_seconds", out var seconds) ? (double)seconds : null;
                    var measured = new Measurement(mesh.NodeCount, (double)m["assemble_seconds"], setup, (double)m["solve_seconds"], total, (int)m["iterations"], FemErrorNorms.Of(solution, exact).L2);
                    if (best is null || measured.Total < best.Total) best = measured;
                    preconditioner = m.TryGetValue("preconditioner", out var description) ? (string)description : (string)m["linear_solver"];
                }
                var run = best!;
                ours[(n, threads)] = run;
                object? timeGrowth = null, sizeGrowth = null;
                if (ours.TryGetValue((n / 2, threads), out var coarser))
                {
                    timeGrowth = run.Total / coarser.Total;
                    sizeGrowth = (double)run.Dofs / coarser.Dofs;
                }
                rows([n, run.Dofs, threads, run.Assemble, run.Setup, run.Solve, run.Total, run.Iterations, run.L2, timeGrowth, sizeGrowth]);
                Console.Error.WriteLine($"  PdeNet {n}² cells, {threads} thread(s): {run.Total:F2} s, {run.Iterations} iterations, L2 error {run.L2:E3}");
            }
        }
        report.Note($"PdeNet's total is FemSolver.Solve's wall time: sparsity pattern and scatter map, Dirichlet nodes, assembly (generic quadrature of the compiled weak form, degree 4), symmetry test, AMG setup, CG, and the final residual check. 'assemble' is its assembly + Dirichlet elimination; 'solve' includes the AMG setup. Finest hierarchy: {preconditioner}.");
        report.Note("Iterations stay flat while the unknowns grow fourfold per row, so the solve time grows about linearly with N (the 'time growth' column against the 'unknowns growth' column).");

        var peer = RunDolfinx();
        if (peer is null)
        {
            report.Note("DOLFINx is not installed (Debian: apt-get install python3-dolfinx), so the peer was skipped; only PdeNet was measured.");
            report.Target("DOLFINx peer measured", false);
            return report;
        }
        if (peer.Value.Error is { } error)
        {
            report.Note($"The DOLFINx peer failed: {error}");
            report.Target("DOLFINx peer measured", false);
            return report;
        }
        var theirs = peer.Value.Runs;
        var compare = report.Table("PdeNet against DOLFINx (one thread each)", "unknowns", "PdeNet s", "DOLFINx s", "ratio PdeNet/DOLFINx",
            "PdeNet 2 threads s", "DOLFINx assemble s", "DOLFINx solve s", "PdeNet iterations", "DOLFINx iterations", "PdeNet L2 error", "DOLFINx L2 error");
        double ratioFinest = double.NaN, errorRatioFinest = double.NaN;
        foreach (int n in Cells)
        {
            if (!theirs.TryGetValue(n, out var d)) continue;
            var one = ours[(n, 1)];
            double ratio = one.Total / (d.Assemble + d.Solve);
            compare([one.Dofs, one.Total, d.Assemble + d.Solve, ratio, ours[(n, 2)].Total, d.Assemble, d.Solve, one.Iterations, d.Iterations, one.L2, d.L2]);
            report.Figure($"ratio_{n}", ratio);
            if (n == Cells[^1]) (ratioFinest, errorRatioFinest) = (ratio, one.L2 / d.L2);
        }
        report.Figure("dolfinx_version", peer.Value.Version);
        report.Note($"DOLFINx {peer.Value.Version} (PETSc {peer.Value.Petsc}): create_unit_square with DiagonalType.right (the same triangles), P1, CG + hypre BoomerAMG with PETSc's defaults, unpreconditioned residual norm, rtol 1e-10, one MPI rank, OMP_NUM_THREADS=1; assemble = matrix (with sparsity pattern) + right-hand side + boundary conditions, solve = KSP setup + CG, both after a warm-up solve that compiles the forms. Both sides: best of {Repeats} runs per size.");
        report.Target($"ratio PdeNet/DOLFINx at {Cells[^1]}² cells at most 1 ({ratioFinest:F2})", ratioFinest <= 1);
        report.Target($"equal L2 error at {Cells[^1]}² cells (PdeNet/DOLFINx {errorRatioFinest:F4}, within 1%)", Math.Abs(errorRatioFinest - 1) <= 0.01);
        report.Note("Timings were taken on a 2-core machine shared with other work; re-run on a quiet machine for figures to quote.");
        return report;
    }

    /// <summary>Runs the DOLFINx script; null when DOLFINx is not installed.</summary>
    private (Dictionary<int, PeerRun> Runs, string Version, string Petsc, string? Error)? RunDolfinx()
    {
        string python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var probe = ExternalProgram.Run(python, ["-c", "import dolfinx"]);
        if (probe is null || probe.Value.Exit != 0) return null;
        string script = Path.Combine(root, "validation", "dolfinx", "poisson_p1.py");
        Console.Error.WriteLine("  running the DOLFINx peer");
        var result = ExternalProgram.Run(python, [script, "--repeat", Repeats.ToString(), .. Cells.Select(c => c.ToString())],
            new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "1", ["OPENBLAS_NUM_THREADS"] = "1" });
        var runs = new Dictionary<int, PeerRun>();
        string version = "?", petsc = "?";
        foreach (var line in result!.Value.Output.Split('\n').Where(l => l.StartsWith('{')))
        {
            using var json = JsonDocument.Parse(line);
            var r = json.RootElement;
            runs[r.GetProperty("cells_per_side").GetInt32()] = new PeerRun(r.GetProperty("assemble_seconds").GetDouble(), r.GetProperty("solve_seconds").GetDouble(),
                r.GetProperty("iterations").GetInt32(), r.GetProperty("l2_error").GetDouble());
            version = r.GetProperty("dolfinx_version").GetString()!;
            petsc = r.GetProperty("petsc_version").GetString()!;
        }
        string? error = result.Value.Exit != 0 || runs.Count != Cells.Length ? $"exit code {result.Value.Exit}; output ends: {Tail(result.Value.Output)}" : null;
        return (runs, version, petsc, error);
    }

    private static string Tail(string text) => text.Length <= 400 ? text : text[^400..];

    private sealed record Measurement(int Dofs, double Assemble, double? Setup, double Solve, double Total, int Iterations, double L2);

    private sealed record PeerRun(double Assemble, double Solve, int Iterations, double L2);
}
