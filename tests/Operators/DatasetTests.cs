using System.Diagnostics;
using PdeNet.Core.Problems;
using PdeNet.Operators.Data;
using PdeNet.Problems;
using PdeNet.Solvers.Fem;

namespace PdeNet.Tests.Operators;

public class DatasetTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "pdenet-data-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private string File(string name) => Path.Combine(_folder, name);

    private static DatasetGenerator Darcy(int resolution) =>
        new(new DarcyFlow2D(), new FemSolver(new FemOptions(Element: FiniteElement.P1, CellsPerSide: resolution - 1, Threads: 1)), "fem P1");

    [Test]
    public void AntiderivativeDataSetRoundTripsAndHoldsTheExactIntegral()
    {
        var problem = new Antiderivative1D();
        var generator = new DatasetGenerator(problem, null);
        var report = generator.Generate(File("anti.h5"), new DatasetGenerationOptions(Samples: 8, Resolution: 101, Seed: 4, Workers: 2, BlockSize: 3));
        Assert.That(report.Samples, Is.EqualTo(8));
        Assert.That(Directory.Exists(DatasetGenerator.PartsFolder(File("anti.h5"))), Is.False, "the parts folder is removed once the file is complete");
        var data = OperatorDatasetFile.Read(File("anti.h5"));
        Assert.That(data.Count, Is.EqualTo(8));
        Assert.That(data.GridShape, Is.EqualTo(new[] { 101 }));
        Assert.That(data.InputNames, Is.EqualTo(new[] { "v" }));
        Assert.That(data.SampleIndices, Is.EqualTo(Enumerable.Range(0, 8).Select(i => (long)i)));
        Assert.That(data.Attributes["problem"], Is.EqualTo("antiderivative-1d"));
        Assert.That(data.Attributes["seed"], Is.EqualTo(4L));
        Assert.That(data.Attributes["config_length_scale"], Is.EqualTo(0.2));
        for (int s = 0; s < data.Count; s++)
        {
            var drawn = problem.Draw(4, s, 101);
            Assert.That(data.Input(0, s).ToArray(), Is.EqualTo(drawn.Inputs["v"]), "inputs are stored exactly");
            var v = data.Input(0, s).ToArray();
            var u = data.Output(s).ToArray();
            // u' = v: the difference quotient of u equals the mean of v over each cell, and u(0) = 0.
            Assert.That(u[0], Is.EqualTo(0));
            for (int i = 1; i < 101; i++) Assert.That((u[i] - u[i - 1]) * 100, Is.EqualTo(0.5 * (v[i] + v[i - 1])).Within(1e-10));
        }
        // Writing what was read gives the same data back.
        OperatorDatasetFile.Write(File("again.h5"), data);
        var again = OperatorDatasetFile.Read(File("again.h5"));
        Assert.That(again.Outputs.ToArray(), Is.EqualTo(data.Outputs.ToArray()));
        Assert.That(again.DifferenceTo(data, new HashSet<string>()), Is.Null);
    }

    [Test]
    public void InterruptedGenerationResumesToTheIdenticalFile()
    {
        const int n = 17;
        var options = new DatasetGenerationOptions(Samples: 6, Resolution: n, Seed: 9, Workers: 1, BlockSize: 2);
        var watch = Stopwatch.StartNew();
        Darcy(n).Generate(File("whole.h5"), options);
        TestContext.Out.WriteLine($"6 Darcy samples at {n}x{n} in {watch.Elapsed.TotalSeconds:F2} s");

        using var stop = new CancellationTokenSource();
        var progress = new SynchronousProgress(p => { if (p.Done >= 3) stop.Cancel(); });
        Assert.That(() => Darcy(n).Generate(File("resumed.h5"), options, progress, stop.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(System.IO.File.Exists(File("resumed.h5")), Is.False, "nothing is written under the final name before the end");
        var saved = Directory.GetFiles(DatasetGenerator.PartsFolder(File("resumed.h5")));
        Assert.That(saved.Select(Path.GetFileName), Is.EqualTo(new[] { "samples-000000000000-000000000001.h5" }), "the first block was saved, the one in progress was not");

        var report = Darcy(n).Generate(File("resumed.h5"), options);
        Assert.That(report.Resumed, Is.EqualTo(2));
        Assert.That(report.Generated, Is.EqualTo(4));
        Assert.That(System.IO.File.ReadAllBytes(File("resumed.h5")), Is.EqualTo(System.IO.File.ReadAllBytes(File("whole.h5"))));

        // A rerun with other settings refuses to mix samples.
        Directory.CreateDirectory(DatasetGenerator.PartsFolder(File("mixed.h5")));
        System.IO.File.Copy(File("whole.h5"), Path.Combine(DatasetGenerator.PartsFolder(File("mixed.h5")), "samples-000000000000-000000000005.h5"));
        Assert.That(() => Darcy(n).Generate(File("mixed.h5"), options with { Seed = 10 }),
            Throws.TypeOf<IOException>().With.Message.Contains("seed = 9, now 10"));
    }

    [Test]
    public void ShardsMergeToTheSameDataSetAsOneRun()
    {
        var generator = new DatasetGenerator(new Antiderivative1D(), null);
        var whole = new DatasetGenerationOptions(Samples: 7, Resolution: 50, Seed: 2, Workers: 2);
        generator.Generate(File("whole.h5"), whole);
        generator.Generate(File("b.h5"), whole with { Samples = 4, FirstSample = 3 });
        generator.Generate(File("a.h5"), whole with { Samples = 3 });
        var merged = OperatorDatasetFile.Merge([File("b.h5"), File("a.h5")], File("merged.h5"));
        Assert.That(merged.SampleIndices, Is.EqualTo(Enumerable.Range(0, 7).Select(i => (long)i)));
        Assert.That(System.IO.File.ReadAllBytes(File("merged.h5")), Is.EqualTo(System.IO.File.ReadAllBytes(File("whole.h5"))));

        generator.Generate(File("c.h5"), whole with { Samples = 2, FirstSample = 5 });
        Assert.That(() => OperatorDatasetFile.Merge([File("a.h5"), File("c.h5")], File("gap.h5")),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("samples 3 to 4 are missing"));
        Assert.That(() => OperatorDatasetFile.Merge([File("b.h5"), File("c.h5")], File("overlap.h5")),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("repeats sample 5"));
        new DatasetGenerator(new Antiderivative1D(), null).Generate(File("other-seed.h5"), whole with { Samples = 4, FirstSample = 3, Seed = 3 });
        Assert.That(() => OperatorDatasetFile.Merge([File("a.h5"), File("other-seed.h5")], File("bad.h5")),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("seed"));
    }

    [Test]
    public void SubsamplingKeepsEveryStrideThPoint()
    {
        // FNO's Darcy protocol: 421 points per side with stride 5 gives 85.
        var x = Enumerable.Range(0, 421).Select(i => i / 420.0).ToArray();
        var field = new double[421 * 421];
        for (int i = 0; i < 421; i++)
        {
            for (int j = 0; j < 421; j++) field[i * 421 + j] = i + 1000 * j;
        }
        var big = new OperatorDataset([x, x], [0], ["nu"], [field], "u", field.Select(v => -v).ToArray(), [0], new Dictionary<string, object>());
        var small = big.Subsample(5);
        Assert.That(small.GridShape, Is.EqualTo(new[] { 85, 85 }));
        Assert.That(small.Coordinates[0][1], Is.EqualTo(5 / 420.0));
        Assert.That(small.Coordinates[1][^1], Is.EqualTo(1.0));
        Assert.That(small.Input(0, 0)[3 * 85 + 7], Is.EqualTo(15 + 1000 * 35));
        Assert.That(small.Output(0)[84 * 85 + 84], Is.EqualTo(-(420 + 1000 * 420)));
        Assert.That(small.Attributes["subsample_stride"], Is.EqualTo(5L));

        var dataset = new DatasetGenerator(new Antiderivative1D(), null);
        dataset.Generate(File("anti.h5"), new DatasetGenerationOptions(Samples: 2, Resolution: 101, Seed: 1, Workers: 1));
        var read = OperatorDatasetFile.Read(File("anti.h5"), stride: 4);
        Assert.That(read.GridShape, Is.EqualTo(new[] { 26 }));
        Assert.That(read.Input(0, 1)[25], Is.EqualTo(OperatorDatasetFile.Read(File("anti.h5")).Input(0, 1)[100]));
    }

    [Test]
    public void SplitsAreDisjointAndBatchesHaveChannelShapes()
    {
        var split = DatasetSplit.Of(20, 12, 3, 5);
        Assert.That(split.Train, Is.EqualTo(Enumerable.Range(0, 12)));
        Assert.That(split.Test, Is.EqualTo(Enumerable.Range(15, 5)), "the test set is the last samples, as in the FNO scripts");
        var shuffled = DatasetSplit.Of(20, 12, 3, 5, shuffleSeed: 8);
        Assert.That(shuffled.Train.Concat(shuffled.Validation).Concat(shuffled.Test).Order(), Is.EqualTo(Enumerable.Range(0, 20)));
        Assert.That(shuffled, Is.EqualTo(DatasetSplit.Of(20, 12, 3, 5, shuffleSeed: 8)).Using<DatasetSplit>((a, b) => a.Train.SequenceEqual(b.Train) && a.Test.SequenceEqual(b.Test)));
        Assert.That(shuffled.Train, Is.Not.EqualTo(split.Train));
        Assert.That(() => DatasetSplit.Of(10, 8, 2, 1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("exceed the 10 samples"));

        var x = new[] { 0.0, 0.5, 1.0 };
        var y = new[] { 0.0, 1.0 };
        var inputs = Enumerable.Range(0, 5 * 6).Select(v => (double)v).ToArray();
        var data = new OperatorDataset([x, y], [0], ["a", "b"], [inputs, inputs.Select(v => v + 0.5).ToArray()], "u", inputs.Select(v => 2 * v).ToArray(), [0, 1, 2, 3, 4], new Dictionary<string, object>());
        var batches = DatasetBatches.Of(data, [4, 0, 2], batchSize: 2).ToList();
        Assert.That(batches.Select(b => b.Size), Is.EqualTo(new[] { 2, 1 }));
        Assert.That(batches[0].InputShape, Is.EqualTo(new long[] { 2, 2, 3, 2 }));
        Assert.That(batches[0].OutputShape, Is.EqualTo(new long[] { 2, 1, 3, 2 }));
        Assert.That(batches[0].Inputs[..12], Is.EqualTo(new float[] { 24, 25, 26, 27, 28, 29, 24.5f, 25.5f, 26.5f, 27.5f, 28.5f, 29.5f }));
        Assert.That(batches[1].Outputs, Is.EqualTo(Enumerable.Range(12, 6).Select(v => 2f * v)));
        Assert.That(DatasetBatches.Of(data, [4, 0, 2], batchSize: 2, dropLast: true).Count(), Is.EqualTo(1));
        Assert.That(data.GridPoints()[..6], Is.EqualTo(new[] { 0.0, 0.0, 0.0, 1.0, 0.5, 0.0 }));
    }

    /// <summary>An IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<DatasetProgress> report) : IProgress<DatasetProgress>
    {
        public void Report(DatasetProgress value) => report(value);
    }
}
