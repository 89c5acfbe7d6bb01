namespace PdeNet.Neural.Training.Weighting;

/// <summary>
/// One loss term at one step, as a weighting scheme sees it: its value and, when asked for, statistics of its
/// gradient g = ∇_θ L_i over all entries of the model's parameters θ (NaN when not computed).
/// </summary>
/// <param name="Value">L_i.</param>
/// <param name="GradientMaxAbs">max_θ |∂L_i/∂θ|.</param>
/// <param name="GradientMeanAbs">mean_θ |∂L_i/∂θ| over every parameter entry.</param>
public readonly record struct TermStatistics(double Value, double GradientMaxAbs = double.NaN, double GradientMeanAbs = double.NaN);
