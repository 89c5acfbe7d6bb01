namespace PdeNet.Core.Problems;

/// <summary>The time interval [Start, End] of an evolution problem, in the problem's time unit.</summary>
public sealed record TimeInterval
{
    /// <summary>Creates the interval; throws unless Start &lt; End, both finite.</summary>
    public TimeInterval(double start, double end)
    {
        if (!double.IsFinite(start) || !double.IsFinite(end) || !(end > start))
            throw new ProblemDefinitionException($"a time interval needs finite start < end, got [{start}, {end}]");
        Start = start;
        End = end;
    }

    /// <summary>Initial time t0.</summary>
    public double Start { get; }

    /// <summary>Final time t1.</summary>
    public double End { get; }

    /// <summary>Length t1 - t0.</summary>
    public double Length => End - Start;
}
