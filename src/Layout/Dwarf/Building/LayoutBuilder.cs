using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// Turns the stored DIEs into the project's layout model. Every struct, union,
/// enum, typedef and base type is registered under its name; the first complete
/// definition of a name wins (a kernel module repeats its headers' types in
/// every unit, and declarations carry no layout). Anonymous records and enums
/// are named by <see cref="AnonymousNames"/> from their content, built bottom-up
/// so inner names are part of the outer content.
/// </summary>
internal sealed partial class LayoutBuilder
{
    // Far above any real nesting (C11 5.2.4.1 asks for 63 levels of nested
    // struct declarations and 12 declarator modifiers); it stops corrupt,
    // self-referencing DWARF before it exhausts the stack.
    private const int MaxDepth = 1000;

    private readonly DieTable _dies;
    private readonly TypeRef?[] _resolved;
    private readonly bool[] _resolving;

    /// <summary>Anonymous types reachable only from a skipped duplicate definition (see <see cref="SkipOwned"/>).</summary>
    private readonly bool[] _ownedBySkipped;
    private readonly Dictionary<string, RecordLayout> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumLayout> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypedefLayout> _typedefs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BaseTypeLayout> _baseTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumLayout> _anonymousEnumsByFirst = new(StringComparer.Ordinal);
    private readonly string _infoName;
    private readonly long _infoLength;
    private readonly string _typesName;

    private LayoutBuilder(DieTable dies, DwarfSections sections)
    {
        _dies = dies;
        _resolved = new TypeRef?[dies.Count];
        _resolving = new bool[dies.Count];
        _ownedBySkipped = new bool[dies.Count];
        _infoName = sections.Info.Name;
        _infoLength = sections.Info.Length;
        _typesName = sections.Types.Name;
    }

    public static LayoutSet Build(DieTable dies, DwarfSections sections)
    {
        var builder = new LayoutBuilder(dies, sections);
        // Named types first; anonymous ones they use are built on the way. Then
        // the anonymous types nothing named uses (`struct { int a; } var;`).
        for (var i = 0; i < dies.Count; i++) builder.VisitNamed(i);
        for (var i = 0; i < dies.Count; i++)
        {
            if (dies[i].Is(EntryFields.OwnedByRepeated)) builder.SkipTarget(dies[i].Offset, 0);
        }
        for (var i = 0; i < dies.Count; i++) builder.VisitAnonymous(i);
        return new LayoutSet(
            builder._records.ToImmutableSortedDictionary(StringComparer.Ordinal),
            builder._enums.ToImmutableSortedDictionary(StringComparer.Ordinal),
            builder._typedefs.ToImmutableSortedDictionary(StringComparer.Ordinal),
            builder._baseTypes.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void VisitNamed(int index)
    {
        ref readonly var e = ref _dies[index];
        switch (e.Tag)
        {
            case DwTag.StructureType or DwTag.ClassType or DwTag.UnionType:
            {
                if (e.Is(EntryFields.Declaration) || e.Is(EntryFields.Definition) || _dies.Name(index) is not { } name) return;
                if (!_records.ContainsKey(name)) _records.Add(name, BuildRecord(index, name, 0));
                else SkipOwned(index, 0);
                return;
            }
            case DwTag.EnumerationType:
            {
                if (e.Is(EntryFields.Declaration) || e.Is(EntryFields.Definition) || _dies.Name(index) is not { } name) return;
                if (!_enums.ContainsKey(name)) _enums.Add(name, BuildEnum(index, name));
                return;
            }
            case DwTag.Typedef:
            {
                var name = RequireName(index, "typedef");
                if (!_typedefs.ContainsKey(name)) _typedefs.Add(name, new TypedefLayout(name, ResolveType(index, e.Type, 0)));
                else if (e.Is(EntryFields.Type)) SkipTarget(e.Type, 0);
                return;
            }
            case DwTag.BaseType:
                Resolve(index, 0);
                return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void VisitAnonymous(int index)
    {
        ref readonly var e = ref _dies[index];
        if (e.Tag is not (DwTag.StructureType or DwTag.ClassType or DwTag.UnionType or DwTag.EnumerationType)) return;
        if (_resolved[index] is not null || _ownedBySkipped[index] || e.Is(EntryFields.Declaration) || e.Is(EntryFields.Definition)) return;
        if (_dies.Name(index) is null) Resolve(index, 0);
    }

    /// <summary>
    /// A kernel module repeats each header's types in every unit. When a named
    /// record or typedef loses to an earlier definition of its name, the
    /// anonymous types only it uses would be rebuilt (and rehashed) for nothing:
    /// mark them so the orphan pass leaves them alone. A type the winner or
    /// anything else resolves is built regardless of this mark. (The parser
    /// already dropped the members of repeated records, flagging what they used
    /// <see cref="EntryFields.OwnedByRepeated"/>.)
    /// </summary>
    private void SkipOwned(int record, int depth)
    {
        for (var child = _dies[record].FirstChild; child >= 0; child = _dies[child].NextSibling)
        {
            ref readonly var m = ref _dies[child];
            if (m.Tag == DwTag.Member && m.Is(EntryFields.Type)) SkipTarget(m.Type, depth + 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SkipTarget(long offset, int depth)
    {
        var index = _dies.Find(offset);
        if (index < 0 || depth > MaxDepth) return;
        ref readonly var e = ref _dies[index];
        switch (e.Tag)
        {
            case DwTag.PointerType or DwTag.ArrayType or DwTag.ConstType or DwTag.VolatileType or DwTag.RestrictType
                or DwTag.AtomicType or DwTag.ImmutableType or DwTag.PackedType or DwTag.SharedType:
                if (e.Is(EntryFields.Type) && e.Type != offset) SkipTarget(e.Type, depth + 1);
                return;
            case DwTag.StructureType or DwTag.ClassType or DwTag.UnionType or DwTag.EnumerationType:
                if (_ownedBySkipped[index] || _resolved[index] is not null || _dies.Name(index) is not null) return;
                _ownedBySkipped[index] = true;
                if (e.Tag != DwTag.EnumerationType) SkipOwned(index, depth + 1);
                return;
        }
    }

    /// <summary>The type an entry's DW_AT_type names, or void when it has none (DWARF 5 section 5.2: "const void" etc.).</summary>
    private TypeRef ResolveType(int from, long offset, int depth)
    {
        ref readonly var e = ref _dies[from];
        if (!e.Is(EntryFields.Type) && e.Is(EntryFields.Supplementary)) throw Error(e.Offset, "type in a dwz supplementary file, which is not supported");
        if (!e.Is(EntryFields.Type)) return VoidTypeRef.Instance;
        return Resolve(Target(from, offset), depth);
    }

    private int Target(int from, long offset)
    {
        var target = _dies.Find(offset);
        if (target < 0) throw Error(_dies[from].Offset, $"reference to 0x{offset:x}, where there is no type entry");
        return target;
    }

    private TypeRef Resolve(int index, int depth)
    {
        if (_resolved[index] is { } done) return done;
        ref readonly var e = ref _dies[index];
        if (depth > MaxDepth) throw Error(e.Offset, $"types nest deeper than {MaxDepth} levels");
        if (_resolving[index]) throw Error(e.Offset, "type refers to itself");
        _resolving[index] = true;
        var result = Compute(index, depth);
        _resolving[index] = false;
        _resolved[index] = result;
        return result;
    }

    private TypeRef Compute(int index, int depth)
    {
        ref readonly var e = ref _dies[index];
        switch (e.Tag)
        {
            case DwTag.BaseType:
                return new BaseTypeRef(RegisterBaseType(index));
            case DwTag.PointerType or DwTag.ReferenceType or DwTag.RvalueReferenceType:
                return new PointerTypeRef(ResolveType(index, e.Type, depth + 1));
            case DwTag.ConstType or DwTag.VolatileType or DwTag.RestrictType or DwTag.AtomicType
                or DwTag.ImmutableType or DwTag.PackedType or DwTag.SharedType:
                // The model has no qualifiers (C11 6.2.5p26: const/volatile/restrict versions
                // have the same representation and alignment). _Atomic may differ (6.2.5p27),
                // but a record's member offsets and size are explicit in DWARF either way.
                return ResolveType(index, e.Type, depth + 1);
            case DwTag.Typedef:
                return new TypedefTypeRef(RequireName(index, "typedef"));
            case DwTag.StructureType or DwTag.ClassType or DwTag.UnionType:
            {
                if (e.Is(EntryFields.Definition)) return Resolve(Target(index, e.Definition), depth + 1);
                var kind = e.Tag == DwTag.UnionType ? RecordKind.Union : RecordKind.Struct;
                if (_dies.Name(index) is { } name) return new RecordTypeRef(kind, name);
                if (e.Is(EntryFields.Declaration)) throw Error(e.Offset, "declaration of an anonymous struct or union");
                var record = BuildRecord(index, null, depth + 1);
                _records.TryAdd(record.Name, record);
                return new RecordTypeRef(kind, record.Name);
            }
            case DwTag.EnumerationType:
            {
                if (e.Is(EntryFields.Definition)) return Resolve(Target(index, e.Definition), depth + 1);
                if (_dies.Name(index) is { } name) return new EnumTypeRef(name);
                if (e.Is(EntryFields.Declaration)) throw Error(e.Offset, "declaration of an anonymous enum");
                var layout = BuildEnum(index, null);
                _enums.TryAdd(layout.Name, layout);
                return new EnumTypeRef(layout.Name);
            }
            case DwTag.ArrayType:
                return BuildArray(index, depth);
            case DwTag.SubroutineType:
                return FunctionTypeRef.Instance;
            case DwTag.UnspecifiedType:
                return VoidTypeRef.Instance;
            default:
                throw Error(e.Offset, $"DW_TAG 0x{e.Tag:x} is not a type");
        }
    }

    private string RequireName(int index, string what) =>
        _dies.Name(index) ?? throw Error(_dies[index].Offset, $"{what} without a name");

    private DwarfFormatException Error(long globalOffset, string message) =>
        globalOffset >= _infoLength
            ? new DwarfFormatException(_typesName, globalOffset - _infoLength, message)
            : new DwarfFormatException(_infoName, globalOffset, message);
}
