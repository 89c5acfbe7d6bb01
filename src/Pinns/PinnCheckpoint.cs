using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PdeNet.Core.IO;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;

namespace PdeNet.Pinns;

/// <summary>
/// A PINN saved with everything needed to use it or to continue training it exactly: the
/// options it was built and trained with, the problem's name and parameter values, the step and
/// resampling round reached, the learning rate, the training history, the network's parameters,
/// (while training) Adam's state, and the loss weights, the fitted parameters and the points added
/// by refinement. One binary file: a magic line, a format version, a JSON header, then the network
/// and optimiser blocks in TorchSharp's format. Written to a temporary
/// file and renamed, so a crash never leaves a half-written checkpoint.
/// </summary>
public sealed class PinnCheckpoint
{
    private const string Magic = "PDENET-PINN-CHECKPOINT\n";
    private const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    internal PinnCheckpoint(CheckpointHeader header, byte[] model, byte[] optimizer)
    {
        Header = header;
        Model = model;
        Optimizer = optimizer;
    }

    internal CheckpointHeader Header { get; }

    internal byte[] Model { get; }

    internal byte[] Optimizer { get; }

    /// <summary>A checkpoint of <paramref name="network"/> trained on <paramref name="problem"/>, with Adam's state when given.</summary>
    internal static PinnCheckpoint Of(Problem problem, PinnOptions options, PinnNetwork network, string phase, int step, int round,
        double learningRate, TrainingHistory history, PdeNet.Neural.Optimization.AdamOptimizer? optimizer = null, PinnState? state = null)
    {
        static byte[] Bytes(Action<BinaryWriter> write)
        {
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream)) write(writer);
            return stream.ToArray();
        }
        var header = new CheckpointHeader(problem.Name, problem.Parameters.ToDictionary(p => p.Name, problem.ValueOf), options, phase, step, round,
            learningRate, history.Steps.ToArray(), history.Names.ToDictionary(n => n, n => history[n].ToArray()), PdeNet.Core.Fields.FieldFile.Version,
            state?.Weighting, state?.Fitted, state?.RefinedPoints);
        return new PinnCheckpoint(header, Bytes(w => network.Model.save(w)), optimizer is null ? [] : Bytes(optimizer.Save));
    }

    /// <summary>Loads the saved parameters into <paramref name="network"/>.</summary>
    internal void LoadInto(PinnNetwork network)
    {
        using var stream = new MemoryStream(Model);
        using var reader = new BinaryReader(stream);
        network.Model.load(reader);
    }

    /// <summary>The options the network was built and trained with.</summary>
    public PinnOptions Options => Header.Options;

    /// <summary>The step reached (Adam steps, then L-BFGS iterations).</summary>
    public int Step => Header.Step;

    /// <summary>The problem the network was trained on.</summary>
    public string ProblemName => Header.Problem;

    /// <summary>What the header says, as JSON.</summary>
    public override string ToString() => JsonSerializer.Serialize(Header, Json);

    /// <summary>Writes the checkpoint to <paramref name="path"/> atomically.</summary>
    public void Save(string path) => AtomicFile.Write(path, temporary =>
    {
        using var stream = File.Create(temporary);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(FormatVersion);
        writer.Write(JsonSerializer.Serialize(Header, Json));
        writer.Write(Model.LongLength);
        writer.Write(Model);
        writer.Write(Optimizer.LongLength);
        writer.Write(Optimizer);
    });

    /// <summary>Reads a checkpoint.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a PdeNet PINN checkpoint, or is truncated; the message names the file.</exception>
    public static PinnCheckpoint Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no checkpoint at '{path}'", path);
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic) throw new InvalidDataException($"{path}: not a PdeNet PINN checkpoint");
            int version = reader.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"{path}: checkpoint format {version}; this version of PdeNet reads format {FormatVersion}");
            var header = JsonSerializer.Deserialize<CheckpointHeader>(reader.ReadString(), Json) ?? throw new InvalidDataException($"{path}: empty header");
            byte[] Block(string what)
            {
                long length = reader.ReadInt64();
                if (length < 0 || length > stream.Length - stream.Position) throw new InvalidDataException($"{path}: the {what} block is truncated");
                return reader.ReadBytes((int)length);
            }
            return new PinnCheckpoint(header, Block("network"), Block("optimiser"));
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or DecoderFallbackException)
        {
            throw new InvalidDataException($"{path}: the checkpoint is damaged or truncated ({e.Message})", e);
        }
    }

    /// <summary>Throws unless the checkpoint was made for <paramref name="problem"/> with the same parameter values.</summary>
    internal void CheckProblem(Problem problem)
    {
        var values = problem.Parameters.ToDictionary(p => p.Name, problem.ValueOf);
        bool same = Header.Problem == problem.Name && Header.Parameters.Count == values.Count
                    && Header.Parameters.All(p => values.TryGetValue(p.Key, out double v) && v == p.Value);
        if (!same)
            throw new ProblemDefinitionException(
                $"the checkpoint was trained on '{Header.Problem}' ({Describe(Header.Parameters)}), not on '{problem.Name}' ({Describe(values)})");
    }

    private static string Describe(IReadOnlyDictionary<string, double> parameters) =>
        parameters.Count == 0 ? "no parameters" : string.Join(", ", parameters.Select(p => $"{p.Key} = {p.Value}"));

    /// <summary>The training history as stored.</summary>
    internal TrainingHistory History()
    {
        var history = new TrainingHistory();
        for (int i = 0; i < Header.HistorySteps.Length; i++)
            history.Add(Header.HistorySteps[i], Header.HistorySeries.ToDictionary(s => s.Key, s => s.Value[i]));
        return history;
    }
}

/// <summary>The JSON header of a <see cref="PinnCheckpoint"/>; the last three entries are absent from older files.</summary>
internal sealed record CheckpointHeader(
    string Problem,
    Dictionary<string, double> Parameters,
    PinnOptions Options,
    string Phase,
    int Step,
    int Round,
    double LearningRate,
    int[] HistorySteps,
    Dictionary<string, double[]> HistorySeries,
    string PdeNetVersion,
    PdeNet.Neural.Training.Weighting.LossWeightState? Weighting = null,
    Dictionary<string, double>? Fitted = null,
    double[]? RefinedPoints = null);
