using System.Diagnostics;
using LayoutExpert.Driver.Queries;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Target;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>
/// The bind stage alone, in one process: the 6.1 module unit under a config
/// and with OPTION flipped (parsed through one database, so unchanged
/// declarations are the same nodes), then bound alternately ROUNDS times
/// with one <see cref="BindingReuse"/> and without: `bind-times [OPTION] [ROUNDS]`.
/// Each bind trims first, as the front end's does (with reuse, through its trim cache).
/// A third argument <c>reuse-only</c> leaves the fresh binds out.
/// </summary>
public static class BindTimes
{
    public static int Run(string[] args)
    {
        var option = args.Length > 0 ? args[0] : "MEMCG";
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 12;
        // "reuse-only": no fresh binds in between (for a profiler: only the binds with reuse run).
        var reuseOnly = args.Length > 2 && args[2] == "reuse-only";
        var preAst = PreAstBuilder.Build(KernelInputs.Options61()).PreAst;
        var config = KernelConfigReader.ReadFile(KernelCache.Config(KernelInputs.Kernel, "amd64")).Config;
        var flipped = config.With(option, !config.IsSet(option) ? new ConfigValue(ConfigValueKind.Yes, "y") : null);
        var database = new ProfileDatabase(preAst);
        database.SetConfig(config);
        var a = CSyntax.Root(database.CompiledModule().Tree)!;
        database.SetConfig(flipped);
        var b = CSyntax.Root(database.CompiledModule().Tree)!;
        var reuse = new BindingReuse();
        var options = new BinderOptions();
        var replays = new List<double>();
        var replayCpu = new List<double>();
        var fresh = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var unit = i % 2 == 0 ? a : b;
            var cpu = ThreadCpu.Milliseconds();
            var watch = Stopwatch.StartNew();
            Binder.Bind(unit, d => new LayoutEngine(X86_64SysV.Instance, d), options, reuse);
            replays.Add(watch.Elapsed.TotalMilliseconds);
            replayCpu.Add(ThreadCpu.Milliseconds() - cpu);
            Console.WriteLine($"with reuse: {watch.Elapsed.TotalMilliseconds:F1} ms ({replayCpu[^1]:F1} ms on the thread), {reuse.LastBind}; {reuse.LastResult}");
            if (reuseOnly) continue;
            watch.Restart();
            Binder.Bind(unit, d => new LayoutEngine(X86_64SysV.Instance, d), options);
            fresh.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"fresh: {watch.Elapsed.TotalMilliseconds:F1} ms");
        }
        Console.WriteLine($"median with reuse {Median(replays.Skip(2)):F1} ms (best {replays.Skip(2).Min():F1}; thread time {Median(replayCpu.Skip(2)):F1} ms)"
            + (reuseOnly ? "" : $", fresh {Median(fresh.Skip(2)):F1} ms (best {fresh.Skip(2).Min():F1})"));
        foreach (var (reason, count) in reuse.LastRefusals) Console.WriteLine($"not recorded: {count} x {reason}");
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
