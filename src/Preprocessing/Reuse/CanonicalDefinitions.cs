using LayoutExpert.Preprocessing.Macros;

namespace LayoutExpert.Preprocessing.Reuse;

/// <summary>
/// One <see cref="MacroDefinition"/> object per definition site, across a
/// session's runs: a file run's reads are compared by reference, so the same
/// #define must give the same object every time it is run. Pre-AST files are
/// keyed by (file id, directive offset) (the trees never change); generated
/// headers and the predefined macros, whose text is made per config, by
/// (path, directive text); config macros by (name, replacement).
/// </summary>
internal sealed class CanonicalDefinitions
{
    private readonly Dictionary<(int File, int Offset), MacroDefinition> _byPosition = [];
    private readonly Dictionary<(string Path, string Text), MacroDefinition> _byText = [];

    public MacroDefinition AtPosition(int file, int offset, Func<MacroDefinition> make)
    {
        if (!_byPosition.TryGetValue((file, offset), out var definition)) _byPosition[(file, offset)] = definition = make();
        return definition;
    }

    public MacroDefinition WithText(string path, string text, Func<MacroDefinition> make)
    {
        if (!_byText.TryGetValue((path, text), out var definition)) _byText[(path, text)] = definition = make();
        return definition;
    }
}
