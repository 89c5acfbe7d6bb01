using static TorchSharp.torch;

namespace PdeNet.Tests.Operators;

/// <summary>Small seeded data sets for the operator tests.</summary>
internal static class OperatorTestData
{
    /// <summary>
    /// n smooth fields a(x, y) = Σ c_kl sin(kπx) sin(lπy) + 1 on an h×w grid of [0, 1]², shape (n, 1, h, w), and the
    /// running mean of a along the first axis (a non-local operator), same shape.
    /// </summary>
    public static (Tensor Inputs, Tensor Targets) Grid(int n, int h, int w, int seed)
    {
        var random = new Random(seed);
        var a = new float[n * h * w];
        var u = new float[n * h * w];
        for (int s = 0; s < n; s++)
        {
            var c = new double[3, 3];
            for (int k = 0; k < 3; k++)
                for (int l = 0; l < 3; l++) c[k, l] = (random.NextDouble() * 2 - 1) / (1 + k + l);
            for (int i = 0; i < h; i++)
                for (int j = 0; j < w; j++)
                {
                    double x = i / (h - 1.0), y = j / (w - 1.0), v = 1;
                    for (int k = 0; k < 3; k++)
                        for (int l = 0; l < 3; l++) v += c[k, l] * Math.Sin((k + 1) * Math.PI * x) * Math.Sin((l + 1) * Math.PI * y);
                    a[(s * h + i) * w + j] = (float)v;
                }
            for (int j = 0; j < w; j++)
            {
                double sum = 0;
                for (int i = 0; i < h; i++)
                {
                    sum += a[(s * h + i) * w + j];
                    u[(s * h + i) * w + j] = (float)(sum / (i + 1));
                }
            }
        }
        return (tensor(a, [n, 1, h, w]), tensor(u, [n, 1, h, w]));
    }

    /// <summary>
    /// The antiderivative operator: n functions u(x) = Σ_k a_k cos(kπx) + b_k sin(kπx) sampled at m sensors on [0, 1]
    /// (shape (n, m)), and s(y) = ∫₀^y u at p points (shape (n, p)); the points (p, 1).
    /// </summary>
    public static (Tensor Inputs, Tensor Targets, Tensor Points) Antiderivative(int n, int m, int p, int seed)
    {
        var random = new Random(seed);
        var u = new float[n * m];
        var s = new float[n * p];
        var points = Enumerable.Range(0, p).Select(i => (float)(i / (p - 1.0))).ToArray();
        for (int q = 0; q < n; q++)
        {
            var a = Enumerable.Range(0, 3).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var b = Enumerable.Range(0, 3).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            for (int i = 0; i < m; i++)
            {
                double x = i / (m - 1.0), v = 0;
                for (int k = 0; k < 3; k++) v += a[k] * Math.Cos((k + 1) * Math.PI * x) + b[k] * Math.Sin((k + 1) * Math.PI * x);
                u[q * m + i] = (float)v;
            }
            for (int i = 0; i < p; i++)
            {
                double y = points[i], v = 0;
                for (int k = 0; k < 3; k++)
                {
                    double w = (k + 1) * Math.PI;
                    v += a[k] * Math.Sin(w * y) / w + b[k] * (1 - Math.Cos(w * y)) / w;
                }
                s[q * p + i] = (float)v;
            }
        }
        return (tensor(u, [n, m]), tensor(s, [n, p]), tensor(points, [p, 1]));
    }
}
