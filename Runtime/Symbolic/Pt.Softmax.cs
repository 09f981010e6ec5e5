namespace Tensorgen;

// The softmax family (issue 13): PyTensor's pt.special.softmax / log_softmax, pt.logsumexp, extra_ops.to_one_hot,
// and the categorical cross-entropy of Theano's nnet (no longer in PyTensor 2.24).
public static partial class Pt
{
    /// <summary>
    /// exp(x - max) / sum(exp(x - max)) along <paramref name="axis"/> (PyTensor's <c>pt.special.softmax(x, axis)</c>);
    /// PyTensor's default, no axis, normalizes over every element. Stable for any finite values (a row of ±1000
    /// is exact); a row of -inf or one holding +inf gives NaN, as PyTensor. An empty axis raises at call time
    /// ("zero-size array to reduction operation maximum which has no identity"). Negative axes count from the end.
    /// </summary>
    [Call(ApiFunction.Softmax)]
    public static TensorVariable Softmax(TensorVariable x, int? axis = null) => Inert.Variable;

    /// <summary>
    /// log(softmax(x)) computed stably as (x - max) - log(sum(exp(x - max))) along <paramref name="axis"/>
    /// (PyTensor's <c>pt.special.log_softmax(x, axis)</c>; no axis: every element). Finite for finite values.
    /// </summary>
    [Call(ApiFunction.LogSoftmax)]
    public static TensorVariable LogSoftmax(TensorVariable x, int? axis = null) => Inert.Variable;

    /// <summary>
    /// log(sum(exp(x))) over <paramref name="axis"/> (PyTensor's <c>pt.logsumexp(x, axis, keepdims)</c>; no axis:
    /// every element), computed as max + log(sum(exp(x - max))) as PyTensor's <c>local_log_sum_exp</c> makes it:
    /// finite for values of ±1000, -inf for a row of -inf, +inf when the row holds +inf.
    /// </summary>
    [Call(ApiFunction.LogSumExp)]
    public static TensorVariable LogSumExp(TensorVariable x, int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>log(sum(exp(x))) over several axes.</summary>
    [Call(ApiFunction.LogSumExp)]
    public static TensorVariable LogSumExp(TensorVariable x, int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>
    /// A matrix of <paramref name="y"/>'s length by <paramref name="nbClass"/> with a 1 in column y[i] of row i and
    /// zeros elsewhere (PyTensor's <c>pytensor.tensor.extra_ops.to_one_hot(y, nb_class, dtype)</c>; float64 unless
    /// <paramref name="dtype"/> says). y is an int vector; a negative class counts from the end and one outside
    /// [-nbClass, nbClass) throws at call time, as PyTensor's <c>set_subtensor</c> does.
    /// </summary>
    [Call(ApiFunction.ToOneHot)]
    public static TensorVariable ToOneHot(TensorVariable y, TensorVariable nbClass, DType? dtype = null) => Inert.Variable;

    /// <summary>
    /// The cross-entropy of each row of <paramref name="codingDist"/> (probabilities, e.g. a softmax) against
    /// <paramref name="trueDist"/>, as Theano's and PyTensor 2.x's <c>nnet.categorical_crossentropy</c> (removed from
    /// PyTensor 2.24): for a one-hot (or any distribution) of codingDist's rank, -sum(trueDist * log(codingDist), axis=-1);
    /// for an int vector of classes, -log(codingDist[arange(n), trueDist]). Over a softmax, the stabilizing rewrites make
    /// both finite, with finite gradients, for logits of ±1000.
    /// </summary>
    [Call(ApiFunction.CategoricalCrossEntropy)]
    public static TensorVariable CategoricalCrossEntropy(TensorVariable codingDist, TensorVariable trueDist) => Inert.Variable;
}
