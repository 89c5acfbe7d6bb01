using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// The residual of one block of rows as a function of the reweighted terms: row i of the result may
/// depend only on row i of each value and data tensor (pointwise in the row), which is what lets the
/// Jacobian be assembled from one backward pass.
/// </summary>
/// <param name="values">v_j = T_j w for each term j, each shaped (batch, rows).</param>
/// <param name="data">Per-row data of the block (targets, coefficients), each shaped (batch or 1, rows).</param>
/// <returns>The residual rows, shaped (batch, rows).</returns>
public delegate Tensor PointwiseResidual(IReadOnlyList<Tensor> values, IReadOnlyList<Tensor> data);
