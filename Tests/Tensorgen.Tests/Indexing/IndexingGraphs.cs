using Tensorgen;
using static Tensorgen.Pt;

namespace Tensorgen.Tests.Indexing;

/// <summary>Indexing graphs compiled by the generator with the test project: positions given at call time.</summary>
public static partial class IndexingGraphs
{
    public static readonly Shared<double> Weights = Shared(new double[] { 1, 2, 3 }, name: "w");
    public static readonly Shared<long> Calls = Shared(0, name: "calls");

    /// <summary>Row n of x.</summary>
    [TensorFunction]
    public static FunctionGraph Row()
    {
        var x = DMatrix("x");
        var n = LScalar("n");
        return Function([x, n], x[n]);
    }

    /// <summary>Column j of x, an element of a vector: two positions in one call.</summary>
    [TensorFunction]
    public static FunctionGraph Column()
    {
        var x = DMatrix("x");
        var j = LScalar("j");
        return Function([x, j], x[.., j]);
    }

    /// <summary>A position into a shared variable, with updates: a bad position must leave the state alone.</summary>
    [TensorFunction]
    public static FunctionGraph Pick()
    {
        var i = LScalar("i");
        return Function([i], Weights[i], updates: [(Weights, Weights * 2), (Calls, Calls + 1)]);
    }

    /// <summary>A value written into rows from n on: y must fit the region's size.</summary>
    [TensorFunction]
    public static FunctionGraph SetTail()
    {
        var x = DVector("x");
        var y = DVector("y");
        var n = LScalar("n");
        return Function([x, y, n], x[n..].Set(y));
    }

    /// <summary>Rows i and i+1 of x, scaled and added: two views at an offset known at call time, read by one kernel.</summary>
    [TensorFunction]
    public static FunctionGraph AdjacentRows()
    {
        var x = DMatrix("x");
        var i = LScalar("i");
        return Function([x, i], x[i] * 2 + x[i + 1]);
    }

    public static readonly Shared<double> Table = Shared(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }, name: "table");

    /// <summary>A row of a shared matrix read in place, while the matrix is updated: a bad position must leave it alone.</summary>
    [TensorFunction]
    public static FunctionGraph TableRowSum()
    {
        var i = LScalar("i");
        return Function([i], Sum(Table[i]), updates: [(Table, Table * 2)]);
    }

    /// <summary>An update that is a view of another value: stored as a copy of its own.</summary>
    [TensorFunction]
    public static FunctionGraph KeepRow()
    {
        var x = DMatrix("x");
        return Function([x], x[0] * 1, updates: [(Weights, x[1])]);
    }
}
