namespace LayoutExpert.Driver.Tests.Commands;

/// <summary>Runs the real command line in process and captures what it prints.</summary>
internal static class CliRunner
{
    private static readonly object Console_ = new();

    public static (int Exit, string Out, string Error) Run(params string[] args)
    {
        lock (Console_)
        {
            var (stdout, stderr) = (Console.Out, Console.Error);
            using var outWriter = new StringWriter();
            using var errorWriter = new StringWriter();
            Console.SetOut(outWriter);
            Console.SetError(errorWriter);
            try
            {
                var exit = Cli.Run(args);
                return (exit, outWriter.ToString(), errorWriter.ToString());
            }
            finally
            {
                Console.SetOut(stdout);
                Console.SetError(stderr);
            }
        }
    }
}
