using PdeNet.Core.IO;

namespace PdeNet.Reporting.Plots;

/// <summary>Renders a figure and writes it as a PNG file, atomically.</summary>
internal static class PngFile
{
    /// <summary>
    /// Checks that the folder of <paramref name="path"/> exists, renders the image and writes it
    /// through <see cref="AtomicFile"/>: a failure leaves no file, not even a partial one.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void Write(string path, Func<ScottPlot.Image> render)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, temporary =>
        {
            using var image = render();
            File.WriteAllBytes(temporary, image.GetImageBytes(ScottPlot.ImageFormat.Png));
        });
    }
}
