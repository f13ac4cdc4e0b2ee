using System.Diagnostics;
using LayoutExpert.Driver.Tests.Pipeline;
using LayoutExpert.Preprocessing.Serialization;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Driver.Tests.Commands;

/// <summary>
/// The NativeAOT binary the README's main job runs (scripts/build-native.sh),
/// as a process: it must write exactly the bytes the managed command writes
/// (a trimmed, reflection-free build could silently drop something) and keep
/// the bad-input contract: located message, input-error exit, no stack trace,
/// no output file.
/// </summary>
public class NativeBinaryTests
{
    private static readonly Lazy<string> Native = new(() =>
        Gcc.Run("bash", [Path.Combine(RepoPaths.Root, "scripts", "build-native.sh")]).Trim());

    private static readonly Lazy<string> PreAstFile = new(() =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("layoutexpert-native-").FullName, "6.1.preast");
        PreAstWriter.WriteFile(KernelInputs.PreAst("6.1.0-56", "amd64"), path, compress: false);
        return path;
    });

    private static string Temp(string name, string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("layoutexpert-native-").FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Output(string name = "profile.json") => Path.Combine(Directory.CreateTempSubdirectory("layoutexpert-native-out-").FullName, name);

    private static (int Exit, string Error) RunNative(params string[] args)
    {
        var info = new ProcessStartInfo(Native.Value) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        _ = stdout.Result;
        return (process.ExitCode, stderr.Result);
    }

    [Theory]
    [InlineData("isf")]
    [InlineData("rekall")]
    public void The_native_binary_writes_the_same_profile_as_the_managed_command(string format)
    {
        var map = Temp("System.map", "ffffffff82a12980 D init_task\nffffffff82a0d240 D init_files\nffffffff82a0c000 D init_top_pgt\n" +
            "ffffffff82200160 R linux_banner\nffffffff81000000 T _stext\n");
        var banner = Temp("version", "Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2\n");
        string[] Args(string output) =>
            ["make-profile", "--config", KernelCache.Config("6.1.0-56", "amd64"), "--system-map", map, "--banner", banner,
             "--format", format, PreAstFile.Value, "-o", output];
        var native = Output();
        var managed = Output();
        var (exit, error) = RunNative(Args(native));
        Assert.True(exit == 0, error);
        var (managedExit, managedError, _) = CliRunner.Run(Args(managed));
        Assert.True(managedExit == 0, managedError);
        Assert.Contains("key offsets: task_struct.tasks=", error);
        Assert.True(File.ReadAllBytes(native).AsSpan().SequenceEqual(File.ReadAllBytes(managed)), "native and managed profiles differ");
    }

    [Fact]
    public void Bad_input_to_the_native_binary_is_located_and_leaves_no_output()
    {
        var config = Temp("bad.config", "CONFIG_X=y\nthis is not a config line\n");
        var output = Output();
        var (exit, error) = RunNative("make-profile", "--config", config, PreAstFile.Value, "-o", output);
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("bad.config:2", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(output));

        var truncated = Temp("truncated.preast", "");
        var bytes = File.ReadAllBytes(PreAstFile.Value);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        (exit, error) = RunNative("make-profile", "--config", KernelCache.Config("6.1.0-56", "amd64"), truncated, "-o", output);
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("truncated.preast: ", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(output));
    }
}
