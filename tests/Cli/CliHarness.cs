using PdeNet.Cli;

namespace PdeNet.Tests.Cli;

/// <summary>Runs the command line in-process and captures its streams.</summary>
internal static class CliHarness
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = PdeNetCommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
