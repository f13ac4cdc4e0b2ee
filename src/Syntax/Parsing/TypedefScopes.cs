using System.Runtime.InteropServices;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// What a C compiler must know while parsing (C11 6.7.8p3, 6.2.1): which
/// identifiers are typedef names in the current scope. File scope holds
/// typedefs; a prototype scope (one per parameter list) may redeclare a
/// typedef name as an ordinary identifier, hiding it until the list ends.
/// Struct members live in their own name space (6.2.3) and hide nothing.
/// Function bodies are not parsed, so block scopes never appear.
/// While a <see cref="FileScopeLog"/> is attached, every answer that came from
/// the file scope and every change to it is written down, so a declaration's
/// parse can later be reused where those answers are the same.
/// </summary>
internal sealed class TypedefScopes
{
    /// <summary>File scope: every name it was asked about or told of (absent ones too, once logged).</summary>
    private readonly Dictionary<string, FileName> _file = new(StringComparer.Ordinal);

    /// <summary>Prototype scopes, innermost last: name to "is a typedef name" (false: an ordinary identifier hiding outer typedefs). Made on their first declaration: most parameter lists are never looked into.</summary>
    private readonly List<Dictionary<string, bool>?> _inner = [];

    private FileScopeLog? _log;

    /// <summary>Numbers the logged declarations, so a name's marks from an earlier one read as clear.</summary>
    private int _logSerial;

    public TypedefScopes(IEnumerable<string> predefined)
    {
        foreach (var name in predefined) _file[name] = new FileName { State = NameState.Typedef };
    }

    public bool IsFileScope => _inner.Count == 0;

    public bool IsTypedefName(string name)
    {
        for (var i = _inner.Count - 1; i >= 0; i--)
        {
            if (_inner[i] is { } scope && scope.TryGetValue(name, out var isTypedef)) return isTypedef;
        }
        if (_log is null) return _file.TryGetValue(name, out var known) && known.State == NameState.Typedef;
        ref var entry = ref Logged(name);
        var answer = entry.State == NameState.Typedef;
        if ((entry.Marks & (Marks.Changed | Marks.AskedTypedef)) == 0)
        {
            entry.Marks |= Marks.AskedTypedef;
            _log.Preconditions.Add(new FileScopeFact(name, FileScopeQuestion.IsTypedef, answer));
        }
        return answer;
    }

    /// <summary>True when the name is declared in any scope, as a typedef or as an ordinary identifier.</summary>
    public bool IsDeclared(string name)
    {
        foreach (var scope in _inner)
        {
            if (scope is not null && scope.ContainsKey(name)) return true;
        }
        if (_log is null) return _file.TryGetValue(name, out var known) && known.State != NameState.Absent;
        ref var entry = ref Logged(name);
        var answer = entry.State != NameState.Absent;
        if ((entry.Marks & (Marks.Changed | Marks.AskedDeclared)) == 0)
        {
            entry.Marks |= Marks.AskedDeclared;
            _log.Preconditions.Add(new FileScopeFact(name, FileScopeQuestion.IsDeclared, answer));
        }
        return answer;
    }

    public void DeclareTypedef(string name)
    {
        if (!IsFileScope)
        {
            Innermost()[name] = true;
            return;
        }
        ref var entry = ref _log is null ? ref CollectionsMarshal.GetValueRefOrAddDefault(_file, name, out _) : ref Logged(name);
        if (_log is not null)
        {
            // Whatever it was before, it is a typedef name now: nothing to ask.
            entry.Marks |= Marks.Changed;
            _log.Effects.Add(new FileScopeEffect(name, IsTypedef: true));
        }
        entry.State = NameState.Typedef;
    }

    /// <summary>
    /// An ordinary identifier (object, function, enumerator). In an inner scope
    /// it hides an outer typedef name. At file scope gcc rejects redeclaring a
    /// typedef name as something else and keeps the typedef, so that stays.
    /// </summary>
    public void DeclareOrdinary(string name)
    {
        if (!IsFileScope)
        {
            Innermost()[name] = false;
            return;
        }
        ref var entry = ref _log is null ? ref CollectionsMarshal.GetValueRefOrAddDefault(_file, name, out _) : ref Logged(name);
        if (_log is not null)
        {
            // What this does depends on whether the name was a typedef name before.
            if ((entry.Marks & (Marks.Changed | Marks.AskedTypedef)) == 0)
            {
                _log.Preconditions.Add(new FileScopeFact(name, FileScopeQuestion.IsTypedef, entry.State == NameState.Typedef));
            }
            entry.Marks |= Marks.Changed;
            _log.Effects.Add(new FileScopeEffect(name, IsTypedef: false));
        }
        if (entry.State != NameState.Typedef) entry.State = NameState.Ordinary;
    }

    public void Push() => _inner.Add(null);

    public void Pop()
    {
        if (_inner.Count > 0) _inner.RemoveAt(_inner.Count - 1);
    }

    /// <summary>Starts writing down what the file scope answers and is told, for one declaration.</summary>
    public void StartLog(FileScopeLog log)
    {
        log.Clear();
        _log = log;
        _logSerial++;
    }

    public void StopLog() => _log = null;

    /// <summary>Whether the file scope answers the question as it did when the fact was logged.</summary>
    public bool Holds(in FileScopeFact fact)
    {
        var state = _file.TryGetValue(fact.Name, out var known) ? known.State : NameState.Absent;
        var answer = fact.Question == FileScopeQuestion.IsTypedef ? state == NameState.Typedef : state != NameState.Absent;
        return answer == fact.Answer;
    }

    /// <summary>Does again at file scope what a logged declaration did there.</summary>
    public void Apply(in FileScopeEffect effect)
    {
        if (effect.IsTypedef) DeclareTypedef(effect.Name);
        else DeclareOrdinary(effect.Name);
    }

    private ref FileName Logged(string name)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_file, name, out _);
        if (entry.Serial != _logSerial)
        {
            entry.Serial = _logSerial;
            entry.Marks = 0;
        }
        return ref entry;
    }

    private Dictionary<string, bool> Innermost() => _inner[^1] ??= new Dictionary<string, bool>(StringComparer.Ordinal);

    private enum NameState : byte
    {
        Absent,
        Ordinary,
        Typedef,
    }

    [Flags]
    private enum Marks : byte
    {
        /// <summary>Whether it is a typedef name was logged as a precondition.</summary>
        AskedTypedef = 1,

        /// <summary>Whether it is declared was logged as a precondition.</summary>
        AskedDeclared = 2,

        /// <summary>The logged declaration changed it: later answers follow from the logged facts and effects.</summary>
        Changed = 4,
    }

    private struct FileName
    {
        public NameState State;
        public Marks Marks;
        public int Serial;
    }
}
