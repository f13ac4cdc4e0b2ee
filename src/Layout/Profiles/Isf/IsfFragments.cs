using LayoutExpert.Layout.Model;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Layout.Profiles.Isf;

/// <summary>How much of one ISF build came from earlier builds.</summary>
public readonly record struct IsfBuildStatistics(int RecordsEncoded, int RecordsReused, int EnumsEncoded, int EnumsReused, bool SymbolsReused);

/// <summary>
/// The encoded pieces of earlier ISF builds, for the next build to reuse: per
/// user type, per enum, and the symbols section, each with the bytes it has in
/// the document, what it looked up beyond itself (<see cref="LayoutReads"/>),
/// the diagnostics encoding it gave and the base types it referred to. A piece
/// is reused only when its input is equal (structurally) and every lookup
/// answers as before, so a build with fragments gives the bytes and
/// diagnostics a fresh build gives; a config change that alters a few types
/// re-encodes those few. Owned by whoever builds profile after profile (one
/// per query database); not shared between threads' builds at once (a build
/// holds it). A piece unused by <see cref="KeptBuilds"/> builds is dropped (checked every <see cref="SweepEvery"/> builds).
/// </summary>
public sealed class IsfFragments
{
    /// <summary>Variants kept per name: a type that differs between configs flipped back and forth keeps both.</summary>
    private const int VariantsPerName = 4;

    private const int KeptBuilds = 8;

    private readonly Dictionary<string, List<RecordFragment>> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EnumFragment>> _enums = new(StringComparer.Ordinal);
    private readonly List<SymbolsFragment> _symbols = [];

    internal int Build { get; private set; }

    /// <summary>What the last build reused and what it encoded.</summary>
    public IsfBuildStatistics LastBuild { get; internal set; }

    /// <summary>How many of the last build's records were copied from the document before it (<see cref="IsfUserTypesRuns"/>).</summary>
    public int LastRecordsKept => Runs.Kept;

    /// <summary>
    /// The buffer documents are put together in, kept from build to build: at
    /// 1.7 MB it lives in the large object heap, where garbage costs full
    /// collections in a process holding a Pre-AST and a database.
    /// </summary>
    internal CanonicalJsonBuilder Document { get; } = new(0);

    /// <summary>The last document's <c>user_types</c>, for the next build to keep what did not change.</summary>
    internal IsfUserTypesRuns Runs { get; } = new();

    internal void BeginBuild() => Build++;

    /// <summary>
    /// A piece for <paramref name="record"/> among the variants kept under its name (records the last document
    /// holds unchanged are kept by <see cref="Runs"/> before this is asked).
    /// </summary>
    internal RecordFragment? FindRecord(RecordLayout record, LayoutReads.Answers answers)
    {
        if (!_records.TryGetValue(record.Name, out var variants)) return null;
        for (var i = 0; i < variants.Count; i++)
        {
            var fragment = variants[i];
            if (!(ReferenceEquals(fragment.Record, record) || fragment.Record.Equals(record)) || !fragment.Reads.StillHold(answers)) continue;
            fragment.LastUsed = Build;
            return fragment;
        }
        return null;
    }

    internal void AddRecord(RecordFragment fragment) => Add(_records, fragment.Record.Name, fragment);

    internal EnumFragment? FindEnum(EnumLayout layout, bool unsignedBase) =>
        Find(_enums, layout.Name, f => f.UnsignedBase == unsignedBase && (ReferenceEquals(f.Layout, layout) || f.Layout.Equals(layout)));

    internal void AddEnum(EnumFragment fragment) => Add(_enums, fragment.Layout.Name, fragment);

    internal SymbolsFragment? FindSymbols(IsfInput input)
    {
        foreach (var fragment in _symbols)
        {
            if (fragment.Matches(input))
            {
                fragment.LastUsed = Build;
                return fragment;
            }
        }
        return null;
    }

    internal void AddSymbols(SymbolsFragment fragment)
    {
        fragment.LastUsed = Build;
        _symbols.Insert(0, fragment);
        if (_symbols.Count > 2) _symbols.RemoveAt(_symbols.Count - 1);
    }

    /// <summary>Builds between sweeps: a sweep walks every name's variants, and a piece kept a few builds longer costs only memory.</summary>
    private const int SweepEvery = 4;

    /// <summary>Drops the pieces no recent build used (types of configs long gone), every few builds.</summary>
    internal void EndBuild()
    {
        if (Build % SweepEvery != 0) return;
        // Pieces kept from document to document are used without being looked up: they stay.
        Runs.MarkUsed(Build);
        Sweep(_records);
        Sweep(_enums);
    }

    private T? Find<T>(Dictionary<string, List<T>> table, string name, Func<T, bool> matches) where T : Fragment
    {
        if (!table.TryGetValue(name, out var variants)) return null;
        for (var i = 0; i < variants.Count; i++)
        {
            var fragment = variants[i];
            if (!matches(fragment)) continue;
            fragment.LastUsed = Build;
            return fragment;
        }
        return null;
    }

    private void Add<T>(Dictionary<string, List<T>> table, string name, T fragment) where T : Fragment
    {
        fragment.LastUsed = Build;
        if (!table.TryGetValue(name, out var variants)) table[name] = variants = new List<T>(1);
        variants.Insert(0, fragment);
        if (variants.Count > VariantsPerName) variants.RemoveAt(variants.Count - 1);
    }

    private void Sweep<T>(Dictionary<string, List<T>> table) where T : Fragment
    {
        List<string>? empty = null;
        foreach (var (name, variants) in table)
        {
            variants.RemoveAll(f => Build - f.LastUsed >= KeptBuilds);
            if (variants.Count == 0) (empty ??= []).Add(name);
        }
        foreach (var name in empty ?? []) table.Remove(name);
    }
}

/// <summary>One encoded piece: its bytes in the document and what encoding it did besides writing them.</summary>
internal abstract class Fragment(byte[] bytes, LayoutReads reads, Diagnostic[] diagnostics, string[] usedBaseTypes)
{
    public byte[] Bytes { get; } = bytes;

    public LayoutReads Reads { get; } = reads;

    /// <summary>Every diagnostic encoding added, repeats included, in order.</summary>
    public Diagnostic[] Diagnostics { get; } = diagnostics;

    public string[] UsedBaseTypes { get; } = usedBaseTypes;

    public int LastUsed { get; set; }
}

/// <summary>A user type: <c>"name": {fields, kind, size}</c> as a member of <c>user_types</c>.</summary>
internal sealed class RecordFragment(RecordLayout record, byte[] bytes, LayoutReads reads, Diagnostic[] diagnostics, string[] usedBaseTypes)
    : Fragment(bytes, reads, diagnostics, usedBaseTypes)
{
    public RecordLayout Record { get; } = record;

    /// <summary>The names read, as <see cref="LayoutReads.Mask"/>.</summary>
    public ulong ReadMask { get; } = reads.Mask();
}

/// <summary>An enum: <c>"name": {base, constants, size}</c> as a member of <c>enums</c>; it looks nothing up beyond its base's sign.</summary>
internal sealed class EnumFragment(EnumLayout layout, bool unsignedBase, byte[] bytes)
    : Fragment(bytes, LayoutReads.None, [], [])
{
    public EnumLayout Layout { get; } = layout;

    public bool UnsignedBase { get; } = unsignedBase;
}

/// <summary>The <c>symbols</c> object: the same while the symbols, their declared types and the banner are.</summary>
internal sealed class SymbolsFragment(IsfInput input, byte[] bytes, LayoutReads reads, Diagnostic[] diagnostics, string[] usedBaseTypes)
    : Fragment(bytes, reads, diagnostics, usedBaseTypes)
{
    private readonly IReadOnlyDictionary<string, ulong> _addresses = Snapshot(input.SymbolAddresses);
    private readonly IReadOnlyDictionary<string, TypeRef> _types = Snapshot(input.SymbolTypes);
    private readonly Symbols.KernelBanner? _banner = input.Banner;
    private readonly bool _mask = input.MaskAddressesTo48Bits;

    public bool Matches(IsfInput input) =>
        input.MaskAddressesTo48Bits == _mask
        && SameBanner(input.Banner)
        && SameEntries(input.SymbolAddresses, _addresses, EqualityComparer<ulong>.Default)
        && SameEntries(input.SymbolTypes, _types, EqualityComparer<TypeRef>.Default)
        && Reads.StillHold(input.Layouts);

    private bool SameBanner(Symbols.KernelBanner? banner) =>
        ReferenceEquals(banner, _banner)
        || (banner is not null && _banner is not null && banner.ConstantData.AsSpan().SequenceEqual(_banner.ConstantData.AsSpan()));

    /// <summary>
    /// The entries as they are now: an immutable dictionary with ordinal keys is
    /// kept as is (the same object holds the same entries later), any other is
    /// copied, as its owner may change it before the next build.
    /// </summary>
    private static IReadOnlyDictionary<string, T> Snapshot<T>(IReadOnlyDictionary<string, T> entries) => entries switch
    {
        System.Collections.Immutable.ImmutableSortedDictionary<string, T> d when ReferenceEquals(d.KeyComparer, StringComparer.Ordinal) => d,
        System.Collections.Immutable.ImmutableDictionary<string, T> d when ReferenceEquals(d.KeyComparer, StringComparer.Ordinal) => d,
        _ => entries.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
    };

    private static bool SameEntries<T>(IReadOnlyDictionary<string, T> now, IReadOnlyDictionary<string, T> then, IEqualityComparer<T> comparer)
    {
        if (ReferenceEquals(now, then)) return true;
        if (now.Count != then.Count) return false;
        foreach (var (key, value) in now)
        {
            if (!then.TryGetValue(key, out var old) || !comparer.Equals(value, old)) return false;
        }
        return true;
    }
}
