using PdeNet.Problems;
using PdeNet.Solvers.FiniteVolume;

namespace PdeNet.Tests.Solvers;

public class DiffusionSorptionParametricTests
{
    [Test]
    public void InitialStatesAreSeededSmoothAndPositive()
    {
        var problem = new DiffusionSorptionParametric1D(times: 6);
        var a = problem.Draw(3, 7, 33).Inputs["u0"];
        Assert.That(problem.Draw(3, 7, 33).Inputs["u0"], Is.EqualTo(a), "a pure function of (seed, index)");
        Assert.That(problem.Draw(3, 8, 33).Inputs["u0"], Is.Not.EqualTo(a));
        var levels = Enumerable.Range(0, 200).Select(i => problem.InitialState(1, i).Level).ToArray();
        Assert.That(levels.Min(), Is.GreaterThanOrEqualTo(0));
        Assert.That(levels.Max(), Is.LessThan(0.2));
        foreach (int i in Enumerable.Range(0, 50))
        {
            var (level, _) = problem.InitialState(1, i);
            var u0 = problem.Draw(1, i, 33).Inputs["u0"];
            // u0 = c (1 + Σ a_k sin(kπx)/k²) with |Σ| < π²/12.
            Assert.That(u0.Min(), Is.GreaterThanOrEqualTo(level * (1 - Math.PI * Math.PI / 12) - 1e-15));
            Assert.That(u0[0], Is.EqualTo(level).Within(1e-15), "sin(kπ·0) = 0");
        }
        Assert.That(problem.OutputTimes(33), Is.EqualTo(new[] { 0.0, 100, 200, 300, 400, 500 }));
        Assert.That(problem.Template.Name, Is.EqualTo(DiffusionSorption1D.Name));
    }

    [Test]
    public void ReferenceStartsAtTheInitialStateAndMeetsTheInflowValue()
    {
        var problem = new DiffusionSorptionParametric1D(times: 3);
        var sample = problem.Draw(0, 2, 17);
        var solver = new FiniteVolumeSolver(new FiniteVolumeOptions(Cells: 128, StepsPerOutput: 10, OutputIntervals: 4));
        var u = problem.Reference(sample, solver);
        Assert.That(u, Has.Length.EqualTo(3 * 17));
        Assert.That(u[..17], Is.EqualTo(sample.Inputs["u0"]));
        Assert.That(u[17], Is.EqualTo(1).Within(1e-9), "u(t, 0) = 1 for t > 0");
        Assert.That(u[2 * 17], Is.EqualTo(1).Within(1e-9));
        Assert.That(u.All(v => v > -1e-9 && v <= 1 + 1e-9), Is.True, "the concentration stays between 0 and the solubility");
        // The front moves in from x = 0: at x = 0.25 the concentration has risen above the initial state by t = 500.
        Assert.That(u[2 * 17 + 4], Is.GreaterThan(sample.Inputs["u0"][4]));
    }
}
