using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Driver.Tests.Pipeline;

/// <summary>
/// Records s0..sN (si holds only sj with j &gt; i by value, so no version is recursive), anonymous records held by
/// value or pointed at, a tagged and an anonymous enum, typedefs of pointers and scalars; a version edits one definition
/// or the roots. A typedef redefined is a new object that every definition naming it takes (as binding them again
/// would); with <c>staleTypedefs</c> it is sometimes left out of the definitions (two unequal typedefs of one name:
/// not C, but the cut must still be the definition's).
/// </summary>
internal sealed class ReachableUnit
{
    private static readonly CType[] Scalars =
        [ScalarType.Char, ScalarType.Short, ScalarType.Int, ScalarType.UnsignedInt, ScalarType.Long, ScalarType.Double, ScalarType.Bool, ScalarType.Int128];

    private readonly Random random;
    private readonly RecordDefinition?[] tagged;
    private readonly RecordDefinition[] anonymous;
    private readonly EnumDefinition?[] enums;
    private readonly TypedefType[] typedefs;

    private readonly bool staleTypedefs;
    private readonly List<CType> extraRoots = [];

    public ReachableUnit(Random random, bool staleTypedefs = false)
    {
        this.random = random;
        this.staleTypedefs = staleTypedefs;
        tagged = new RecordDefinition?[3 + random.Next(6)];
        anonymous = new RecordDefinition[1 + random.Next(3)];
        enums = [new EnumDefinition(new EnumId("e0"), [new Enumerator("A", 1)]), new EnumDefinition(new EnumId(null, "e1"), [new Enumerator("B", 2)])];
        typedefs = new TypedefType[2 + random.Next(3)];
        for (var i = 0; i < typedefs.Length; i++)
        {
            typedefs[i] = new TypedefType("t" + i, TypedefTarget());
        }
        for (var i = 0; i < anonymous.Length; i++) anonymous[i] = Anonymous(i);
        for (var i = tagged.Length - 1; i >= 0; i--) tagged[i] = Tagged(i);
    }

    public string LastEdit { get; private set; } = "first";

    public void Edit()
    {
        switch (random.Next(8))
        {
            case 5:
            {
                var i = random.Next(typedefs.Length);
                var old = typedefs[i];
                typedefs[i] = new TypedefType(old.Name, TypedefTarget());
                var stale = staleTypedefs && random.Next(3) == 0;
                if (!stale)
                {
                    for (var r = 0; r < tagged.Length; r++) tagged[r] = tagged[r] is { } d ? Renamed(d, typedefs[i]) : null;
                    for (var r = 0; r < anonymous.Length; r++) anonymous[r] = Renamed(anonymous[r], typedefs[i]);
                    for (var r = 0; r < extraRoots.Count; r++) extraRoots[r] = Renamed(extraRoots[r], typedefs[i]);
                }
                LastEdit = $"t{i} redefined{(stale ? " (stale uses kept)" : "")}";
                break;
            }
            case 6:
            {
                if (extraRoots.Count > 0 && random.Next(2) == 0)
                {
                    extraRoots.RemoveAt(random.Next(extraRoots.Count));
                    LastEdit = "a root removed";
                }
                else
                {
                    extraRoots.Add(new PointerType(new FunctionType(typedefs[random.Next(typedefs.Length)],
                        [new PointerType(new RecordType(random.Next(2) == 0 ? TaggedId(random.Next(tagged.Length)) : AnonymousId(random.Next(anonymous.Length))))])));
                    LastEdit = "a root added";
                }
                break;
            }
            case 7:
                LastEdit = "nothing";
                break;
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
        .. extraRoots.Select((type, i) => KeyValuePair.Create("x" + i, type)),
    ];

    /// <summary>Whether the last <see cref="Edit"/> changed nothing (the next table holds the very definitions of the last).</summary>
    public bool Unchanged => LastEdit == "nothing";

    private CType TypedefTarget() => random.Next(3) switch
    {
        0 => Scalars[random.Next(Scalars.Length)],
        1 => new PointerType(new RecordType(TaggedId(random.Next(tagged.Length)))),
        _ => new PointerType(new RecordType(AnonymousId(random.Next(anonymous.Length)))),
    };

    /// <summary>The definition naming <paramref name="typedef"/>'s name through that object (a new definition if it named another).</summary>
    private static RecordDefinition Renamed(RecordDefinition definition, TypedefType typedef)
    {
        var fields = definition.Fields.Select(f => Renamed(f.Type, typedef) is var type && !ReferenceEquals(type, f.Type) ? f with { Type = type } : f).ToImmutableArray();
        return SameObjects(fields, definition.Fields) ? definition : definition with { Fields = fields };
    }

    private static bool SameObjects<T>(ImmutableArray<T> a, ImmutableArray<T> b) where T : class
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (!ReferenceEquals(a[i], b[i])) return false;
        }
        return true;
    }

    private static CType Renamed(CType type, TypedefType typedef) => type switch
    {
        TypedefType t when t.Name == typedef.Name => typedef,
        PointerType p when Renamed(p.Target, typedef) is var target && !ReferenceEquals(target, p.Target) => p with { Target = target },
        ArrayType a when Renamed(a.Element, typedef) is var element && !ReferenceEquals(element, a.Element) => a with { Element = element },
        FunctionType f when Renamed(f.Return, typedef) is var r && f.Parameters.Select(p => Renamed(p, typedef)).ToImmutableArray() is var ps
            && (!ReferenceEquals(r, f.Return) || !SameObjects(ps, f.Parameters)) => f with { Return = r, Parameters = ps },
        _ => type,
    };

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
