using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LayoutExpert.Layout.Model;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Layout.Profiles.Isf;

/// <summary>
/// What Volatility 3 needs from a Linux ISF before it will use it: the user
/// types its Linux framework checks for, and the symbols it starts from
/// (<c>init_task</c> as a <c>struct task_struct</c>, <c>init_files</c>,
/// <c>init_top_pgt</c> for the page tables, and <c>linux_banner</c> with its
/// bytes, by which it picks the profile for an image).
/// </summary>
public static class IsfRequirements
{
    public static readonly ImmutableArray<string> RequiredTypes =
    [
        "file", "list_head", "hlist_head", "mm_struct", "super_block", "task_struct", "vm_area_struct",
        "qstr", "dentry", "fs_struct", "files_struct", "kobject", "cred", "inode", "idr",
        "address_space", "page", "vfsmount", "net", "socket", "sock", "inet_sock", "unix_sock",
    ];

    public static readonly ImmutableArray<string> RequiredSymbols = ["init_task", "init_files", "init_top_pgt", "linux_banner"];

    /// <summary>What the profile lacks, one phrase each ("user type 'dentry'"); empty when nothing is missing.</summary>
    public static ImmutableArray<string> FindMissing(JsonObject isf)
    {
        var missing = ImmutableArray.CreateBuilder<string>();
        var userTypes = isf["user_types"] as JsonObject;
        foreach (var type in RequiredTypes)
        {
            if (userTypes?[type] is not JsonObject) missing.Add($"user type '{type}'");
        }

        var symbols = isf["symbols"] as JsonObject;
        foreach (var name in RequiredSymbols)
        {
            if (symbols?[name] is not JsonObject) missing.Add($"symbol '{name}'");
        }

        if (symbols?["init_task"] is JsonObject initTask
            && !(initTask["type"] is JsonObject t && (string?)t["kind"] == "struct" && (string?)t["name"] == "task_struct"))
        {
            missing.Add("the type of symbol 'init_task' (struct task_struct)");
        }
        if (symbols?["linux_banner"] is JsonObject banner && banner["constant_data"] is null)
        {
            missing.Add("the constant_data (banner bytes) of symbol 'linux_banner'");
        }
        return missing.ToImmutable();
    }

    /// <summary>
    /// What the profile <see cref="IsfWriter"/> builds from <paramref name="input"/>
    /// lacks, read from the input instead of the document: every record is a
    /// user type, every symbol with an address is a symbol, a symbol's type is
    /// its declared type with typedefs peeled, and <c>linux_banner</c> gets
    /// <c>constant_data</c> when there is a banner. Gives what
    /// <see cref="FindMissing(JsonObject)"/> gives for the built document
    /// without parsing 1.7 MB of JSON again.
    /// </summary>
    public static ImmutableArray<string> FindMissing(IsfInput input)
    {
        var missing = ImmutableArray.CreateBuilder<string>();
        foreach (var type in RequiredTypes)
        {
            if (!input.Layouts.Records.ContainsKey(type)) missing.Add($"user type '{type}'");
        }
        foreach (var name in RequiredSymbols)
        {
            if (!input.SymbolAddresses.ContainsKey(name)) missing.Add($"symbol '{name}'");
        }

        if (input.SymbolAddresses.ContainsKey("init_task"))
        {
            var type = input.SymbolTypes.TryGetValue("init_task", out var declared)
                ? new TypedefResolver(input.Layouts, new DiagnosticBag()).Peel(declared)
                : null;
            if (type is not RecordTypeRef { Kind: RecordKind.Struct, Name: "task_struct" })
            {
                missing.Add("the type of symbol 'init_task' (struct task_struct)");
            }
        }
        if (input.SymbolAddresses.ContainsKey("linux_banner") && input.Banner is null)
        {
            missing.Add("the constant_data (banner bytes) of symbol 'linux_banner'");
        }
        return missing.ToImmutable();
    }

    /// <summary><see cref="FindMissing(JsonObject)"/> as warnings.</summary>
    public static ImmutableArray<Diagnostic> Check(ProfileDocument isf) => Warnings(FindMissing(isf.ToJson()));

    /// <summary><see cref="FindMissing(IsfInput)"/> as warnings: those <see cref="Check(ProfileDocument)"/> gives for the profile built from the input.</summary>
    public static ImmutableArray<Diagnostic> Check(IsfInput input) => Warnings(FindMissing(input));

    private static ImmutableArray<Diagnostic> Warnings(ImmutableArray<string> missing) =>
        [.. missing.Select(what => Diagnostic.Create(ProfileDiagnostics.ProfileLacks, null, what))];
}
