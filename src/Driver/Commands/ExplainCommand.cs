using System.CommandLine;
using LayoutExpert.Driver.Explain;

namespace LayoutExpert.Driver.Commands;

/// <summary>
/// explain: the config options that decide a type's layout (or a member's
/// offset) under a config, each with the conditional lines that read it.
/// </summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "The kernel .config (or /proc/config.gz).", Required = true };
        var preAst = new Argument<FileInfo>("PRE_AST");
        var subject = new Argument<string>("TYPE") { Description = "A type (task_struct, struct dentry, spinlock_t) or TYPE.MEMBER." };
        var command = new Command("explain", "Which config options decide a type's layout or a member's offset, and the #if lines that read them.")
        {
            config, preAst, subject,
        };
        command.SetAction(r => Run(r.GetRequiredValue(config).FullName, r.GetRequiredValue(preAst).FullName, r.GetRequiredValue(subject)));
        return command;
    }

    private static int Run(string configPath, string preAstPath, string subject)
    {
        var log = StageLog.ForConsole();
        var database = ConfigAnalysis.Open(preAstPath, log, severalConfigs: false);
        if (ConfigAnalysis.ReadConfig(configPath, log) is not { } config) return ExitCodes.InputError;
        database.SetConfig(config);
        var attribution = ConfigAnalysis.Attribution(database, config);
        var explanation = log.Run("explain", () => attribution.Explain(subject), e => e.Found ? $"{e.Options.Length} options" : "not found");
        if (!explanation.Found)
        {
            log.Info($"error: {explanation.Problem} [LE5006]");
            return ExitCodes.InputError;
        }
        var types = database.Types().Types;
        Console.Out.WriteLine(ExplanationText.Format(explanation, types));
        return ExitCodes.Success;
    }
}
