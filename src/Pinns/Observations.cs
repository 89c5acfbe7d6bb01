using PdeNet.Core.Solving;

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

    /// <summary>
    /// Observations of <paramref name="source"/> (an exact or reference solution) at <paramref name="points"/>, laid out as
    /// <see cref="Points"/>, plus Gaussian noise of standard deviation <paramref name="noise"/> from a generator seeded
    /// by <paramref name="seed"/>.
    /// </summary>
    public static Observations Of(Solution source, double[] points, double noise = 0, int seed = 0)
    {
        var problem = source.Problem;
        int d = problem.Dimension, columns = d + (problem.IsTimeDependent ? 1 : 0);
        if (points.Length % columns != 0) throw new ArgumentException($"{points.Length} coordinates do not make points of {columns} for '{problem.Name}'", nameof(points));
        var random = new Random(seed);
        var values = new double[points.Length / columns];
        for (int i = 0; i < values.Length; i++)
        {
            double time = columns > d ? points[i * columns + d] : 0;
            double gaussian = noise == 0 ? 0 : Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            values[i] = source.Evaluate(points.AsSpan(i * columns, d).ToArray(), time)[0] + noise * gaussian;
        }
        return new Observations((double[])points.Clone(), values);
    }

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
