namespace LayoutExpert.Incremental;

/// <summary>Base of every exception the query engine itself raises.</summary>
public abstract class IncrementalException : Exception
{
    private protected IncrementalException(string message) : base(message) { }
}
