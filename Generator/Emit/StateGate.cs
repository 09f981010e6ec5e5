using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// The mutable state a call holds, and the code that enters and leaves it. Each piece has a gate
/// (<c>Tensorgen.AccessGate</c>): a shared variable is entered as a writer when the function updates it
/// (and its updates are enabled, or the update is computed into the variable's next buffer), else as a reader; a random variable's generator as a writer (the draw
/// uses its scratch generator); the borrowed output buffers as a writer when <c>BorrowOutputs</c> is set.
/// Entering never waits: a piece in use on another thread refuses the call with a
/// <c>ConcurrentCallException</c> before any work, releasing what it had entered. A function with no
/// such state (and outputs not borrowed) enters nothing and stays lock-free.
/// </summary>
internal sealed class StateGate
{
    private readonly List<Piece> _pieces = new();
    private readonly string _function;

    /// <param name="Enter">An expression that tries to enter the piece.</param>
    /// <param name="Exit">A statement that leaves it.</param>
    /// <param name="Refuse">A statement that throws the exception naming the function and the piece.</param>
    private sealed record Piece(string Enter, string Exit, string Refuse);

    public StateGate(ClassPlan plan, bool borrows)
    {
        var spec = plan.Spec;
        _function = plan.FunctionName;
        var updated = new HashSet<int>(spec.Updates.Select(u => u.Shared));
        for (int s = 0; s < spec.Shared.Count; s++)
        {
            // A variable whose update is computed into its own next buffer is written even when the updates are off.
            string field = plan.SharedFields[s], mode = plan.WrittenInPlace.Contains(s) ? "true" : updated.Contains(s) ? "UpdatesEnabled" : "false";
            _pieces.Add(new Piece($"{field}.TryEnter({mode}, caller)", $"{field}.Exit({mode}, caller);",
                $"global::Tensorgen.ConcurrentCallException.ThrowShared({_function}, {field}, {SourceWriter.String(spec.Shared[s].Member.Name)});"));
        }
        for (int r = 0; r < spec.Randoms.Count; r++)
        {
            string rng = plan.RandomFields[r] + ".Rng";
            _pieces.Add(new Piece($"{rng}.TryEnter(true, caller)", $"{rng}.Exit(true, caller);",
                $"global::Tensorgen.ConcurrentCallException.ThrowRandom({_function}, {SourceWriter.String(spec.Randoms[r].Name)}, {rng});"));
        }
        Borrows = borrows;
    }

    /// <summary>Whether the function has output buffers to borrow: <c>borrow</c> (BorrowOutputs, read once) is then in scope.</summary>
    public bool Borrows { get; }

    public bool IsEmpty => _pieces.Count == 0 && !Borrows;

    /// <summary>The call's body between entering and leaving its state.</summary>
    public void WriteCall(SourceWriter w, System.Action body)
    {
        if (IsEmpty)
        {
            body();
            return;
        }
        if (Borrows) w.Line("bool borrow = BorrowOutputs;");
        w.Line($"int caller = EnterState({(Borrows ? "borrow" : "")});");
        using (w.Block("try")) body();
        using (w.Block("finally")) w.Line($"ExitState({ExitArguments(_pieces.Count, Borrows ? "borrow" : null)});");
    }

    /// <summary>EnterState and ExitState, the two methods <see cref="WriteCall"/> uses.</summary>
    public void WriteMethods(SourceWriter w)
    {
        if (IsEmpty) return;
        const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Enters the state a call uses (shared variables: updated ones alone, read ones with other readers; random");
        w.Line("/// variables and borrowed outputs alone) and returns the calling thread's token; or, if another thread is");
        w.Line("/// using any of it, leaves what it entered and refuses the call with a <see cref=\"global::Tensorgen.ConcurrentCallException\"/>.");
        w.Line("/// </summary>");
        w.Line(Inline);
        using (w.Block($"private int EnterState({(Borrows ? "bool borrow" : "")})"))
        {
            // A function with no shared or random variables enters nothing unless it borrows its outputs.
            if (_pieces.Count == 0) w.Line("if (!borrow) return 0;");
            w.Line("int caller = global::Tensorgen.AccessGate.Caller;");
            for (int i = 0; i < _pieces.Count; i++)
            {
                var piece = _pieces[i];
                if (i == 0)
                {
                    w.Line($"if (!{piece.Enter}) {piece.Refuse}");
                    continue;
                }
                using (w.Block($"if (!{piece.Enter})"))
                {
                    w.Line($"ExitState({ExitArguments(i, Borrows ? "false" : null)});");
                    w.Line(piece.Refuse);
                }
            }
            if (Borrows && _pieces.Count == 0)
            {
                w.Line($"if (!TryEnterOutputs(caller)) global::Tensorgen.ConcurrentCallException.ThrowOutputs({_function});");
            }
            else if (Borrows)
            {
                using (w.Block("if (borrow && !TryEnterOutputs(caller))"))
                {
                    w.Line($"ExitState({ExitArguments(_pieces.Count, "false")});");
                    w.Line($"global::Tensorgen.ConcurrentCallException.ThrowOutputs({_function});");
                }
            }
            w.Line("return caller;");
        }
        w.Line();
        w.Line(_pieces.Count > 0
            ? $"/// <summary>Leaves the first <paramref name=\"held\"/> pieces of state EnterState entered{(Borrows ? ", and the borrowed outputs if <paramref name=\"borrow\"/>" : "")}.</summary>"
            : "/// <summary>Leaves the borrowed outputs if <paramref name=\"borrow\"/>.</summary>");
        w.Line(Inline);
        var parameters = new List<string>();
        if (_pieces.Count > 0) parameters.Add("int held");
        parameters.Add("int caller");
        if (Borrows) parameters.Add("bool borrow");
        using (w.Block($"private void ExitState({string.Join(", ", parameters)})"))
        {
            if (Borrows) w.Line("if (borrow) ExitOutputs(caller);");
            for (int i = _pieces.Count - 1; i >= 0; i--)
                w.Line(_pieces.Count == 1 ? _pieces[i].Exit : $"if (held > {i.ToString(CultureInfo.InvariantCulture)}) {_pieces[i].Exit}");
        }
    }

    /// <summary>ExitState's arguments: how many pieces are held (when there are any), the caller, and the borrow flag (when outputs can be borrowed).</summary>
    private string ExitArguments(int held, string? borrow)
    {
        var arguments = new List<string>();
        if (_pieces.Count > 0) arguments.Add(held.ToString(CultureInfo.InvariantCulture));
        arguments.Add("caller");
        if (borrow is not null) arguments.Add(borrow);
        return string.Join(", ", arguments);
    }
}
