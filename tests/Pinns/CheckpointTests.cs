using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Neural.Training.Weighting;
using PdeNet.Pinns;
using PdeNet.Problems;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Pinns;

public class CheckpointTests
{
    private static readonly PinnOptions Tiny = new(Hidden: [12, 12], Steps: 40, InteriorPoints: 150, BoundaryPoints: 60, Threads: 2, LogEvery: 5);
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("pdenet-checkpoint-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private static double[] Probe(PdeNet.Core.Solving.Solution solution) =>
        solution.Evaluate(solution.Problem.Domain!.SampleInterior(40, new Random(8)));

    [TestCase(0)]
    [TestCase(7)]
    [TestCase(10)]
    public void ResumedTrainingMatchesAnUninterruptedRunBitForBit(int resampleEvery)
    {
        var problem = PoissonLShape.Create();
        var options = Tiny with { ResampleEvery = resampleEvery };
        var straight = new PinnSolver(options).Solve(problem);

        // The same run, stopped after its checkpoint at step 20, then resumed to step 40.
        string path = Path.Combine(_folder, "run.ckpt");
        var stop = new CancelAfter(21);
        Assert.Throws<OperationCanceledException>(() => new PinnSolver(options with { CheckpointPath = path, CheckpointEvery = 20 }).Solve(problem, stop, stop.Token));
        Assert.That(PinnCheckpoint.Load(path).Step, Is.EqualTo(20));
        var resumed = new PinnSolver(options).Resume(problem, path);
        Assert.That(Probe(resumed), Is.EqualTo(Probe(straight)));
        Assert.That(resumed.History!.Steps, Is.EqualTo(straight.History!.Steps));
        Assert.That(resumed.History["loss"], Is.EqualTo(straight.History["loss"]));
    }

    [TestCase("lra", 10)]
    [TestCase("relobralo", 0)]
    public void AdaptiveWeightsAndRefinementResumeBitForBit(string weighting, int resampleEvery)
    {
        // The checkpoint at step 20 falls on a weight update, a refinement and (with resampling) a resampling round.
        var problem = PoissonLShape.Create();
        LossWeighting scheme = weighting == "lra" ? new LearningRateAnnealing(Every: 5) : new ReLoBRaLo(Alpha: 0.9, ExpectedRho: 0.5);
        var options = Tiny with { Threads = 1, Weighting = scheme, ResampleEvery = resampleEvery, RarEvery = 10, RarPoints = 5, RarCandidates = 300 };
        var straight = (PinnSolution)new PinnSolver(options).Solve(problem);
        string path = Path.Combine(_folder, "adaptive.ckpt");
        var stop = new CancelAfter(21);
        Assert.Throws<OperationCanceledException>(() => new PinnSolver(options with { CheckpointPath = path, CheckpointEvery = 20 }).Solve(problem, stop, stop.Token));
        var resumed = (PinnSolution)new PinnSolver(options).Resume(problem, path);
        Assert.That(Probe(resumed), Is.EqualTo(Probe(straight)));
        Assert.That(resumed.History!["w_boundary"], Is.EqualTo(straight.History!["w_boundary"]));
        Assert.That(resumed.History["loss"], Is.EqualTo(straight.History["loss"]));
        Assert.That(resumed.RefinedPoints, Is.EqualTo(straight.RefinedPoints));
        Assert.That(straight.RefinedPoints, Has.Count.EqualTo(4 * 5 * 2), "refinements at steps 10, 20, 30 and 40");
        var incompatible = Assert.Throws<ArgumentException>(() => new PinnSolver(options with { Weighting = null }).Resume(problem, path));
        Assert.That(incompatible!.Message, Does.Contain("weighting"));
    }

    [Test]
    public void FittedCoefficientsResumeBitForBitAndAreSaved()
    {
        var problem = Heat1D.Create();
        var options = Tiny with { Threads = 1, InitialPoints = 40, Observations = AdaptivePinnTests.Observe(problem, 50, seed: 1), Trainable = new() { ["k"] = 0.5 }, LearningRate = 1e-2 };
        var straight = (PinnSolution)new PinnSolver(options).Solve(problem);
        string path = Path.Combine(_folder, "inverse.ckpt");
        var stop = new CancelAfter(21);
        Assert.Throws<OperationCanceledException>(() => new PinnSolver(options with { CheckpointPath = path, CheckpointEvery = 20 }).Solve(problem, stop, stop.Token));
        var resumed = (PinnSolution)new PinnSolver(options).Resume(problem, path);
        Assert.That(resumed.Fitted["k"], Is.EqualTo(straight.Fitted["k"]));
        Assert.That(resumed.History!["k"], Is.EqualTo(straight.History!["k"]));
        Assert.That(straight.Fitted["k"], Is.Not.EqualTo(0.5), "k moved");
        string saved = Path.Combine(_folder, "inverse.model");
        straight.Save(saved);
        var loaded = PinnSolution.Load(saved, problem);
        Assert.That(loaded.Fitted["k"], Is.EqualTo(straight.Fitted["k"]));
        Assert.That(loaded.Options.Trainable, Is.EqualTo(options.Trainable));
        Assert.That(Probe(loaded), Is.EqualTo(Probe(straight)));
    }

    [Test]
    public void CheckpointsWrittenBeforeWeightingAndInverseOptionsStillLoad()
    {
        var problem = PoissonLShape.Create();
        string path = Path.Combine(_folder, "old.ckpt");
        var trained = (PinnSolution)new PinnSolver(Tiny with { Steps = 2 }).Solve(problem);
        trained.Save(path);
        // Rewrite the header as the first format had it: without the entries added since.
        byte[] bytes = File.ReadAllBytes(path);
        using var reader = new BinaryReader(new MemoryStream(bytes));
        byte[] magic = reader.ReadBytes("PDENET-PINN-CHECKPOINT\n".Length);
        int version = reader.ReadInt32();
        var header = System.Text.Json.Nodes.JsonNode.Parse(reader.ReadString())!.AsObject();
        byte[] rest = reader.ReadBytes(bytes.Length);
        foreach (var key in new[] { "Weighting", "Fitted", "RefinedPoints" }) Assert.That(header.Remove(key), key);
        var options = header["Options"]!.AsObject();
        foreach (var key in new[] { "Weighting", "DataWeight", "Observations", "Trainable", "RarEvery", "RarPoints", "RarCandidates" }) Assert.That(options.Remove(key), key);
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write(magic);
            writer.Write(version);
            writer.Write(header.ToJsonString());
            writer.Write(rest);
        }
        var loaded = PinnSolution.Load(path, problem);
        Assert.That(Probe(loaded), Is.EqualTo(Probe(trained)));
        Assert.That(loaded.Options.RarPoints, Is.EqualTo(new PinnOptions().RarPoints), "missing options take their defaults");
        Assert.That(loaded.Fitted, Is.Empty);
        Assert.DoesNotThrow(() => (Tiny with { Steps = 4 }).CheckCompatible(loaded.Options));
    }

    [Test]
    public void SavedSolutionsLoadWithTheirConfiguration()
    {
        var problem = PoissonLShape.Create();
        var trained = (PinnSolution)new PinnSolver(Tiny with { Hidden = [9, 7] }).Solve(problem);
        string path = Path.Combine(_folder, "model.ckpt");
        trained.Save(path);
        var loaded = PinnSolution.Load(path, problem);
        Assert.That(loaded.Options.HiddenLayers, Is.EqualTo(new[] { 9, 7 }));
        Assert.That(Probe(loaded), Is.EqualTo(Probe(trained)));
        Assert.That(loaded.History!["loss"], Is.EqualTo(trained.History!["loss"]));
        Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName), Is.EqualTo(new[] { "model.ckpt" }), "no temporary files remain");
    }

    [Test]
    public void CheckpointsRefuseOtherProblemsAndIncompatibleOptions()
    {
        var problem = PoissonSquare.Create();
        string path = Path.Combine(_folder, "square.ckpt");
        ((PinnSolution)new PinnSolver(Tiny with { Steps = 2 }).Solve(problem)).Save(path);
        var other = Assert.Throws<ProblemDefinitionException>(() => PinnSolution.Load(path, problem.WithParameter("k", 2)));
        Assert.That(other!.Message, Is.EqualTo("the checkpoint was trained on 'poisson-square' (k = 1), not on 'poisson-square' (k = 2)"));
        Assert.Throws<ProblemDefinitionException>(() => PinnSolution.Load(path, PoissonLShape.Create()));
        var incompatible = Assert.Throws<ArgumentException>(() => new PinnSolver(Tiny with { Hidden = [5] }).Resume(problem, path));
        Assert.That(incompatible!.Message, Does.Contain("hidden 12x12 (checkpoint) vs 5"));
    }

    [Test]
    public void DamagedFilesAreReportedWithTheirName()
    {
        string junk = Path.Combine(_folder, "junk.ckpt");
        File.WriteAllText(junk, "not a checkpoint");
        Assert.That(Assert.Throws<InvalidDataException>(() => PinnCheckpoint.Load(junk))!.Message, Is.EqualTo($"{junk}: not a PdeNet PINN checkpoint"));
        string path = Path.Combine(_folder, "model.ckpt");
        ((PinnSolution)new PinnSolver(Tiny with { Steps = 2 }).Solve(PoissonLShape.Create())).Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.That(Assert.Throws<InvalidDataException>(() => PinnCheckpoint.Load(path))!.Message, Does.StartWith(path).And.Contain("truncated"));
        Assert.Throws<FileNotFoundException>(() => PinnCheckpoint.Load(Path.Combine(_folder, "missing.ckpt")));
    }

    [Test]
    public void ADivergingRunLeavesTheLastGoodCheckpoint()
    {
        var u = Unknown.Scalar("u");
        var square = Rectangle.UnitSquare;
        var problem = Problem.Named("bratu").On(square).Solve(-Laplacian(u) == 0.1 * Exp(u)).With(Dirichlet.On(square.Boundary, 0));
        string path = Path.Combine(_folder, "bratu.ckpt");
        // A far too large learning rate drives u up until e^u overflows; checkpoints are taken every step until then.
        var options = Tiny with { Hidden = [20, 20, 20], InteriorPoints = 400, BoundaryPoints = 160, Steps = 60, LearningRate = 10, FinalLearningRate = 10, CheckpointPath = path, CheckpointEvery = 1 };
        var error = Assert.Throws<TrainingDivergedException>(() => new PinnSolver(options).Solve(problem));
        var checkpoint = PinnCheckpoint.Load(path);
        TestContext.Out.WriteLine($"{error!.Message} Checkpoint on disk: step {checkpoint.Step}.");
        Assert.That(checkpoint.Step, Is.LessThan(60));
        var kept = PinnSolution.Load(path, problem);
        Assert.That(Probe(kept).All(double.IsFinite), error.Message);
    }

    /// <summary>Cancels the run once it reports a step of at least <c>n</c>.</summary>
    private sealed class CancelAfter(int n) : IProgress<PdeNet.Core.Solving.SolverProgress>
    {
        private readonly CancellationTokenSource _source = new();

        public CancellationToken Token => _source.Token;

        public void Report(PdeNet.Core.Solving.SolverProgress value)
        {
            if (value.Step >= n) _source.Cancel();
        }
    }
}
