using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PdeNet.Core.IO;

namespace PdeNet.Operators.Training;

/// <summary>
/// The binary file of an operator model or training checkpoint: a magic line, a format version, a JSON
/// header (<see cref="OperatorModelHeader"/>), then named blocks (network parameters and buffers in
/// TorchSharp's format, normalisers, optimiser state). Written to a temporary file and renamed.
/// </summary>
internal static class OperatorModelFile
{
    private const string Magic = "PDENET-OPERATOR-MODEL\n";
    private const int FormatVersion = 1;

    public static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() }, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Write(string path, OperatorModelHeader header, IReadOnlyDictionary<string, byte[]> blocks) => AtomicFile.Write(path, temporary =>
    {
        using var stream = File.Create(temporary);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(FormatVersion);
        writer.Write(JsonSerializer.Serialize(header, Json));
        writer.Write(blocks.Count);
        foreach (var (name, bytes) in blocks)
        {
            writer.Write(name);
            writer.Write(bytes.LongLength);
            writer.Write(bytes);
        }
    });

    public static (OperatorModelHeader Header, Dictionary<string, byte[]> Blocks) Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no operator model at '{path}'", path);
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic) throw new InvalidDataException($"{path}: not a PdeNet operator model");
            int version = reader.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"{path}: operator model format {version}; this version of PdeNet reads format {FormatVersion}");
            var header = JsonSerializer.Deserialize<OperatorModelHeader>(reader.ReadString(), Json) ?? throw new InvalidDataException($"{path}: empty header");
            int count = reader.ReadInt32();
            var blocks = new Dictionary<string, byte[]>();
            for (int i = 0; i < count; i++)
            {
                string name = reader.ReadString();
                long length = reader.ReadInt64();
                if (length < 0 || length > stream.Length - stream.Position) throw new InvalidDataException($"{path}: the {name} block is truncated");
                blocks[name] = reader.ReadBytes((int)length);
            }
            return (header, blocks);
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or DecoderFallbackException)
        {
            throw new InvalidDataException($"{path}: the operator model is damaged or truncated ({e.Message})", e);
        }
    }

    public static byte[] Bytes(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) write(writer);
        return stream.ToArray();
    }

    public static void ReadBytes(byte[] bytes, Action<BinaryReader> read)
    {
        using var stream = new MemoryStream(bytes);
        using var reader = new BinaryReader(stream);
        read(reader);
    }
}
