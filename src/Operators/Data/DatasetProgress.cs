namespace PdeNet.Operators.Data;

/// <summary>Progress of a data-set generation.</summary>
/// <param name="Done">Samples finished, including those kept from an interrupted run.</param>
/// <param name="Total">Samples in the run.</param>
/// <param name="Resumed">Samples kept from an earlier, interrupted run.</param>
/// <param name="Elapsed">Time since this run started.</param>
public sealed record DatasetProgress(int Done, int Total, int Resumed, TimeSpan Elapsed);
