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
    /// <summary>File scope: the names' states under this parse's number.</summary>
    private readonly FileScopeNames _file;
    private readonly int _parse;

    /// <summary>Prototype scopes, innermost last: name to "is a typedef name" (false: an ordinary identifier hiding outer typedefs). Made on their first declaration: most parameter lists are never looked into.</summary>
    private readonly List<Dictionary<string, bool>?> _inner = [];

    private FileScopeLog? _log;

    /// <summary>The logged declaration's number, so a name's marks from an earlier one read as clear.</summary>
    private int _logSerial;

    /// <summary>File scope kept in <paramref name="file"/> under the number <paramref name="parse"/>, which no earlier parse with that table had.</summary>
    public TypedefScopes(IEnumerable<string> predefined, FileScopeNames file, int parse)
    {
        _file = file;
        _parse = parse;
        foreach (var name in predefined) _file.Get(name).SetState(_parse, FileScopeNameState.Typedef);
    }

    public bool IsFileScope => _inner.Count == 0;

    public bool IsTypedefName(string name)
    {
        for (var i = _inner.Count - 1; i >= 0; i--)
        {
            if (_inner[i] is { } scope && scope.TryGetValue(name, out var isTypedef)) return isTypedef;
        }
        if (_log is null) return _file.Find(name)?.StateIn(_parse) == FileScopeNameState.Typedef;
        var slot = Logged(name);
        var answer = slot.StateIn(_parse) == FileScopeNameState.Typedef;
        if ((slot.Marks & (FileScopeLogMarks.Changed | FileScopeLogMarks.AskedTypedef)) == 0)
        {
            slot.Marks |= FileScopeLogMarks.AskedTypedef;
            _log.Preconditions.Add(new FileScopeFact(slot, FileScopeQuestion.IsTypedef, answer));
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
        if (_log is null) return (_file.Find(name)?.StateIn(_parse) ?? FileScopeNameState.Absent) != FileScopeNameState.Absent;
        var slot = Logged(name);
        var answer = slot.StateIn(_parse) != FileScopeNameState.Absent;
        if ((slot.Marks & (FileScopeLogMarks.Changed | FileScopeLogMarks.AskedDeclared)) == 0)
        {
            slot.Marks |= FileScopeLogMarks.AskedDeclared;
            _log.Preconditions.Add(new FileScopeFact(slot, FileScopeQuestion.IsDeclared, answer));
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
        var slot = _log is null ? _file.Get(name) : Logged(name);
        if (_log is not null)
        {
            // Whatever it was before, it is a typedef name now: nothing to ask.
            slot.Marks |= FileScopeLogMarks.Changed;
            _log.Effects.Add(new FileScopeEffect(slot, IsTypedef: true));
        }
        slot.SetState(_parse, FileScopeNameState.Typedef);
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
        var slot = _log is null ? _file.Get(name) : Logged(name);
        var wasTypedef = slot.StateIn(_parse) == FileScopeNameState.Typedef;
        if (_log is not null)
        {
            // What this does depends on whether the name was a typedef name before.
            if ((slot.Marks & (FileScopeLogMarks.Changed | FileScopeLogMarks.AskedTypedef)) == 0)
            {
                _log.Preconditions.Add(new FileScopeFact(slot, FileScopeQuestion.IsTypedef, wasTypedef));
            }
            slot.Marks |= FileScopeLogMarks.Changed;
            _log.Effects.Add(new FileScopeEffect(slot, IsTypedef: false));
        }
        if (!wasTypedef) slot.SetState(_parse, FileScopeNameState.Ordinary);
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
        _logSerial = _file.NextLogSerial();
    }

    public void StopLog() => _log = null;

    /// <summary>Whether the file scope answers the question as it did when the fact was logged.</summary>
    public bool Holds(in FileScopeFact fact)
    {
        var state = fact.Name.StateIn(_parse);
        var answer = fact.Question == FileScopeQuestion.IsTypedef ? state == FileScopeNameState.Typedef : state != FileScopeNameState.Absent;
        return answer == fact.Answer;
    }

    /// <summary>Does again at file scope what a logged declaration did there (outside any log).</summary>
    public void Apply(in FileScopeEffect effect)
    {
        if (effect.IsTypedef) effect.Name.SetState(_parse, FileScopeNameState.Typedef);
        else if (effect.Name.StateIn(_parse) != FileScopeNameState.Typedef) effect.Name.SetState(_parse, FileScopeNameState.Ordinary);
    }

    private FileScopeName Logged(string name)
    {
        var slot = _file.Get(name);
        if (slot.LogSerial != _logSerial)
        {
            slot.LogSerial = _logSerial;
            slot.Marks = FileScopeLogMarks.None;
        }
        return slot;
    }

    private Dictionary<string, bool> Innermost() => _inner[^1] ??= new Dictionary<string, bool>(StringComparer.Ordinal);
}
