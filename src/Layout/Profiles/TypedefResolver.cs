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
    /// <summary>Where the lookups made are recorded, for an encoding that is kept and reused; null when none is.</summary>
    public LayoutReads? Reads { get; set; }

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
            var found = layouts.Typedefs.TryGetValue(typedef.Name, out var layout);
            Reads?.Typedef(typedef.Name, layout);
            if (!found)
            {
                diagnostics.Add(ProfileDiagnostics.UnknownTypedef, typedef.Name);
                return VoidTypeRef.Instance;
            }
            type = layout!.Target;
        }
        return type;
    }

    /// <summary>The size in bytes of a scalar type (base or enum) after peeling, or null when unknown.</summary>
    public long? ScalarSize(TypeRef type)
    {
        switch (Peel(type))
        {
            case BaseTypeRef b:
                var baseSize = layouts.BaseTypes.TryGetValue(b.Name, out var bt) ? bt.Size : (long?)null;
                Reads?.BaseTypeSize(b.Name, baseSize);
                return baseSize;
            case EnumTypeRef e:
                var enumSize = layouts.Enums.TryGetValue(e.Name, out var en) ? en.Size : (long?)null;
                Reads?.EnumSize(e.Name, enumSize);
                return enumSize;
            case PointerTypeRef:
                return 8;
            default:
                return null;
        }
    }
}
