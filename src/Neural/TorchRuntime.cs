using TorchSharp;

namespace PdeNet.Neural;

/// <summary>Process-wide libtorch settings: random seed, thread count and precision.</summary>
public static class TorchRuntime
{
    /// <summary>The libtorch scalar type of a precision.</summary>
    public static torch.ScalarType ScalarType(this Precision precision) =>
        precision == Precision.Float64 ? torch.ScalarType.Float64 : torch.ScalarType.Float32;

    /// <summary>
    /// Seeds libtorch's generator and fixes the intra-op thread count, so that a run with the same
    /// seed and thread count repeats bit for bit on CPU.
    /// </summary>
    /// <param name="seed">The random seed.</param>
    /// <param name="threads">Threads for libtorch; null for one per core.</param>
    public static void Initialise(int seed, int? threads)
    {
        int count = threads ?? Environment.ProcessorCount;
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "at least one thread is needed");
        torch.set_num_threads(count);
        torch.manual_seed(seed);
    }
}
