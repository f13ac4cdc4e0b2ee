using System.CommandLine;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Serialization;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Driver.Commands;

/// <summary>
/// build-pre-ast: reads every header reachable from the module source in any
/// branch, and stores the linked preprocessing trees in one Pre-AST file.
/// Also answers to the original tool's spelling:
/// build_pre_ast --source_file_path FILE --linux_repository_path DIR OUTPUT.
/// </summary>
public static class BuildPreAstCommand
{
    public static Command Create()
    {
        var source = new Option<FileInfo?>("--source") { Description = "The module source (default: the project's own module.c)." };
        var trees = new Option<DirectoryInfo[]>("--linux-repository")
        {
            Description = "Kernel tree(s): a source tree, or Debian's -common tree then a flavour directory.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var arch = new Option<string>("--arch") { Description = "Target architecture.", DefaultValueFactory = _ => "x86_64" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The Pre-AST file to write.", Required = true };
        var compress = new Option<bool>("--compress") { Description = "Deflate the file's sections: about half the size, a little slower to load." };
        var command = new Command("build-pre-ast", "Build the Pre-AST of a kernel tree for a module source.")
        {
            source, trees, arch, output, compress,
        };
        command.SetAction(result => Run(result.GetValue(source), result.GetRequiredValue(trees), result.GetRequiredValue(arch),
            result.GetRequiredValue(output), result.GetValue(compress)));
        return command;
    }

    public static Command CreateOriginalSpelling()
    {
        var source = new Option<FileInfo?>("--source_file_path") { Description = "The module source." };
        var tree = new Option<DirectoryInfo[]>("--linux_repository_path") { Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Argument<FileInfo>("OUTPUT");
        var command = new Command("build_pre_ast", "build-pre-ast, as the original Layout Expert spelled it.") { source, tree, output };
        command.SetAction(result => Run(result.GetValue(source), result.GetRequiredValue(tree), "x86_64", result.GetRequiredValue(output), false));
        return command;
    }

    private static int Run(FileInfo? source, DirectoryInfo[] trees, string archName, FileInfo output, bool compress)
    {
        var log = StageLog.ForConsole();
        var arch = ArchitectureLayout.Find(archName) ?? throw new UserInputException($"unsupported architecture '{archName}' (supported: x86_64)");
        foreach (var tree in trees)
        {
            if (!tree.Exists) throw new UserInputException($"{tree.FullName}: no such directory (--linux-repository)");
        }
        if (source is { Exists: false }) throw new UserInputException($"{source.FullName}: no such file (--source)");
        var moduleName = source?.FullName ?? Path.Combine(Environment.CurrentDirectory, DefaultModule.FileName);
        var moduleText = source is null ? DefaultModule.Text() : File.ReadAllText(source.FullName);
        var options = new PreAstBuildOptions([.. trees.Select(t => t.FullName)], arch, moduleName, moduleText)
        {
            AdditionalSources = [(DefaultModule.BoundsFileName, DefaultModule.BoundsText())],
        };

        var result = log.Run("parse and link includes", () => PreAstBuilder.Build(options),
            r => $"{r.PreAst.Files.Length} files, {r.PreAst.Files.Sum(f => (long)f.Root.FullWidth) / 1e6:F1} MB of source, {r.PreAst.Missing.Length} includes not found");
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var diagnostic in errors.Take(20)) log.Info(diagnostic.ToString());
        if (errors.Count > 20) log.Info($"... and {errors.Count - 20} more errors");
        foreach (var missing in result.PreAst.Missing.Take(10)) log.Info($"note: not found: {missing}");

        log.Run("write", () =>
        {
            PreAstWriter.WriteFile(result.PreAst, output.FullName, compress);
            return new FileInfo(output.FullName).Length;
        }, size => $"{output.FullName} ({size / 1e6:F1} MB)");
        var m = result.PreAst.Metadata;
        log.Summary($"done: Pre-AST of {m.KernelRelease} ({m.Architecture}), {result.PreAst.Files.Length} files, {errors.Count} errors in unevaluated branches");
        return ExitCodes.Success;
    }
}
