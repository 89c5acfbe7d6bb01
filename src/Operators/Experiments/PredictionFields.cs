using PdeNet.Core.Fields;

namespace PdeNet.Operators.Experiments;

/// <summary>One sample's fields in a prediction file: its input fields, and at each output time the reference output, the prediction and the error (prediction − reference).</summary>
/// <param name="Inputs">One field per input, at the first output time.</param>
/// <param name="Targets">The reference output, one field per output time.</param>
/// <param name="Predictions">The model's output, one field per output time.</param>
/// <param name="Errors">Prediction minus reference, one field per output time.</param>
public sealed record PredictionFields(IReadOnlyList<Field> Inputs, IReadOnlyList<Field> Targets, IReadOnlyList<Field> Predictions, IReadOnlyList<Field> Errors)
{
    /// <summary>Every field, inputs first.</summary>
    public IEnumerable<Field> All => Inputs.Concat(Targets).Concat(Predictions).Concat(Errors);
}
