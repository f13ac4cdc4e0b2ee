using System.Text.Json.Nodes;
using LayoutExpert.Driver.Tests.Pipeline;
using LayoutExpert.Preprocessing.Serialization;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Driver.Tests.Commands;

/// <summary>make-profile through the real command line: the product on real input, and clear errors on bad input.</summary>
public class MakeProfileCommandTests
{
    private static readonly Lazy<string> PreAstFile = new(() =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("layoutexpert-cli-").FullName, "6.1.preast");
        using var file = File.Create(path);
        PreAstWriter.Write(KernelInputs.PreAst("6.1.0-56", "amd64"), file);
        return path;
    });

    private static string Temp(string name, string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("layoutexpert-cli-").FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Output() => Path.Combine(Directory.CreateTempSubdirectory("layoutexpert-out-").FullName, "profile.json");

    [Fact]
    public void Writes_an_isf_volatility_can_use_with_typed_symbols_and_banner()
    {
        var map = Temp("System.map", "ffffffff82a12980 D init_task\nffffffff82a0d240 D init_files\nffffffff82a0c000 D init_top_pgt\n" +
            "ffffffff82200160 R linux_banner\nthis line is broken\nffffffff81000000 T _stext\n");
        var banner = Temp("version", "Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2\n");
        var output = Output();
        var (exit, _, error) = CliRunner.Run("make-profile", "--config", KernelCache.Config("6.1.0-56", "amd64"), "--system-map", map,
            "--banner", banner, PreAstFile.Value, "-o", output);
        Assert.True(exit == 0, error);
        Assert.Contains("System.map:5", error);
        Assert.Contains("key offsets: task_struct.tasks=", error);
        var isf = JsonNode.Parse(File.ReadAllText(output))!.AsObject();
        Assert.Equal("6.2.0", isf["metadata"]!["format"]!.GetValue<string>());
        Assert.Equal("task_struct", isf["symbols"]!["init_task"]!["type"]!["name"]!.GetValue<string>());
        var bannerBytes = Convert.FromBase64String(isf["symbols"]!["linux_banner"]!["constant_data"]!.GetValue<string>());
        Assert.Equal(File.ReadAllBytes(banner).Append((byte)0), bannerBytes);
        foreach (var type in new[] { "file", "list_head", "hlist_head", "mm_struct", "super_block", "task_struct", "vm_area_struct", "qstr",
            "dentry", "fs_struct", "files_struct", "kobject", "cred", "inode", "idr", "address_space", "page", "vfsmount", "net", "socket",
            "sock", "inet_sock", "unix_sock" })
        {
            Assert.True(isf["user_types"]![type] is not null, $"Volatility 3 needs {type}");
        }
    }

    [Fact]
    public void A_config_that_is_not_a_config_is_refused_with_its_line_and_no_output()
    {
        var config = Temp("bad.config", "CONFIG_X=y\nthis is not a config line\n\u0001\u0002binary\n");
        var output = Output();
        var (exit, _, error) = CliRunner.Run("make-profile", "--config", config, PreAstFile.Value, "-o", output);
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("bad.config:2", error);
        Assert.False(File.Exists(output));
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("not-a-pre-ast")]
    public void A_corrupt_pre_ast_is_refused_clearly(string kind)
    {
        var bytes = File.ReadAllBytes(PreAstFile.Value);
        var path = Temp("bad.preast", "");
        File.WriteAllBytes(path, kind == "truncated" ? bytes[..(bytes.Length / 3)] : "{\"hello\": 1}"u8.ToArray());
        var output = Output();
        var (exit, _, error) = CliRunner.Run("make-profile", "--config", KernelCache.Config("6.1.0-56", "amd64"), path, "-o", output);
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("bad.preast: ", error);
        Assert.False(File.Exists(output));
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void An_output_path_that_cannot_be_written_is_an_input_error_not_a_crash()
    {
        var (exit, _, error) = CliRunner.Run("make-profile", "--config", KernelCache.Config("6.1.0-56", "amd64"), PreAstFile.Value,
            "-o", "/nonexistent-dir/sub/profile.json");
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("/nonexistent-dir/sub/profile.json", error);
        Assert.DoesNotContain("   at ", error);
    }

    /// <summary>
    /// A RANDSTRUCT kernel: the plugin shuffles __randomize_layout structs with a
    /// build-time seed, so task_struct's layout cannot be computed. It is
    /// reported by name, the rest of the profile is still written, and the exit
    /// code says so unless partial profiles are allowed.
    /// </summary>
    [Fact]
    public void Randomized_layouts_are_reported_by_name_never_guessed()
    {
        var text = File.ReadAllText(KernelCache.Config("6.1.0-56", "amd64"))
            .Replace("CONFIG_RANDSTRUCT_NONE=y", "# CONFIG_RANDSTRUCT_NONE is not set\nCONFIG_RANDSTRUCT_FULL=y\nCONFIG_RANDSTRUCT=y\nCONFIG_GCC_PLUGIN_RANDSTRUCT=y");
        var config = Temp("randstruct.config", text);
        var output = Output();
        var (exit, _, error) = CliRunner.Run("make-profile", "--config", config, PreAstFile.Value, "-o", output);
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("struct address_space: layout not computable", error);
        Assert.Contains("types not computable", error);
        var isf = JsonNode.Parse(File.ReadAllText(output))!.AsObject();
        Assert.Null(isf["user_types"]!["task_struct"]);
        Assert.NotNull(isf["user_types"]!["list_head"]);
        var (partialExit, _, _) = CliRunner.Run("make-profile", "--config", config, "--allow-partial", PreAstFile.Value, "-o", Output());
        Assert.Equal(0, partialExit);
    }

    /// <summary>Several configs of one kernel tree in one process: one Pre-AST load, one profile per config, named after it.</summary>
    [Fact]
    public void Several_configs_make_one_profile_each_in_a_directory()
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory("layoutexpert-many-").FullName, "profiles");
        var (exit, _, error) = CliRunner.Run("make-profile", "--config", KernelCache.Config("6.1.0-56", "amd64"),
            "--config", KernelCache.Config("6.1.0-56", "cloud-amd64"), PreAstFile.Value, "-o", dir);
        Assert.True(exit == 0, error);
        Assert.Equal(1, error.Split('\n').Count(l => l.Contains("] load:")));
        var amd64 = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "amd64.isf.json")))!;
        var cloud = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "cloud-amd64.isf.json")))!;
        // The cloud config drops options that task_struct's #ifs read: its size differs (both proven against gcc elsewhere).
        Assert.NotEqual(amd64["user_types"]!["task_struct"]!["size"]!.GetValue<long>(), cloud["user_types"]!["task_struct"]!["size"]!.GetValue<long>());
    }

    [Fact]
    public void Several_configs_with_the_same_file_name_are_a_usage_error()
    {
        var config = KernelCache.Config("6.1.0-56", "amd64");
        var copy = Temp("amd64.config", File.ReadAllText(config));
        var (exit, _, error) = CliRunner.Run("make-profile", "--config", config, "--config", copy, PreAstFile.Value, "-o", Output());
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("distinct file names", error);
    }

    [Fact]
    public void Rekall_format_has_its_sections()
    {
        var output = Output();
        var (exit, _, error) = CliRunner.Run("make-profile", "--config", KernelCache.Config("6.1.0-56", "amd64"), "--format", "rekall",
            "--allow-partial", PreAstFile.Value, "-o", output);
        Assert.True(exit == 0, error);
        var rekall = JsonNode.Parse(File.ReadAllText(output))!.AsObject();
        foreach (var key in new[] { "$METADATA", "$CONSTANTS", "$CONFIG", "$STRUCTS", "$ENUMS", "$REVENUMS" }) Assert.NotNull(rekall[key]);
        Assert.Equal("y", rekall["$CONFIG"]!["CONFIG_SMP"]!.GetValue<string>());
        // The size itself is proven against gcc's DWARF elsewhere; here: Rekall's [size, fields] shape.
        Assert.True(rekall["$STRUCTS"]!["task_struct"]![0]!.GetValue<int>() > 1000);
        Assert.NotNull(rekall["$STRUCTS"]!["task_struct"]![1]!["comm"]);
    }
}
