using System.Text.Json;
using PdeNet.Operators.Models;

namespace PdeNet.Tests.Cli;

[NonParallelizable]
public class ModelsCliTests
{
    [Test]
    public void ModelsListsEveryPresetWithItsMeasuredAndOfficialParameterCount()
    {
        var (exit, output, error) = CliHarness.Run("models", "--json");
        Assert.That(exit, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        var models = json.RootElement.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.That(models.Keys, Is.EqualTo(OperatorPresets.Names));
        foreach (var model in models.Values)
            Assert.That(model.GetProperty("parameters").GetInt64(), Is.EqualTo(model.GetProperty("official_parameters").GetInt64()), model.GetProperty("name").GetString());
        Assert.That(models["deeponet-antiderivative"].GetProperty("parameters").GetInt64(), Is.EqualTo(7_401));
        Assert.That(models["mgno-darcy"].GetProperty("parameters").GetInt64(), Is.EqualTo(572_661));
        Assert.That(models["mgno-darcy"].GetProperty("kind").GetString(), Is.EqualTo("mgno"));
        var text = CliHarness.Run("models").Output;
        Assert.That(text, Does.Contain("lsm-darcy: 19,187,457 parameters"));
    }
}
