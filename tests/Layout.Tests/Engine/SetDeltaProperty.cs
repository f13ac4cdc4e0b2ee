using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Target;
using LayoutExpert.Layout.Tests.Engine.Oracle;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine;

/// <summary>
/// The property of the set build's delta (records and enums taken whole from
/// the last build when nothing they read changed): over versions of a nest of
/// records, each holding the next by value (directly, through a typedef, in an
/// array, qualified), naming a chain of anonymous records through pointers,
/// holding an anonymous record and an anonymous enum by value, and pointing
/// back at the outermost, a change deep down (the innermost record's member
/// retyped, with or without a change of size; the last anonymous record of the
/// chain retyped, which renames every anonymous record naming it; an enum's
/// constants widened; the innermost record removed and brought back) must give
/// exactly what a fresh engine gives: the whole set, issues, names and roots.
/// Unchanged definitions are the very objects of the version before (as a
/// replayed binding hands back), changed ones new; a version may be a fresh
/// copy of every definition (found equal by structure).
/// The typedef dictionary is the very object of the version before (as the
/// binder's patched table hands back when no typedef changed), so a build
/// patching the last one's dictionaries maps again only the typedefs naming
/// anonymous records and enums (a pointer to each anonymous record of the
/// chain, each anonymous enum) and notes the others' base types (one typedef
/// of float, a kind nothing else uses); two anonymous records of equal
/// content share one name, and one of them is removed and brought back.
/// </summary>
public sealed class SetDeltaProperty
{
    private const int Steps = 14;

    private static readonly CType[] Leaves = [C.Char, C.Short, C.Int, C.UInt, C.Long, C.ULong, C.Int128, C.Double];

    [Fact]
    public void TakenRecordsEqualAFreshBuildAfterDeepChanges()
    {
        var seeds = Arb.From(Gen.Choose(0, int.MaxValue));
        var carriedSome = 0;
        var patchedSome = 0;
        var property = Prop.ForAll(seeds, seed =>
        {
            var random = new Random(seed);
            var nest = new Nest(random);
            var reuse = new LayoutReuse(keepRuns: 1 + random.Next(4));
            var options = new LayoutOptions(PlainCharIsUnsigned: random.Next(2) == 0);
            for (var step = 0; step < Steps; step++)
            {
                var table = random.Next(4) == 0 ? nest.Copy() : nest.Table();
                var roots = nest.Roots();
                var reusing = new LayoutEngine(X86_64SysV.Instance, table, options, reuse);
                // The binder asks for some layouts before the set is built.
                foreach (var id in table.Records.Keys.Where(_ => random.Next(4) == 0)) reusing.LayoutRecord(id);
                var actual = LayoutSetBuilder.Build(reusing, table, roots);
                var expected = LayoutSetBuilder.Build(new LayoutEngine(X86_64SysV.Instance, table, options), table, roots);
                var where = $"seed {seed}, step {step} ({nest.LastEdit})";
                Assert.True(expected.Result.Set.Equals(actual.Result.Set), $"{where}: the layout sets differ");
                Assert.Equal(expected.Result.Issues.Select(i => i.ToString()), actual.Result.Issues.Select(i => i.ToString()));
                Assert.Equal(expected.Roots.Select(r => r.Key + "=" + r.Value), actual.Roots.Select(r => r.Key + "=" + r.Value));
                Assert.Equal(Names(expected.Names.Records), Names(actual.Names.Records));
                Assert.Equal(Names(expected.Names.Enums), Names(actual.Names.Enums));
                LookupsAgree(expected);
                LookupsAgree(actual);
                if (reuse.LastRun.Carried > 0) carriedSome++;
                if (reuse.LastRun.SetPatched) patchedSome++;
                nest.Edit();
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property);
        Assert.True(carriedSome > 0, "no build took a record from the last build's delta");
        Assert.True(patchedSome > 0, "no build patched the last build's dictionaries");
    }

    /// <summary>The names' lookups by id give the set's entry under the id's name (the very object), and the typedef lookup the set's typedefs.</summary>
    private static void LookupsAgree((LayoutSetResult Result, ImmutableSortedDictionary<string, LayoutResult<Model.TypeRef>> Roots, LayoutSetBuilder.Names Names) build)
    {
        var set = build.Result.Set;
        Assert.Equal(set.Records.Keys, build.Names.RecordLayouts.Values.Select(r => r.Name).Distinct().Order(StringComparer.Ordinal));
        foreach (var (id, name) in build.Names.Records) Assert.Same(set.Records[name], build.Names.RecordLayouts[id]);
        Assert.Equal(set.Enums.Keys, build.Names.EnumLayouts.Values.Select(e => e.Name).Distinct().Order(StringComparer.Ordinal));
        foreach (var (id, name) in build.Names.Enums) Assert.Same(set.Enums[name], build.Names.EnumLayouts[id]);
        Assert.Equal(set.Typedefs.Count, build.Names.Typedefs.Count);
        foreach (var (name, typedef) in set.Typedefs) Assert.Same(typedef, build.Names.Typedefs[name]);
    }

    private static IEnumerable<string> Names<TId>(IReadOnlyDictionary<TId, string> names) where TId : notnull =>
        names.Select(p => p.Key + "=" + p.Value).OrderBy(s => s, StringComparer.Ordinal);

    /// <summary>The versions' definitions: s0 holds s1 holds ... sN; si names anonymous ai by pointer, ai names a(i+1).</summary>
    private sealed class Nest
    {
        private readonly Random random;
        private readonly int depth;
        private readonly RecordDefinition?[] outer;
        private readonly RecordDefinition[] named;
        private readonly RecordDefinition[] held;
        private readonly EnumDefinition[] enums;
        private readonly TypedefType[] typedefs;
        private readonly TypedefType[] dependentTypedefs;
        private readonly RecordDefinition twin = new(TwinId(0), [new Field("w", C.Int)]);
        private readonly TypedefType fixedScalar = new("tf", C.Float);
        private ImmutableDictionary<string, TypedefType>? typedefTable;
        private bool twinHeld = true;

        public Nest(Random random)
        {
            this.random = random;
            depth = 2 + random.Next(5);
            outer = new RecordDefinition?[depth + 1];
            named = new RecordDefinition[depth + 1];
            held = new RecordDefinition[depth + 1];
            enums = new EnumDefinition[depth + 1];
            typedefs = new TypedefType[depth + 1];
            dependentTypedefs = new TypedefType[2 * (depth + 1)];
            for (var i = depth; i >= 0; i--)
            {
                enums[i] = new EnumDefinition(EnumIdOf(i), [new Enumerator("E" + i, i)]);
                named[i] = Named(i, Leaves[random.Next(Leaves.Length)]);
                held[i] = new RecordDefinition(HeldId(i), [new Field("h", Leaves[random.Next(Leaves.Length)]), new Field("p", C.Ptr(new RecordType(NamedId(i))))]);
                typedefs[i] = new TypedefType("t" + i, new RecordType(OuterId(i)));
                dependentTypedefs[2 * i] = new TypedefType("ta" + i, C.Ptr(new RecordType(NamedId(i))));
                dependentTypedefs[2 * i + 1] = new TypedefType("te" + i, new EnumType(EnumIdOf(i)));
                outer[i] = Outer(i, Leaves[random.Next(Leaves.Length)]);
            }
        }

        public string LastEdit { get; private set; } = "first";

        public void Edit()
        {
            var i = random.Next(depth + 1);
            switch (random.Next(6))
            {
                case 0 or 1:
                    // The innermost record's member retyped (its size may stay or change: its holders' layouts follow).
                    if (outer[depth] is null) outer[depth] = Outer(depth, C.Int);
                    else outer[depth] = Outer(depth, Leaves[random.Next(Leaves.Length)]);
                    LastEdit = "innermost retyped";
                    break;
                case 2:
                    // The last anonymous record of the chain retyped: every anonymous name before it changes.
                    named[depth] = Named(depth, Leaves[random.Next(Leaves.Length)]);
                    LastEdit = "last named anonymous record retyped";
                    break;
                case 3:
                    enums[i] = enums[i] with { Enumerators = [new Enumerator("E" + i, random.Next(2) == 0 ? i : 1L << 40)] };
                    LastEdit = $"enum {i} constants";
                    break;
                case 4:
                    held[i] = held[i] with { Fields = held[i].Fields.SetItem(0, new Field("h", Leaves[random.Next(Leaves.Length)])) };
                    LastEdit = $"held anonymous record {i} retyped";
                    break;
                case 5 when random.Next(3) == 0:
                    twinHeld = !twinHeld;
                    LastEdit = twinHeld ? "twin back" : "twin removed";
                    break;
                default:
                    outer[depth] = outer[depth] is null ? Outer(depth, C.Long) : null;
                    LastEdit = outer[depth] is null ? "innermost removed" : "innermost back";
                    break;
            }
        }

        public TypeTable Table()
        {
            var records = ImmutableDictionary.CreateBuilder<RecordId, RecordDefinition>();
            var enumTable = ImmutableDictionary.CreateBuilder<EnumId, EnumDefinition>();
            var typedefTable = ImmutableDictionary.CreateBuilder<string, TypedefType>();
            for (var i = 0; i <= depth; i++)
            {
                if (outer[i] is { } o) records.Add(o.Id, o);
                records.Add(named[i].Id, named[i]);
                records.Add(held[i].Id, held[i]);
                enumTable.Add(enums[i].Id, enums[i]);
                typedefTable.Add(typedefs[i].Name, typedefs[i]);
                typedefTable.Add(dependentTypedefs[2 * i].Name, dependentTypedefs[2 * i]);
                typedefTable.Add(dependentTypedefs[2 * i + 1].Name, dependentTypedefs[2 * i + 1]);
            }
            // Two anonymous records of equal content: one name in the set.
            records.Add(TwinId(1), twin with { Id = TwinId(1) });
            if (twinHeld) records.Add(twin.Id, twin);
            typedefTable.Add(fixedScalar.Name, fixedScalar);
            // The typedefs never change: the very dictionary of the version before.
            return new TypeTable(records.ToImmutable(), enumTable.ToImmutable(), this.typedefTable ??= typedefTable.ToImmutable());
        }

        /// <summary>The same definitions as new objects (a new binding), found equal by structure.</summary>
        public TypeTable Copy()
        {
            var table = Table();
            return new TypeTable(
                table.Records.ToImmutableDictionary(p => p.Key with { }, p => p.Value with { Id = p.Value.Id with { }, Fields = [.. p.Value.Fields.Select(f => f with { })] }),
                table.Enums.ToImmutableDictionary(p => p.Key with { }, p => p.Value with { Id = p.Value.Id with { }, Enumerators = [.. p.Value.Enumerators] }),
                table.Typedefs);
        }

        public List<KeyValuePair<string, CType>> Roots() =>
        [
            KeyValuePair.Create("g_outer", (CType)new RecordType(OuterId(0))),
            KeyValuePair.Create("g_named", C.Ptr(new RecordType(NamedId(0)))),
            KeyValuePair.Create("g_typedef", (CType)typedefs[0]),
        ];

        private RecordDefinition Outer(int i, CType leaf)
        {
            var fields = new List<Field> { new("x", leaf), new("n", C.Ptr(new RecordType(NamedId(i)))), new("back", C.Ptr(new RecordType(OuterId(0)))) };
            if (i < depth)
            {
                var inner = new RecordType(OuterId(i + 1));
                fields.Add(new Field("inner", (i % 4) switch
                {
                    0 => inner,
                    1 => typedefs[i + 1],
                    2 => C.Array(inner, 2),
                    _ => C.Const(inner),
                }));
            }
            fields.Add(new Field(null, new RecordType(HeldId(i))));
            fields.Add(new Field("e", new EnumType(EnumIdOf(i))));
            return new RecordDefinition(OuterId(i), [.. fields]);
        }

        private RecordDefinition Named(int i, CType leaf)
        {
            var fields = new List<Field> { new("v", leaf) };
            if (i < depth) fields.Add(new Field("next", C.Ptr(new RecordType(NamedId(i + 1)))));
            return new RecordDefinition(NamedId(i), [.. fields]);
        }

        private static RecordId OuterId(int i) => new(AggregateKind.Struct, "s" + i);

        private static RecordId NamedId(int i) => new(AggregateKind.Struct, null, "a" + i);

        private static RecordId HeldId(int i) => new(i % 2 == 0 ? AggregateKind.Struct : AggregateKind.Union, null, "h" + i);

        private static EnumId EnumIdOf(int i) => new(null, "e" + i);

        private static RecordId TwinId(int i) => new(AggregateKind.Struct, null, "twin" + i);
    }
}
