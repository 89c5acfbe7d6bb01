using System.Diagnostics;

namespace PdeNet.Validation;

/// <summary>Runs a program of the machine (pvbatch, h5dump, gmsh) and collects what it printed.</summary>
internal static class ExternalProgram
{
    /// <summary>Runs <paramref name="program"/> from "/" and returns its exit code and output (stdout then stderr); null when it is not installed.</summary>
    public static (int Exit, string Output)? Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
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
