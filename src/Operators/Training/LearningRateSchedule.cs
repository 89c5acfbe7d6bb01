using System.Text.Json.Serialization;

namespace PdeNet.Operators.Training;

/// <summary>
/// A learning rate per epoch (0-based), set at the start of the epoch; the schedules step once per
/// epoch as in the official MgNO and LSM training scripts.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "schedule")]
[JsonDerivedType(typeof(ConstantSchedule), "constant")]
[JsonDerivedType(typeof(OneCycleSchedule), "one-cycle")]
[JsonDerivedType(typeof(StepSchedule), "step")]
[JsonDerivedType(typeof(CosineSchedule), "cosine")]
public abstract record LearningRateSchedule
{
    /// <summary>The learning rate of epoch <paramref name="epoch"/> (0-based).</summary>
    public abstract double RateAt(int epoch);
}
