using System.CommandLine;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Kbuild;
using LayoutExpert.Preprocessing.PreAst;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Serialization;

namespace LayoutExpert.Driver.Commands;

/// <summary>
/// preprocess: the Pre-AST under a config, printed as pure C like `gcc -E -P`,
/// so anyone can diff it against the compiler.
/// </summary>
public static class PreprocessCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "The kernel .config (or /proc/config.gz).", Required = true };
        var generated = new Option<DirectoryInfo?>("--generated")
        {
            Description = "A kernel build directory whose include/generated/ holds bounds.h, asm-offsets.h and timeconst.h for this config.",
        };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write here instead of standard output." };
        var keepGoing = new Option<bool>("--keep-going") { Description = "Go on after a missing #include, where gcc stops." };
        var preAst = new Argument<FileInfo>("PRE_AST");
        var command = new Command("preprocess", "Preprocess the Pre-AST's module with a kernel config and print the pure C.")
        {
            config, generated, output, keepGoing, preAst,
        };
        command.SetAction(result => Run(result.GetRequiredValue(config), result.GetValue(generated), result.GetValue(output),
            result.GetValue(keepGoing), result.GetRequiredValue(preAst)));
        return command;
    }

    private static int Run(FileInfo configFile, DirectoryInfo? generatedDir, FileInfo? output, bool keepGoing, FileInfo preAstFile)
    {
        var log = StageLog.ForConsole();
        var preAst = log.Run("load", () => PreAstReader.ReadFile(preAstFile.FullName), p => $"{p.Files.Length} files, {p.Metadata.KernelRelease}");
        var config = log.Run("config", () => KernelConfigReader.ReadFile(configFile.FullName), c => $"{c.Config.Count} options");
        if (log.Report(config.Diagnostics)) return ExitCodes.InputError;
        var other = OtherGeneratedHeaders(generatedDir);
        var compilation = KbuildCompilation.Create(preAst, config.Config, other);
        log.Report(compilation.Diagnostics);
        var options = compilation.Options with { KeepGoing = keepGoing };
        var result = log.Run("preprocess", () => Preprocessor.Run(preAst, options), r => $"{r.Tokens.Count} tokens");
        var failed = log.Report(result.Diagnostics);
        var text = result.ToText();
        if (output is null) Console.Out.Write(text);
        else Profiles.AtomicWrite(output.FullName, text);
        return failed ? ExitCodes.InputError : ExitCodes.Success;
    }

    /// <summary>bounds.h, asm-offsets.h and timeconst.h from a kernel build directory, when given.</summary>
    public static Dictionary<string, string> OtherGeneratedHeaders(DirectoryInfo? dir)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (dir is null) return headers;
        foreach (var path in PreAst.GeneratedHeaders.Where(p => p != "include/generated/autoconf.h"))
        {
            var file = Path.Combine(dir.FullName, path);
            if (File.Exists(file)) headers[path] = File.ReadAllText(file);
        }
        return headers;
    }
}
