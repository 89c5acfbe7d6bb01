using PdeNet.Operators.Training;

namespace PdeNet.Tests.Operators;

public class ScheduleTests
{
    [Test]
    public void OneCycleFollowsPyTorchsTwoPhaseCosine()
    {
        // MgNO: max 5e-4, 500 epochs, pct_start 0.2, div 2, final div 100
        var mgno = new OneCycleSchedule(5e-4, 500, 0.2, 2, 100);
        Assert.That(mgno.RateAt(0), Is.EqualTo(2.5e-4).Within(1e-18));
        Assert.That(mgno.RateAt(99), Is.EqualTo(5e-4).Within(1e-18));   // end of the rise: 0.2·500 − 1
        Assert.That(mgno.RateAt(499), Is.EqualTo(2.5e-6).Within(1e-18)); // η₀ / final div
        // T = 10, pct 0.3: s₁ = 2, s₂ = 9
        var small = new OneCycleSchedule(1.0, 10, 0.3, 4, 10);
        Assert.That(small.RateAt(1), Is.EqualTo((0.25 + 1.0) / 2).Within(1e-15));
        double pct = (5 - 2) / 7.0;
        Assert.That(small.RateAt(5), Is.EqualTo(0.025 + (1 - 0.025) / 2 * (Math.Cos(Math.PI * pct) + 1)).Within(1e-15));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleSchedule(1.0, 4, 0.25).RateAt(0));
    }

    [Test]
    public void StepHalvesEveryStepSizeEpochs()
    {
        var lsm = new StepSchedule(5e-4, 100, 0.5);
        Assert.That(lsm.RateAt(0), Is.EqualTo(5e-4));
        Assert.That(lsm.RateAt(99), Is.EqualTo(5e-4));
        Assert.That(lsm.RateAt(100), Is.EqualTo(2.5e-4));
        Assert.That(lsm.RateAt(250), Is.EqualTo(1.25e-4));
    }

    [Test]
    public void CosineGoesFromTheRateToTheMinimum()
    {
        var cosine = new CosineSchedule(1.0, 10, 0.1);
        Assert.That(cosine.RateAt(0), Is.EqualTo(1.0).Within(1e-15));
        Assert.That(cosine.RateAt(5), Is.EqualTo(0.55).Within(1e-15));
        Assert.That(cosine.RateAt(10), Is.EqualTo(0.1).Within(1e-15));
        Assert.That(cosine.RateAt(20), Is.EqualTo(0.1).Within(1e-15));
        Assert.That(new ConstantSchedule(3e-3).RateAt(17), Is.EqualTo(3e-3));
    }
}
