using LayoutExpert.Semantics.Binding;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;

namespace LayoutExpert.Semantics.Tests.Binding.Reuse;

/// <summary>Compares two bound units whole: what binding with reuse gives must be what a fresh bind gives.</summary>
public static class BoundUnits
{
    /// <summary>
    /// Parses the unit (one declaration per line) with <paramref name="cache"/>
    /// and <paramref name="declarations"/> and binds it with
    /// <paramref name="reuse"/>, then parses and binds it afresh, and asserts
    /// the two binds equal.
    /// </summary>
    public static void AssertReuseBindsAsFresh(List<string> unit, GreenNodeCache cache, ReusableDeclarations declarations, BindingReuse reuse, BinderOptions options)
    {
        var text = string.Join("\n", unit) + "\n";
        var parsed = CParser.ParseTranslationUnit(Lexer.LexAll(text, cache), cache, declarations).ToSyntaxTree("unit.c");
        var withReuse = Binder.Bind(CSyntax.Root(parsed)!, d => new RecordLayout(d), options, reuse);
        var fresh = Binder.Bind(CSyntax.Root(ParseFresh(text))!, d => new RecordLayout(d), options);
        AssertSame(fresh, withReuse, text);
    }

    /// <summary>The unit's text parsed with a cache of its own (nothing shared with a reusing parse).</summary>
    public static Syntax.Red.SyntaxTree ParseFresh(string text)
    {
        var cache = new GreenNodeCache();
        return CParser.ParseTranslationUnit(Lexer.LexAll(text, cache), cache).ToSyntaxTree("unit.c");
    }

    /// <summary>A fresh bind and a bind with reuse of <paramref name="text"/> are equal: as text first (the readable failure), then structurally.</summary>
    public static void AssertSame(BoundTranslationUnit fresh, BoundTranslationUnit withReuse, string text)
    {
        Assert.True(Describe(fresh).SequenceEqual(Describe(withReuse)),
            $"unit:\n{text}\nfresh:\n{string.Join("\n", Describe(fresh))}\nwith reuse:\n{string.Join("\n", Describe(withReuse))}");
        AssertEqual(fresh, withReuse);
    }

    /// <summary>Every part of a bound unit as text, in a fixed order (for a readable failure message).</summary>
    public static List<string> Describe(BoundTranslationUnit unit)
    {
        var lines = new List<string>();
        lines.AddRange(unit.Types.Records.OrderBy(p => p.Key.Spelling, StringComparer.Ordinal)
            .Select(p => $"record {p.Key.Spelling}: {string.Join("; ", p.Value.Fields)} {p.Value.Attributes}"));
        lines.AddRange(unit.Types.Enums.OrderBy(p => p.Key.Spelling, StringComparer.Ordinal)
            .Select(p => $"enum {p.Key.Spelling}: {string.Join(", ", p.Value.Enumerators.Select(e => e.Name + "=" + e.Value))} {p.Value.Packed} {p.Value.Mode}"));
        lines.AddRange(unit.Types.Typedefs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"typedef {p.Key}: {p.Value.Target.Spelling} {p.Value.Aligned}"));
        lines.AddRange(unit.Globals.Values.Select(g => $"global {g}"));
        lines.AddRange(unit.Functions.Values.Select(f => $"function {f}"));
        lines.AddRange(unit.EnumConstants.Values.Select(c => $"constant {c}"));
        lines.AddRange(unit.Globals.Keys.Concat(unit.Functions.Keys).Select(name => $"location {name}: {unit.LocationOf(name)}"));
        lines.AddRange(unit.DebugUses.ByVariables.Select(v => $"uses {v.Variable}: {string.Join(", ", v.Types.Select(t => t.Spelling))}"));
        lines.Add("kept " + string.Join(", ", unit.DebugUses.KeptDefinitions));
        lines.Add("body types " + string.Join(", ", unit.DebugUses.FunctionBodyTypes.Select(t => t.Spelling)));
        lines.AddRange(unit.Diagnostics.Select(d => "diagnostic " + d));
        return lines;
    }

    /// <summary>Structural equality of every part (types by their records' own equality, which the text above could hide).</summary>
    public static void AssertEqual(BoundTranslationUnit expected, BoundTranslationUnit actual)
    {
        Assert.Equal(expected.Types.Records.Count, actual.Types.Records.Count);
        foreach (var (id, definition) in expected.Types.Records) Assert.Equal(definition, actual.Types.Records[id]);
        Assert.Equal(expected.Types.Enums.Count, actual.Types.Enums.Count);
        foreach (var (id, definition) in expected.Types.Enums) Assert.Equal(definition, actual.Types.Enums[id]);
        Assert.Equal(expected.Types.Typedefs.Count, actual.Types.Typedefs.Count);
        foreach (var (name, typedef) in expected.Types.Typedefs) Assert.Equal(typedef, actual.Types.Typedefs[name]);
        Assert.Equal(expected.Globals, actual.Globals);
        Assert.Equal(expected.Functions, actual.Functions);
        Assert.Equal(expected.EnumConstants, actual.EnumConstants);
        // Locations are kept apart from the symbols: the same names have them, at the same offsets and lines.
        Assert.Equal(expected.Locations.Names.Order(StringComparer.Ordinal), actual.Locations.Names.Order(StringComparer.Ordinal));
        foreach (var name in expected.Locations.Names)
        {
            Assert.Equal(expected.Locations.OffsetOf(name), actual.Locations.OffsetOf(name));
            Assert.Equal(expected.LocationOf(name), actual.LocationOf(name));
        }
        Assert.Equal(expected.DebugUses.ByVariables.Select(v => (v.Variable, v.Types.ToArray())), actual.DebugUses.ByVariables.Select(v => (v.Variable, v.Types.ToArray())));
        Assert.Equal(expected.DebugUses.KeptDefinitions, actual.DebugUses.KeptDefinitions);
        Assert.Equal(expected.DebugUses.FunctionBodyTypes.ToArray(), actual.DebugUses.FunctionBodyTypes.ToArray());
        Assert.Equal(expected.Diagnostics.ToArray(), actual.Diagnostics.ToArray());
    }
}
