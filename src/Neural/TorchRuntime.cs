using System.Runtime.InteropServices;
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
        KeepFreedMemory();
    }

    private static bool _mallocTuned;

    /// <summary>True when the C allocator accepted the larger mmap and trim thresholds (glibc).</summary>
    public static bool MallocTuned { get; private set; }

    /// <summary>
    /// libtorch allocates its CPU tensors with malloc. glibc serves blocks above 128 KB (one
    /// activation of 2000 points × 50 features is 400 KB) by mmap and returns them to the system on
    /// free, so every training step page-faults its activations in again until glibc's adaptive
    /// threshold catches up. Raising the mmap and trim thresholds keeps freed blocks for reuse.
    /// </summary>
    private static void KeepFreedMemory()
    {
        if (_mallocTuned || !OperatingSystem.IsLinux()) return;
        _mallocTuned = true;
        try
        {
            // M_MMAP_THRESHOLD is capped at 32 MB on 64-bit glibc; larger blocks still use mmap.
            const int trimThreshold = -1, mmapThreshold = -3;
            MallocTuned = mallopt(mmapThreshold, 32 << 20) == 1 && mallopt(trimThreshold, 256 << 20) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl, for instance): keep the allocator's defaults.
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int parameter, int value);
}
