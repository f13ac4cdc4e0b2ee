using System.Diagnostics;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Driver.Queries;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Kbuild;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>
/// A flip's front end (everything before binding) split into its steps, with
/// Stopwatch times and the collections each step caused:
/// `front-times [OPTION] [ROUNDS]`. The steps are those
/// <see cref="FrontEnd.Compile"/> runs inside make-profile's database, taken
/// one by one over one <see cref="PreprocessingSession"/> and one
/// <see cref="ParseReuse"/>, as the database keeps them; then the database's
/// own share (setting the config's inputs and verifying memos) is timed on a
/// <see cref="ProfileDatabase"/> whose module compile is asked for alone.
/// </summary>
public static class FrontTimes
{
    public static int Run(string[] args)
    {
        var option = args.Length > 0 ? args[0] : "MEMCG";
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 16;
        var preAst = PreAstBuilder.Build(KernelInputs.Options61()).PreAst;
        var config = KernelConfigReader.ReadFile(KernelCache.Config(KernelInputs.Kernel, "amd64")).Config;
        var flipped = config.With(option, !config.IsSet(option) ? new ConfigValue(ConfigValueKind.Yes, "y") : null);
        var module = Preprocessing.PreAst.PreAst.MainFile;

        // kbuild's setup per config, made before: in the database it reads a dozen options, none of which a flip of
        // OPTION changes, so a flip only verifies it (the database's share below includes that).
        if (args.Contains("--database-only"))
        {
            DatabaseShare(preAst, config, flipped, rounds);
            return 0;
        }
        var compilations = new[] { config, flipped }.Select(c => KbuildCompilation.Create(preAst, c, new Dictionary<string, string>())).ToArray();
        var session = new PreprocessingSession();
        var parses = new ParseReuse();
        var steps = new Dictionary<string, List<double>>();
        for (var i = -1; i < rounds; i++)
        {
            var split = new Split(steps, record: i >= rounds / 2);
            var options = compilations[i % 2 == 0 ? 1 : 0].LazyConfigOptions;
            var preprocessed = split.Time("preprocess", () => Preprocessor.Run(preAst, options, module, session));
            var input = split.Time("parser-input", () => ParserInput.Fill(preprocessed.Tokens, parses.Input));
            var parsed = split.Time("parse", () => CParser.ParseTranslationUnit(input, parses.Cache, parses.Declarations));
            split.Time("trim", () => { parses.Declarations.Trim(ParseReuse.KeepParses); return 0; });
            var lines = split.Time("line-starts", () => ParserInput.LineStarts(preprocessed.Tokens, parses.Input));
            var tree = split.Time("syntax-tree", () => new Syntax.Red.SyntaxTree(
                new Syntax.Text.SourceText(parsed.Root.ToFullString, parsed.Root.FullWidth, lines, "module.c (preprocessed)"), parsed.Root));
            split.Time("diagnostics", () => tree.GetDiagnostics().Count());
            Console.WriteLine($"flip {i}: {split} | {session.LastRun} | reuse {parses.Declarations.LastParse}");
        }
        Console.WriteLine("medians of the last half:");
        foreach (var (step, times) in steps) Console.WriteLine($"  {step,-14} {Median(times),7:F2} ms (best {times.Min(),6:F2})");
        Console.WriteLine($"  {"total",-14} {Median(Totals(steps)),7:F2} ms (best {Totals(steps).Min(),6:F2})");
        Console.WriteLine($"  {"total cpu",-14} {Median(Totals(steps, cpu: true)),7:F2} ms (best {Totals(steps, cpu: true).Min(),6:F2})");

        if (!args.Contains("--no-database")) DatabaseShare(preAst, config, flipped, rounds);
        return 0;
    }

    /// <summary>
    /// The front end as a flip in the database runs it: SetConfig, then the module's compile (verifying its
    /// dependencies, kbuild-setup and bounds among them, and running preprocess, parse and bind), less bind (other
    /// work: its time is taken from the stage log), then DropUnused.
    /// </summary>
    private static void DatabaseShare(Preprocessing.PreAst.PreAst preAst, KernelConfig config, KernelConfig flipped, int rounds)
    {
        var database = new ProfileDatabase(preAst);
        database.SetConfig(config);
        database.CompiledModule();
        var parts = new Dictionary<string, List<double>>();
        void Add(string part, double ms) => (parts.TryGetValue(part, out var list) ? list : parts[part] = []).Add(ms);
        for (var i = 0; i < rounds; i++)
        {
            var log = new StringWriter();
            database.Session.Log = new LayoutExpert.Driver.StageLog(log, interactive: false);
            var watch = Stopwatch.StartNew();
            database.SetConfig(i % 2 == 0 ? flipped : config);
            var set = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            database.CompiledModule();
            var compile = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            database.DropUnused();
            var drop = watch.Elapsed.TotalMilliseconds;
            var stages = StageTimes(log.ToString());
            var front = set + compile - stages.GetValueOrDefault("bind") + drop;
            Console.WriteLine($"database flip {i}: SetConfig {set:F1}, compile {compile:F1} (preprocess {stages.GetValueOrDefault("preprocess"):F0}, parse {stages.GetValueOrDefault("parse"):F0}, bind {stages.GetValueOrDefault("bind"):F0}), DropUnused {drop:F1}: front end {front:F1} ms");
            if (i < rounds / 2) continue;
            Add("SetConfig", set);
            Add("verify+other", compile - stages.Values.Sum());
            Add("preprocess", stages.GetValueOrDefault("preprocess"));
            Add("parse", stages.GetValueOrDefault("parse"));
            Add("DropUnused", drop);
            Add("front end", front);
        }
        Console.WriteLine("database medians of the last half:");
        foreach (var (part, times) in parts) Console.WriteLine($"  {part,-14} {Median(times),7:F2} ms (best {times.Min(),6:F2})");
    }

    /// <summary>Stage name to milliseconds, from a stage log's "[  0.012s] parse: ..." lines.</summary>
    private static Dictionary<string, double> StageTimes(string log)
    {
        var times = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in log.Split('\n'))
        {
            var close = line.IndexOf("s] ", StringComparison.Ordinal);
            var colon = line.IndexOf(':', Math.Max(close, 0));
            if (!line.StartsWith('[') || close < 0 || colon < 0) continue;
            var seconds = double.Parse(line[1..close], System.Globalization.CultureInfo.InvariantCulture);
            times[line[(close + 3)..colon]] = seconds * 1000;
        }
        return times;
    }

    /// <summary>Per flip, the sum of the wall times (or, with <paramref name="cpu"/>, of the thread's CPU times).</summary>
    private static IEnumerable<double> Totals(Dictionary<string, List<double>> steps, bool cpu = false)
    {
        var lists = steps.Where(s => s.Key.EndsWith(" cpu", StringComparison.Ordinal) == cpu).Select(s => s.Value).ToList();
        for (var i = 0; i < lists[0].Count; i++) yield return lists.Sum(t => t[i]);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    /// <summary>The calling thread's CPU time (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID)): steadier than wall time on a shared machine.</summary>
    private static class ThreadCpu
    {
        private const int ClockThreadCpuTime = 3;

        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out TimeSpec time);

        public static TimeSpan Now() =>
            ClockGetTime(ClockThreadCpuTime, out var t) == 0 ? TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100) : TimeSpan.Zero;
    }

    private sealed class Split(Dictionary<string, List<double>> steps, bool record)
    {
        private readonly List<string> _parts = [];

        public T Time<T>(string step, Func<T> work)
        {
            var gen0 = GC.CollectionCount(0);
            var gen2 = GC.CollectionCount(2);
            var cpu = ThreadCpu.Now();
            var watch = Stopwatch.StartNew();
            var result = work();
            var ms = watch.Elapsed.TotalMilliseconds;
            var cpuMs = (ThreadCpu.Now() - cpu).TotalMilliseconds;
            var collections = GC.CollectionCount(0) - gen0;
            var full = GC.CollectionCount(2) - gen2;
            _parts.Add($"{step} {ms:F1}/{cpuMs:F1}" + (collections > 0 ? $" (gc {collections}/{full})" : ""));
            if (record)
            {
                if (!steps.TryGetValue(step, out var list)) steps[step] = list = [];
                list.Add(ms);
                if (!steps.TryGetValue(step + " cpu", out var cpus)) steps[step + " cpu"] = cpus = [];
                cpus.Add(cpuMs);
            }
            return result;
        }

        public override string ToString() => string.Join(", ", _parts);
    }
}
