using System.Diagnostics;

namespace PdeNet.Validation;

/// <summary>Runs a program of the machine (pvbatch, h5dump, gmsh) and collects what it printed.</summary>
internal static class ExternalProgram
{
    /// <summary>Runs <paramref name="program"/> from "/" and returns its exit code and output (stdout then stderr); null when it is not installed.</summary>
    /// <param name="program">The program's name or path.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="environment">Environment variables to set for it (for example LD_LIBRARY_PATH), on top of this process's.</param>
    public static (int Exit, string Output)? Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
