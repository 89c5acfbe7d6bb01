using System.CommandLine;

namespace PdeNet.Cli.Commands;

/// <summary>The options shared by <c>demo</c> and <c>solve</c>.</summary>
internal sealed class RunOptions
{
    public Option<string> Out { get; } = new("--out") { Description = "output folder (created if its parent exists)", DefaultValueFactory = _ => "out" };

    public Option<int> Seed { get; } = new("--seed") { Description = "seed of every random choice", DefaultValueFactory = _ => 0 };

    public Option<int?> Epochs { get; } = new("--epochs") { Description = "training steps of a trained solver (default 5000)" };

    public Option<int?> Lbfgs { get; } = new("--lbfgs") { Description = "L-BFGS iterations after Adam (pinn: switches to Adam then L-BFGS; lpinn default 1000)" };

    public Option<double?> LearningRate { get; } = new("--lr") { Description = "Adam's initial learning rate, decaying tenfold over the steps (defaults: pinn 1e-3, lpinn 1e-2)" };

    public Option<int?> Threads { get; } = new("--threads") { Description = "threads for the neural solvers (default: one per core)" };

    public Option<bool> Json { get; } = new("--json") { Description = "print one JSON object on stdout instead of the table" };

    public RunOptions()
    {
        OptionChecks.WholeNumber(Seed, _ => true, "any whole number");
        OptionChecks.WholeNumber(Epochs, n => n >= 0, "zero or positive");
        OptionChecks.WholeNumber(Lbfgs, n => n >= 0, "zero or positive");
        OptionChecks.WholeNumber(Threads, n => n >= 1, "at least 1");
        OptionChecks.RealNumber(LearningRate, r => r > 0 && r < 1, "in (0, 1)");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Out);
        command.Options.Add(Seed);
        command.Options.Add(Epochs);
        command.Options.Add(Lbfgs);
        command.Options.Add(LearningRate);
        command.Options.Add(Threads);
        command.Options.Add(Json);
    }
}
