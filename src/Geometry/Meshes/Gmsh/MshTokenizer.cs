using System.Globalization;

namespace PdeNet.Geometry.Meshes.Gmsh;

/// <summary>
/// Splits MSH ASCII text into whitespace-separated tokens, remembering the line of each, and
/// reads typed values from them. Every failure is a <see cref="GmshFormatException"/> at the
/// line of the offending token.
/// </summary>
internal sealed class MshTokenizer(TextReader reader, string sourceName)
{
    private string _text = "";
    private int _position;

    /// <summary>The file name used in error messages.</summary>
    public string SourceName { get; } = sourceName;

    /// <summary>1-based number of the line the last token came from (the last line at the end of the file).</summary>
    public int Line { get; private set; }

    /// <summary>The next token, or null at the end of the text.</summary>
    public string? Next()
    {
        while (true)
        {
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
            if (_position < _text.Length)
            {
                int start = _position;
                while (_position < _text.Length && !char.IsWhiteSpace(_text[_position])) _position++;
                return _text[start.._position];
            }
            string? line = reader.ReadLine();
            if (line is null) return null;
            Line++;
            _text = line;
            _position = 0;
        }
    }

    /// <summary>What is left of the current line, trimmed; the next token then starts on the next line.</summary>
    public string RestOfLine()
    {
        string rest = _text[_position..].Trim();
        _position = _text.Length;
        return rest;
    }

    /// <summary>The next token, which must exist.</summary>
    /// <param name="what">What the token should be, for the error message.</param>
    public string Token(string what) => Next() ?? throw Error($"the file ends early; expected {what}");

    /// <summary>Reads the next token and checks that it is <paramref name="marker"/>.</summary>
    /// <param name="marker">The expected token, e.g. <c>$EndNodes</c>.</param>
    /// <param name="context">Why it is expected, appended to the error message.</param>
    public void Expect(string marker, string context = "")
    {
        string? token = Next();
        if (token != marker) throw Error($"expected {marker}{context}, found {Describe(token)}");
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long Integer(string what, long min = long.MinValue, long max = long.MaxValue)
    {
        string token = Token(what);
        if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            throw Error($"expected {what} (an integer), found '{Shorten(token)}'");
        if (value < min || value > max)
            throw Error($"{what} is {value}; it must be {Range(min, max)}");
        return value;
    }

    /// <summary>A count: an integer from 0 to <see cref="int.MaxValue"/>.</summary>
    public int Count(string what) => (int)Integer(what, 0, int.MaxValue);

    /// <summary>A tag: an integer from 1 to <paramref name="max"/>.</summary>
    public long Tag(string what, long max = long.MaxValue) => Integer(what, 1, max);

    /// <summary>A finite floating-point number.</summary>
    public double Real(string what)
    {
        string token = Token(what);
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw Error($"expected {what} (a number), found '{Shorten(token)}'");
        if (!double.IsFinite(value)) throw Error($"{what} is {Shorten(token)}; it must be finite");
        return value;
    }

    /// <summary>An error at the line of the last token.</summary>
    public GmshFormatException Error(string problem) => new(SourceName, Math.Max(Line, 1), problem);

    /// <summary>A token for an error message: quoted, shortened, or "the end of the file".</summary>
    public static string Describe(string? token) => token is null ? "the end of the file" : $"'{Shorten(token)}'";

    private static string Shorten(string token) => token.Length <= 40 ? token : token[..40] + "...";

    private static string Range(long min, long max) => (min, max) switch
    {
        (long.MinValue, _) => $"at most {max}",
        (_, long.MaxValue) => $"at least {min}",
        _ => $"between {min} and {max}",
    };
}
