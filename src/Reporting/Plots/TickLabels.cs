using System.Globalization;

namespace PdeNet.Reporting.Plots;

/// <summary>Tick label texts: plain numbers near 1, powers of ten written with superscripts.</summary>
internal static class TickLabels
{
    /// <summary>
    /// A value as a label: "0.25" or "4000" when 1e-3 ≤ |v| &lt; 1e5 (or v = 0), else a
    /// mantissa and a power of ten, for example "2.5×10⁻⁷". At most six significant digits.
    /// </summary>
    public static string Value(double value)
    {
        double magnitude = Math.Abs(value);
        if (magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e5)) return value.ToString("G6", CultureInfo.InvariantCulture);
        int exponent = (int)Math.Floor(Math.Log10(magnitude));
        double mantissa = Math.Round(value / Math.Pow(10, exponent), 5);
        if (Math.Abs(mantissa) >= 10) (mantissa, exponent) = (mantissa / 10, exponent + 1);
        return mantissa == 1 ? Decade(exponent)
            : mantissa == -1 ? "-" + Decade(exponent)
            : $"{mantissa.ToString("G6", CultureInfo.InvariantCulture)}×{Decade(exponent)}";
    }

    /// <summary>"10" with the exponent as superscript, for example 10⁻³; "1" and "10" for 0 and 1.</summary>
    public static string Decade(int exponent) => exponent switch
    {
        0 => "1",
        1 => "10",
        _ => "10" + Superscript(exponent),
    };

    private static string Superscript(int n) => string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => c switch
    {
        '-' => '⁻',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        _ => (char)('⁰' + (c - '0')),
    }));
}
