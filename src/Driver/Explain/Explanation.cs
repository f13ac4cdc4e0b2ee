using System.Collections.Immutable;

namespace LayoutExpert.Driver.Explain;

/// <summary>A conditional directive that decides part of a layout: where it is and what it says.</summary>
public sealed record ConditionSite(string File, int Line, string Directive)
{
    /// <summary>An option whose macro is expanded in the definition itself (an array bound, say) has no line: <c>Line</c> 0.</summary>
    public override string ToString() => Line == 0 ? Directive : $"{File}:{Line}: {Directive}";
}

/// <summary>A config option, its value in the config explained, and the directives (or definitions) through which it acts.</summary>
public sealed record OptionInfluence(string Option, string Value, ImmutableArray<ConditionSite> Sites);

/// <summary>
/// What decides a type's layout (or a member's offset) under a config: the
/// options read by the conditionals that select its text, its members' text
/// and the definitions of the macros it uses, following members held by value
/// (a pointer's size does not depend on what it points to).
/// </summary>
/// <param name="Type">The definition explained, as "struct task_struct" or "typedef spinlock_t"; null when not found.</param>
/// <param name="Member">The member whose offset is explained, or null for the whole type.</param>
public sealed record Explanation(string Subject, string? Type, string? Member, ImmutableArray<OptionInfluence> Options, ImmutableArray<string> TypesFollowed,
    string? Problem)
{
    public bool Found => Problem is null;
}
