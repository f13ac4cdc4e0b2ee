using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// Consecutive external declarations of one parse, reusable at once: where
/// the next input tokens are the very tokens they read and the file scope
/// answers their outside questions as it did, taking the block is taking each
/// of its declarations in turn, for one token comparison and the summary of
/// their file-scope facts instead of one lookup and check per declaration.
/// A kernel unit of 19,500 declarations re-parsed after a config flip is some
/// 150 blocks.
/// <para>
/// Why the summary is enough: a declaration's parse depends only on the tokens
/// it read and on its typedef-name questions (C11 6.7.8p3). Questions about a
/// name no earlier declaration of the block changed are asked of the file
/// scope before the block (<see cref="Preconditions"/>); once a declaration of
/// the block changed a name, the answers follow from what the block did to it
/// and from the question its declaration logged before changing it (the
/// parser logs whether a name was a typedef name before declaring it as an
/// ordinary identifier), which is itself one of these. The net effect on a
/// name is "typedef name" when any declaration made it one (an ordinary
/// redeclaration never undoes a typedef name at file scope, as gcc keeps it),
/// else "ordinary identifier unless already a typedef name": applied once, it
/// leaves the file scope as the declarations one by one do.
/// </para>
/// </summary>
internal sealed class ReusableBlock
{
    /// <param name="entries">The declarations, each starting where the one before ended.</param>
    /// <param name="tokens">Every token they read.</param>
    /// <param name="serial">A number no other use of the names' marks has (<see cref="FileScopeNames.NextLogSerial"/>): the summary marks what the block asked of and did to each name on the name itself.</param>
    /// <param name="scratch">Lists to build in (left empty).</param>
    public ReusableBlock(ReusableDeclaration[] entries, GreenToken[] tokens, int serial, (List<FileScopeFact> Facts, List<FileScopeName> Names) scratch)
    {
        Entries = entries;
        Tokens = tokens;
        Nodes = new GreenNode[entries.Length];
        var (preconditions, order) = scratch;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            Nodes[i] = entry.Node;
            Consumed += entry.Consumed;
            FullWidth += entry.Node.FullWidth;
            ContainsDiagnostics |= entry.Node.ContainsDiagnostics;
            // A declaration logs its questions about a name before it changes that name.
            foreach (var fact in entry.Preconditions)
            {
                var name = Marked(fact.Name, serial);
                var asked = fact.Question == FileScopeQuestion.IsTypedef ? FileScopeLogMarks.AskedTypedef : FileScopeLogMarks.AskedDeclared;
                if ((name.Marks & (FileScopeLogMarks.Changed | asked)) != 0) continue;
                name.Marks |= asked;
                preconditions.Add(fact);
            }
            foreach (var effect in entry.Effects)
            {
                var name = Marked(effect.Name, serial);
                if ((name.Marks & FileScopeLogMarks.Changed) == 0) order.Add(name);
                name.Marks |= FileScopeLogMarks.Changed | (effect.IsTypedef ? FileScopeLogMarks.MadeTypedef : 0);
            }
        }
        Preconditions = [.. preconditions];
        Effects = new FileScopeEffect[order.Count];
        for (var i = 0; i < order.Count; i++) Effects[i] = new FileScopeEffect(order[i], (order[i].Marks & FileScopeLogMarks.MadeTypedef) != 0);
        preconditions.Clear();
        order.Clear();
    }

    /// <summary><paramref name="name"/>, its marks cleared when they were another summary's or log's.</summary>
    private static FileScopeName Marked(FileScopeName name, int serial)
    {
        if (name.LogSerial == serial) return name;
        name.LogSerial = serial;
        name.Marks = FileScopeLogMarks.None;
        return name;
    }

    /// <summary>The declarations in order; each starts where the one before it ended.</summary>
    public ReusableDeclaration[] Entries { get; }

    public GreenNode[] Nodes { get; }

    /// <summary>Every token the declarations read, from the first one's start (the last one's lookahead included).</summary>
    public GreenToken[] Tokens { get; }

    /// <summary>The tokens the declarations are made of.</summary>
    public int Consumed { get; }

    /// <summary>The nodes' full widths summed: the translation unit's width is summed block by block, not node by node.</summary>
    public int FullWidth { get; }

    /// <summary>Whether any of the nodes carries a diagnostic (see <see cref="GreenNode.ContainsDiagnostics"/>).</summary>
    public bool ContainsDiagnostics { get; }

    /// <summary>The questions asked of the file scope as it was before the block.</summary>
    public FileScopeFact[] Preconditions { get; }

    /// <summary>The net file-scope declarations of the block, one per name.</summary>
    public FileScopeEffect[] Effects { get; }

    /// <summary>The number of the last parse that made or took it.</summary>
    public int LastUsed { get; set; }

    /// <summary>Where its first token was in the input of parse <see cref="LastUsed"/>.</summary>
    public int LastStart { get; set; }
}
