namespace LayoutExpert.Syntax.Diagnostics;

public enum DiagnosticSeverity { Note, Warning, Error }
