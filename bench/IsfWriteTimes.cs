using System.Collections.Immutable;
using System.Diagnostics;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Driver.Queries;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Profiles.Isf;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>
/// Stopwatch figures for the ISF writer alone (issues 5 and 6): `isf-times [OPTION] [ROUNDS]`
/// lays out the 6.1 amd64 types and those with OPTION (default MEMCG) flipped, then times
/// what the <c>profile</c> query does with them (build, then the Volatility requirements
/// check): a cold build (no fragments), and builds alternating between the two configs with
/// one <see cref="IsfFragments"/>, on the same layout objects and on equal copies (as a
/// database's flip hands the writer). Run it with DOTNET_TieredCompilation=0, as the CLI runs.
/// </summary>
public static class IsfWriteTimes
{
    public static int Run(string[] args)
    {
        var option = args.Length > 0 ? args[0] : "MEMCG";
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
        var preAst = PreAstBuilder.Build(KernelInputs.Options61()).PreAst;
        var config = KernelConfigReader.ReadFile(KernelCache.Config(KernelInputs.Kernel, "amd64")).Config;
        var flipped = config.With(option, !config.IsSet(option) ? new ConfigValue(ConfigValueKind.Yes, "y") : null);
        var database = new ProfileDatabase(preAst);
        database.SetConfig(config);
        var a = Input(database.Types());
        database.SetConfig(flipped);
        var b = Input(database.Types());

        var first = Stopwatch.StartNew();
        var bytes = Write(a).Bytes.Length;
        Console.WriteLine($"first build (with JIT): {first.Elapsed.TotalMilliseconds:F1} ms, {bytes} bytes");

        Time("cold build", rounds, i => Write(i % 2 == 0 ? b : a));
        Time("flip build", rounds, i => WriteWarm(i % 2 == 0 ? b : a));
        // In a database each flip lays the types out again: equal layouts, new objects, compared member by member.
        var copies = Enumerable.Range(0, rounds).Select(i => Copy(i % 2 == 0 ? b : a)).ToList();
        Time("flip build, new objects", rounds, i => WriteWarm(copies[i]));
        Console.WriteLine($"last flip: {Fragments.LastBuild}");
        return 0;
    }

    private static IsfInput Input(ProfileTypes types) =>
        new(types.Types, new Dictionary<string, ulong>(), types.SymbolTypes, null, new IsfProducer("LayoutExpert", "0.0.0"), [], []);

    private static readonly IsfFragments Fragments = new();

    private static Layout.Profiles.ProfileDocument Write(IsfInput input)
    {
        var document = IsfWriter.Build(input);
        _ = IsfRequirements.Check(input);
        return document;
    }

    /// <summary>What the <c>profile</c> query does in a database: the build with the session's fragments.</summary>
    private static Layout.Profiles.ProfileDocument WriteWarm(IsfInput input)
    {
        var document = IsfWriter.Build(input, Fragments);
        _ = IsfRequirements.Check(input);
        return document;
    }

    /// <summary>Wall-clock median and best, with the collections the rounds caused (gen2 ones cost most in a big heap).</summary>
    private static void Time(string what, int rounds, Action<int> build)
    {
        var times = new List<double>();
        var (gen0, gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            build(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var cpuPerRound = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / rounds;
        Console.WriteLine($"{what}: median {Median(times):F2} ms (best {times.Min():F2}), CPU {cpuPerRound:F2} ms a round, " +
            $"{GC.CollectionCount(0) - gen0} gen0 / {GC.CollectionCount(2) - gen2} gen2 collections in {rounds} rounds");
    }

    private static IsfInput Copy(IsfInput input)
    {
        var layouts = input.Layouts;
        var records = layouts.Records.ToImmutableSortedDictionary(p => p.Key,
            p => p.Value with { Members = [.. p.Value.Members.Select(m => m with { Type = Copy(m.Type) })] }, StringComparer.Ordinal);
        var typedefs = layouts.Typedefs.ToImmutableSortedDictionary(p => p.Key, p => p.Value with { Target = Copy(p.Value.Target) }, StringComparer.Ordinal);
        var enums = layouts.Enums.ToImmutableSortedDictionary(p => p.Key, p => p.Value with { Constants = [.. p.Value.Constants.Select(c => c with { })] }, StringComparer.Ordinal);
        return input with { Layouts = new LayoutSet(records, enums, typedefs, layouts.BaseTypes) };
    }

    private static TypeRef Copy(TypeRef type) => type switch
    {
        PointerTypeRef p => new PointerTypeRef(Copy(p.Target)),
        ArrayTypeRef a => new ArrayTypeRef(Copy(a.Element), a.Count),
        BaseTypeRef b => new BaseTypeRef(b.Name),
        RecordTypeRef r => new RecordTypeRef(r.Kind, r.Name),
        EnumTypeRef e => new EnumTypeRef(e.Name),
        TypedefTypeRef t => new TypedefTypeRef(t.Name),
        _ => type,
    };

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
}
