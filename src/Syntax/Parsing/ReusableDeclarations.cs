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
/// Owned by the caller across parses (one per query database), one parse at a
/// time; call <see cref="Trim"/> to bound the memory.
/// </summary>
public sealed class ReusableDeclarations
{
    /// <summary>Tokens hashed for the lookup key; longer declarations share a key by their first this many tokens.</summary>
    internal const int KeyTokens = 64;

    private readonly List<ReusableDeclaration> _entries = [];

    /// <summary>Entries by the hash of their first min(length, <see cref="KeyTokens"/>) tokens and that length.</summary>
    private readonly Dictionary<long, ReusableDeclaration> _byKey = [];

    /// <summary>
    /// Per first token, the key lengths in use: bit n (1..63) for entries of n
    /// tokens, bit 0 for entries of <see cref="KeyTokens"/> or more. A lookup
    /// probes only those.
    /// </summary>
    private readonly Dictionary<GreenToken, ulong> _keyLengths = [];

    private int _parses;

    /// <summary>File-scope names, kept so logged facts and effects point at them.</summary>
    internal FileScopeNames Names { get; } = new();
    private int? _maxNesting;
    private bool _parsing;

    /// <summary>How many declarations are kept.</summary>
    public int Count => _entries.Count;

    /// <summary>How the latest parse went.</summary>
    public ReuseStatistics LastParse { get; private set; }

    /// <summary>
    /// Drops the declarations none of the latest <paramref name="keepParses"/>
    /// parses produced or reused, so memory follows what recent inputs need.
    /// </summary>
    public void Trim(int keepParses = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keepParses, 1);
        var oldest = _parses - keepParses + 1;
        var kept = _entries.Where(e => e.LastUsed >= oldest).ToList();
        _entries.Clear();
        _byKey.Clear();
        _keyLengths.Clear();
        foreach (var entry in kept)
        {
            // A successor that was dropped must not keep its tree alive.
            if (entry.Successor is { } next && next.LastUsed < oldest) entry.Successor = null;
            entry.NextWithSameKey = null;
            Add(entry);
        }
    }

    /// <summary>Drops everything.</summary>
    public void Clear()
    {
        Names.Clear();
        _entries.Clear();
        _byKey.Clear();
        _keyLengths.Clear();
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

    internal void EndParse(ReuseStatistics statistics)
    {
        LastParse = statistics;
        _parsing = false;
    }

    internal void Add(ReusableDeclaration entry)
    {
        _entries.Add(entry);
        var tokens = entry.Tokens;
        var length = Math.Min(tokens.Length, KeyTokens);
        var hash = 0u;
        for (var i = 0; i < length; i++) hash = Mix(hash, tokens[i]);
        var key = Key(hash, length);
        if (_byKey.TryGetValue(key, out var first)) entry.NextWithSameKey = first;
        _byKey[key] = entry;
        _keyLengths.TryGetValue(tokens[0], out var lengths);
        _keyLengths[tokens[0]] = lengths | LengthBit(length);
    }

    /// <summary>The first entry whose key matches the input at <paramref name="start"/>, with the others after it through <see cref="ReusableDeclaration.NextWithSameKey"/>; each key length in use is tried, shortest first.</summary>
    internal IEnumerable<ReusableDeclaration> Candidates(GreenToken[] input, int start)
    {
        if (!_keyLengths.TryGetValue(input[start], out var lengths)) yield break;
        var hash = 0u;
        var available = Math.Min(KeyTokens, input.Length - start);
        for (var length = 1; length <= available; length++)
        {
            hash = Mix(hash, input[start + length - 1]);
            if ((lengths & LengthBit(length)) == 0)
            {
                // No entry this long or longer: stop hashing.
                if ((lengths & 1) == 0 && lengths >> length == 0) yield break;
                continue;
            }
            for (var entry = _byKey.GetValueOrDefault(Key(hash, length)); entry is not null; entry = entry.NextWithSameKey)
            {
                yield return entry;
            }
        }
    }

    private static ulong LengthBit(int length) => length >= KeyTokens ? 1UL : 1UL << length;

    private static long Key(uint hash, int length) => ((long)hash << 8) | (uint)length;

    /// <summary>Identity hashes of the tokens, mixed (the tokens are compared by reference).</summary>
    private static uint Mix(uint hash, GreenToken token) =>
        BitOperations.RotateLeft(hash ^ (uint)RuntimeHelpers.GetHashCode(token), 5) * 0x9E3779B1u;
}
