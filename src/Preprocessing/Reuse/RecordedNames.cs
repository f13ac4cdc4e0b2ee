using LayoutExpert.Preprocessing.Macros;

namespace LayoutExpert.Preprocessing.Reuse;

/// <summary>
/// What one recording saw of each name, by name number, in the order first
/// met: a sparse set (a dense list of entries, and an index from number to
/// place that is trusted only where the entry there names the same number), so
/// it is never cleared. The index is as long as the session has names and is
/// borrowed from <see cref="PreprocessingSession.BorrowNameIndex"/> (and the
/// entries' array from <see cref="PreprocessingSession.BorrowEntries"/>): a file's
/// includes merge some 20,000 reads into it, each one array index instead of
/// a hash probe.
/// </summary>
internal sealed class RecordedNames(PreprocessingSession session)
{
    public struct Entry
    {
        public int Id;
        public bool Read;

        /// <summary>Read (a CONFIG_ name) after this run itself included autoconf.h: see <see cref="FileRun.OptionReads"/>.</summary>
        public bool AfterAutoconf;
        public bool Written;
        public MacroDefinition? Seen;
        public MacroDefinition? Now;

        /// <summary>When the read was made, the first write and the last write, in the times of <see cref="RunParts"/> (own events even, included runs odd).</summary>
        public int ReadTime;
        public int FirstWriteTime;
        public int LastWriteTime;
    }

    private int[] _index = session.BorrowNameIndex();
    private Entry[] _entries = session.BorrowEntries();
    private int _count;

    public int Count => _count;

    /// <summary>The entries, in the order first met.</summary>
    public ReadOnlySpan<Entry> Entries => _entries.AsSpan(0, _count);

    /// <summary>The entry of name number <paramref name="id"/>, added (all false) when new.</summary>
    public ref Entry GetOrAdd(int id, out bool exists)
    {
        if ((uint)id >= (uint)_index.Length) _index = session.GrowNameIndex(_index, id);
        var place = _index[id];
        if ((uint)place < (uint)_count && _entries[place].Id == id)
        {
            exists = true;
            return ref _entries[place];
        }
        if (_count == _entries.Length) Grow();
        _index[id] = _count;
        ref var entry = ref _entries[_count++];
        entry = new Entry { Id = id };
        exists = false;
        return ref entry;
    }

    private void Grow()
    {
        var grown = new Entry[Math.Max(64, _entries.Length * 2)];
        _entries.AsSpan(0, _count).CopyTo(grown);
        session.ReturnEntries(_entries);
        _entries = grown;
    }

    /// <summary>The recording is over: the index goes back to the session for the next recording (the entries stay readable).</summary>
    public void Release()
    {
        if (_index.Length == 0) return;
        session.ReturnNameIndex(_index);
        _index = [];
    }

    /// <summary>The entries have been read: their array goes back to the session too. Nothing may be read after this.</summary>
    public void ReleaseEntries()
    {
        Release();
        if (_entries.Length == 0) return;
        session.ReturnEntries(_entries);
        _entries = [];
        _count = 0;
    }
}
