using System.Diagnostics;
using LayoutExpert.Driver;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Driver.Queries;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>
/// Plain Stopwatch figures for issue 6's second scenario, outside
/// BenchmarkDotNet, with each stage's time: `flip-times [OPTION] [ROUNDS]`
/// makes the 6.1 amd64 profile in one database, then flips OPTION (default
/// MEMCG: unset, then back) ROUNDS times (default 12), printing the stage log
/// of each flip and its total, then the median of the last half. For tuning;
/// the figures to report come from <see cref="ManyConfigsBenchmarks"/>.
/// </summary>
public static class FlipTimes
{
    public static int Run(string[] args)
    {
        if (args is ["batch", .. var rest]) return Batch(rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 3);
        if (args is ["pp-first-flip", .. var ppFlipRest])
        {
            return PreprocessFirstFlip(ppFlipRest.Length > 0 ? ppFlipRest[0] : "MEMCG", ppFlipRest.Length > 1 ? int.Parse(ppFlipRest[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
        }
        if (args is ["pp-cold", .. var ppRest]) return PreprocessCold(ppRest.Length > 0 ? int.Parse(ppRest[0], System.Globalization.CultureInfo.InvariantCulture) : 8, ppRest.Length > 1 ? ppRest[1] : "both");
        if (args is ["first-flip", .. var firstRest])
        {
            return FirstFlip(firstRest.Length > 0 ? firstRest[0] : "MEMCG", firstRest.Length > 1 ? int.Parse(firstRest[1], System.Globalization.CultureInfo.InvariantCulture) : 6);
        }
        if (args is ["cold", .. var coldRest])
        {
            return Cold(coldRest.Length > 0 ? int.Parse(coldRest[0], System.Globalization.CultureInfo.InvariantCulture) : 6, coldRest.Length > 1 ? coldRest[1] : "both");
        }
        var option = args.Length > 0 ? args[0] : "MEMCG";
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 12;
        var preAst = PreAstBuilder.Build(KernelInputs.Options61()).PreAst;
        var config = KernelConfigReader.ReadFile(KernelCache.Config(KernelInputs.Kernel, "amd64")).Config;
        var flipped = config.With(option, !config.IsSet(option) ? new ConfigValue(ConfigValueKind.Yes, "y") : null);

        var cold = Stopwatch.StartNew();
        var database = new ProfileDatabase(preAst);
        database.SetConfig(config);
        var bytes = database.Profile(ProfileFormat.Isf).Bytes.Length;
        Console.WriteLine($"cold (first, with JIT): {cold.ElapsedMilliseconds} ms, {bytes} bytes");

        var totals = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            database.Session.Log = new StageLog(Console.Out, interactive: false);
            var watch = Stopwatch.StartNew();
            database.SetConfig(i % 2 == 0 ? flipped : config);
            bytes = database.Profile(ProfileFormat.Isf).Bytes.Length;
            database.DropUnused();
            watch.Stop();
            totals.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"flip {i} ({(i % 2 == 0 ? "flipped" : "back")}): {watch.Elapsed.TotalMilliseconds:F1} ms, {bytes} bytes");
        }
        var steady = totals.Skip(rounds / 2).Order().ToList();
        Console.WriteLine($"median of the last {steady.Count} flips: {steady[steady.Count / 2]:F1} ms (best {steady[0]:F1})");
        Console.WriteLine(database.Database.Statistics);
        return 0;
    }

    /// <summary>`flip-times batch [ROUNDS]`: <see cref="ConfigBatch"/> through fresh databases ROUNDS times, each config's time and stage log.</summary>
    private static int Batch(int rounds)
    {
        var preAst = PreAstBuilder.Build(KernelInputs.Options61()).PreAst;
        var configs = ConfigBatch.Configs();
        for (var round = 0; round < rounds; round++)
        {
            var database = new ProfileDatabase(preAst);
            var total = Stopwatch.StartNew();
            var marginalCpu = 0.0;
            for (var i = 0; i < configs.Length; i++)
            {
                if (round == rounds - 1) database.Session.Log = new StageLog(Console.Out, interactive: false);
                if (i == 1) PerfControl("enable");
                var watch = Stopwatch.StartNew();
                var pause = GC.GetTotalPauseDuration();
                var gen2 = GC.CollectionCount(2);
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var cpu = ThreadCpu.Milliseconds();
                database.SetConfig(configs[i]);
                var bytes = database.Profile(ProfileFormat.Isf).Bytes.Length;
                database.DropUnused();
                cpu = ThreadCpu.Milliseconds() - cpu;
                if (i > 0) marginalCpu += cpu;
                Console.WriteLine($"round {round} config {i}: {watch.Elapsed.TotalMilliseconds:F1} ms ({cpu:F1} ms CPU, GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms, {GC.CollectionCount(2) - gen2} gen2, {(GC.GetAllocatedBytesForCurrentThread() - allocated) >> 20} MB allocated), {bytes} bytes; preprocessing {database.Session.Preprocessing?.LastRun}");
            }
            PerfControl("disable");
            Console.WriteLine($"round {round}: {total.Elapsed.TotalMilliseconds:F0} ms for {configs.Length} configs; configs after the first: {marginalCpu / (configs.Length - 1):F1} ms CPU each");
        }
        return 0;
    }

    /// <summary>`flip-times cold [ROUNDS] [single|recording|both]`: the amd64 profile in fresh databases, single-config (no recording) and/or batch (recording), each with its stage log: what recording costs.</summary>
    private static int Cold(int rounds, string which)
    {
        var preAst = PreAstBuilder.Build(KernelInputs.Options61()).PreAst;
        var config = ConfigBatch.Amd64();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var reuse in which switch { "single" => new[] { false }, "recording" => [true], _ => [false, true] })
            {
                var database = new ProfileDatabase(preAst, reuseAcrossConfigs: reuse);
                if (round == rounds - 1 || Environment.GetEnvironmentVariable("FLIP_LOG_ALL") is not null) database.Session.Log = new StageLog(Console.Out, interactive: false);
                var pause = GC.GetTotalPauseDuration();
                var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                var allocated = GC.GetTotalAllocatedBytes();
                var watch = Stopwatch.StartNew();
                database.SetConfig(config);
                var bytes = database.Profile(ProfileFormat.Isf).Bytes.Length;
                Console.WriteLine(
                    $"round {round} {(reuse ? "recording" : "single")}: {watch.Elapsed.TotalMilliseconds:F1} ms, {bytes} bytes; " +
                    $"GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms, collections {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, " +
                    $"allocated {(GC.GetTotalAllocatedBytes() - allocated) >> 20} MB, heap {GC.GetTotalMemory(false) >> 20} MB");
            }
        }
        return 0;
    }

    /// <summary>`flip-times pp-cold [ROUNDS] [single|recording|both]`: the module's preprocessing alone, cold, without and with a fresh session.</summary>
    private static int PreprocessCold(int rounds, string which)
    {
        var preAst = PreAstBuilder.Build(KernelInputs.Options61()).PreAst;
        var options = Preprocessing.Kbuild.KbuildCompilation.Create(preAst, ConfigBatch.Amd64(), new Dictionary<string, string>()).LazyConfigOptions;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var recording in which switch { "single" => new[] { false }, "recording" => [true], _ => [false, true] })
            {
                var pause = GC.GetTotalPauseDuration();
                var allocated = GC.GetTotalAllocatedBytes();
                var watch = Stopwatch.StartNew();
                var result = Preprocessing.Running.Preprocessor.Run(preAst, options, Preprocessing.PreAst.PreAst.MainFile, recording ? new Preprocessing.Reuse.PreprocessingSession() : null);
                Console.WriteLine(
                    $"round {round} {(recording ? "recording" : "single")}: {watch.Elapsed.TotalMilliseconds:F1} ms, {result.Tokens.Count} tokens, {result.Origins.Count} origins; " +
                    $"GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms, allocated {(GC.GetTotalAllocatedBytes() - allocated) >> 20} MB");
            }
        }
        return 0;
    }

    /// <summary>With PERF_CTL set to the control fifo of `perf record --control=fifo:FILE -D -1`, profiles only the configs after the first.</summary>
    private static void PerfControl(string command)
    {
        if (Environment.GetEnvironmentVariable("PERF_CTL") is not { } fifo) return;
        File.WriteAllText(fifo, command + "\n");
        // perf reads its control fifo on its own time: without a pause, samples of what follows a "disable" still count.
        Thread.Sleep(30);
    }

    /// <summary>`flip-times first-flip [OPTION] [ROUNDS]`: per round a fresh database makes the amd64 profile (untimed), then the profile with OPTION flipped, a config it has never seen: the first visit's cost, with its stage log.</summary>
    private static int FirstFlip(string option, int rounds)
    {
        var preAst = PreAstBuilder.Build(KernelInputs.Options61()).PreAst;
        var config = ConfigBatch.Amd64();
        var flipped = config.With(option, !config.IsSet(option) ? new ConfigValue(ConfigValueKind.Yes, "y") : null);
        var times = new List<double>();
        var layoutTimes = new List<double>();
        var restTimes = new List<double>();
        using var allocations = Environment.GetEnvironmentVariable("FLIP_ALLOCS") is null ? null : new AllocationSampler();
        for (var round = 0; round < rounds; round++)
        {
            var database = new ProfileDatabase(preAst);
            database.SetConfig(config);
            database.Profile(ProfileFormat.Isf);
            database.DropUnused();
            GC.Collect();
            var stages = new StringWriter();
            database.Session.Log = new StageLog(stages, interactive: false);
            var pause = GC.GetTotalPauseDuration();
            if (round > 0) PerfControl("enable");
            var cpu = ThreadCpu.Milliseconds();
            if (allocations is not null) allocations.Active = round > 0;
            var watch = Stopwatch.StartNew();
            database.SetConfig(flipped);
            var bytes = database.Profile(ProfileFormat.Isf).Bytes.Length;
            watch.Stop();
            if (allocations is not null) allocations.Active = false;
            PerfControl("disable");
            cpu = ThreadCpu.Milliseconds() - cpu;
            var (layout, logged) = StageTimes(stages.ToString());
            if (round > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                layoutTimes.Add(layout);
                restTimes.Add(watch.Elapsed.TotalMilliseconds - logged);
            }
            if (round == rounds - 1 || Environment.GetEnvironmentVariable("FLIP_LOG_ALL") is not null) Console.Write(stages.ToString());
            Console.WriteLine($"round {round}: first flip of {option}: {watch.Elapsed.TotalMilliseconds:F1} ms ({cpu:F1} ms CPU, GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms), {bytes} bytes; {database.Session.Preprocessing?.LastRun}");
        }
        Console.WriteLine($"median of rounds after the first: {Median(times):F1} ms; layout stage {Median(layoutTimes):F0} ms, outside the logged stages {Median(restTimes):F1} ms");
        allocations?.Print(rounds - 1);
        return 0;
    }

    /// <summary>`flip-times pp-first-flip [OPTION] [ROUNDS]`: the module's preprocessing alone: a fresh session runs amd64, then OPTION flipped (a first visit), whose thread CPU time is given.</summary>
    private static int PreprocessFirstFlip(string option, int rounds)
    {
        var preAst = PreAstBuilder.Build(KernelInputs.Options61()).PreAst;
        var config = ConfigBatch.Amd64();
        var flipped = config.With(option, !config.IsSet(option) ? new ConfigValue(ConfigValueKind.Yes, "y") : null);
        var options = Preprocessing.Kbuild.KbuildCompilation.Create(preAst, config, new Dictionary<string, string>()).LazyConfigOptions;
        var flippedOptions = Preprocessing.Kbuild.KbuildCompilation.Create(preAst, flipped, new Dictionary<string, string>()).LazyConfigOptions;
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var session = new Preprocessing.Reuse.PreprocessingSession();
            Preprocessing.Running.Preprocessor.Run(preAst, options, Preprocessing.PreAst.PreAst.MainFile, session);
            GC.Collect();
            if (round > 0) PerfControl("enable");
            var cpu = ThreadCpu.Milliseconds();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            Preprocessing.Running.Preprocessor.Run(preAst, flippedOptions, Preprocessing.PreAst.PreAst.MainFile, session);
            cpu = ThreadCpu.Milliseconds() - cpu;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            PerfControl("disable");
            if (round > 0) times.Add(cpu);
            Console.WriteLine($"round {round}: {cpu:F1} ms CPU, {allocated / 1e6:F1} MB allocated; {session.LastRun}");
        }
        times.Sort();
        Console.WriteLine($"median CPU of rounds after the first: {times[times.Count / 2]:F1} ms (best {times[0]:F1})");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>The layout stage's time and the sum of all stages' times in a stage log ("[  0.012s] layout: ..."), in ms.</summary>
    private static (double Layout, double Logged) StageTimes(string log)
    {
        double layout = 0, logged = 0;
        foreach (var line in log.Split('\n'))
        {
            var match = System.Text.RegularExpressions.Regex.Match(line, @"^\[\s*([0-9.]+)s\] ([a-z -]+):");
            if (!match.Success) continue;
            var ms = double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 1000;
            logged += ms;
            if (match.Groups[2].Value == "layout") layout += ms;
        }
        return (layout, logged);
    }
}
