using System.Text;

namespace LayoutExpert.Preprocessing.Config;

/// <summary>Kconfig's string and number spellings (scripts/kconfig/confdata.c).</summary>
internal static class KconfigStrings
{
    /// <summary>
    /// conf_read's reading of a quoted value: up to the first unescaped quote,
    /// a backslash dropped and the character after it kept. Null when no closing quote.
    /// </summary>
    public static string? TryUnescape(string quoted, out int closingQuote)
    {
        closingQuote = -1;
        if (quoted.Length == 0 || quoted[0] != '"') return null;
        var builder = new StringBuilder(quoted.Length);
        for (var i = 1; i < quoted.Length; i++)
        {
            var c = quoted[i];
            if (c == '"')
            {
                closingQuote = i;
                return builder.ToString();
            }
            if (c == '\\')
            {
                i++;
                if (i == quoted.Length) break;
                c = quoted[i];
            }
            builder.Append(c);
        }
        return null;
    }

    public static string Unescape(string quoted) => TryUnescape(quoted, out _) ?? quoted;

    /// <summary>escape_string_value: quotes around, a backslash before each '"' and '\'.</summary>
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\') builder.Append('\\');
            builder.Append(c);
        }
        return builder.Append('"').ToString();
    }

    public static bool HasHexPrefix(string text) => text.Length >= 2 && text[0] == '0' && text[1] is 'x' or 'X';

    public static string StripHexPrefix(string text) => HasHexPrefix(text) ? text[2..] : text;
}
