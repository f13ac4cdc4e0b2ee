namespace LayoutExpert.Semantics.Types;

/// <summary>
/// GCC's <c>mode</c> attribute arguments for integer types
/// (<c>__attribute__((mode(QI)))</c>, also spelled <c>__QI__</c>):
/// byte = QI; word, pointer and unwind_word depend on the target.
/// </summary>
public enum MachineMode { QI, HI, SI, DI, TI, Byte, Word, Pointer, UnwindWord }
