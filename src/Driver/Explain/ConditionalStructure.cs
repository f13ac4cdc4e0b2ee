using LayoutExpert.Preprocessing.PreAst;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Driver.Explain;

/// <summary>
/// The conditional sections of one Pre-AST file with their positions (C11
/// 6.10.1): which #if/#elif/#else groups enclose an offset, and which
/// directives lie in a range. Static: it knows the tree, not what a config
/// took; a token that reached the output was in a taken group, so the groups
/// before it were false and its own was true.
/// </summary>
internal sealed class ConditionalStructure
{
    private readonly List<Section> _top = [];

    /// <summary>A group: its directive (#if, #elif, #else...) at <c>Position</c>, and the body up to <c>End</c>.</summary>
    public sealed record Group(int Position, GreenNode Directive, int End, IReadOnlyList<Section> Nested);

    public sealed record Section(int Start, int End, IReadOnlyList<Group> Groups);

    public ConditionalStructure(PreAstFile file)
    {
        File = file;
        Collect(file.Root.GetSlot(0), 0, _top);
    }

    public PreAstFile File { get; }

    /// <summary>For each section enclosing <paramref name="offset"/>, from the outermost: the groups up to and including the one holding it.</summary>
    public IEnumerable<IReadOnlyList<Group>> Enclosing(int offset)
    {
        IReadOnlyList<Section> sections = _top;
        while (true)
        {
            var section = sections.FirstOrDefault(s => s.Start <= offset && offset < s.End);
            if (section is null) yield break;
            var index = -1;
            for (var i = 0; i < section.Groups.Count; i++)
            {
                if (section.Groups[i].Position <= offset && offset < section.Groups[i].End) index = i;
            }
            if (index < 0) yield break;
            yield return section.Groups.Take(index + 1).ToList();
            sections = section.Groups[index].Nested;
        }
    }

    /// <summary>Every group directive of every section that starts inside [start, end), nested ones included.</summary>
    public IEnumerable<Group> Within(int start, int end)
    {
        var pending = new Stack<Section>(_top);
        while (pending.Count > 0)
        {
            var section = pending.Pop();
            if (section.End <= start || section.Start >= end) continue;
            foreach (var group in section.Groups)
            {
                if (group.Position >= start && group.Position < end) yield return group;
                foreach (var nested in group.Nested) pending.Push(nested);
            }
        }
    }

    private static void Collect(GreenNode? list, int position, List<Section> into)
    {
        if (list is null) return;
        var offset = position;
        for (var i = 0; i < list.SlotCount; i++)
        {
            var part = list.GetSlot(i)!;
            if (part.Kind == SyntaxKind.IfSection) into.Add(SectionAt(part, offset));
            offset += part.FullWidth;
        }
    }

    private static Section SectionAt(GreenNode section, int position)
    {
        var groups = new List<Group>();
        var offset = position;
        void Add(GreenNode group)
        {
            var directive = group.GetSlot(0)!;
            var nested = new List<Section>();
            Collect(group.GetSlot(1), offset + directive.FullWidth, nested);
            groups.Add(new Group(offset, directive, offset + group.FullWidth, nested));
            offset += group.FullWidth;
        }
        Add(section.GetSlot(0)!);
        if (section.GetSlot(1) is { } later)
        {
            for (var i = 0; i < later.SlotCount; i++) Add(later.GetSlot(i)!);
        }
        return new Section(position, position + section.FullWidth, groups);
    }
}
