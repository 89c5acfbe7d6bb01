namespace PdeNet.Solvers.Fem.Solving;

/// <summary>
/// The constraint (1/|Ω|) ∫ u_h dx = mean that fixes the constant of a pure Neumann problem,
/// whose Jacobian J is symmetric with J·1 = 0. Newton removes the constant from each right-hand
/// side (projects it onto the range of J), holds one unknown (<see cref="Pinned"/>) so the
/// system is nonsingular, and shifts the solution to the prescribed mean after each step.
/// </summary>
/// <param name="BasisIntegrals">∫ φ_a dx per unknown.</param>
/// <param name="Mean">The prescribed mean value.</param>
/// <param name="Pinned">The unknown held fixed during linear solves.</param>
internal sealed record MeanConstraint(double[] BasisIntegrals, double Mean, int Pinned)
{
    /// <summary>Removes the mean of the free rows of <paramref name="vector"/> (fixed rows are zero and stay so).</summary>
    public void Project(double[] vector, IReadOnlySet<int> fixedDofs)
    {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < vector.Length; i++)
        {
            if (fixedDofs.Contains(i)) continue;
            sum += vector[i];
            count++;
        }
        double mean = sum / count;
        for (int i = 0; i < vector.Length; i++)
        {
            if (!fixedDofs.Contains(i)) vector[i] -= mean;
        }
    }

    /// <summary>Adds the constant that gives <paramref name="solution"/> the prescribed mean.</summary>
    public void Shift(double[] solution)
    {
        double integral = 0, measure = 0;
        for (int i = 0; i < solution.Length; i++)
        {
            integral += BasisIntegrals[i] * solution[i];
            measure += BasisIntegrals[i];
        }
        double shift = Mean - integral / measure;
        for (int i = 0; i < solution.Length; i++) solution[i] += shift;
    }
}
