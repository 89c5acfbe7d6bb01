using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PdeNet.Validation;

/// <summary>
/// The results of the finished runs of a long validation, one JSON line each in the output folder, so that a rerun
/// after an interruption skips them. The file's name carries a fingerprint of the configuration: another
/// configuration starts afresh. Values may be NaN or infinite. A torn last line (a run killed while writing) is ignored.
/// </summary>
internal sealed class RunCache
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly string _path;
    private readonly Dictionary<string, double[]> _done = [];

    /// <summary>The cache of validation <paramref name="name"/> in <paramref name="outputDirectory"/> for the configuration <paramref name="configuration"/>.</summary>
    public RunCache(string outputDirectory, string name, string configuration)
    {
        string fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(configuration)))[..12].ToLowerInvariant();
        string directory = Directory.CreateDirectory(Path.Combine(outputDirectory, name)).FullName;
        _path = Path.Combine(directory, $"runs-{fingerprint}.jsonl");
        if (!File.Exists(_path)) return;
        foreach (string line in File.ReadLines(_path))
        {
            try
            {
                if (JsonSerializer.Deserialize<Entry>(line, Json) is { } entry) _done[entry.Key] = entry.Values;
            }
            catch (JsonException)
            {
                // A line cut short by an interruption: that run is done again.
            }
        }
    }

    /// <summary>The values of run <paramref name="key"/>: from the cache when it finished before, else from <paramref name="run"/>, then recorded.</summary>
    public double[] GetOrRun(string key, Func<double[]> run)
    {
        if (_done.TryGetValue(key, out var values))
        {
            Console.Error.WriteLine($"  {key}: finished earlier ({_path})");
            return values;
        }
        values = run();
        File.AppendAllText(_path, JsonSerializer.Serialize(new Entry(key, values), Json) + "\n");
        _done[key] = values;
        return values;
    }

    private sealed record Entry(string Key, double[] Values);
}
