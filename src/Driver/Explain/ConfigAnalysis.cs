using LayoutExpert.Driver.Queries;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Serialization;

namespace LayoutExpert.Driver.Explain;

/// <summary>What explain and diff share: load the Pre-AST and configs, and compile the module for a config in one database.</summary>
internal static class ConfigAnalysis
{
    public static ProfileDatabase Open(string preAstPath, StageLog log, bool severalConfigs)
    {
        var preAst = log.Run("load", () => PreAstReader.ReadFile(preAstPath), p => $"{p.Files.Length} files, {p.Metadata.KernelRelease}");
        var database = new ProfileDatabase(preAst, severalConfigs);
        database.Session.Log = log;
        return database;
    }

    /// <summary>Reads a config; null (after reporting) when it has errors.</summary>
    public static KernelConfig? ReadConfig(string path, StageLog log)
    {
        var config = log.Run("config", () => KernelConfigReader.ReadFile(path), c => $"{c.Config.Count} options");
        return log.Report(config.Diagnostics) ? null : config.Config;
    }

    public static OptionAttribution Attribution(ProfileDatabase database, KernelConfig config)
    {
        var unit = database.CompiledModule();
        return new OptionAttribution(database.PreAst, unit, config);
    }
}
