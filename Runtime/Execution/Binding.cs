using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Tensorgen;

/// <summary>
/// Checks for generated constructors and <c>Copy</c>: a function's shared variables must have the
/// type its code was compiled for, and a swap may only replace a variable the function uses by one of
/// the same type. Failures are <see cref="ArgumentException"/>s naming the function and both variables.
/// </summary>
public static class Binding
{
    /// <summary>Checks that <paramref name="shared"/> is a variable the code of <paramref name="function"/> can use as <paramref name="variable"/>.</summary>
    public static Shared<T> Check<T>(string function, string variable, Shared<T>? shared, int rank, ReadOnlySpan<int> staticShape)
        where T : unmanaged
    {
        if (shared is null) throw new ArgumentNullException(variable, $"{function}: shared variable '{variable}' is null.");
        bool fits = shared.Rank == rank;
        for (int d = 0; fits && d < rank; d++)
        {
            int size = staticShape[d];
            int? actual = shared.StaticShape[d];
            // The code relies on static sizes (and on size 1 broadcasting); a free size it does not rely on.
            if (size >= 0 && actual != size) fits = false;
            if (size < 0 && actual == 1) fits = false;
        }
        if (!fits)
            throw new ArgumentException(
                $"{function}: '{variable}' must be a {DTypes.Describe(DTypes.Of<T>(), Static(staticShape))}, but '{shared.Name ?? "shared"}' is a {shared.TypeText}.", variable);
        return shared;
    }

    /// <summary>The owner object of an instance graph method's function, checked.</summary>
    public static TOwner Owner<TOwner>(string function, TOwner? owner) where TOwner : class =>
        owner ?? throw new ArgumentNullException(nameof(owner), $"{function}: the owner object is null.");

    /// <summary>What <paramref name="current"/> becomes in a copy: its swap partner, or itself.</summary>
    public static Shared<T> Swap<T>(string function, IReadOnlyList<(ISharedVariable Old, ISharedVariable New)>? swap, Shared<T> current)
        where T : unmanaged
    {
        if (swap is null) return current;
        foreach (var (old, replacement) in swap)
        {
            if (!ReferenceEquals(old, current)) continue;
            if (replacement is Shared<T> same) return same;
            throw new ArgumentException(
                $"{function}.Copy: '{current.Name ?? "shared"}' is a {current.TypeText} and cannot be swapped for " +
                (replacement is null ? "null." : $"'{replacement.Name ?? "shared"}', a {replacement.TypeText}."), nameof(swap));
        }
        return current;
    }

    /// <summary>Every variable a swap replaces must be one the function uses.</summary>
    public static void CheckSwap(string function, IReadOnlyList<(ISharedVariable Old, ISharedVariable New)>? swap, params ISharedVariable[] used)
    {
        if (swap is null) return;
        foreach (var (old, _) in swap)
            if (Array.IndexOf(used, old) < 0)
                throw new ArgumentException($"{function}.Copy: cannot swap '{old?.Name ?? "shared"}', which the function does not use.", nameof(swap));
    }

    /// <summary>
    /// A variable the function writes cannot also be bound to another of its roles: the call would read
    /// and write one buffer as two variables (and, holding it as a writer, refuse itself). Roles that are
    /// only read may share a variable.
    /// </summary>
    /// <param name="function">The function, for the message.</param>
    /// <param name="roles">Each bound variable, the member it is bound as, and whether calls write it (update it, or compute its update in its buffer).</param>
    public static void CheckDistinct(string function, params ReadOnlySpan<(ISharedVariable Variable, string Member, bool Written)> roles)
    {
        for (int i = 0; i < roles.Length; i++)
            for (int j = 0; j < i; j++)
            {
                if (!ReferenceEquals(roles[i].Variable, roles[j].Variable) || !(roles[i].Written || roles[j].Written)) continue;
                string name = roles[i].Variable.Name ?? "shared";
                throw new ArgumentException(
                    $"{function}: shared variable '{name}' is bound both as '{roles[j].Member}' and as '{roles[i].Member}', and the function updates it; bind a variable of its own to each.", roles[i].Member);
            }
    }

    /// <summary>A dictionary of swaps (PyTensor's <c>swap={state: new_state}</c>) as pairs.</summary>
    public static (ISharedVariable Old, ISharedVariable New)[] Pairs(IReadOnlyDictionary<ISharedVariable, ISharedVariable> swap)
    {
        ArgumentNullException.ThrowIfNull(swap);
        var pairs = new (ISharedVariable, ISharedVariable)[swap.Count];
        int i = 0;
        foreach (var pair in swap) pairs[i++] = (pair.Key, pair.Value);
        return pairs;
    }

    private static int?[] Static(ReadOnlySpan<int> shape)
    {
        var result = new int?[shape.Length];
        for (int i = 0; i < shape.Length; i++) result[i] = shape[i] >= 0 ? shape[i] : null;
        return result;
    }
}
