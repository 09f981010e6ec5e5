using System;

namespace Tensorgen;

/// <summary>
/// A fold's chunks as an <see cref="IChunkJob"/> over chunk indices: chunk c folds its elements from the identity
/// into <c>partials[c]</c>. Which thread folds a chunk does not matter: every chunk's value is the same on any.
/// </summary>
internal readonly ref struct FoldChunks<TJob, T> : IChunkJob
    where TJob : IFoldJob<T>, allows ref struct
{
    private readonly TJob _job;
    private readonly Span<T> _partials;
    private readonly int _chunk, _length;
    private readonly T _identity;

    public FoldChunks(TJob job, Span<T> partials, int chunk, int length, T identity)
    {
        _job = job;
        _partials = partials;
        _chunk = chunk;
        _length = length;
        _identity = identity;
    }

    public void Run(int start, int end)
    {
        for (int c = start; c < end; c++)
        {
            int from = c * _chunk;
            _partials[c] = _job.Fold(from, Math.Min(_length, from + _chunk), _identity);
        }
    }
}
