using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace PdeNet.Cli.Commands;

/// <summary>Parsing and range checks of numeric options, with messages that name the option and the value.</summary>
internal static class OptionChecks
{
    /// <summary>Parses the option as a whole number in the range <paramref name="valid"/> describes.</summary>
    public static void WholeNumber<T>(Option<T> option, Func<long, bool> valid, string range)
    {
        option.CustomParser = result => Parse<T, long>(result, option.Name, "a whole number", range,
            text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n is >= int.MinValue and <= int.MaxValue ? (n, valid(n)) : null,
            n => (int)n);
    }

    /// <summary>Parses the option as a real number in the range <paramref name="valid"/> describes.</summary>
    public static void RealNumber<T>(Option<T> option, Func<double, bool> valid, string range)
    {
        option.CustomParser = result => Parse<T, double>(result, option.Name, "a number", range,
            text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x) ? (x, valid(x)) : null,
            x => x);
    }

    /// <summary>Parses the option as one of the named <paramref name="choices"/> (case-insensitive).</summary>
    public static void OneOf<T>(Option<T> option, IReadOnlyDictionary<string, T> choices)
    {
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            foreach (var (name, value) in choices)
            {
                if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) return value;
            }
            result.AddError($"{option.Name} must be {string.Join(" or ", choices.Keys)}, got '{text}'");
            return default!;
        };
    }

    private static T Parse<T, TNumber>(ArgumentResult result, string name, string kind, string range, Func<string, (TNumber Value, bool Valid)?> read, Func<TNumber, object> box)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        var parsed = read(text);
        if (parsed is null)
        {
            result.AddError($"{name} needs {kind}, got '{text}'");
            return default!;
        }
        if (!parsed.Value.Valid)
        {
            result.AddError($"{name} must be {range}, got {text}");
            return default!;
        }
        return (T)box(parsed.Value.Value);
    }
}
