using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// Where each global variable and function of a bound unit was first declared,
/// in the text of the unit that was bound. Kept apart from the symbols: a
/// config flip moves most declarations of a kernel unit (text added or taken
/// out above them) without changing what they declare, and with the locations
/// outside, those symbols stay the very objects of the previous bind and the
/// sorted symbol tables are patched, not rebuilt (see <see cref="ResultCache"/>).
/// <para>
/// Made cheaply per bind: the name numbers and offsets as two int arrays
/// (the names themselves are the binder's <see cref="NameTable.Names"/>, only
/// appended to, so shared); the name index and the line and column are made
/// only when asked.
/// </para>
/// </summary>
public sealed class SymbolLocations
{
    private readonly SourceText? _text;
    private readonly string[] _names;
    private readonly int[] _ids;
    private readonly int[] _offsets;
    private Dictionary<string, int>? _index;

    internal SymbolLocations(SourceText? text, string[] names, int[] ids, int[] offsets)
    {
        _text = text;
        _names = names;
        _ids = ids;
        _offsets = offsets;
    }

    /// <summary>Every name with a location, in the order the names were first met by the binder.</summary>
    public IEnumerable<string> Names => _ids.Select(id => _names[id]);

    /// <summary>The offset in the bound unit's text where <paramref name="name"/> was first declared, or null.</summary>
    public int? OffsetOf(string name) => Index().TryGetValue(name, out var at) ? _offsets[at] : null;

    /// <summary>
    /// Where <paramref name="name"/> was first declared, or null when it is not
    /// a global or function of the unit or the unit was bound without its text.
    /// </summary>
    public SourceLocation? Of(string name) =>
        OffsetOf(name) is { } offset && _text is not null && offset <= _text.Length ? _text.GetLocation(offset) : null;

    private Dictionary<string, int> Index()
    {
        // Several readers may make it at once: each makes the same one.
        if (_index is { } index) return index;
        index = new Dictionary<string, int>(_ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < _ids.Length; i++) index[_names[_ids[i]]] = i;
        return _index = index;
    }
}
