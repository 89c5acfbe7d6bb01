namespace PdeNet.Operators.Data;

/// <summary>Settings of one data-set generation run (a whole data set or one shard of it).</summary>
/// <param name="Samples">Number of samples N to generate, at least 1.</param>
/// <param name="Resolution">Grid points per axis.</param>
/// <param name="Seed">The data set's seed: sample i is drawn from (Seed, i) alone.</param>
/// <param name="FirstSample">Index of the first sample: a shard holds samples FirstSample … FirstSample + N - 1.</param>
/// <param name="Workers">Samples solved at once; 0 means one per core.</param>
/// <param name="BlockSize">Samples per saved block (an interruption loses at most the block in progress); 0 means 4 per worker.</param>
public sealed record DatasetGenerationOptions(int Samples, int Resolution, long Seed = 0, long FirstSample = 0, int Workers = 0, int BlockSize = 0)
{
    /// <summary>The worker count in effect.</summary>
    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;

    /// <summary>The block size in effect.</summary>
    public int EffectiveBlockSize => BlockSize > 0 ? BlockSize : 4 * EffectiveWorkers;

    /// <summary>Checks the settings; the message names the bad one.</summary>
    public DatasetGenerationOptions Validate()
    {
        if (Samples < 1) throw new ArgumentOutOfRangeException(nameof(Samples), Samples, "at least one sample is needed");
        if (Resolution < 2) throw new ArgumentOutOfRangeException(nameof(Resolution), Resolution, "the resolution must be at least 2");
        if (FirstSample < 0) throw new ArgumentOutOfRangeException(nameof(FirstSample), FirstSample, "the first sample index cannot be negative");
        if (Workers < 0) throw new ArgumentOutOfRangeException(nameof(Workers), Workers, "the worker count cannot be negative (0 means one per core)");
        if (BlockSize < 0) throw new ArgumentOutOfRangeException(nameof(BlockSize), BlockSize, "the block size cannot be negative (0 means 4 per worker)");
        return this;
    }
}
