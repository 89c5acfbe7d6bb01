using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace PdeNet.Validation.Pinns;

/// <summary>
/// Runs validation/pytorch/pinn_step_benchmark.py with Debian's python3-torch (/usr/bin/python3) and
/// reads the JSON it prints: the same PINN written in plain PyTorch. Debian's torch calls whatever
/// libblas.so.3 the system selects (the reference BLAS unless an optimised one is installed), so a
/// peer can also be run with OpenBLAS's libblas.so.3 put first on the library path.
/// </summary>
internal sealed class PyTorchPinnPeer
{
    /// <summary>The interpreter python3-torch installs into.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Environment variable naming a folder with OpenBLAS's libblas.so.3 (for example one unpacked from
    /// libopenblas0-pthread's .deb) when no OpenBLAS is installed under the system's library folder.</summary>
    public const string OpenBlasVariable = "PDENET_OPENBLAS_DIR";

    private readonly string _script, _dataFile, _libraryPath;

    private PyTorchPinnPeer(string script, string dataFile, string label, string key, bool referenceBlas, string libraryPath)
    {
        _script = script;
        _dataFile = dataFile;
        Label = label;
        Key = key;
        ReferenceBlas = referenceBlas;
        _libraryPath = libraryPath;
    }

    /// <summary>What the peer is, for the report: "PyTorch (reference BLAS)", "PyTorch + OpenBLAS".</summary>
    public string Label { get; }

    /// <summary>The peer's name in figure keys: "pytorch" (system BLAS) or "pytorch_openblas".</summary>
    public string Key { get; }

    /// <summary>Whether the peer's matrix products go through the unoptimised reference BLAS.</summary>
    public bool ReferenceBlas { get; }

    /// <summary>What one run measured.</summary>
    /// <param name="MsPerStep">Milliseconds per timed step, wall clock.</param>
    /// <param name="CpuMsPerStep">The process's CPU time per timed step, ms.</param>
    /// <param name="Phases">Milliseconds per step by phase (loss, backward, optimizer and, inside loss, forward, derivatives, residual, boundary).</param>
    /// <param name="Losses">The loss of the first traced steps.</param>
    /// <param name="Version">torch.__version__.</param>
    /// <param name="Blas">The BLAS libraries the Python process had loaded.</param>
    public sealed record Result(double MsPerStep, double CpuMsPerStep, IReadOnlyDictionary<string, double> Phases, IReadOnlyList<double> Losses, string Version, IReadOnlyList<string> Blas);

    /// <summary>
    /// The peers this machine can run: PyTorch with the system's BLAS and, when that is not OpenBLAS and an
    /// OpenBLAS libblas.so.3 is found (the system's openblas-* folders or <see cref="OpenBlasVariable"/>),
    /// PyTorch with OpenBLAS. None, with the reason, when python3 or its torch module is missing.
    /// </summary>
    public static (IReadOnlyList<PyTorchPinnPeer> Peers, string? Unavailable) Find(string script, string dataFile)
    {
        var probe = ExternalProgram.Run(Python, ["-c", "import torch; print(torch.__version__)"]);
        if (probe is null) return ([], $"{Python} is not installed");
        if (probe.Value.Exit != 0)
            return ([], $"{Python} cannot import torch (Debian: apt-get install python3-torch): {probe.Value.Output.Trim().Split('\n')[^1]}");
        string libraries = $"/usr/lib/{(RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "aarch64" : "x86_64")}-linux-gnu";
        string? systemBlas = Resolve(Path.Combine(libraries, "libblas.so.3"));
        string systemName = BlasName(systemBlas);
        var peers = new List<PyTorchPinnPeer> { new(script, dataFile, $"PyTorch ({systemName})", "pytorch", systemName.StartsWith("the reference", StringComparison.Ordinal), "") };
        if (systemBlas is null || !systemBlas.Contains("openblas", StringComparison.OrdinalIgnoreCase))
        {
            string? openBlas = new[] { Environment.GetEnvironmentVariable(OpenBlasVariable) }
                .Concat(new[] { "openblas-pthread", "openblas-openmp", "openblas-serial" }.Select(d => Path.Combine(libraries, d)))
                .FirstOrDefault(d => !string.IsNullOrEmpty(d) && File.Exists(Path.Combine(d, "libblas.so.3")));
            if (openBlas is not null) peers.Add(new(script, dataFile, "PyTorch + OpenBLAS", "pytorch_openblas", false, openBlas));
        }
        return (peers, null);
    }

    /// <summary>Where the system's libblas.so.3 leads after its links (Debian's alternatives), or null.</summary>
    private static string? Resolve(string path)
    {
        if (!File.Exists(path)) return null;
        return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
    }

    private static string BlasName(string? path) => path switch
    {
        null => "no system libblas.so.3 found",
        _ when path.Contains("openblas", StringComparison.OrdinalIgnoreCase) => "OpenBLAS",
        _ when path.Contains("blis", StringComparison.OrdinalIgnoreCase) => "BLIS",
        _ when path.Contains("mkl", StringComparison.OrdinalIgnoreCase) => "MKL",
        _ when path.Contains("atlas", StringComparison.OrdinalIgnoreCase) => "ATLAS",
        _ when path.Contains("/blas/", StringComparison.Ordinal) => "the reference BLAS, Debian's default",
        _ => path,
    };

    /// <summary>Trains the PyTorch PINN from the solver's initial state in the data file.</summary>
    /// <param name="threads">torch.set_num_threads (and OpenBLAS's own thread count).</param>
    /// <param name="warmup">Untimed steps first.</param>
    /// <param name="steps">Timed steps.</param>
    /// <param name="scheduleSteps">Steps over which the learning rate decays (PdeNet's PinnOptions.Steps).</param>
    /// <param name="trace">Record the loss of this many first steps.</param>
    public Result Run(int threads, int warmup, int steps, int scheduleSteps, int trace = 0)
    {
        string[] arguments =
        [
            _script, "--threads", Invariant(threads), "--warmup", Invariant(warmup), "--steps", Invariant(steps),
            "--schedule-steps", Invariant(scheduleSteps), "--trace", Invariant(trace), "--interior", Invariant(PinnBenchmarkCase.InteriorPoints),
            "--hidden", string.Join(",", PinnBenchmarkCase.Hidden), "--data", _dataFile,
        ];
        var environment = new Dictionary<string, string> { ["OPENBLAS_NUM_THREADS"] = Invariant(threads), ["OMP_NUM_THREADS"] = Invariant(threads) };
        if (_libraryPath.Length > 0) environment["LD_LIBRARY_PATH"] = _libraryPath;
        var run = ExternalProgram.Run(Python, arguments, environment) ?? throw new InvalidOperationException($"{Python} is not installed");
        string? line = run.Output.Split('\n').LastOrDefault(l => l.TrimStart().StartsWith('{'));
        if (run.Exit != 0 || line is null) throw new InvalidOperationException($"the PyTorch benchmark ({Label}) failed (exit {run.Exit}): {run.Output}");
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.GetProperty("threads").GetInt32() != threads) throw new InvalidOperationException($"PyTorch ran on {root.GetProperty("threads").GetInt32()} threads, not {threads}");
        var phases = root.GetProperty("phases_ms_per_step").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        var losses = root.GetProperty("loss_trace").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var blas = root.GetProperty("blas").EnumerateArray().Select(v => v.GetString() ?? "").ToArray();
        return new Result(root.GetProperty("ms_per_step").GetDouble(), root.GetProperty("cpu_ms_per_step").GetDouble(), phases, losses, root.GetProperty("torch").GetString() ?? "?", blas);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
