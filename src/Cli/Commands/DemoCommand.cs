using System.CommandLine;
using PdeNet.Problems;

namespace PdeNet.Cli.Commands;

/// <summary><c>pdenet demo</c>: Poisson on the L-shape, finite elements and a PINN, compared and exported.</summary>
internal static class DemoCommand
{
    public static Command Create(Func<RunSettings, int> run)
    {
        var shared = new RunOptions();
        var command = new Command("demo",
            $"solve '{PoissonLShape.Name}' (Poisson on the L-shape, singular corner solution) with the P1 finite-element reference and a PINN; print the errors, write HDF5/XDMF and PNG plots");
        shared.AddTo(command);
        command.SetAction(result => run(new RunSettings(
            PoissonLShape.Name,
            "pinn",
            [],
            result.GetValue(shared.Out)!,
            result.GetValue(shared.Seed),
            result.GetValue(shared.Epochs),
            null,
            true,
            result.GetValue(shared.Threads),
            result.GetValue(shared.Json),
            result.GetValue(shared.Lbfgs),
            LearningRate: result.GetValue(shared.LearningRate))));
        return command;
    }
}
