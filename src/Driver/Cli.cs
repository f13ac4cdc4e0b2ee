using System.CommandLine;
using LayoutExpert.Driver.Commands;
using LayoutExpert.Preprocessing.Serialization;

namespace LayoutExpert.Driver;

/// <summary>The layout-expert command line. Every failure becomes one clear message and an exit code; a stack trace only with LAYOUT_EXPERT_DEBUG=1.</summary>
public static class Cli
{
    public static RootCommand CreateRoot() => new("LayoutExpert: exact Linux kernel struct layouts from headers and a .config, without a compiler.")
    {
        BuildPreAstCommand.Create(),
        BuildPreAstCommand.CreateOriginalSpelling(),
        PreprocessCommand.Create(),
        MakeProfileCommand.Create(),
        MakeProfileCommand.CreateOriginalSpelling(),
        LayoutCommand.Create(),
        ExplainCommand.Create(),
        DiffCommand.Create(),
    };

    public static int Run(string[] args)
    {
        try
        {
            var parse = CreateRoot().Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors) Console.Error.WriteLine("layout-expert: " + error.Message);
                return ExitCodes.Usage;
            }
            // Exceptions come here, to be reported as one line: not System.CommandLine's handler, which prints a stack trace.
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UserInputException e)
        {
            Console.Error.WriteLine("layout-expert: error: " + e.Message);
            return ExitCodes.InputError;
        }
        catch (Exception e) when (e is PreAstFormatException or Layout.Profiles.ProfileWriteException or Layout.Symbols.SymbolFileException)
        {
            Console.Error.WriteLine("layout-expert: error: " + e.Message);
            return ExitCodes.InputError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("layout-expert: error: " + e.Message);
            return ExitCodes.InputError;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine("layout-expert: internal error: " + e.Message);
            if (Environment.GetEnvironmentVariable("LAYOUT_EXPERT_DEBUG") == "1") Console.Error.WriteLine(e);
            return ExitCodes.InternalError;
        }
    }
}
