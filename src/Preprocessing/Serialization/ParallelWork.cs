using System.Runtime.ExceptionServices;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// Runs numbered work items on the calling thread and one fresh thread per
/// other core, items taken in order from a shared counter. Not Parallel.For:
/// in a fresh process its first call costs some 20 ms (measured, .NET 10,
/// tiered compilation off as the CLI runs), a plain thread under 1 ms, and a
/// Pre-AST is loaded once per process. An item's exception stops the others
/// from starting; the one of the lowest-numbered failing item is rethrown, as
/// a sequential run would have met it first.
/// </summary>
internal static class ParallelWork
{
    public static void Run<TState>(int count, Func<TState> init, Action<TState, int> body)
    {
        var next = -1;
        var failedAt = int.MaxValue;
        Exception? failure = null;
        var gate = new Lock();

        void Work()
        {
            // Made on the thread's first item (an exception here must not escape a helper thread: it would end the process).
            var state = default(TState);
            var ready = false;
            int item;
            while ((item = Interlocked.Increment(ref next)) < count && Volatile.Read(ref failure) is null)
            {
                try
                {
                    if (!ready) (state, ready) = (init(), true);
                    body(state!, item);
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        if (item < failedAt) (failedAt, failure) = (item, e);
                    }
                }
            }
        }

        var helpers = new Thread[Math.Max(0, Math.Min(Environment.ProcessorCount, count) - 1)];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = new Thread(Work) { IsBackground = true, Name = "Pre-AST loader" };
            helpers[i].Start();
        }
        Work();
        foreach (var helper in helpers) helper.Join();
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
    }

    public static void Run(int count, Action<int> body) => Run<object?>(count, () => null, (_, item) => body(item));
}
