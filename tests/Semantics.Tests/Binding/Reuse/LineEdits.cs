namespace LayoutExpert.Semantics.Tests.Binding.Reuse;

/// <summary>An edit of a unit held as one declaration per line: what the reuse properties apply step by step.</summary>
internal abstract record LineEdit
{
    /// <summary>The unit and each version after one more of <paramref name="edits"/> (the list given is edited in place).</summary>
    public static List<List<string>> Versions(List<string> unit, IEnumerable<LineEdit> edits)
    {
        var versions = new List<List<string>> { unit.ToList() };
        foreach (var edit in edits)
        {
            edit.ApplyTo(unit);
            versions.Add([.. unit]);
        }
        return versions;
    }

    /// <summary>Applies the edit; positions wrap around the unit's length, so any generated position is valid.</summary>
    public abstract void ApplyTo(List<string> unit);
}

internal sealed record InsertLine(int At, string Text) : LineEdit
{
    public override void ApplyTo(List<string> unit) => unit.Insert(At % (unit.Count + 1), Text);
}

internal sealed record DeleteLine(int At) : LineEdit
{
    public override void ApplyTo(List<string> unit)
    {
        if (unit.Count > 0) unit.RemoveAt(At % unit.Count);
    }
}

internal sealed record ReplaceLine(int At, string Text) : LineEdit
{
    public override void ApplyTo(List<string> unit)
    {
        if (unit.Count > 0) unit[At % unit.Count] = Text;
    }
}
