using PdeNet.Geometry.Sampling;

namespace PdeNet.Pinns;

/// <summary>
/// The point sources of a training run: one for the interior, one for the boundary and one for
/// the initial slice. Pseudo-random points all come from one System.Random seeded once, in that
/// order; sequences (Sobol, Halton) continue across resamplings; designs are rebuilt per
/// resampling round with a round-specific seed.
/// </summary>
internal sealed class CollocationSamplers(SamplingMethod method, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, PointSampler> _sequences = [];
    private int _round;

    /// <summary>Moves to the next resampling round.</summary>
    public void NextRound() => _round++;

    /// <summary>The sampler for <paramref name="role"/> ("interior", "boundary", "initial").</summary>
    public PointSampler For(string role)
    {
        if (method == SamplingMethod.Random) return PointSampler.From(_random);
        int roleSeed = unchecked(seed * 7 + role.Length * 1_000_003 + role[0]);
        if (method is SamplingMethod.Sobol or SamplingMethod.Halton)
        {
            if (!_sequences.TryGetValue(role, out var sequence)) _sequences[role] = sequence = PointSampler.Create(method, roleSeed);
            return sequence;
        }
        return PointSampler.Create(method, unchecked(roleSeed + 7919 * _round));
    }
}
