namespace PdeNet.Core.Problems;

/// <summary>Thrown when a problem definition is incomplete or inconsistent, or when a parameter
/// override names an unknown parameter or gives an invalid value. The message says what to change.</summary>
public sealed class ProblemDefinitionException(string message) : ArgumentException(message);
