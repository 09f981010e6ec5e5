using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// PyTensor's <c>RandomVariable</c>: a draw of one random variable, once per call however often it is read.
/// Its operands are the distribution's parameters, then the sizes given at run time.
/// </summary>
internal sealed class RandomOp : IStructuralOp
{
    public static readonly RandomOp Instance = new();

    public OpCode Op => OpCode.Random;

    public string Name => "random";

    public int Arity => -1;

    public OpKind Kind => OpKind.Random;

    public StepKind Step => StepKind.Draw;

    /// <summary>
    /// A draw of random variable number <paramref name="index"/>: NumPy's dtypes (int64 for counts and
    /// integers, float64 otherwise), scalar parameters converted to what the distribution takes.
    /// </summary>
    /// <param name="size">The static size of each dimension, -1 where <paramref name="sizeNodes"/> gives it.</param>
    /// <param name="sizeNodes">Per dimension: the int scalar giving its size at run time, or -1.</param>
    public int Build(GraphBuilder b, Distribution distribution, int[] parameters, int[] size, int[] sizeNodes, int index)
    {
        bool integral = distribution is Distribution.Integers or Distribution.Binomial or Distribution.Bernoulli or Distribution.Poisson;
        var converted = parameters.Select((p, i) =>
            b.Convert(p, distribution == Distribution.Integers || (distribution == Distribution.Binomial && i == 0) ? DType.Int64 : DType.Float64)).ToArray();
        // Inputs: the distribution's parameters, then the symbolic sizes; per dimension, which input gives its size (-1: static).
        var inputs = converted.Concat(sizeNodes.Where(n => n >= 0)).ToArray();
        var sizeInputs = new int[sizeNodes.Length];
        for (int d = 0, next = converted.Length; d < sizeNodes.Length; d++) sizeInputs[d] = sizeNodes[d] >= 0 ? next++ : -1;
        var p = new RandomParams(distribution, index, converted.Length, sizeInputs.ToEquatableArray());
        return b.Add(new Node(OpCode.Random, integral ? DType.Int64 : DType.Float64, size.ToEquatableArray(), inputs.ToEquatableArray(), p, default, null));
    }

    /// <summary>The size asked for: its own, whatever the operands.</summary>
    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => node.Shape;

    /// <summary>A draw is one variable: its index tells it apart, not the call that reads it.</summary>
    public bool OwnIdentity => true;

    /// <summary>A symbolic size is another tensor's dimension (<c>x.Shape[0]</c>) or an int scalar's value.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
        var p = node.Parameters<RandomParams>();
        for (int j = 0; j < node.Rank; j++)
        {
            int input = p.SizeInput(j);
            if (input < 0) continue;
            sizes.GivenBy(sizes.Output(j), node.Inputs[input]);
        }
    }

    /// <summary>A draw is not differentiable with respect to its parameters.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g) => b[id].Inputs.Select(_ => -1).ToArray();

    public bool Disconnected => true;

    public bool IsView(Node node) => false;

    /// <summary>Its parameters are read as values before it draws.</summary>
    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    /// <summary><c>normal_rv#0</c>: the distribution and the variable's index.</summary>
    public string PrintedName(Node node)
    {
        var p = node.Parameters<RandomParams>();
        return p.Distribution.ToString().ToLowerInvariant() + "_rv#" + p.Index.ToString(CultureInfo.InvariantCulture);
    }

    public string PrintedParameters(Node node) => "";

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary>The distribution's parameters among a draw's operands.</summary>
    public static IEnumerable<int> Parameters(Node node) => node.Inputs.Take(node.Parameters<RandomParams>().ParameterCount);

    /// <summary>The generator method a draw calls and its arguments before the destination: Bernoulli is a binomial of one trial.</summary>
    public static (string Method, List<string> Args) Call(Node node, IEnumerable<string> parameters)
    {
        var distribution = node.Parameters<RandomParams>().Distribution;
        var args = parameters.ToList();
        if (distribution == Distribution.Bernoulli) args.Insert(0, "1L");
        return (distribution == Distribution.Bernoulli ? "Binomial" : distribution.ToString(), args);
    }
}
