namespace LayoutExpert.Incremental.Engine;

/// <summary>Facts about <see cref="Durability"/> the engine relies on.</summary>
internal static class DurabilityLevels
{
    /// <summary>Number of levels; <see cref="Durability"/> values are 0..Count-1.</summary>
    public const int Count = 3;

    public static void Validate(Durability durability)
    {
        if ((uint)durability >= Count)
            throw new QueryUsageException($"Unknown durability {(int)durability}.");
    }
}
