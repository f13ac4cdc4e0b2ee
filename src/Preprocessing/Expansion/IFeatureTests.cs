namespace LayoutExpert.Preprocessing.Expansion;

/// <summary>gcc 12's answers to __has_attribute, __has_c_attribute, __has_cpp_attribute (not 0 in C: gcc answers it like __has_attribute) and __has_builtin.</summary>
public interface IFeatureAnswers
{
    long HasAttribute(string name);

    long HasCAttribute(string name);

    long HasCppAttribute(string name);

    bool HasBuiltin(string name);
}

/// <summary>The feature tests as the expander asks them: the compiler's answers plus __has_include from the current file.</summary>
public interface IFeatureTests : IFeatureAnswers
{
    /// <summary>Whether a header exists, asked from the current file (<paramref name="spelled"/> with its delimiters).</summary>
    bool HasInclude(string spelled, bool next);
}
