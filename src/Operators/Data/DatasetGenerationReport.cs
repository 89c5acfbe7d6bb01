namespace PdeNet.Operators.Data;

/// <summary>What a data-set generation did.</summary>
/// <param name="Path">The data-set file written.</param>
/// <param name="Samples">Samples in the file.</param>
/// <param name="Resumed">Samples kept from an interrupted run (not recomputed).</param>
/// <param name="Generated">Samples computed by this run.</param>
/// <param name="Seconds">Wall time of this run.</param>
/// <param name="Workers">Samples solved at once.</param>
public sealed record DatasetGenerationReport(string Path, int Samples, int Resumed, int Generated, double Seconds, int Workers)
{
    /// <summary>Wall seconds per generated sample (0 when none was generated); with W workers one sample's own time is about W times this.</summary>
    public double SecondsPerSample => Generated > 0 ? Seconds / Generated : 0;
}
