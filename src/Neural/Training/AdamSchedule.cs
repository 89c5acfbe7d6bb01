namespace PdeNet.Neural.Training;

/// <summary>
/// An Adam phase: <paramref name="Steps"/> steps whose learning rate decays exponentially from
/// <paramref name="LearningRate"/> to <paramref name="FinalLearningRate"/> (the same rate for every step when
/// they are equal).
/// </summary>
/// <param name="Steps">Number of optimiser steps.</param>
/// <param name="LearningRate">Learning rate of the first step.</param>
/// <param name="FinalLearningRate">Learning rate reached after the last step.</param>
/// <param name="Amsgrad">Use the AMSGrad variant (the running maximum of the second moment).</param>
public sealed record AdamSchedule(int Steps, double LearningRate, double FinalLearningRate, bool Amsgrad = false)
{
    /// <summary>The factor applied to the learning rate after each step.</summary>
    public double Decay => Steps > 0 ? Math.Pow(FinalLearningRate / LearningRate, 1.0 / Steps) : 1;

    /// <summary>The learning rate in force at step <paramref name="step"/>, by the same chained product as a run
    /// that went through every step, so a resumed run agrees to the last bit.</summary>
    public double RateAt(int step)
    {
        double rate = LearningRate, decay = Decay;
        for (int k = 0; k < step; k++) rate *= decay;
        return rate;
    }
}
