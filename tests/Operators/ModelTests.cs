using PdeNet.Operators.Models;
using static TorchSharp.torch;

namespace PdeNet.Tests.Operators;

[NonParallelizable]
public class ModelTests
{
    [Test]
    public void PresetsHaveTheOfficialParameterCounts()
    {
        foreach (var preset in OperatorPresets.All)
        {
            using var network = preset.Spec.Build();
            Assert.That(network.ParameterCount, Is.EqualTo(preset.OfficialParameterCount), preset.Name);
        }
        Assert.That(OperatorPresets.Get("deeponet-antiderivative").OfficialParameterCount, Is.EqualTo(7_401));
        Assert.That(OperatorPresets.Get("mgno-darcy").OfficialParameterCount, Is.EqualTo(572_661));
        Assert.That(OperatorPresets.Get("lsm-darcy").OfficialParameterCount, Is.EqualTo(19_187_457));
        Assert.That(() => OperatorPresets.Get("fno"), Throws.ArgumentException.With.Message.Contains("the presets are: deeponet-antiderivative"));
    }

    [Test]
    public void LsmPadsTheDarcyGridAsTheOfficialConfiguration()
    {
        using var lsm = new Lsm(new LsmOptions(1, 1, 8, Patch: 6));
        Assert.That(lsm.PaddingFor(85), Is.EqualTo(11));
        Assert.That(lsm.PaddingFor(96), Is.EqualTo(0));
    }

    [TestCase(16, 16)]
    [TestCase(21, 13)]
    public void MgnoKeepsTheGridOfItsInput(int h, int w)
    {
        manual_seed(0);
        using var network = new Mgno(new MgnoOptions(2, 3, 4, 2, [1, 1, 2], [1, 0]));
        using var output = network.Forward(randn(2, 2, h, w), null);
        Assert.That(output.shape, Is.EqualTo(new long[] { 2, 3, h, w }));
        Assert.That(output.isfinite().all().item<bool>(), Is.True);
    }

    [Test]
    public void MgnoPaddingFollowsTheBoundaryCondition()
    {
        var input = randn(1, 1, 8, 8, ScalarType.Float64);
        Tensor Run(MgnoPadding padding)
        {
            manual_seed(0);
            set_default_dtype(ScalarType.Float64);
            try
            {
                using var network = new Mgno(new MgnoOptions(1, 1, 4, 1, [1], Padding: padding));
                return network.Forward(input, null).detach();
            }
            finally
            {
                set_default_dtype(ScalarType.Float32);
            }
        }
        var zero = Run(MgnoPadding.Zeros);
        var circular = Run(MgnoPadding.Circular);
        // one level, 3x3 stencils: the interior agrees, the boundary ring sees zeros or the opposite side
        Assert.That((zero - circular)[.., .., 1..7, 1..7].abs().max().item<double>(), Is.LessThan(1e-12));
        Assert.That((zero - circular)[.., .., 0, ..].abs().max().item<double>(), Is.GreaterThan(1e-6));
        // circular padding with one level commutes with periodic shifts
        manual_seed(0);
        set_default_dtype(ScalarType.Float64);
        try
        {
            using var periodic = new Mgno(new MgnoOptions(1, 1, 4, 1, [2], Padding: MgnoPadding.Circular));
            var shifted = periodic.Forward(input.roll(3, 2), null);
            Assert.That((shifted - periodic.Forward(input, null).roll(3, 2)).abs().max().item<double>(), Is.LessThan(1e-12));
        }
        finally
        {
            set_default_dtype(ScalarType.Float32);
        }
    }

    [TestCase(20, 20)]
    [TestCase(37, 29)]
    public void LsmKeepsTheGridOfItsInput(int h, int w)
    {
        manual_seed(0);
        using var network = new Lsm(new LsmOptions(1, 2, 8, NumBasis: 4, NumTokens: 2, Patch: 2));
        network.eval();
        using var output = network.Forward(randn(2, 1, h, w), null);
        Assert.That(output.shape, Is.EqualTo(new long[] { 2, 2, h, w }));
        Assert.That(output.isfinite().all().item<bool>(), Is.True);
    }

    [Test]
    public void DeepOnetMapsFunctionsAndPointsToValues()
    {
        manual_seed(0);
        using var network = new DeepOnet(new DeepOnetOptions([100, 40, 40], [1, 40, 40]));
        var u = randn(3, 100);
        var y = rand(7, 1);
        var grid = network.Forward(u, y);
        Assert.That(grid.shape, Is.EqualTo(new long[] { 3, 7 }));
        var paired = network.ForwardPaired(u, y[..3]);
        Assert.That(paired.shape, Is.EqualTo(new long[] { 3 }));
        for (int i = 0; i < 3; i++) Assert.That(paired[i].item<float>(), Is.EqualTo(grid[i, i].item<float>()).Within(1e-5));
        var error = Assert.Throws<ArgumentException>(() => network.Forward(randn(3, 7), y))!;
        Assert.That(error.Message, Does.Contain("expected shape (batch, 100), got (3, 7)"));
        Assert.That(error.ParamName, Is.EqualTo("input"));
    }

    [Test]
    public void StackedAndCnnBranchesGiveTheSameShapes()
    {
        manual_seed(0);
        using var stacked = new DeepOnet(new DeepOnetOptions([10, 8, 5], [2, 8, 5], Variant: DeepOnetVariant.Stacked));
        Assert.That(stacked.Forward(randn(4, 10), rand(6, 2)).shape, Is.EqualTo(new long[] { 4, 6 }));
        Assert.That(stacked.ParameterCount, Is.EqualTo(5 * (10 * 8 + 8 + 8 + 1) + (2 * 8 + 8 + 8 * 5 + 5) + 1));
        using var cnn = new DeepOnet(new DeepOnetOptions([0, 16], [2, 16], Cnn: new CnnBranchOptions(13, 13, 1, [4, 8], 3, 2, [16])));
        Assert.That(cnn.Forward(randn(2, 1, 13, 13), rand(5, 2)).shape, Is.EqualTo(new long[] { 2, 5 }));
        Assert.Throws<ArgumentException>(() => cnn.Forward(randn(2, 1, 12, 13), rand(5, 2)));
    }
}
