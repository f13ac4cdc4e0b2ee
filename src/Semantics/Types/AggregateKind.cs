namespace LayoutExpert.Semantics.Types;

public enum AggregateKind { Struct, Union }
