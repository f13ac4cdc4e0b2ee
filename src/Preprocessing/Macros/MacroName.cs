namespace LayoutExpert.Preprocessing.Macros;

/// <summary>
/// A macro name that remembers its number in the last <see cref="MacroNames"/>
/// it was looked up in, so what asks for the same name again and again (a
/// #define's name, a file's #pragma once mark and include guard) costs one
/// string hash per session instead of one per lookup. A name not numbered yet
/// is not remembered as such: it may be numbered later.
/// </summary>
public sealed class MacroName(string text)
{
    private sealed record Numbered(MacroNames Owner, int Id);

    /// <summary>One reference, written whole, so a reader never sees an owner with another owner's number.</summary>
    private Numbered? _numbered;

    public string Text { get; } = text;

    /// <summary>The number of this name in <paramref name="names"/>, numbering it when <paramref name="add"/>; -1 when it has none.</summary>
    public int IdIn(MacroNames names, bool add)
    {
        var numbered = _numbered;
        if (numbered is not null && ReferenceEquals(numbered.Owner, names)) return numbered.Id;
        int id;
        if (add) id = names.IdOf(Text);
        else if (!names.TryGetId(Text, out id)) return -1;
        _numbered = new Numbered(names, id);
        return id;
    }

    public override string ToString() => Text;
}
