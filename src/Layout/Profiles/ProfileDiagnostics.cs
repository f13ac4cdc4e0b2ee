using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Layout.Profiles;

/// <summary>Diagnostics of the profile writers (LE485x-LE487x).</summary>
public static class ProfileDiagnostics
{
    public static readonly DiagnosticDescriptor UnknownTypedef = new(
        "LE4851", DiagnosticSeverity.Warning,
        "typedef '{0}' is not in the layout set; it is written as void");

    public static readonly DiagnosticDescriptor TypedefCycle = new(
        "LE4852", DiagnosticSeverity.Warning,
        "typedef '{0}' refers to itself; it is written as void");

    public static readonly DiagnosticDescriptor MissingBaseType = new(
        "LE4853", DiagnosticSeverity.Warning,
        "base type '{0}' is used but is not among the layout set's base types");

    public static readonly DiagnosticDescriptor BitFieldTypeNotScalar = new(
        "LE4854", DiagnosticSeverity.Warning,
        "bit-field '{0}.{1}' has type '{2}', which is neither a base type nor an enum");

    public static readonly DiagnosticDescriptor BitFieldCrossesStorageUnit = new(
        "LE4855", DiagnosticSeverity.Warning,
        "bit-field '{0}.{1}' (bits {2}..{3}) crosses its {4}-byte storage unit; a reader of the unit at byte {5} will not see all of it");

    public static readonly DiagnosticDescriptor BitFieldExceedsBaseType = new(
        "LE4856", DiagnosticSeverity.Warning,
        "bit-field '{0}.{1}' needs {2} bits from byte {3} but its type '{4}' holds {5}; Volatility reads only the type's size");

    public static readonly DiagnosticDescriptor UnnamedMemberSkipped = new(
        "LE4857", DiagnosticSeverity.Warning,
        "an unnamed member of '{0}' at byte {1} has type '{2}', which is not a struct or union; it is left out");

    public static readonly DiagnosticDescriptor TypedSymbolsWithoutAddress = new(
        "LE4858", DiagnosticSeverity.Note,
        "{0} symbol(s) have a declared type but no address in the symbol map (first: '{1}'); they are left out");

    public static readonly DiagnosticDescriptor BannerSymbolMissing = new(
        "LE4859", DiagnosticSeverity.Warning,
        "a banner was given but the symbol map has no 'linux_banner'; the banner cannot be written");

    public static readonly DiagnosticDescriptor InvalidSourceFile = new(
        "LE4860", DiagnosticSeverity.Error,
        "input file entry '{0}' has an invalid sha256 '{1}' (64 hex digits expected); it is left out of the metadata");

    public static readonly DiagnosticDescriptor RepeatedFieldName = new(
        "LE4861", DiagnosticSeverity.Warning,
        "'{0}' has two members named '{1}' after lifting anonymous members; the first is kept");

    public static readonly DiagnosticDescriptor UnknownRecord = new(
        "LE4862", DiagnosticSeverity.Warning,
        "the anonymous member of '{0}' at byte {1} has type '{2}', which is not in the layout set");

    public static readonly DiagnosticDescriptor UnknownEnum = new(
        "LE4863", DiagnosticSeverity.Warning,
        "enum '{0}' is used but is not in the layout set");

    public static readonly DiagnosticDescriptor ProfileLacks = new(
        "LE4870", DiagnosticSeverity.Warning,
        "the profile lacks {0}; Volatility 3 refuses or cannot find a Linux profile without it");
}
