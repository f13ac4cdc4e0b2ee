using LayoutExpert.Preprocessing.Macros;

namespace LayoutExpert.Preprocessing.Reuse;

/// <summary>
/// A recording as it ended, before its included runs' reads and writes are
/// merged into its own: its own first reads and writes (with when they
/// happened), the runs it included (or replayed) in order, and its segments.
/// Merging is what a recording costs most: a file that runs again because one
/// option changed merges the 20,000 reads of everything it includes, and its
/// new run may never be checked (it is checked only when a later config
/// reaches this file with the same change). So a file's later runs keep their
/// parts and are flattened when first needed (<see cref="Flatten"/>), with the
/// same result as merging while recording.
/// Times order a recording's events: own events made after the j-th
/// included run and before the next are at time 2j, the j-th included run
/// at time 2j + 1 (the first own events, before any included run, at 0).
/// </summary>
internal sealed class RunParts(PreprocessingSession session, RecordedNames.Entry[] own, FileRun[] children, FileRunSegment[] segments, bool volatileOnly)
{
    /// <summary>The recording's own first reads and writes, with their times.</summary>
    public RecordedNames.Entry[] Own { get; } = own;

    /// <summary>The runs included (or replayed) inside the recording, in order: the j-th at time 2j + 1.</summary>
    public FileRun[] Children { get; } = children;

    public FileRunSegment[] Segments { get; } = segments;

    /// <summary>Only CONFIG_ and synthetic names are kept (see <see cref="FileRunRecorder.VolatileOnly"/>).</summary>
    public bool VolatileOnly { get; } = volatileOnly;

    /// <summary>The run's reads and writes: its own with its included runs' merged in.</summary>
    public RunNames Flatten()
    {
        var names = new RecordedNames(session);
        foreach (ref readonly var entry in Own.AsSpan())
        {
            ref var copy = ref names.GetOrAdd(entry.Id, out _);
            copy = entry;
        }
        return Flatten(names, Children, VolatileOnly, session.Names);
    }

    /// <summary>The reads and writes of a recording whose own are in <paramref name="names"/> (given back to the session here), its included runs' merged in.</summary>
    public static RunNames Flatten(RecordedNames names, ReadOnlySpan<FileRun> children, bool volatileOnly, MacroNames numbers)
    {
        MergeChildren(names, children, volatileOnly, numbers);
        names.Release();
        var flat = RunNames.Of(names.Entries, numbers);
        names.ReleaseEntries();
        return flat;
    }

    /// <summary>Merges the included runs' reads and writes, in time order, into <paramref name="names"/>, which holds the own ones.</summary>
    public static void MergeChildren(RecordedNames names, ReadOnlySpan<FileRun> children, bool volatileOnly, MacroNames numbers)
    {
        for (var j = 0; j < children.Length; j++)
        {
            var child = children[j];
            var time = 2 * j + 1;
            // A child's volatile reads come first: they are all a volatile-only recording takes.
            var reads = volatileOnly ? child.Reads.AsSpan(0, child.VolatileReads) : child.Reads;
            foreach (var (id, seen) in reads) MergeRead(names, id, seen, afterAutoconf: false, time);
            foreach (var (id, seen) in child.OptionReads) MergeRead(names, id, seen, afterAutoconf: true, time);
            foreach (var (id, now) in child.Writes)
            {
                if (!volatileOnly || numbers.IsVolatile(id)) MergeWrite(names, id, now, time);
            }
        }
    }

    /// <summary>
    /// A read at <paramref name="time"/>: it is the run's read of the name
    /// unless something touched the name earlier (an earlier read saw what the
    /// run started with; after a write the name is the run's own).
    /// </summary>
    private static void MergeRead(RecordedNames names, int id, MacroDefinition? seen, bool afterAutoconf, int time)
    {
        ref var entry = ref names.GetOrAdd(id, out var exists);
        if (exists && time >= FirstTouch(entry)) return;
        entry.Read = true;
        entry.ReadTime = time;
        entry.Seen = seen;
        entry.AfterAutoconf = afterAutoconf;
    }

    /// <summary>A write at <paramref name="time"/>: a later own read of the name read this write, and the last write is what the run leaves.</summary>
    private static void MergeWrite(RecordedNames names, int id, MacroDefinition? now, int time)
    {
        ref var entry = ref names.GetOrAdd(id, out var exists);
        // Included runs come in time order, so a read after this one is an own read: it saw this write.
        if (exists && entry.Read && entry.ReadTime > time) entry.Read = false;
        if (!exists || !entry.Written)
        {
            entry.Written = true;
            entry.FirstWriteTime = entry.LastWriteTime = time;
            entry.Now = now;
            return;
        }
        if (time < entry.FirstWriteTime) entry.FirstWriteTime = time;
        if (time > entry.LastWriteTime)
        {
            entry.LastWriteTime = time;
            entry.Now = now;
        }
    }

    private static int FirstTouch(in RecordedNames.Entry entry) =>
        Math.Min(entry.Read ? entry.ReadTime : int.MaxValue, entry.Written ? entry.FirstWriteTime : int.MaxValue);
}
