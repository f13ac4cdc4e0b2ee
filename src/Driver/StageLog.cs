using System.Diagnostics;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Driver;

/// <summary>
/// Logs each stage of a command with its time on stderr, like the original
/// tool did ("[  0.412s] parse: 1234 files"). On a terminal, a stage that is
/// still running shows as a status line that the finished line replaces.
/// </summary>
public sealed class StageLog(TextWriter output, bool interactive)
{
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public static StageLog ForConsole() => new(Console.Error, !Console.IsErrorRedirected);

    /// <summary>A log that prints nothing (sub-stages nobody asked to see).</summary>
    public static StageLog Silent => new(TextWriter.Null, interactive: false);

    public TimeSpan Elapsed => _total.Elapsed;

    public T Run<T>(string stage, Func<T> work, Func<T, string> describe)
    {
        if (interactive) output.Write($"\r  {stage}...");
        var watch = Stopwatch.StartNew();
        var result = work();
        watch.Stop();
        if (interactive) output.Write("\r\x1b[K");
        output.WriteLine($"[{watch.Elapsed.TotalSeconds,7:F3}s] {stage}: {describe(result)}");
        return result;
    }

    public void Info(string message) => output.WriteLine(message);

    /// <summary>Prints warnings and errors (at most 50); true when there was an error.</summary>
    public bool Report(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        foreach (var d in list.Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(50)) Info(d.ToString());
        var errors = list.Count(d => d.IsError);
        if (list.Count > 50) Info($"... {list.Count - 50} more diagnostics ({errors} errors in all)");
        return errors > 0;
    }

    public void Summary(string message) => output.WriteLine($"[{_total.Elapsed.TotalSeconds,7:F3}s] {message}");
}
