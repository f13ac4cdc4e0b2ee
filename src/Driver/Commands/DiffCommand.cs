using System.CommandLine;
using System.Text;
using LayoutExpert.Driver.Explain;
using LayoutExpert.Layout.Model;
using LayoutExpert.Preprocessing.Config;

namespace LayoutExpert.Driver.Commands;

/// <summary>
/// diff: the types whose layout differs between two configs of one kernel,
/// member by member, with the options behind each difference (options the
/// type's layout reads whose values differ between the configs).
/// </summary>
public static class DiffCommand
{
    public static Command Create()
    {
        var configs = new Option<FileInfo[]>("--config") { Description = "Two kernel configs: --config A --config B.", Required = true };
        var preAst = new Argument<FileInfo>("PRE_AST");
        var command = new Command("diff", "The types whose layout differs between two configs, member by member, and the options behind it.")
        {
            configs, preAst,
        };
        command.SetAction(r => Run(r.GetRequiredValue(configs), r.GetRequiredValue(preAst).FullName));
        return command;
    }

    private static int Run(FileInfo[] configs, string preAstPath)
    {
        var log = StageLog.ForConsole();
        if (configs.Length != 2)
        {
            log.Info("error: diff compares exactly two configs: --config A --config B [LE5007]");
            return ExitCodes.Usage;
        }
        var database = ConfigAnalysis.Open(preAstPath, log, severalConfigs: true);
        if (ConfigAnalysis.ReadConfig(configs[0].FullName, log) is not { } before) return ExitCodes.InputError;
        if (ConfigAnalysis.ReadConfig(configs[1].FullName, log) is not { } after) return ExitCodes.InputError;
        database.SetConfig(before);
        var typesBefore = database.Types().Types;
        var attributionBefore = ConfigAnalysis.Attribution(database, before);
        database.SetConfig(after);
        var typesAfter = database.Types().Types;
        var attributionAfter = ConfigAnalysis.Attribution(database, after);
        var changes = log.Run("diff", () => LayoutSetDiff.Compare(typesBefore, typesAfter), c => $"{c.Length} types differ");
        Console.Out.Write(Format(changes, before, after, attributionBefore, attributionAfter));
        return ExitCodes.Success;
    }

    private static string Format(IReadOnlyList<TypeChange> changes, KernelConfig before, KernelConfig after,
        OptionAttribution attributionBefore, OptionAttribution attributionAfter)
    {
        var text = new StringBuilder();
        text.Append($"{changes.Count} types differ between {before.Path} and {after.Path}\n");
        foreach (var change in changes)
        {
            text.Append($"{change.Type}: size {Size(change.SizeBefore)} -> {Size(change.SizeAfter)}\n");
            foreach (var member in change.Members) text.Append($"    {member}\n");
            var options = Options(change.Type, attributionBefore, before, after).Union(Options(change.Type, attributionAfter, before, after))
                .Order(StringComparer.Ordinal).ToList();
            if (options.Count > 0)
            {
                text.Append("  because of: ").Append(string.Join(", ", options.Select(o => $"{o}={Value(before, o)}->{Value(after, o)}"))).Append('\n');
            }
        }
        return text.ToString();
    }

    private static IEnumerable<string> Options(string type, OptionAttribution attribution, KernelConfig before, KernelConfig after)
    {
        var explanation = attribution.Explain(type);
        return explanation.Options.Select(o => o.Option).Where(o => Value(before, o) != Value(after, o));
    }

    private static string Value(KernelConfig config, string option) => config[option["CONFIG_".Length..]]?.Value.Text ?? "n";

    private static string Size(long? size) => size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(absent)";
}
