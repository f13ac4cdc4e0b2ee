using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Driver.Tests.Pipeline;

/// <summary>
/// The property of the reachable cut (<see cref="ReachableTypes"/>) as a config
/// flip runs it: over versions of a random unit (records holding and pointing
/// at each other, anonymous records, enums, typedefs, function pointers; one
/// version to the next redefines, removes or brings back a record or an enum,
/// the untouched definitions the very objects of the version before), the cut
/// made with the set build's reuse, the names' lookups, the base types
/// remembered per model object and the dictionaries patched from the last cut's
/// equals (a) the cut of a fresh build with fresh dictionaries, and (b) the cut
/// as the definition gives it, written out here: walk the types from the roots
/// (members, pointer targets, elements, typedef targets, function returns and
/// parameters), keep the set's entries under the names met, and the base types
/// those entries name.
/// </summary>
public sealed class ReachableTypesProperty
{
    private const int Steps = 12;

    private static readonly CType[] Scalars =
        [ScalarType.Char, ScalarType.Short, ScalarType.Int, ScalarType.UnsignedInt, ScalarType.Long, ScalarType.Double, ScalarType.Bool, ScalarType.Int128];

    [Fact]
    public void The_cut_after_each_version_equals_a_fresh_cut_and_the_definition()
    {
        var seeds = Arb.From(Gen.Choose(0, int.MaxValue));
        var property = Prop.ForAll(seeds, seed =>
        {
            var unit = new Unit(new Random(seed));
            var reuse = new LayoutReuse();
            for (var step = 0; step < Steps; step++)
            {
                var table = unit.Table();
                var roots = unit.Roots();
                var (all, _, names) = LayoutSetBuilder.Build(new LayoutEngine(X86_64SysV.Instance, table, null, reuse), table, roots);
                var actual = ReachableTypes.From(all.Set, table, names, roots.Select(r => r.Value), reuse.Reachable);

                var (freshAll, _, freshNames) = LayoutSetBuilder.Build(new LayoutEngine(X86_64SysV.Instance, table), table, roots);
                var fresh = ReachableTypes.From(freshAll.Set, table, freshNames, roots.Select(r => r.Value));
                var where = $"seed {seed}, step {step} ({unit.LastEdit})";
                Assert.True(fresh.Equals(actual), $"{where}: the cut differs from a fresh one");
                var defined = ByDefinition(all.Set, table, names, roots.Select(r => r.Value));
                Assert.True(defined.Equals(actual), $"{where}: the cut differs from the definition");
                Assert.Equal(Keys(defined), Keys(actual));
                unit.Edit();
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }

    private static string Keys(LayoutSet set) =>
        string.Join(' ', set.Records.Keys) + " | " + string.Join(' ', set.Enums.Keys) + " | " + string.Join(' ', set.Typedefs.Keys) + " | " + string.Join(' ', set.BaseTypes.Keys);

    /// <summary>The cut as defined, looking names up in the set's own dictionaries.</summary>
    private static LayoutSet ByDefinition(LayoutSet all, TypeTable table, LayoutSetBuilder.Names names, IEnumerable<CType> roots)
    {
        var records = new HashSet<RecordId>();
        var enums = new HashSet<EnumId>();
        var typedefs = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<CType>(roots);
        while (pending.TryPop(out var type))
        {
            switch (type)
            {
                case PointerType p: pending.Push(p.Target); break;
                case ArrayType a: pending.Push(a.Element); break;
                case QualifiedType q: pending.Push(q.Unqualified); break;
                case FunctionType f:
                    pending.Push(f.Return);
                    foreach (var parameter in f.Parameters) pending.Push(parameter);
                    break;
                case TypedefType t when typedefs.Add(t.Name): pending.Push(t.Target); break;
                case EnumType e: enums.Add(e.Id); break;
                case RecordType r when records.Add(r.Id) && table.Records.TryGetValue(r.Id, out var definition):
                    foreach (var field in definition.Fields) pending.Push(field.Type);
                    break;
            }
        }
        var recordNames = names.Records;
        var enumNames = names.Enums;
        var keptRecords = Keep(all.Records, records.Select(id => recordNames.GetValueOrDefault(id)));
        var keptEnums = Keep(all.Enums, enums.Select(id => enumNames.GetValueOrDefault(id)));
        var keptTypedefs = Keep(all.Typedefs, typedefs);
        var bases = new HashSet<string>(StringComparer.Ordinal);
        void Visit(TypeRef type)
        {
            switch (type)
            {
                case BaseTypeRef b: bases.Add(b.Name); break;
                case PointerTypeRef p: Visit(p.Target); break;
                case ArrayTypeRef a: Visit(a.Element); break;
            }
        }
        foreach (var record in keptRecords.Values) foreach (var member in record.Members) Visit(member.Type);
        foreach (var typedef in keptTypedefs.Values) Visit(typedef.Target);
        foreach (var @enum in keptEnums.Values) bases.Add(@enum.BaseType);
        return new LayoutSet(keptRecords, keptEnums, keptTypedefs, Keep(all.BaseTypes, bases));
    }

    private static ImmutableSortedDictionary<string, T> Keep<T>(ImmutableSortedDictionary<string, T> all, IEnumerable<string?> names) =>
        names.OfType<string>().Where(all.ContainsKey).Distinct().ToImmutableSortedDictionary(n => n, n => all[n], StringComparer.Ordinal);

    /// <summary>
    /// Records s0..sN (si holds only sj with j &gt; i by value, so no version is recursive), anonymous records held by
    /// value or pointed at, a tagged and an anonymous enum, typedefs of pointers and scalars; a version edits one definition.
    /// </summary>
    private sealed class Unit
    {
        private readonly Random random;
        private readonly RecordDefinition?[] tagged;
        private readonly RecordDefinition[] anonymous;
        private readonly EnumDefinition?[] enums;
        private readonly TypedefType[] typedefs;

        public Unit(Random random)
        {
            this.random = random;
            tagged = new RecordDefinition?[3 + random.Next(6)];
            anonymous = new RecordDefinition[1 + random.Next(3)];
            enums = [new EnumDefinition(new EnumId("e0"), [new Enumerator("A", 1)]), new EnumDefinition(new EnumId(null, "e1"), [new Enumerator("B", 2)])];
            typedefs = new TypedefType[2 + random.Next(3)];
            for (var i = 0; i < typedefs.Length; i++)
            {
                typedefs[i] = new TypedefType("t" + i, random.Next(3) switch
                {
                    0 => Scalars[random.Next(Scalars.Length)],
                    1 => new PointerType(new RecordType(TaggedId(random.Next(tagged.Length)))),
                    _ => new PointerType(new RecordType(AnonymousId(random.Next(anonymous.Length)))),
                });
            }
            for (var i = 0; i < anonymous.Length; i++) anonymous[i] = Anonymous(i);
            for (var i = tagged.Length - 1; i >= 0; i--) tagged[i] = Tagged(i);
        }

        public string LastEdit { get; private set; } = "first";

        public void Edit()
        {
            switch (random.Next(5))
            {
                case 0 or 1:
                {
                    var i = random.Next(tagged.Length);
                    tagged[i] = Tagged(i);
                    LastEdit = $"s{i} redefined";
                    break;
                }
                case 2:
                {
                    var i = random.Next(tagged.Length);
                    tagged[i] = tagged[i] is null ? Tagged(i) : null;
                    LastEdit = tagged[i] is null ? $"s{i} removed" : $"s{i} back";
                    break;
                }
                case 3:
                {
                    var i = random.Next(anonymous.Length);
                    anonymous[i] = Anonymous(i);
                    LastEdit = $"a{i} redefined";
                    break;
                }
                default:
                {
                    var i = random.Next(enums.Length);
                    enums[i] = enums[i] is null
                        ? new EnumDefinition(i == 0 ? new EnumId("e0") : new EnumId(null, "e1"), [new Enumerator("C" + i, random.Next(2) == 0 ? 3 : 1L << 40)])
                        : i == 0 && random.Next(2) == 0 ? null : enums[i]! with { Enumerators = [new Enumerator("C" + i, random.Next(2) == 0 ? 3 : 1L << 40)] };
                    LastEdit = $"enum {i} {(enums[i] is null ? "removed" : "changed")}";
                    break;
                }
            }
        }

        public TypeTable Table()
        {
            var records = ImmutableDictionary.CreateBuilder<RecordId, RecordDefinition>();
            foreach (var definition in tagged) if (definition is not null) records.Add(definition.Id, definition);
            foreach (var definition in anonymous) records.Add(definition.Id, definition);
            var enumTable = ImmutableDictionary.CreateBuilder<EnumId, EnumDefinition>();
            foreach (var definition in enums) if (definition is not null) enumTable.Add(definition.Id, definition);
            return new TypeTable(records.ToImmutable(), enumTable.ToImmutable(), typedefs.ToImmutableDictionary(t => t.Name, StringComparer.Ordinal));
        }

        public List<KeyValuePair<string, CType>> Roots() =>
        [
            KeyValuePair.Create("g0", (CType)new RecordType(TaggedId(0))),
            KeyValuePair.Create("g1", (CType)new PointerType(new RecordType(TaggedId(tagged.Length - 1)))),
            KeyValuePair.Create("g2", (CType)typedefs[0]),
        ];

        private RecordDefinition Tagged(int i)
        {
            var fields = new List<Field>();
            var count = 1 + random.Next(5);
            for (var f = 0; f < count; f++)
            {
                CType type = random.Next(9) switch
                {
                    0 => Scalars[random.Next(Scalars.Length)],
                    1 => new PointerType(new RecordType(TaggedId(random.Next(tagged.Length)))),
                    2 when i + 1 < tagged.Length => new RecordType(TaggedId(i + 1 + random.Next(tagged.Length - i - 1))),
                    3 => new RecordType(AnonymousId(random.Next(anonymous.Length))),
                    4 => typedefs[random.Next(typedefs.Length)],
                    5 => new EnumType(random.Next(2) == 0 ? new EnumId("e0") : new EnumId(null, "e1")),
                    6 => new PointerType(new FunctionType(Scalars[random.Next(Scalars.Length)],
                        [typedefs[random.Next(typedefs.Length)], new PointerType(new RecordType(TaggedId(random.Next(tagged.Length))))])),
                    7 => new ArrayType(random.Next(2) == 0 ? Scalars[random.Next(Scalars.Length)] : typedefs[random.Next(typedefs.Length)], 1 + random.Next(4)),
                    _ => new PointerType(new RecordType(AnonymousId(random.Next(anonymous.Length)))),
                };
                fields.Add(new Field("f" + f, type));
            }
            return new RecordDefinition(TaggedId(i), [.. fields]);
        }

        private RecordDefinition Anonymous(int i) => new(AnonymousId(i),
        [
            new Field("v", Scalars[random.Next(Scalars.Length)]),
            new Field("p", new PointerType(new RecordType(TaggedId(random.Next(tagged.Length))))),
        ]);

        private static RecordId TaggedId(int i) => new(AggregateKind.Struct, "s" + i);

        private static RecordId AnonymousId(int i) => new(i % 2 == 0 ? AggregateKind.Struct : AggregateKind.Union, null, "a" + i);
    }
}
