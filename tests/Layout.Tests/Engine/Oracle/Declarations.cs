using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine.Oracle;

/// <summary>One top-level C declaration, in the order the C emitter writes them.</summary>
public abstract record TopLevel;

public sealed record RecordDeclaration(RecordId Id) : TopLevel;

public sealed record EnumDeclaration(EnumId Id) : TopLevel;

public sealed record TypedefDeclaration(TypedefType Typedef) : TopLevel;

/// <summary>
/// A translation unit built in C#: the type table the engine reads and the
/// top-level declaration order the C emitter needs. Anonymous records and enums
/// are not top-level: they are written inline where they are used.
/// </summary>
public sealed record Declarations(TypeTable Table, ImmutableArray<TopLevel> Order);
