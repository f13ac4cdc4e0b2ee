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

    public MacroDefinition? AtPosition(int file, int offset) => _byPosition.GetValueOrDefault((file, offset));

    public MacroDefinition SetAtPosition(int file, int offset, MacroDefinition definition) => _byPosition[(file, offset)] = definition;

    public MacroDefinition? WithText(string path, string text) => _byText.GetValueOrDefault((path, text));

    public MacroDefinition SetWithText(string path, string text, MacroDefinition definition) => _byText[(path, text)] = definition;
}
