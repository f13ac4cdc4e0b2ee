using System.Text;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>A full, ordered text rendering of a layout set, so two sets compare as strings (the model's collections compare by reference).</summary>
public static class LayoutText
{
    public static string Describe(LayoutSet set)
    {
        var text = new StringBuilder();
        foreach (var (name, r) in set.Records)
        {
            text.Append(r.Kind).Append(' ').Append(name).Append(r.IsAnonymous ? " anon" : "").Append(" size ").Append(r.Size)
                .Append(" align ").Append(r.Alignment?.ToString() ?? "-").Append('\n');
            foreach (var m in r.Members)
            {
                text.Append("  ").Append(m.Name ?? "(anon)").Append(" @").Append(m.BitOffset).Append(':').Append(m.BitWidth?.ToString() ?? "-")
                    .Append(' ').Append(m.Type.Canonical).Append('\n');
            }
        }
        foreach (var (name, e) in set.Enums)
        {
            text.Append("enum ").Append(name).Append(e.IsAnonymous ? " anon" : "").Append(" size ").Append(e.Size).Append(" base ").Append(e.BaseType)
                .Append(" {").Append(string.Join(", ", e.Constants.Select(c => c.Name + "=" + c.Value))).Append("}\n");
        }
        foreach (var (name, t) in set.Typedefs) text.Append("typedef ").Append(name).Append(" = ").Append(t.Target.Canonical).Append('\n');
        foreach (var (name, b) in set.BaseTypes) text.Append("base ").Append(name).Append(' ').Append(b.Size).Append(' ').Append(b.Encoding).Append('\n');
        return text.ToString();
    }
}
