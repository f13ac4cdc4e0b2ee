using System.Collections.Immutable;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Incremental;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Profiles;
using LayoutExpert.Layout.Profiles.Isf;
using LayoutExpert.Layout.Profiles.Rekall;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Kbuild;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Driver.Queries;

/// <summary>
/// make-profile's stages as queries of one <see cref="Database"/> (see
/// docs/architecture.md, "make-profile on the query engine"). Each is a pure
/// function of what it reads through its context; each value compares by
/// content, so a stage that re-runs and produces what it produced before stops
/// the change there (early cutoff): a config option that changes no type's
/// layout re-runs no writer.
/// <code>
///   kbuild-setup ──► compile(bounds.c) ──► bounds ──┐
///        └───────────────────────────────────────► compile(module.c) ──► types ──► profile(format)
/// </code>
/// </summary>
public static class ProfileQueries
{
    /// <summary>
    /// gcc's flags and predefined macros as kbuild sets them for the config, and the generated headers (bounds.h aside).
    /// It reads the options one at a time (a dozen: the flag rules', HZ, GCC_VERSION), so a change of any other option
    /// leaves it valid without running it.
    /// </summary>
    public static readonly DerivedQuery<string, KbuildSetup> Kbuild = new("kbuild-setup", (ctx, key) =>
    {
        var preAst = ctx.Get(ProfileInputs.PreAst, key);
        var config = KernelConfig.OptionByOption(".config", name => QueriedConfig.Read(ctx, name));
        return KbuildSetup.For(preAst, config);
    });

    /// <summary>One source of the Pre-AST (by file id) through the front end: preprocess, parse, bind. The module reads bounds.h.</summary>
    public static readonly DerivedQuery<int, CompiledUnit> Compile = new("compile", CompileSource);

    private static CompiledUnit CompileSource(QueryContext ctx, int source)
    {
        var preAst = ctx.Get(ProfileInputs.PreAst, ProfileInputs.Key);
        var session = ctx.Get(ProfileInputs.Session, ProfileInputs.Key);
        var setup = ctx.Get(Kbuild, ProfileInputs.Key);
        // The config's macros are read one option at a time through the context: each is a dependency of this memo.
        var options = setup.ConfigMacros is { } macros ? setup.Options with { ConfigMacros = new QueriedConfig(ctx, macros) } : setup.Options;
        CompiledUnit Run(StageLog log) =>
            FrontEnd.Compile(preAst, options, source, log, setup.RandstructPlugin, session.Preprocessing, session.ParsesOf(source),
                session.BindingsOf(source), session.LayoutsOf(source));
        if (source != Preprocessing.PreAst.PreAst.MainFile)
        {
            // Stages log where they run: under salsa a query may run while another is only being verified.
            return session.Log.Run("bounds", () => Run(StageLog.Silent), u => u.Errors.Any() ? "failed" : "bounds.c compiled");
        }
        var bounds = ctx.Get(Bounds, ProfileInputs.Key);
        if (bounds.Text is not null) options = options.WithGenerated("include/generated/bounds.h", bounds.Text);
        return Run(session.Log);
    }

    /// <summary>bounds.h for the config: kernel/bounds.c's values computed by compiling the project's bounds.c.</summary>
    public static readonly DerivedQuery<string, BoundsStage.Result> Bounds = new("bounds", ComputeBounds);

    private static BoundsStage.Result ComputeBounds(QueryContext ctx, string key)
    {
        var preAst = ctx.Get(ProfileInputs.PreAst, key);
        if (!preAst.Sources.TryGetValue(BoundsStage.SourceName, out var source)) return BoundsStage.Missing;
        return BoundsStage.FromUnit(ctx.Get(Compile, source));
    }

    /// <summary>The profile's types: what the module's globals and the System.map's typed symbols reach, laid out.</summary>
    public static readonly DerivedQuery<string, ProfileTypes> Types = new("types", (ctx, key) =>
    {
        var setup = ctx.Get(Kbuild, key);
        var bounds = ctx.Get(Bounds, key);
        var unit = ctx.Get(Compile, Preprocessing.PreAst.PreAst.MainFile);
        var symbols = ctx.Get(ProfileInputs.Symbols, key);
        var session = ctx.Get(ProfileInputs.Session, key);
        var diagnostics = setup.Diagnostics.AddRange(bounds.Errors);
        return ProfileBuild.TypesOf(unit, diagnostics, symbols.Names, session.Log,
            session.Reachable);
    }, valueComparer: ProfileTypesComparer.Instance);

    /// <summary>The profile's bytes in one format ("isf" or "rekall"), with what the writer had to say.</summary>
    public static readonly DerivedQuery<ProfileFormat, ProfileDocument> Profile = new("profile", (ctx, format) =>
    {
        var types = ctx.Get(Types, ProfileInputs.Key);
        var symbols = ctx.Get(ProfileInputs.Symbols, ProfileInputs.Key);
        if (format == ProfileFormat.Rekall)
        {
            var config = ctx.Get(ProfileInputs.Config, ProfileInputs.Key);
            var options = config.Entries.ToDictionary(e => "CONFIG_" + e.Name, e => e.Value.Unescaped, StringComparer.Ordinal);
            return RekallWriter.Build(new RekallInput(types.Types, symbols.Addresses, options));
        }
        var producer = new IsfProducer("LayoutExpert", typeof(ProfileQueries).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        var input = new IsfInput(types.Types, symbols.Addresses, types.SymbolTypes, symbols.Banner, producer, symbols.Sources, []);
        var document = IsfWriter.Build(input, ctx.Get(ProfileInputs.Session, ProfileInputs.Key).IsfFragments);
        return document with { Diagnostics = document.Diagnostics.AddRange(IsfRequirements.Check(input)) };
    }, valueComparer: DocumentComparer.Instance);

    private sealed class DocumentComparer : IEqualityComparer<ProfileDocument>
    {
        public static readonly DocumentComparer Instance = new();

        public bool Equals(ProfileDocument? x, ProfileDocument? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.Bytes.AsSpan().SequenceEqual(y.Bytes.AsSpan())
                && x.Diagnostics.Select(d => d.ToString()).SequenceEqual(y.Diagnostics.Select(d => d.ToString())));

        public int GetHashCode(ProfileDocument obj) => obj.Bytes.Length;
    }

    private sealed class ProfileTypesComparer : IEqualityComparer<ProfileTypes>
    {
        public static readonly ProfileTypesComparer Instance = new();

        public bool Equals(ProfileTypes? x, ProfileTypes? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.Types.Equals(y.Types)
                && x.SymbolTypes.SequenceEqual(y.SymbolTypes) && x.Issues.SequenceEqual(y.Issues)
                && x.Diagnostics.Select(d => d.ToString()).SequenceEqual(y.Diagnostics.Select(d => d.ToString())));

        public int GetHashCode(ProfileTypes obj) => obj.Types.GetHashCode();
    }
}
