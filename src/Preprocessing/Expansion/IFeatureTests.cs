namespace LayoutExpert.Preprocessing.Expansion;

/// <summary>
/// The answers of the emulated compiler's feature-test operators, as gcc 12
/// gives them: __has_attribute, __has_c_attribute, __has_builtin
/// (__has_cpp_attribute is 0 in C), and __has_include for the current file.
/// </summary>
public interface IFeatureTests
{
    long HasAttribute(string name);

    long HasCAttribute(string name);

    bool HasBuiltin(string name);

    /// <summary>Whether a header exists, asked from the current file (<paramref name="spelled"/> with its delimiters).</summary>
    bool HasInclude(string spelled, bool next);
}
