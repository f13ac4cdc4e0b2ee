namespace LayoutExpert.Incremental.Tests;

/// <summary>
/// Counts calls of a query function from inside the function itself, so tests check the
/// engine's own statistics against an independent count.
/// </summary>
internal sealed class Counter
{
    public int Count { get; private set; }

    public T Tick<T>(T value)
    {
        Count++;
        return value;
    }
}
