namespace PdeNet.Core.Solving;

/// <summary>
/// The record of a training run: at each logged step, the value of every named series (the total
/// loss, each loss term, a learning rate, a validation metric). All series have one value per
/// logged step.
/// </summary>
public sealed class TrainingHistory
{
    private readonly List<int> _steps = [];
    private readonly Dictionary<string, List<double>> _series = [];

    /// <summary>The logged step numbers, increasing.</summary>
    public IReadOnlyList<int> Steps => _steps;

    /// <summary>Names of the series in the order they were first logged.</summary>
    public IReadOnlyList<string> Names => _order;

    private readonly List<string> _order = [];

    /// <summary>Values of series <paramref name="name"/>, one per logged step.</summary>
    public IReadOnlyList<double> this[string name] => _series.TryGetValue(name, out var values)
        ? values
        : throw new KeyNotFoundException($"the training history has no series '{name}'; it has: {string.Join(", ", _order)}");

    /// <summary>Number of logged steps.</summary>
    public int Count => _steps.Count;

    /// <summary>Logs the values at <paramref name="step"/>; the first call fixes the series names.</summary>
    public void Add(int step, IReadOnlyDictionary<string, double> values)
    {
        if (_steps.Count > 0 && step <= _steps[^1]) throw new ArgumentException($"step {step} is not after the last logged step {_steps[^1]}", nameof(step));
        if (_steps.Count == 0)
        {
            foreach (var name in values.Keys)
            {
                _order.Add(name);
                _series[name] = [];
            }
        }
        else if (values.Count != _order.Count || values.Keys.Any(k => !_series.ContainsKey(k)))
        {
            throw new ArgumentException($"step {step} logs series {string.Join(", ", values.Keys)}; the history has {string.Join(", ", _order)}", nameof(values));
        }
        _steps.Add(step);
        foreach (var (name, value) in values) _series[name].Add(value);
    }
}
