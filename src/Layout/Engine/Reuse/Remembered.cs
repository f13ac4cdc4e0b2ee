using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine.Reuse;

/// <summary>Something a <see cref="LayoutMemory"/> keeps, with the last run that used it (for trimming).</summary>
internal abstract class Remembered
{
    public int LastUsed { get; set; }
}

/// <summary>
/// A record's layout with what it was computed from: the definition and the
/// facts of its members' types, in the order <see cref="FieldChecks"/> asked
/// for them (it stops at the first member with a problem). Also the models
/// made from this very layout, each with what mapping read.
/// </summary>
internal sealed class RememberedRecord(RecordDefinition definition, LayoutResult<TypeFacts>[] memberFacts, LayoutResult<RecordShape> result) : Remembered
{
    private const int ModelsKept = 3;

    private readonly List<RememberedModel> models = [];

    /// <summary>The members whose type's facts read a definition (see <see cref="DefinitionFree"/>): the only ones to ask again.</summary>
    private readonly int[] readingMembers = ReadingMembers(definition, memberFacts.Length);

    public RecordDefinition Definition { get; } = definition;

    public LayoutResult<RecordShape> Result { get; } = result;

    public IReadOnlyList<RememberedModel> Models => models;

    /// <summary>
    /// The same definition (structurally: ids, fields, types, attributes) and
    /// the same facts for each member type now. Facts are asked in the order a
    /// layout asks them, so nested records are laid out (or taken from memory)
    /// as a fresh layout would.
    /// </summary>
    public bool Matches(RecordDefinition definition, TypeMeasurer measurer)
    {
        if (!ReferenceEquals(definition, Definition) && !definition.Equals(Definition)) return false;
        // An equal definition has equal member types; those whose facts read no definition have the remembered facts.
        var fields = definition.Fields;
        foreach (var i in readingMembers)
        {
            if (!measurer.Facts(fields[i].Type).Equals(memberFacts[i])) return false;
        }
        return true;
    }

    private static int[] ReadingMembers(RecordDefinition definition, int asked)
    {
        var reading = new List<int>(asked);
        for (var i = 0; i < asked; i++)
        {
            if (!DefinitionFree(definition.Fields[i].Type)) reading.Add(i);
        }
        return [.. reading];
    }

    /// <summary>
    /// Whether <see cref="TypeMeasurer.Facts"/> of <paramref name="type"/> is a function of the type's
    /// own structure and the target alone: it reaches no struct, union or enum by value (a pointer's
    /// or a function's facts are the target's, whatever they point to or return). Facts of such a type
    /// ask the engine nothing, so not asking them again changes neither answer nor order.
    /// </summary>
    internal static bool DefinitionFree(CType type)
    {
        while (true)
        {
            switch (type)
            {
                case VoidType or ScalarType or PointerType or FunctionType: return true;
                case TypedefType t: type = t.Target; break;
                case QualifiedType q: type = q.Unqualified; break;
                case ArrayType a: type = a.Element; break;
                case VectorType v: type = v.Element; break;
                case ModeType m: type = m.Base; break;
                default: return false;
            }
        }
    }

    public void AddModel(RememberedModel model)
    {
        models.Insert(0, model);
        if (models.Count > ModelsKept) models.RemoveAt(models.Count - 1);
    }

    public void Promote(int index)
    {
        if (index == 0) return;
        var model = models[index];
        models.RemoveAt(index);
        models.Insert(0, model);
    }
}

/// <summary>A record's model and the reads mapping made for it, in order (see <see cref="MappingRead"/>).</summary>
internal sealed record RememberedModel(LayoutResult<RecordLayout> Result, MappingRead[] Reads);

/// <summary>An enum's layout and model: both are functions of its definition (and the target and options of the memory).</summary>
internal sealed class RememberedEnum(EnumDefinition definition, EnumShape shape) : Remembered
{
    public EnumDefinition Definition { get; } = definition;

    public EnumShape Shape { get; } = shape;

    public LayoutResult<EnumLayout>? Model { get; set; }
}
