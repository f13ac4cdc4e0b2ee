namespace LayoutExpert.Driver;

public static class Cli
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("layout-expert: no command yet");
        return 2;
    }
}
