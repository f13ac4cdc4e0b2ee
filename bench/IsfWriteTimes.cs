using System.Diagnostics;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Driver.Queries;
using LayoutExpert.Layout.Profiles.Isf;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>
/// Stopwatch figures for the ISF writer alone (issues 5 and 6): `isf-times [OPTION] [ROUNDS]`
/// lays out the 6.1 amd64 types and those with OPTION (default MEMCG) flipped, then times
/// what the <c>profile</c> query does with them (build, then the Volatility requirements
/// check): a cold build (no fragments), and builds alternating between the two configs.
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

        var cold = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            Write(i % 2 == 0 ? b : a);
            cold.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"cold build: median {Median(cold):F2} ms (best {cold.Min():F2})");

        var flips = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            WriteWarm(i % 2 == 0 ? b : a);
            flips.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"flip build: median {Median(flips):F2} ms (best {flips.Min():F2}); last: {Fragments.LastBuild}");
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

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
}
