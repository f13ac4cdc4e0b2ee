namespace LayoutExpert.Driver.Pipeline;

public enum ProfileFormat { Isf, Rekall }
