using System.Diagnostics;
using System.Globalization;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;

namespace PdeNet.Operators.Data;

/// <summary>
/// Generates an operator-learning data set from a <see cref="ParametricProblem"/>: draws sample
/// i from (seed, i), computes its reference output, several samples at once over the cores, and
/// writes the HDF5 file of <see cref="OperatorDatasetFile"/>.
/// <para>
/// Interruptions: finished samples are saved in blocks, each block an atomically written file in
/// the folder <c>FILE.h5.parts/</c>. Running the same command again keeps those samples and
/// computes only the others; a block that was being written when the run stopped is either
/// complete or absent, never partial. When all samples exist, the data set is assembled into a
/// temporary file that is renamed to FILE.h5, and the parts folder is removed. Samples depend only
/// on (seed, i), so the resumed file is identical to an uninterrupted run's, and shards with
/// disjoint ranges merge (<see cref="OperatorDatasetFile.Merge"/>) into the same data set.
/// </para>
/// </summary>
/// <param name="problem">The parametric problem.</param>
/// <param name="solver">The reference solver, configured for the resolution; null when the problem's reference is exact.</param>
/// <param name="solverDescription">The solver and its options, recorded in the attribute <c>reference_solver_options</c>.</param>
public sealed class DatasetGenerator(ParametricProblem problem, ISolver? solver, string solverDescription = "")
{
    /// <summary>The folder holding the finished blocks of an unfinished data set at <paramref name="path"/>.</summary>
    public static string PartsFolder(string path) => Path.GetFullPath(path) + ".parts";

    /// <summary>
    /// The attributes of a data set generated with <paramref name="options"/> (also those of each
    /// saved block, which a resumed run must match).
    /// </summary>
    public IReadOnlyDictionary<string, object> Attributes(DatasetGenerationOptions options)
    {
        var attributes = new Dictionary<string, object>
        {
            ["problem"] = problem.Name,
            ["description"] = problem.Description,
            ["citation"] = problem.Citation,
            ["reference_solver"] = problem.ReferenceSolver,
            ["reference_solver_options"] = solverDescription,
            ["resolution"] = (long)options.Resolution,
            ["seed"] = options.Seed,
            ["first_sample"] = options.FirstSample,
            ["samples"] = (long)options.Samples,
            ["sample_seeding"] = "sample i draws from RandomStream.ForSample(seed, i): SplitMix64 mixing of (seed, i), then xoshiro256**",
        };
        foreach (var (key, value) in problem.Configuration) attributes["config_" + key] = value;
        return attributes;
    }

    /// <summary>Generates (or finishes) the data set at <paramref name="path"/>.</summary>
    /// <param name="path">The .h5 file to write.</param>
    /// <param name="options">Samples, resolution, seed, range and parallelism.</param>
    /// <param name="progress">Receives a report after each sample; may be null.</param>
    /// <param name="cancellation">Stops the run; finished blocks stay saved for a resume.</param>
    /// <exception cref="IOException"><paramref name="path"/> already holds a data set with other settings, or a saved block does not match these settings.</exception>
    public DatasetGenerationReport Generate(string path, DatasetGenerationOptions options, IProgress<DatasetProgress>? progress = null, CancellationToken cancellation = default)
    {
        options.Validate();
        if (options.Resolution < problem.MinimumResolution)
            throw new ArgumentOutOfRangeException(nameof(options), options.Resolution, $"problem '{problem.Name}' needs a resolution of at least {problem.MinimumResolution}");
        if (solver is null && problem.ReferenceSolver != "exact")
            throw new ArgumentNullException(nameof(solver), $"problem '{problem.Name}' needs a '{problem.ReferenceSolver}' solver for its reference");
        var watch = Stopwatch.StartNew();
        var attributes = Attributes(options);
        string parts = PartsFolder(path);
        int workers = options.EffectiveWorkers;
        if (File.Exists(path) && !Directory.Exists(parts))
        {
            var existing = OperatorDatasetFile.Read(path);
            string? difference = Difference(existing.Attributes, attributes, new HashSet<string>());
            if (difference is not null)
                throw new IOException($"{path} already holds a data set with other settings ({difference}); choose another --out or remove the file");
            return new DatasetGenerationReport(path, existing.Count, existing.Count, 0, watch.Elapsed.TotalSeconds, workers);
        }
        Directory.CreateDirectory(parts);

        // Samples kept from an interrupted run.
        var blocks = new List<(string Path, OperatorDataset Data)>();
        var done = new HashSet<long>();
        foreach (var file in Directory.GetFiles(parts, "samples-*.h5").Order(StringComparer.Ordinal))
        {
            var block = OperatorDatasetFile.Read(file);
            string? difference = Difference(block.Attributes, attributes, OperatorDatasetFile.RangeAttributes);
            if (difference is not null)
                throw new IOException($"{file} was saved by a run with other settings ({difference}); rerun with those settings, or remove {parts} to start afresh");
            if (block.SampleIndices.Any(i => i < options.FirstSample || i >= options.FirstSample + options.Samples))
                throw new IOException($"{file} holds samples outside {options.FirstSample} to {options.FirstSample + options.Samples - 1}; rerun with the earlier --first/--samples, or remove {parts}");
            blocks.Add((file, block));
            done.UnionWith(block.SampleIndices);
        }
        int resumed = done.Count;
        var remaining = Enumerable.Range(0, options.Samples).Select(i => options.FirstSample + i).Where(i => !done.Contains(i)).ToArray();
        int finished = resumed;
        progress?.Report(new DatasetProgress(finished, options.Samples, resumed, watch.Elapsed));

        var coordinates = problem.Coordinates(options.Resolution);
        var times = problem.OutputTimes(options.Resolution);
        int gridSize = coordinates.Aggregate(1, (a, c) => a * c.Length);
        for (int start = 0; start < remaining.Length; start += options.EffectiveBlockSize)
        {
            var indices = remaining.Skip(start).Take(options.EffectiveBlockSize).ToArray();
            var inputs = new double[indices.Length][][];
            var outputs = new double[indices.Length][];
            Parallel.For(0, indices.Length, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellation }, s =>
            {
                var sample = problem.Draw(options.Seed, indices[s], options.Resolution);
                var output = problem.Reference(sample, solver, cancellation);
                if (output.Length != times.Length * gridSize)
                    throw new InvalidOperationException($"problem '{problem.Name}' returned {output.Length} output values for sample {indices[s]}; expected {times.Length * gridSize}");
                inputs[s] = problem.InputNames.Select(name => sample.Inputs[name]).ToArray();
                outputs[s] = output;
                progress?.Report(new DatasetProgress(Interlocked.Increment(ref finished), options.Samples, resumed, watch.Elapsed));
            });
            cancellation.ThrowIfCancellationRequested();
            var data = new OperatorDataset(coordinates, times, problem.InputNames,
                Enumerable.Range(0, problem.InputNames.Count).Select(c => inputs.SelectMany(i => i[c]).ToArray()).ToArray(),
                problem.OutputName, outputs.SelectMany(o => o).ToArray(), indices, attributes);
            string file = Path.Combine(parts, string.Create(CultureInfo.InvariantCulture, $"samples-{indices[0]:D12}-{indices[^1]:D12}.h5"));
            OperatorDatasetFile.Write(file, data);
            blocks.Add((file, data));
        }

        // Blocks may overlap only if a block size changed between runs; keep each sample once.
        var seen = new HashSet<long>();
        var ordered = blocks.OrderBy(b => b.Data.SampleIndices[0]).Select(b =>
        {
            var keep = Enumerable.Range(0, b.Data.Count).Where(p => seen.Add(b.Data.SampleIndices[p])).ToArray();
            return (b.Path, Data: keep.Length == b.Data.Count ? b.Data : b.Data.Select(keep));
        }).Where(b => b.Data.Count > 0).ToList();
        var merged = OperatorDatasetFile.Combine(ordered, $"assembling {path}");
        OperatorDatasetFile.Write(path, merged);
        Directory.Delete(parts, recursive: true);
        return new DatasetGenerationReport(path, merged.Count, resumed, remaining.Length, watch.Elapsed.TotalSeconds, workers);
    }

    private static string? Difference(IReadOnlyDictionary<string, object> found, IReadOnlyDictionary<string, object> expected, IReadOnlySet<string> ignored)
    {
        foreach (var (key, value) in expected)
        {
            if (ignored.Contains(key)) continue;
            if (!found.TryGetValue(key, out var other)) return $"attribute '{key}' missing";
            if (!Core.Fields.MetadataValue.AreEqual(value, other)) return $"{key} = {Format(other)}, now {Format(value)}";
        }
        return null;
    }

    private static string Format(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
