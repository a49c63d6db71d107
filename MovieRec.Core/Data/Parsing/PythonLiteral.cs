namespace MovieRec.Data.Parsing;

/// <summary>
/// A parser for the Python literals found in Kaggle's TMDB files (<c>[{'id': 16, 'name': 'Animation'}]</c>): lists,
/// tuples, dicts, single- or double-quoted strings with backslash escapes, numbers, <c>True</c>, <c>False</c>, <c>None</c>.
/// </summary>
/// <remarks>Values come back as <see cref="List{T}"/> of object, <see cref="Dictionary{TKey,TValue}"/> keyed by string,
/// string, double, bool or null. Never evaluates anything.</remarks>
internal ref struct PythonLiteral
{
    private readonly ReadOnlySpan<char> _text;
    private int _pos;

    private PythonLiteral(ReadOnlySpan<char> text)
    {
        _text = text;
        _pos = 0;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> with the position on malformed input.</summary>
    public static object? Parse(ReadOnlySpan<char> text)
    {
        var parser = new PythonLiteral(text);
        parser.SkipSpace();
        var value = parser.ParseValue();
        parser.SkipSpace();
        if (parser._pos != text.Length) throw parser.Fail("unexpected text after the value");
        return value;
    }

    /// <summary>The <c>name</c> of every dict in a list literal whose optional <paramref name="filterKey"/> equals <paramref name="filterValue"/>, in order.</summary>
    public static List<string> Names(ReadOnlySpan<char> text, string key = "name", string? filterKey = null, string? filterValue = null)
    {
        var result = new List<string>();
        if (text.IsWhiteSpace()) return result;
        if (Parse(text) is not List<object?> items) return result;
        foreach (var item in items)
        {
            if (item is not Dictionary<string, object?> dict) continue;
            if (filterKey is not null && !(dict.TryGetValue(filterKey, out var f) && f is string fs && fs == filterValue)) continue;
            if (dict.TryGetValue(key, out var name) && name is string s && s.Length > 0) result.Add(s);
        }

        return result;
    }

    private object? ParseValue()
    {
        if (_pos >= _text.Length) throw Fail("unexpected end of text");
        var c = _text[_pos];
        switch (c)
        {
            case '[': return ParseSequence(']');
            case '(': return ParseSequence(')');
            case '{': return ParseDict();
            case '\'' or '"': return ParseString();
        }

        if (c == '-' || c == '+' || c == '.' || char.IsAsciiDigit(c)) return ParseNumber();
        if (TryWord("None")) return null;
        if (TryWord("True")) return true;
        if (TryWord("False")) return false;
        throw Fail($"unexpected character '{c}'");
    }

    private List<object?> ParseSequence(char close)
    {
        _pos++;
        var list = new List<object?>();
        while (true)
        {
            SkipSpace();
            if (Peek() == close)
            {
                _pos++;
                return list;
            }

            list.Add(ParseValue());
            SkipSpace();
            if (Peek() == ',')
            {
                _pos++;
                continue;
            }

            if (Peek() != close) throw Fail($"expected ',' or '{close}'");
        }
    }

    private Dictionary<string, object?> ParseDict()
    {
        _pos++;
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpace();
            if (Peek() == '}')
            {
                _pos++;
                return dict;
            }

            var key = ParseValue();
            SkipSpace();
            if (Peek() != ':') throw Fail("expected ':'");
            _pos++;
            SkipSpace();
            dict[Convert.ToString(key, CultureInfo.InvariantCulture) ?? "None"] = ParseValue();
            SkipSpace();
            if (Peek() == ',')
            {
                _pos++;
                continue;
            }

            if (Peek() != '}') throw Fail("expected ',' or '}'");
        }
    }

    private string ParseString()
    {
        var quote = _text[_pos++];
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) throw Fail("string is never closed");
            var c = _text[_pos++];
            if (c == quote) return sb.ToString();
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_pos >= _text.Length) throw Fail("string is never closed");
            var e = _text[_pos++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'x' when _pos + 2 <= _text.Length:
                    sb.Append((char)int.Parse(_text.Slice(_pos, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _pos += 2;
                    break;
                case 'u' when _pos + 4 <= _text.Length:
                    sb.Append((char)int.Parse(_text.Slice(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _pos += 4;
                    break;
                default: sb.Append(e); break; // \\ \' \" and unknown escapes keep the character
            }
        }
    }

    private double ParseNumber()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '-' or '+' or '.' or 'e' or 'E')) _pos++;
        if (double.TryParse(_text[start.._pos], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        throw Fail("malformed number");
    }

    private bool TryWord(string word)
    {
        if (!_text[_pos..].StartsWith(word, StringComparison.Ordinal)) return false;
        _pos += word.Length;
        return true;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private readonly FormatException Fail(string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Python literal, character {_pos + 1}: {problem}"));
}
