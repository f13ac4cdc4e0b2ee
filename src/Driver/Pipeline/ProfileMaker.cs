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
        // One process, one loaded Pre-AST, one profile per config; the worst outcome decides the exit code.
        var exit = ExitCodes.Success;
        for (var i = 0; i < request.ConfigPaths.Count; i++)
        {
            if (request.ConfigPaths.Count > 1) log.Info($"== {request.ConfigPaths[i]} -> {outputs[i]}");
            exit = Math.Max(exit, One(request, preAst, request.ConfigPaths[i], outputs[i], symbols, banner, log));
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

    private static int One(ProfileRequest request, Preprocessing.PreAst.PreAst preAst, string configPath, string outputPath,
        SymbolTable? symbols, KernelBanner? banner, StageLog log)
    {
        var config = log.Run("config", () => KernelConfigReader.ReadFile(configPath), c => $"{c.Config.Count} options");
        if (log.Report(config.Diagnostics)) return ExitCodes.InputError;
        var symbolNames = symbols?.Addresses.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        var types = ProfileBuild.Types(preAst, config.Config, symbolNames, log);
        var failed = log.Report(types.Diagnostics);
        foreach (var issue in types.Issues.Take(50)) log.Info($"error: {issue.Subject}: layout not computable: {issue.Problem.Message} [LE5003]");
        if (types.Issues.Length > 0) log.Info($"{types.Issues.Length} types not computable; the profile leaves them out");
        failed |= types.Issues.Length > 0;
        if (types.Types.Records.Count == 0) return ExitCodes.InputError;

        var addresses = symbols?.Addresses ?? ImmutableSortedDictionary<string, ulong>.Empty;
        var written = log.Run("write", () => Write(request, outputPath, types, addresses, banner, config.Config),
            d => $"{outputPath} ({request.Format})");
        failed |= log.Report(written);
        log.Info("key offsets: " + KeyOffsets.Describe(types.Types));
        log.Summary($"done: {types.Types.Records.Count} structs/unions, {types.Types.Enums.Count} enums, " +
            $"{types.Types.Typedefs.Count} typedefs, {addresses.Count} symbols ({types.SymbolTypes.Count} typed)");
        return failed && !request.AllowPartial ? ExitCodes.InputError : ExitCodes.Success;
    }

    private static ImmutableArray<Diagnostic> Write(ProfileRequest request, string outputPath, ProfileTypes types, IReadOnlyDictionary<string, ulong> addresses,
        KernelBanner? banner, KernelConfig config)
    {
        if (request.Format == ProfileFormat.Rekall)
        {
            var options = config.Entries.ToDictionary(e => "CONFIG_" + e.Name, e => e.Value.Unescaped, StringComparer.Ordinal);
            return RekallWriter.Write(new RekallInput(types.Types, addresses, options), outputPath);
        }
        var symbolSources = request.SystemMapPath is { } map
            ? ImmutableArray.Create(IsfSourceFile.FromFile(IsfSourceKind.SystemMap, map))
            : ImmutableArray<IsfSourceFile>.Empty;
        var producer = new IsfProducer("LayoutExpert", typeof(ProfileMaker).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        var input = new IsfInput(types.Types, addresses, types.SymbolTypes, banner, producer, symbolSources, []);
        var document = IsfWriter.Build(input);
        var diagnostics = document.Diagnostics.AddRange(IsfRequirements.Check(document));
        document.WriteTo(outputPath);
        return diagnostics;
    }
}
