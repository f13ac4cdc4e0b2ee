namespace LayoutExpert.Preprocessing.Config;

/// <summary>
/// How Kconfig's symbol table is hashed, which fixes the order in which
/// conf_write_autoconf writes autoconf.h: it walks the table bucket by bucket
/// (for_all_symbols), and a bucket lists its symbols newest first (new symbols
/// are put at the head of the chain). The hash is 32-bit FNV-1 over the name
/// without CONFIG_ (strhash / hash_str). Up to 6.8 the table had 9973 buckets;
/// 6.9 moved Kconfig to hashtable.h with 1 &lt;&lt; 14 buckets. Both measured:
/// bucket numbers are non-decreasing down the 6.1 and 6.12 autoconf.h files.
/// </summary>
public sealed record KconfigHashScheme(uint BucketCount)
{
    public static readonly KconfigHashScheme Prime9973 = new(9973);

    public static readonly KconfigHashScheme PowerOfTwo16384 = new(1u << 14);

    public static IReadOnlyList<KconfigHashScheme> Known { get; } = [Prime9973, PowerOfTwo16384];

    public static KconfigHashScheme ForKernelVersion(int major, int minor) =>
        (major, minor).CompareTo((6, 9)) >= 0 ? PowerOfTwo16384 : Prime9973;

    public uint Bucket(string name) => Fnv1(name) % BucketCount;

    /// <summary>32-bit FNV-1 over the name's bytes (hash = (hash ^ byte) * 16777619, starting from 2166136261).</summary>
    public static uint Fnv1(string name)
    {
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(name))
        {
            hash = unchecked((hash ^ b) * 0x01000193u);
        }
        return hash;
    }

    /// <summary>The known scheme under which the symbols (in autoconf.h order) sit in non-decreasing buckets, or null.</summary>
    public static KconfigHashScheme? Detect(IEnumerable<IReadOnlyList<string>> symbolOrders)
    {
        var orders = symbolOrders.ToList();
        return Known.FirstOrDefault(scheme => orders.All(order => IsNonDecreasing(order.Select(scheme.Bucket))));
    }

    private static bool IsNonDecreasing(IEnumerable<uint> values)
    {
        uint previous = 0;
        foreach (var v in values)
        {
            if (v < previous) return false;
            previous = v;
        }
        return true;
    }
}
