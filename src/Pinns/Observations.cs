namespace PdeNet.Pinns;

/// <summary>
/// Measured values of the solution at points, for the PINN's data term L_data = mean_j (u_θ(x_j, t_j) − v_j)²
/// (and to fit unknown coefficients of the equation, see <see cref="PinnOptions.Trainable"/>).
/// </summary>
/// <param name="Points">The points, row after row: n rows of d coordinates, then the time for evolution problems
/// (d + 1 columns, time last).</param>
/// <param name="Values">The observed values v_j, one per point.</param>
public sealed record Observations(double[] Points, double[] Values)
{
    /// <summary>Number of observations n.</summary>
    public int Count => Values.Length;

    /// <summary>Throws unless the points have <paramref name="columns"/> entries per row, one value each, all finite.</summary>
    /// <exception cref="ArgumentException">The shapes disagree or a number is not finite; the message says which.</exception>
    public void CheckShape(int columns, string problem)
    {
        if (Values.Length == 0) throw new ArgumentException($"the observations for '{problem}' are empty", nameof(Values));
        if (Points.Length != Values.Length * columns)
            throw new ArgumentException($"the observations for '{problem}' have {Values.Length} values but {Points.Length} coordinates; "
                                        + $"each point needs {columns} (the coordinates{(columns > 1 ? ", time last" : "")})", nameof(Points));
        if (Points.Any(v => !double.IsFinite(v)) || Values.Any(v => !double.IsFinite(v)))
            throw new ArgumentException($"the observations for '{problem}' contain a value that is not finite", nameof(Values));
    }
}
