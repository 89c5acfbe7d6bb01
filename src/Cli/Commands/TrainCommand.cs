using System.CommandLine;
using System.Globalization;
using PdeNet.Operators.Experiments;
using PdeNet.Operators.Models;
using PdeNet.Operators.Training;

namespace PdeNet.Cli.Commands;

/// <summary>
/// <c>pdenet train &lt;problem&gt; --model deeponet|mgno|lsm|pi-sc|pi-hc|pi-hc-moe [--experts K] --data FILE.h5 [--preset NAME] [--epochs N] [--batch-size B] [--lr LR]
/// [--loss rel-l2|rel-h1|mse] [--split TRAIN,VALIDATION,TEST] [--shuffle] [--stride S] [--seed S] [--out MODEL] [--checkpoint PATH] [--resume]
/// [--threads N] [--json]</c>.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(Func<OperatorTrainingSettings, bool, int> train)
    {
        var problem = new Argument<string>("problem") { Description = "parametric problem the data set comes from (see 'pdenet list')" };
        var model = new Option<string>("--model") { Description = "deeponet, mgno, lsm, or the physics-informed pi-sc, pi-hc, pi-hc-moe", Required = true };
        var experts = new Option<int?>("--experts") { Description = $"pi-hc-moe: experts along x (default {PhysicsInformedVariant.DefaultExperts})" };
        var data = new Option<string>("--data") { Description = "the data set (.h5, from 'pdenet data')", Required = true };
        var preset = new Option<string?>("--preset") { Description = "a preset of 'pdenet models' (default: the one for the data: deeponet-antiderivative for 1D, deeponet-darcy, mgno-darcy, lsm-darcy for 2D)" };
        var epochs = new Option<int?>("--epochs") { Description = $"epochs (default {OperatorTrainingDefaults.Epochs})" };
        var batch = new Option<int?>("--batch-size") { Description = "samples per step (default: deeponet 64, mgno 8, lsm 20, pi-sc/pi-hc/pi-hc-moe 4)" };
        var rate = new Option<double?>("--lr") { Description = "learning rate (default: deeponet 1e-3, CNN branch 3e-4, mgno OneCycle peak 5e-4, lsm 5e-4 halved every 100 epochs, physics-informed 1e-3)" };
        var loss = new Option<OperatorLossKind?>("--loss") { Description = "training loss: rel-l2, rel-h1 or mse (default: deeponet mse, mgno rel-h1, lsm rel-l2, physics-informed rel-l2 plus the residual penalty of pi-sc)" };
        var split = new Option<double[]>("--split") { Description = "train,validation,test as fractions (default 0.8,0.1,0.1) or sample counts (e.g. 1000,100,200); the test set is the last samples" };
        var shuffle = new Option<bool>("--shuffle") { Description = "permute the samples with the seed before splitting" };
        var stride = new Option<int>("--stride") { Description = "keep every S-th grid point of the data set (Darcy 421 -> 85: 5)", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "seed of the weights, the shuffling and a shuffled split", DefaultValueFactory = _ => 0 };
        var output = new Option<string?>("--out") { Description = "the model file to write (default <problem>-<model>.model)" };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "write a checkpoint here after every epoch" };
        var resume = new Option<bool>("--resume") { Description = "continue the training saved in --checkpoint" };
        var threads = new Option<int?>("--threads") { Description = "threads (default: one per core)" };
        var json = new Option<bool>("--json") { Description = "print one JSON object, no progress" };
        var kinds = new Dictionary<string, OperatorKind> { ["deeponet"] = OperatorKind.DeepOnet, ["mgno"] = OperatorKind.Mgno, ["lsm"] = OperatorKind.Lsm };
        foreach (var name in PhysicsInformedVariant.Names) kinds[name] = OperatorKind.PhysicsInformed;
        OptionChecks.OneOf(model, kinds.Keys.ToDictionary(k => k, k => k));
        OptionChecks.WholeNumber(experts, n => n >= 1, "at least 1");
        OptionChecks.OneOf(loss, new Dictionary<string, OperatorLossKind?> { ["rel-l2"] = OperatorLossKind.RelativeL2, ["rel-h1"] = OperatorLossKind.RelativeH1, ["mse"] = OperatorLossKind.Mse });
        OptionChecks.WholeNumber(epochs, n => n >= 1, "at least 1");
        OptionChecks.WholeNumber(batch, n => n >= 1, "at least 1");
        OptionChecks.WholeNumber(stride, n => n >= 1, "at least 1");
        OptionChecks.WholeNumber(seed, _ => true, "any whole number");
        OptionChecks.WholeNumber(threads, n => n >= 1, "at least 1");
        OptionChecks.RealNumber(rate, r => r > 0 && r < 1, "in (0, 1)");
        split.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            var parts = text.Split(',');
            var values = new double[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !(values[i] >= 0) || double.IsInfinity(values[i]))
                {
                    result.AddError($"--split needs three non-negative numbers train,validation,test, got '{text}'");
                    return [];
                }
            }
            if (values.Length != 3) result.AddError($"--split needs three numbers train,validation,test, got '{text}'");
            return values;
        };
        var command = new Command("train", "train a neural operator (DeepONet, MgNO, LSM, physics-informed) on a data set of a parametric problem; see docs/operators.md");
        command.Arguments.Add(problem);
        foreach (var option in new Option[] { model, experts, data, preset, epochs, batch, rate, loss, split, shuffle, stride, seed, output, checkpoint, resume, threads, json })
            command.Options.Add(option);
        command.Validators.Add(result =>
        {
            if (result.GetResult(experts) is not null && result.GetValue(model) is { } name && name != "pi-hc-moe")
                result.AddError($"--experts applies to --model pi-hc-moe only, not to {name}");
        });
        command.SetAction(result =>
        {
            string name = result.GetValue(problem)!;
            string modelName = result.GetValue(model)!;
            var kind = kinds[modelName];
            var variant = kind == OperatorKind.PhysicsInformed ? PhysicsInformedVariant.Parse(modelName, result.GetValue(experts)) : null;
            return train(new OperatorTrainingSettings(
                name, kind, result.GetValue(data)!,
                result.GetValue(output) ?? $"{name}-{modelName}.model",
                result.GetValue(preset), result.GetValue(split) is { Length: > 0 } parts ? parts : null, result.GetValue(shuffle), result.GetValue(epochs), result.GetValue(batch),
                result.GetValue(rate), result.GetValue(loss), result.GetValue(seed), result.GetValue(checkpoint), result.GetValue(resume),
                result.GetValue(threads), result.GetValue(stride), variant), result.GetValue(json));
        });
        return command;
    }
}
