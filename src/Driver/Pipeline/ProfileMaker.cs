using System.Collections.Immutable;
using LayoutExpert.Driver.Commands;
using LayoutExpert.Driver.Queries;
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
        SymbolTable? symbols = null;
        if (request.SystemMapPath is { } mapPath)
        {
            symbols = log.Run("symbols", () => SymbolMapReader.Read(mapPath), s => $"{s.Addresses.Count} symbols");
            log.Report(symbols.Diagnostics);
        }
        else
        {
            log.Info("warning: no --system-map: the profile has types and no symbols [LE5002]");
        }
        KernelBanner? banner = null;
        if (request.BannerPath is { } bannerPath)
        {
            var read = KernelBanner.Read(bannerPath);
            log.Report(read.Diagnostics);
            banner = read.Banner;
        }
        var outputs = OutputPaths(request);
        if (outputs is null)
        {
            log.Info("error: several configs need distinct file names (each names its profile in the output directory) [LE5005]");
            return ExitCodes.Usage;
        }
        // One process, one database, one profile per config: each config re-runs only what read an option
        // that differs from the previous one. The worst outcome decides the exit code.
        var database = new ProfileDatabase(preAst, reuseAcrossConfigs: request.ConfigPaths.Count > 1);
        database.Session.Log = log;
        var sources = request.SystemMapPath is { } map
            ? ImmutableArray.Create(IsfSourceFile.FromFile(IsfSourceKind.SystemMap, map))
            : ImmutableArray<IsfSourceFile>.Empty;
        database.SetSymbols(new SymbolInput(symbols?.Addresses ?? ImmutableSortedDictionary<string, ulong>.Empty, banner, sources));
        var exit = ExitCodes.Success;
        for (var i = 0; i < request.ConfigPaths.Count; i++)
        {
            if (request.ConfigPaths.Count > 1) log.Info($"== {request.ConfigPaths[i]} -> {outputs[i]}");
            exit = Math.Max(exit, One(request, database, request.ConfigPaths[i], outputs[i], log));
            database.DropUnused();
        }
        return exit;
    }

    private static string[]? OutputPaths(ProfileRequest request)
    {
        if (request.ConfigPaths.Count == 1) return [request.OutputPath];
        var names = request.ConfigPaths.Select(c => Path.GetFileNameWithoutExtension(c) + "." + request.Format.ToString().ToLowerInvariant() + ".json").ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length) return null;
        Directory.CreateDirectory(request.OutputPath);
        return [.. names.Select(n => Path.Combine(request.OutputPath, n))];
    }

    private static int One(ProfileRequest request, ProfileDatabase database, string configPath, string outputPath, StageLog log)
    {
        var config = log.Run("config", () => KernelConfigReader.ReadFile(configPath), c => $"{c.Config.Count} options");
        if (log.Report(config.Diagnostics)) return ExitCodes.InputError;
        database.SetConfig(config.Config);
        var types = database.Types();
        var failed = log.Report(types.Diagnostics);
        foreach (var issue in types.Issues.Take(50)) log.Info($"error: {issue.Subject}: layout not computable: {issue.Problem.Message} [LE5003]");
        if (types.Issues.Length > 0) log.Info($"{types.Issues.Length} types not computable; the profile leaves them out");
        failed |= types.Issues.Length > 0;
        if (types.Types.Records.Count == 0) return ExitCodes.InputError;

        var document = log.Run("write", () =>
        {
            var built = database.Profile(request.Format);
            built.WriteTo(outputPath);
            return built;
        }, d => $"{outputPath} ({request.Format}, {d.Bytes.Length} bytes)");
        failed |= log.Report(document.Diagnostics);
        log.Info("key offsets: " + KeyOffsets.Describe(types.Types));
        log.Summary($"done: {types.Types.Records.Count} structs/unions, {types.Types.Enums.Count} enums, " +
            $"{types.Types.Typedefs.Count} typedefs, {database.SymbolCount} symbols ({types.SymbolTypes.Count} typed)");
        return failed && !request.AllowPartial ? ExitCodes.InputError : ExitCodes.Success;
    }
}
