using LayoutExpert.Driver.Queries;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Driver.Tests.Pipeline;

public class BoundsStageTests
{
    /// <summary>
    /// bounds.h computed from the config (through the whole front end: our
    /// preprocessor, parser, binder and layout engine) equals the one kbuild
    /// made with gcc for every flavour — SPINLOCK_SIZE 32 on rt included.
    /// </summary>
    [Theory]
    [MemberData(nameof(KernelInputs.Flavours), MemberType = typeof(KernelInputs))]
    public void Equals_the_bounds_h_kbuild_made(string kernel, string flavour)
    {
        var preAst = KernelInputs.PreAst(kernel, flavour);
        var database = new ProfileDatabase(preAst, reuseAcrossConfigs: false);
        database.SetConfig(KernelInputs.Config(kernel, flavour));
        var result = database.Bounds();
        Assert.True(result.Errors.Length == 0, string.Join('\n', result.Errors.Take(10)));
        var shipped = File.ReadAllText(Path.Combine(KernelCache.FlavourTree(kernel, flavour), "include", "generated", "bounds.h"));
        Assert.Equal(shipped, result.Text);
    }
}
