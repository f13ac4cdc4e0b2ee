using LayoutExpert.Preprocessing.Macros;

namespace LayoutExpert.Preprocessing.Reuse;

/// <summary>What a <see cref="FileRun"/> read and wrote, by name number, as its replay checks and applies them.</summary>
internal sealed class RunNames
{
    private RunNames(KeyValuePair<int, MacroDefinition?>[] reads, int volatileReads, KeyValuePair<int, MacroDefinition?>[] optionReads, KeyValuePair<int, MacroDefinition?>[] writes)
    {
        Reads = reads;
        VolatileReads = volatileReads;
        OptionReads = optionReads;
        Writes = writes;
    }

    /// <summary>See <see cref="FileRun.Reads"/>: the first <see cref="VolatileReads"/> are of CONFIG_ and synthetic names.</summary>
    public KeyValuePair<int, MacroDefinition?>[] Reads { get; }

    public int VolatileReads { get; }

    /// <summary>See <see cref="FileRun.OptionReads"/>.</summary>
    public KeyValuePair<int, MacroDefinition?>[] OptionReads { get; }

    public KeyValuePair<int, MacroDefinition?>[] Writes { get; }

    /// <summary>The arrays of a recording's merged entries, each at its exact size.</summary>
    public static RunNames Of(ReadOnlySpan<RecordedNames.Entry> entries, MacroNames numbers)
    {
        int readCount = 0, optionReadCount = 0, writeCount = 0;
        foreach (ref readonly var entry in entries)
        {
            if (entry.Read && entry.AfterAutoconf) optionReadCount++;
            else if (entry.Read) readCount++;
            if (entry.Written) writeCount++;
        }
        var reads = new KeyValuePair<int, MacroDefinition?>[readCount];
        var optionReads = optionReadCount == 0 ? [] : new KeyValuePair<int, MacroDefinition?>[optionReadCount];
        var writes = writeCount == 0 ? [] : new KeyValuePair<int, MacroDefinition?>[writeCount];
        int volatileReads = 0, nextRead = 0, nextOptionRead = 0, nextWrite = 0;
        foreach (ref readonly var entry in entries)
        {
            var id = entry.Id;
            if (entry.Read && entry.AfterAutoconf)
            {
                optionReads[nextOptionRead++] = new(id, entry.Seen);
            }
            else if (entry.Read)
            {
                reads[nextRead++] = new(id, entry.Seen);
                // What differs between configs first (options, generated headers' texts), so a check fails early.
                if (numbers.IsVolatile(id))
                {
                    (reads[volatileReads], reads[nextRead - 1]) = (reads[nextRead - 1], reads[volatileReads]);
                    volatileReads++;
                }
            }
            if (entry.Written) writes[nextWrite++] = new(id, entry.Now);
        }
        return new RunNames(reads, volatileReads, optionReads, writes);
    }
}
