using LayoutExpert.Driver.Queries;
using LayoutExpert.Driver.Tests.Pipeline;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Semantics.Constants;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax.Parsing.Nodes;
using Xunit.Abstractions;

namespace LayoutExpert.Driver.Tests.Queries;

/// <summary>
/// Binding reuse on the real 6.1 amd64 module unit: after CONFIG_MEMCG is
/// flipped and flipped back in one database, the module's bound unit (types,
/// globals, functions, enumeration constants, debug uses, diagnostics) equals
/// what binding the same tree from scratch gives: the flip replays almost
/// every item rather than binding it, and the flip back takes the first bind whole. (A database without reuse is no reference
/// here: without a preprocessing session, __COUNTER__ runs differently, so
/// its unit has other __UNIQUE_ID names.)
/// </summary>
public class BindingReuseKernelTests(ITestOutputHelper output)
{
    private const string Kernel = "6.1.0-56";

    [Fact]
    public void A_memcg_flip_and_back_binds_what_a_fresh_bind_gives()
    {
        var preAst = KernelInputs.PreAst(Kernel, "amd64");
        var amd64 = KernelInputs.Config(Kernel, "amd64");
        var flipped = amd64.With("MEMCG", amd64["MEMCG"] is null ? new ConfigValue(ConfigValueKind.Yes, "y") : null);
        var database = new ProfileDatabase(preAst);
        var bindings = database.Session.BindingsOf(Preprocessing.PreAst.PreAst.MainFile)!;
        foreach (var (config, name) in new[] { (amd64, "amd64"), (flipped, "MEMCG flipped"), (amd64, "back") })
        {
            database.SetConfig(config);
            var compiled = database.CompiledModule();
            output.WriteLine($"{name}: {bindings.LastBind}; not recorded: {string.Join(", ", bindings.LastRefusals.Select(p => $"{p.Value} x {p.Key}"))}");
            // The same tree bound from scratch, with the options the front end used.
            var layoutOptions = compiled.Engine.Options;
            var binderOptions = new BinderOptions { Integers = IntegerModel.Lp64 with { PlainCharIsUnsigned = layoutOptions.PlainCharIsUnsigned } };
            ITypeDefinitions? freshDefinitions = null;
            var fresh = Binder.Bind(CSyntax.Root(compiled.Tree)!, d => new LayoutEngine(X86_64SysV.Instance, freshDefinitions = d, layoutOptions), binderOptions);
            AssertSame(fresh, compiled.Bound);
            // The module's engine reads a binder's definitions (prototype-scope records too), whichever way the bind went.
            Assert.Equal(freshDefinitions!.GetType(), compiled.Engine.Definitions.GetType());
            Assert.All(fresh.Types.Records, p => Assert.Equal(p.Value, compiled.Engine.Definitions.FindRecord(p.Key)));
            if (name == "MEMCG flipped")
            {
                // A config not seen before: the records of the first bind answer for almost every item.
                Assert.False(bindings.LastBind.Whole);
                Assert.True(bindings.LastBind.Replayed > 0.95 * bindings.LastBind.Items, bindings.LastBind.ToString());
            }
        }
        // Flipped back: the unit is the first one again, whose bind is taken whole.
        Assert.True(bindings.LastBind.Whole, bindings.LastBind.ToString());
    }

    private static void AssertSame(BoundTranslationUnit expected, BoundTranslationUnit actual)
    {
        Assert.Equal(expected.Types.Records.Count, actual.Types.Records.Count);
        foreach (var (id, definition) in expected.Types.Records) Assert.Equal(definition, actual.Types.Records[id]);
        Assert.Equal(expected.Types.Enums.Count, actual.Types.Enums.Count);
        foreach (var (id, definition) in expected.Types.Enums) Assert.Equal(definition, actual.Types.Enums[id]);
        Assert.Equal(expected.Types.Typedefs.Count, actual.Types.Typedefs.Count);
        foreach (var (name, typedef) in expected.Types.Typedefs) Assert.Equal(typedef, actual.Types.Typedefs[name]);
        var differing = expected.Globals.Where(p => !actual.Globals.TryGetValue(p.Key, out var a) || !a.Equals(p.Value)).Select(p => $"{p.Value} vs {actual.Globals.GetValueOrDefault(p.Key)}").Take(5).ToList();
        Assert.True(differing.Count == 0, string.Join("\n", differing));
        Assert.Equal(expected.Globals, actual.Globals);
        Assert.Equal(expected.Functions, actual.Functions);
        Assert.Equal(expected.EnumConstants, actual.EnumConstants);
        Assert.Equal(expected.Locations.Names.Order(StringComparer.Ordinal), actual.Locations.Names.Order(StringComparer.Ordinal));
        Assert.All(expected.Locations.Names, name => Assert.Equal(expected.Locations.OffsetOf(name), actual.Locations.OffsetOf(name)));
        Assert.Equal(expected.DebugUses.ByVariables.Select(v => (v.Variable, v.Types.ToArray())), actual.DebugUses.ByVariables.Select(v => (v.Variable, v.Types.ToArray())));
        Assert.Equal(expected.DebugUses.KeptDefinitions, actual.DebugUses.KeptDefinitions);
        Assert.Equal(expected.DebugUses.FunctionBodyTypes.ToArray(), actual.DebugUses.FunctionBodyTypes.ToArray());
        Assert.Equal(expected.Diagnostics.ToArray(), actual.Diagnostics.ToArray());
    }
}
