namespace LayoutExpert.Semantics.Types;

/// <summary>
/// Where the bodies of structs, unions and enums are found. A missing body
/// means the type is incomplete. Implementations must be append-only: a body,
/// once there, never changes (C11 6.7.2.3 forbids redefinition in one scope),
/// which lets the layout engine memoise.
/// </summary>
public interface ITypeDefinitions
{
    RecordDefinition? FindRecord(RecordId id);

    EnumDefinition? FindEnum(EnumId id);
}
