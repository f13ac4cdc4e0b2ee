using LayoutExpert.Layout.Profiles;
using LayoutExpert.Layout.Profiles.Rekall;

namespace LayoutExpert.Layout.Tests.Profiles;

public sealed class AtomicFileTests
{
    private static string NewDirectory() => Directory.CreateTempSubdirectory("le-atomic-").FullName;

    [Fact]
    public void Writes_the_content_and_leaves_no_temporary_file()
    {
        var dir = NewDirectory();
        var path = Path.Combine(dir, "out.json");
        AtomicFile.WriteAllBytes(path, "{}\n"u8.ToArray());
        Assert.Equal("{}\n", File.ReadAllText(path));
        Assert.Equal(["out.json"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_writer_failing_midway_leaves_no_file_at_all()
    {
        var dir = NewDirectory();
        var path = Path.Combine(dir, "out.json");
        var error = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[100_000]);
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal("boom", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void A_writer_failing_midway_leaves_the_previous_file_untouched()
    {
        var dir = NewDirectory();
        var path = Path.Combine(dir, "out.json");
        File.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("new, half"u8);
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void Replaces_an_existing_file_whole()
    {
        var dir = NewDirectory();
        var path = Path.Combine(dir, "out.json");
        File.WriteAllText(path, "a much longer old content");
        AtomicFile.WriteAllBytes(path, "new"u8.ToArray());
        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void A_missing_directory_is_a_clear_error_naming_it()
    {
        var missing = Path.Combine(NewDirectory(), "no", "such");
        var path = Path.Combine(missing, "out.json");
        var error = Assert.Throws<ProfileWriteException>(() => AtomicFile.WriteAllBytes(path, new byte[1]));
        Assert.Equal(path, error.Path);
        Assert.Contains(missing, error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void A_directory_as_target_is_a_clear_error()
    {
        var dir = NewDirectory();
        var error = Assert.Throws<ProfileWriteException>(() => AtomicFile.WriteAllBytes(dir, new byte[1]));
        Assert.Contains("is a directory", error.Message);
    }

    [Fact]
    public void Profile_writers_report_a_missing_directory_the_same_way()
    {
        var path = Path.Combine(NewDirectory(), "absent", "rekall.json");
        var input = new RekallInput(MiniKernel.Set(), MiniKernel.Addresses(), new Dictionary<string, string>());
        Assert.Throws<ProfileWriteException>(() => RekallWriter.Write(input, path));
        Assert.False(File.Exists(path));
    }
}
