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
        if (Describe(explanation.Subject, layouts) is { } layout) text.Append(": ").Append(layout);
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

    private static string? Describe(string subject, LayoutSet layouts)
    {
        var dot = subject.IndexOf('.');
        var name = (dot < 0 ? subject : subject[..dot]).Trim();
        foreach (var prefix in new[] { "struct ", "union ", "enum " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)) name = name[prefix.Length..];
        }
        if (!layouts.Records.TryGetValue(name, out var record)) return null;
        if (dot < 0) return $"size {record.Size}";
        var member = record.Members.FirstOrDefault(m => m.Name == subject[(dot + 1)..].Trim());
        return member is null ? $"size {record.Size}" : $"offset {member.ByteOffset}" + (member.BitWidth is { } w ? $" (bit {member.BitOffset % 8}, width {w})" : "");
    }
}
