using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// The loops around a kernel call: one per group but the last (the run), and the offset of the
/// current run in any buffer from the groups it varies along. Opened when made; <see cref="Close"/> ends them.
/// </summary>
internal sealed class LoopNest
{
    private readonly List<int[]> _groups;
    private readonly List<string> _sizes;
    private readonly IReadOnlyList<string> _indices;
    private readonly List<System.IDisposable> _scopes = new();

    public LoopNest(EmitPlan plan, SourceWriter w, Kernel kernel)
    {
        _groups = plan.Kernels[kernel.Index].Layout.Groups;
        _sizes = _groups.Select(g => plan.Size(g.Select(a => kernel.Dims[a]))).ToList();
        _indices = plan.Steps.LoopIndices[kernel.Index];
        for (int g = 0; g < _groups.Count - 1; g++)
            _scopes.Add(w.Block($"for (nint {_indices[g]} = 0; {_indices[g]} < {_sizes[g]}; {_indices[g]}++)"));
    }

    /// <summary>The length of one run.</summary>
    public string Run => _sizes[_sizes.Count - 1];

    public bool Flat => _groups.Count == 1;

    /// <summary>The offset of the current run in a buffer that varies along the groups marked in <paramref name="full"/>; null for 0.</summary>
    public string? Offset(bool[] full)
    {
        var terms = new List<string>();
        for (int g = 0; g < _groups.Count - 1; g++)
        {
            if (!full[g]) continue;
            var stride = Enumerable.Range(g + 1, _groups.Count - g - 1).Where(h => full[h]).Select(h => _sizes[h]).Where(s => s != "1").ToList();
            terms.Add(stride.Count == 0 ? _indices[g] : $"{_indices[g]} * {string.Join(" * ", stride.Select(s => s.Contains("*") ? $"({s})" : s))}");
        }
        return terms.Count == 0 ? null : string.Join(" + ", terms);
    }

    public void Close()
    {
        for (int i = _scopes.Count - 1; i >= 0; i--) _scopes[i].Dispose();
    }
}
