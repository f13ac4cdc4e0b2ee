using LayoutExpert.Layout.Model;

namespace LayoutExpert.Driver.Pipeline;

/// <summary>A few offsets analysts check first, for the summary line: where they sit tells at a glance that a profile is sane.</summary>
public static class KeyOffsets
{
    private static readonly (string Record, string Member)[] Watched =
    [
        ("task_struct", "tasks"),
        ("task_struct", "pid"),
        ("task_struct", "comm"),
        ("task_struct", "mm"),
        ("mm_struct", "pgd"),
        ("dentry", "d_name"),
        ("file", "f_path"),
    ];

    public static string Describe(LayoutSet types) =>
        string.Join(", ", Watched.Select(w => $"{w.Record}.{w.Member}={Find(types, w.Record, w.Member)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}")) +
        (types.Records.TryGetValue("task_struct", out var task) ? $", sizeof(task_struct)={task.Size}" : "");

    /// <summary>The byte offset of a member, looking through anonymous struct and union members (C11 6.7.2.1p13).</summary>
    public static long? Find(LayoutSet types, string record, string member)
    {
        if (!types.Records.TryGetValue(record, out var layout)) return null;
        foreach (var m in layout.Members)
        {
            if (m.Name == member) return m.ByteOffset;
            if (m.Name is null && m.Type is RecordTypeRef inner && Find(types, inner.Name, member) is { } nested) return m.ByteOffset + nested;
        }
        return null;
    }
}
