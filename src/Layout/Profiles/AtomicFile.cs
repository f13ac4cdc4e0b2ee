namespace LayoutExpert.Layout.Profiles;

/// <summary>
/// Writes a file so that readers see either the old file or the whole new one:
/// the content goes to a temporary file in the target's own directory (a
/// rename is atomic only within one file system) and is renamed over the
/// target once complete and flushed. On any failure the temporary file is
/// deleted and the target is left as it was.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="write"/> with a stream to the temporary file, then
    /// renames it to <paramref name="path"/>. I/O failures become
    /// <see cref="ProfileWriteException"/>; an exception thrown by
    /// <paramref name="write"/> itself propagates unchanged, after clean-up.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        string target;
        try
        {
            target = System.IO.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ProfileWriteException(path, "not a valid file path: " + e.Message, e);
        }

        var directory = System.IO.Path.GetDirectoryName(target)
            ?? throw new ProfileWriteException(path, "the path names no file");
        if (!Directory.Exists(directory))
        {
            throw new ProfileWriteException(path, $"the output directory '{directory}' does not exist");
        }
        if (Directory.Exists(target))
        {
            throw new ProfileWriteException(path, "the path is a directory");
        }

        var temporary = System.IO.Path.Combine(directory,
            "." + System.IO.Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception e)
        {
            TryDelete(temporary);
            if (e is IOException or UnauthorizedAccessException)
            {
                throw new ProfileWriteException(path, "cannot write the file: " + e.Message, e);
            }
            throw;
        }
    }

    public static void WriteAllBytes(string path, ReadOnlyMemory<byte> bytes) =>
        Write(path, stream => stream.Write(bytes.Span));

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the original failure is the one to report.
        }
    }
}
