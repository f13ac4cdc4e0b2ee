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

    /// <summary>The number kept for <paramref name="names"/>, or -1 when none is kept for it.</summary>
    public int IdIn(MacroNames names) => _numbered is { } numbered && ReferenceEquals(numbered.Owner, names) ? numbered.Id : -1;

    /// <summary>Keeps the number this name has in <paramref name="names"/> (replacing one kept for another numbering).</summary>
    public void Keep(MacroNames names, int id) => _numbered = new Numbered(names, id);

    public override string ToString() => Text;
}
