using PdeNet.Operators.Losses;
using static TorchSharp.torch;

namespace PdeNet.Tests.Operators;

public class LossTests
{
    private static double Value(Tensor t) => t.to_type(ScalarType.Float64).item<double>();

    [Test]
    public void RelativeL2IsTheMeanOfPerSampleRatios()
    {
        var target = tensor(new double[] { 3, 4, 0, 2 }, [2, 2]);
        var prediction = tensor(new double[] { 3, 5, 0, 0 }, [2, 2]);
        // sample 1: |(0, 1)| / |(3, 4)| = 0.2; sample 2: |(0, -2)| / |(0, 2)| = 1
        Assert.That(Value(new RelativeLpLoss().Compute(prediction, target)), Is.EqualTo(0.6).Within(1e-15));
    }

    [Test]
    public void RelativeL1UsesTheOneNorm()
    {
        var target = tensor(new double[] { 3, 4, 1, 1 }, [2, 1, 2]);
        var prediction = tensor(new double[] { 4, 4, 2, 3 }, [2, 1, 2]);
        Assert.That(Value(new RelativeLpLoss(1).Compute(prediction, target)), Is.EqualTo((1.0 / 7 + 3.0 / 2) / 2).Within(1e-15));
    }

    [Test]
    public void MseIsTheMeanSquare()
    {
        var target = zeros(2, 2, ScalarType.Float64);
        var prediction = tensor(new double[] { 0, 1, 0, 2 }, [2, 2]);
        Assert.That(Value(new MseLoss().Compute(prediction, target)), Is.EqualTo(1.25).Within(1e-15));
    }

    /// <summary>cos(2π(a i + b j)/n) on an n×n grid, shape (1, 1, n, n).</summary>
    private static Tensor Mode(int n, int a, int b, double amplitude = 1)
    {
        var values = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) values[i * n + j] = amplitude * Math.Cos(2 * Math.PI * (a * i + b * j) / n);
        return tensor(values, [1, 1, n, n]);
    }

    [Test]
    public void RelativeH1WeighsEachModeByOnePlusWaveNumberSquared()
    {
        const double epsilon = 0.01;
        var target = Mode(32, 1, 2);               // |k|² = 1 + 4: weight 6
        var prediction = target + Mode(32, 3, 0, epsilon); // |k|² = 9: weight 10
        Assert.That(Value(new RelativeH1Loss().Compute(prediction, target)), Is.EqualTo(epsilon * Math.Sqrt(10.0 / 6)).Within(1e-12));
        Assert.That(Value(new RelativeLpLoss().Compute(prediction, target)), Is.EqualTo(epsilon).Within(1e-12));
    }

    [Test]
    public void RelativeH1DropsTheDerivativeWeightAtAndAboveTheTruncation()
    {
        const double epsilon = 0.01;
        var target = Mode(64, 1, 2);
        var prediction = target + Mode(64, 25, 0, epsilon); // |k| = 25 ≥ 20: weight 1
        Assert.That(Value(new RelativeH1Loss(20).Compute(prediction, target)), Is.EqualTo(epsilon * Math.Sqrt(1.0 / 6)).Within(1e-12));
        Assert.That(Value(new RelativeH1Loss(30).Compute(prediction, target)), Is.EqualTo(epsilon * Math.Sqrt(626.0 / 6)).Within(1e-12));
    }

    [Test]
    public void RelativeH1AveragesOverSamplesAndHasGradients()
    {
        var target = cat([Mode(16, 1, 0), Mode(16, 0, 1)], 0);
        var prediction = (target * 1.1).requires_grad_(true);
        var loss = new RelativeH1Loss().Compute(prediction, target);
        Assert.That(Value(loss), Is.EqualTo(0.1).Within(1e-12));
        loss.backward();
        Assert.That(prediction.grad!.isfinite().all().item<bool>(), Is.True);
    }

    [Test]
    public void MismatchedShapesAreRefusedWithBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => new RelativeLpLoss().Compute(zeros(2, 3), zeros(2, 4)))!;
        Assert.That(error.Message, Does.Contain("(2, 3)").And.Contain("(2, 4)"));
        Assert.That(error.ParamName, Is.EqualTo("target"));
    }
}
