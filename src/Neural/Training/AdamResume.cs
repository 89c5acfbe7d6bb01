namespace PdeNet.Neural.Training;

/// <summary>Where an interrupted Adam phase continues: the step reached and the optimiser state saved then.</summary>
/// <param name="Step">The phase step the checkpoint was taken at.</param>
/// <param name="OptimizerState">The optimiser's state as <see cref="Optimization.AdamOptimizer.Save"/> writes it.</param>
public sealed record AdamResume(int Step, byte[] OptimizerState);
