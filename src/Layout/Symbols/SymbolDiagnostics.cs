using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Layout.Symbols;

/// <summary>Diagnostics of the System.map / kallsyms / banner readers (LE480x).</summary>
public static class SymbolDiagnostics
{
    public static readonly DiagnosticDescriptor MalformedLine = new(
        "LE4801", DiagnosticSeverity.Error,
        "malformed symbol line: {0}; expected 'ADDRESS TYPE NAME' with an optional '[module]' column");

    public static readonly DiagnosticDescriptor UnexpectedAddressWidth = new(
        "LE4802", DiagnosticSeverity.Warning,
        "{0} address(es) are not 16 hex digits wide (first: '{1}'); x86-64 System.map and kallsyms print 16");

    public static readonly DiagnosticDescriptor AllAddressesZero = new(
        "LE4803", DiagnosticSeverity.Warning,
        "all {0} addresses are 0: this is what /proc/kallsyms shows to an unprivileged reader (kernel.kptr_restrict); read it as root or use the kernel's System.map");

    public static readonly DiagnosticDescriptor RepeatedNames = new(
        "LE4804", DiagnosticSeverity.Note,
        "{0} symbol name(s) appear more than once (first: '{1}'); the last line of each is kept, as Rekall and dwarf2json do");

    public static readonly DiagnosticDescriptor ModuleSymbolsSetAside = new(
        "LE4805", DiagnosticSeverity.Note,
        "{0} symbol(s) belong to loaded modules ([module] column) and are not kernel symbols; they are kept apart from the kernel's");

    public static readonly DiagnosticDescriptor NoSymbols = new(
        "LE4806", DiagnosticSeverity.Error,
        "no symbols found");

    public static readonly DiagnosticDescriptor EmptyBanner = new(
        "LE4807", DiagnosticSeverity.Error,
        "the banner is empty");

    public static readonly DiagnosticDescriptor BannerWithoutNewline = new(
        "LE4808", DiagnosticSeverity.Warning,
        "the banner does not end with a newline; the kernel's linux_banner does, so one was added");

    public static readonly DiagnosticDescriptor BannerHasMoreLines = new(
        "LE4809", DiagnosticSeverity.Warning,
        "the banner has text after its first line; only the first line (with its newline) is kept");

    public static readonly DiagnosticDescriptor BannerNotLinux = new(
        "LE4810", DiagnosticSeverity.Warning,
        "the banner does not start with 'Linux version ': Volatility 3 will not recognise it");

    public static readonly DiagnosticDescriptor BannerHasNul = new(
        "LE4811", DiagnosticSeverity.Error,
        "the banner contains a NUL byte");
}
