using System.CommandLine;
using LayoutExpert.Driver.Pipeline;

namespace LayoutExpert.Driver.Commands;

/// <summary>
/// make-profile: a Pre-AST, the system's .config and System.map (or
/// /proc/config.gz and /proc/kallsyms) give a Volatility 3 ISF or a Rekall
/// profile. Also answers to the original spelling:
/// make_profile --config_file_path FILE --system_map_file_path FILE PRE_AST OUTPUT.
/// </summary>
public static class MakeProfileCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo[]>("--config")
        {
            Description = "The kernel .config or /proc/config.gz; repeat it for several configs of one kernel tree (then -o is a directory).",
            Required = true,
        };
        var map = new Option<FileInfo?>("--system-map") { Description = "System.map or /proc/kallsyms." };
        var banner = new Option<FileInfo?>("--banner") { Description = "What /proc/version prints (linux_banner's bytes)." };
        var format = new Option<string>("--format") { Description = "isf (Volatility 3, default) or rekall.", DefaultValueFactory = _ => "isf" };
        format.AcceptOnlyFromAmong("isf", "rekall");
        var output = new Option<FileInfo>("--output", "-o") { Description = "The profile to write (a directory with several --config).", Required = true };
        var partial = new Option<bool>("--allow-partial") { Description = "Exit 0 even when some types could not be laid out." };
        var preAst = new Argument<FileInfo>("PRE_AST");
        var command = new Command("make-profile", "Make a profile from a Pre-AST, a kernel config and a System.map.")
        {
            config, map, banner, format, output, partial, preAst,
        };
        command.SetAction(r => ProfileMaker.Run(new ProfileRequest(
            r.GetRequiredValue(preAst).FullName, [.. r.GetRequiredValue(config).Select(c => c.FullName)], r.GetValue(map)?.FullName, r.GetValue(banner)?.FullName,
            r.GetRequiredValue(format) == "rekall" ? ProfileFormat.Rekall : ProfileFormat.Isf, r.GetRequiredValue(output).FullName,
            r.GetValue(partial)), StageLog.ForConsole()));
        return command;
    }

    public static Command CreateOriginalSpelling()
    {
        var config = new Option<FileInfo>("--config_file_path") { Required = true };
        var map = new Option<FileInfo?>("--system_map_file_path");
        var preAst = new Argument<FileInfo>("PRE_AST");
        var output = new Argument<FileInfo>("OUTPUT");
        var command = new Command("make_profile", "make-profile, as the original Layout Expert spelled it (writes Rekall's format).")
        {
            config, map, preAst, output,
        };
        command.SetAction(r => ProfileMaker.Run(new ProfileRequest(
            r.GetRequiredValue(preAst).FullName, [r.GetRequiredValue(config).FullName], r.GetValue(map)?.FullName, null,
            ProfileFormat.Rekall, r.GetRequiredValue(output).FullName, false), StageLog.ForConsole()));
        return command;
    }
}
