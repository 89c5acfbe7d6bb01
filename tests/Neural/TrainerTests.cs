using PdeNet.Neural.Optimization;
using PdeNet.Neural.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Tests.Neural;

public class TrainerTests
{
    /// <summary>Σ (p_i - c_i)², with an optional NaN planted from a given evaluation on.</summary>
    private sealed class Quadratic(Parameter p, double[] centre, int nanFrom = int.MaxValue) : ITrainingObjective
    {
        public int Evaluations { get; private set; }

        public IReadOnlyDictionary<string, Tensor> Terms()
        {
            var misfit = (p - tensor(centre, ScalarType.Float64)).square().sum();
            if (++Evaluations >= nanFrom) misfit = misfit * double.NaN;
            return new Dictionary<string, Tensor> { ["misfit"] = misfit };
        }

        public Tensor Total(IReadOnlyDictionary<string, Tensor> terms) => 2 * terms["misfit"];
    }

    [Test]
    public void AdamThenLbfgsReachTheMinimumAndLogEveryPhase()
    {
        var p = new Parameter(zeros(3, ScalarType.Float64));
        var objective = new Quadratic(p, [1, -2, 3]);
        var trainer = new Trainer([p], objective, logEvery: 10);
        trainer.Adam(new AdamSchedule(50, 0.1, 0.01));
        Assert.That(trainer.Step, Is.EqualTo(50));
        double afterAdam = trainer.History["loss"][^1];
        Assert.That(afterAdam, Is.LessThan(2 * 14.0));
        trainer.Lbfgs(new LbfgsOptions(MaxIterations: 50));
        Assert.That(trainer.History["loss"][^1], Is.LessThan(1e-12));
        Assert.That(trainer.History.Names, Is.EqualTo(new[] { "loss", "misfit" }));
        Assert.That(trainer.Metadata["adam_steps"], Is.EqualTo(50));
        Assert.That(p.data<double>().ToArray(), Is.EqualTo(new[] { 1.0, -2, 3 }).Within(1e-6));
    }

    [Test]
    public void ScheduleDecaysToTheFinalRate()
    {
        var schedule = new AdamSchedule(100, 1e-2, 1e-4);
        Assert.That(schedule.RateAt(0), Is.EqualTo(1e-2));
        Assert.That(schedule.RateAt(100), Is.EqualTo(1e-4).Within(1e-15));
        Assert.That(schedule.RateAt(50), Is.EqualTo(1e-3).Within(1e-15));
    }

    [Test]
    public void NonFiniteLossRestoresTheLastGoodParameters()
    {
        var p = new Parameter(zeros(2, ScalarType.Float64));
        var objective = new Quadratic(p, [1, 1], nanFrom: 6);
        var trainer = new Trainer([p], objective, logEvery: 1);
        var error = Assert.Throws<LossDivergedException>(() => trainer.Adam(new AdamSchedule(20, 0.1, 0.1)))!;
        Assert.That(error.Step, Is.EqualTo(5));
        Assert.That(error.LastGoodStep, Is.EqualTo(4));
        // Adam's first steps move each coordinate by about the learning rate: after 4 steps p ≈ 0.4, not the 0.5 of step 5.
        Assert.That(p.data<double>().ToArray(), Is.EqualTo(new[] { 0.4, 0.4 }).Within(0.02));
        Assert.That(error.Message, Does.Contain("restored to step 4"));
    }
}
