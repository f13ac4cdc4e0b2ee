using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Target;
using LayoutExpert.Layout.Tests.Engine.Oracle;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine;

/// <summary>
/// The property of <see cref="LayoutReuse"/>: over a sequence of type tables,
/// each a random edit of an earlier one (a member added, removed or retyped, a
/// nested by-value record changed, a record removed, packed/aligned/pack
/// changed, an enum's constants or attributes changed, a typedef's alignment
/// changed, or a return to an earlier table, as a config flipped back does),
/// laying each table out with one reuse carried across the sequence gives
/// exactly what a fresh engine gives: every record's and enum's engine answer,
/// the whole layout set, its issues, the names and the mapped roots. Each
/// table is either a fresh copy of its definitions (new objects, as a new
/// binding makes), so the reuse is found by structure, or new dictionaries
/// holding the very definition objects (as a replayed binding hands back), so
/// the whole-set path settles entries by reference, or the very table (as a
/// bind taken whole hands back). Edits may
/// make types invalid (a record containing itself, an incomplete member):
/// failures must agree too.
/// </summary>
public sealed class LayoutReuseProperty
{
    private const int Steps = 12;

    [Fact]
    public void ReusedLayoutsEqualFreshLayoutsAcrossRandomEdits()
    {
        var seeds = Arb.From(Gen.Choose(0, int.MaxValue));
        var setsReused = 0;
        var property = Prop.ForAll(seeds, seed =>
        {
            var random = new Random(seed);
            var options = new LayoutOptions(
                RandstructPlugin: random.Next(4) == 0,
                RandstructOpsStructsMayNestRecords: random.Next(8) == 0,
                PlainCharIsUnsigned: random.Next(2) == 0);
            var reuse = new LayoutReuse(keepRuns: 1 + random.Next(4));
            var history = new List<TypeTable> { RandomDeclarations.Generate(seed, 12 + random.Next(20)).Table };
            var reusedSomething = false;
            for (var step = 0; step < Steps; step++)
            {
                // A new binding makes new objects, or (binding replayed) hands back the very objects of an earlier one,
                // or (a bind taken whole) the very table, whose dictionaries a whole-set match settles by reference.
                var table = random.Next(3) switch { 0 => Copy(history[^1]), 1 => Rewrap(history[^1]), _ => history[^1] };
                var roots = Roots(table);
                var fresh = new LayoutEngine(X86_64SysV.Instance, table, options);
                var reusing = new LayoutEngine(X86_64SysV.Instance, table, options, reuse);
                // The binder asks for some layouts before the set is built: ask the reusing engine for a few first.
                foreach (var id in table.Records.Keys.Where(_ => random.Next(3) == 0)) reusing.LayoutRecord(id);
                var expected = LayoutSetBuilder.Build(fresh, table, roots);
                var actual = LayoutSetBuilder.Build(reusing, table, roots);
                AssertSame(seed, step, table, fresh, reusing, expected, actual);
                reusedSomething |= reuse.LastRun.RecordsReused > 0;
                if (reuse.LastRun.SetReused) setsReused++;
                history.Add(random.Next(5) == 0 && history.Count > 2 ? history[random.Next(history.Count - 1)] : Edit(table, random));
            }
            if (!options.RandstructOpsStructsMayNestRecords && !reusedSomething)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed}: nothing was reused in {Steps} steps");
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), property);
        // Returns to an earlier table (and edits that change nothing) must take the whole-set path, or it goes untested.
        Assert.True(setsReused > 0, "no build took an earlier run's whole set");
    }

    /// <summary>
    /// The whole-set path must look at every kind of input: after a table is
    /// built, a copy differing in one enum's constant only, in one typedef's
    /// alignment only, or in one root's type only must be built afresh. Each
    /// change alters the answer (checked against the earlier answer), so a
    /// matcher that skipped that input would hand back the earlier, wrong set.
    /// </summary>
    [Fact]
    public void WholeSetIsNotTakenWhenOneInputDiffers()
    {
        var options = LayoutOptions.Default;
        for (var seed = 0; seed < 40; seed++)
        {
            var table = RandomDeclarations.Generate(seed, 16).Table;
            foreach (var variant in Variants(table))
            {
                var reuse = new LayoutReuse();
                var roots = Roots(table);
                var first = LayoutSetBuilder.Build(new LayoutEngine(X86_64SysV.Instance, table, options, reuse), table, roots);
                var again = seed % 2 == 0 ? Copy(table) : Rewrap(table);
                var second = LayoutSetBuilder.Build(new LayoutEngine(X86_64SysV.Instance, again, options, reuse), again, Roots(again));
                Assert.True(reuse.LastRun.SetReused, $"seed {seed}: an equal copy was not taken whole");
                Assert.Same(first.Result, second.Result);
                var (changed, changedRoots) = variant;
                var fresh = new LayoutEngine(X86_64SysV.Instance, changed, options);
                var reusing = new LayoutEngine(X86_64SysV.Instance, changed, options, reuse);
                var expected = LayoutSetBuilder.Build(fresh, changed, changedRoots);
                var actual = LayoutSetBuilder.Build(reusing, changed, changedRoots);
                Assert.False(reuse.LastRun.SetReused, $"seed {seed}: a changed input took the earlier set");
                AssertSame(seed, 0, changed, fresh, reusing, expected, actual);
            }
        }
    }

    /// <summary>Copies of <paramref name="table"/> whose answer differs from its own by one input of each kind.</summary>
    private static IEnumerable<(TypeTable Table, List<KeyValuePair<string, CType>> Roots)> Variants(TypeTable table)
    {
        if (table.Enums.Values.OrderBy(e => e.Id.Spelling, StringComparer.Ordinal).FirstOrDefault() is { } @enum)
        {
            var changed = Rewrap(table).With(@enum with { Enumerators = @enum.Enumerators.Add(new Enumerator("ADDED_BY_TEST", 1L << 40)) });
            yield return (changed, Roots(changed));
        }
        if (table.Typedefs.Values.OrderBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault() is { } typedef)
        {
            var changed = Copy(table).With(typedef with { Aligned = typedef.Aligned is null ? AlignedAttribute.Of(64) : null });
            yield return (changed, Roots(changed));
        }
        var copy = Copy(table);
        var roots = Roots(copy);
        roots.Add(KeyValuePair.Create("added_by_test", (CType)C.Long));
        yield return (copy, roots);
    }

    private static void AssertSame(int seed, int step, TypeTable table, LayoutEngine fresh, LayoutEngine reusing,
        (LayoutSetResult Result, ImmutableSortedDictionary<string, LayoutResult<TypeRef>> Roots, LayoutSetBuilder.Names Names) expected,
        (LayoutSetResult Result, ImmutableSortedDictionary<string, LayoutResult<TypeRef>> Roots, LayoutSetBuilder.Names Names) actual)
    {
        var where = $"seed {seed}, step {step}";
        foreach (var id in table.Records.Keys)
        {
            Assert.True(fresh.LayoutRecord(id).Equals(reusing.LayoutRecord(id)), $"{where}: {id.Spelling} laid out differently");
        }
        foreach (var id in table.Enums.Keys)
        {
            Assert.True(fresh.LayoutEnum(id).Equals(reusing.LayoutEnum(id)), $"{where}: {id.Spelling} laid out differently");
        }
        Assert.True(expected.Result.Set.Equals(actual.Result.Set), $"{where}: the layout sets differ");
        Assert.True(expected.Result.Set.Records.Keys.SequenceEqual(actual.Result.Set.Records.Keys), $"{where}: record order differs");
        Assert.Equal(expected.Result.Issues.Select(i => i.ToString()), actual.Result.Issues.Select(i => i.ToString()));
        Assert.Equal(expected.Roots.Select(r => r.Key + "=" + r.Value), actual.Roots.Select(r => r.Key + "=" + r.Value));
        Assert.Equal(expected.Names.Records.OrderBy(p => p.Key.Spelling, StringComparer.Ordinal).Select(p => p.Key.Spelling + "=" + p.Value),
            actual.Names.Records.OrderBy(p => p.Key.Spelling, StringComparer.Ordinal).Select(p => p.Key.Spelling + "=" + p.Value));
        Assert.Equal(expected.Names.Enums.OrderBy(p => p.Key.Spelling, StringComparer.Ordinal).Select(p => p.Key.Spelling + "=" + p.Value),
            actual.Names.Enums.OrderBy(p => p.Key.Spelling, StringComparer.Ordinal).Select(p => p.Key.Spelling + "=" + p.Value));
    }

    /// <summary>Every typedef and a pointer to every record, as globals of those types.</summary>
    private static List<KeyValuePair<string, CType>> Roots(TypeTable table) =>
    [
        .. table.Typedefs.Values.Select(t => KeyValuePair.Create("v_" + t.Name, (CType)t)),
        .. table.Records.Keys.Select(id => KeyValuePair.Create("p_" + id.Spelling, (CType)new PointerType(new RecordType(id)))),
    ];

    private static TypeTable Edit(TypeTable table, Random random)
    {
        var records = table.Records.Values.OrderBy(r => r.Id.Spelling, StringComparer.Ordinal).ToList();
        var enums = table.Enums.Values.OrderBy(e => e.Id.Spelling, StringComparer.Ordinal).ToList();
        var typedefs = table.Typedefs.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        switch (random.Next(10))
        {
            case 0 when enums.Count > 0:
            {
                var @enum = enums[random.Next(enums.Count)];
                var constants = @enum.Enumerators.Add(new Enumerator("X" + random.Next(1000), random.Next(3) switch { 0 => -1, 1 => 1L << 33, _ => 7 }));
                return table.With(random.Next(3) == 0 ? @enum with { Packed = !@enum.Packed } : @enum with { Enumerators = constants });
            }
            case 1 when typedefs.Count > 0:
            {
                var typedef = typedefs[random.Next(typedefs.Count)];
                return table.With(typedef with { Aligned = typedef.Aligned is null ? AlignedAttribute.Of(1L << random.Next(6)) : null });
            }
            case 2 when records.Count > 1:
            {
                // A record removed: every use of it becomes incomplete.
                var gone = records[random.Next(records.Count)];
                return new TypeTable(table.Records.Remove(gone.Id), table.Enums, table.Typedefs);
            }
            default:
            {
                var record = records[random.Next(records.Count)];
                return table.With(EditRecord(record, Pool(table), random));
            }
        }
    }

    private static RecordDefinition EditRecord(RecordDefinition record, List<CType> pool, Random random)
    {
        var fields = record.Fields;
        var attributes = record.Attributes;
        switch (random.Next(7))
        {
            case 0:
                return record with { Fields = fields.Insert(random.Next(fields.Length + 1), new Field("n" + random.Next(1000), pool[random.Next(pool.Count)])) };
            case 1 when fields.Length > 1:
                return record with { Fields = fields.RemoveAt(random.Next(fields.Length)) };
            case 2 when fields.Length > 0:
            {
                var index = random.Next(fields.Length);
                return record with { Fields = fields.SetItem(index, fields[index] with { Type = pool[random.Next(pool.Count)], BitWidth = null }) };
            }
            case 3:
                return record with { Attributes = attributes with { Packed = !attributes.Packed } };
            case 4:
                return record with { Attributes = attributes with { Aligned = attributes.Aligned is null ? AlignedAttribute.Of(1L << random.Next(7)) : null } };
            case 5:
                return record with { Attributes = attributes with { PackPragma = attributes.PackPragma is null ? 1 << random.Next(4) : null } };
            default:
            {
                // A member's alignment, or packing, changed.
                if (fields.Length == 0) return record;
                var index = random.Next(fields.Length);
                var field = fields[index];
                var changed = random.Next(2) == 0
                    ? field with { Attributes = field.Attributes with { Packed = !field.Attributes.Packed } }
                    : field with { Attributes = field.Attributes with { Aligned = field.Attributes.Aligned is null ? AlignedAttribute.Of(1L << random.Next(5)) : null } };
                return record with { Fields = fields.SetItem(index, changed) };
            }
        }
    }

    /// <summary>Types an edited member may take: scalars, the table's records by value, in arrays and behind pointers, its enums and typedefs.</summary>
    private static List<CType> Pool(TypeTable table)
    {
        var pool = new List<CType> { C.Char, C.Int, C.Long, C.Double, C.Int128, C.Vector(C.Int, 16), C.Mode(C.UInt, MachineMode.HI), C.FnPtr(C.Void) };
        foreach (var id in table.Records.Keys)
        {
            pool.Add(new RecordType(id));
            pool.Add(C.Array(new RecordType(id), 2));
            pool.Add(C.Ptr(new RecordType(id)));
        }
        foreach (var id in table.Enums.Keys) pool.Add(new EnumType(id));
        pool.AddRange(table.Typedefs.Values);
        pool.Add(new RecordType(new RecordId(AggregateKind.Struct, "never_defined")));
        return pool;
    }

    /// <summary>A new table (new dictionaries) holding the very key and definition objects of <paramref name="table"/>.</summary>
    private static TypeTable Rewrap(TypeTable table)
    {
        var records = ImmutableDictionary.CreateBuilder<RecordId, RecordDefinition>();
        foreach (var (id, definition) in table.Records) records.Add(id, definition);
        var enums = ImmutableDictionary.CreateBuilder<EnumId, EnumDefinition>();
        foreach (var (id, definition) in table.Enums) enums.Add(id, definition);
        var typedefs = ImmutableDictionary.CreateBuilder<string, TypedefType>();
        foreach (var (name, typedef) in table.Typedefs) typedefs.Add(name, typedef);
        return new TypeTable(records.ToImmutable(), enums.ToImmutable(), typedefs.ToImmutable());
    }

    /// <summary>A table with equal but newly made definitions, fields and types, as a new binding makes them.</summary>
    private static TypeTable Copy(TypeTable table) => new(
        table.Records.ToImmutableDictionary(p => p.Key with { }, p => new RecordDefinition(p.Value.Id with { },
            [.. p.Value.Fields.Select(f => f with { Type = Copy(f.Type) })], p.Value.Attributes)),
        table.Enums.ToImmutableDictionary(p => p.Key with { }, p => p.Value with { Enumerators = [.. p.Value.Enumerators.Select(e => e with { })] }),
        table.Typedefs.ToImmutableDictionary(p => p.Key, p => (TypedefType)Copy(p.Value)));

    private static CType Copy(CType type) => type switch
    {
        PointerType p => p with { Target = Copy(p.Target) },
        ArrayType a => a with { Element = Copy(a.Element) },
        QualifiedType q => q with { Unqualified = Copy(q.Unqualified) },
        TypedefType t => t with { Target = Copy(t.Target) },
        RecordType r => new RecordType(r.Id with { }),
        EnumType e => new EnumType(e.Id with { }),
        VectorType v => v with { Element = Copy(v.Element) },
        ModeType m => m with { Base = Copy(m.Base) },
        FunctionType f => f with { Return = Copy(f.Return), Parameters = [.. f.Parameters.Select(Copy)] },
        _ => type,
    };
}
