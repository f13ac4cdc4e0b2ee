using LayoutExpert.Semantics.Trimming;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing.Nodes;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// How the last bind with a <see cref="BindingReuse"/> went: items replayed from a record, bound and recorded, bound without a record;
/// or, <paramref name="Whole"/>, the unit was one bound before and that bind's result was taken (its items counted as replayed).
/// Of the items replayed, <paramref name="InBlocks"/> were replayed as <paramref name="Blocks"/> runs (see <see cref="ItemBlock"/>), of which
/// <paramref name="BodiesMade"/> had their body made when this bind met them (runs an earlier bind kept unmade, see <see cref="BindingReuse"/>).
/// </summary>
public readonly record struct BindingStatistics(int Replayed, int Recorded, int NotRecorded, bool Whole = false, int InBlocks = 0, int Blocks = 0, int BodiesMade = 0)
{
    public int Items => Replayed + Recorded + NotRecorded;

    public override string ToString() =>
        Whole ? $"{Replayed} taken whole from an earlier bind of the same unit"
        : $"{Replayed} replayed ({InBlocks} in {Blocks} blocks{(BodiesMade > 0 ? $", {BodiesMade} made on first use" : "")}), {Recorded} bound, {NotRecorded} bound unrecorded";
}

/// <summary>
/// Binding records kept across binds of one source (one per query database,
/// as the parser's <c>ReusableDeclarations</c>): for each file-scope item
/// bound, what it read of the binder's state and what it did. A later bind
/// meeting the same green node (the parser hands an unchanged declaration
/// back as the same object) replays a record whose every read answers the
/// same now instead of binding the item: the result is the one a fresh bind
/// gives, since an item's binding is a function of its tokens and what it
/// reads. Records are kept per node, newest first, up to four (flipping an
/// option back and forth needs two); nodes no bind met in the last eight are
/// dropped. Records are valid only for the options they were made with.
/// Not thread-safe: one bind at a time.
/// </summary>
public sealed class BindingReuse
{
    private const int RecordsPerNode = 4;
    private const int KeepBinds = 8;

    private readonly Dictionary<GreenNode, Entry> _entries = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<GreenNode, BlockEntry> _blocks = new(ReferenceEqualityComparer.Instance);
    private BinderOptions? _options;
    private int _bind;
    private int _replayed, _recorded, _notRecorded, _inBlocks, _blocksReplayed, _bodiesMade;

    /// <summary>How the last bind's result was patched from the one before.</summary>
    public ResultStatistics LastResult => Results.Last;

    /// <summary>The statistics of the last bind.</summary>
    public BindingStatistics LastBind { get; private set; }

    /// <summary>Why items were not recorded in the last bind, with counts.</summary>
    public IReadOnlyDictionary<string, int> LastRefusals => _refusals;

    private readonly Dictionary<string, int> _refusals = new(StringComparer.Ordinal);

    /// <summary>The trimmer's kinds of the nodes met, for binds that trim first.</summary>
    public TrimCache Trims { get; } = new();

    /// <summary>
    /// What the layout engine's answers depend on besides the definitions bound
    /// (the driver sets its layout options; compared with <see cref="object.Equals(object)"/>).
    /// While it is set, the last few binds are kept whole and a unit bound
    /// again under equal options and identity takes its result (see <see cref="WholeBinds"/>);
    /// unset, every bind replays item by item, which checks the layout answers it read.
    /// </summary>
    public object? LayoutIdentity { get; set; }

    private readonly WholeBinds _whole = new();

    /// <summary>
    /// The result of a kept bind of the same unit (null: none, or no layout identity), counted as the last bind.
    /// Not a bind for the ages of records: flipping between two configs keeps the records a third needs.
    /// </summary>
    internal WholeBinds.WholeBind? TakeWhole(TranslationUnitSyntax unit, BinderOptions options)
    {
        if (LayoutIdentity is not { } identity || _options is null || !_options.Equals(options)) return null;
        if (_whole.Find(unit, identity) is not { } kept) return null;
        LastBind = new BindingStatistics(kept.Items, 0, 0, Whole: true);
        _refusals.Clear();
        return kept;
    }

    /// <summary>Keeps a bind of a unit whole (with a layout identity; see <see cref="TakeWhole"/>).</summary>
    internal void KeepWhole(TranslationUnitSyntax unit, BoundTranslationUnit result, ITypeDefinitions definitions)
    {
        if (LayoutIdentity is { } identity) _whole.Add(unit, identity, result, definitions, LastBind.Items);
    }

    /// <summary>The numbers of the names records refer to (never renumbered, so every record stays valid).</summary>
    internal NameTable Names { get; } = new();

    /// <summary>The numbers of the record and enum ids records read and add (never renumbered).</summary>
    internal DefinitionNumbers Definitions { get; } = new();

    private NameArrays? _arrays;

    /// <summary>The arrays by name number for the next bind, cleared (one bind at a time uses them).</summary>
    internal NameArrays ClearedArrays()
    {
        if (_arrays is null) return _arrays = new NameArrays(Names.Count + 1024);
        _arrays.Clear();
        return _arrays;
    }

    /// <summary>How large the last bind's tables grew (the next bind's are made that large).</summary>
    internal BinderSizes Sizes { get; set; }

    /// <summary>The last result's pieces, patched into the next.</summary>
    internal ResultCache Results { get; } = new();

    /// <summary>How many nodes have records.</summary>
    public int Count => _entries.Count;

    internal void Begin(BinderOptions options)
    {
        if (_options is not null && !_options.Equals(options))
        {
            _entries.Clear();
            _blocks.Clear();
            _whole.Clear();
        }
        _options = options;
        _bind++;
        // The binds before replayed little of what the binds before them kept: their nodes are not met again
        // (a unit parsed anew each time), so blocks made now would not be either.
        KeepsBlocks = _bind <= 2 || LastBind.Replayed * 2 >= LastBind.Items;
        _replayed = _recorded = _notRecorded = _inBlocks = _blocksReplayed = _bodiesMade = 0;
        _refusals.Clear();
        _made.Clear();
    }

    internal void End()
    {
        LastBind = new BindingStatistics(_replayed, _recorded, _notRecorded, InBlocks: _inBlocks, Blocks: _blocksReplayed, BodiesMade: _bodiesMade);
        if (_inBlocks * 2 < LastBind.Items)
        {
            // A bind that replayed few items in blocks (a first bind, or one after a large change): the next bind
            // meets most of the runs it kept, so their bodies are made now, in the slow bind.
            foreach (var block in _made) block.MakeBody(Merger);
        }
        _made.Clear();
        if (_bind % 4 != 0) return;
        List<GreenNode>? stale = null;
        foreach (var (green, entry) in _entries)
        {
            if (_bind - entry.LastBind >= KeepBinds) (stale ??= []).Add(green);
        }
        if (stale is not null)
        {
            foreach (var green in stale) _entries.Remove(green);
        }
        stale = null;
        foreach (var (green, entry) in _blocks)
        {
            if (_bind - entry.LastBind >= KeepBinds) (stale ??= []).Add(green);
        }
        if (stale is not null)
        {
            foreach (var green in stale)
            {
                foreach (var block in _blocks[green].Blocks) block.Next = null;
                _blocks.Remove(green);
            }
        }
    }

    /// <summary>
    /// About how many items a run of items kept as one block holds (a power of
    /// two; see <see cref="ItemBlock"/>): longer runs are fewer checks for an
    /// unchanged stretch, shorter ones fail less often (one changed read fails
    /// its run, whose items then replay one by one).
    /// </summary>
    public int RunLength
    {
        get => _runLength;
        init
        {
            if (value < 1 || (value & (value - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(value), value, "a power of two");
            _runLength = value;
        }
    }

    private readonly int _runLength = 32;

    /// <summary>
    /// Whether the bind under way keeps its runs as blocks: always in the first
    /// two binds, then while the bind before replayed at least half its items.
    /// </summary>
    internal bool KeepsBlocks { get; private set; }

    /// <summary>Cuts the runs of the bind under way into blocks (one bind at a time uses it).</summary>
    internal BlockBuilder Builder { get; } = new();

    /// <summary>Makes blocks' bodies (one at a time).</summary>
    internal BlockMerger Merger { get; } = new();

    // The blocks the bind under way made.
    private readonly List<ItemBlock> _made = [];

    /// <summary>
    /// A block about to be checked, its body made if it had none: a block made
    /// in a bind that replayed most of its items in blocks (a first visit to a
    /// config) is kept as its nodes and records alone. Such a bind made blocks
    /// only around what it changed, which a later bind meets only if it keeps
    /// those changes; so their bodies (merging every record's reads and
    /// effects, ~20 % of such a bind's binding) are made when first met.
    /// </summary>
    internal ItemBlock WithBody(ItemBlock block)
    {
        if (block.HasBody) return block;
        block.MakeBody(Merger);
        _bodiesMade++;
        return block;
    }

    /// <summary>The blocks starting at a node, newest first (null when none), marking them as met in this bind.</summary>
    internal List<ItemBlock>? BlocksOf(GreenNode green)
    {
        if (!_blocks.TryGetValue(green, out var entry)) return null;
        entry.LastBind = _bind;
        return entry.Blocks;
    }

    internal void ReplayedBlock(ItemBlock block)
    {
        _replayed += block.Length;
        _inBlocks += block.Length;
        _blocksReplayed++;
    }

    /// <summary>Keeps the block the builder made (up to four per first node, newest first).</summary>
    internal void AddBlock(ItemBlock block)
    {
        _made.Add(block);
        if (!_blocks.TryGetValue(block.First, out var entry)) _blocks[block.First] = entry = new BlockEntry();
        entry.LastBind = _bind;
        block.Owner = entry;
        entry.Blocks.Insert(0, block);
        if (entry.Blocks.Count > RecordsPerNode)
        {
            // A dropped block may still be another's next (a hint): it holds no next of its own, so dropped blocks are at most one per kept block.
            entry.Blocks[^1].Next = null;
            entry.Blocks.RemoveAt(entry.Blocks.Count - 1);
        }
    }

    /// <summary>A block found as the next of the block before (not looked up by node): its node is met in this bind.</summary>
    internal void MetBlock(ItemBlock block)
    {
        if (block.Owner is { } entry) entry.LastBind = _bind;
    }

    /// <summary>The records of a node, newest first (null when none), marking the node as met in this bind.</summary>
    internal List<ItemRecord>? RecordsOf(GreenNode green)
    {
        if (!_entries.TryGetValue(green, out var entry)) return null;
        entry.LastBind = _bind;
        return entry.Records;
    }

    internal void Replayed() => _replayed++;

    internal void Add(ItemRecord record)
    {
        _recorded++;
        if (!_entries.TryGetValue(record.Green, out var entry)) _entries[record.Green] = entry = new Entry();
        entry.LastBind = _bind;
        entry.Records.Insert(0, record);
        if (entry.Records.Count > RecordsPerNode) entry.Records.RemoveAt(entry.Records.Count - 1);
    }

    internal void NotRecorded(string reason)
    {
        _notRecorded++;
        _refusals[reason] = _refusals.GetValueOrDefault(reason) + 1;
    }

    /// <summary>The blocks starting at one node, newest first, and the last bind that met the node.</summary>
    internal sealed class BlockEntry
    {
        public List<ItemBlock> Blocks { get; } = [];

        public int LastBind { get; set; }
    }

    private sealed class Entry
    {
        public List<ItemRecord> Records { get; } = [];

        public int LastBind { get; set; }
    }
}
