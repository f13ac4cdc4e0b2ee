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
    public ReusableBlock(ReusableDeclaration[] entries, GreenToken[] tokens)
    {
        Entries = entries;
        Tokens = tokens;
        Nodes = new GreenNode[entries.Length];
        var changed = new HashSet<FileScopeName>(ReferenceEqualityComparer.Instance);
        var asked = new HashSet<(FileScopeName, FileScopeQuestion)>();
        var preconditions = new List<FileScopeFact>();
        var typedefs = new Dictionary<FileScopeName, bool>(ReferenceEqualityComparer.Instance);
        var order = new List<FileScopeName>();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            Nodes[i] = entry.Node;
            Consumed += entry.Consumed;
            // A declaration logs its questions about a name before it changes that name.
            foreach (var fact in entry.Preconditions)
            {
                if (!changed.Contains(fact.Name) && asked.Add((fact.Name, fact.Question))) preconditions.Add(fact);
            }
            foreach (var effect in entry.Effects)
            {
                changed.Add(effect.Name);
                if (typedefs.TryGetValue(effect.Name, out var isTypedef)) typedefs[effect.Name] = isTypedef || effect.IsTypedef;
                else
                {
                    typedefs.Add(effect.Name, effect.IsTypedef);
                    order.Add(effect.Name);
                }
            }
        }
        Preconditions = [.. preconditions];
        Effects = [.. order.Select(name => new FileScopeEffect(name, typedefs[name]))];
    }

    /// <summary>The declarations in order; each starts where the one before it ended.</summary>
    public ReusableDeclaration[] Entries { get; }

    public GreenNode[] Nodes { get; }

    /// <summary>Every token the declarations read, from the first one's start (the last one's lookahead included).</summary>
    public GreenToken[] Tokens { get; }

    /// <summary>The tokens the declarations are made of.</summary>
    public int Consumed { get; }

    /// <summary>The questions asked of the file scope as it was before the block.</summary>
    public FileScopeFact[] Preconditions { get; }

    /// <summary>The net file-scope declarations of the block, one per name.</summary>
    public FileScopeEffect[] Effects { get; }

    /// <summary>The number of the last parse that made or took it.</summary>
    public int LastUsed { get; set; }

    /// <summary>Where its first token was in the input of parse <see cref="LastUsed"/>.</summary>
    public int LastStart { get; set; }

    /// <summary>True when the input holds this block's tokens from <paramref name="start"/> (of <paramref name="count"/>).</summary>
    public bool TokensMatch(GreenToken[] input, int count, int start)
    {
        var tokens = Tokens;
        if (start + tokens.Length > count) return false;
        var here = input.AsSpan(start, tokens.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!ReferenceEquals(tokens[i], here[i])) return false;
        }
        return true;
    }
}
