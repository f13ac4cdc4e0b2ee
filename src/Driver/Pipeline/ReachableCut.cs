using System.Collections.Immutable;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Driver.Pipeline;

/// <summary>
/// <see cref="ReachableTypes.From"/> made from the last cut: the same set, at
/// the cost of what changed. The walk is kept as a graph of nodes (one per
/// record id, enum id and typedef name), each holding what its definition
/// reaches directly (<see cref="Edges"/>: the records, enums and typedefs met
/// through members, pointers, arrays, qualifiers, vectors, modes and function
/// returns and parameters, stopping at each). A record's edges are worked out
/// again only when the table holds another definition object for it (a
/// replayed binder item hands back the very object), a typedef's when another
/// (unequal) typedef object is met under its name, the roots' when they
/// differ; the walk then follows edges, not types. The set's dictionaries are
/// patched from the last cut's by the nodes that joined, left, or map to
/// another model object now: a first config flip changes a few dozen of the
/// ~2,400 records a 6.1 unit reaches.
/// <para>
/// Why the walk equals <see cref="ReachableTypes.From"/>'s: that walk follows
/// a typedef name once, through the first typedef object it meets under it;
/// all typedef objects of one name in one unit denote the same type (file
/// scope: C11 6.7p3 lets a typedef be redefined only to the same type), so the
/// order does not matter. Should two unequal ones of a name meet in one walk
/// all the same, the cut is made by <see cref="ReachableTypes.From"/> and the
/// next one from scratch.
/// </para>
/// Not thread-safe; one per database (<see cref="ReachableMemo"/>).
/// </summary>
public sealed class ReachableCut
{
    private readonly Dictionary<RecordId, RecordNode> _records = [];
    private readonly Dictionary<EnumId, EnumNode> _enums = [];
    private readonly Dictionary<string, TypedefNode> _typedefs = new(StringComparer.Ordinal);

    /// <summary>Numbers the walks (a node met in this walk carries its number) and the edge summaries (likewise, to meet a node once per summary).</summary>
    private int _walks;
    private int _summaries;

    private CType[] _roots = [];
    private Edges? _rootEdges;

    private readonly Stack<CType> _types = new(256);
    private readonly Stack<Edges> _pending = new(256);

    // What the walk met, in the order met (the last walk's, until the result is made from them).
    private List<RecordNode> _metRecords = [];
    private List<EnumNode> _metEnums = [];
    private List<TypedefNode> _metTypedefs = [];
    private List<RecordNode> _lastRecords = [];
    private List<EnumNode> _lastEnums = [];
    private List<TypedefNode> _lastTypedefs = [];

    // The last result, by name: how many nodes map to each name and the model they map to.
    private readonly Dictionary<string, Share<RecordLayout>> _recordNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Share<EnumLayout>> _enumNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Share<TypedefLayout>> _typedefNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _baseTypeUses = new(StringComparer.Ordinal);
    private LayoutSet? _last;
    private ImmutableSortedDictionary<string, BaseTypeLayout>? _lastAllBaseTypes;

    /// <summary>How the last cut went: records whose edges were worked out again, nodes whose entry changed; for tests and logs.</summary>
    public (int RecordsSummarized, int EntriesChanged, bool Fallback) LastCut { get; private set; }

    public LayoutSet From(LayoutSet all, TypeTable table, LayoutSetBuilder.Names names, CType[] roots)
    {
        var walk = ++_walks;
        var summarized = 0;
        (_lastRecords, _metRecords) = (_metRecords, _lastRecords);
        (_lastEnums, _metEnums) = (_metEnums, _lastEnums);
        (_lastTypedefs, _metTypedefs) = (_metTypedefs, _lastTypedefs);
        _metRecords.Clear();
        _metEnums.Clear();
        _metTypedefs.Clear();

        if (_rootEdges is null || !SameRoots(_roots, roots))
        {
            _rootEdges = Summarize(roots);
            _roots = roots;
        }
        var conflict = false;
        _pending.Push(_rootEdges);
        while (_pending.TryPop(out var edges))
        {
            foreach (var node in edges.Records)
            {
                if (node.Met == walk) continue;
                node.Met = walk;
                _metRecords.Add(node);
                table.Records.TryGetValue(node.Id, out var definition);
                if (node.Edges is null || !ReferenceEquals(node.Definition, definition))
                {
                    node.Definition = definition;
                    node.Edges = definition is null ? Edges.None : SummarizeFields(definition.Fields);
                    summarized++;
                }
                _pending.Push(node.Edges);
            }
            foreach (var node in edges.Enums)
            {
                if (node.Met == walk) continue;
                node.Met = walk;
                _metEnums.Add(node);
            }
            for (var i = 0; i < edges.Typedefs.Length; i++)
            {
                var node = edges.Typedefs[i];
                var type = edges.TypedefTypes[i];
                if (node.Met == walk)
                {
                    if (!SameTypedef(node.Type, type)) conflict = true;
                    continue;
                }
                node.Met = walk;
                _metTypedefs.Add(node);
                if (node.Edges is null || !SameTypedef(node.Type, type)) node.Edges = Summarize([type.Target]);
                // An equal object leaves the edges as they are; keeping it makes the next walk's comparison a reference one.
                node.Type = type;
                _pending.Push(node.Edges);
            }
        }

        if (conflict)
        {
            // Two unequal typedefs of one name: the plain walk decides, and the next cut starts afresh.
            Forget();
            LastCut = (summarized, 0, true);
            return ReachableTypes.From(all, table, names, roots);
        }
        var changed = Patch(all, names);
        LastCut = (summarized, changed, false);
        return _last!;
    }

    private static bool SameTypedef(TypedefType? then, TypedefType now) => ReferenceEquals(then, now) || (then is not null && then.Equals(now));

    private static bool SameRoots(CType[] then, CType[] now)
    {
        if (ReferenceEquals(then, now)) return true;
        if (then.Length != now.Length) return false;
        for (var i = 0; i < then.Length; i++)
        {
            if (!ReferenceEquals(then[i], now[i]) && !then[i].Equals(now[i])) return false;
        }
        return true;
    }

    private Edges SummarizeFields(ImmutableArray<Field> fields)
    {
        foreach (var field in fields) _types.Push(field.Type);
        return Summarize();
    }

    private Edges Summarize(CType[] types)
    {
        foreach (var type in types) _types.Push(type);
        return Summarize();
    }

    /// <summary>The records, enums and typedefs the types pushed reach before any of those (each once).</summary>
    private Edges Summarize()
    {
        var summary = ++_summaries;
        List<RecordNode>? records = null;
        List<EnumNode>? enums = null;
        List<TypedefNode>? typedefs = null;
        List<TypedefType>? typedefTypes = null;
        var parts = new TypeParts.OntoStack(_types);
        while (_types.TryPop(out var type))
        {
            if (TypeParts.Add(type, ref parts)) continue;
            switch (type)
            {
                case TypedefType t:
                {
                    var node = TypedefNodeOf(t.Name);
                    // One edge per typedef object: an unequal second one under the name is for the walk to notice.
                    if (node.Summarized == summary && ReferenceEquals(node.Mentioned, t)) break;
                    node.Summarized = summary;
                    node.Mentioned = t;
                    (typedefs ??= []).Add(node);
                    (typedefTypes ??= []).Add(t);
                    break;
                }
                case EnumType e:
                {
                    var node = EnumNodeOf(e.Id);
                    if (node.Summarized == summary) break;
                    node.Summarized = summary;
                    (enums ??= []).Add(node);
                    break;
                }
                case RecordType r:
                {
                    var node = RecordNodeOf(r.Id);
                    if (node.Summarized == summary) break;
                    node.Summarized = summary;
                    (records ??= []).Add(node);
                    break;
                }
            }
        }
        if (records is null && enums is null && typedefs is null) return Edges.None;
        return new Edges(records?.ToArray() ?? [], enums?.ToArray() ?? [], typedefs?.ToArray() ?? [], typedefTypes?.ToArray() ?? []);
    }

    private RecordNode RecordNodeOf(RecordId id)
    {
        if (!_records.TryGetValue(id, out var node)) _records[id] = node = new RecordNode(id);
        return node;
    }

    private EnumNode EnumNodeOf(EnumId id)
    {
        if (!_enums.TryGetValue(id, out var node)) _enums[id] = node = new EnumNode(id);
        return node;
    }

    private TypedefNode TypedefNodeOf(string name)
    {
        if (!_typedefs.TryGetValue(name, out var node)) _typedefs[name] = node = new TypedefNode(name);
        return node;
    }

    /// <summary>The set of the nodes met, made from the last by the entries that changed; how many nodes changed.</summary>
    private int Patch(LayoutSet all, LayoutSetBuilder.Names names)
    {
        var walk = _walks;
        var changedRecords = new List<(RecordNode Node, RecordLayout? Now)>();
        var changedEnums = new List<(EnumNode Node, EnumLayout? Now)>();
        var changedTypedefs = new List<(TypedefNode Node, TypedefLayout? Now)>();
        // Nodes of the last result no longer met leave it; nodes met map to their entry now (null: not in the set).
        foreach (var node in _lastRecords)
        {
            if (node.Met != walk && node.Entered) changedRecords.Add((node, null));
        }
        foreach (var node in _metRecords)
        {
            var now = names.RecordLayouts.GetValueOrDefault(node.Id);
            if (!node.Entered || !ReferenceEquals(node.Layout, now)) changedRecords.Add((node, now));
        }
        foreach (var node in _lastEnums)
        {
            if (node.Met != walk && node.Entered) changedEnums.Add((node, null));
        }
        foreach (var node in _metEnums)
        {
            var now = names.EnumLayouts.GetValueOrDefault(node.Id);
            if (!node.Entered || !ReferenceEquals(node.Layout, now)) changedEnums.Add((node, now));
        }
        foreach (var node in _lastTypedefs)
        {
            if (node.Met != walk && node.Entered) changedTypedefs.Add((node, null));
        }
        foreach (var node in _metTypedefs)
        {
            var now = names.Typedefs.GetValueOrDefault(node.Name);
            if (!node.Entered || !ReferenceEquals(node.Layout, now)) changedTypedefs.Add((node, now));
        }

        // Every node's old share leaves before any new one comes: two ids of one name always map to one model.
        var touchedRecords = new HashSet<string>(StringComparer.Ordinal);
        var touchedEnums = new HashSet<string>(StringComparer.Ordinal);
        var touchedTypedefs = new HashSet<string>(StringComparer.Ordinal);
        var baseTypesChanged = false;
        foreach (var (node, _) in changedRecords)
        {
            if (node.Entered && node.Layout is { } old)
            {
                Leave(_recordNames, old.Name, touchedRecords);
                foreach (var name in node.BaseTypes) baseTypesChanged |= Unuse(name);
            }
        }
        foreach (var (node, _) in changedEnums)
        {
            if (node.Entered && node.Layout is { } old)
            {
                Leave(_enumNames, old.Name, touchedEnums);
                baseTypesChanged |= Unuse(old.BaseType);
            }
        }
        foreach (var (node, _) in changedTypedefs)
        {
            if (node.Entered && node.Layout is not null)
            {
                Leave(_typedefNames, node.Name, touchedTypedefs);
                if (node.BaseType is { } name) baseTypesChanged |= Unuse(name);
            }
        }
        var recordNames = new List<string>();
        foreach (var (node, now) in changedRecords)
        {
            node.Entered = node.Met == walk;
            node.Layout = node.Entered ? now : null;
            node.BaseTypes = node.Layout is { } layout ? ReachableTypes.BaseTypesOf(layout) : [];
            if (node.Layout is null) continue;
            Enter(_recordNames, node.Layout.Name, node.Layout);
            recordNames.Add(node.Layout.Name);
            foreach (var name in node.BaseTypes) baseTypesChanged |= Use(name);
        }
        var enumNames = new List<string>();
        foreach (var (node, now) in changedEnums)
        {
            node.Entered = node.Met == walk;
            node.Layout = node.Entered ? now : null;
            if (node.Layout is null) continue;
            Enter(_enumNames, node.Layout.Name, node.Layout);
            enumNames.Add(node.Layout.Name);
            baseTypesChanged |= Use(node.Layout.BaseType);
        }
        var typedefNames = new List<string>();
        foreach (var (node, now) in changedTypedefs)
        {
            node.Entered = node.Met == walk;
            node.Layout = node.Entered ? now : null;
            node.BaseType = node.Layout is { } layout ? ReachableTypes.BaseTypeOf(layout.Target) : null;
            if (node.Layout is null) continue;
            Enter(_typedefNames, node.Name, node.Layout);
            typedefNames.Add(node.Name);
            if (node.BaseType is { } name) baseTypesChanged |= Use(name);
        }

        var last = _last ?? LayoutSet.Empty;
        var records = Apply(last.Records, _recordNames, touchedRecords, recordNames);
        var enums = Apply(last.Enums, _enumNames, touchedEnums, enumNames);
        var typedefs = Apply(last.Typedefs, _typedefNames, touchedTypedefs, typedefNames);
        var baseTypes = last.BaseTypes;
        if (_last is null || baseTypesChanged || !ReferenceEquals(all.BaseTypes, _lastAllBaseTypes)) baseTypes = BaseTypes(all.BaseTypes, last.BaseTypes);
        _lastAllBaseTypes = all.BaseTypes;
        if (_last is null || !ReferenceEquals(records, last.Records) || !ReferenceEquals(enums, last.Enums)
            || !ReferenceEquals(typedefs, last.Typedefs) || !ReferenceEquals(baseTypes, last.BaseTypes))
        {
            _last = new LayoutSet(records, enums, typedefs, baseTypes);
        }
        return changedRecords.Count + changedEnums.Count + changedTypedefs.Count;
    }

    /// <summary>One node less maps to <paramref name="name"/>.</summary>
    private static void Leave<T>(Dictionary<string, Share<T>> shares, string name, HashSet<string> touched) where T : class
    {
        var share = shares[name];
        share.Count--;
        touched.Add(name);
    }

    /// <summary>One node more maps to <paramref name="name"/>, whose entry is <paramref name="layout"/> (the names give every id of a name the one entry).</summary>
    private static void Enter<T>(Dictionary<string, Share<T>> shares, string name, T layout) where T : class
    {
        if (!shares.TryGetValue(name, out var share)) shares[name] = share = new Share<T>();
        share.Count++;
        share.Value = layout;
    }

    private bool Use(string name)
    {
        ref var uses = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_baseTypeUses, name, out _);
        return uses++ == 0;
    }

    private bool Unuse(string name)
    {
        ref var uses = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_baseTypeUses, name);
        if (--uses > 0) return false;
        _baseTypeUses.Remove(name);
        return true;
    }

    /// <summary>
    /// <paramref name="last"/> with the names touched or entered set to their share's entry now, or removed when no
    /// node maps to them; an entry equal to the last one under its name keeps the last object (as
    /// <see cref="SortedDictionaryMemory{T}"/> does for <see cref="ReachableTypes.From"/>).
    /// </summary>
    private static ImmutableSortedDictionary<string, T> Apply<T>(ImmutableSortedDictionary<string, T> last, Dictionary<string, Share<T>> shares,
        HashSet<string> touched, List<string> entered) where T : class
    {
        ImmutableSortedDictionary<string, T>.Builder? builder = null;
        foreach (var name in touched) Update(name);
        foreach (var name in entered) Update(name);
        return builder?.ToImmutable() ?? last;

        void Update(string name)
        {
            if (!shares.TryGetValue(name, out var share)) return;
            if (share.Count == 0)
            {
                shares.Remove(name);
                if (last.ContainsKey(name)) (builder ??= last.ToBuilder()).Remove(name);
                return;
            }
            var current = builder is null ? last.GetValueOrDefault(name) : builder.GetValueOrDefault(name);
            if (ReferenceEquals(current, share.Value)) return;
            if (current is not null && current.Equals(share.Value))
            {
                share.Value = current;
                return;
            }
            (builder ??= last.ToBuilder())[name] = share.Value!;
        }
    }

    /// <summary>The base types of <paramref name="all"/> some entry names, as <see cref="ReachableTypes.From"/> keeps them.</summary>
    private ImmutableSortedDictionary<string, BaseTypeLayout> BaseTypes(ImmutableSortedDictionary<string, BaseTypeLayout> all, ImmutableSortedDictionary<string, BaseTypeLayout> last)
    {
        var kept = new Dictionary<string, BaseTypeLayout>(_baseTypeUses.Count, StringComparer.Ordinal);
        foreach (var name in _baseTypeUses.Keys)
        {
            if (all.TryGetValue(name, out var value)) kept[name] = last.TryGetValue(name, out var previous) && previous.Equals(value) ? previous : value;
        }
        if (kept.Count == last.Count && kept.All(p => last.TryGetValue(p.Key, out var previous) && ReferenceEquals(previous, p.Value))) return last;
        return kept.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    /// <summary>Drops the last result: the next cut enters every node met.</summary>
    private void Forget()
    {
        foreach (var node in _records.Values) (node.Entered, node.Layout, node.BaseTypes) = (false, null, []);
        foreach (var node in _enums.Values) (node.Entered, node.Layout) = (false, null);
        foreach (var node in _typedefs.Values) (node.Entered, node.Layout, node.BaseType) = (false, null, null);
        _recordNames.Clear();
        _enumNames.Clear();
        _typedefNames.Clear();
        _baseTypeUses.Clear();
        _last = null;
        _lastAllBaseTypes = null;
        _metRecords.Clear();
        _metEnums.Clear();
        _metTypedefs.Clear();
    }

    /// <summary>What one definition (or the roots) reaches directly; parallel arrays for the typedefs met and the typedef objects met under them.</summary>
    private sealed class Edges(RecordNode[] records, EnumNode[] enums, TypedefNode[] typedefs, TypedefType[] typedefTypes)
    {
        public static readonly Edges None = new([], [], [], []);

        public RecordNode[] Records { get; } = records;

        public EnumNode[] Enums { get; } = enums;

        public TypedefNode[] Typedefs { get; } = typedefs;

        public TypedefType[] TypedefTypes { get; } = typedefTypes;
    }

    /// <summary>A node of the graph: the walk that last met it, the summary that last listed it, whether the last result holds its entry.</summary>
    private abstract class Node
    {
        public int Met;
        public int Summarized;
        public bool Entered;
    }

    private sealed class RecordNode(RecordId id) : Node
    {
        public RecordId Id { get; } = id;

        /// <summary>The definition <see cref="Edges"/> were worked out from (null: none in the table).</summary>
        public RecordDefinition? Definition;

        public Edges? Edges;

        public RecordLayout? Layout;

        public string[] BaseTypes = [];
    }

    private sealed class EnumNode(EnumId id) : Node
    {
        public EnumId Id { get; } = id;

        public EnumLayout? Layout;
    }

    private sealed class TypedefNode(string name) : Node
    {
        public string Name { get; } = name;

        /// <summary>The typedef object <see cref="Edges"/> were worked out from.</summary>
        public TypedefType? Type;

        /// <summary>The typedef object the current summary last listed under this name.</summary>
        public TypedefType? Mentioned;

        public Edges? Edges;

        public TypedefLayout? Layout;

        public string? BaseType;
    }

    /// <summary>How many nodes map to one name, and the entry under it.</summary>
    private sealed class Share<T> where T : class
    {
        public int Count;
        public T? Value;
    }
}
