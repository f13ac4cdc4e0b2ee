namespace LayoutExpert.Driver;

/// <summary>Bad input reported to the user as one clear line and exit code <see cref="ExitCodes.InputError"/>, never a stack trace.</summary>
public sealed class UserInputException(string message) : Exception(message);
