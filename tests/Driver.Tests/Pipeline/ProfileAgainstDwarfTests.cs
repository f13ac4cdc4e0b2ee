using System.Collections.Concurrent;
using LayoutExpert.Driver.Queries;
using LayoutExpert.Layout.Dwarf;
using LayoutExpert.Layout.Model;
using LayoutExpert.TestSupport;
using Xunit.Abstractions;

namespace LayoutExpert.Driver.Tests.Pipeline;

/// <summary>
/// The proof of make-profile: for each Debian flavour, the types LayoutExpert
/// computes from the Pre-AST and the flavour's .config are exactly those gcc
/// wrote into the DWARF of module.o when kbuild built module.c for that
/// flavour: every struct, union, enum and typedef, every size, member, bit
/// offset and width, member type and enum constant. That includes the enums
/// no type refers to, which gcc keeps because the unit names their constants
/// (<see cref="UsedTypeRoots"/>).
/// </summary>
public class ProfileAgainstDwarfTests(ITestOutputHelper output)
{
    private static readonly ConcurrentDictionary<(string, string), Lazy<string>> Modules = new();

    private static string BuildModule(string kernel, string flavour) => Modules.GetOrAdd((kernel, flavour), key => new Lazy<string>(() =>
    {
        var outdir = Directory.CreateTempSubdirectory($"layoutexpert-ko-{key.Item2}-").FullName;
        Gcc.Run("bash", [Path.Combine(RepoPaths.Root, "scripts", "build-module.sh"), key.Item1, key.Item2, outdir]);
        // module.o: only module.c's compile unit (module.ko adds module.mod.c's: modversion_info, elf32_note...).
        return Path.Combine(outdir, "module.o");
    })).Value;

    [Theory]
    [MemberData(nameof(KernelInputs.Flavours), MemberType = typeof(KernelInputs))]
    public void Types_equal_kbuilds_DWARF(string kernel, string flavour)
    {
        var gcc = DwarfReader.ReadLayouts(BuildModule(kernel, flavour));
        // The product's path: make-profile's query database, one config, no System.map.
        var database = new ProfileDatabase(KernelInputs.PreAst(kernel, flavour), reuseAcrossConfigs: false);
        database.SetConfig(KernelInputs.Config(kernel, flavour));
        var ours = database.Types();
        Assert.True(!ours.HasErrors, string.Join('\n', ours.Diagnostics.Where(d => d.IsError).Take(10)));
        var result = LayoutSetComparison.Compare(gcc, ours.Types, bothWays: true, gccName: "gcc's DWARF");
        if (Environment.GetEnvironmentVariable("LAYOUT_EXPERT_DUMP") is { Length: > 0 } dump)
        {
            File.WriteAllLines(Path.Combine(dump, $"{kernel}-{flavour}.mismatches"), result.Mismatches);
            File.WriteAllLines(Path.Combine(dump, $"{kernel}-{flavour}.gcc-anon"), gcc.Records.Values.Where(r => r.IsAnonymous && !ours.Types.Records.ContainsKey(r.Name))
                .Select(r => $"{r.Name} size {r.Size} align {r.Alignment}: " + string.Join("; ", r.Members.Select(m => $"{m.Name}@{m.BitOffset}:{m.BitWidth}:{m.Type}"))));
            File.WriteAllLines(Path.Combine(dump, $"{kernel}-{flavour}.our-anon"), ours.Types.Records.Values.Where(r => r.IsAnonymous && !gcc.Records.ContainsKey(r.Name))
                .Select(r => $"{r.Name} size {r.Size} align {r.Alignment}: " + string.Join("; ", r.Members.Select(m => $"{m.Name}@{m.BitOffset}:{m.BitWidth}:{m.Type}"))));
        }
        output.WriteLine($"{kernel} {flavour}: {result.Types} types compared ({result.Members} members, {result.Constants} enum constants), " +
            $"{result.Mismatches.Count} mismatches; ours has {ours.Types.Records.Count} records, {ours.Types.Enums.Count} enums, {ours.Types.Typedefs.Count} typedefs");
        Assert.True(result.Mismatches.Count == 0, string.Join('\n', result.Mismatches.Take(40)));
    }
}
