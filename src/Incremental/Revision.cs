namespace LayoutExpert.Incremental;

/// <summary>
/// A point in the history of one <see cref="Database"/>. The database starts at revision 1 and
/// moves to the next revision each time an input is set to a different value (or durability).
/// Revisions of different databases are unrelated.
/// </summary>
/// <param name="Number">1 for the first revision; 0 means "never".</param>
public readonly record struct Revision(long Number) : IComparable<Revision>
{
    /// <summary>The revision every database starts at.</summary>
    public static Revision First => new(1);

    public int CompareTo(Revision other) => Number.CompareTo(other.Number);

    public static bool operator <(Revision left, Revision right) => left.Number < right.Number;
    public static bool operator >(Revision left, Revision right) => left.Number > right.Number;
    public static bool operator <=(Revision left, Revision right) => left.Number <= right.Number;
    public static bool operator >=(Revision left, Revision right) => left.Number >= right.Number;

    public override string ToString() => "R" + Number;
}
