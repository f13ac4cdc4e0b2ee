using System.Collections.Immutable;
using System.Text.Json.Nodes;
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

    /// <summary><see cref="FindMissing(JsonObject)"/> as warnings.</summary>
    public static ImmutableArray<Diagnostic> Check(ProfileDocument isf) =>
        [.. FindMissing(isf.ToJson()).Select(what => Diagnostic.Create(ProfileDiagnostics.ProfileLacks, null, what))];
}
