using System.Text;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Driver.Explain;

/// <summary>The text explain prints: the layout asked about, then each option with its value and the lines that read it.</summary>
public static class ExplanationText
{
    public static string Format(Explanation explanation, LayoutSet layouts)
    {
        var text = new StringBuilder();
        text.Append(explanation.Subject);
        if (Describe(explanation, layouts) is { } layout) text.Append(": ").Append(layout);
        text.Append('\n');
        text.Append($"decided by {explanation.Options.Length} config options (following {explanation.TypesFollowed.Length} types held by value)\n");
        foreach (var option in explanation.Options)
        {
            text.Append($"  {option.Option}={option.Value}\n");
            foreach (var site in option.Sites.Take(8)) text.Append($"      {site}\n");
            if (option.Sites.Length > 8) text.Append($"      ... {option.Sites.Length - 8} more\n");
        }
        return text.ToString();
    }

    /// <summary>The size of the record explained, or the member's offset; null for enums and typedefs.</summary>
    private static string? Describe(Explanation explanation, LayoutSet layouts)
    {
        if (explanation.Type?.Split(' ', 2) is not ["struct" or "union", var tag] || !layouts.Records.TryGetValue(tag, out var record)) return null;
        var member = record.Members.FirstOrDefault(m => m.Name == explanation.Member);
        if (member is null) return $"size {record.Size}";
        return $"offset {member.ByteOffset}" + (member.BitWidth is { } w ? $" (bit {member.BitOffset % 8}, width {w})" : "");
    }
}
