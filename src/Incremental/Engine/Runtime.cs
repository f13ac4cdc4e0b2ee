using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace LayoutExpert.Incremental.Engine;

/// <summary>
/// The mutable heart of one database: the revision clock, the last revision each durability level
/// changed, the stack of memos being computed or verified (for cycle detection) and the frames
/// recording what running query functions read. Not thread-safe by design (see <see cref="Database"/>).
/// </summary>
internal sealed class Runtime
{
    private const int RetainedFrames = 256;

    private readonly long[] _lastChangedAtOrAbove = new long[DurabilityLevels.Count];
    private readonly List<Slot> _active = [];
    private ExecutionFrame[] _frames = [];
    private int _executing;
    private long _stamps;

    internal Runtime(Database database)
    {
        Database = database;
        Context = new QueryContext(database);
        Array.Fill(_lastChangedAtOrAbove, Revision.First.Number);
    }

    internal Database Database { get; }

    /// <summary>The one context handed to every query function of this database.</summary>
    internal QueryContext Context { get; }

    /// <summary>The current revision; a plain field because every fetch compares against it.</summary>
    internal long Current = Revision.First.Number;

    /// <summary>True while any query function runs or any memo is being verified.</summary>
    internal bool IsBusy => _active.Count != 0;

    /// <summary>Last revision in which an input of durability <paramref name="level"/> or above changed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long LastChangedAtOrAbove(Durability level) => _lastChangedAtOrAbove[(int)level];

    /// <summary>
    /// Starts a new revision. Memos of durability up to <paramref name="invalidatedUpTo"/> may
    /// have read the changed input and lose their O(1) verification; null when nobody can have
    /// read it (a key that did not exist).
    /// </summary>
    internal long NewRevision(Durability? invalidatedUpTo)
    {
        Current++;
        if (invalidatedUpTo is { } top)
        {
            for (var level = 0; level <= (int)top; level++) _lastChangedAtOrAbove[level] = Current;
        }
        return Current;
    }

    /// <summary>Records a read into the innermost running query function, if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void RecordRead(Slot slot)
    {
        if (_executing != 0) _frames[_executing - 1].Record(slot);
    }

    /// <summary>Marks a memo as being verified; throws on a cycle or an exhausted stack.</summary>
    internal void Enter(Slot slot)
    {
        if (slot.InProgress) throw Cycle(slot);
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new QueryTooDeepException(_active.Count, slot.Describe());
        slot.InProgress = true;
        _active.Add(slot);
    }

    internal void Leave(Slot slot)
    {
        slot.InProgress = false;
        _active.RemoveAt(_active.Count - 1);
    }

    /// <summary>Marks a memo as running and opens a frame for its reads.</summary>
    internal ExecutionFrame BeginExecution(Slot slot)
    {
        Enter(slot);
        if (_executing == _frames.Length)
        {
            Array.Resize(ref _frames, Math.Max(8, _frames.Length * 2));
            for (var i = _executing; i < _frames.Length; i++) _frames[i] = new ExecutionFrame();
        }
        var frame = _frames[_executing++];
        frame.Start(++_stamps);
        return frame;
    }

    internal void EndExecution(Slot slot)
    {
        _executing--;
        Leave(slot);
        // One very deep nesting should not pin thousands of frames for the database's lifetime.
        if (_executing == 0 && _frames.Length > RetainedFrames) Array.Resize(ref _frames, RetainedFrames);
    }

    private QueryCycleException Cycle(Slot repeated)
    {
        var start = _active.LastIndexOf(repeated);
        var cycle = ImmutableArray.CreateBuilder<QueryKey>(_active.Count - start);
        for (var i = start; i < _active.Count; i++) cycle.Add(_active[i].Describe());
        return new QueryCycleException(cycle.MoveToImmutable());
    }
}
