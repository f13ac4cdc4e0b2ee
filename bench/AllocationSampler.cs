using System.Diagnostics.Tracing;

namespace LayoutExpert.Bench;

/// <summary>
/// The runtime's allocation samples (one GC AllocationTick event per ~100 KB
/// allocated, naming the type that crossed the mark), summed by type while
/// <see cref="Active"/>: where a flip's allocations (and the zeroing they
/// cost) come from. `FLIP_ALLOCS=1 flip-times first-flip ...` prints them.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _bytes = [];

    public bool Active { get; set; }

    protected override void OnEventSourceCreated(EventSource source)
    {
        // Keyword 0x1: GC events; AllocationTick is verbose.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!Active || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t]?.ToString() ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_bytes) _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
    }

    public void Print(int flips)
    {
        lock (_bytes)
        {
            foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(25))
            {
                Console.WriteLine($"  {bytes / 1e6 / flips,8:F2} MB/flip  {type}");
            }
        }
    }
}
