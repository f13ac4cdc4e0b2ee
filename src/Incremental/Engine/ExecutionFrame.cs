namespace LayoutExpert.Incremental.Engine;

/// <summary>
/// Collects the reads of one running query function. Frames are reused by nesting depth, so a
/// run allocates only the final dependency array.
/// </summary>
internal sealed class ExecutionFrame
{
    private readonly List<Slot> _reads = new(8);

    /// <summary>Unique per execution within the database; see <see cref="Slot.RecordedBy"/>.</summary>
    internal long Stamp;

    /// <summary>Minimum durability of everything read so far (High when nothing was read).</summary>
    internal Durability Durability;

    /// <summary>Latest changed-at of everything read so far.</summary>
    internal long MaxChangedAt;

    internal void Start(long stamp)
    {
        Stamp = stamp;
        Durability = Durability.High;
        // A function that reads nothing is a constant: it has had its value since the start.
        MaxChangedAt = Revision.First.Number;
        _reads.Clear();
    }

    internal void Record(Slot slot)
    {
        if (slot.RecordedBy != Stamp)
        {
            slot.RecordedBy = Stamp;
            _reads.Add(slot);
        }
        if (slot.Durability < Durability) Durability = slot.Durability;
        if (slot.ChangedAt > MaxChangedAt) MaxChangedAt = slot.ChangedAt;
    }

    internal void Discard() => _reads.Clear();

    /// <summary>The reads as an exact-size array; the frame is left empty.</summary>
    internal Slot[] TakeReads()
    {
        var reads = _reads.Count == 0 ? [] : _reads.ToArray();
        _reads.Clear();
        return reads;
    }
}
