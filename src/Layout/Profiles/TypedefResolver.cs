using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles;

/// <summary>
/// Neither profile format has typedefs: a member declared <c>u32 x</c> is
/// written as the type the typedef names, following chains (<c>u32</c> ->
/// <c>__u32</c> -> <c>unsigned int</c>), as dwarf2json and Rekall's DWARF
/// converter do. Only the outermost typedefs are peeled here; the encoders
/// call this again at each level of pointers and arrays.
/// </summary>
internal sealed class TypedefResolver(LayoutSet layouts, DiagnosticBag diagnostics)
{
    /// <summary>The first non-typedef type behind <paramref name="type"/>; void (with a warning) for an unknown or cyclic typedef.</summary>
    public TypeRef Peel(TypeRef type)
    {
        HashSet<string>? visited = null;
        while (type is TypedefTypeRef typedef)
        {
            visited ??= new HashSet<string>(StringComparer.Ordinal);
            if (!visited.Add(typedef.Name))
            {
                diagnostics.Add(ProfileDiagnostics.TypedefCycle, typedef.Name);
                return VoidTypeRef.Instance;
            }
            if (!layouts.Typedefs.TryGetValue(typedef.Name, out var layout))
            {
                diagnostics.Add(ProfileDiagnostics.UnknownTypedef, typedef.Name);
                return VoidTypeRef.Instance;
            }
            type = layout.Target;
        }
        return type;
    }

    /// <summary>The size in bytes of a scalar type (base or enum) after peeling, or null when unknown.</summary>
    public long? ScalarSize(TypeRef type) => Peel(type) switch
    {
        BaseTypeRef b when layouts.BaseTypes.TryGetValue(b.Name, out var bt) => bt.Size,
        EnumTypeRef e when layouts.Enums.TryGetValue(e.Name, out var en) => en.Size,
        PointerTypeRef => 8,
        _ => null,
    };
}
