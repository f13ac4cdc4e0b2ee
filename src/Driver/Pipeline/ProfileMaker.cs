using System.Collections.Immutable;
using LayoutExpert.Driver.Commands;
using LayoutExpert.Layout.Profiles;
using LayoutExpert.Layout.Profiles.Isf;
using LayoutExpert.Layout.Profiles.Rekall;
using LayoutExpert.Layout.Symbols;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Serialization;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Driver.Pipeline;

/// <summary>
/// make-profile end to end: load, config, symbols, types (bounds, preprocess,
/// parse, bind, layout), write. Every stage is logged with its time; the
/// profile is written whole or not at all; a type that cannot be laid out is
/// reported by name and makes the exit code non-zero unless partial profiles
/// are allowed.
/// </summary>
public static class ProfileMaker
{
    public static int Run(ProfileRequest request, StageLog log)
    {
        var preAst = log.Run("load", () => PreAstReader.ReadFile(request.PreAstPath), p => $"{p.Files.Length} files, {p.Metadata.KernelRelease}");
        if (preAst.Metadata.Architecture != "x86_64")
        {
            log.Info($"error: {request.PreAstPath}: a Pre-AST for {preAst.Metadata.Architecture}; this LayoutExpert makes x86_64 profiles [LE5004]");
            return ExitCodes.InputError;
        }
        var config = log.Run("config", () => KernelConfigReader.ReadFile(request.ConfigPath), c => $"{c.Config.Count} options");
        if (PreprocessCommand.Report(log, config.Diagnostics)) return ExitCodes.InputError;

        SymbolTable? symbols = null;
        if (request.SystemMapPath is { } mapPath)
        {
            symbols = log.Run("symbols", () => SymbolMapReader.Read(mapPath), s => $"{s.Addresses.Count} symbols");
            PreprocessCommand.Report(log, symbols.Diagnostics);
        }
        else
        {
            log.Info("warning: no --system-map: the profile has types and no symbols [LE5002]");
        }
        KernelBanner? banner = null;
        if (request.BannerPath is { } bannerPath)
        {
            var read = KernelBanner.Read(bannerPath);
            PreprocessCommand.Report(log, read.Diagnostics);
            banner = read.Banner;
        }

        var symbolNames = symbols?.Addresses.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        var types = ProfileBuild.Types(preAst, config.Config, symbolNames, log);
        var failed = PreprocessCommand.Report(log, types.Diagnostics);
        foreach (var issue in types.Issues.Take(50)) log.Info($"error: {issue.Subject}: layout not computable: {issue.Problem.Message} [LE5003]");
        if (types.Issues.Length > 0) log.Info($"{types.Issues.Length} types not computable; the profile leaves them out");
        failed |= types.Issues.Length > 0;
        if (types.Types.Records.Count == 0) return ExitCodes.InputError;

        var addresses = symbols?.Addresses ?? ImmutableSortedDictionary<string, ulong>.Empty;
        var written = log.Run("write", () => Write(request, types, addresses, banner, config.Config),
            d => $"{request.OutputPath} ({request.Format})");
        failed |= PreprocessCommand.Report(log, written);
        log.Info("key offsets: " + KeyOffsets.Describe(types.Types));
        log.Summary($"done: {types.Types.Records.Count} structs/unions, {types.Types.Enums.Count} enums, " +
            $"{types.Types.Typedefs.Count} typedefs, {addresses.Count} symbols ({types.SymbolTypes.Count} typed)");
        return failed && !request.AllowPartial ? ExitCodes.InputError : ExitCodes.Success;
    }

    private static ImmutableArray<Diagnostic> Write(ProfileRequest request, ProfileTypes types, IReadOnlyDictionary<string, ulong> addresses,
        KernelBanner? banner, KernelConfig config)
    {
        if (request.Format == ProfileFormat.Rekall)
        {
            var options = config.Entries.ToDictionary(e => "CONFIG_" + e.Name, e => e.Value.Unescaped, StringComparer.Ordinal);
            return RekallWriter.Write(new RekallInput(types.Types, addresses, options), request.OutputPath);
        }
        var symbolSources = request.SystemMapPath is { } map
            ? ImmutableArray.Create(IsfSourceFile.FromFile(IsfSourceKind.SystemMap, map))
            : ImmutableArray<IsfSourceFile>.Empty;
        var producer = new IsfProducer("LayoutExpert", typeof(ProfileMaker).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        var input = new IsfInput(types.Types, addresses, types.SymbolTypes, banner, producer, symbolSources, []);
        var document = IsfWriter.Build(input);
        var diagnostics = document.Diagnostics.AddRange(IsfRequirements.Check(document));
        document.WriteTo(request.OutputPath);
        return diagnostics;
    }
}
