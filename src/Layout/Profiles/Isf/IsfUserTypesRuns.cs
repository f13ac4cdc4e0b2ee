using System.Collections.Immutable;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles.Isf;

/// <summary>
/// The <c>user_types</c> section made from the last document: a record the
/// last build wrote, whose layout object is the same now and none of whose
/// reads (<see cref="LayoutReads"/>) names a typedef, base type or enum that
/// changed since the last build, has the same bytes at its place in the last
/// document; consecutive such records are copied from there in one go, and
/// only the others are looked up or encoded (<see cref="IsfFragments"/>).
/// The base types the section's records refer to are kept as counts, updated
/// by the records that leave and join, not merged again per record.
/// <para>
/// Why a kept record's bytes are right: they were written (or checked) against
/// the last build's layout set, so each read held there; a read names one
/// entry, and an entry that did not change answers the same now. Which reads a
/// record made is summed up as a 64-bit mask of their names' hashes, so a
/// record is checked read by read only when a changed name's bit is in its
/// mask; a record whose mask misses every changed name cannot have read one.
/// </para>
/// Not thread-safe: the owning <see cref="IsfFragments"/> is held by one build at a time.
/// </summary>
internal sealed class IsfUserTypesRuns
{
    private struct Entry
    {
        public RecordLayout Record;
        public RecordFragment Fragment;
        public int Start;
        public int End;
        public ulong Mask;
        public bool HasDiagnostics;
    }

    /// <summary>A piece of the section: bytes [Start, End) of Source.</summary>
    private readonly record struct Segment(byte[] Source, int Start, int End);

    private Entry[] _last = [];
    private int _lastCount;
    private Entry[] _now = [];
    private int _count;
    private byte[] _lastBytes = [];
    private LayoutSet? _lastLayouts;
    private readonly Dictionary<string, int> _baseTypeUses = new(StringComparer.Ordinal);
    private readonly List<Segment> _segments = [];

    private int _cursor;
    private ulong _changed;

    /// <summary>The index in the last document of the record kept last in this build (-2: none), to extend its run.</summary>
    private int _runEnd;

    /// <summary>The section's length so far: "{", the members, their commas.</summary>
    private int _length;

    /// <summary>A build began and did not finish (it threw): the counts and entries are no longer the last document's.</summary>
    private bool _building;

    /// <summary>Records kept from the last document in the current (or last) build.</summary>
    public int Kept { get; private set; }

    public void Begin(LayoutSet layouts)
    {
        if (_building) Forget();
        _building = true;
        (_last, _now) = (_now, _last);
        _lastCount = _count;
        _count = 0;
        _cursor = 0;
        _runEnd = -2;
        _length = 1;
        Kept = 0;
        _segments.Clear();
        _changed = _lastLayouts is { } last ? Changed(last, layouts) : 0;
    }

    /// <summary>
    /// Whether <paramref name="record"/> (asked in name order) is kept from the last document, its diagnostics
    /// replayed into <paramref name="diagnostics"/>; when not, the caller adds the piece it finds or encodes.
    /// </summary>
    public bool TryKeep(RecordLayout record, LayoutReads.Answers answers, DiagnosticBag diagnostics)
    {
        while (_cursor < _lastCount)
        {
            ref var entry = ref _last[_cursor];
            if (ReferenceEquals(entry.Record, record))
            {
                if ((entry.Mask & _changed) != 0 && !entry.Fragment.Reads.StillHold(answers))
                {
                    Leave(ref entry);
                    _cursor++;
                    return false;
                }
                if (entry.HasDiagnostics)
                {
                    foreach (var diagnostic in entry.Fragment.Diagnostics) diagnostics.Add(diagnostic);
                }
                var length = entry.End - entry.Start;
                if (_runEnd == _cursor - 1)
                {
                    var run = _segments[^1];
                    _segments[^1] = run with { End = entry.End };
                    _length++;
                }
                else
                {
                    if (_count > 0) _length++;
                    _segments.Add(new Segment(_lastBytes, entry.Start, entry.End));
                }
                Append(entry.Record, entry.Fragment, entry.Mask, entry.HasDiagnostics, length);
                _runEnd = _cursor;
                _cursor++;
                Kept++;
                return true;
            }
            var order = string.CompareOrdinal(entry.Record.Name, record.Name);
            if (order > 0) return false;
            Leave(ref entry);
            _cursor++;
            if (order == 0) return false;
        }
        return false;
    }

    /// <summary>The piece of <paramref name="fragment"/>'s record, looked up or encoded, as the next member.</summary>
    public void Add(RecordFragment fragment)
    {
        if (_count > 0) _length++;
        _segments.Add(new Segment(fragment.Bytes, 0, fragment.Bytes.Length));
        _runEnd = -2;
        foreach (var name in fragment.UsedBaseTypes) Use(name);
        Append(fragment.Record, fragment, fragment.ReadMask, fragment.Diagnostics.Length > 0, fragment.Bytes.Length);
    }

    /// <summary>The records of the last document after the last one asked leave; what remains is this build's section.</summary>
    public void EndRecords()
    {
        while (_cursor < _lastCount) Leave(ref _last[_cursor++]);
        Array.Clear(_last, 0, _lastCount);
        _lastCount = 0;
    }

    /// <summary>The base types the section's records refer to.</summary>
    public IEnumerable<string> BaseTypes => _baseTypeUses.Keys;

    /// <summary>
    /// The document: <paramref name="prefix"/> (everything before the section's value, up to <c>"user_types": </c>),
    /// the section, and the root's end, as <see cref="CanonicalJsonBuilder"/> would close them: the members' object
    /// at depth 1 then the root at depth 0, and the final new line.
    /// </summary>
    public byte[] Write(ReadOnlySpan<byte> prefix, LayoutSet layouts)
    {
        ReadOnlySpan<byte> close = _count > 0 ? "\n  }\n}\n"u8 : "}\n}\n"u8;
        var bytes = GC.AllocateUninitializedArray<byte>(prefix.Length + _length + close.Length);
        prefix.CopyTo(bytes);
        var at = prefix.Length;
        bytes[at++] = (byte)'{';
        for (var i = 0; i < _segments.Count; i++)
        {
            if (i > 0) bytes[at++] = (byte)',';
            var segment = _segments[i];
            segment.Source.AsSpan(segment.Start, segment.End - segment.Start).CopyTo(bytes.AsSpan(at));
            at += segment.End - segment.Start;
        }
        close.CopyTo(bytes.AsSpan(at));
        for (var i = 0; i < _count; i++)
        {
            _now[i].Start += prefix.Length;
            _now[i].End += prefix.Length;
        }
        _segments.Clear();
        _lastBytes = bytes;
        _lastLayouts = layouts;
        _building = false;
        return bytes;
    }

    /// <summary>The fragments the section holds, for the sweep to keep.</summary>
    public void MarkUsed(int build)
    {
        for (var i = 0; i < _count; i++) _now[i].Fragment.LastUsed = build;
    }

    private void Append(RecordLayout record, RecordFragment fragment, ulong mask, bool hasDiagnostics, int length)
    {
        if (_count == _now.Length) Array.Resize(ref _now, Math.Max(16, _count * 2));
        // Offsets within the section for now; Write moves them to the document's.
        _now[_count++] = new Entry { Record = record, Fragment = fragment, Start = _length, End = _length + length, Mask = mask, HasDiagnostics = hasDiagnostics };
        _length += length;
    }

    private void Leave(ref Entry entry)
    {
        foreach (var name in entry.Fragment.UsedBaseTypes)
        {
            ref var uses = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_baseTypeUses, name);
            if (--uses == 0) _baseTypeUses.Remove(name);
        }
    }

    private void Use(string name) => System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_baseTypeUses, name, out _)++;

    private void Forget()
    {
        Array.Clear(_now);
        Array.Clear(_last);
        _count = 0;
        _lastCount = 0;
        _lastBytes = [];
        _lastLayouts = null;
        _baseTypeUses.Clear();
        _segments.Clear();
    }

    /// <summary>The mask of the names whose answer to a read may differ between <paramref name="last"/> and <paramref name="now"/>.</summary>
    private static ulong Changed(LayoutSet last, LayoutSet now) =>
        Changed(last.Typedefs, now.Typedefs, static (a, b) => a.Equals(b))
        | Changed(last.BaseTypes, now.BaseTypes, static (a, b) => a.Size == b.Size)
        | Changed(last.Enums, now.Enums, static (a, b) => a.Size == b.Size);

    /// <summary>The names in one dictionary and not the other, or whose entries answer differently; both in ordinal order.</summary>
    private static ulong Changed<T>(ImmutableSortedDictionary<string, T> last, ImmutableSortedDictionary<string, T> now, Func<T, T, bool> same)
        where T : class
    {
        if (ReferenceEquals(last, now)) return 0;
        var mask = 0UL;
        using var a = last.GetEnumerator();
        using var b = now.GetEnumerator();
        var hasA = a.MoveNext();
        var hasB = b.MoveNext();
        while (hasA || hasB)
        {
            var order = !hasA ? 1 : !hasB ? -1 : string.CompareOrdinal(a.Current.Key, b.Current.Key);
            if (order < 0)
            {
                mask |= LayoutReads.MaskOf(a.Current.Key);
                hasA = a.MoveNext();
            }
            else if (order > 0)
            {
                mask |= LayoutReads.MaskOf(b.Current.Key);
                hasB = b.MoveNext();
            }
            else
            {
                if (!ReferenceEquals(a.Current.Value, b.Current.Value) && !same(a.Current.Value, b.Current.Value)) mask |= LayoutReads.MaskOf(a.Current.Key);
                hasA = a.MoveNext();
                hasB = b.MoveNext();
            }
        }
        return mask;
    }
}
