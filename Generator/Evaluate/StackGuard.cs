using System;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// Keeps recursion that follows the user's source (nested expressions, nested calls) from overflowing the
/// compiler's stack, which would kill the compiler process: when the current stack runs short, the work
/// continues on a new thread with a stack of its own, and the caller waits for it (the pattern of
/// dotnet/runtime's <c>StackHelper.CallOnEmptyStack</c>). Depth itself is bounded by the caller's budget.
/// </summary>
internal static class StackGuard
{
    private const int FreshStackBytes = 64 * 1024 * 1024;

    /// <summary>
    /// The stack evaluation starts on. Roslyn itself recurses as deep as the source nests when it builds
    /// IOperation trees (creating an invocation's arguments creates theirs, without a guard), so the whole
    /// evaluation runs on a stack large enough for any nesting the parser accepts; it is reserved, not
    /// committed, so unused space costs address space only.
    /// </summary>
    public const int EvaluationStackBytes = 256 * 1024 * 1024;

    /// <summary>Whether the current stack has room for more recursion.</summary>
    public static bool HasRoom()
    {
        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return true;
        }
        catch (InsufficientExecutionStackException)
        {
            return false;
        }
    }

    /// <summary>Runs <paramref name="work"/> on a new thread's stack and returns its result (or rethrows its exception).</summary>
    public static T OnFreshStack<T>(Func<T> work, int stackBytes = FreshStackBytes)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, stackBytes)
        {
            Name = "Tensorgen evaluation",
            IsBackground = true,
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
