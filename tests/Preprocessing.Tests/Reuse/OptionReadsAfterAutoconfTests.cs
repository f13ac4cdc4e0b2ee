using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;
using Xunit.Abstractions;

namespace LayoutExpert.Preprocessing.Tests.Reuse;

/// <summary>
/// kconfig.h, a root kbuild forces in, includes autoconf.h and then reads
/// CONFIG_CPU_BIG_ENDIAN to define __BIG_ENDIAN or __LITTLE_ENDIAN. Where the
/// root starts, no option is visible yet, so its recorded option reads are
/// checked against what they read after the inclusion: flipping the option
/// runs kconfig.h again (found by RandomConfigChangesProperty).
/// </summary>
public class OptionReadsAfterAutoconfTests(ITestOutputHelper output)
{
    [Fact]
    public void Flipping_an_option_kconfig_h_reads_after_autoconf_runs_it_again()
    {
        var preAst = SessionInputs.PreAst;
        var amd64 = SessionInputs.Config("amd64");
        var session = new PreprocessingSession();
        Preprocessor.Run(preAst, SessionInputs.Compilation(amd64).LazyConfigOptions, PreAst.PreAst.MainFile, session);

        var bigEndian = SessionInputs.With(amd64, "CPU_BIG_ENDIAN", new ConfigValue(ConfigValueKind.Yes, "y"));
        var compilation = SessionInputs.Compilation(bigEndian);
        var reused = Preprocessor.Run(preAst, compilation.LazyConfigOptions, PreAst.PreAst.MainFile, session);
        output.WriteLine(session.LastRun.ToString());
        var fresh = Preprocessor.Run(preAst, compilation.Options, PreAst.PreAst.MainFile, new PreprocessingSession());

        SessionInputs.AssertSameOutput(fresh, reused, "amd64, then CPU_BIG_ENDIAN=y");
        // qspinlock_types.h's big-endian branch: tail before locked_pending.
        var text = string.Join(' ', reused.Tokens.Select(t => t.Text));
        Assert.Contains("struct { u16 tail ; u16 locked_pending ; }", text, StringComparison.Ordinal);
    }
}
