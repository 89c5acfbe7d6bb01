namespace PdeNet.Core.IO;

/// <summary>
/// Writes files so that the final name only ever holds a complete file: the content goes to a
/// temporary file beside the target, which is renamed over the target once fully written. An
/// interrupted or failed write leaves no partial file under the final name.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="writeTemporary"/> with a temporary path in the target's folder, then
    /// renames that file to <paramref name="path"/>. On failure the temporary file is removed.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The target's folder does not exist.</exception>
    public static void Write(string path, Action<string> writeTemporary)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no parent folder", nameof(path));
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"cannot write '{path}': the folder '{folder}' does not exist");
        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) => Write(path, temporary => File.WriteAllText(temporary, text));
}
