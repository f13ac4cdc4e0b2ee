using System.Text;
using System.Text.RegularExpressions;
using LayoutExpert.Preprocessing.Compiler;
using LayoutExpert.TestSupport;
using Xunit.Abstractions;

namespace LayoutExpert.Preprocessing.Tests.Compiler;

/// <summary>
/// The captured __has_attribute / __has_c_attribute / __has_cpp_attribute /
/// __has_builtin answers against the machine's gcc run with kbuild's real
/// command of each kernel, for every name the kernel headers ask about, every
/// name in the fact files, their __name__ spellings and names gcc does not know.
/// </summary>
public partial class FeatureTestFactsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("6.1.0-56")]
    [InlineData("6.12.117+deb12")]
    public void Every_answer_is_gccs(string kernel)
    {
        var facts = GccFacts.LoadEmbedded();
        var asked = KernelOperands();
        Assert.True(asked.Count >= 30, $"only {asked.Count} __has_* operands found in the kernel headers");
        var names = new SortedSet<string>(StringComparer.Ordinal);
        names.UnionWith(asked);
        names.UnionWith(facts.AttributeNames);
        names.UnionWith(facts.AttributeNames.Select(n => "__" + n + "__"));
        names.UnionWith(facts.BuiltinNames);
        names.UnionWith(["no_such_attribute", "__builtin_no_such_builtin", "packed__", "__packed", "____", "__x__", "gnu", "clang"]);

        var probe = new StringBuilder();
        foreach (var name in names)
        {
            probe.Append('"').Append(name).Append("\" __has_attribute(").Append(name).Append(") __has_c_attribute(").Append(name)
                .Append(") __has_cpp_attribute(").Append(name).Append(") __has_builtin(").Append(name).Append(")\n");
        }
        var command = KbuildCommand.For(kernel);
        // -undef: kbuild's predefined macros (linux, unix ...) would be expanded inside the operands.
        var answers = command.Run([.. command.FlagsWithoutFiles.Where(f => !f.StartsWith("-D", StringComparison.Ordinal)), "-undef", "-E", "-P", "-x", "c", "-"], probe.ToString())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(names.Count, answers.Length);
        var wrong = new List<string>();
        foreach (var line in answers)
        {
            var f = line.Split(' ');
            var name = f[0].Trim('"');
            var ours = $"{facts.HasAttribute(name)} {facts.HasCAttribute(name)} {facts.HasCppAttribute(name)} {facts.HasBuiltin(name)}";
            var gcc = string.Join(' ', f[1..]);
            if (ours != gcc) wrong.Add($"{name}: gcc {gcc}, ours {ours}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(40)));
        output.WriteLine($"{kernel}: {names.Count} names agree ({asked.Count} asked by the headers)");
    }

    [Theory]
    [InlineData("6.1.0-56")]
    [InlineData("6.12.117+deb12")]
    public void The_special_macros_are_defined_and_absent_from_dash_dM(string kernel)
    {
        var facts = GccFacts.LoadEmbedded();
        string[] candidates =
        [
            .. facts.SpecialMacroNames, "__has_feature", "__has_extension", "__building_module", "defined", "__STDC__",
            "__x86_64__", "__has_warning", "__is_identifier", "__SIZE_TYPE__", "__FUNCTION__", "__func__",
        ];
        var command = KbuildCommand.For(kernel);
        var probe = string.Concat(candidates.Select(n => $"#ifdef {n}\n\"{n}\" 1\n#else\n\"{n}\" 0\n#endif\n"));
        var answers = command.Run([.. command.FlagsWithoutFiles, "-E", "-P", "-x", "c", "-"], probe)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToDictionary(f => f[0].Trim('"'), f => f[1] == "1");
        var dashDM = DashDM.Parse(command.Run([.. command.FlagsWithoutFiles, "-dM", "-E", "-x", "c", "/dev/null"]));
        foreach (var name in candidates)
        {
            var special = facts.SpecialMacroNames.Contains(name);
            Assert.True(special == (answers[name] && !dashDM.ContainsKey(name)), $"{name}: #ifdef {answers[name]}, in -dM {dashDM.ContainsKey(name)}, ours {special}");
        }
    }

    /// <summary>Every identifier operand of __has_* in the fetched kernels' headers.</summary>
    private static HashSet<string> KernelOperands()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kernel in KernelCache.Kernels)
        {
            foreach (var file in Directory.EnumerateFiles(KernelCache.SourceDir(kernel), "*.h", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                if (!text.Contains("__has_", StringComparison.Ordinal)) continue;
                foreach (Match m in Operand().Matches(text)) names.Add(m.Groups[1].Value);
            }
        }
        return names;
    }

    [GeneratedRegex(@"__has_(?:attribute|builtin|c_attribute|cpp_attribute)\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)")]
    private static partial Regex Operand();
}
