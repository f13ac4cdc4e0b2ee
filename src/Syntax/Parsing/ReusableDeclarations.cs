using System.Numerics;
using System.Runtime.CompilerServices;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// The external declarations earlier parses produced, kept so a later parse
/// of mostly the same tokens takes them instead of parsing them again: a kernel
/// unit preprocessed under a config that differs by one option is mostly the
/// same green tokens (when the same <see cref="GreenNodeCache"/> made them),
/// so the re-parse reads most of it by reference comparison.
/// A declaration is reused only where the next input tokens are the very
/// token objects it was parsed from and every typedef-name question its parse
/// asked of the file scope has the same answer now; its file-scope
/// declarations are then applied again. The result equals a fresh parse.
/// Runs of declarations one parse took or made one after the other are also
/// kept as blocks (<see cref="ReusableBlock"/>), taken at once where all of
/// their tokens are the same and their outside questions get the same answers.
/// Owned by the caller across parses (one per query database), one parse at a
/// time; call <see cref="Trim"/> to bound the memory.
/// </summary>
public sealed class ReusableDeclarations
{
    /// <summary>Tokens hashed for the lookup key; longer declarations share a key by their first this many tokens.</summary>
    internal const int KeyTokens = 64;

    /// <summary>
    /// The most declarations a block holds: a block whose tokens changed
    /// anywhere is taken declaration by declaration, so blocks stay short
    /// enough for that to be cheap.
    /// </summary>
    internal const int MaxBlock = 128;

    /// <summary>Blocks looked up per first declaration (one per recent config that differs there).</summary>
    internal const int BlocksPerDeclaration = 4;

    /// <summary>Declarations no kept block holds.</summary>
    private readonly List<ReusableDeclaration> _loose = [];

    private readonly List<ReusableBlock> _blocks = [];

    /// <summary>Declarations some kept block holds.</summary>
    private int _owned;

    /// <summary>Entries by the hash of their first min(length, <see cref="KeyTokens"/>) tokens and that length.</summary>
    private readonly Dictionary<long, ReusableDeclaration> _byKey = [];

    /// <summary>
    /// Per first two tokens (<see cref="Start"/>; the first alone for entries of
    /// one token), the key lengths in use: bit n (1..63) for entries of n
    /// tokens, bit 0 for entries of <see cref="KeyTokens"/> or more. A lookup
    /// probes only those (a length no entry has any more after a trim, or one
    /// of another start with the same identity hashes, costs a probe, nothing
    /// else): a declaration parsed afresh, which nothing matches, probes the
    /// lengths of its own start ("struct page"), not of every declaration
    /// sharing its first token ("struct").
    /// </summary>
    private readonly Dictionary<long, ulong> _keyLengths = [];

    /// <summary>
    /// One bit per key in use (by a hash of the key; bits are set, never
    /// cleared but by <see cref="Clear"/>): a lookup probes the table only for
    /// a key whose bit is set. A declaration parsed afresh, which no key
    /// matches, so tests a few bits of 128 KB instead of missing in a large
    /// table some 30 times.
    /// </summary>
    private readonly ulong[] _keyFilter = new ulong[1 << (KeyFilterBits - 6)];

    private const int KeyFilterBits = 20;

    private int _parses;

    /// <summary>File-scope names, kept so logged facts and effects point at them.</summary>
    internal FileScopeNames Names { get; } = new();
    private int? _maxNesting;
    private bool _parsing;

    /// <summary>How many declarations are kept.</summary>
    public int Count => _loose.Count + _owned;

    /// <summary>How many blocks are kept.</summary>
    public int BlockCount => _blocks.Count;

    /// <summary>How the latest parse went.</summary>
    public ReuseStatistics LastParse { get; private set; }

    /// <summary>
    /// Drops the declarations and blocks none of the latest <paramref name="keepParses"/>
    /// parses produced or reused, so memory follows what recent inputs need.
    /// </summary>
    public void Trim(int keepParses = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keepParses, 1);
        EndBlocks();
        var oldest = _parses - keepParses + 1;
        var dropped = false;
        // Blocks first: a dropped block's declarations are kept only while used on their own or held by another block.
        if (_blocks.Exists(b => b.LastUsed < oldest))
        {
            foreach (var block in _blocks)
            {
                if (block.LastUsed >= oldest) continue;
                block.Entries[0].Blocks!.Remove(block);
                foreach (var entry in block.Entries)
                {
                    if (--entry.Owners > 0) continue;
                    _owned--;
                    if (entry.LastUsed >= oldest) _loose.Add(entry);
                    else
                    {
                        Drop(entry);
                        dropped = true;
                    }
                }
            }
            _blocks.RemoveAll(b => b.LastUsed < oldest);
        }
        if (_loose.Exists(e => e.LastUsed < oldest))
        {
            foreach (var entry in _loose)
            {
                if (entry.LastUsed < oldest) Drop(entry);
            }
            _loose.RemoveAll(e => e.LastUsed < oldest);
            dropped = true;
        }
        if (!dropped) return;
        // A successor that was dropped must not keep its tree alive.
        foreach (var entry in _loose)
        {
            if (entry.Successor is { Dropped: true }) entry.Successor = null;
        }
        foreach (var block in _blocks)
        {
            foreach (var entry in block.Entries)
            {
                if (entry.Successor is { Dropped: true }) entry.Successor = null;
            }
        }
    }

    /// <summary>The version of the last parse's input (see <see cref="ParserTokens.Version"/>): entries that parse made or took were read there.</summary>
    internal object? LastVersion { get; private set; }

    /// <summary>Drops everything.</summary>
    public void Clear()
    {
        LastVersion = null;
        Names.Clear();
        _loose.Clear();
        _blocks.Clear();
        _owned = 0;
        _byKey.Clear();
        _keyLengths.Clear();
        Array.Clear(_keyFilter);
    }

    /// <summary>Starts a parse; returns its number. Entries from parses under another nesting limit are dropped (the limit changes trees).</summary>
    internal int BeginParse(CParserOptions options)
    {
        if (_parsing) throw new InvalidOperationException("ReusableDeclarations serves one parse at a time.");
        _parsing = true;
        if (_maxNesting != options.MaxNesting) Clear();
        _maxNesting = options.MaxNesting;
        return ++_parses;
    }

    internal void EndParse(ReuseStatistics statistics, object? inputVersion)
    {
        LastParse = statistics;
        LastVersion = inputVersion;
        _parsing = false;
    }

    internal void Add(ReusableDeclaration entry)
    {
        _loose.Add(entry);
        var tokens = entry.Tokens;
        var length = Math.Min(tokens.Length, KeyTokens);
        if (entry.Key == ReusableDeclaration.NoKey)
        {
            var hash = 0u;
            for (var i = 0; i < length; i++) hash = Mix(hash, tokens[i]);
            entry.Key = Key(hash, length);
        }
        var key = entry.Key;
        var bit = FilterBit(key);
        _keyFilter[bit >> 6] |= 1UL << bit;
        if (_byKey.TryGetValue(key, out var first)) entry.NextWithSameKey = first;
        _byKey[key] = entry;
        var start = Start(tokens[0], tokens.Length > 1 ? tokens[1] : null);
        _keyLengths.TryGetValue(start, out var lengths);
        _keyLengths[start] = lengths | LengthBit(length);
    }

    /// <summary>
    /// Keeps <paramref name="entries"/>, which a parse took or made one after
    /// the other from <paramref name="start"/> of its input, as blocks of at
    /// most <see cref="MaxBlock"/>.
    /// </summary>
    internal void AddBlocks(List<ReusableDeclaration> entries, int start, int parse)
    {
        for (var first = 0; first < entries.Count; first += MaxBlock)
        {
            var count = Math.Min(MaxBlock, entries.Count - first);
            if (count < 2) break;
            var members = entries.GetRange(first, count).ToArray();
            // Every token any of them read: each one's tokens from where it started. Those are the input's there (they
            // were read from it or found the same), so the block is written from them: the input need not be read.
            var end = 0;
            var at = 0;
            foreach (var entry in members)
            {
                end = Math.Max(end, at + entry.Tokens.Length);
                at += entry.Consumed;
            }
            var tokens = new GreenToken[end];
            at = 0;
            foreach (var entry in members)
            {
                entry.Tokens.CopyTo(tokens.AsSpan(at));
                at += entry.Consumed;
            }
            var block = new ReusableBlock(members, tokens, Names.NextLogSerial(), _scratch) { LastUsed = parse, LastStart = start };
            at = 0;
            foreach (var entry in members)
            {
                entry.ShareTokens(tokens, at);
                at += entry.Consumed;
                if (entry.Owners++ == 0)
                {
                    _owned++;
                    _looseToCompact = true;
                }
            }
            var list = members[0].Blocks ??= [];
            list.Insert(0, block);
            // Older blocks past the limit can no longer be found: the next trim drops them.
            if (list.Count > BlocksPerDeclaration) list.RemoveAt(list.Count - 1);
            _blocks.Add(block);
            start += block.Consumed;
        }
    }

    /// <summary>Lists a block's summary is built in.</summary>
    private readonly (List<FileScopeFact>, List<FileScopeName>) _scratch = ([], []);

    /// <summary>Set when declarations joined blocks: <see cref="EndBlocks"/> takes them out of the loose list once per parse.</summary>
    private bool _looseToCompact;

    /// <summary>After a parse's blocks are made: the declarations they took leave the loose list.</summary>
    internal void EndBlocks()
    {
        if (!_looseToCompact) return;
        _loose.RemoveAll(e => e.Owners > 0);
        _looseToCompact = false;
    }

    /// <summary>Takes a dropped entry out of its key's chain.</summary>
    private void Drop(ReusableDeclaration entry)
    {
        entry.Dropped = true;
        entry.Successor = null;
        entry.Blocks = null;
        if (!_byKey.TryGetValue(entry.Key, out var first)) return;
        if (ReferenceEquals(first, entry))
        {
            if (entry.NextWithSameKey is { } rest) _byKey[entry.Key] = rest;
            else _byKey.Remove(entry.Key);
        }
        else
        {
            var before = first;
            while (before.NextWithSameKey is { } next && !ReferenceEquals(next, entry)) before = next;
            if (ReferenceEquals(before.NextWithSameKey, entry)) before.NextWithSameKey = entry.NextWithSameKey;
        }
        entry.NextWithSameKey = null;
    }

    /// <summary>The first entry whose key matches the input at <paramref name="start"/>, with the others after it through <see cref="ReusableDeclaration.NextWithSameKey"/>; each key length in use is tried, shortest first.</summary>
    internal IEnumerable<ReusableDeclaration> Candidates(GreenToken[] input, int count, int start)
    {
        // Entries of one token are kept under their first token alone (bit 1); longer ones under their first two.
        _keyLengths.TryGetValue(Start(input[start], null), out var lengths);
        lengths &= LengthBit(1);
        if (start + 1 < count && _keyLengths.TryGetValue(Start(input[start], input[start + 1]), out var longer)) lengths |= longer;
        if (lengths == 0) yield break;
        var hash = 0u;
        var available = Math.Min(KeyTokens, count - start);
        for (var length = 1; length <= available; length++)
        {
            hash = Mix(hash, input[start + length - 1]);
            if ((lengths & LengthBit(length)) == 0)
            {
                // No entry this long or longer: stop hashing.
                if ((lengths & 1) == 0 && lengths >> length == 0) yield break;
                continue;
            }
            var key = Key(hash, length);
            var bit = FilterBit(key);
            if ((_keyFilter[bit >> 6] & (1UL << bit)) == 0) continue;
            for (var entry = _byKey.GetValueOrDefault(key); entry is not null; entry = entry.NextWithSameKey)
            {
                yield return entry;
            }
        }
    }

    /// <summary>The identity hashes of an entry's first two tokens (the second null for an entry of one token).</summary>
    private static long Start(GreenToken first, GreenToken? second) =>
        ((long)RuntimeHelpers.GetHashCode(first) << 32) | (uint)(second is null ? 0 : RuntimeHelpers.GetHashCode(second));

    /// <summary>The bit of <see cref="_keyFilter"/> for <paramref name="key"/> (the shift of a ulong takes its low six bits).</summary>
    private static int FilterBit(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> (64 - KeyFilterBits));

    private static ulong LengthBit(int length) => length >= KeyTokens ? 1UL : 1UL << length;

    private static long Key(uint hash, int length) => ((long)hash << 8) | (uint)length;

    /// <summary>Identity hashes of the tokens, mixed (the tokens are compared by reference).</summary>
    private static uint Mix(uint hash, GreenToken token) =>
        BitOperations.RotateLeft(hash ^ (uint)RuntimeHelpers.GetHashCode(token), 5) * 0x9E3779B1u;
}
